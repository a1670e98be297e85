import { NOTIFICATION_KINDS, type NotificationKind, type NotificationParams, type RenderedText } from '../kinds';
import { EN } from './en';
import { formatterFor, type Formatter } from './formatter';
import { LT } from './lt';
import { PL } from './pl';
import type { Templates } from './template';

type Locale = Formatter['locale'];

const NBSP = '\u00a0';

/** A deadline late in the evening in Warsaw (23:30 on 6 March) that is already 7 March in Vilnius (00:30). */
const LATE_DEADLINE = '2025-03-06T22:30:00Z';

const BUYER = 'Metal-Tech Podlasie Sp. z o.o.';
const SUPPLIER = 'UAB Dzūkijos metalas';
const ORDER = 'Rama nośna przenośnika taśmowego – seria 40 szt.';
const PACKAGE = 'Cięcie laserowe i gięcie blach S355';

const SAMPLE: { [K in NotificationKind]: NotificationParams[K] } = {
  'opportunity.new': {
    firmName: SUPPLIER,
    orderTitle: ORDER,
    packageTitle: PACKAGE,
    buyerName: BUYER,
    dueDate: '2025-04-18T10:00:00Z',
    otherPackages: 0,
  },
  'invitation.received': {
    firmName: SUPPLIER,
    orderTitle: ORDER,
    packageTitle: PACKAGE,
    buyerName: BUYER,
    quoteDeadline: LATE_DEADLINE,
  },
  'introduction.requested': {
    firmName: SUPPLIER,
    orderTitle: ORDER,
    packageTitle: PACKAGE,
    requestedByCluster: 'Klaster Obróbki Metali',
  },
  'introduction.approved': {
    firmName: SUPPLIER,
    orderTitle: ORDER,
    packageTitle: PACKAGE,
    approvedByCluster: 'Alytaus metalo ir medienos kooperacijos klasteris',
  },
  'opportunity.handed-over': {
    firmName: SUPPLIER,
    orderTitle: ORDER,
    packageTitle: PACKAGE,
    fromCluster: 'Klaster Obróbki Metali',
  },
  'quote.received': { supplierName: SUPPLIER, orderTitle: ORDER, packages: 3, totalMinor: 1_234_567, currency: 'EUR' },
  'quote.revised': { supplierName: SUPPLIER, orderTitle: ORDER, version: 2 },
  'quote.withdrawn': { supplierName: SUPPLIER, orderTitle: ORDER },
  'award.won': { firmName: SUPPLIER, orderTitle: ORDER, packageTitle: PACKAGE, buyerName: BUYER },
  'award.lost': { firmName: 'Zakład Ślusarski Żółtański Sp. j.', orderTitle: ORDER, packageTitle: PACKAGE },
  'package.handed-over': { fromFirmName: SUPPLIER, orderTitle: ORDER, packageTitle: PACKAGE, onTime: true },
  'order.cancelled': { orderTitle: ORDER, buyerName: BUYER, reason: 'Klient końcowy przesunął inwestycję na 2026 rok' },
  'order.completed': { orderTitle: ORDER, buyerName: BUYER, packages: 4 },
  'message.new': {
    authorName: 'Łukasz Wróblewski',
    orderTitle: ORDER,
    preview: 'Czy możemy przesunąć odbiór ram na czwartek?',
  },
  'offer.expiring': { offerTitle: 'Cięcie laserowe blach do 25 mm', validUntil: LATE_DEADLINE, daysLeft: 5 },
  'firm.verified': { firmName: SUPPLIER, clusterName: 'Metalo apdirbimo klasteris' },
  'membership.requested': { firmName: SUPPLIER, clusterName: 'Klaster Obróbki Metali', country: 'LT' },
  'webhook.disabled': { firmName: SUPPLIER, url: 'https://erp.dzukijos-metalas.lt/kooperant', failures: 5 },
  'exchange.posted': {
    authorName: 'Rasa Petrauskienė',
    clusterName: 'Alytaus metalo ir medienos kooperacijos klasteris',
    title: 'Bendri pirkimai: plieno lakštai 2026 m.',
  },
  'exchange.commented': {
    authorName: 'Łukasz Wróblewski',
    postTitle: 'Bendri pirkimai: plieno lakštai 2026 m.',
    preview: 'Chętnie dołączymy, mamy trzy firmy zainteresowane.',
  },
  'order.forwarded': {
    orderTitle: ORDER,
    buyerName: BUYER,
    fromCluster: 'Klaster Obróbki Metali',
    quoteDeadline: LATE_DEADLINE,
    note: 'Pilne, klient z Alytus szuka dostawcy.',
  },
  'offer.forwarded': {
    offerTitle: 'Cięcie laserowe blach do 25 mm',
    supplierName: BUYER,
    fromCluster: 'Klaster Obróbki Metali',
    note: '',
  },
};

