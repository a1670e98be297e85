import { isIsoCalendarDate, parseEcbDaily, parseNbpTableA, rateCalendarDate } from './exchange-rates';
import { formatDecimalRate } from './rate-conversion';

/** Two days of NBP table A as api.nbp.pl serves them (newest last), trimmed to three currencies. */
const NBP_TWO_DAYS = `[
  {"table":"A","no":"038/A/NBP/2022","effectiveDate":"2022-02-24","rates":[
    {"currency":"dolar amerykański","code":"USD","mid":4.1878},
    {"currency":"euro","code":"EUR","mid":4.6863},
    {"currency":"forint (Węgry)","code":"HUF","mid":0.012919}]},
  {"table":"A","no":"039/A/NBP/2022","effectiveDate":"2022-02-25","rates":[
    {"currency":"dolar amerykański","code":"USD","mid":4.1515},
    {"currency":"euro","code":"EUR","mid":4.6608},
    {"currency":"forint (Węgry)","code":"HUF","mid":0.012980}]}
]`;

/** eurofxref-daily.xml as the ECB writes it (single-quoted attributes), trimmed to three currencies. */
const ECB_DAILY = `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
	<gesmes:subject>Reference rates</gesmes:subject>
	<gesmes:Sender>
		<gesmes:name>European Central Bank</gesmes:name>
	</gesmes:Sender>
	<Cube>
		<Cube time='2022-02-25'>
			<Cube currency='USD' rate='1.1216'/>
			<Cube currency='JPY' rate='129.54'/>
			<Cube currency='PLN' rate='4.6453'/>
		</Cube>
	</Cube>
</gesmes:Envelope>
`;

/** The 90-day file has several days, newest first; double quotes are fine too. */
const ECB_THREE_DAYS = `<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01">
<Cube>
<Cube time="2022-02-25"><Cube currency="USD" rate="1.1216"/><Cube currency="PLN" rate="4.6453"/></Cube>
<Cube time="2022-02-24"><Cube currency="USD" rate="1.1163"/><Cube currency="PLN" rate="4.6908"/></Cube>
<Cube time="2022-02-23"><Cube currency="USD" rate="1.1344"/><Cube currency="PLN" rate="4.5302"/></Cube>
</Cube>
</gesmes:Envelope>`;

const ecbWith = (days: string) =>
  `<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01">\n<Cube>\n${days}\n</Cube>\n</gesmes:Envelope>`;
const nbpWith = (table: Record<string, unknown>) =>
  JSON.stringify([{ table: 'A', no: '039/A/NBP/2022', effectiveDate: '2022-02-25', rates: [], ...table }]);

const flat = (t: ReturnType<typeof parseNbpTableA>) =>
  t.days.flatMap((d) => d.rates.map((r) => [d.effectiveDate, `${r.base}/${r.quote}`, formatDecimalRate(r.rate)]));

