import type { Locale, LocalizedLabels } from '@kooperant/platform-i18n';
import { KPI_DEFINITIONS, type KpiDefinition } from '../kpi-definitions';

/**
 * The title of every KPI of KPI_DEFINITIONS in en, pl and lt, as shown in reports and as CSV column values. A unit test
 * fails when a KPI lacks a language or is missing here. Terms follow the notification templates: quote = wycena /
 * kainos pasiūlymas, order = zamówienie / užsakymas, work package = pakiet prac / darbo paketas, award = zlecenie /
 * skirtas užsakymas, match = dopasowanie / atitiktis, hand-over = przekazanie / perdavimas.
 */
export const KPI_TITLES: Readonly<Record<string, LocalizedLabels>> = {
  'members-active': { en: 'Members active', pl: 'Aktywni członkowie', lt: 'Aktyvūs nariai' },
  'offers-published': { en: 'Offers published', pl: 'Opublikowane oferty', lt: 'Paskelbti pasiūlymai' },
  'offers-kept-current': { en: 'Offers kept current', pl: 'Aktualizowane oferty', lt: 'Atnaujinami pasiūlymai' },
  'orders-posted': {
    en: 'Cooperative orders posted',
    pl: 'Opublikowane zamówienia kooperacyjne',
    lt: 'Paskelbti kooperaciniai užsakymai',
  },
  'packages-posted': { en: 'Work packages posted', pl: 'Opublikowane pakiety prac', lt: 'Paskelbti darbo paketai' },
  'quotes-sent': { en: 'Quotes sent', pl: 'Wysłane wyceny', lt: 'Pateikti kainos pasiūlymai' },
  'first-quote-minutes-median': {
    en: 'Median time to a first quote',
    pl: 'Mediana czasu do pierwszej wyceny',
    lt: 'Laiko iki pirmojo kainos pasiūlymo mediana',
  },
  'matches-proposed': { en: 'Matches proposed', pl: 'Zaproponowane dopasowania', lt: 'Pasiūlytos atitiktys' },
  'matches-endorsed': {
    en: 'Matches endorsed',
    pl: 'Dopasowania zarekomendowane przez koordynatora',
    lt: 'Koordinatoriaus rekomenduotos atitiktys',
  },
  'matches-quoted': {
    en: 'Matches turned into quotes',
    pl: 'Dopasowania zakończone wyceną',
    lt: 'Atitiktys, virtusios kainos pasiūlymais',
  },
  'matches-awarded': {
    en: 'Matches turned into awards',
    pl: 'Dopasowania zakończone zleceniem',
    lt: 'Atitiktys, virtusios užsakymais',
  },
  'packages-awarded': { en: 'Packages awarded', pl: 'Zlecone pakiety prac', lt: 'Skirti darbo paketai' },
  'value-awarded-eur': { en: 'Value awarded (EUR)', pl: 'Wartość zleceń (EUR)', lt: 'Skirtų užsakymų vertė (EUR)' },
  'value-awarded-pln': { en: 'Value awarded (PLN)', pl: 'Wartość zleceń (PLN)', lt: 'Skirtų užsakymų vertė (PLN)' },
  'awards-unconverted': {
    en: 'Awards without a rate',
    pl: 'Zlecenia bez kursu waluty',
    lt: 'Užsakymai be valiutos kurso',
  },
  'value-cross-border-eur': {
    en: 'Value awarded across the PL–LT border (EUR)',
    pl: 'Wartość zleceń transgranicznych PL–LT (EUR)',
    lt: 'Tarpvalstybinių PL–LT užsakymų vertė (EUR)',
  },
  'cross-border-share': {
    en: 'Share of value awarded across the border',
    pl: 'Udział zleceń transgranicznych w wartości',
    lt: 'Tarpvalstybinių užsakymų vertės dalis',
  },
  'new-pl-lt-pairs': { en: 'New PL–LT firm pairs', pl: 'Nowe pary firm PL–LT', lt: 'Naujos PL–LT įmonių poros' },
  'repeat-awards': { en: 'Repeat cooperation', pl: 'Powtórna współpraca', lt: 'Pakartotinis bendradarbiavimas' },
  handovers: { en: 'Hand-overs', pl: 'Przekazania pakietów prac', lt: 'Darbo paketų perdavimai' },
  'handovers-on-time': { en: 'Hand-overs on time', pl: 'Przekazania w terminie', lt: 'Perdavimai laiku' },
  'on-time-rate': {
    en: 'On-time rate of hand-overs',
    pl: 'Odsetek przekazań w terminie',
    lt: 'Laiku perduotų paketų dalis',
  },
  'value-brokered-eur': {
    en: 'Value brokered by coordinators (EUR)',
    pl: 'Wartość zleceń pozyskanych przez koordynatorów (EUR)',
    lt: 'Koordinatorių tarpininkavimu skirtų užsakymų vertė (EUR)',
  },
  'value-brokered-pln': {
    en: 'Value brokered by coordinators (PLN)',
    pl: 'Wartość zleceń pozyskanych przez koordynatorów (PLN)',
    lt: 'Koordinatorių tarpininkavimu skirtų užsakymų vertė (PLN)',
  },
};

const BY_ID = new Map(KPI_DEFINITIONS.map((k) => [k.id, k]));

/** The definition of a KPI id; throws for an id KPI_DEFINITIONS does not have. */
export function kpiDefinition(id: string): KpiDefinition {
  const kpi = BY_ID.get(id);
  if (!kpi) throw new Error(`unknown KPI "${id}"`);
  return kpi;
}

/** A KPI's title in a language. */
export function kpiTitle(id: string, locale: Locale): string {
  const titles = KPI_TITLES[id];
  if (!titles) throw new Error(`no title for KPI "${id}"`);
  return titles[locale];
}
