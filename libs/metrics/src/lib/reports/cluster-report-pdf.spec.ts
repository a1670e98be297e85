import { execFileSync } from 'node:child_process';
import type { Locale } from '@kooperant/platform-i18n';
import { kpiTitle } from './kpi-labels';
import { FUNNEL_KPIS, HEADLINE_KPIS, renderClusterReportPdf } from './cluster-report-pdf';
import { reportFormatter } from './report-format';
import { buildClusterReportData, DZUKIJA_CLUSTER, KOM_CLUSTER } from './testing/cluster-report.factory';

interface Extracted {
  text: string;
  pages: number;
  creationDate: string;
}

/**
 * The text, page count and creation date of a PDF as Mozilla's pdf.js (through pdf-parse) reads it. It runs in a
 * child Node process: pdf.js loads its worker with a dynamic import, which Jest's module sandbox does not allow.
 */
function extract(pdf: Buffer): Extracted {
  const script = `
    const { PDFParse } = require('pdf-parse');
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c)).on('end', async () => {
      const parser = new PDFParse({ data: Buffer.concat(chunks) });
      const { text, total } = await parser.getText();
      const { info } = await parser.getInfo();
      process.stdout.write(JSON.stringify({ text, pages: total, creationDate: info.CreationDate }));
    });`;
  const out = execFileSync(process.execPath, ['-e', script], { input: pdf, cwd: __dirname, maxBuffer: 16 << 20 });
  return JSON.parse(out.toString('utf8')) as Extracted;
}

/**
 * Text with line breaks, runs of spaces and non-breaking spaces made single spaces: pdf.js reads the no-break space
 * glyph of the embedded font as a space, and wrapped titles come back over two lines.
 */
const flat = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

const EXPECTED: Record<Locale, { title: string; period: string; words: string[] }> = {
  en: {
    title: 'Cooperation chain report',
    period: 'Q1 2026',
    words: [
      'Metal Processing Cluster (Poland)',
      'Partner cluster: Dzūkija Metal Cluster (Lithuania)',
      'Key figures',
      'Generated on 2 April 2026',
    ],
  },
  pl: {
    title: 'Raport łańcucha kooperacji',
    period: 'I kw. 2026',
    words: [
      'Klaster Obróbki Metali (Polska)',
      'Klaster partnerski: Dzūkija Metal Cluster (Litwa)',
      'Najważniejsze wskaźniki',
      'Wygenerowano 2 kwietnia 2026',
      'Objaśnienia',
      'średnim kursie NBP',
    ],
  },
  lt: {
    title: 'Kooperacijos grandinės ataskaita',
    period: '2026 m. I ketv.',
    words: [
      'Metalo apdirbimo klasteris (Lenkija)',
      'Klasteris partneris: Dzūkijos metalo klasteris (Lietuva)',
      'Pagrindiniai rodikliai',
      'Sugeneruota 2026 m. balandžio 2 d.',
      'Paaiškinimai',
    ],
  },
};

describe('renderClusterReportPdf', () => {
  const data = buildClusterReportData();

  it.each(['en', 'pl', 'lt'] as const)(
    'renders one A4 page in %s with localized titles and figures',
    async (locale) => {
      const pdf = await renderClusterReportPdf(data, locale);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const { text, pages } = extract(pdf);
      const page = flat(text);
      expect(pages).toBe(1);
      const e = EXPECTED[locale];
      for (const s of [e.title, e.period, ...e.words]) expect(page).toContain(flat(s));
      const f = reportFormatter(locale, 'Europe/Warsaw');
      for (const kpi of [...HEADLINE_KPIS, ...FUNNEL_KPIS]) {
        expect(page).toContain(flat(kpiTitle(kpi, locale)));
        expect(page).toContain(flat(f.value(kpi, data.kpis[kpi][data.period].cluster)));
      }
      expect(page).toContain(flat(f.money(data.kpis['value-awarded-pln'][data.period].cluster!, 'PLN')));
    },
  );

  it('formats the same figure as each language does', async () => {
    const shown = async (locale: Locale) => flat(extract(await renderClusterReportPdf(data, locale)).text);
    const pln = data.kpis['value-awarded-pln'][data.period].cluster!;
    expect(pln).toBe(47_859_969);
    const [en, pl, lt] = await Promise.all([shown('en'), shown('pl'), shown('lt')]);
    expect(pl).toContain('478 599,69 zł');
    expect(lt).toContain('112 037,01 €');
    expect(en).toContain('€112,037.01');
    expect(en).toContain('PLN 478,599.69');
    expect(pl).toContain('16 godzin');
    expect(lt).toContain('16 valandų');
  });

  it('keeps every Polish and Lithuanian letter intact, capitals included', async () => {
    const pl = 'Zażółć gęślą jaźń ĄĆĘŁŃÓŚŹŻ';
    const lt = 'Ąžuolų čiūžė ėįšųū ĄČĘĖĮŠŲŪŽ';
    const pdf = await renderClusterReportPdf(
      buildClusterReportData({
        cluster: { ...KOM_CLUSTER, name: { pl } },
        partner: { ...DZUKIJA_CLUSTER, name: { lt } },
      }),
      'pl',
    );
    const page = flat(extract(pdf).text);
    expect(page).toContain(pl);
    expect(page).toContain(lt);
  });

  it('is byte for byte the same for the same data, its creation date being generatedAt', async () => {
    const [a, b] = await Promise.all([renderClusterReportPdf(data, 'lt'), renderClusterReportPdf(data, 'lt')]);
    expect(a.equals(b)).toBe(true);
    expect(extract(a).creationDate).toBe('D:20260402081500Z');
    const later = await renderClusterReportPdf({ ...data, generatedAt: '2026-04-03T09:00:00Z' }, 'lt');
    expect(later.equals(a)).toBe(false);
    expect(extract(later).creationDate).toBe('D:20260403090000Z');
  });

  it('renders a cluster without a partner, and a year with figures missing, on one page', async () => {
    const year = buildClusterReportData({ period: '2026', partner: null });
    const kpis = { ...year.kpis };
    delete kpis['first-quote-minutes-median'];
    const { text, pages } = extract(await renderClusterReportPdf({ ...year, kpis }, 'en'));
    expect(pages).toBe(1);
    expect(text).not.toContain('Partner');
    const partnerProposed = year.kpis['matches-proposed']['2026'].partner!;
    expect(flat(text)).not.toContain(reportFormatter('en', 'UTC').count(partnerProposed));
    expect(flat(text)).toContain('Period: 2026 (1 January 2026 – 31 December 2026)');
    expect(flat(text)).toContain('Median time to a first quote –');
  });
});
