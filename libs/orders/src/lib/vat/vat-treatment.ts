/**
 * The VAT treatment of one awarded leg of a cooperative order (supplier firm → customer firm), for information
 * only: this is not invoicing and does not replace a tax adviser. Rules from shared/domain/locale.md,
 * "VAT between Polish and Lithuanian firms". Pure: no I/O (VAT numbers are taken as already validated; a live
 * VIES check is a separate, optional adapter).
 *
 * Supply kind — the caller chooses:
 * - Work packages on this platform (cutting, bending, welding, coating … of material the buyer provides) are
 *   services: work on movable goods. Use `'services'` for them; it is the default for the platform.
 * - Manufacturing a part from the supplier's own material and handing it over is a supply of goods: use `'goods'`.
 *   (When goods are dispatched to another member state this is an exempt intra-Community supply.)
 *
 * Rules:
 * - same country → domestic VAT at that country's standard rate, charged by the supplier;
 * - PL ↔ LT services (B2B) → the place of supply is the customer's country; reverse charge: the customer
 *   self-assesses, the supplier's invoice shows no VAT (0 here), both VAT numbers and the note
 *   "Reverse charge" / "Odwrotne obciążenie" / "Atvirkštinis apmokestinimas";
 * - PL ↔ LT goods → exempt intra-Community supply (PL "0% WDT"); the customer accounts for the acquisition in
 *   its country. A valid EU VAT number of the customer is a condition.
 * - cross-border without the customer's VAT number → `'undetermined'`, warning `CUSTOMER_VAT_NUMBER_MISSING`
 *   (neither reverse charge nor the exemption can be applied as such);
 * - cross-border without the supplier's VAT number → warning `SUPPLIER_VAT_NUMBER_MISSING`. For services the
 *   place of supply still follows the customer, so reverse charge stands (the invoice must still show the
 *   supplier's number). For goods the supplier's EU VAT registration is a condition of the exempt
 *   intra-Community supply (PL: registration as "podatnik VAT UE"), so the treatment is `'undetermined'`.
 */
import { assertValidDate, standardRate, type VatCountry } from './vat-rates';

export type SupplyKind = 'services' | 'goods';

export interface VatParty {
  country: VatCountry;
  /** EU VAT number, e.g. 'PL8567346215' / 'LT100001919017' (already validated elsewhere); null when unknown. */
  vatNumber: string | null;
}

export interface VatNotes {
  en: string;
  pl: string;
  lt: string;
}

export type VatTreatmentKind = 'domestic' | 'reverse_charge' | 'intra_community_supply' | 'undetermined';

export type VatWarning = 'CUSTOMER_VAT_NUMBER_MISSING' | 'SUPPLIER_VAT_NUMBER_MISSING';

export interface VatTreatment {
  kind: VatTreatmentKind;
  /** domestic: the supplier country's standard rate; reverse charge / ICS: 0 on the supplier's invoice; undetermined: null. */
  ratePercent: number | null;
  /** Who accounts for the VAT; null when undetermined. */
  chargedBy: 'supplier' | 'customer' | null;
  notes: VatNotes;
  /** Both are shown on a reverse-charge invoice. */
  supplierVatNumber: string | null;
  customerVatNumber: string | null;
  /** Machine codes. */
  warnings: VatWarning[];
}

/** The exact note texts of locale.md. */
export const REVERSE_CHARGE_NOTES: Readonly<VatNotes> = Object.freeze({
  en: 'Reverse charge',
  pl: 'Odwrotne obciążenie',
  lt: 'Atvirkštinis apmokestinimas',
});

export const INTRA_COMMUNITY_SUPPLY_NOTES: Readonly<VatNotes> = Object.freeze({
  en: '0% intra-Community supply of goods (exempt)',
  pl: '0% WDT',
  lt: '0 % PVM – prekių tiekimas į kitą ES valstybę narę',
});

