import type { ProblemCollector } from '@kooperant/platform-errors';
import { isCurrency, isValidAmountMinor } from '@kooperant/platform-money';

export interface QuoteLegDraft {
  packageId: string;
  /** The firm that would carry out this step; defaults to the submitting firm. */
  firmId?: string | null;
  priceMinor: number;
  currency: string;
  leadTimeDays: number;
  notes?: string | null;
}

export interface QuoteDraft {
  validUntil: Date;
  notes?: string | null;
  legs: QuoteLegDraft[];
}

/** Shape checks of a quote (pure). Which packages and firms it may name is checked against the order. */
export function validateQuoteDraft(d: QuoteDraft, now: Date, p: ProblemCollector): void {
  if (!(d.validUntil instanceof Date) || Number.isNaN(d.validUntil.getTime()))
    p.add('validUntil', 'FORMAT', 'Give a date.');
  else if (d.validUntil.getTime() <= now.getTime())
    p.add('validUntil', 'IN_PAST', 'A quote must be valid in the future.');
  if ((d.notes ?? '').length > 5000) p.add('notes', 'TOO_LONG', 'At most 5000 characters.');
  if (!d.legs?.length) p.add('legs', 'REQUIRED', 'Price at least one work package.');
  const seen = new Set<string>();
  (d.legs ?? []).forEach((l, i) => {
    const f = `legs.${i}`;
    if (seen.has(l.packageId)) p.add(`${f}.packageId`, 'DUPLICATE', 'One leg per work package.');
    seen.add(l.packageId);
    if (!isValidAmountMinor(l.priceMinor))
      p.add(`${f}.priceMinor`, 'OUT_OF_RANGE', 'Give the price in whole minor units, 0 or more.');
    if (!isCurrency(l.currency)) p.add(`${f}.currency`, 'UNSUPPORTED', 'Currency is PLN or EUR.');
    if (!Number.isInteger(l.leadTimeDays) || l.leadTimeDays < 0 || l.leadTimeDays > 730)
      p.add(`${f}.leadTimeDays`, 'OUT_OF_RANGE', 'Lead time is 0 to 730 days.');
    if ((l.notes ?? '').length > 2000) p.add(`${f}.notes`, 'TOO_LONG', 'At most 2000 characters.');
  });
}

/**
 * A joint quote must cover consecutive packages: the packages it names form one connected piece of the order's
 * chain (following `after` edges in either direction). Pure.
 */
export function isConnected(
  packageIds: readonly string[],
  edges: readonly { packageId: string; predecessorId: string }[],
): boolean {
  if (packageIds.length <= 1) return true;
  const inSet = new Set(packageIds);
  const adj = new Map<string, string[]>();
  for (const e of edges) {
    if (!inSet.has(e.packageId) || !inSet.has(e.predecessorId)) continue;
    adj.set(e.packageId, [...(adj.get(e.packageId) ?? []), e.predecessorId]);
    adj.set(e.predecessorId, [...(adj.get(e.predecessorId) ?? []), e.packageId]);
  }
  const seen = new Set([packageIds[0]]);
  const stack = [packageIds[0]];
  while (stack.length) {
    for (const n of adj.get(stack.pop() as string) ?? []) {
      if (!seen.has(n)) {
        seen.add(n);
        stack.push(n);
      }
    }
  }
  return seen.size === inSet.size;
}
