import { pickText, type Locale } from '@kooperant/platform-i18n';
import PDFDocument from 'pdfkit';
import { COUNTRY_ZONE, grainOf } from '../core/periods';
import type { ClusterReportData, KpiPair, ReportCluster } from './cluster-report-data';
import { kpiTitle } from './kpi-labels';
import { COLORS, drawFunnel, drawSeries, fitSize, FONT, line, type Box } from './report-charts';
import { reportFont } from './report-fonts';
import { periodDays, reportFormatter, type ReportFormatter } from './report-format';
import { REPORT_TEXTS, type ReportTexts } from './report-texts';

/** The headline figures of the report, in reading order (four a row). */
export const HEADLINE_KPIS = [
  'members-active',
  'orders-posted',
  'quotes-sent',
  'first-quote-minutes-median',
  'value-awarded-eur',
  'value-awarded-pln',
  'cross-border-share',
  'value-brokered-eur',
  'packages-awarded',
  'new-pl-lt-pairs',
  'repeat-awards',
  'on-time-rate',
] as const;

/** The stages of the matching funnel. */
export const FUNNEL_KPIS = ['matches-proposed', 'matches-endorsed', 'matches-quoted', 'matches-awarded'] as const;

/** The KPI of the series chart. */
export const SERIES_KPI = 'value-awarded-eur';

const A4 = { w: 595.28, h: 841.89 };
const MARGIN = 42;
const WIDTH = A4.w - 2 * MARGIN;
const NONE: KpiPair = { cluster: null, partner: null };

/**
 * The periodic report of one cluster as a one-page A4 PDF in the reader's language: title, cluster and partner,
 * period, headline figures of both clusters, the matching funnel and the value series as vector charts, notes on
 * time zones, exchange rates and definitions, and the generation date. The same data gives the same bytes: the
 * PDF's creation date (and so its file ID) is `generatedAt`.
 */
