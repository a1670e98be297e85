import {
  checkEuVatNumber,
  checkKrs,
  checkLtCompanyCode,
  checkLtVatCode,
  checkNip,
  checkRegon,
  computeLtCompanyCodeCheckDigit,
  computeLtVatCheckDigit,
  computeNipCheckDigit,
  computeRegon9CheckDigit,
  formatNip,
  normalizeIdentifier,
} from './identifiers';

// Test vectors are copied verbatim from shared/domain/identifiers.md.
const NIP_VALID = ['8567346215', '1234563218', '5260250274', '9876543210', '5270201490'];
const REGON_VALID = ['123456785', '192598184', '850518457', '100000050', '12345678512347', '85051845749370'];
const REGON_INVALID = ['123456786', '192598183', '12345678612342', '12345678512348'];
const LT_COMPANY_VALID = [
  '124110246',
  '112025254',
  '304374938',
  '305567922',
  '303410025',
  '304764201',
  '154742821',
  '141994523',
  '120053794',
  '110443493',
  '180886050',
  '302791356',
  '300000053', // synthetic: second pass
  '300001280', // synthetic: both passes give 10
];
const LT_COMPANY_BAD_CHECKSUM = ['304374939', '123456789'];
const LT_VAT_VALID = [
  '119511515',
  '100001919017',
  '100004801610',
  '241102419',
  '120252515',
  '100008888112',
  '123456715',
];
const LT_VAT_INVALID = ['100001919018', '241102418'];

