import { LOCALES } from '@kooperant/platform-i18n';
import { KPI_DEFINITIONS } from '../kpi-definitions';
import { KPI_TITLES, kpiDefinition, kpiTitle } from './kpi-labels';

describe('KPI_TITLES', () => {
  it('has a title in en, pl and lt for every KPI of KPI_DEFINITIONS, and for no other id', () => {
    expect(Object.keys(KPI_TITLES).sort()).toEqual(KPI_DEFINITIONS.map((k) => k.id).sort());
    for (const kpi of KPI_DEFINITIONS) {
      for (const locale of LOCALES)
        expect({ id: kpi.id, locale, title: kpiTitle(kpi.id, locale).trim() }).toEqual({
          id: kpi.id,
          locale,
          title: expect.stringMatching(/\S/),
        });
    }
  });

  it('names the currency of every money KPI in each language', () => {
    for (const kpi of KPI_DEFINITIONS.filter((k) => k.unit === 'EUR cents' || k.unit === 'PLN grosze')) {
      const code = kpi.unit === 'EUR cents' ? '(EUR)' : '(PLN)';
      for (const locale of LOCALES) expect(kpiTitle(kpi.id, locale)).toContain(code);
    }
  });

  it('translates: the Polish and Lithuanian titles differ from the English ones', () => {
    for (const kpi of KPI_DEFINITIONS) {
      expect(kpiTitle(kpi.id, 'pl')).not.toBe(kpiTitle(kpi.id, 'en'));
      expect(kpiTitle(kpi.id, 'lt')).not.toBe(kpiTitle(kpi.id, 'en'));
    }
  });

  it('rejects an id KPI_DEFINITIONS does not have', () => {
    expect(() => kpiDefinition('orders-dreamt')).toThrow('unknown KPI "orders-dreamt"');
    expect(() => kpiTitle('orders-dreamt', 'pl')).toThrow('no title for KPI "orders-dreamt"');
  });
});
