import { rejections, type Rejection } from '../scoring/candidate';
import { candidate, need, NOW } from '../scoring/test-fixtures';
import { cheapNeed, fitsCheaply, toPool, type PoolOffer } from './offer-pool';

/** The reasons the cheap check stands for (the others are checked on the offers kept). */
const CHEAP: readonly Rejection[] = [
  'MATERIAL',
  'CERTIFICATION',
  'THICKNESS',
  'BATCH_SIZE',
  'COUNTRY_NOT_SERVED',
  'FIRM_NOT_VERIFIED',
  'BUYER_ITSELF',
];

describe('fitsCheaply', () => {
  let seed = 3;
  const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const some = <T>(xs: readonly T[]): T[] => xs.filter(() => rnd() < 0.4);
  const MATERIALS = ['steel', 's355', 'aluminium', 'wood', `late-${Math.random()}`];
  const CERTS = ['en-1090', 'iso-3834', 'iso-9001', 'exc2'];
  const COUNTRIES = ['PL', 'LT', 'LV', 'DE'];
  const FIRMS = ['buyer', 'f1', 'f2', 'f3'];

  function offer(i: number): PoolOffer {
    const c = candidate({
      offerId: `o${i}`,
      firmId: pick(FIRMS),
      firmVerified: rnd() < 0.8,
      materialIds: some(MATERIALS.slice(0, 4)),
      certificationIds: some(CERTS),
      minThicknessMm: pick([null, 1, 4]),
      maxThicknessMm: pick([null, 6, 20]),
      minBatch: pick([null, 1, 50]),
      maxBatch: pick([null, 100, 1000]),
      countriesServed: some(COUNTRIES),
    });
    return {
      ...c,
      unitPriceMinor: null,
      priceUnit: null,
      priceCurrency: null,
      validUntilMs: c.validUntil.getTime(),
    };
  }

  it('keeps exactly the offers that none of its constraints refuse, whatever the offer and the package', () => {
    const offers = Array.from({ length: 400 }, (_, i) => offer(i));
    const pool = toPool(offers);
    for (let k = 0; k < 200; k++) {
      const n = need({
        buyerFirmId: pick(FIRMS),
        deliveryCountry: pick(COUNTRIES),
        quantity: pick([10, 60, 500, 5000]),
        thicknessMm: pick([null, 2, 5, 12, 30]),
        // Some ask for an entry no offer names, one of them not even seen when the pool was made.
        acceptedMaterialIds: pick([null, ['steel', 's355'], ['aluminium'], ['wood', MATERIALS[4]], ['titanium']]),
        requiredCertifications: pick([[], [['en-1090']], [['en-1090', 'exc2'], ['iso-9001']], [['iso-27001']]]),
      });
      const cheap = cheapNeed(n, pool);
      offers.forEach((o, i) => {
        const expected = rejections(
          n,
          {
            ...o,
            priceMinor: null,
            onTimeRate: null,
            quoteResponseRate: null,
            quoteResponseHours: null,
            activePackages: 0,
          },
          NOW,
        ).filter((r) => CHEAP.includes(r));
        expect([o.offerId, fitsCheaply(pool, i, cheap)]).toEqual([o.offerId, expected.length === 0]);
      });
    }
  });
});
