import type { GeoPoint } from './geo';

/** What a work package asks for, with taxonomy entries already expanded (a process accepts its descendants). */
export interface PackageNeed {
  packageId: string;
  key: string;
  /** The package's process and every process below it. */
  acceptedProcessIds: readonly string[];
  /** The package's material and its descendants; null when any material will do. */
  acceptedMaterialIds: readonly string[] | null;
  /** Each required certification with the entries that satisfy it. */
  requiredCertifications: readonly (readonly string[])[];
  thicknessMm: number | null;
  partLengthMm: number | null;
  partWidthMm: number | null;
  partHeightMm: number | null;
  quantity: number;
  dueDate: Date;
  deliveryCountry: string;
  deliveryPlace: GeoPoint;
  buyerFirmId: string;
  buyerCountry: string;
  /** The order's currency: indicative prices in another currency are not added up. */
  currency: string;
}

/** An offer of a firm that might carry out a package, with what the score needs to know of the firm. */
export interface Candidate {
  offerId: string;
  firmId: string;
  firmName: string;
  firmCountry: string;
  firmVerified: boolean;
  location: GeoPoint;
  offerPublished: boolean;
  validUntil: Date;
  processIds: readonly string[];
  materialIds: readonly string[];
  certificationIds: readonly string[];
  minThicknessMm: number | null;
  maxThicknessMm: number | null;
  maxPartLengthMm: number | null;
  maxPartWidthMm: number | null;
  maxPartHeightMm: number | null;
  minBatch: number | null;
  maxBatch: number | null;
  countriesServed: readonly string[];
  leadTimeDays: number;
  /** Indicative price for the package in the order's currency (minor units), when the offer states one. */
  priceMinor: number | null;
  /** Share of the firm's hand-overs on time, 0..1; null with no history. */
  onTimeRate: number | null;
  /** Share of invitations to quote the firm answered with a quote, 0..1; null with no history. */
  quoteResponseRate: number | null;
  /** Mean hours from an invitation to the firm's quote; null with no answered invitation. */
  quoteResponseHours: number | null;
  /** Packages the firm has in production now. */
  activePackages: number;
}

/** Why a candidate cannot take a package. Stable codes, shown to coordinators. */
export type Rejection =
  | 'PROCESS'
  | 'MATERIAL'
  | 'CERTIFICATION'
  | 'THICKNESS'
  | 'PART_SIZE'
  | 'BATCH_SIZE'
  | 'COUNTRY_NOT_SERVED'
  | 'OFFER_NOT_PUBLISHED'
  | 'OFFER_EXPIRED'
  | 'FIRM_NOT_VERIFIED'
  | 'BUYER_ITSELF';

/** The hard constraints, checked before any score: every reason a candidate fails, none when it fits. Pure. */
export function rejections(need: PackageNeed, c: Candidate, now: Date): Rejection[] {
  const out: Rejection[] = [];
  const has = (ids: readonly string[], accepted: readonly string[]) => accepted.some((a) => ids.includes(a));
  if (!has(c.processIds, need.acceptedProcessIds)) out.push('PROCESS');
  if (need.acceptedMaterialIds && c.materialIds.length > 0 && !has(c.materialIds, need.acceptedMaterialIds)) {
    out.push('MATERIAL');
  }
  if (need.requiredCertifications.some((set) => !has(c.certificationIds, set))) out.push('CERTIFICATION');
  if (need.thicknessMm !== null) {
    const t = need.thicknessMm;
    if ((c.maxThicknessMm !== null && c.maxThicknessMm < t) || (c.minThicknessMm ?? 0) > t) out.push('THICKNESS');
  }
  // A limit the offer does not state is unknown, not exceeded: the score's capability part marks it instead.
  const tooBig = (need: number | null, max: number | null) => need !== null && max !== null && max < need;
  if (
    tooBig(need.partLengthMm, c.maxPartLengthMm) ||
    tooBig(need.partWidthMm, c.maxPartWidthMm) ||
    tooBig(need.partHeightMm, c.maxPartHeightMm)
  ) {
    out.push('PART_SIZE');
  }
  if ((c.minBatch !== null && need.quantity < c.minBatch) || (c.maxBatch !== null && need.quantity > c.maxBatch)) {
    out.push('BATCH_SIZE');
  }
  if (!c.countriesServed.includes(need.deliveryCountry)) out.push('COUNTRY_NOT_SERVED');
  if (!c.offerPublished) out.push('OFFER_NOT_PUBLISHED');
  if (c.validUntil.getTime() <= now.getTime()) out.push('OFFER_EXPIRED');
  if (!c.firmVerified) out.push('FIRM_NOT_VERIFIED');
  if (c.firmId === need.buyerFirmId) out.push('BUYER_ITSELF');
  return out;
}
