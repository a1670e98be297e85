import { ProblemCollector } from '@kooperant/platform-errors';
import { isLocale, type Locale } from '@kooperant/platform-i18n';
import { isCurrency, isValidAmountMinor, type Currency } from '@kooperant/platform-money';
import { checkWorkPackageGraph } from '../chain/work-package-graph';
import type { OrderVisibility } from './cooperative-order.entity';

export const QUANTITY_UNITS = ['pcs', 'kg', 't', 'm2', 'm3', 'h', 'm'] as const;
export const VISIBILITIES: readonly OrderVisibility[] = ['cluster', 'partner_clusters', 'invited'];
export const MAX_WORK_PACKAGES = 50;

export interface DeliveryAddress {
  street: string;
  city: string;
  postcode: string;
  country: string;
  lat: number;
  lng: number;
}

export interface WorkPackageDraft {
  key: string;
  title: string;
  description?: string | null;
  processCode: string;
  materialCode?: string | null;
  quantity: number;
  quantityUnit: string;
  maxPartLengthMm?: number | null;
  maxPartWidthMm?: number | null;
  maxPartHeightMm?: number | null;
  thicknessMm?: number | null;
  toleranceMm?: number | null;
  requiredCertificationCodes?: string[] | null;
  dueDate: Date;
  /** Keys of the packages this one follows. */
  after?: string[] | null;
}

export interface OrderDraft {
  language: string;
  title: string;
  description?: string | null;
  delivery: DeliveryAddress;
  deliveryDate: Date;
  currency: string;
  budgetMinor?: number | null;
  visibility: string;
  quoteDeadline: Date;
  invitedFirmIds?: string[] | null;
  workPackages: WorkPackageDraft[];
}

export interface NormalizedOrder {
  language: Locale;
  title: string;
  description: string;
  deliveryStreet: string;
  deliveryCity: string;
  deliveryPostcode: string;
  deliveryCountry: string;
  deliveryLat: number;
  deliveryLng: number;
  deliveryDate: Date;
  currency: Currency;
  budgetMinor: number | null;
  visibility: OrderVisibility;
  quoteDeadline: Date;
  invitedFirmIds: string[];
  /** In an order where each package comes after those it follows. */
  packageOrder: string[];
}

const dims = ['maxPartLengthMm', 'maxPartWidthMm', 'maxPartHeightMm', 'thicknessMm', 'toleranceMm'] as const;
const isDate = (d: unknown): d is Date => d instanceof Date && !Number.isNaN(d.getTime());
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks an order and its work packages (pure; taxonomy codes are resolved by the service). Collects every
 * problem with the field it concerns; `now` is passed in.
 */
