import { ProblemCollector } from '@kooperant/platform-errors';
import { foldText, isLocale, type Locale } from '@kooperant/platform-i18n';
import { isCurrency, isValidAmountMinor, type Currency } from '@kooperant/platform-money';
import type { CapacityUnit, OfferTranslation } from './offer.entity';

export const CAPACITY_UNITS: readonly CapacityUnit[] = ['pcs', 'kg', 't', 'm2', 'm3', 'h', 'm'];
export const SERVED_COUNTRIES = /^[A-Z]{2}$/;
export const MAX_VALIDITY_DAYS = 730;

export interface OfferCapacity {
  maxPartLengthMm?: number | null;
  maxPartWidthMm?: number | null;
  maxPartHeightMm?: number | null;
  minThicknessMm?: number | null;
  maxThicknessMm?: number | null;
  toleranceMm?: number | null;
  minBatch?: number | null;
  maxBatch?: number | null;
  monthlyCapacity?: number | null;
  capacityUnit?: string | null;
}

export interface OfferPrice {
  amountMinor: number;
  currency: string;
  unit: string;
}

/** What a firm writes; taxonomy entries are referred to by code. */
export interface OfferDraft {
  language: string;
  title: string;
  description: string;
  translations?: { language: string; title: string; description: string }[];
  processCodes: string[];
  materialCodes?: string[];
  certificationCodes?: string[];
  capacity?: OfferCapacity | null;
  leadTimeDays: number;
  price?: OfferPrice | null;
  countriesServed?: string[];
  validUntil: Date;
}

export interface NormalizedOfferText {
  language: Locale;
  title: string;
  description: string;
  translations: OfferTranslation[];
  searchText: string;
}

/** Checks the texts of an offer and builds its folded search text. Pure. */
export function validateOfferText(d: OfferDraft, p: ProblemCollector): NormalizedOfferText {
  const language = d.language as Locale;
  if (!isLocale(d.language)) p.add('language', 'UNSUPPORTED', 'Language must be en, pl or lt.');
  const title = (d.title ?? '').trim();
  const description = (d.description ?? '').trim();
  if (title.length < 3 || title.length > 200) p.add('title', 'LENGTH', 'Give a title of 3 to 200 characters.');
  if (description.length > 5000) p.add('description', 'TOO_LONG', 'At most 5000 characters.');
  const translations: OfferTranslation[] = [];
  (d.translations ?? []).forEach((t, i) => {
    const tt = (t.title ?? '').trim();
    const td = (t.description ?? '').trim();
    if (!isLocale(t.language)) p.add(`translations.${i}.language`, 'UNSUPPORTED', 'Language must be en, pl or lt.');
    else if (t.language === d.language || translations.some((x) => x.language === t.language))
      p.add(`translations.${i}.language`, 'DUPLICATE', 'One translation per language, other than the original.');
    if (tt.length < 3 || tt.length > 200)
      p.add(`translations.${i}.title`, 'LENGTH', 'Give a title of 3 to 200 characters.');
    if (td.length > 5000) p.add(`translations.${i}.description`, 'TOO_LONG', 'At most 5000 characters.');
    translations.push({ language: t.language as Locale, title: tt, description: td });
  });
  const searchText = foldText([title, description, ...translations.flatMap((t) => [t.title, t.description])].join(' '));
  return { language, title, description, translations, searchText };
}

const nonNeg = (v: number | null | undefined) => v === null || v === undefined || (Number.isFinite(v) && v >= 0);
const posInt = (v: number | null | undefined) => v === null || v === undefined || (Number.isInteger(v) && v > 0);

export interface NormalizedCapacity {
  maxPartLengthMm: number | null;
  maxPartWidthMm: number | null;
  maxPartHeightMm: number | null;
  minThicknessMm: number | null;
  maxThicknessMm: number | null;
  toleranceMm: number | null;
  minBatch: number | null;
  maxBatch: number | null;
  monthlyCapacity: number | null;
  capacityUnit: CapacityUnit | null;
}

