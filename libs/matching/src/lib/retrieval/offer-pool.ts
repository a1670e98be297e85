import type { Candidate, PackageNeed } from '../scoring/candidate';

/** An offer with its firm, as cached: what does not depend on the package or on the firm's record. */
export type PoolOffer = Omit<
  Candidate,
  'priceMinor' | 'onTimeRate' | 'quoteResponseRate' | 'quoteResponseHours' | 'activePackages'
> & { unitPriceMinor: number | null; priceUnit: string | null; priceCurrency: string | null; validUntilMs: number };

/**
 * Small numbers for the strings the cheap constraints compare (taxonomy entries and countries, firms), shared by every
 * pool of the process: an entry's or a country's number is a bit of a bitset, a firm's a plain integer. An id never
 * seen when a pool was built is on none of its offers, so a package asking for it finds nothing there, as it should.
 */
class Interner {
  private readonly ids = new Map<string, number>();

  of(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(s, id);
    }
    return id;
  }

  get size(): number {
    return this.ids.size;
  }
}

const entries = new Interner();
const firms = new Interner();
const country = (code: string) => `country:${code}`;

/**
 * An offer pool as cached: the offers, and what a package's scan over thousands of them reads, in typed arrays (places,
 * expiry, and the cheap constraints: firm, verified, batch and thickness limits, countries served, materials and
 * certifications as bitsets of `words` 32-bit words per offer), so that the scan touches no offer object.
 */
export interface OfferPool {
  offers: PoolOffer[];
  lat: Float64Array;
  lng: Float64Array;
  validUntilMs: Float64Array;
  firm: Int32Array;
  verified: Uint8Array;
  minBatch: Float64Array;
  maxBatch: Float64Array;
  minThickness: Float64Array;
  maxThickness: Float64Array;
  /** 1 when the offer names no material (it may take any). */
  anyMaterial: Uint8Array;
  words: number;
  materials: Uint32Array;
  certifications: Uint32Array;
  countries: Uint32Array;
}

function setBits(bits: Uint32Array, at: number, ids: readonly string[]): void {
  for (const id of ids) {
    const n = entries.of(id);
    bits[at + (n >>> 5)] |= 1 << (n & 31);
  }
}

export function toPool(offers: PoolOffer[]): OfferPool {
  // Intern first, so that the width covers every entry these offers name.
  const served = offers.map((o) => o.countriesServed.map(country));
  for (const [i, o] of offers.entries()) {
    for (const id of o.materialIds) entries.of(id);
    for (const id of o.certificationIds) entries.of(id);
    for (const id of served[i]) entries.of(id);
  }
  const words = Math.max(1, Math.ceil(entries.size / 32));
  const materials = new Uint32Array(offers.length * words);
  const certifications = new Uint32Array(offers.length * words);
  const countries = new Uint32Array(offers.length * words);
  offers.forEach((o, i) => {
    setBits(materials, i * words, o.materialIds);
    setBits(certifications, i * words, o.certificationIds);
    setBits(countries, i * words, served[i]);
  });
  return {
    offers,
    lat: Float64Array.from(offers, (o) => o.location.lat),
    lng: Float64Array.from(offers, (o) => o.location.lng),
    validUntilMs: Float64Array.from(offers, (o) => o.validUntilMs),
    firm: Int32Array.from(offers, (o) => firms.of(o.firmId)),
    verified: Uint8Array.from(offers, (o) => (o.firmVerified ? 1 : 0)),
    minBatch: Float64Array.from(offers, (o) => o.minBatch ?? 0),
    maxBatch: Float64Array.from(offers, (o) => o.maxBatch ?? Infinity),
    minThickness: Float64Array.from(offers, (o) => o.minThicknessMm ?? 0),
    maxThickness: Float64Array.from(offers, (o) => o.maxThicknessMm ?? Infinity),
    anyMaterial: Uint8Array.from(offers, (o) => (o.materialIds.length === 0 ? 1 : 0)),
    words,
    materials,
    certifications,
    countries,
  };
}

/** What the cheap constraints ask of an offer, prepared once per package against a pool (bitsets of its width). */
export interface CheapNeed {
  buyer: number;
  country: Uint32Array;
  quantity: number;
  thicknessMm: number | null;
  /** Null when any material will do. */
  materials: Uint32Array | null;
  /** One bitset per required certification: the entries that satisfy it. */
  certifications: Uint32Array[];
}

function bitset(ids: readonly string[], words: number): Uint32Array {
  const bits = new Uint32Array(words);
  for (const id of ids) {
    const n = entries.of(id);
    if (n >>> 5 < words) bits[n >>> 5] |= 1 << (n & 31);
  }
  return bits;
}

export function cheapNeed(need: PackageNeed, pool: OfferPool): CheapNeed {
  return {
    buyer: firms.of(need.buyerFirmId),
    country: bitset([country(need.deliveryCountry)], pool.words),
    quantity: need.quantity,
    thicknessMm: need.thicknessMm,
    materials: need.acceptedMaterialIds === null ? null : bitset(need.acceptedMaterialIds, pool.words),
    certifications: need.requiredCertifications.map((set) => bitset(set, pool.words)),
  };
}

function overlaps(bits: Uint32Array, at: number, wanted: Uint32Array): boolean {
  for (let w = 0; w < wanted.length; w++) if ((bits[at + w] & wanted[w]) !== 0) return true;
  return false;
}

/**
 * The hard constraints that decide which offers are kept when more fit the process than are considered: the same
 * rules as `rejections` for firm verified and not the buyer, batch, thickness, country served, material and
 * certifications (the full check runs on those kept).
 */
export function fitsCheaply(pool: OfferPool, i: number, need: CheapNeed): boolean {
  if (pool.verified[i] === 0 || pool.firm[i] === need.buyer) return false;
  if (pool.minBatch[i] > need.quantity || pool.maxBatch[i] < need.quantity) return false;
  const t = need.thicknessMm;
  if (t !== null && (pool.maxThickness[i] < t || pool.minThickness[i] > t)) return false;
  const at = i * pool.words;
  if (!overlaps(pool.countries, at, need.country)) return false;
  if (need.materials !== null && pool.anyMaterial[i] === 0 && !overlaps(pool.materials, at, need.materials)) {
    return false;
  }
  for (const set of need.certifications) if (!overlaps(pool.certifications, at, set)) return false;
  return true;
}
