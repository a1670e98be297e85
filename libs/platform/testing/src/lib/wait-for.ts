/**
 * Polls `probe` every `everyMs` until it gives a truthy value, and returns it; after `ms`, fails naming `what` (and
 * what `describe()` tells of the state then, if given). For waiting on a condition instead of sleeping.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  opts: { ms?: number; everyMs?: number; describe?: () => Promise<string> | string } = {},
): Promise<T> {
  const end = Date.now() + (opts.ms ?? 30_000);
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) {
      const state = opts.describe ? `: ${await opts.describe()}` : '';
      throw new Error(`timed out waiting for ${what}${state}`);
    }
    await new Promise((r) => setTimeout(r, opts.everyMs ?? 100));
  }
}
