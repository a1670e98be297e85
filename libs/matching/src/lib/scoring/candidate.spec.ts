import { rejections } from './candidate';
import { candidate, need, NOW } from './test-fixtures';

describe('rejections', () => {
  it('accepts a candidate that meets every hard constraint', () => {
    expect(rejections(need(), candidate(), NOW)).toEqual([]);
  });

  it('accepts a descendant process and refuses an unrelated one', () => {
    expect(rejections(need(), candidate({ processIds: ['tig'] }), NOW)).toEqual([]);
    expect(rejections(need(), candidate({ processIds: ['laser'] }), NOW)).toEqual(['PROCESS']);
  });

  it('names every failed constraint', () => {
    const r = rejections(
      need({ requiredCertifications: [['en1090-exc2', 'en1090-exc3']] }),
      candidate({
        materialIds: ['wood'],
        maxThicknessMm: 5,
        maxPartLengthMm: 1000,
        maxBatch: 10,
        countriesServed: ['LT'],
        offerPublished: false,
        validUntil: NOW,
        firmVerified: false,
        firmId: 'buyer',
      }),
      NOW,
    );
    expect(r).toEqual([
      'MATERIAL',
      'CERTIFICATION',
      'THICKNESS',
      'PART_SIZE',
      'BATCH_SIZE',
      'COUNTRY_NOT_SERVED',
      'OFFER_NOT_PUBLISHED',
      'OFFER_EXPIRED',
      'FIRM_NOT_VERIFIED',
      'BUYER_ITSELF',
    ]);
  });

  it('takes a higher execution class for a lower one when the caller lists it as satisfying', () => {
    expect(
      rejections(need({ requiredCertifications: [['exc2', 'exc3']] }), candidate({ certificationIds: ['exc3'] }), NOW),
    ).toEqual([]);
  });

  it('refuses a thickness under the offered minimum and lets an offer without material through', () => {
    expect(rejections(need({ thicknessMm: 0.5 }), candidate({ minThicknessMm: 1 }), NOW)).toEqual(['THICKNESS']);
    expect(rejections(need(), candidate({ materialIds: [] }), NOW)).toEqual([]);
  });

  it('lets through an offer that states no thickness or part size limit: unknown is not exceeded', () => {
    const unstated = candidate({ maxThicknessMm: null, maxPartLengthMm: null, maxPartWidthMm: null });
    expect(rejections(need(), unstated, NOW)).toEqual([]);
    expect(rejections(need({ thicknessMm: 30 }), candidate(), NOW)).toEqual(['THICKNESS']);
  });
});
