import type { Candidate, PackageNeed } from './candidate';

/** Builders for the pure matching tests (not exported by the lib). */
export const NOW = new Date('2027-03-01T08:00:00Z');
export const BIALYSTOK = { lat: 53.13, lng: 23.16 };
export const SUWALKI = { lat: 54.1, lng: 22.93 };
export const ALYTUS = { lat: 54.4, lng: 24.05 };
export const KAUNAS = { lat: 54.9, lng: 23.89 };

export function need(overrides: Partial<PackageNeed> = {}): PackageNeed {
  return {
    packageId: 'p-weld',
    key: 'weld',
    acceptedProcessIds: ['welding', 'mig-mag', 'tig'],
    acceptedMaterialIds: ['steel', 's355'],
    requiredCertifications: [],
    thicknessMm: 8,
    partLengthMm: 2000,
    partWidthMm: null,
    partHeightMm: null,
    quantity: 40,
    dueDate: new Date(NOW.getTime() + 30 * 86_400_000),
    deliveryCountry: 'PL',
    deliveryPlace: BIALYSTOK,
    buyerFirmId: 'buyer',
    buyerCountry: 'PL',
    currency: 'PLN',
    ...overrides,
  };
}

export function candidate(overrides: Partial<Candidate> = {}): Candidate {
  return {
    offerId: 'o1',
    firmId: 'f1',
    firmName: 'Firm 1',
    firmCountry: 'PL',
    firmVerified: true,
    location: BIALYSTOK,
    offerPublished: true,
    validUntil: new Date(NOW.getTime() + 90 * 86_400_000),
    processIds: ['mig-mag'],
    materialIds: ['s355'],
    certificationIds: [],
    minThicknessMm: 1,
    maxThicknessMm: 20,
    maxPartLengthMm: 6000,
    maxPartWidthMm: 2000,
    maxPartHeightMm: 2000,
    minBatch: 1,
    maxBatch: 1000,
    countriesServed: ['PL', 'LT'],
    leadTimeDays: 10,
    priceMinor: 100_000,
    onTimeRate: null,
    quoteResponseRate: null,
    quoteResponseHours: null,
    activePackages: 0,
    ...overrides,
  };
}
