import { ProblemCollector } from '@kooperant/platform-errors';
import {
  checkEuVatNumber,
  checkKrs,
  checkLtCompanyCode,
  checkNip,
  checkRegon,
  type IdentifierCheck,
} from '../identifiers/identifiers';
import type { Country, NaceCode, SizeClass } from './firm.entity';

export interface FirmDetails {
  name: string;
  country: string;
  nip?: string | null;
  regon?: string | null;
  krs?: string | null;
  companyCode?: string | null;
  vatNumber?: string | null;
  street: string;
  city: string;
  postcode: string;
  lat: number;
  lng: number;
  languages?: string[];
  sizeClass: string;
  naceCodes?: NaceCode[];
  certificationCodes?: string[];
  description?: string;
  website?: string | null;
}

export interface NormalizedFirm {
  name: string;
  country: Country;
  nip: string | null;
  regon: string | null;
  krs: string | null;
  companyCode: string | null;
  vatNumber: string | null;
  street: string;
  city: string;
  postcode: string;
  lat: number;
  lng: number;
  languages: string[];
  sizeClass: SizeClass;
  naceCodes: NaceCode[];
  certificationCodes: string[];
  description: string;
  website: string | null;
  /** Non-blocking findings, e.g. an LT company code whose checksum fails (no official algorithm exists). */
  warnings: { field: string; reason: string }[];
}

const SIZE_CLASSES: readonly SizeClass[] = ['micro', 'small', 'medium', 'large'];
const LANGUAGE = /^[a-z]{2}$/;
const NACE = /^\d{2}(\.\d{1,2})?$/;

function problemMessage(check: IdentifierCheck, label: string): string {
  switch (check.problem) {
    case 'EMPTY':
      return `${label} is required.`;
    case 'CHECK_DIGIT':
      return `${label} has a wrong check digit.`;
    default:
      return `${label} has the wrong format.`;
  }
}

const trimmed = (s: string | null | undefined) => (s ?? '').trim();
const optional = (s: string | null | undefined) => (trimmed(s) === '' ? null : trimmed(s));

/**
 * Checks and normalises a firm's details (pure). Identifiers follow shared/domain/identifiers.md:
 * PL firms need a NIP, LT firms a company code; VAT numbers must match the firm's country.
 */