describe('parseNbpTableA', () => {
  it('reads every table of the array as 1 CCY = mid PLN, with its table number and date', () => {
    const t = parseNbpTableA(NBP_TWO_DAYS);
    expect(t.source).toBe('NBP');
    expect(t.days.map((d) => [d.effectiveDate, d.tableNo])).toEqual([
      ['2022-02-24', '038/A/NBP/2022'],
      ['2022-02-25', '039/A/NBP/2022'],
    ]);
    expect(flat(t)).toEqual([
      ['2022-02-24', 'USD/PLN', '4.1878'],
      ['2022-02-24', 'EUR/PLN', '4.6863'],
      ['2022-02-24', 'HUF/PLN', '0.012919'],
      ['2022-02-25', 'USD/PLN', '4.1515'],
      ['2022-02-25', 'EUR/PLN', '4.6608'],
      ['2022-02-25', 'HUF/PLN', '0.01298'],
    ]);
    expect(t.days[1].rates[1].rate).toEqual({ units: 46608n, scale: 4 });
  });

  it('sorts the days oldest first', () => {
    const reversed = JSON.stringify(JSON.parse(NBP_TWO_DAYS).reverse());
    expect(parseNbpTableA(reversed).days.map((d) => d.effectiveDate)).toEqual(['2022-02-24', '2022-02-25']);
  });

  it('takes the mid from the JSON text, not from a float', () => {
    const t = parseNbpTableA(
      '[{"table":"A","no":"039/A/NBP/2022","effectiveDate":"2022-02-25","rates":[{"code":"EUR","mid":4.660800000000000001}]}]',
    );
    expect(t.days[0].rates[0].rate).toEqual({ units: 4660800000000000001n, scale: 18 });
  });

  it.each([
    ['not JSON', '[{"table":"A",', /not valid JSON/],
    ['an object instead of an array', '{"table":"A"}', /non-empty JSON array/],
    ['an empty array', '[]', /non-empty JSON array/],
    ['table B', nbpWith({ table: 'B' }), /"table" is "B"; only table A/],
    ['a bad table number', nbpWith({ no: '39/A/2022' }), /"no" is "39\/A\/2022"/],
    ['an impossible date', nbpWith({ effectiveDate: '2022-02-30' }), /"effectiveDate" is "2022-02-30"/],
    ['no rates', nbpWith({ rates: [] }), /"rates" must be a non-empty array/],
    ['a lowercase code', nbpWith({ rates: [{ code: 'eur', mid: 4.66 }] }), /"code" is "eur"/],
    ['PLN against itself', nbpWith({ rates: [{ code: 'PLN', mid: 1 }] }), /other than PLN/],
    ['a mid as a string', nbpWith({ rates: [{ code: 'EUR', mid: '4.6608' }] }), /"mid" of EUR is "4.6608"/],
    ['a negative mid', nbpWith({ rates: [{ code: 'EUR', mid: -4.6608 }] }), /"mid" of EUR is -4.6608/],
    [
      'a currency twice in one table',
      nbpWith({
        rates: [
          { code: 'EUR', mid: 4.6608 },
          { code: 'EUR', mid: 4.6609 },
        ],
      }),
      /EUR appears twice in one table/,
    ],
    [
      'one date twice',
      JSON.stringify([
        { table: 'A', no: '039/A/NBP/2022', effectiveDate: '2022-02-25', rates: [{ code: 'EUR', mid: 4.66 }] },
        { table: 'A', no: '040/A/NBP/2022', effectiveDate: '2022-02-25', rates: [{ code: 'EUR', mid: 4.67 }] },
      ]),
      /2022-02-25 appears twice/,
    ],
    [
      'a duplicated "mid" key',
      '[{"table":"A","no":"039/A/NBP/2022","effectiveDate":"2022-02-25","rates":[{"code":"EUR","mid":1,"mid":4.6608}]}]',
      /cannot find the text of the "mid" of EUR/,
    ],
  ])('rejects %s', (_what, json, message) => {
    expect(() => parseNbpTableA(json)).toThrow(message);
  });
});

