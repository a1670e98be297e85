import type { Locale } from '@kooperant/platform-i18n';
import type { RateSource } from '@kooperant/platform-money';
import type { MetricsCountry, PeriodGrain } from '../core/periods';

type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** The fixed texts of the periodic cluster report in one language. */
export interface ReportTexts {
  title: string;
  brand: string;
  partnerCluster: string;
  period: string;
  country: Record<MetricsCountry, string>;
  keyFigures: string;
  /** Before the partner's value under a headline figure. */
  partner: string;
  funnel: string;
  /** `{p}`: a percentage of the matches proposed. */
  ofProposed: string;
  seriesTitle(grain: PeriodGrain, currency: string): string;
  notes: string;
  /** `{list}`: each cluster and its zone. */
  timeZones: string;
  rates(source: RateSource, from: string | null, to: string | null): string;
  definitions: string;
  unconverted: PluralForms;
  generated(date: string): string;
}

export const REPORT_TEXTS: Readonly<Record<Locale, ReportTexts>> = {
  en: {
    title: 'Cooperation chain report',
    brand: 'Kooperant · PL–LT cooperation platform',
    partnerCluster: 'Partner cluster',
    period: 'Period',
    country: { PL: 'Poland', LT: 'Lithuania' },
    keyFigures: 'Key figures',
    partner: 'Partner',
    funnel: 'Matching funnel',
    ofProposed: '{p} of proposed',
    seriesTitle: (grain, currency) => `Value awarded per ${grain} (${currency})`,
    notes: 'Notes',
    timeZones: "Periods are calendar periods in each cluster's own time zone: {list}.",
    rates: (source, from, to) =>
      `Amounts in EUR and PLN: each award converted at the EUR/PLN ${source === 'NBP' ? 'NBP mid rate (table A)' : 'ECB reference rate'} ` +
      `of its award date${from && to ? ` (rates of ${from} to ${to})` : ''}.`,
    definitions:
      'Cross-border share: value awarded between a Polish and a Lithuanian firm over all value awarded. On-time rate: ' +
      "hand-overs by the package's due date over all hand-overs. Value brokered: awards whose supplier a coordinator " +
      'endorsed, invited or introduced. Funnel: of the matches proposed in the period, those endorsed by a coordinator, ' +
      'quoted and awarded since. Durations in days of 24 hours.',
    unconverted: {
      one: '{n} award had no EUR/PLN rate for its day and counts only in its own currency.',
      other: '{n} awards had no EUR/PLN rate for their day and count only in their own currency.',
    },
    generated: (date) => `Generated on ${date} by Kooperant.`,
  },
  pl: {
    title: 'Raport łańcucha kooperacji',
    brand: 'Kooperant · platforma współpracy PL–LT',
    partnerCluster: 'Klaster partnerski',
    period: 'Okres',
    country: { PL: 'Polska', LT: 'Litwa' },
    keyFigures: 'Najważniejsze wskaźniki',
    partner: 'Partner',
    funnel: 'Lejek dopasowań',
    ofProposed: '{p} zaproponowanych',
    seriesTitle: (grain, currency) =>
      `Wartość zleceń w kolejnych ${grain === 'month' ? 'miesiącach' : grain === 'quarter' ? 'kwartałach' : 'latach'} (${currency})`,
    notes: 'Objaśnienia',
    timeZones: 'Okresy liczone są według kalendarza strefy czasowej każdego klastra: {list}.',
    rates: (source, from, to) =>
      `Kwoty w EUR i PLN: każde zlecenie przeliczono po ${source === 'NBP' ? 'średnim kursie NBP (tabela A)' : 'kursie referencyjnym EBC'} ` +
      `EUR/PLN z dnia jego udzielenia${from && to ? ` (kursy z okresu ${from} – ${to})` : ''}.`,
    definitions:
      'Udział transgraniczny: wartość zleceń między firmą polską a litewską w stosunku do wartości wszystkich zleceń. ' +
      'Odsetek w terminie: przekazania pakietów prac do terminu realizacji w stosunku do wszystkich przekazań. Wartość ' +
      'pozyskana przez koordynatorów: zlecenia, których wykonawcę koordynator zarekomendował, zaprosił lub przedstawił. ' +
      'Lejek: spośród dopasowań zaproponowanych w okresie – te zarekomendowane przez koordynatora, wycenione i zlecone ' +
      'do dziś. Czas w dobach po 24 godziny.',
    unconverted: {
      one: '{n} zlecenie nie miało kursu EUR/PLN ze swojego dnia i liczy się tylko w swojej walucie.',
      few: '{n} zlecenia nie miały kursu EUR/PLN ze swojego dnia i liczą się tylko w swojej walucie.',
      many: '{n} zleceń nie miało kursu EUR/PLN ze swojego dnia i liczy się tylko w swojej walucie.',
      other: '{n} zlecenia nie miało kursu EUR/PLN ze swojego dnia i liczy się tylko w swojej walucie.',
    },
    generated: (date) => `Wygenerowano ${date} w serwisie Kooperant.`,
  },
  lt: {
    title: 'Kooperacijos grandinės ataskaita',
    brand: 'Kooperant · PL–LT bendradarbiavimo platforma',
    partnerCluster: 'Klasteris partneris',
    period: 'Laikotarpis',
    country: { PL: 'Lenkija', LT: 'Lietuva' },
    keyFigures: 'Pagrindiniai rodikliai',
    partner: 'Partneris',
    funnel: 'Atitikčių piltuvas',
    ofProposed: '{p} pasiūlytų',
    seriesTitle: (grain, currency) =>
      `Skirtų užsakymų vertė pagal ${grain === 'month' ? 'mėnesius' : grain === 'quarter' ? 'ketvirčius' : 'metus'} (${currency})`,
    notes: 'Paaiškinimai',
    timeZones: 'Laikotarpiai skaičiuojami pagal kiekvieno klasterio laiko juostos kalendorių: {list}.',
    rates: (source, from, to) =>
      `Sumos EUR ir PLN: kiekvieno užsakymo kaina perskaičiuota pagal skyrimo dienos ${source === 'NBP' ? 'NBP vidutinį (A lentelė)' : 'ECB orientacinį'} ` +
      `EUR/PLN kursą${from && to ? ` (kursai nuo ${from} iki ${to})` : ''}.`,
    definitions:
      'Tarpvalstybinė dalis: tarp Lenkijos ir Lietuvos įmonių skirtų užsakymų vertė, palyginti su visų skirtų užsakymų ' +
      'verte. Laiku perduotų dalis: iki termino perduoti darbo paketai, palyginti su visais perdavimais. Koordinatorių ' +
      'tarpininkavimas: užsakymai, kurių vykdytoją koordinatorius rekomendavo, pakvietė ar pristatė. Piltuvas: iš ' +
      'laikotarpiu pasiūlytų atitikčių – koordinatoriaus rekomenduotos, įkainotos ir skirtos iki šiol. Trukmė – paromis ' +
      'po 24 valandas.',
    unconverted: {
      one: '{n} užsakymas neturėjo savo dienos EUR/PLN kurso, todėl įskaičiuotas tik savo valiuta.',
      few: '{n} užsakymai neturėjo savo dienos EUR/PLN kurso, todėl įskaičiuoti tik savo valiuta.',
      many: '{n} užsakymo neturėjo savo dienos EUR/PLN kurso, todėl įskaičiuota tik savo valiuta.',
      other: '{n} užsakymų neturėjo savo dienos EUR/PLN kurso, todėl įskaičiuota tik savo valiuta.',
    },
    generated: (date) => `Sugeneruota ${date}, Kooperant.`,
  },
};
