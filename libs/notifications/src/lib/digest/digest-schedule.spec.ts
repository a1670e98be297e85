import { digestTime, dueDigest, knownZone, wallTime } from './digest-schedule';

const at = (iso: string) => new Date(iso);

describe('digest schedule', () => {
  it('makes 08:00 in Vilnius an hour earlier in UTC than 08:00 in Warsaw', () => {
    // 26 November 2026: Warsaw is UTC+1, Vilnius UTC+2.
    expect(digestTime('2026-11-26', 'Europe/Warsaw', 8).toISOString()).toBe('2026-11-26T07:00:00.000Z');
    expect(digestTime('2026-11-26', 'Europe/Vilnius', 8).toISOString()).toBe('2026-11-26T06:00:00.000Z');
    // In summer both are an hour further ahead.
    expect(digestTime('2026-07-01', 'Europe/Warsaw', 8).toISOString()).toBe('2026-07-01T06:00:00.000Z');
    expect(digestTime('2026-07-01', 'Europe/Vilnius', 8).toISOString()).toBe('2026-07-01T05:00:00.000Z');
  });

  it('is due from the digest hour in the user zone, not a minute before', () => {
    expect(dueDigest(at('2026-11-26T05:59:59Z'), 'Europe/Vilnius', 8)).toBeNull();
    expect(dueDigest(at('2026-11-26T06:00:00Z'), 'Europe/Vilnius', 8)).toEqual({
      localDate: '2026-11-26',
      dueAt: at('2026-11-26T06:00:00Z'),
    });
    // The same instant: the Warsaw user's 08:00 is still an hour away.
    expect(dueDigest(at('2026-11-26T06:00:00Z'), 'Europe/Warsaw', 8)).toBeNull();
    expect(dueDigest(at('2026-11-26T07:14:00Z'), 'Europe/Warsaw', 8)?.localDate).toBe('2026-11-26');
  });

  it('stays due until the local day ends, and the next day starts a new date', () => {
    // 23:30 in Warsaw: still the 26th; 00:30 in Vilnius: already the 27th, whose 08:00 has not come.
    expect(dueDigest(at('2026-11-26T22:30:00Z'), 'Europe/Warsaw', 8)?.localDate).toBe('2026-11-26');
    expect(dueDigest(at('2026-11-26T22:30:00Z'), 'Europe/Vilnius', 8)).toBeNull();
    expect(dueDigest(at('2026-11-27T06:00:00Z'), 'Europe/Vilnius', 8)?.localDate).toBe('2026-11-27');
  });

  it('follows the change to summer time: 08:00 on 29 March 2026 is 06:00 UTC, the day before 07:00', () => {
    expect(digestTime('2026-03-28', 'Europe/Warsaw', 8).toISOString()).toBe('2026-03-28T07:00:00.000Z');
    expect(digestTime('2026-03-29', 'Europe/Warsaw', 8).toISOString()).toBe('2026-03-29T06:00:00.000Z');
    expect(digestTime('2026-03-29', 'Europe/Vilnius', 8).toISOString()).toBe('2026-03-29T05:00:00.000Z');
    expect(dueDigest(at('2026-03-29T05:59:00Z'), 'Europe/Warsaw', 8)).toBeNull();
    expect(dueDigest(at('2026-03-29T06:00:00Z'), 'Europe/Warsaw', 8)?.localDate).toBe('2026-03-29');
  });

  it('starts an hour that the change to summer time skips at the end of the gap', () => {
    // Warsaw goes from 02:00 CET straight to 03:00 CEST at 01:00 UTC; Vilnius from 03:00 to 04:00, at the same instant.
    expect(digestTime('2026-03-29', 'Europe/Warsaw', 2).toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(digestTime('2026-03-29', 'Europe/Vilnius', 3).toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(wallTime(at('2026-03-29T01:00:00Z'), 'Europe/Warsaw')).toMatchObject({ date: '2026-03-29', hour: 3 });
  });

  it('starts an hour that the change to winter time repeats at its first occurrence', () => {
    // 25 October 2026: 02:00–03:00 happens twice in Warsaw (CEST from 00:00 UTC, then CET from 01:00 UTC).
    expect(digestTime('2026-10-25', 'Europe/Warsaw', 2).toISOString()).toBe('2026-10-25T00:00:00.000Z');
    expect(digestTime('2026-10-25', 'Europe/Warsaw', 8).toISOString()).toBe('2026-10-25T07:00:00.000Z');
    expect(digestTime('2026-10-25', 'Europe/Vilnius', 8).toISOString()).toBe('2026-10-25T06:00:00.000Z');
    // Once due on that date it stays due through the repeated hour.
    expect(dueDigest(at('2026-10-25T00:30:00Z'), 'Europe/Warsaw', 2)?.localDate).toBe('2026-10-25');
    expect(dueDigest(at('2026-10-25T01:30:00Z'), 'Europe/Warsaw', 2)?.localDate).toBe('2026-10-25');
  });

  it('handles midnight and the last hour of the day', () => {
    expect(digestTime('2026-11-26', 'Europe/Vilnius', 0).toISOString()).toBe('2026-11-25T22:00:00.000Z');
    expect(digestTime('2026-11-26', 'Europe/Warsaw', 23).toISOString()).toBe('2026-11-26T22:00:00.000Z');
  });

  it('reads an unknown zone as UTC', () => {
    expect(knownZone('Europe/Warsaw')).toBe('Europe/Warsaw');
    expect(knownZone('Mars/Olympus_Mons')).toBe('UTC');
  });
});