describe('identifiers', () => {
  // -------------------------------------------------------------------------
  // normalizeIdentifier
  // -------------------------------------------------------------------------
  it.each([
    ['856 734 62 15', undefined, '8567346215'],
    ['856-734-62-15', undefined, '8567346215'],
    ['856.734.62.15', undefined, '8567346215'],
    [' 856-734 62.15 ', undefined, '8567346215'],
    ['856\u00a0734\t62\n15', undefined, '8567346215'],
  ] as const)('strips spaces, dashes and dots from %j', (raw, prefix, expected) => {
    expect(normalizeIdentifier(raw, prefix)).toBe(expected);
  });

  it.each([
    ['PL8567346215', 'PL', '8567346215'],
    ['pl8567346215', 'PL', '8567346215'],
    ['Pl 856-734-62-15', 'PL', '8567346215'],
    ['LT119511515', 'LT', '119511515'],
    ['lt-119511515', 'LT', '119511515'],
  ] as const)('strips the leading %s country prefix case-insensitively (%j)', (raw, prefix, expected) => {
    expect(normalizeIdentifier(raw, prefix)).toBe(expected);
  });

  it('keeps a country prefix when no prefix is requested', () => {
    expect(normalizeIdentifier('PL8567346215')).toBe('PL8567346215');
  });

  it('keeps a prefix that is not the requested one', () => {
    expect(normalizeIdentifier('LT8567346215', 'PL')).toBe('LT8567346215');
  });

  it('strips the prefix only once and only at the start', () => {
    expect(normalizeIdentifier('PLPL8567346215', 'PL')).toBe('PL8567346215');
    expect(normalizeIdentifier('856PL7346215', 'PL')).toBe('856PL7346215');
  });

  it('does not silently drop other letters', () => {
    expect(normalizeIdentifier('AB12')).toBe('AB12');
    expect(normalizeIdentifier('AB12', 'PL')).toBe('AB12');
  });

  it('returns an empty string for blank or non-string input', () => {
    expect(normalizeIdentifier('')).toBe('');
    expect(normalizeIdentifier(' - . ')).toBe('');
    expect(normalizeIdentifier(undefined as unknown as string)).toBe('');
  });

  // -------------------------------------------------------------------------
  // NIP
  // -------------------------------------------------------------------------
  it.each(NIP_VALID)('accepts the valid NIP %s', (nip) => {
    expect(checkNip(nip)).toEqual({ valid: true, normalized: nip });
  });

  it('rejects a NIP whose check digit is wrong', () => {
    expect(checkNip('8567346216')).toEqual({ valid: false, normalized: '8567346216', problem: 'CHECK_DIGIT' });
  });

  it('rejects a NIP whose weighted sum leaves remainder 10 (1234567890) instead of mapping it to 0', () => {
    expect(computeNipCheckDigit('123456789')).toBeNull();
    expect(checkNip('1234567890')).toEqual({ valid: false, normalized: '1234567890', problem: 'CHECK_DIGIT' });
  });

  it('accepts a NIP written with separators and a PL prefix', () => {
    for (const raw of ['856-734-62-15', '856 734 62 15', '856.734.62.15', 'PL8567346215', 'pl 856-734-62-15']) {
      expect(checkNip(raw)).toEqual({ valid: true, normalized: '8567346215' });
    }
  });

  it.each(['', '   ', '--', 'PL', 'pl - '])('reports EMPTY for a blank NIP %j', (raw) => {
    expect(checkNip(raw)).toMatchObject({ valid: false, problem: 'EMPTY' });
  });

  it.each(['856734621', '85673462150', 'AB12', '856734621X', 'LT8567346215', '８５６７３４６２１５'])(
    'reports SHAPE for a NIP that is not 10 ASCII digits: %j',
    (raw) => {
      expect(checkNip(raw)).toMatchObject({ valid: false, problem: 'SHAPE' });
    },
  );

  it.each([
    ['856734621', 5],
    ['123456321', 8],
    ['987654321', 0],
  ])('computes the NIP check digit of %s as %i', (first9, digit) => {
    expect(computeNipCheckDigit(first9)).toBe(digit);
  });

  it('throws when computeNipCheckDigit is not given exactly 9 digits', () => {
    expect(() => computeNipCheckDigit('12345678')).toThrow(RangeError);
    expect(() => computeNipCheckDigit('12345678X')).toThrow(RangeError);
  });

  it('formats a NIP as 3-3-2-2', () => {
    expect(formatNip('8567346215')).toBe('856-734-62-15');
    expect(formatNip('PL 856 734 6215')).toBe('856-734-62-15');
  });

  it('returns input that is not a 10-digit NIP unchanged from formatNip', () => {
    expect(formatNip('12345')).toBe('12345');
    expect(formatNip('')).toBe('');
  });

  // -------------------------------------------------------------------------
  // REGON
  // -------------------------------------------------------------------------
  it.each(REGON_VALID)('accepts the valid REGON %s', (regon) => {
    expect(checkRegon(regon)).toEqual({ valid: true, normalized: regon });
  });

  it.each(REGON_INVALID)('rejects the REGON %s with CHECK_DIGIT', (regon) => {
    expect(checkRegon(regon)).toEqual({ valid: false, normalized: regon, problem: 'CHECK_DIGIT' });
  });

  it('rejects a 14-digit REGON whose own check digit is right but whose first 9 digits fail', () => {
    // 12345678612342: the 14-digit check passes, but 123456786 is not a valid 9-digit REGON.
    expect(checkRegon('123456786').valid).toBe(false);
    expect(checkRegon('12345678612342')).toMatchObject({ valid: false, problem: 'CHECK_DIGIT' });
  });

  it('maps a REGON remainder of 10 to check digit 0', () => {
    // Doc vector 100000050: 1*8 + 5*7 = 43, 43 mod 11 = 10, so the check digit is 0.
    expect(computeRegon9CheckDigit('10000005')).toBe(0);
    expect(checkRegon('100000050')).toEqual({ valid: true, normalized: '100000050' });
    expect(checkRegon('100000051')).toMatchObject({ valid: false, problem: 'CHECK_DIGIT' });
  });

  it.each([
    ['12345678', 5],
    ['19259818', 4],
    ['85051845', 7],
    ['10000005', 0], // remainder 10
  ])('computes the REGON check digit of %s as %i', (first8, digit) => {
    expect(computeRegon9CheckDigit(first8)).toBe(digit);
  });

  it('throws when computeRegon9CheckDigit is not given exactly 8 digits', () => {
    expect(() => computeRegon9CheckDigit('1234567')).toThrow(RangeError);
  });

  it('accepts a REGON written with separators', () => {
    expect(checkRegon('123-456-785')).toEqual({ valid: true, normalized: '123456785' });
    expect(checkRegon('12345678 51234 7')).toEqual({ valid: true, normalized: '12345678512347' });
  });

  it.each(['12345678', '1234567851', '1234567851234', '123456785123470', '12345678X'])(
    'reports SHAPE for a REGON that is neither 9 nor 14 digits: %j',
    (raw) => {
      expect(checkRegon(raw)).toMatchObject({ valid: false, problem: 'SHAPE' });
    },
  );

  it('reports EMPTY for a blank REGON', () => {
    expect(checkRegon(' ')).toEqual({ valid: false, normalized: '', problem: 'EMPTY' });
  });

  // -------------------------------------------------------------------------
  // KRS
  // -------------------------------------------------------------------------
  it.each([
    ['0000123456', '0000123456'],
    ['123456', '0000123456'],
    ['1', '0000000001'],
    ['1234567890', '1234567890'],
    ['0000-123-456', '0000123456'],
  ])('left-pads the KRS %j to 10 digits', (raw, expected) => {
    expect(checkKrs(raw)).toEqual({ valid: true, normalized: expected });
  });

  it.each(['12345678901', 'KRS123456', '12345a'])('reports SHAPE for a KRS that is not up to 10 digits: %j', (raw) => {
    expect(checkKrs(raw)).toMatchObject({ valid: false, problem: 'SHAPE' });
  });

  it('reports EMPTY for a blank KRS', () => {
    expect(checkKrs('')).toEqual({ valid: false, normalized: '', problem: 'EMPTY' });
  });

  // -------------------------------------------------------------------------
  // LT company code
  // -------------------------------------------------------------------------
  it.each(LT_COMPANY_VALID)('accepts the LT company code %s without a warning', (code) => {
    expect(checkLtCompanyCode(code)).toEqual({ valid: true, normalized: code });
  });

  it.each(LT_COMPANY_BAD_CHECKSUM)('accepts the LT company code %s with a CHECK_DIGIT warning', (code) => {
    const result = checkLtCompanyCode(code);
    expect(result).toEqual({ valid: true, normalized: code, warning: 'CHECK_DIGIT' });
    expect(result.problem).toBeUndefined();
  });

  it('uses the second LT company code weight set when the first gives 10', () => {
    // 30000005: first pass 3*1 + 5*8 = 43, mod 11 = 10; second pass 3*3 + 5*1 = 14, mod 11 = 3.
    expect(computeLtCompanyCodeCheckDigit('30000005')).toBe(3);
  });

  it('gives LT company code check digit 0 when both passes leave 10', () => {
    expect(computeLtCompanyCodeCheckDigit('30000128')).toBe(0);
  });

  it.each(['12411024', '30437493'])('computes the LT company code check digit of %s', (first8) => {
    const full = LT_COMPANY_VALID.find((c) => c.startsWith(first8)) as string;
    expect(computeLtCompanyCodeCheckDigit(first8)).toBe(Number(full[8]));
  });

  it('throws when computeLtCompanyCodeCheckDigit is not given exactly 8 digits', () => {
    expect(() => computeLtCompanyCodeCheckDigit('123456789')).toThrow(RangeError);
  });

  it('accepts an LT company code written with separators and an LT prefix', () => {
    expect(checkLtCompanyCode('LT 304-374-938')).toEqual({ valid: true, normalized: '304374938' });
  });

  it.each(['30437493', '3043749380', '30437493A', 'AB12'])(
    'rejects an LT company code with the wrong shape: %j',
    (raw) => {
      expect(checkLtCompanyCode(raw)).toMatchObject({ valid: false, problem: 'SHAPE' });
    },
  );

  it('reports EMPTY for a blank LT company code', () => {
    expect(checkLtCompanyCode('')).toEqual({ valid: false, normalized: '', problem: 'EMPTY' });
  });

  // -------------------------------------------------------------------------
  // LT VAT code
  // -------------------------------------------------------------------------
  it.each(LT_VAT_VALID)('accepts the LT VAT code %s', (code) => {
    expect(checkLtVatCode(code)).toEqual({ valid: true, normalized: code });
  });

  it.each(LT_VAT_INVALID)('rejects the LT VAT code %s with CHECK_DIGIT', (code) => {
    expect(checkLtVatCode(code)).toEqual({ valid: false, normalized: code, problem: 'CHECK_DIGIT' });
  });

  it('satisfies the LT VAT structural rule for every valid vector in the doc', () => {
    for (const code of LT_VAT_VALID) {
      const marker = code.length === 9 ? code[7] : code[10];
      expect(marker).toBe('1');
    }
  });

  it('rejects a 9-digit LT VAT code whose 8th digit is not 1, even with a correct check digit', () => {
    const first8 = '12345672';
    const code = first8 + String(computeLtVatCheckDigit(first8));
    expect(checkLtVatCode(code)).toEqual({ valid: false, normalized: code, problem: 'SHAPE' });
  });

  it('rejects a 12-digit LT VAT code whose 11th digit is not 1, even with a correct check digit', () => {
    const first11 = '10000191902';
    const code = first11 + String(computeLtVatCheckDigit(first11));
    expect(checkLtVatCode(code)).toEqual({ valid: false, normalized: code, problem: 'SHAPE' });
  });

  it.each([
    ['11951151', 5], // first pass
    ['24110241', 9], // second pass
    ['10000480161', 0], // both passes give 10
    ['10000191901', 7],
  ])('computes the LT VAT check digit of %s as %i', (digits, expected) => {
    expect(computeLtVatCheckDigit(digits)).toBe(expected);
  });

  it('throws when computeLtVatCheckDigit is given neither 8 nor 11 digits', () => {
    expect(() => computeLtVatCheckDigit('123456789')).toThrow(RangeError);
    expect(() => computeLtVatCheckDigit('')).toThrow(RangeError);
  });

  it('accepts an LT VAT code written with separators and an LT prefix', () => {
    expect(checkLtVatCode('lt 1000-0191-9017')).toEqual({ valid: true, normalized: '100001919017' });
  });

  it.each(['11951151', '1195115150', '11951151X', '1000019190170'])(
    'reports SHAPE for an LT VAT code that is neither 9 nor 12 digits: %j',
    (raw) => {
      expect(checkLtVatCode(raw)).toMatchObject({ valid: false, problem: 'SHAPE' });
    },
  );

  it('reports EMPTY for a blank LT VAT code', () => {
    expect(checkLtVatCode('LT')).toEqual({ valid: false, normalized: '', problem: 'EMPTY' });
  });

  // -------------------------------------------------------------------------
  // EU VAT numbers
  // -------------------------------------------------------------------------
  it.each(NIP_VALID)('accepts the Polish EU VAT number PL%s', (nip) => {
    expect(checkEuVatNumber(`PL${nip}`)).toEqual({ valid: true, normalized: `PL${nip}`, country: 'PL' });
  });

  it.each(LT_VAT_VALID)('accepts the Lithuanian EU VAT number LT%s', (code) => {
    expect(checkEuVatNumber(`LT${code}`)).toEqual({ valid: true, normalized: `LT${code}`, country: 'LT' });
  });

  it('accepts an EU VAT number with spaces, dashes and a lowercase prefix, keeping the prefix', () => {
    expect(checkEuVatNumber('pl 856-734-62-15')).toEqual({ valid: true, normalized: 'PL8567346215', country: 'PL' });
    expect(checkEuVatNumber('Lt 1000 0191 9017')).toEqual({ valid: true, normalized: 'LT100001919017', country: 'LT' });
  });

  it('rejects a Polish EU VAT number whose NIP fails, including the remainder-10 trap', () => {
    expect(checkEuVatNumber('PL8567346216')).toEqual({
      valid: false,
      normalized: 'PL8567346216',
      problem: 'CHECK_DIGIT',
      country: 'PL',
    });
    expect(checkEuVatNumber('PL1234567890')).toMatchObject({ valid: false, problem: 'CHECK_DIGIT', country: 'PL' });
  });

  it.each(LT_VAT_INVALID)('rejects the Lithuanian EU VAT number LT%s with CHECK_DIGIT', (code) => {
    expect(checkEuVatNumber(`LT${code}`)).toEqual({
      valid: false,
      normalized: `LT${code}`,
      problem: 'CHECK_DIGIT',
      country: 'LT',
    });
  });

  it.each([
    ['PL123', 'PL'],
    ['PL85673462150', 'PL'],
    ['LT1234567890', 'LT'],
    ['PLPL8567346215', 'PL'],
    ['PL', 'PL'],
    ['LT30437493X', 'LT'],
  ] as const)('reports SHAPE for the malformed EU VAT number %j and still names the country', (raw, country) => {
    expect(checkEuVatNumber(raw)).toMatchObject({ valid: false, problem: 'SHAPE', country });
  });

  it.each(['8567346215', 'DE123456789', 'EL123456789', 'P8567346215'])(
    'reports SHAPE without a country for an EU VAT number that lacks a PL or LT prefix: %j',
    (raw) => {
      const result = checkEuVatNumber(raw);
      expect(result).toMatchObject({ valid: false, problem: 'SHAPE' });
      expect(result.country).toBeUndefined();
    },
  );

  it('reports EMPTY for a blank EU VAT number', () => {
    expect(checkEuVatNumber('  ')).toEqual({ valid: false, normalized: '', problem: 'EMPTY' });
  });

  it('does not set problem on valid results of any checker', () => {
    const results = [
      checkNip('8567346215'),
      checkRegon('123456785'),
      checkKrs('123'),
      checkLtCompanyCode('123456789'),
      checkLtVatCode('119511515'),
      checkEuVatNumber('PL8567346215'),
    ];
    for (const r of results) {
      expect(r.valid).toBe(true);
      expect('problem' in r).toBe(false);
    }
  });
});
