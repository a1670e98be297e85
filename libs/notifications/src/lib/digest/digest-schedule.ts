/**
 * When a user's daily digest is due. The digest of a local date D is due from the instant the user's wall clock
 * first shows their digest hour on D (`digestTime`), until D ends; it lists what came before that instant. Summer
 * time needs no special case: on the night the clocks go forward an hour that does not exist (02:00 in Warsaw)
 * starts at the first instant after the gap (03:00), and on the night they go back an hour that exists twice
 * starts at its first occurrence.
 */

const wallClocks = new Map<string, Intl.DateTimeFormat>();

function wallClock(timeZone: string): Intl.DateTimeFormat {
  let f = wallClocks.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    wallClocks.set(timeZone, f);
  }
  return f;
}

/** The wall clock of a zone at an instant: date `YYYY-MM-DD`, hour 0–23, and its offset from UTC in ms. */
export function wallTime(at: Date, timeZone: string): { date: string; hour: number; offsetMs: number } {
  const parts = Object.fromEntries(
    wallClock(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    hour: +parts.hour,
    offsetMs: asUtc - Math.floor(at.getTime() / 1000) * 1000,
  };
}

/** The first instant at which the zone's wall clock shows `hour`:00 on `localDate` (or, in a gap, the hour after). */
export function digestTime(localDate: string, timeZone: string, hour: number): Date {
  const [y, m, d] = localDate.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d, hour);
  const HOURS_12 = 12 * 3600_000;
  // The offsets before and after any change of that day: each gives a candidate, valid if it shows the wanted hour.
  const before = wall - wallTime(new Date(wall - HOURS_12), timeZone).offsetMs;
  const after = wall - wallTime(new Date(wall + HOURS_12), timeZone).offsetMs;
  const valid = [before, after]
    .filter((t) => {
      const w = wallTime(new Date(t), timeZone);
      return w.date === localDate && w.hour === hour;
    })
    .sort((a, b) => a - b);
  // No valid candidate: the hour falls in the gap of a forward change; the old offset lands just after it.
  return new Date(valid[0] ?? before);
}

/** The user's digest due at `now`, if any: its local date and the instant it became due (what it covers ends there). */
export function dueDigest(now: Date, timeZone: string, hour: number): { localDate: string; dueAt: Date } | null {
  const today = wallTime(now, timeZone).date;
  const dueAt = digestTime(today, timeZone, hour);
  return now.getTime() >= dueAt.getTime() ? { localDate: today, dueAt } : null;
}

/** A time zone Intl knows; anything else (an unknown name in the database) reads as UTC rather than failing. */
export function knownZone(timeZone: string): string {
  try {
    wallClock(timeZone);
    return timeZone;
  } catch {
    return 'UTC';
  }
}
