import type { Currency } from '@kooperant/platform-money';
import type { KpiPair } from './cluster-report-data';
import { NO_VALUE, parsePeriod, periodWithin, type ReportFormatter } from './report-format';

/** The area a chart is drawn in, in PDF points from the top left of the page. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const COLORS = {
  text: '#1d2733',
  muted: '#5b6672',
  grid: '#d9dee4',
  card: '#f1f4f8',
  cluster: '#1f4e79',
  partner: '#d9822b',
  highlight: '#fbf3e6',
} as const;

export const FONT = { regular: 'regular', bold: 'bold' } as const;

type Doc = PDFKit.PDFDocument;

/** One line of text that never wraps, never moves to a new page. */
export function line(doc: Doc, text: string, x: number, y: number, o: LineOptions = {}): void {
  doc
    .font(o.bold ? FONT.bold : FONT.regular)
    .fontSize(o.size ?? 8)
    .fillColor(o.color ?? COLORS.text)
    .text(text, x, y, { lineBreak: false, width: o.width, align: o.align ?? 'left' });
}

interface LineOptions {
  size?: number;
  bold?: boolean;
  color?: string;
  width?: number;
  align?: 'left' | 'right' | 'center';
}

/** The largest size up to `max` at which `text` fits `width` (not below `min`). */
export function fitSize(doc: Doc, text: string, width: number, max: number, min: number, bold = true): number {
  doc.font(bold ? FONT.bold : FONT.regular);
  let size = max;
  while (size > min && doc.fontSize(size).widthOfString(text) > width) size -= 0.5;
  return size;
}

export interface FunnelStage {
  label: string;
  value: KpiPair;
}

/**
 * Horizontal bars, one row per stage: the cluster's bar above the partner's thinner one, each labelled with its
 * count and its share of the first stage. All bars share one scale, so the two clusters compare.
 */
export function drawFunnel(
  doc: Doc,
  box: Box,
  stages: readonly FunnelStage[],
  f: ReportFormatter,
  opts: { ofProposed: string; withPartner: boolean },
): void {
  const labelW = 150;
  const valueW = 118;
  const barW = box.w - labelW - valueW;
  const rowH = box.h / stages.length;
  const max = Math.max(
    1,
    ...stages.flatMap((s) => [s.value.cluster ?? 0, opts.withPartner ? (s.value.partner ?? 0) : 0]),
  );
  const top = stages[0]?.value;
  stages.forEach((s, i) => {
    const y = box.y + i * rowH;
    doc
      .font(FONT.regular)
      .fontSize(7.5)
      .fillColor(COLORS.text)
      .text(s.label, box.x, y + 2, { width: labelW - 8, height: rowH - 2, ellipsis: true });
    const sides: { v: number | null; first: number | null; color: string; h: number; dy: number }[] = [
      { v: s.value.cluster, first: top?.cluster ?? null, color: COLORS.cluster, h: 10, dy: 1 },
    ];
    if (opts.withPartner)
      sides.push({ v: s.value.partner, first: top?.partner ?? null, color: COLORS.partner, h: 7, dy: 13 });
    for (const side of sides) {
      const width = side.v ? Math.max(1, (side.v / max) * barW) : 0;
      if (width > 0) doc.rect(box.x + labelW, y + side.dy, width, side.h).fill(side.color);
      const share =
        i > 0 && side.v !== null && side.first
          ? ` · ${opts.ofProposed.replace('{p}', f.ratio(side.v / side.first))}`
          : '';
      line(
        doc,
        `${side.v === null ? NO_VALUE : f.count(side.v)}${share}`,
        box.x + labelW + width + 4,
        y + side.dy + (side.h - 7) / 2 - 1,
        {
          size: 6.5,
          color: side.color === COLORS.cluster ? COLORS.text : COLORS.muted,
        },
      );
    }
  });
}

/** A round step for about `ticks` steps up to `max`: 1, 2, 2.5 or 5 times a power of ten. */
export function niceStep(max: number, ticks: number): number {
  const raw = max / ticks;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * pow).find((s) => s >= raw);
  return step ?? 10 * pow;
}

/**
 * Grouped vertical bars of a money KPI per period, the cluster's beside the partner's, on a y axis of round amounts;
 * the periods inside the report period stand on a shaded band. The year is written under the first period and
 * under each first period of a year.
 */
export function drawSeries(
  doc: Doc,
  box: Box,
  series: readonly { period: string; value: KpiPair }[],
  opts: { currency: Currency; reportPeriod: string; withPartner: boolean },
  f: ReportFormatter,
): void {
  const axisW = 54;
  const labelsH = 22;
  const plot = { x: box.x + axisW, y: box.y + 6, w: box.w - axisW, h: box.h - labelsH - 6 };
  const maxMinor = Math.max(
    0,
    ...series.flatMap((s) => [s.value.cluster ?? 0, opts.withPartner ? (s.value.partner ?? 0) : 0]),
  );
  const headroom = Math.max(maxMinor * 1.05, 10_000); // at least 100 EUR: an empty chart keeps round ticks
  const step = niceStep(headroom, 5);
  const top = Math.ceil(headroom / step) * step;
  const yOf = (minor: number) => plot.y + plot.h - (minor / top) * plot.h;
  const groupW = plot.w / Math.max(1, series.length);

  series.forEach((s, i) => {
    if (periodWithin(s.period, opts.reportPeriod))
      doc.rect(plot.x + i * groupW, plot.y, groupW, plot.h).fill(COLORS.highlight);
  });
  for (let v = 0; v <= top + step / 2; v += step) {
    const y = yOf(v);
    doc
      .moveTo(plot.x, y)
      .lineTo(plot.x + plot.w, y)
      .lineWidth(0.4)
      .strokeColor(COLORS.grid)
      .stroke();
    line(doc, f.compactMoney(v, opts.currency), box.x, y - 4, {
      size: 6.5,
      color: COLORS.muted,
      width: axisW - 6,
      align: 'right',
    });
  }
  const barW = Math.min(14, groupW * (opts.withPartner ? 0.34 : 0.6));
  series.forEach((s, i) => {
    const center = plot.x + i * groupW + groupW / 2;
    const bars = opts.withPartner
      ? [
          { v: s.value.cluster, x: center - barW - 0.5, color: COLORS.cluster },
          { v: s.value.partner, x: center + 0.5, color: COLORS.partner },
        ]
      : [{ v: s.value.cluster, x: center - barW / 2, color: COLORS.cluster }];
    for (const b of bars) {
      if (!b.v || b.v <= 0) continue;
      const y = yOf(b.v);
      doc.rect(b.x, y, barW, plot.y + plot.h - y).fill(b.color);
    }
    line(doc, f.periodShort(s.period), center - groupW / 2, plot.y + plot.h + 3, {
      size: 6.5,
      color: COLORS.text,
      width: groupW,
      align: 'center',
    });
    const p = parsePeriod(s.period);
    const prev = i > 0 ? parsePeriod(series[i - 1].period) : null;
    if (p.month !== null || p.quarter !== null) {
      if (!prev || prev.year !== p.year) {
        line(doc, String(p.year), center - groupW / 2, plot.y + plot.h + 12, {
          size: 6.5,
          color: COLORS.muted,
          width: groupW,
          align: 'center',
        });
      }
    }
  });
  doc
    .moveTo(plot.x, plot.y + plot.h)
    .lineTo(plot.x + plot.w, plot.y + plot.h)
    .lineWidth(0.8)
    .strokeColor(COLORS.muted)
    .stroke();
}
