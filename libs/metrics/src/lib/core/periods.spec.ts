import { COUNTRY_ZONE, periodsOf, periodWindow } from './periods';

describe('periodWindow', () => {
  it('is the UTC period with a day either side', () => {
    expect(periodWindow('2026-03')).toEqual({
      from: new Date('2026-02-28T00:00:00Z'),
      to: new Date('2026-04-02T00:00:00Z'),
    });
    expect(periodWindow('2026-Q4')).toEqual({
      from: new Date('2026-09-30T00:00:00Z'),
      to: new Date('2027-01-02T00:00:00Z'),
    });
    expect(periodWindow('2025')).toEqual({
      from: new Date('2024-12-31T00:00:00Z'),
      to: new Date('2026-01-02T00:00:00Z'),
    });
  });

  it('holds every moment that falls in the period on the Polish or the Lithuanian calendar', () => {
    // Every hour of two years, across DST changes and year ends.
    for (let t = Date.UTC(2025, 0, 1) - 6 * 3_600_000; t < Date.UTC(2027, 0, 1); t += 3_600_000) {
      const at = new Date(t);
      for (const zone of Object.values(COUNTRY_ZONE)) {
        for (const period of periodsOf(at, zone)) {
          const w = periodWindow(period);
          expect(at >= w.from && at < w.to).toBe(true);
        }
      }
    }
  });
});
