import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { hash } from '@node-rs/argon2';
import {
  AccessService,
  ClusterService,
  DEMO_ACCOUNTS,
  DEMO_FIRMS,
  DEMO_PASSWORD,
  demoFirmUserEmail,
  FirmService,
} from '@kooperant/identity';
import { DEMO_OFFERS, OfferService } from '@kooperant/catalogue';

const CLUSTERS = [
  {
    code: 'kom-bialystok',
    name: { en: 'Metal Processing Cluster', pl: 'Klaster Obróbki Metali', lt: 'Metalo apdirbimo klasteris' },
    country: 'PL',
    city: 'Białystok',
    lat: 53.1325,
    lng: 23.1688,
  },
  {
    code: 'alytus-metal',
    name: {
      en: 'Alytus Metal and Wood Cooperation Cluster',
      pl: 'Klaster Kooperacyjny Metal i Drewno Olita',
      lt: 'Alytaus metalo ir medienos kooperacijos klasteris',
    },
    country: 'LT',
    city: 'Alytus',
    lat: 54.3963,
    lng: 24.0459,
  },
] as const;

/**
 * Loads the demo data into an empty database through the domain services, so that every firm and offer
 * passes the same checks as one entered over the API. Returns false when the database already has clusters.
 */
export async function seedDemo(app: INestApplicationContext, log: (s: string) => void): Promise<boolean> {
  const db = app.get<DataSource>(getDataSourceToken());
  const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM cluster`);
  if (n > 0) return false;
  const access = app.get(AccessService);
  const firms = app.get(FirmService);
  const clusters = app.get(ClusterService);
  const offers = app.get(OfferService);
  const started = Date.now();

  // One hash for every demo account: they share the demo password, and argon2id is slow on purpose.
  const passwordHash = await hash(DEMO_PASSWORD, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  const createUser = async (email: string, displayName: string, locale: string, tz: string, admin = false) => {
    const [row] = await db.query(
      `INSERT INTO app_user (email, password_hash, display_name, locale, time_zone, is_platform_admin)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [email, passwordHash, displayName, locale, tz, admin],
    );
    return row.id as string;
  };

  const clusterIds = new Map<string, string>();
  for (const c of CLUSTERS) {
    const [row] = await db.query(
      `INSERT INTO cluster (code, name, country, city, lat, lng) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [c.code, c.name, c.country, c.city, c.lat, c.lng],
    );
    clusterIds.set(c.code, row.id);
  }
  const [plId, ltId] = [clusterIds.get('kom-bialystok'), clusterIds.get('alytus-metal')];
  await db.query(`UPDATE cluster SET partner_cluster_id = $2 WHERE id = $1`, [plId, ltId]);
  await db.query(`UPDATE cluster SET partner_cluster_id = $1 WHERE id = $2`, [plId, ltId]);

  const a = DEMO_ACCOUNTS;
  await createUser(a.admin.email, a.admin.displayName, a.admin.locale, a.admin.timeZone, true);
  const plCoord = await createUser(
    a.plCoordinator.email,
    a.plCoordinator.displayName,
    a.plCoordinator.locale,
    a.plCoordinator.timeZone,
  );
  const ltCoord = await createUser(
    a.ltCoordinator.email,
    a.ltCoordinator.displayName,
    a.ltCoordinator.locale,
    a.ltCoordinator.timeZone,
  );
  await db.query(`INSERT INTO cluster_coordinator (user_id, cluster_id) VALUES ($1, $2), ($3, $4)`, [
    plCoord,
    plId,
    ltCoord,
    ltId,
  ]);

  const firmIds = new Map<string, string>();
  for (const f of DEMO_FIRMS) {
    const locale = f.country === 'PL' ? 'pl' : 'lt';
    const userId = await createUser(
      demoFirmUserEmail(f),
      `${f.name} (demo)`,
      locale,
      f.country === 'PL' ? 'Europe/Warsaw' : 'Europe/Vilnius',
    );
    const actor = access.actorFor(userId);
    const firm = await firms.registerFirm(actor, {
      name: f.name,
      country: f.country,
      nip: f.nip,
      regon: f.regon,
      krs: f.krs,
      companyCode: f.companyCode,
      vatNumber: f.vatNumber,
      street: f.address.street,
      city: f.address.city,
      postcode: f.address.postcode,
      lat: f.lat,
      lng: f.lng,
      languages: f.languages,
      sizeClass: f.sizeClass,
      naceCodes: f.naceCodes,
      certificationCodes: f.certificationCodes,
      description: f.description,
    });
    firmIds.set(f.key, firm.id);
    const membership = await clusters.requestMembership(
      access.actorFor(userId),
      firm.id,
      clusterIds.get(f.clusterCode) as string,
    );
    const coordinator = f.clusterCode === 'kom-bialystok' ? plCoord : ltCoord;
    await clusters.decideMembership(access.actorFor(coordinator), membership.id, true, 'Demo: verified at seed time.');
  }

  const ownerOf = new Map<string, string>();
  for (const f of DEMO_FIRMS) {
    const [row] = await db.query(`SELECT id FROM app_user WHERE email = $1`, [demoFirmUserEmail(f)]);
    ownerOf.set(f.key, row.id);
  }
  let published = 0;
  for (const o of DEMO_OFFERS) {
    const firmId = firmIds.get(o.firmKey);
    const userId = ownerOf.get(o.firmKey);
    if (!firmId || !userId) throw new Error(`demo offer refers to unknown firm ${o.firmKey}`);
    const actor = access.actorFor(userId);
    const offer = await offers.createOffer(actor, {
      firmId,
      language: o.language,
      title: o.title,
      description: o.description,
      translations: o.translations,
      processCodes: o.processCodes,
      materialCodes: o.materialCodes,
      certificationCodes: o.certificationCodes,
      capacity: o.capacity,
      leadTimeDays: o.leadTimeDays,
      price: o.price,
      countriesServed: o.countriesServed,
      validUntil: new Date(Date.now() + o.validDays * 86_400_000),
    });
    if (o.status === 'published') {
      await offers.publishOffer(actor, offer.id);
      published++;
    }
  }
  log(
    `seed: ${CLUSTERS.length} clusters, ${DEMO_FIRMS.length} firms, ${DEMO_OFFERS.length} offers (${published} published) in ${Date.now() - started} ms`,
  );
  return true;
}

/** Lines for the console: who to sign in as. */
export function demoAccountLines(): string[] {
  const plFirm = DEMO_FIRMS.find((f) => f.country === 'PL');
  const ltFirm = DEMO_FIRMS.find((f) => f.country === 'LT');
  return [
    `password for every demo account: ${DEMO_PASSWORD}`,
    `  Polish firm user:        ${plFirm ? demoFirmUserEmail(plFirm) : '-'} (${plFirm?.name})`,
    `  Lithuanian firm user:    ${ltFirm ? demoFirmUserEmail(ltFirm) : '-'} (${ltFirm?.name})`,
    `  Polish coordinator:      ${DEMO_ACCOUNTS.plCoordinator.email}`,
    `  Lithuanian coordinator:  ${DEMO_ACCOUNTS.ltCoordinator.email}`,
    `  platform admin:          ${DEMO_ACCOUNTS.admin.email}`,
  ];
}
