import type { Formatter } from './formatter';
import type { Templates } from './template';
import { asSentence, countryNamer } from './text';

const countryName = countryNamer('pl');

/** A quoted excerpt that ends a sentence: its own full stop moves after the closing quote, ? ! … stay inside. */
const excerpt = (text: string): string => text.trim().replace(/\.$/, '');

/** `pakiet prac` in the accusative after `na` / `zrealizowano` (same as the nominative for this noun). */
const packages = (n: number, f: Formatter): string =>
  f.plural(n, {
    one: '{n} pakiet prac',
    few: '{n} pakiety prac',
    many: '{n} pakietów prac',
    other: '{n} pakietu prac',
  });

/** After `za`: za 1 dzień, za 2 dni, za 5 dni, za 1,5 dnia. */
const days = (n: number, f: Formatter): string =>
  f.plural(n, { one: '{n} dzień', few: '{n} dni', many: '{n} dni', other: '{n} dnia' });

/**
 * Polish texts, addressed formally (Państwo). Names stay in the nominative: they follow a declined noun
 * („firma X”, „zamawiający (X)”) or a colon, and the users' own titles are quoted.
 * Terms: quote = wycena, offer (catalogue) = oferta, order = zamówienie, work package = pakiet prac.
 */
export const PL: Templates = {
  'opportunity.new': (p, f) => ({
    title: `Nowa możliwość współpracy: ${p.packageTitle}`,
    body:
      `Jedna z ofert firmy ${p.firmName} pasuje do pakietu prac „${p.packageTitle}” w zamówieniu ` +
      `„${p.orderTitle}” (zamawiający: ${p.buyerName}, termin realizacji: ${f.date(p.dueDate)}). ` +
      (p.otherPackages > 0
        ? `Oferty firmy pasują też do ${f.plural(p.otherPackages, {
            one: '{n} innego pakietu prac',
            few: '{n} innych pakietów prac',
            many: '{n} innych pakietów prac',
            other: '{n} innego pakietu prac',
          })} w tym zamówieniu. `
        : '') +
      `Prosimy otworzyć zamówienie, aby zapoznać się ze szczegółami.`,
  }),

  'invitation.received': (p, f) => ({
    title: `Zaproszenie do złożenia wyceny: ${p.packageTitle}`,
    body:
      `Firma ${p.firmName} została zaproszona do wyceny pakietu prac „${p.packageTitle}” w zamówieniu ` +
      `„${p.orderTitle}” (zamawiający: ${p.buyerName}). Prosimy otworzyć zamówienie i przesłać wycenę – ` +
      `termin upływa ${f.dateTime(p.quoteDeadline)}.`,
  }),

  'introduction.requested': (p) => ({
    title: `Prośba o zgodę na zaproszenie firmy: ${p.firmName}`,
    body:
      `Koordynatorzy innego klastra (${p.requestedByCluster}) proszą o zgodę na zaproszenie firmy ${p.firmName} ` +
      `do wyceny pakietu prac „${p.packageTitle}” w zamówieniu „${p.orderTitle}”. ` +
      `Prosimy przejrzeć propozycję i zatwierdzić zaproszenie.`,
  }),

  'introduction.approved': (p) => ({
    title: `Zgoda udzielona – zaproszenie do wyceny: ${p.packageTitle}`,
    body:
      `Koordynatorzy klastra (${p.approvedByCluster}) wyrazili zgodę na kontakt, dlatego firma ${p.firmName} ` +
      `została zaproszona do wyceny pakietu prac „${p.packageTitle}” w zamówieniu „${p.orderTitle}”. ` +
      `Prosimy otworzyć zamówienie i przygotować wycenę.`,
  }),

  'opportunity.handed-over': (p) => ({
    title: `Przekazana możliwość współpracy: ${p.packageTitle}`,
    body:
      `Klaster partnerski (${p.fromCluster}) przekazał Państwa klastrowi możliwość współpracy dla firmy ` +
      `${p.firmName}: pakiet prac „${p.packageTitle}” w zamówieniu „${p.orderTitle}”. ` +
      `Prosimy ocenić propozycję i w razie potrzeby zaprosić firmę do wyceny.`,
  }),

  'quote.received': (p, f) => ({
    title: `Nowa wycena: ${p.supplierName}`,
    body:
      `Firma ${p.supplierName} przesłała wycenę na ${packages(p.packages, f)} w zamówieniu „${p.orderTitle}”, ` +
      `łącznie na kwotę ${f.money(p.totalMinor, p.currency)}. ` +
      `Prosimy otworzyć zamówienie, aby porównać wyceny i wybrać wykonawcę.`,
  }),

  'quote.revised': (p) => ({
    title: `Zaktualizowana wycena: ${p.supplierName}`,
    body:
      `Firma ${p.supplierName} zaktualizowała wycenę w zamówieniu „${p.orderTitle}” (wersja ${p.version}). ` +
      `Prosimy sprawdzić zmiany przed wyborem wykonawcy.`,
  }),

  'quote.withdrawn': (p) => ({
    title: `Wycofana wycena: ${p.supplierName}`,
    body:
      `Firma ${p.supplierName} wycofała wycenę w zamówieniu „${p.orderTitle}”. Pozostałe wyceny nadal ` +
      `obowiązują – prosimy otworzyć zamówienie, aby je przejrzeć lub zaprosić inną firmę.`,
  }),

  'award.won': (p) => ({
    title: `Wybrano Państwa wycenę: ${p.packageTitle}`,
    body:
      `Zamawiający (${p.buyerName}) powierzył firmie ${p.firmName} realizację pakietu prac „${p.packageTitle}” ` +
      `w zamówieniu „${p.orderTitle}”. Prosimy otworzyć zamówienie, aby zapoznać się ze szczegółami ` +
      `i zaplanować produkcję.`,
  }),

  'award.lost': (p) => ({
    title: `Wybrano inną wycenę: ${p.packageTitle}`,
    body:
      `Zamawiający wybrał wycenę innej firmy na pakiet prac „${p.packageTitle}” w zamówieniu „${p.orderTitle}”. ` +
      `Dziękujemy za wycenę przesłaną przez firmę ${p.firmName} – poinformujemy Państwa o kolejnych ` +
      `pasujących zamówieniach.`,
  }),

  'package.handed-over': (p) => ({
    title: p.onTime
      ? `Pakiet prac przekazany w terminie: ${p.packageTitle}`
      : `Pakiet prac przekazany po terminie: ${p.packageTitle}`,
    body:
      `Firma ${p.fromFirmName} przekazała pakiet prac „${p.packageTitle}” w zamówieniu „${p.orderTitle}” ` +
      (p.onTime ? 'w uzgodnionym terminie. ' : 'po uzgodnionym terminie. ') +
      `Prosimy sprawdzić dostawę i potwierdzić odbiór w zamówieniu.`,
  }),

  'order.cancelled': (p) => ({
    title: `Zamówienie anulowane: ${p.orderTitle}`,
    body:
      `Zamawiający (${p.buyerName}) anulował zamówienie „${p.orderTitle}”.` +
      (p.reason.trim() ? ` Powód: ${asSentence(p.reason)}` : '') +
      ` Nie są wymagane żadne dalsze działania z Państwa strony.`,
  }),

  'order.completed': (p, f) => ({
    title: `Zamówienie zrealizowane: ${p.orderTitle}`,
    body:
      `Zamawiający (${p.buyerName}) odebrał wszystkie prace w zamówieniu „${p.orderTitle}” – ` +
      `zrealizowano ${packages(p.packages, f)}. Dziękujemy za współpracę.`,
  }),

  'message.new': (p) => ({
    title: `Nowa wiadomość w zamówieniu „${p.orderTitle}”`,
    body: `${p.authorName} pisze: „${excerpt(p.preview)}”. Aby odpowiedzieć, prosimy otworzyć zamówienie.`,
  }),

  'offer.expiring': (p, f) =>
    p.daysLeft > 0
      ? {
          title: `Oferta wygasa za ${days(p.daysLeft, f)}: ${p.offerTitle}`,
          body:
            `Państwa oferta „${p.offerTitle}” jest ważna do ${f.date(p.validUntil)}, a następnie zniknie ` +
            `z katalogu. Prosimy przedłużyć jej ważność, aby nadal otrzymywać pasujące zamówienia.`,
        }
      : {
          title: `Oferta wygasa dziś: ${p.offerTitle}`,
          body:
            `Państwa oferta „${p.offerTitle}” jest ważna tylko do dziś (${f.date(p.validUntil)}), a następnie ` +
            `zniknie z katalogu. Prosimy przedłużyć jej ważność, aby nadal otrzymywać pasujące zamówienia.`,
        },

  'firm.verified': (p) => ({
    title: `Członkostwo potwierdzone: ${p.clusterName}`,
    body:
      `Koordynatorzy klastra (${p.clusterName}) potwierdzili członkostwo firmy ${p.firmName} w klastrze. ` +
      `Firma może teraz uczestniczyć w zamówieniach kooperacyjnych klastra.`,
  }),

  'membership.requested': (p) => ({
    title: `Wniosek o członkostwo: ${p.firmName}`,
    body:
      `Firma ${p.firmName} (${countryName(p.country)}) prosi o potwierdzenie członkostwa w Państwa klastrze ` +
      `(${p.clusterName}). Prosimy sprawdzić dane firmy i zatwierdzić lub odrzucić wniosek.`,
  }),

  'webhook.disabled': (p, f) => ({
    title: `Webhook wyłączony`,
    body:
      `Kooperant przestał wysyłać webhooki firmy ${p.firmName} na adres ${p.url}, ponieważ ` +
      `${f.plural(p.failures, {
        one: '{n} kolejna dostawa nie powiodła się',
        few: '{n} kolejne dostawy nie powiodły się',
        many: '{n} kolejnych dostaw nie powiodło się',
        other: '{n} kolejnej dostawy nie powiodło się',
      })}. Prosimy sprawdzić dziennik dostaw, poprawić adres odbiorczy i włączyć go ponownie; ` +
      `nieudane dostawy można wysłać jeszcze raz z dziennika.`,
  }),

  'exchange.posted': (p) => ({
    title: `Forum koordynatorów: ${p.title}`,
    body:
      `Nowy wpis na forum koordynatorów: „${p.title}” (autor: ${p.authorName}, ${p.clusterName}). ` +
      `Prosimy otworzyć wpis, aby go przeczytać i skomentować.`,
  }),

  'exchange.commented': (p) => ({
    title: `Nowy komentarz do wpisu „${p.postTitle}”`,
    body: `${p.authorName} pisze: „${excerpt(p.preview)}”.`,
  }),

  'order.forwarded': (p, f) => ({
    title: `Polecane zamówienie: ${p.orderTitle}`,
    body:
      `Koordynatorzy klastra ${p.fromCluster} polecają Państwa firmie zamówienie firmy ${p.buyerName}: „${p.orderTitle}”. ` +
      `Ofertę można złożyć do ${f.dateTime(p.quoteDeadline)}.` +
      (p.note.trim() ? ` Uwaga koordynatorów: „${excerpt(p.note)}”.` : ''),
  }),

  'offer.forwarded': (p) => ({
    title: `Polecana oferta: ${p.offerTitle}`,
    body:
      `Koordynatorzy klastra ${p.fromCluster} polecają Państwa firmie ofertę firmy ${p.supplierName}: „${p.offerTitle}”.` +
      (p.note.trim() ? ` Uwaga koordynatorów: „${excerpt(p.note)}”.` : ''),
  }),
};