export function validateOrderDraft(d: OrderDraft, now: Date, p: ProblemCollector): NormalizedOrder {
  if (!isLocale(d.language)) p.add('language', 'UNSUPPORTED', 'Language must be en, pl or lt.');
  const title = (d.title ?? '').trim();
  if (title.length < 3 || title.length > 200) p.add('title', 'LENGTH', 'Give a title of 3 to 200 characters.');
  const description = (d.description ?? '').trim();
  if (description.length > 10_000) p.add('description', 'TOO_LONG', 'At most 10000 characters.');

  const a = d.delivery ?? ({} as DeliveryAddress);
  const street = (a.street ?? '').trim();
  const city = (a.city ?? '').trim();
  const postcode = (a.postcode ?? '').trim().toUpperCase();
  const country = (a.country ?? '').trim().toUpperCase();
  if (street.length < 2 || street.length > 200) p.add('delivery.street', 'LENGTH', 'Give the street and number.');
  if (city.length < 2 || city.length > 120) p.add('delivery.city', 'LENGTH', 'Give the city.');
  if (postcode.length < 3 || postcode.length > 12) p.add('delivery.postcode', 'LENGTH', 'Give the postcode.');
  if (!/^[A-Z]{2}$/.test(country)) p.add('delivery.country', 'FORMAT', 'Use an ISO country code such as PL or LT.');
  if (!Number.isFinite(a.lat) || a.lat < -90 || a.lat > 90)
    p.add('delivery.lat', 'OUT_OF_RANGE', 'Latitude is -90 to 90.');
  if (!Number.isFinite(a.lng) || a.lng < -180 || a.lng > 180)
    p.add('delivery.lng', 'OUT_OF_RANGE', 'Longitude is -180 to 180.');

  const deliveryOk = isDate(d.deliveryDate);
  if (!deliveryOk) p.add('deliveryDate', 'FORMAT', 'Give a date.');
  else if (d.deliveryDate.getTime() <= now.getTime())
    p.add('deliveryDate', 'IN_PAST', 'Delivery must be in the future.');
  const deadlineOk = isDate(d.quoteDeadline);
  if (!deadlineOk) p.add('quoteDeadline', 'FORMAT', 'Give a date.');
  else if (d.quoteDeadline.getTime() <= now.getTime())
    p.add('quoteDeadline', 'IN_PAST', 'The quote deadline must be in the future.');
  else if (deliveryOk && d.quoteDeadline.getTime() >= d.deliveryDate.getTime())
    p.add('quoteDeadline', 'AFTER_DELIVERY', 'Quotes must be in before the delivery date.');

  if (!isCurrency(d.currency)) p.add('currency', 'UNSUPPORTED', 'Currency is PLN or EUR.');
  if (d.budgetMinor != null && !isValidAmountMinor(d.budgetMinor))
    p.add('budgetMinor', 'OUT_OF_RANGE', 'Give the budget in whole minor units (grosze, cents), 0 or more.');
  if (!VISIBILITIES.includes(d.visibility as OrderVisibility))
    p.add('visibility', 'UNSUPPORTED', 'Visibility is cluster, partner_clusters or invited.');
  const invited = [...new Set(d.invitedFirmIds ?? [])];
  invited.forEach((id, i) => {
    if (!UUID.test(id)) p.add(`invitedFirmIds.${i}`, 'FORMAT', 'A firm id.');
  });
  if (d.visibility === 'invited' && invited.length === 0)
    p.add('invitedFirmIds', 'REQUIRED', 'Invite at least one firm, or choose another visibility.');

  const packages = d.workPackages ?? [];
  if (packages.length === 0) p.add('workPackages', 'REQUIRED', 'Give at least one work package.');
  if (packages.length > MAX_WORK_PACKAGES)
    p.add('workPackages', 'TOO_MANY', `At most ${MAX_WORK_PACKAGES} work packages.`);
  packages.forEach((w, i) => {
    const f = `workPackages.${i}`;
    const t = (w.title ?? '').trim();
    if (t.length < 2 || t.length > 200) p.add(`${f}.title`, 'LENGTH', 'Give a title of 2 to 200 characters.');
    if ((w.description ?? '').length > 5000) p.add(`${f}.description`, 'TOO_LONG', 'At most 5000 characters.');
    if (!Number.isInteger(w.quantity) || w.quantity < 1 || w.quantity > 1_000_000_000)
      p.add(`${f}.quantity`, 'OUT_OF_RANGE', 'Give a whole quantity above 0.');
    if (!(QUANTITY_UNITS as readonly string[]).includes(w.quantityUnit))
      p.add(`${f}.quantityUnit`, 'UNSUPPORTED', `Unit is one of ${QUANTITY_UNITS.join(', ')}.`);
    for (const k of dims) {
      const v = w[k];
      if (v != null && (!Number.isFinite(v) || v < 0 || v > 1_000_000))
        p.add(`${f}.${k}`, 'OUT_OF_RANGE', 'Give mm, 0 or more.');
    }
    if (!isDate(w.dueDate)) p.add(`${f}.dueDate`, 'FORMAT', 'Give a date.');
    else if (deadlineOk && w.dueDate.getTime() <= d.quoteDeadline.getTime())
      p.add(`${f}.dueDate`, 'BEFORE_QUOTE_DEADLINE', 'A package is due after the quote deadline.');
  });
  const packageOrder = packages.every((w) => isDate(w.dueDate))
    ? checkWorkPackageGraph(
        packages.map((w) => ({ key: (w.key ?? '').trim(), dueDate: w.dueDate, after: w.after ?? [] })),
        deliveryOk ? d.deliveryDate : null,
        p,
      )
    : [];
  return {
    language: d.language as Locale,
    title,
    description,
    deliveryStreet: street,
    deliveryCity: city,
    deliveryPostcode: postcode,
    deliveryCountry: country,
    deliveryLat: a.lat,
    deliveryLng: a.lng,
    deliveryDate: d.deliveryDate,
    currency: d.currency as Currency,
    budgetMinor: d.budgetMinor ?? null,
    visibility: d.visibility as OrderVisibility,
    quoteDeadline: d.quoteDeadline,
    invitedFirmIds: invited,
    packageOrder,
  };
}