/** Parameters that are shown formatted rather than as they are. */
const DATE_ONLY = new Set(['dueDate', 'validUntil']);
const DATE_TIME = new Set(['quoteDeadline']);
/** Names of firms, people and clusters, shown as they are. */
const NAMES = new Set([
  'firmName',
  'buyerName',
  'supplierName',
  'fromFirmName',
  'authorName',
  'clusterName',
  'requestedByCluster',
  'approvedByCluster',
  'fromCluster',
  'authorName',
]);
const NOT_SHOWN_AS_IS = new Set(['currency', 'country']);

const TEMPLATES: Record<Locale, Templates> = { en: EN, pl: PL, lt: LT };
const ZONE: Record<Locale, string> = { en: 'Europe/Warsaw', pl: 'Europe/Warsaw', lt: 'Europe/Vilnius' };
const LOCALES: Locale[] = ['en', 'pl', 'lt'];

function render<K extends NotificationKind>(
  locale: Locale,
  kind: K,
  params: Partial<NotificationParams[K]> = {},
  timeZone = ZONE[locale],
): RenderedText {
  const template = TEMPLATES[locale][kind] as (p: NotificationParams[K], f: Formatter) => RenderedText;
  return template({ ...SAMPLE[kind], ...params }, formatterFor(locale, timeZone));
}

const text = (r: RenderedText): string => `${r.title}\n${r.body}`;

