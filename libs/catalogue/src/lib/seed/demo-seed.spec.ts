import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

import { TAXONOMY_SEED, type TaxonomyKind, type TaxonomySeedEntry } from '../taxonomy/taxonomy.seed';
import { DEMO_OFFERS } from './demo-offers.seed';
import { DEMO_FIRMS } from '@kooperant/identity';

/**
 * The glossary lives outside the repository: /work/shared/domain/glossary.tsv next to /work/main.
 * From libs/catalogue/src/lib/seed that is six levels up; walk upwards in case the checkout is
 * nested differently.
 */
function findGlossary(): string {
  const direct = path.resolve(__dirname, '../../../../../../shared/domain/glossary.tsv');
  if (existsSync(direct)) return direct;
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, 'shared', 'domain', 'glossary.tsv');
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`glossary.tsv not found above ${__dirname}`);
    dir = parent;
  }
}

interface GlossaryRow {
  kind: string;
  en: string;
  pl: string[];
  lt: string[];
  note: string;
}

function readGlossary(): GlossaryRow[] {
  const [header, ...lines] = readFileSync(findGlossary(), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  expect(header.split('\t')).toEqual(['kind', 'en', 'pl', 'lt', 'note']);
  const split = (cell: string | undefined) =>
    (cell ?? '')
      .split(';')
      .map((t) => t.trim())
      .filter((t) => t !== '');
  return lines.map((line) => {
    const [kind, en, pl, lt, note] = line.split('\t');
    return { kind: kind.trim(), en: en.trim(), pl: split(pl), lt: split(lt), note: (note ?? '').trim() };
  });
}

const lower = (s: string) => s.toLocaleLowerCase('und');
const termsOf = (e: TaxonomySeedEntry, lang: 'en' | 'pl' | 'lt') => [e.labels[lang], ...e.synonyms[lang]].map(lower);

describe('demo seed data', () => {
  const byCode = new Map(TAXONOMY_SEED.map((e) => [e.code, e]));
  const codesOfKind = (kind: TaxonomyKind) => new Set(TAXONOMY_SEED.filter((e) => e.kind === kind).map((e) => e.code));

  describe('taxonomy', () => {
    it('has unique codes', () => {
      const seen = new Set<string>();
      const dupes = TAXONOMY_SEED.map((e) => e.code).filter((c) => (seen.has(c) ? true : (seen.add(c), false)));
      expect(dupes).toEqual([]);
    });

    it('uses code prefixes that match the kind', () => {
      const prefix: Record<TaxonomyKind, string> = {
        process: 'process.',
        material: 'material.',
        product: 'product.',
        certification: 'cert.',
        nace: 'nace.',
      };
      const wrong = TAXONOMY_SEED.filter((e) => !e.code.startsWith(prefix[e.kind])).map((e) => e.code);
      expect(wrong).toEqual([]);
    });

    it('lists every parent before its children, with the same kind', () => {
      const position = new Map(TAXONOMY_SEED.map((e, i) => [e.code, i]));
      const problems: string[] = [];
      TAXONOMY_SEED.forEach((e, i) => {
        if (e.parentCode === undefined) return;
        const parentIndex = position.get(e.parentCode);
        if (parentIndex === undefined) problems.push(`${e.code}: missing parent ${e.parentCode}`);
        else if (parentIndex >= i) problems.push(`${e.code}: parent ${e.parentCode} comes later`);
        else if (byCode.get(e.parentCode)?.kind !== e.kind) problems.push(`${e.code}: parent of another kind`);
      });
      expect(problems).toEqual([]);
    });

    it('has non-empty labels in en, pl and lt', () => {
      const missing = TAXONOMY_SEED.filter(
        (e) => !e.labels.en.trim() || !e.labels.pl.trim() || !e.labels.lt.trim(),
      ).map((e) => e.code);
      expect(missing).toEqual([]);
    });

    it('contains every glossary process, material and product row with all its terms', () => {
      const rows = readGlossary().filter((r) => r.kind === 'process' || r.kind === 'material' || r.kind === 'product');
      expect(rows.length).toBeGreaterThan(30);
      const problems: string[] = [];
      for (const row of rows) {
        const entry = TAXONOMY_SEED.find((e) => e.kind === row.kind && lower(e.labels.en) === lower(row.en));
        if (!entry) {
          problems.push(`no ${row.kind} entry labelled '${row.en}'`);
          continue;
        }
        for (const lang of ['pl', 'lt'] as const) {
          const terms = termsOf(entry, lang);
          for (const term of row[lang]) {
            if (!terms.includes(lower(term))) problems.push(`${entry.code}: ${lang} term '${term}' missing`);
          }
        }
        // Where the glossary leaves a translation blank or flags it, the entry must say so.
        if ((row.pl.length === 0 || row.lt.length === 0 || /unknown|unconfirmed/i.test(row.note)) && !entry.note) {
          problems.push(`${entry.code}: glossary flags '${row.note || 'missing translation'}' but entry has no note`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('covers the NACE codes of classifications.md in both revisions', () => {
      const nace = TAXONOMY_SEED.filter((e) => e.kind === 'nace');
      for (const e of nace) {
        expect(e.meta?.naceRevision).toBeDefined();
        expect(e.meta?.naceCode).toBeDefined();
        expect(e.code).toBe(`nace.${e.meta?.naceRevision}.${e.meta?.naceCode}`);
      }
      const rev2 = [
        '16.10',
        '16.21',
        '16.23',
        '16.24',
        '16.29',
        '24.51',
        '24.52',
        '24.53',
        '24.54',
        '25.11',
        '25.12',
        '25.50',
        '25.61',
        '25.62',
        '25.73',
        '25.94',
        '25.99',
        '28.30',
        '28.4',
        '28.93',
        '28.99',
        '31.01',
        '31.02',
        '31.03',
        '31.09',
        '33.11',
        '33.12',
        '33.20',
      ];
      const rev21 = ['16.11', '16.12', '16.25', '16.27', '16.28', '25.40', '25.51', '25.52', '25.53', '25.63', '31.00'];
      for (const c of rev2) expect(byCode.has(`nace.2.${c}`)).toBe(true);
      for (const c of rev21) expect(byCode.has(`nace.2.1.${c}`)).toBe(true);
      // PKD 2007 titles given in classifications.md are used verbatim.
      expect(byCode.get('nace.2.25.62')?.labels.pl).toBe('Obróbka mechaniczna elementów metalowych');
      expect(byCode.get('nace.2.16.10')?.labels.pl).toBe('Produkcja wyrobów tartacznych');
      expect(byCode.get('nace.2.25.62')?.meta?.pkdCode).toBe('25.62.Z');
    });

    it('has the certification hierarchy the firms and offers rely on', () => {
      for (const exc of ['exc1', 'exc2', 'exc3', 'exc4'])
        expect(byCode.get(`cert.en-1090-${exc}`)?.parentCode).toBe('cert.en-1090');
      for (const c of [
        'cert.iso-9001',
        'cert.iso-3834',
        'cert.iso-14001',
        'cert.iso-45001',
        'cert.fsc',
        'cert.pefc',
        'cert.ispm-15',
        'cert.ce-machinery',
      ]) {
        expect(byCode.get(c)?.kind).toBe('certification');
      }
    });
  });

  describe('firms', () => {
    const firmKeys = new Set(DEMO_FIRMS.map((f) => f.key));
    const certs = codesOfKind('certification');

    it('has unique keys and enough firms per country', () => {
      expect(firmKeys.size).toBe(DEMO_FIRMS.length);
      expect(DEMO_FIRMS.length).toBeGreaterThanOrEqual(44);
      expect(DEMO_FIRMS.filter((f) => f.country === 'PL').length).toBeGreaterThanOrEqual(24);
      expect(DEMO_FIRMS.filter((f) => f.country === 'LT').length).toBeGreaterThanOrEqual(16);
    });

    it('puts each firm in its own country’s cluster with the right identifier fields', () => {
      for (const f of DEMO_FIRMS) {
        if (f.country === 'PL') {
          expect(f.clusterCode).toBe('kom-bialystok');
          expect(f.nip).toMatch(/^\d{10}$/);
          expect(f.companyCode).toBeUndefined();
          expect(f.address.postcode).toMatch(/^\d{2}-\d{3}$/);
          if (f.vatNumber !== undefined) expect(f.vatNumber).toBe(`PL${f.nip}`);
        } else {
          expect(f.clusterCode).toBe('alytus-metal');
          expect(f.companyCode).toMatch(/^[13]\d{8}$/);
          expect(f.nip).toBeUndefined();
          expect(f.address.postcode).toMatch(/^LT-\d{5}$/);
          if (f.vatNumber !== undefined) expect(f.vatNumber).toMatch(/^LT(\d{9}|\d{12})$/);
        }
      }
    });

    it('references existing certification and NACE codes', () => {
      const problems: string[] = [];
      for (const f of DEMO_FIRMS) {
        for (const c of f.certificationCodes) if (!certs.has(c)) problems.push(`${f.key}: ${c}`);
        for (const n of f.naceCodes)
          if (!byCode.has(`nace.${n.revision}.${n.code}`)) problems.push(`${f.key}: nace ${n.revision} ${n.code}`);
      }
      expect(problems).toEqual([]);
    });

    it('places firms in the region', () => {
      for (const f of DEMO_FIRMS) {
        expect(f.lat).toBeGreaterThan(52);
        expect(f.lat).toBeLessThan(56);
        expect(f.lng).toBeGreaterThan(21.5);
        expect(f.lng).toBeLessThan(26);
      }
      const spots = new Set(DEMO_FIRMS.map((f) => `${f.lat},${f.lng}`));
      expect(spots.size).toBe(DEMO_FIRMS.length);
    });
  });

  describe('offers', () => {
    const firms = new Map(DEMO_FIRMS.map((f) => [f.key, f]));
    const processes = codesOfKind('process');
    const materials = codesOfKind('material');
    const certs = codesOfKind('certification');

    it('has at least 160 offers and every firm has at least two', () => {
      expect(DEMO_OFFERS.length).toBeGreaterThanOrEqual(160);
      const perFirm = new Map<string, number>();
      for (const o of DEMO_OFFERS) perFirm.set(o.firmKey, (perFirm.get(o.firmKey) ?? 0) + 1);
      const thin = DEMO_FIRMS.filter((f) => (perFirm.get(f.key) ?? 0) < 2).map((f) => f.key);
      expect(thin).toEqual([]);
    });

    it('references existing firms and taxonomy codes of the right kind', () => {
      const problems: string[] = [];
      DEMO_OFFERS.forEach((o, i) => {
        const where = `#${i} ${o.title}`;
        if (!firms.has(o.firmKey)) problems.push(`${where}: unknown firm ${o.firmKey}`);
        if (o.processCodes.length === 0) problems.push(`${where}: no process`);
        for (const c of o.processCodes) if (!processes.has(c)) problems.push(`${where}: process ${c}`);
        for (const c of o.materialCodes) if (!materials.has(c)) problems.push(`${where}: material ${c}`);
        for (const c of o.certificationCodes) if (!certs.has(c)) problems.push(`${where}: certification ${c}`);
      });
      expect(problems).toEqual([]);
    });

    it('only claims certifications the firm holds (or a lower EN 1090 class)', () => {
      const rank = (c: string) => Number(/^cert\.en-1090-exc(\d)$/.exec(c)?.[1] ?? 0);
      const problems: string[] = [];
      for (const o of DEMO_OFFERS) {
        const held = firms.get(o.firmKey)?.certificationCodes ?? [];
        const maxExc = Math.max(0, ...held.map(rank));
        for (const c of o.certificationCodes) {
          if (held.includes(c)) continue;
          if (rank(c) > 0 && rank(c) <= maxExc) continue;
          problems.push(`${o.firmKey}: ${c}`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('prices in the firm’s currency, as integers', () => {
      for (const o of DEMO_OFFERS) {
        if (!o.price) continue;
        expect(Number.isSafeInteger(o.price.amountMinor)).toBe(true);
        expect(o.price.amountMinor).toBeGreaterThan(0);
        expect(o.price.currency).toBe(firms.get(o.firmKey)?.country === 'PL' ? 'PLN' : 'EUR');
      }
    });

    it('has a sensible spread of languages, statuses and validity', () => {
      const byLanguage = { pl: 0, lt: 0, en: 0 };
      for (const o of DEMO_OFFERS) byLanguage[o.language]++;
      const n = DEMO_OFFERS.length;
      expect(byLanguage.pl).toBeGreaterThanOrEqual(80);
      expect(byLanguage.lt).toBeGreaterThanOrEqual(50);
      expect(byLanguage.en / n).toBeGreaterThan(0.1);
      expect(byLanguage.en / n).toBeLessThan(0.2);

      const published = DEMO_OFFERS.filter((o) => o.status === 'published').length;
      expect(published / n).toBeGreaterThan(0.85);
      expect(published / n).toBeLessThan(0.95);

      const expiringSoon = DEMO_OFFERS.filter((o) => o.validDays >= 3 && o.validDays <= 6);
      expect(expiringSoon.length).toBeGreaterThanOrEqual(3);
      expect(expiringSoon.some((o) => o.status === 'published')).toBe(true);
      for (const o of DEMO_OFFERS) {
        const short = o.validDays >= 3 && o.validDays <= 6;
        expect(short || (o.validDays >= 60 && o.validDays <= 365)).toBe(true);
      }
    });

    it('carries translations in other languages only', () => {
      const translated = DEMO_OFFERS.filter((o) => o.translations && o.translations.length > 0);
      expect(translated.some((o) => o.translations?.some((t) => t.language === 'en'))).toBe(true);
      for (const o of translated) {
        for (const t of o.translations ?? []) {
          expect(t.language).not.toBe(o.language);
          expect(t.title.trim()).not.toBe('');
          expect(t.description.trim()).not.toBe('');
        }
      }
    });

    it('includes the offers the demo scenarios search for', () => {
      const has = (pred: (o: (typeof DEMO_OFFERS)[number]) => boolean) =>
        DEMO_OFFERS.filter((o) => o.status === 'published' && pred(o)).length;
      const country = (o: (typeof DEMO_OFFERS)[number]) => firms.get(o.firmKey)?.country;
      expect(
        has((o) => country(o) === 'PL' && o.language === 'pl' && o.processCodes.includes('process.cnc-milling')),
      ).toBeGreaterThanOrEqual(3);
      expect(
        has((o) => country(o) === 'PL' && o.materialCodes.includes('material.stainless-steel')),
      ).toBeGreaterThanOrEqual(3);
      expect(has((o) => /frezowanie cnc/i.test(o.title))).toBeGreaterThanOrEqual(3);
      expect(has((o) => /stal[ia]? nierdzewn/i.test(`${o.title} ${o.description}`))).toBeGreaterThanOrEqual(3);
      expect(
        has((o) => country(o) === 'LT' && o.processCodes.includes('process.laser-cutting')),
      ).toBeGreaterThanOrEqual(2);
      expect(
        has((o) => country(o) === 'LT' && o.certificationCodes.some((c) => c.startsWith('cert.en-1090'))),
      ).toBeGreaterThanOrEqual(2);
      expect(has((o) => o.processCodes.includes('process.powder-coating'))).toBeGreaterThanOrEqual(2);
      expect(has((o) => o.processCodes.includes('process.sawmilling'))).toBeGreaterThanOrEqual(2);
      expect(has((o) => o.processCodes.includes('process.pallet-making'))).toBeGreaterThanOrEqual(2);
    });

    it('writes Polish and Lithuanian texts with their diacritics', () => {
      const pl = DEMO_OFFERS.filter((o) => o.language === 'pl')
        .map((o) => `${o.title} ${o.description}`)
        .join(' ');
      const lt = DEMO_OFFERS.filter((o) => o.language === 'lt')
        .map((o) => `${o.title} ${o.description}`)
        .join(' ');
      for (const ch of ['ą', 'ć', 'ę', 'ł', 'ń', 'ó', 'ś', 'ż']) expect(pl).toContain(ch);
      for (const ch of ['ą', 'č', 'ę', 'ė', 'į', 'š', 'ų', 'ū', 'ž']) expect(lt).toContain(ch);
    });
  });
});
