/** Records of an RFC 4180 text (quoted fields, doubled quotes, CRLF), without a leading BOM. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\ufeff/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') field += s[i++];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && s[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      [record, field] = [[], ''];
      i++;
    } else field += c;
  }
  if (field || record.length) records.push([...record, field]);
  return records;
}

/**
 * The figures of a KPI table download (kpis.csv) by `scopeId|period|kpi`, in the units GraphQL gives: money back in
 * minor units, an empty value as null.
 */
export function kpiCsvFigures(text: string): Map<string, number | null> {
  const [header, ...rows] = parseCsv(text);
  if (header?.length !== 10) throw new Error(`not a KPI table: ${header?.join(',')}`);
  const figures = new Map<string, number | null>();
  for (const [, scopeId, , period, , kpi, , value, unit] of rows) {
    const n = value === '' ? null : unit === 'money' ? Math.round(Number(value) * 100) : Number(value);
    figures.set(`${scopeId}|${period}|${kpi}`, n);
  }
  return figures;
}