describe('notification templates', () => {
  it.each(LOCALES)('%s has a template for exactly the kinds in NOTIFICATION_KINDS', (locale) => {
    expect(Object.keys(TEMPLATES[locale]).sort()).toEqual([...NOTIFICATION_KINDS].sort());
  });

  const cases = LOCALES.flatMap((locale) => NOTIFICATION_KINDS.map((kind) => [locale, kind] as const));

  describe.each(cases)('%s %s', (locale, kind) => {
    const rendered = render(locale, kind);
    const f = formatterFor(locale, ZONE[locale]);

    it('has a title that fits an e-mail subject and a body of whole sentences', () => {
      expect(rendered.title.trim()).not.toBe('');
      expect(rendered.title.length).toBeLessThanOrEqual(100);
      expect(rendered.title).not.toMatch(/\n/);
      expect(rendered.body.trim()).not.toBe('');
      expect(rendered.body).toMatch(/[.!?]$/);
    });

    it('leaves no placeholder, missing value or stray spacing behind', () => {
      const t = text(rendered);
      expect(t).not.toMatch(/[{}]/);
      expect(t).not.toMatch(/undefined|NaN|\[object|\bnull\b|\btrue\b|\bfalse\b/);
      expect(t).not.toMatch(/ {2}| [.,:;)]|\.\.|\( /);
    });

    it('punctuates well around names that end with a full stop (Sp. z o.o.)', () => {
      const dotted = Object.fromEntries(
        Object.entries(SAMPLE[kind]).map(([key, value]) => [key, NAMES.has(key) ? BUYER : value]),
      ) as Partial<NotificationParams[typeof kind]>;
      expect(text(render(locale, kind, dotted))).not.toMatch(/\.\./);
    });

    it('shows every name, title and date of its parameters', () => {
      const t = text(rendered);
      for (const [key, value] of Object.entries(SAMPLE[kind])) {
        if (NOT_SHOWN_AS_IS.has(key) || typeof value !== 'string') continue;
        if (DATE_ONLY.has(key)) expect(t).toContain(f.date(value));
        else if (DATE_TIME.has(key)) expect(t).toContain(f.dateTime(value));
        else expect(t).toContain(value.replace(/\.$/, ''));
      }
    });

    if (locale !== 'en') {
      it('uses no English words and the language’s own quotation marks', () => {
        const own = text(rendered);
        expect(own).not.toMatch(/\b(the|and|order|quote|offer|package|work|please|open|due|days?|invited|cluster)\b/i);
        expect(own).not.toContain('"');
        const [open, close] = locale === 'pl' ? ['„', '”'] : ['„', '“'];
        expect(own.split(open).length).toBe(own.split(close).length);
      });
    }
  });
});

describe('plural forms', () => {
  const N = [1, 2, 5, 12, 21, 22];

  it.each([
    [1, '1 delivery in a row', '1 kolejna dostawa nie powiodła', '1 pristatymas iš eilės'],
    [2, '2 deliveries in a row', '2 kolejne dostawy nie powiodły', '2 pristatymai iš eilės'],
    [5, '5 deliveries in a row', '5 kolejnych dostaw nie powiodło', '5 pristatymai iš eilės'],
    [12, '12 deliveries in a row', '12 kolejnych dostaw nie powiodło', '12 pristatymų iš eilės'],
    [21, '21 deliveries in a row', '21 kolejnych dostaw nie powiodło', '21 pristatymas iš eilės'],
    [22, '22 deliveries in a row', '22 kolejne dostawy nie powiodły', '22 pristatymai iš eilės'],
  ])('webhook.disabled after %i failed deliveries', (n, en, pl, lt) => {
    expect(render('en', 'webhook.disabled', { failures: n }).body).toContain(en);
    expect(render('pl', 'webhook.disabled', { failures: n }).body).toContain(pl);
    expect(render('lt', 'webhook.disabled', { failures: n }).body).toContain(lt);
  });

  it.each([
    [1, 'na 1 pakiet prac w'],
    [2, 'na 2 pakiety prac w'],
    [5, 'na 5 pakietów prac w'],
    [12, 'na 12 pakietów prac w'],
    [21, 'na 21 pakietów prac w'],
    [22, 'na 22 pakiety prac w'],
    [1234, 'na 1234 pakiety prac w'],
  ])('pl quote.received: a quote for %i packages reads "%s"', (n, words) => {
    expect(render('pl', 'quote.received', { packages: n }).body).toContain(words);
  });

  it.each([
    [1, ': 1 darbo paketas,'],
    [2, ': 2 darbo paketai,'],
    [5, ': 5 darbo paketai,'],
    [12, ': 12 darbo paketų,'],
    [21, ': 21 darbo paketas,'],
    [22, ': 22 darbo paketai,'],
    [1234, `: 1${NBSP}234 darbo paketai,`],
  ])('lt quote.received: a quote for %i packages reads "%s"', (n, words) => {
    expect(render('lt', 'quote.received', { packages: n }).body).toContain(words);
  });

  it.each([
    [1, 'zrealizowano 1 pakiet prac.'],
    [2, 'zrealizowano 2 pakiety prac.'],
    [5, 'zrealizowano 5 pakietów prac.'],
    [12, 'zrealizowano 12 pakietów prac.'],
    [21, 'zrealizowano 21 pakietów prac.'],
    [22, 'zrealizowano 22 pakiety prac.'],
  ])('pl order.completed: %i packages read "%s"', (n, words) => {
    expect(render('pl', 'order.completed', { packages: n }).body).toContain(words);
  });

  it.each([
    [1, 'iš viso 1 darbo paketas.'],
    [2, 'iš viso 2 darbo paketai.'],
    [5, 'iš viso 5 darbo paketai.'],
    [12, 'iš viso 12 darbo paketų.'],
    [21, 'iš viso 21 darbo paketas.'],
    [22, 'iš viso 22 darbo paketai.'],
  ])('lt order.completed: %i packages read "%s"', (n, words) => {
    expect(render('lt', 'order.completed', { packages: n }).body).toContain(words);
  });

  it.each([
    [1, 'Oferta wygasa za 1 dzień:'],
    [2, 'Oferta wygasa za 2 dni:'],
    [5, 'Oferta wygasa za 5 dni:'],
    [12, 'Oferta wygasa za 12 dni:'],
    [21, 'Oferta wygasa za 21 dni:'],
    [22, 'Oferta wygasa za 22 dni:'],
  ])('pl offer.expiring: %i days left read "%s"', (n, words) => {
    expect(render('pl', 'offer.expiring', { daysLeft: n }).title).toContain(words);
  });

  it.each([
    [1, 'liko 1 diena:'],
    [2, 'liko 2 dienos:'],
    [5, 'liko 5 dienos:'],
    [12, 'liko 12 dienų:'],
    [21, 'liko 21 diena:'],
    [22, 'liko 22 dienos:'],
  ])('lt offer.expiring: %i days left read "%s"', (n, words) => {
    expect(render('lt', 'offer.expiring', { daysLeft: n }).title).toContain(words);
  });

  it.each(N)('en uses one/other for %i', (n) => {
    const one = n === 1;
    expect(render('en', 'quote.received', { packages: n }).body).toContain(`${n} work package${one ? '' : 's'} `);
    expect(render('en', 'order.completed', { packages: n }).body).toContain(`${n} work package${one ? '' : 's'} `);
    expect(render('en', 'offer.expiring', { daysLeft: n }).title).toContain(`in ${n} day${one ? '' : 's'}:`);
  });

  it.each(LOCALES)('%s says an offer expires today instead of in 0 days', (locale) => {
    const { title } = render(locale, 'offer.expiring', { daysLeft: 0 });
    expect(title).toContain({ en: 'today', pl: 'dziś', lt: 'šiandien' }[locale]);
    expect(title).not.toMatch(/\b0\b/);
  });
});

describe('money', () => {
  it.each([
    ['pl', 123_450, 'PLN', `1234,50${NBSP}zł`],
    ['pl', 1_234_567, 'PLN', `12${NBSP}345,67${NBSP}zł`],
    ['pl', 123_450, 'EUR', `1234,50${NBSP}€`],
    ['lt', 123_450, 'EUR', `1${NBSP}234,50${NBSP}€`],
    ['lt', 123_450, 'PLN', `1${NBSP}234,50${NBSP}PLN`],
    ['en', 123_450, 'EUR', '€1,234.50'],
  ] as const)('%s shows %i minor units of %s as "%s"', (locale, totalMinor, currency, shown) => {
    expect(render(locale, 'quote.received', { totalMinor, currency }).body).toContain(shown);
  });
});

describe('dates in the recipient’s time zone', () => {
  it('shows a quote deadline of 22:30 UTC as 6 March in Warsaw and as 7 March in Vilnius', () => {
    const pl = render('pl', 'invitation.received', {}, 'Europe/Warsaw').body;
    expect(pl).toContain('termin upływa 6 marca 2025 23:30.');
    expect(pl).not.toContain('7 marca');
    expect(render('lt', 'invitation.received', {}, 'Europe/Vilnius').body).toContain('iki 2025 m. kovo 7 d. 00:30.');
    expect(render('en', 'invitation.received', {}, 'Europe/Warsaw').body).toContain('by 6 March 2025 at 23:30.');
    expect(render('en', 'invitation.received', {}, 'Europe/Vilnius').body).toContain('by 7 March 2025 at 00:30.');
  });

  it('shows an offer valid until 22:30 UTC as valid until 6 March in Warsaw and 7 March in Vilnius', () => {
    expect(render('pl', 'offer.expiring', {}, 'Europe/Warsaw').body).toContain('jest ważna do 6 marca 2025,');
    expect(render('pl', 'offer.expiring', {}, 'Europe/Vilnius').body).toContain('jest ważna do 7 marca 2025,');
    expect(render('lt', 'offer.expiring', {}, 'Europe/Vilnius').body).toContain('galioja iki 2025 m. kovo 7 d.,');
    expect(render('lt', 'offer.expiring', {}, 'Europe/Warsaw').body).toContain('galioja iki 2025 m. kovo 6 d.,');
  });

  it('writes a due date as "7 marca 2025" in Polish and "2025 m. kovo 7 d." in Lithuanian', () => {
    const dueDate = '2025-03-07T09:00:00Z';
    expect(render('pl', 'opportunity.new', { dueDate }).body).toContain('termin realizacji: 7 marca 2025)');
    expect(render('lt', 'opportunity.new', { dueDate }).body).toContain('atlikimo terminas – 2025 m. kovo 7 d.)');
    expect(render('en', 'opportunity.new', { dueDate }).body).toContain('by 7 March 2025.');
  });
});

describe('one opportunity notification per firm and order', () => {
  it('counts the other packages the firm fits, in each language, and says nothing of them when there are none', () => {
    const cases: [Locale, number, string][] = [
      ['en', 1, 'Its offers also fit 1 more work package of this order.'],
      ['en', 2, 'Its offers also fit 2 more work packages of this order.'],
      ['pl', 1, 'Oferty firmy pasują też do 1 innego pakietu prac w tym zamówieniu.'],
      ['pl', 2, 'Oferty firmy pasują też do 2 innych pakietów prac w tym zamówieniu.'],
      ['pl', 5, 'Oferty firmy pasują też do 5 innych pakietów prac w tym zamówieniu.'],
      ['lt', 1, 'Jūsų pasiūlymai taip pat atitinka dar 1 šio užsakymo darbo paketą.'],
      ['lt', 2, 'Jūsų pasiūlymai taip pat atitinka dar 2 šio užsakymo darbo paketus.'],
      ['lt', 12, 'Jūsų pasiūlymai taip pat atitinka dar 12 šio užsakymo darbo paketų.'],
      ['lt', 21, 'Jūsų pasiūlymai taip pat atitinka dar 21 šio užsakymo darbo paketą.'],
    ];
    for (const [locale, n, sentence] of cases) {
      expect(render(locale, 'opportunity.new', { otherPackages: n }).body).toContain(sentence);
    }
    for (const locale of ['en', 'pl', 'lt'] as const) {
      expect(render(locale, 'opportunity.new', { otherPackages: 0 }).body).not.toMatch(/also fit|też do|taip pat/);
    }
  });
});

describe('sentences that depend on the facts', () => {
  it.each([
    ['en', 'on time', 'late'],
    ['pl', 'w uzgodnionym terminie', 'po uzgodnionym terminie'],
    ['lt', 'perduotas laiku', 'perduotas pavėluotai'],
  ] as const)('%s package.handed-over says whether the handover was on time', (locale, onTime, late) => {
    const early = render(locale, 'package.handed-over', { onTime: true });
    const overdue = render(locale, 'package.handed-over', { onTime: false });
    expect(text(early)).toContain(onTime);
    expect(text(early)).not.toContain(late);
    expect(text(overdue)).toContain(late);
    expect(overdue.title).not.toBe(early.title);
    expect(text(overdue)).not.toMatch(/true|false/);
  });

  it.each([
    ['en', 'Reason:'],
    ['pl', 'Powód:'],
    ['lt', 'Priežastis:'],
  ] as const)(
    '%s order.cancelled gives the reason, and leaves the sentence out when there is none',
    (locale, label) => {
      expect(render(locale, 'order.cancelled').body).toContain(
        `${label} Klient końcowy przesunął inwestycję na 2026 rok.`,
      );
      const without = render(locale, 'order.cancelled', { reason: '  ' }).body;
      expect(without).not.toContain(label);
      expect(without).not.toMatch(/ {2}|\.\./);
    },
  );

  it.each([
    ['en', '(Lithuania)'],
    ['pl', '(Litwa)'],
    ['lt', '(Lietuva)'],
  ] as const)('%s membership.requested names the country in the reader’s language', (locale, country) => {
    expect(render(locale, 'membership.requested').body).toContain(country);
  });

  it.each([
    ['en', 'wrote: “Wyślemy ramy w czwartek”.'],
    ['pl', 'pisze: „Wyślemy ramy w czwartek”.'],
    ['lt', 'rašo: „Wyślemy ramy w czwartek“.'],
  ] as const)('%s message.new quotes the preview with one full stop after it', (locale, shown) => {
    expect(render(locale, 'message.new', { preview: 'Wyślemy ramy w czwartek.' }).body).toContain(shown);
  });

  it.each([
    ['en', 'wrote: “Czy możemy przesunąć odbiór?” Open'],
    ['pl', 'pisze: „Czy możemy przesunąć odbiór?”. Aby'],
    ['lt', 'rašo: „Czy możemy przesunąć odbiór?“ Norėdami'],
  ] as const)('%s message.new keeps a question mark inside the quotes', (locale, shown) => {
    expect(render(locale, 'message.new', { preview: 'Czy możemy przesunąć odbiór? ' }).body).toContain(shown);
  });
});
