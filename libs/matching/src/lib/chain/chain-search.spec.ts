import { proposeChains, type ChainPackage } from './chain-search';
import { ALYTUS, BIALYSTOK, candidate, KAUNAS, need, NOW, SUWALKI } from '../scoring/test-fixtures';

const cut: ChainPackage = {
  need: need({ packageId: 'cut', key: 'cut', acceptedProcessIds: ['laser'], acceptedMaterialIds: null }),
  after: [],
};
const weld: ChainPackage = {
  need: need({ packageId: 'weld', key: 'weld', acceptedMaterialIds: null }),
  after: ['cut'],
};
const coat: ChainPackage = {
  need: need({
    packageId: 'coat',
    key: 'coat',
    acceptedProcessIds: ['powder'],
    acceptedMaterialIds: null,
    thicknessMm: null,
  }),
  after: ['weld'],
};

describe('proposeChains', () => {
  it('picks the cheapest nearby chain and says where its firms are', () => {
    const r = proposeChains(
      [cut, weld, coat],
      new Map([
        [
          'cut',
          [
            candidate({
              offerId: 'cut-bst',
              firmId: 'a',
              processIds: ['laser'],
              location: BIALYSTOK,
              priceMinor: 50_000,
            }),
          ],
        ],
        [
          'weld',
          [
            candidate({ offerId: 'weld-bst', firmId: 'b', location: BIALYSTOK, priceMinor: 200_000 }),
            candidate({ offerId: 'weld-aly', firmId: 'c', firmCountry: 'LT', location: ALYTUS, priceMinor: 120_000 }),
          ],
        ],
        [
          'coat',
          [
            candidate({
              offerId: 'coat-suw',
              firmId: 'd',
              processIds: ['powder'],
              location: SUWALKI,
              priceMinor: 30_000,
              maxThicknessMm: null,
            }),
          ],
        ],
      ]),
      NOW,
    );
    expect(r.noChain).toBeNull();
    const best = r.chains[0];
    expect(best.steps.map((s) => s.candidate.offerId)).toEqual(['cut-bst', 'weld-aly', 'coat-suw']);
    expect(best.borderCrossings).toBe(2);
    expect(best.countries).toEqual(['PL', 'LT']);
    expect(best.totalPriceMinor).toBe(200_000);
    expect(best.completion.getTime()).toBe(NOW.getTime() + 30 * 86_400_000);
    expect(r.chains[1].steps[1].candidate.offerId).toBe('weld-bst');
  });

  it('finds the only feasible chain even when it crosses the border twice', () => {
    const candidates = new Map([
      ['cut', [candidate({ offerId: 'cut', firmId: 'a', processIds: ['laser'], location: BIALYSTOK })]],
      [
        'weld',
        [
          candidate({ offerId: 'weld-pl-no-cert', firmId: 'b', location: BIALYSTOK }),
          candidate({
            offerId: 'weld-lt',
            firmId: 'c',
            firmCountry: 'LT',
            location: KAUNAS,
            certificationIds: ['exc2'],
          }),
        ],
      ],
      [
        'coat',
        [
          candidate({
            offerId: 'coat',
            firmId: 'd',
            processIds: ['powder'],
            location: SUWALKI,
            maxThicknessMm: null,
          }),
        ],
      ],
    ]);
    const r = proposeChains([cut, weld, coat], candidates, NOW);
    const withCert = proposeChains(
      [cut, { ...weld, need: { ...weld.need, requiredCertifications: [['exc2']] } }, coat],
      candidates,
      NOW,
    );
    expect(r.chains.length).toBe(2);
    expect(withCert.chains).toHaveLength(1);
    expect(withCert.chains[0].steps.map((s) => s.candidate.offerId)).toEqual(['cut', 'weld-lt', 'coat']);
    expect(withCert.chains[0].borderCrossings).toBe(2);
  });

  it('says which package has no candidate and why', () => {
    const r = proposeChains(
      [cut, weld],
      new Map([
        ['cut', [candidate({ offerId: 'cut', processIds: ['laser'] })]],
        [
          'weld',
          [
            candidate({ offerId: 'w1', maxThicknessMm: 4 }),
            candidate({ offerId: 'w2', countriesServed: ['LT'] }),
            candidate({ offerId: 'w3', maxThicknessMm: 5, firmId: 'buyer' }),
          ],
        ],
      ]),
      NOW,
    );
    expect(r.chains).toEqual([]);
    expect(r.noChain).toEqual({
      packageId: 'weld',
      key: 'weld',
      considered: 3,
      reasons: { THICKNESS: 2, COUNTRY_NOT_SERVED: 1, BUYER_ITSELF: 1 },
    });
  });

  it('counts a step without a price as the dearest priced one, and says so', () => {
    const r = proposeChains(
      [cut],
      new Map([
        [
          'cut',
          [
            candidate({ offerId: 'a', processIds: ['laser'], priceMinor: 80_000 }),
            candidate({ offerId: 'b', processIds: ['laser'], priceMinor: null, leadTimeDays: 2 }),
          ],
        ],
      ]),
      NOW,
      { weights: { perPriceUnit: 1, perDay: 0, perKm: 0 } },
    );
    const b = r.chains.find((c) => c.steps[0].candidate.offerId === 'b')!;
    expect(b.totalPriceMinor).toBe(80_000);
    expect(b.priceEstimated).toBe(true);
  });
});
