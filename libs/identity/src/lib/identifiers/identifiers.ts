/**
 * Offline validators for Polish and Lithuanian company / tax identifiers.
 *
 * Source of truth: shared/domain/identifiers.md (algorithms and test vectors).
 * Pure functions, no dependencies, no I/O. A live VIES look-up, if ever wanted,
 * belongs in a separate adapter and must never block on these checks.
 *
 * Conventions for every `check*` function:
 * - `normalized` is what remains after stripping whitespace, '-', '.' and the
 *   country prefix. It holds digits only when the input is valid. KRS is
 *   zero-padded to 10 digits. An EU VAT number keeps its country prefix.
 * - `problem` is set only when `valid` is false.
 * - `warning` is used only by the LT company code, whose check digit is
 *   unofficial (see checkLtCompanyCode).
 */

export type IdentifierProblem = 'EMPTY' | 'SHAPE' | 'CHECK_DIGIT';

export interface IdentifierCheck {
  valid: boolean;
  normalized: string;
  problem?: IdentifierProblem;
  warning?: 'CHECK_DIGIT';
}

const DIGITS = /^[0-9]+$/;
/** Whitespace (including no-break spaces that come with copy-paste), dashes and dots. */
const SEPARATORS = /[\s.-]+/g;

const NIP_WEIGHTS = [6, 5, 7, 2, 3, 4, 5, 6, 7] as const;
const REGON9_WEIGHTS = [8, 9, 2, 3, 4, 5, 6, 7] as const;
const REGON14_WEIGHTS = [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8] as const;
const LT_COMPANY_WEIGHTS_1 = [1, 2, 3, 4, 5, 6, 7, 8] as const;
const LT_COMPANY_WEIGHTS_2 = [3, 4, 5, 6, 7, 8, 9, 1] as const;

function ok(normalized: string): IdentifierCheck {
  return { valid: true, normalized };
}

function fail(normalized: string, problem: IdentifierProblem): IdentifierCheck {
  return { valid: false, normalized, problem };
}

function isDigits(value: string, length: number): boolean {
  return value.length === length && DIGITS.test(value);
}

function weightedSum(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += Number(digits[i]) * (weights[i] as number);
  }
  return sum;
}

function requireDigits(value: string, lengths: readonly number[], fn: string): void {
  if (typeof value !== 'string' || !DIGITS.test(value) || !lengths.includes(value.length)) {
    throw new RangeError(`${fn}: expected ${lengths.join(' or ')} digits, got ${JSON.stringify(value)}`);
  }
}

/**
 * Removes whitespace, '-' and '.', then one leading `countryPrefix` (case-insensitive)
 * if one is given. Nothing else is removed: 'AB12' stays 'AB12', so the shape check fails
 * instead of quietly accepting '12'.
 */
export function normalizeIdentifier(raw: string, countryPrefix?: 'PL' | 'LT'): string {
  const compact = (typeof raw === 'string' ? raw : '').replace(SEPARATORS, '');
  if (countryPrefix && compact.slice(0, 2).toUpperCase() === countryPrefix) {
    return compact.slice(2);
  }
  return compact;
}

// ---------------------------------------------------------------------------
// Poland
// ---------------------------------------------------------------------------

/**
 * NIP check digit for the first 9 digits: weighted sum mod 11.
 * Returns null when the remainder is 10. No NIP is issued with that remainder.
 * Do NOT map it to 0 (some popular validators do, and wrongly accept 1234567890).
 */
export function computeNipCheckDigit(first9: string): number | null {
  requireDigits(first9, [9], 'computeNipCheckDigit');
  const remainder = weightedSum(first9, NIP_WEIGHTS) % 11;
  return remainder === 10 ? null : remainder;
}

/** Polish NIP (tax id): 10 digits. The optional 'PL' prefix and separators are accepted. */
export function checkNip(raw: string): IdentifierCheck {
  const normalized = normalizeIdentifier(raw, 'PL');
  if (normalized === '') return fail(normalized, 'EMPTY');
  if (!isDigits(normalized, 10)) return fail(normalized, 'SHAPE');
  const expected = computeNipCheckDigit(normalized.slice(0, 9));
  if (expected === null || expected !== Number(normalized[9])) return fail(normalized, 'CHECK_DIGIT');
  return ok(normalized);
}

/** Formats a NIP as 3-3-2-2 ('856-734-62-15'). Input that is not 10 digits after normalising is returned unchanged. Does not validate the check digit. */
export function formatNip(nip: string): string {
  const n = normalizeIdentifier(nip, 'PL');
  if (!isDigits(n, 10)) return nip;
  return `${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6, 8)}-${n.slice(8, 10)}`;
}

/** REGON (9-digit) check digit for the first 8 digits: weighted sum mod 11, remainder 10 becomes 0. */
export function computeRegon9CheckDigit(first8: string): number {
  requireDigits(first8, [8], 'computeRegon9CheckDigit');
  const remainder = weightedSum(first8, REGON9_WEIGHTS) % 11;
  return remainder === 10 ? 0 : remainder;
}

function computeRegon14CheckDigit(first13: string): number {
  const remainder = weightedSum(first13, REGON14_WEIGHTS) % 11;
  return remainder === 10 ? 0 : remainder;
}

/** Polish REGON: 9 digits, or 14 digits (a local unit) whose first 9 digits must also be a valid REGON. */
export function checkRegon(raw: string): IdentifierCheck {
  const normalized = normalizeIdentifier(raw, 'PL');
  if (normalized === '') return fail(normalized, 'EMPTY');
  if (isDigits(normalized, 9)) {
    return computeRegon9CheckDigit(normalized.slice(0, 8)) === Number(normalized[8])
      ? ok(normalized)
      : fail(normalized, 'CHECK_DIGIT');
  }
  if (isDigits(normalized, 14)) {
    const parentOk = computeRegon9CheckDigit(normalized.slice(0, 8)) === Number(normalized[8]);
    const ownOk = computeRegon14CheckDigit(normalized.slice(0, 13)) === Number(normalized[13]);
    return parentOk && ownOk ? ok(normalized) : fail(normalized, 'CHECK_DIGIT');
  }
  return fail(normalized, 'SHAPE');
}