export function validateFirmDetails(d: FirmDetails): NormalizedFirm {
  const p = new ProblemCollector();
  const warnings: NormalizedFirm['warnings'] = [];
  const name = trimmed(d.name);
  if (name.length < 2 || name.length > 200) p.add('name', 'LENGTH', 'Give a name of 2 to 200 characters.');
  const country = d.country as Country;
  if (country !== 'PL' && country !== 'LT') p.add('country', 'UNSUPPORTED', 'Country must be PL or LT.');

  let nip: string | null = null;
  let regon: string | null = null;
  let krs: string | null = null;
  let companyCode: string | null = null;
  let vatNumber: string | null = null;

  const ident = (
    field: string,
    label: string,
    raw: string | null | undefined,
    check: (s: string) => IdentifierCheck,
  ) => {
    const c = check(raw ?? '');
    if (!c.valid) p.add(field, c.problem ?? 'SHAPE', problemMessage(c, label));
    return c.valid ? c.normalized : null;
  };

  if (country === 'PL') {
    nip = ident('nip', 'NIP', d.nip, checkNip);
    if (optional(d.regon)) regon = ident('regon', 'REGON', d.regon, checkRegon);
    if (optional(d.krs)) krs = ident('krs', 'KRS', d.krs, checkKrs);
    if (optional(d.companyCode))
      p.add('companyCode', 'NOT_APPLICABLE', 'A Polish firm has no Lithuanian company code.');
    if (!/^\d{2}-\d{3}$/.test(trimmed(d.postcode))) p.add('postcode', 'FORMAT', 'Polish postcodes look like 15-123.');
  } else if (country === 'LT') {
    const c = checkLtCompanyCode(d.companyCode ?? '');
    if (!c.valid) p.add('companyCode', c.problem ?? 'SHAPE', problemMessage(c, 'Company code'));
    else {
      companyCode = c.normalized;
      if (c.warning) warnings.push({ field: 'companyCode', reason: c.warning });
    }
    for (const f of ['nip', 'regon', 'krs'] as const) {
      if (optional(d[f])) p.add(f, 'NOT_APPLICABLE', `A Lithuanian firm has no ${f.toUpperCase()}.`);
    }
    if (!/^LT-\d{5}$/.test(trimmed(d.postcode).toUpperCase()))
      p.add('postcode', 'FORMAT', 'Lithuanian postcodes look like LT-62100.');
  }

  if (optional(d.vatNumber)) {
    const v = checkEuVatNumber(d.vatNumber ?? '');
    if (!v.valid) p.add('vatNumber', v.problem ?? 'SHAPE', problemMessage(v, 'VAT number'));
    else if (v.country !== country)
      p.add('vatNumber', 'COUNTRY_MISMATCH', `The VAT number must start with ${country}.`);
    else if (country === 'PL' && nip && v.normalized !== `PL${nip}`)
      p.add('vatNumber', 'NIP_MISMATCH', 'A Polish VAT number is PL followed by the NIP.');
    else vatNumber = v.normalized;
  }

  const street = trimmed(d.street);
  const city = trimmed(d.city);
  if (street.length < 2 || street.length > 200) p.add('street', 'LENGTH', 'Give the street and number.');
  if (city.length < 2 || city.length > 120) p.add('city', 'LENGTH', 'Give the city.');
  if (!Number.isFinite(d.lat) || d.lat < -90 || d.lat > 90) p.add('lat', 'OUT_OF_RANGE', 'Latitude must be -90 to 90.');
  if (!Number.isFinite(d.lng) || d.lng < -180 || d.lng > 180)
    p.add('lng', 'OUT_OF_RANGE', 'Longitude must be -180 to 180.');
  const languages = [...new Set((d.languages ?? []).map((l) => l.trim().toLowerCase()))];
  languages.forEach((l, i) => {
    if (!LANGUAGE.test(l)) p.add(`languages.${i}`, 'FORMAT', 'Use two-letter ISO 639-1 codes such as pl, lt, en.');
  });
  if (!SIZE_CLASSES.includes(d.sizeClass as SizeClass))
    p.add('sizeClass', 'UNSUPPORTED', 'Size class must be micro, small, medium or large.');
  const naceCodes = (d.naceCodes ?? []).map((n) => ({ code: trimmed(n.code), revision: n.revision }));
  naceCodes.forEach((n, i) => {
    if (!NACE.test(n.code)) p.add(`naceCodes.${i}.code`, 'FORMAT', 'NACE codes look like 25.62.');
    if (n.revision !== '2' && n.revision !== '2.1')
      p.add(`naceCodes.${i}.revision`, 'UNSUPPORTED', 'Revision is 2 or 2.1.');
  });
  const description = trimmed(d.description);
  if (description.length > 4000) p.add('description', 'TOO_LONG', 'At most 4000 characters.');
  const website = optional(d.website);
  if (website && !/^https?:\/\/[^\s]+\.[^\s]+$/.test(website))
    p.add('website', 'FORMAT', 'Give a full http(s) address.');
  p.throwIfAny();
  return {
    name,
    country,
    nip,
    regon,
    krs,
    companyCode,
    vatNumber,
    street,
    city,
    postcode: trimmed(d.postcode).toUpperCase(),
    lat: d.lat,
    lng: d.lng,
    languages,
    sizeClass: d.sizeClass as SizeClass,
    naceCodes,
    certificationCodes: [...new Set((d.certificationCodes ?? []).map((c) => c.trim()))],
    description,
    website,
    warnings,
  };
}
