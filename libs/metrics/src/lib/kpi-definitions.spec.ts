import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FACT_KINDS } from './core/fact';
import { METRIC_EVENT_TYPES } from './core/metric-event';
import { KPI_DEFINITIONS } from './kpi-definitions';

describe('KPI_DEFINITIONS', () => {
  it('is mirrored by docs/kpis.md: one section per KPI, in the same order, and none other', () => {
    const doc = readFileSync(join(__dirname, '../../../../docs/kpis.md'), 'utf8');
    const sections = [...doc.matchAll(/^### `([a-z0-9-]+)`$/gm)].map((m) => m[1]);
    expect(sections).toEqual(KPI_DEFINITIONS.map((k) => k.id));
  });

  it('names each KPI once, reads only events the roll-up receives, and builds ratios from KPIs defined before them', () => {
    const ids = KPI_DEFINITIONS.map((k) => k.id);
    expect(new Set(ids).size).toBe(ids.length);
    KPI_DEFINITIONS.forEach((k, i) => {
      for (const e of k.events) expect(METRIC_EVENT_TYPES).toContain(e);
      const m = k.measure;
      if (m.op === 'ratio') {
        expect(ids.slice(0, i)).toEqual(expect.arrayContaining([m.numerator, m.denominator]));
      } else {
        expect(FACT_KINDS).toContain(m.kind);
      }
    });
  });
});
