import { DomainError } from '@kooperant/platform-errors';
import { validateFirmDetails, type FirmDetails } from './firm.validation';

const pl: FirmDetails = {
  name: 'Metal-Test Sp. z o.o.',
  country: 'PL',
  nip: '856-734-62-15',
  regon: '123456785',
  street: 'ul. Przemysłowa 1',
  city: 'Białystok',
  postcode: '15-001',
  lat: 53.13,
  lng: 23.16,
  sizeClass: 'small',
};
const lt: FirmDetails = {
  name: 'UAB Testas',
  country: 'LT',
  companyCode: '304374938',
  vatNumber: 'LT100001919017',
  street: 'Pramonės g. 1',
  city: 'Alytus',
  postcode: 'LT-62100',
  lat: 54.4,
  lng: 24.05,
  sizeClass: 'micro',
};

function problems(d: FirmDetails) {
  try {
    validateFirmDetails(d);
    return [];
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    expect(e.code).toBe('VALIDATION_FAILED');
    return e.problems.map((p) => `${p.field}:${p.reason}`);
  }
}

describe('validateFirmDetails', () => {
  it('normalises a valid Polish firm to digits only', () => {
    const f = validateFirmDetails(pl);
    expect(f.nip).toBe('8567346215');
    expect(f.regon).toBe('123456785');
  });

  it('rejects a NIP whose check digit is wrong, naming the field', () => {
    expect(problems({ ...pl, nip: '8567346216' })).toEqual(['nip:CHECK_DIGIT']);
  });

  it('requires a NIP for a Polish firm and a company code for a Lithuanian one', () => {
    expect(problems({ ...pl, nip: undefined })).toEqual(['nip:EMPTY']);
    expect(problems({ ...lt, companyCode: undefined })).toEqual(['companyCode:EMPTY']);
  });

  it('accepts a valid Lithuanian firm and its VAT code', () => {
    const f = validateFirmDetails(lt);
    expect(f.companyCode).toBe('304374938');
    expect(f.vatNumber).toBe('LT100001919017');
    expect(f.warnings).toEqual([]);
  });

  it('warns, without rejecting, about an LT company code that fails the unofficial checksum', () => {
    const f = validateFirmDetails({ ...lt, companyCode: '304374939' });
    expect(f.warnings).toEqual([{ field: 'companyCode', reason: 'CHECK_DIGIT' }]);
  });

  it('rejects a VAT number of the other country and a Polish one that is not PL + NIP', () => {
    expect(problems({ ...lt, vatNumber: 'PL8567346215' })).toEqual(['vatNumber:COUNTRY_MISMATCH']);
    expect(problems({ ...pl, vatNumber: 'PL5260250274' })).toEqual(['vatNumber:NIP_MISMATCH']);
  });

  it('collects every problem at once', () => {
    const p = problems({ ...pl, nip: '1234567890', postcode: '15001', lat: 91, sizeClass: 'huge', regon: '123456786' });
    expect(p).toEqual(
      expect.arrayContaining([
        'nip:CHECK_DIGIT',
        'regon:CHECK_DIGIT',
        'postcode:FORMAT',
        'lat:OUT_OF_RANGE',
        'sizeClass:UNSUPPORTED',
      ]),
    );
  });

  it('rejects identifiers of the other country', () => {
    expect(problems({ ...lt, nip: '8567346215' })).toEqual(['nip:NOT_APPLICABLE']);
  });
});
