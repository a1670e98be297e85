import { STANDARD_VAT_RATES, standardRate } from './vat-rates';
import { vatTreatment, type SupplyKind, type VatParty, type VatTreatment } from './vat-treatment';

const onDate = new Date(Date.UTC(2027, 2, 7, 10));
const plFirm: VatParty = { country: 'PL', vatNumber: 'PL8567346215' };
const plFirm2: VatParty = { country: 'PL', vatNumber: 'PL5260250274' };
const ltFirm: VatParty = { country: 'LT', vatNumber: 'LT100001919017' };
const ltFirm2: VatParty = { country: 'LT', vatNumber: 'LT119511515' };

describe('vatTreatment', () => {
  it('PL → PL is domestic at the Polish standard rate of 23 %, charged by the supplier', () => {
    const t = vatTreatment(plFirm, plFirm2, 'services', onDate);
    expect(t).toEqual<VatTreatment>({
      kind: 'domestic',
      ratePercent: 23,
      chargedBy: 'supplier',
      notes: { en: 'VAT 23 % (PL)', pl: 'VAT 23 % (PL)', lt: 'PVM 23 % (PL)' },
      supplierVatNumber: 'PL8567346215',
      customerVatNumber: 'PL5260250274',
      warnings: [],
    });
  });

  it('LT → LT is domestic at the Lithuanian standard rate of 21 %, also for goods', () => {
    const t = vatTreatment(ltFirm, ltFirm2, 'goods', onDate);
    expect(t.kind).toBe('domestic');
    expect(t.ratePercent).toBe(21);
    expect(t.chargedBy).toBe('supplier');
    expect(t.notes).toEqual({ en: 'VAT 21 % (LT)', pl: 'VAT 21 % (LT)', lt: 'PVM 21 % (LT)' });
    expect(t.warnings).toEqual([]);
  });

  it('PL supplier → LT customer, services: reverse charge with no VAT, both VAT numbers and the exact notes', () => {
    const t = vatTreatment(plFirm, ltFirm, 'services', onDate);
    expect(t).toEqual<VatTreatment>({
      kind: 'reverse_charge',
      ratePercent: 0,
      chargedBy: 'customer',
      notes: { en: 'Reverse charge', pl: 'Odwrotne obciążenie', lt: 'Atvirkštinis apmokestinimas' },
      supplierVatNumber: 'PL8567346215',
      customerVatNumber: 'LT100001919017',
      warnings: [],
    });
  });

  it('LT supplier → PL customer, services: reverse charge the other way round', () => {
    const t = vatTreatment(ltFirm, plFirm, 'services', onDate);
    expect(t.kind).toBe('reverse_charge');
    expect(t.ratePercent).toBe(0);
    expect(t.chargedBy).toBe('customer');
    expect(t.supplierVatNumber).toBe('LT100001919017');
    expect(t.customerVatNumber).toBe('PL8567346215');
    expect(t.notes).toEqual({ en: 'Reverse charge', pl: 'Odwrotne obciążenie', lt: 'Atvirkštinis apmokestinimas' });
    expect(t.warnings).toEqual([]);
  });

  it('PL ↔ LT goods: exempt intra-Community supply at 0 % ("0% WDT"), accounted for by the customer', () => {
    for (const [supplier, customer] of [
      [plFirm, ltFirm],
      [ltFirm, plFirm],
    ]) {
      const t = vatTreatment(supplier, customer, 'goods', onDate);
      expect(t.kind).toBe('intra_community_supply');
      expect(t.ratePercent).toBe(0);
      expect(t.chargedBy).toBe('customer');
      expect(t.notes.pl).toBe('0% WDT');
      expect(t.supplierVatNumber).toBe(supplier.vatNumber);
      expect(t.customerVatNumber).toBe(customer.vatNumber);
      expect(t.warnings).toEqual([]);
    }
  });

  it('cross-border without the customer VAT number is undetermined with CUSTOMER_VAT_NUMBER_MISSING', () => {
    for (const kind of ['services', 'goods'] as SupplyKind[]) {
      const t = vatTreatment(plFirm, { country: 'LT', vatNumber: null }, kind, onDate);
      expect(t.kind).toBe('undetermined');
      expect(t.ratePercent).toBeNull();
      expect(t.chargedBy).toBeNull();
      expect(t.customerVatNumber).toBeNull();
      expect(t.warnings).toEqual(['CUSTOMER_VAT_NUMBER_MISSING']);
      expect(t.notes.en).toContain("customer's EU VAT number is missing");
    }
    // A blank number counts as missing.
    expect(vatTreatment(ltFirm, { country: 'PL', vatNumber: '  ' }, 'services', onDate).warnings).toEqual([
      'CUSTOMER_VAT_NUMBER_MISSING',
    ]);
  });

  it('cross-border without the supplier VAT number warns SUPPLIER_VAT_NUMBER_MISSING (services stay reverse charge, goods are undetermined)', () => {
    const noNumber: VatParty = { country: 'PL', vatNumber: null };
    const services = vatTreatment(noNumber, ltFirm, 'services', onDate);
    expect(services.kind).toBe('reverse_charge');
    expect(services.chargedBy).toBe('customer');
    expect(services.supplierVatNumber).toBeNull();
    expect(services.warnings).toEqual(['SUPPLIER_VAT_NUMBER_MISSING']);

    const goods = vatTreatment(noNumber, ltFirm, 'goods', onDate);
    expect(goods.kind).toBe('undetermined');
    expect(goods.ratePercent).toBeNull();
    expect(goods.warnings).toEqual(['SUPPLIER_VAT_NUMBER_MISSING']);

    const both = vatTreatment(noNumber, { country: 'LT', vatNumber: null }, 'services', onDate);
    expect(both.kind).toBe('undetermined');
    expect(both.warnings).toEqual(['SUPPLIER_VAT_NUMBER_MISSING', 'CUSTOMER_VAT_NUMBER_MISSING']);
  });

  it('a domestic leg does not warn about missing VAT numbers', () => {
    const t = vatTreatment({ country: 'LT', vatNumber: null }, { country: 'LT', vatNumber: null }, 'services', onDate);
    expect(t.kind).toBe('domestic');
    expect(t.warnings).toEqual([]);
  });

  it('rate lookup before the validity of any rate throws a clear error', () => {
    expect(() => standardRate('PL', new Date(Date.UTC(2010, 11, 30)))).toThrow(
      /no standard rate for PL is valid on 2010-12-30/,
    );
    expect(() => standardRate('LT', new Date(Date.UTC(2009, 7, 31, 12)))).toThrow(
      /no standard rate for LT is valid on 2009-08-31/,
    );
    expect(() => vatTreatment(plFirm, plFirm2, 'services', new Date(Date.UTC(2005, 0, 1)))).toThrow(/PL/);
    expect(() => standardRate('PL', new Date(Number.NaN))).toThrow(/invalid date/);
  });

  it('rate lookup returns the rate with its validity, reading the day in the country time zone', () => {
    expect(standardRate('PL', onDate)).toEqual({ ratePercent: 23, validFrom: '2011-01-01', validTo: null });
    expect(standardRate('LT', onDate)).toEqual({ ratePercent: 21, validFrom: '2009-09-01', validTo: null });
    // 2010-12-31 23:30 UTC is already 1 January 2011 in Warsaw.
    expect(standardRate('PL', new Date(Date.UTC(2010, 11, 31, 23, 30))).ratePercent).toBe(23);
    // Basis points are the stored value; the percent is derived from them.
    for (const row of STANDARD_VAT_RATES) expect(row.ratePercent * 100).toBe(row.rateBasisPoints);
    expect(STANDARD_VAT_RATES.map((r) => [r.country, r.rateBasisPoints])).toEqual([
      ['PL', 2300],
      ['LT', 2100],
    ]);
  });

  it('has non-empty notes in English, Polish and Lithuanian for every kind', () => {
    const cases: Array<[VatParty, VatParty, SupplyKind]> = [
      [plFirm, plFirm2, 'services'], // domestic
      [plFirm, ltFirm, 'services'], // reverse_charge
      [ltFirm, plFirm, 'goods'], // intra_community_supply
      [plFirm, { country: 'LT', vatNumber: null }, 'goods'], // undetermined
    ];
    const seen = new Set<string>();
    for (const [supplier, customer, kind] of cases) {
      const t = vatTreatment(supplier, customer, kind, onDate);
      seen.add(t.kind);
      expect(Object.keys(t.notes).sort()).toEqual(['en', 'lt', 'pl']);
      for (const text of Object.values(t.notes)) expect(text.trim()).not.toBe('');
    }
    expect([...seen].sort()).toEqual(['domestic', 'intra_community_supply', 'reverse_charge', 'undetermined']);
  });
});
