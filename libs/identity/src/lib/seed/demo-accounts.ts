import type { DemoFirmSeed } from './demo-firms.seed';

/** Every demo account signs in with this password (listed in the README; demo data only). */
export const DEMO_PASSWORD = 'kooperant-demo-2026';

export const DEMO_ACCOUNTS = {
  admin: { email: 'admin@kooperant.demo', displayName: 'Platform Admin', locale: 'en', timeZone: 'Europe/Warsaw' },
  plCoordinator: {
    email: 'koordynator@klaster-kom.demo',
    displayName: 'Anna Nowak',
    locale: 'pl',
    timeZone: 'Europe/Warsaw',
  },
  ltCoordinator: {
    email: 'koordinatore@alytus-klasteris.demo',
    displayName: 'Rūta Jonaitienė',
    locale: 'lt',
    timeZone: 'Europe/Vilnius',
  },
} as const;

/** The demo user (firm admin) of a demo firm. */
export function demoFirmUserEmail(f: Pick<DemoFirmSeed, 'key'>): string {
  return `${f.key}@firm.kooperant.demo`;
}