export function renderClusterReportPdf(data: ClusterReportData, locale: Locale): Promise<Buffer> {
  const zone = COUNTRY_ZONE[data.cluster.country];
  const f = reportFormatter(locale, zone);
  const t = REPORT_TEXTS[locale];
  const clusterName = nameOf(data.cluster, locale);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    lang: locale,
    displayTitle: true,
    info: {
      Title: `${t.title}: ${clusterName}, ${f.period(data.period)}`,
      Author: 'Kooperant',
      Subject: t.title,
      Creator: 'Kooperant',
      CreationDate: new Date(data.generatedAt),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont(FONT.regular, reportFont('regular'));
  doc.registerFont(FONT.bold, reportFont('bold'));

  const value = (kpi: string, period = data.period): KpiPair => data.kpis[kpi]?.[period] ?? NONE;
  let y = header(doc, data, t, f, locale);
  y = headline(doc, y, data, t, f, locale, value);

  section(doc, t.funnel, y);
  const stages = FUNNEL_KPIS.map((k) => ({ label: kpiTitle(k, locale), value: value(k) }));
  drawFunnel(doc, { x: MARGIN, y: y + 18, w: WIDTH, h: 100 }, stages, f, {
    ofProposed: t.ofProposed,
    withPartner: data.partner !== null,
  });
  y += 130;

  section(doc, t.seriesTitle(grainOf(data.series[0] ?? data.period), 'EUR'), y);
  legend(doc, data, locale, { x: MARGIN, y, w: WIDTH, h: 12 });
  const series = data.series.map((period) => ({ period, value: value(SERIES_KPI, period) }));
  drawSeries(
    doc,
    { x: MARGIN, y: y + 18, w: WIDTH, h: 150 },
    series,
    {
      currency: 'EUR',
      reportPeriod: data.period,
      withPartner: data.partner !== null,
    },
    f,
  );
  y += 180;

  notes(doc, y, data, t, f, locale);
  doc
    .moveTo(MARGIN, A4.h - 34)
    .lineTo(A4.w - MARGIN, A4.h - 34)
    .lineWidth(0.5)
    .strokeColor(COLORS.grid)
    .stroke();
  line(doc, t.generated(f.date(data.generatedAt)), MARGIN, A4.h - 28, { size: 7, color: COLORS.muted });
  line(doc, t.brand, MARGIN, A4.h - 28, { size: 7, color: COLORS.muted, width: WIDTH, align: 'right' });
  doc.end();
  return done;
}

function nameOf(c: ReportCluster, locale: Locale): string {
  return pickText(c.name, locale) ?? c.id;
}

function header(
  doc: PDFKit.PDFDocument,
  data: ClusterReportData,
  t: ReportTexts,
  f: ReportFormatter,
  locale: Locale,
): number {
  line(doc, t.brand.toUpperCase(), MARGIN, 34, { size: 7, color: COLORS.muted });
  line(doc, t.title, MARGIN, 46, { size: 19, bold: true });
  line(doc, f.period(data.period), MARGIN, 50, {
    size: 14,
    bold: true,
    color: COLORS.cluster,
    width: WIDTH,
    align: 'right',
  });
  const name = `${nameOf(data.cluster, locale)} (${t.country[data.cluster.country]})`;
  line(doc, name, MARGIN, 78, { size: fitSize(doc, name, WIDTH, 12, 8), bold: true, color: COLORS.cluster });
  let y = 96;
  if (data.partner) {
    doc.rect(MARGIN, y + 2, 7, 7).fill(COLORS.partner);
    const partner = `${t.partnerCluster}: ${nameOf(data.partner, locale)} (${t.country[data.partner.country]})`;
    line(doc, partner, MARGIN + 11, y, { size: 9 });
    y += 14;
  }
  const { first, last } = periodDays(data.period);
  const range = `${f.date(`${first}T12:00:00Z`)} – ${f.date(`${last}T12:00:00Z`)}`;
  line(doc, `${t.period}: ${f.period(data.period)} (${range})`, MARGIN, y, { size: 9, color: COLORS.muted });
  y += 18;
  doc
    .moveTo(MARGIN, y)
    .lineTo(A4.w - MARGIN, y)
    .lineWidth(0.8)
    .strokeColor(COLORS.cluster)
    .stroke();
  return y + 10;
}

function section(doc: PDFKit.PDFDocument, title: string, y: number): void {
  line(doc, title, MARGIN, y, { size: 10, bold: true });
}

function headline(
  doc: PDFKit.PDFDocument,
  top: number,
  data: ClusterReportData,
  t: ReportTexts,
  f: ReportFormatter,
  locale: Locale,
  value: (kpi: string) => KpiPair,
): number {
  section(doc, t.keyFigures, top);
  const cols = 4;
  const gap = 8;
  const w = (WIDTH - (cols - 1) * gap) / cols;
  const h = 60;
  HEADLINE_KPIS.forEach((kpi, i) => {
    const x = MARGIN + (i % cols) * (w + gap);
    const y = top + 18 + Math.floor(i / cols) * (h + gap);
    const v = value(kpi);
    doc.rect(x, y, w, h).fill(COLORS.card);
    doc.rect(x, y, 2.5, h).fill(COLORS.cluster);
    doc
      .font(FONT.regular)
      .fontSize(7)
      .fillColor(COLORS.muted)
      .text(kpiTitle(kpi, locale), x + 8, y + 5, { width: w - 14, height: 21, ellipsis: true });
    const shown = f.value(kpi, v.cluster);
    line(doc, shown, x + 8, y + 26, { size: fitSize(doc, shown, w - 14, 14, 7), bold: true, color: COLORS.cluster });
    if (data.partner)
      line(doc, `${t.partner}: ${f.value(kpi, v.partner)}`, x + 8, y + 46, {
        size: 7,
        color: COLORS.muted,
        width: w - 12,
      });
  });
  return top + 18 + 3 * (h + gap) + 8;
}

function legend(doc: PDFKit.PDFDocument, data: ClusterReportData, locale: Locale, box: Box): void {
  const items: { name: string; color: string }[] = [{ name: nameOf(data.cluster, locale), color: COLORS.cluster }];
  if (data.partner) items.push({ name: nameOf(data.partner, locale), color: COLORS.partner });
  let x = box.x + box.w;
  for (const item of [...items].reverse()) {
    const w = doc.font(FONT.regular).fontSize(7).widthOfString(item.name);
    x -= w;
    line(doc, item.name, x, box.y + 2, { size: 7 });
    doc.rect(x - 10, box.y + 3, 7, 7).fill(item.color);
    x -= 22;
  }
}

function notes(
  doc: PDFKit.PDFDocument,
  y: number,
  data: ClusterReportData,
  t: ReportTexts,
  f: ReportFormatter,
  locale: Locale,
): void {
  section(doc, t.notes, y);
  const clusters = data.partner ? [data.cluster, data.partner] : [data.cluster];
  const zones = clusters.map((c) => `${nameOf(c, locale)} – ${COUNTRY_ZONE[c.country]}`).join('; ');
  const { source, firstRateDate, lastRateDate } = data.rates;
  const parts = [
    t.timeZones.replace('{list}', zones),
    t.rates(
      source,
      firstRateDate && f.date(`${firstRateDate}T12:00:00Z`),
      lastRateDate && f.date(`${lastRateDate}T12:00:00Z`),
    ),
  ];
  const unconverted = (data.kpis['awards-unconverted']?.[data.period]?.cluster ?? 0) || 0;
  if (unconverted > 0) parts.push(f.plural(unconverted, t.unconverted));
  parts.push(t.definitions);
  doc
    .font(FONT.regular)
    .fontSize(7)
    .fillColor(COLORS.muted)
    .text(parts.join(' '), MARGIN, y + 15, { width: WIDTH, height: A4.h - 40 - (y + 15), ellipsis: true, lineGap: 1 });
}