describe('parseEcbDaily', () => {
  it('reads the daily file as 1 EUR = rate CCY', () => {
    const t = parseEcbDaily(ECB_DAILY);
    expect(t.source).toBe('ECB');
    expect(t.days).toHaveLength(1);
    expect(t.days[0].tableNo).toBeNull();
    expect(flat(t)).toEqual([
      ['2022-02-25', 'EUR/USD', '1.1216'],
      ['2022-02-25', 'EUR/JPY', '129.54'],
      ['2022-02-25', 'EUR/PLN', '4.6453'],
    ]);
  });

  it('reads several days (the 90-day file), oldest first', () => {
    const t = parseEcbDaily(ECB_THREE_DAYS);
    expect(t.days.map((d) => d.effectiveDate)).toEqual(['2022-02-23', '2022-02-24', '2022-02-25']);
    expect(flat(t).filter(([, pair]) => pair === 'EUR/PLN')).toEqual([
      ['2022-02-23', 'EUR/PLN', '4.5302'],
      ['2022-02-24', 'EUR/PLN', '4.6908'],
      ['2022-02-25', 'EUR/PLN', '4.6453'],
    ]);
  });

  it('accepts a byte order mark and CRLF line ends', () => {
    expect(parseEcbDaily('\uFEFF' + ECB_DAILY.replace(/\n/g, '\r\n')).days[0].rates).toHaveLength(3);
  });

  it.each([
    ['an empty string', '', /expected a <gesmes:Envelope> root element/],
    ['JSON', NBP_TWO_DAYS, /expected a <gesmes:Envelope> root element/],
    [
      'no outer Cube',
      '<gesmes:Envelope><Cube time="2022-02-25"><Cube currency="USD" rate="1.1"/></Cube></gesmes:Envelope>',
      /outer <Cube> element/,
    ],
    ['no day', ecbWith(''), /no <Cube time=".."> day/],
    ['a day without rates', ecbWith('<Cube time="2022-02-25"></Cube>'), /the day 2022-02-25 has no rates/],
    [
      'an impossible date',
      ecbWith('<Cube time="2022-13-01"><Cube currency="USD" rate="1.1"/></Cube>'),
      /time "2022-13-01"/,
    ],
    ['text between the tags', ecbWith('<Cube time="2022-02-25">USD<Cube currency="USD" rate="1.1"/></Cube>'), /line 3/],
    [
      'a rate without currency',
      ecbWith('<Cube time="2022-02-25"><Cube rate="1.1"/></Cube>'),
      /expected <Cube currency="CCY"/,
    ],
    [
      'an unknown attribute',
      ecbWith('<Cube time="2022-02-25"><Cube currency="USD" rate="1.1" x="1"/></Cube>'),
      /expected <Cube currency="CCY"/,
    ],
    [
      'a comma decimal',
      ecbWith('<Cube time="2022-02-25"><Cube currency="USD" rate="1,1"/></Cube>'),
      /rate "1,1" of USD/,
    ],
    [
      'a zero rate',
      ecbWith('<Cube time="2022-02-25"><Cube currency="USD" rate="0.000"/></Cube>'),
      /rate "0.000" of USD/,
    ],
    ['EUR against itself', ecbWith('<Cube time="2022-02-25"><Cube currency="EUR" rate="1"/></Cube>'), /"EUR" is not/],
    [
      'a currency twice on one day',
      ecbWith('<Cube time="2022-02-25"><Cube currency="USD" rate="1.1"/><Cube currency="USD" rate="1.2"/></Cube>'),
      /USD appears twice on 2022-02-25/,
    ],
    [
      'one day twice',
      ecbWith(
        '<Cube time="2022-02-25"><Cube currency="USD" rate="1.1"/></Cube><Cube time="2022-02-25"><Cube currency="USD" rate="1.1"/></Cube>',
      ),
      /2022-02-25 appears twice/,
    ],
    ['an unclosed day', ecbWith('<Cube time="2022-02-25"><Cube currency="USD" rate="1.1"/>'), /expected </],
    ['a truncated file', ECB_DAILY.slice(0, ECB_DAILY.indexOf('</Cube>\n\t</Cube>')), /line 11: expected/],
    ['content after the envelope', ECB_DAILY + '<extra/>', /expected <\/gesmes:Envelope> after the outer <\/Cube>/],
  ])('rejects %s', (_what, xml, message) => {
    expect(() => parseEcbDaily(xml)).toThrow(message);
  });
});

describe('rateCalendarDate', () => {
  it('takes the day in Central European time, where both banks date their tables', () => {
    expect(rateCalendarDate(new Date('2022-02-24T22:59:59Z'))).toBe('2022-02-24'); // 23:59:59 CET
    expect(rateCalendarDate(new Date('2022-02-24T23:00:00Z'))).toBe('2022-02-25'); // 00:00 CET
    expect(rateCalendarDate(new Date('2022-07-01T21:59:00Z'))).toBe('2022-07-01'); // 23:59 CEST
    expect(rateCalendarDate(new Date('2022-07-01T22:00:00Z'))).toBe('2022-07-02'); // 00:00 CEST
  });

  it('takes a YYYY-MM-DD string as that day and rejects anything else', () => {
    expect(rateCalendarDate('2022-02-25')).toBe('2022-02-25');
    expect(() => rateCalendarDate('2022-02-29')).toThrow(/YYYY-MM-DD/);
    expect(() => rateCalendarDate('25.02.2022')).toThrow(/YYYY-MM-DD/);
    expect(() => rateCalendarDate(new Date('nope'))).toThrow(/not a valid date/);
  });

  it('knows real calendar dates', () => {
    expect(isIsoCalendarDate('2024-02-29')).toBe(true);
    expect(isIsoCalendarDate('2023-02-29')).toBe(false);
    expect(isIsoCalendarDate(20220225)).toBe(false);
  });
});