/** Display a rate: decimal point in English, decimal comma in Polish and Lithuanian (`5,5 %`). */
function percentText(ratePercent: number, lang: keyof VatNotes): string {
  const text = String(ratePercent);
  return lang === 'en' ? text : text.replace('.', ',');
}

function domesticNotes(country: VatCountry, ratePercent: number): VatNotes {
  return {
    en: `VAT ${percentText(ratePercent, 'en')} % (${country})`,
    pl: `VAT ${percentText(ratePercent, 'pl')} % (${country})`,
    lt: `PVM ${percentText(ratePercent, 'lt')} % (${country})`,
  };
}

function undeterminedNotes(supplierMissing: boolean, customerMissing: boolean): VatNotes {
  const prefix: VatNotes = {
    en: 'VAT treatment undetermined: ',
    pl: 'Nie można ustalić rozliczenia VAT: ',
    lt: 'PVM apmokestinimo nustatyti negalima: ',
  };
  let reason: VatNotes;
  if (supplierMissing && customerMissing) {
    reason = {
      en: "the supplier's and the customer's EU VAT numbers are missing.",
      pl: 'brak numerów VAT UE dostawcy i nabywcy.',
      lt: 'nenurodyti tiekėjo ir pirkėjo PVM mokėtojo kodai.',
    };
  } else if (customerMissing) {
    reason = {
      en: "the customer's EU VAT number is missing.",
      pl: 'brak numeru VAT UE nabywcy.',
      lt: 'nenurodytas pirkėjo PVM mokėtojo kodas.',
    };
  } else {
    reason = {
      en: "the supplier's EU VAT number is missing.",
      pl: 'brak numeru VAT UE dostawcy.',
      lt: 'nenurodytas tiekėjo PVM mokėtojo kodas.',
    };
  }
  return { en: prefix.en + reason.en, pl: prefix.pl + reason.pl, lt: prefix.lt + reason.lt };
}

function normaliseVatNumber(vatNumber: string | null): string | null {
  const trimmed = vatNumber?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/**
 * The VAT treatment of a supply from `supplier` to `customer` on `onDate` (the tax point; read as a calendar
 * date in the supplier's country). Throws when `onDate` is invalid or no standard rate is valid on it.
 */
export function vatTreatment(supplier: VatParty, customer: VatParty, kind: SupplyKind, onDate: Date): VatTreatment {
  assertValidDate(onDate);
  if (kind !== 'services' && kind !== 'goods') {
    throw new Error(`VAT: unknown supply kind ${String(kind)}; expected 'services' or 'goods'`);
  }
  const supplierVatNumber = normaliseVatNumber(supplier.vatNumber);
  const customerVatNumber = normaliseVatNumber(customer.vatNumber);

  if (supplier.country === customer.country) {
    const { ratePercent } = standardRate(supplier.country, onDate);
    return {
      kind: 'domestic',
      ratePercent,
      chargedBy: 'supplier',
      notes: domesticNotes(supplier.country, ratePercent),
      supplierVatNumber,
      customerVatNumber,
      warnings: [],
    };
  }

  const warnings: VatWarning[] = [];
  if (!supplierVatNumber) warnings.push('SUPPLIER_VAT_NUMBER_MISSING');
  if (!customerVatNumber) warnings.push('CUSTOMER_VAT_NUMBER_MISSING');

  const undetermined = !customerVatNumber || (kind === 'goods' && !supplierVatNumber);
  if (undetermined) {
    return {
      kind: 'undetermined',
      ratePercent: null,
      chargedBy: null,
      notes: undeterminedNotes(!supplierVatNumber, !customerVatNumber),
      supplierVatNumber,
      customerVatNumber,
      warnings,
    };
  }

  return {
    kind: kind === 'services' ? 'reverse_charge' : 'intra_community_supply',
    ratePercent: 0,
    chargedBy: 'customer',
    notes: { ...(kind === 'services' ? REVERSE_CHARGE_NOTES : INTRA_COMMUNITY_SUPPLY_NOTES) },
    supplierVatNumber,
    customerVatNumber,
    warnings,
  };
}