/** Polish KRS number: 1–10 digits, left-padded with zeros to 10. It has no known check digit, so only the shape is checked. */
export function checkKrs(raw: string): IdentifierCheck {
  const normalized = normalizeIdentifier(raw, 'PL');
  if (normalized === '') return fail(normalized, 'EMPTY');
  if (!DIGITS.test(normalized) || normalized.length > 10) return fail(normalized, 'SHAPE');
  return ok(normalized.padStart(10, '0'));
}

// ---------------------------------------------------------------------------
// Lithuania
// ---------------------------------------------------------------------------

/**
 * LT company code check digit (unofficial, but every sampled real code passes):
 * weights 1..8 mod 11; if 10, weights 3,4,5,6,7,8,9,1 mod 11; if still 10, 0.
 */
export function computeLtCompanyCodeCheckDigit(first8: string): number {
  requireDigits(first8, [8], 'computeLtCompanyCodeCheckDigit');
  let c = weightedSum(first8, LT_COMPANY_WEIGHTS_1) % 11;
  if (c === 10) c = weightedSum(first8, LT_COMPANY_WEIGHTS_2) % 11;
  return c === 10 ? 0 : c;
}

/**
 * Lithuanian company code (juridinio asmens kodas): 9 digits.
 * The shape is enforced. No official description of the check digit is known,
 * so a failed checksum gives `valid: true` with `warning: 'CHECK_DIGIT'`, not a rejection.
 * The leading digit is not checked: the doc only says real codes start with 1 or 3,
 * and does not state that as a rule.
 */
export function checkLtCompanyCode(raw: string): IdentifierCheck {
  const normalized = normalizeIdentifier(raw, 'LT');
  if (normalized === '') return fail(normalized, 'EMPTY');
  if (!isDigits(normalized, 9)) return fail(normalized, 'SHAPE');
  if (computeLtCompanyCodeCheckDigit(normalized.slice(0, 8)) !== Number(normalized[8])) {
    return { valid: true, normalized, warning: 'CHECK_DIGIT' };
  }
  return ok(normalized);
}

/**
 * LT VAT check digit over all but the last digit (8 or 11 digits):
 * weights 1+(i mod 9) mod 11; if 10, weights 1+((i+2) mod 9) mod 11; if still 10, 0.
 */
export function computeLtVatCheckDigit(digitsWithoutLast: string): number {
  requireDigits(digitsWithoutLast, [8, 11], 'computeLtVatCheckDigit');
  const sum = (offset: number): number => {
    let s = 0;
    for (let i = 0; i < digitsWithoutLast.length; i++) {
      s += Number(digitsWithoutLast[i]) * (1 + ((i + offset) % 9));
    }
    return s;
  };
  let c = sum(0) % 11;
  if (c === 10) c = sum(2) % 11;
  return c === 10 ? 0 : c;
}

/**
 * Lithuanian VAT code (PVM mokėtojo kodas): 9 digits (legal entities, 8th digit is 1)
 * or 12 digits (temporary taxpayers, 11th digit is 1).
 * The structural rule is enforced as a SHAPE problem. Every valid vector in
 * identifiers.md satisfies it (checked before enforcing it).
 */
export function checkLtVatCode(raw: string): IdentifierCheck {
  const normalized = normalizeIdentifier(raw, 'LT');
  if (normalized === '') return fail(normalized, 'EMPTY');
  const is9 = isDigits(normalized, 9);
  const is12 = isDigits(normalized, 12);
  if (!is9 && !is12) return fail(normalized, 'SHAPE');
  if ((is9 && normalized[7] !== '1') || (is12 && normalized[10] !== '1')) return fail(normalized, 'SHAPE');
  if (computeLtVatCheckDigit(normalized.slice(0, -1)) !== Number(normalized[normalized.length - 1])) {
    return fail(normalized, 'CHECK_DIGIT');
  }
  return ok(normalized);
}

// ---------------------------------------------------------------------------
// EU VAT (VIES format), offline only
// ---------------------------------------------------------------------------

/**
 * EU VAT number for PL ('PL' + NIP) or LT ('LT' + 9 or 12 digits).
 * Separators and a lowercase prefix are accepted. `normalized` keeps the upper-case
 * prefix (e.g. 'PL8567346215'). `country` is set whenever the prefix is PL or LT.
 * Other EU prefixes and prefix-less input give SHAPE.
 */
export function checkEuVatNumber(raw: string): IdentifierCheck & { country?: 'PL' | 'LT' } {
  const compact = normalizeIdentifier(raw);
  if (compact === '') return fail(compact, 'EMPTY');
  const prefix = compact.slice(0, 2).toUpperCase();
  const rest = compact.slice(2);
  if (prefix === 'PL' || prefix === 'LT') {
    // Digits only after the prefix. This also stops the inner checker from stripping a
    // second prefix ('PLPL8567346215') and rejects a bare prefix ('PL') as SHAPE.
    if (!DIGITS.test(rest)) return { ...fail(prefix + rest, 'SHAPE'), country: prefix };
    const inner = prefix === 'PL' ? checkNip(rest) : checkLtVatCode(rest);
    return { ...inner, normalized: prefix + inner.normalized, country: prefix };
  }
  return fail(compact, 'SHAPE');
}
