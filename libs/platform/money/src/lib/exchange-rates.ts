import { parseDecimalRate, type PairRate } from './rate-conversion';

/** Who published a rate: NBP (Polish central bank, table A mid rates) or the ECB (euro reference rates). */
export const RATE_SOURCES = ['NBP', 'ECB'] as const;
export type RateSource = (typeof RATE_SOURCES)[number];

export function isRateSource(value: unknown): value is RateSource {
  return typeof value === 'string' && (RATE_SOURCES as readonly string[]).includes(value);
}

/** The rates one source published for one day. */
export interface RateDay {
  /** YYYY-MM-DD */
  effectiveDate: string;
  /** NBP table number, e.g. `039/A/NBP/2022`; null for the ECB. */
  tableNo: string | null;
  /** NBP: 1 CCY = mid PLN (base CCY, quote PLN). ECB: 1 EUR = rate CCY (base EUR, quote CCY). */
  rates: PairRate[];
}

/** A parsed rate file: one or several days, oldest first. */
export interface RateTable {
  source: RateSource;
  days: RateDay[];
}

const CODE = /^[A-Z]{3}$/;
const NBP_TABLE_NO = /^\d{1,3}\/A\/NBP\/\d{4}$/;
const PLAIN_DECIMAL = /^\d+(?:\.\d+)?$/;
/** The text of every `"mid": <number>` in a document, in document order. */
const RAW_MID = /"mid"\s*:\s*(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;

/** Whether `s` is a real calendar date written YYYY-MM-DD. */
export function isIsoCalendarDate(s: unknown): s is string {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

const WARSAW_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Warsaw',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The rate calendar day of a moment: its date in Central European time (Europe/Warsaw), the zone both NBP and the ECB
 * date their tables in. A YYYY-MM-DD string is taken as that day already.
 */
export function rateCalendarDate(at: Date | string): string {
  if (typeof at === 'string') {
    if (!isIsoCalendarDate(at)) throw new Error(`"${at}" is not a date written YYYY-MM-DD`);
    return at;
  }
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw new Error('not a valid date');
  const parts = Object.fromEntries(WARSAW_DATE.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}

/**
 * Reads NBP table A as served by api.nbp.pl (`/api/exchangerates/tables/A/...?format=json`): an array of one or more
 * tables `{ table: "A", no, effectiveDate, rates: [{ currency, code, mid }] }`, each rate meaning 1 CCY = mid PLN.
 * Mid values are read from the JSON text itself, so a rate is exactly the decimal NBP wrote. Throws an Error naming
 * the table and field that is wrong.
 */
export function parseNbpTableA(json: string): RateTable {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new Error(`NBP table A: not valid JSON (${(e as Error).message})`);
  }
  if (!Array.isArray(data) || data.length === 0) {
    throw new Error('NBP table A: expected a non-empty JSON array of tables');
  }
  const rawMids = [...json.matchAll(RAW_MID)].map((m) => m[1]);
  let mid = 0;
  const days = data.map((t: unknown, i): RateDay => {
    const at = `NBP table A [${i}]`;
    if (!isRecord(t)) throw new Error(`${at}: expected an object`);
    if (t['table'] !== 'A') {
      throw new Error(`${at}: "table" is ${JSON.stringify(t['table'])}; only table A (mid rates) is supported`);
    }
    if (typeof t['no'] !== 'string' || !NBP_TABLE_NO.test(t['no'])) {
      throw new Error(`${at}: "no" is ${JSON.stringify(t['no'])}; expected a table number like 039/A/NBP/2022`);
    }
    if (!isIsoCalendarDate(t['effectiveDate'])) {
      throw new Error(`${at}: "effectiveDate" is ${JSON.stringify(t['effectiveDate'])}; expected YYYY-MM-DD`);
    }
    const list = t['rates'];
    if (!Array.isArray(list) || list.length === 0) throw new Error(`${at}: "rates" must be a non-empty array`);
    const seen = new Set<string>();
    const rates = list.map((r: unknown, j): PairRate => {
      const here = `${at} ${t['effectiveDate']} rates[${j}]`;
      if (!isRecord(r)) throw new Error(`${here}: expected an object`);
      const code = r['code'];
      if (typeof code !== 'string' || !CODE.test(code) || code === 'PLN') {
        throw new Error(
          `${here}: "code" is ${JSON.stringify(code)}; expected a three-letter currency code other than PLN`,
        );
      }
      if (seen.has(code)) throw new Error(`${here}: ${code} appears twice in one table`);
      seen.add(code);
      if (typeof r['mid'] !== 'number' || !(r['mid'] > 0)) {
        throw new Error(`${here}: "mid" of ${code} is ${JSON.stringify(r['mid'])}; expected a positive number`);
      }
      const raw = rawMids[mid++];
      if (raw === undefined || Number(raw) !== r['mid']) {
        throw new Error(
          `${here}: cannot find the text of the "mid" of ${code} (is a "mid" key duplicated or escaped?)`,
        );
      }
      return { base: code, quote: 'PLN', rate: parseDecimalRate(raw) };
    });
    return { effectiveDate: t['effectiveDate'], tableNo: t['no'], rates };
  });
  if (mid !== rawMids.length) {
    throw new Error(`NBP table A: found ${rawMids.length} "mid" values in the text but ${mid} rates in the tables`);
  }
  return { source: 'NBP', days: sortedDays(days, 'NBP table A') };
}

const TAG = /\s*<(\/?)Cube((?:\s+[^\s=<>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const ATTRIBUTE = /\s*([^\s=<>/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * Reads the ECB euro reference rates XML (eurofxref-daily.xml, or eurofxref-hist-90d.xml with several days):
 * `<gesmes:Envelope> … <Cube><Cube time="YYYY-MM-DD"><Cube currency="USD" rate="1.1216"/> … </Cube></Cube>`,
 * each rate meaning 1 EUR = rate CCY. A strict scanner for this one fixed format, not a general XML parser: anything
 * else inside the outer `<Cube>` is rejected with an Error naming the line.
 */
export function parseEcbDaily(xml: string): RateTable {
  const where = 'ECB reference rates XML';
  if (!/^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?<gesmes:Envelope[\s>]/.test(xml)) {
    throw new Error(`${where}: expected a <gesmes:Envelope> root element`);
  }
  const firstCube = xml.search(/<Cube[\s/>]/);
  const outer = /<Cube\s*>/g;
  const open = outer.exec(xml);
  if (!open || open.index !== firstCube) {
    throw new Error(`${where}: expected an outer <Cube> element without attributes around the days`);
  }
  const fail = (pos: number, what: string): never => {
    const line = xml.slice(0, pos).split('\n').length;
    const near = xml
      .slice(pos, pos + 60)
      .trim()
      .split('\n')[0];
    throw new Error(`${where}, line ${line}: ${what}${near ? ` (near "${near}")` : ''}`);
  };

  const days: RateDay[] = [];
  let day: RateDay | null = null;
  let seen = new Set<string>();
  let pos = outer.lastIndex;
  for (;;) {
    TAG.lastIndex = pos;
    const m = TAG.exec(xml);
    if (!m)
      fail(pos, day ? 'expected <Cube currency=".." rate=".."/> or </Cube>' : 'expected <Cube time=".."> or </Cube>');
    const [, closing, attrText, selfClosing] = m as RegExpExecArray;
    const tagStart = pos + (m as RegExpExecArray)[0].search(/\S/);
    pos = TAG.lastIndex;
    if (closing) {
      if (attrText || selfClosing) fail(tagStart, 'a closing </Cube> has no attributes');
      if (!day) break; // end of the outer Cube
      if (day.rates.length === 0) fail(tagStart, `the day ${day.effectiveDate} has no rates`);
      days.push(day);
      day = null;
      continue;
    }
    const attrs = readAttributes(attrText, (what) => fail(tagStart, what));
    if (!day) {
      if (selfClosing || attrs.size !== 1 || !attrs.has('time')) fail(tagStart, 'expected <Cube time="YYYY-MM-DD">');
      const time = attrs.get('time');
      if (!isIsoCalendarDate(time)) fail(tagStart, `time "${time}" is not a date written YYYY-MM-DD`);
      day = { effectiveDate: time as string, tableNo: null, rates: [] };
      seen = new Set();
      continue;
    }
    if (!selfClosing || attrs.size !== 2 || !attrs.has('currency') || !attrs.has('rate')) {
      fail(tagStart, 'expected <Cube currency="CCY" rate="1.2345"/>');
    }
    const currency = attrs.get('currency') as string;
    const rate = attrs.get('rate') as string;
    if (!CODE.test(currency) || currency === 'EUR')
      fail(tagStart, `"${currency}" is not a currency code other than EUR`);
    if (seen.has(currency)) fail(tagStart, `${currency} appears twice on ${day.effectiveDate}`);
    seen.add(currency);
    if (!PLAIN_DECIMAL.test(rate) || !/[1-9]/.test(rate))
      fail(tagStart, `rate "${rate}" of ${currency} is not a positive decimal`);
    day.rates.push({ base: 'EUR', quote: currency, rate: parseDecimalRate(rate) });
  }
  if (!/^\s*<\/gesmes:Envelope>\s*$/.test(xml.slice(pos)))
    fail(pos, 'expected </gesmes:Envelope> after the outer </Cube>');
  if (days.length === 0) throw new Error(`${where}: no <Cube time=".."> day in the file`);
  return { source: 'ECB', days: sortedDays(days, where) };
}

function readAttributes(text: string, fail: (what: string) => never): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const a of text.matchAll(ATTRIBUTE)) {
    if (attrs.has(a[1])) fail(`attribute ${a[1]} appears twice`);
    attrs.set(a[1], a[2] ?? a[3]);
  }
  return attrs;
}

function sortedDays(days: RateDay[], where: string): RateDay[] {
  const sorted = [...days].sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate));
  sorted.forEach((d, i) => {
    if (i > 0 && sorted[i - 1].effectiveDate === d.effectiveDate) {
      throw new Error(`${where}: the date ${d.effectiveDate} appears twice`);
    }
  });
  return sorted;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