/** Checks technical capacity: non-negative sizes, min ≤ max, whole batch sizes. Pure. */
export function validateCapacity(c: OfferCapacity | null | undefined, p: ProblemCollector): NormalizedCapacity {
  const v = c ?? {};
  const dims = [
    'maxPartLengthMm',
    'maxPartWidthMm',
    'maxPartHeightMm',
    'minThicknessMm',
    'maxThicknessMm',
    'toleranceMm',
  ] as const;
  for (const k of dims) {
    if (!nonNeg(v[k]) || (v[k] ?? 0) > 1_000_000)
      p.add(`capacity.${k}`, 'OUT_OF_RANGE', 'Give a size in mm, 0 or more.');
  }
  for (const k of ['minBatch', 'maxBatch', 'monthlyCapacity'] as const) {
    if (!posInt(v[k]) || (v[k] ?? 0) > 1_000_000_000)
      p.add(`capacity.${k}`, 'OUT_OF_RANGE', 'Give a whole number above 0.');
  }
  if (v.minThicknessMm != null && v.maxThicknessMm != null && v.minThicknessMm > v.maxThicknessMm)
    p.add('capacity.minThicknessMm', 'MIN_ABOVE_MAX', 'Minimum thickness is above the maximum.');
  if (v.minBatch != null && v.maxBatch != null && v.minBatch > v.maxBatch)
    p.add('capacity.minBatch', 'MIN_ABOVE_MAX', 'Minimum batch is above the maximum.');
  const unit = v.capacityUnit ?? null;
  if (unit !== null && !CAPACITY_UNITS.includes(unit as CapacityUnit))
    p.add('capacity.capacityUnit', 'UNSUPPORTED', `Unit must be one of ${CAPACITY_UNITS.join(', ')}.`);
  if (v.monthlyCapacity != null && unit === null)
    p.add('capacity.capacityUnit', 'REQUIRED', 'Say in which unit the monthly capacity is.');
  return {
    maxPartLengthMm: v.maxPartLengthMm ?? null,
    maxPartWidthMm: v.maxPartWidthMm ?? null,
    maxPartHeightMm: v.maxPartHeightMm ?? null,
    minThicknessMm: v.minThicknessMm ?? null,
    maxThicknessMm: v.maxThicknessMm ?? null,
    toleranceMm: v.toleranceMm ?? null,
    minBatch: v.minBatch ?? null,
    maxBatch: v.maxBatch ?? null,
    monthlyCapacity: v.monthlyCapacity ?? null,
    capacityUnit: unit as CapacityUnit | null,
  };
}

export interface NormalizedTerms {
  leadTimeDays: number;
  priceMinor: number | null;
  priceCurrency: Currency | null;
  priceUnit: CapacityUnit | null;
  countriesServed: string[];
  validUntil: Date;
}

/** Lead time, indicative price, countries served and validity. Pure; `now` is passed in. */
export function validateTerms(d: OfferDraft, defaultCountry: string, now: Date, p: ProblemCollector): NormalizedTerms {
  if (!Number.isInteger(d.leadTimeDays) || d.leadTimeDays < 0 || d.leadTimeDays > 365)
    p.add('leadTimeDays', 'OUT_OF_RANGE', 'Lead time is 0 to 365 days.');
  let priceMinor: number | null = null;
  let priceCurrency: Currency | null = null;
  let priceUnit: CapacityUnit | null = null;
  if (d.price) {
    if (!isValidAmountMinor(d.price.amountMinor))
      p.add('price.amountMinor', 'OUT_OF_RANGE', 'Give the price in whole minor units (grosze, cents), 0 or more.');
    if (!isCurrency(d.price.currency)) p.add('price.currency', 'UNSUPPORTED', 'Currency is PLN or EUR.');
    if (!CAPACITY_UNITS.includes(d.price.unit as CapacityUnit))
      p.add('price.unit', 'UNSUPPORTED', `Unit must be one of ${CAPACITY_UNITS.join(', ')}.`);
    priceMinor = d.price.amountMinor;
    priceCurrency = d.price.currency as Currency;
    priceUnit = d.price.unit as CapacityUnit;
  }
  const countries = [
    ...new Set((d.countriesServed?.length ? d.countriesServed : [defaultCountry]).map((c) => c.trim().toUpperCase())),
  ];
  countries.forEach((c, i) => {
    if (!SERVED_COUNTRIES.test(c)) p.add(`countriesServed.${i}`, 'FORMAT', 'Use ISO country codes such as PL, LT.');
  });
  const validUntil = d.validUntil instanceof Date ? d.validUntil : new Date(d.validUntil);
  if (Number.isNaN(validUntil.getTime())) p.add('validUntil', 'FORMAT', 'Give a date.');
  else if (validUntil.getTime() <= now.getTime())
    p.add('validUntil', 'IN_PAST', 'The offer must be valid in the future.');
  else if (validUntil.getTime() > now.getTime() + MAX_VALIDITY_DAYS * 86_400_000)
    p.add('validUntil', 'TOO_FAR', `An offer can be valid for at most ${MAX_VALIDITY_DAYS} days; renew it later.`);
  return { leadTimeDays: d.leadTimeDays, priceMinor, priceCurrency, priceUnit, countriesServed: countries, validUntil };
}
