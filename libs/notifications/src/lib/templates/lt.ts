import type { Formatter } from './formatter';
import type { Templates } from './template';
import { asSentence, countryNamer, quotedSentence } from './text';

const countryName = countryNamer('lt');

const quoted = (text: string): string => quotedSentence(text, '„', '“');

/** Nominative (after a colon or `iš viso`): 1 darbo paketas, 2 darbo paketai, 10 darbo paketų, 1,5 darbo paketo. */
const packages = (n: number, f: Formatter): string =>
  f.plural(n, {
    one: '{n} darbo paketas',
    few: '{n} darbo paketai',
    many: '{n} darbo paketo',
    other: '{n} darbo paketų',
  });

/** Nominative after `liko` (are left): 1 diena, 2 dienos, 10 dienų, 21 diena, 1,5 dienos. */
const days = (n: number, f: Formatter): string =>
  f.plural(n, { one: '{n} diena', few: '{n} dienos', many: '{n} dienos', other: '{n} dienų' });

/**
 * Lithuanian texts, addressed formally (Jūs, Jūsų). Names stay in the nominative: they follow a declined noun
 * („įmonė X“, „užsakovas (X)“) or a colon, and the users' own titles are quoted.
 * Terms: quote = kainos pasiūlymas, offer (catalogue) = pasiūlymas, order = užsakymas,
 * work package = darbo paketas.
 */
export const LT: Templates = {
  'opportunity.new': (p, f) => ({
    title: `Nauja bendradarbiavimo galimybė: ${p.packageTitle}`,
    body:
      `Užsakymo „${p.orderTitle}“ darbo paketas „${p.packageTitle}“ (užsakovas – ${p.buyerName}, ` +
      `atlikimo terminas – ${f.date(p.dueDate)}) atitinka vieną iš Jūsų įmonės (${p.firmName}) pasiūlymų. ` +
      (p.otherPackages > 0
        ? `Jūsų pasiūlymai taip pat atitinka dar ${f.plural(p.otherPackages, {
            one: '{n} šio užsakymo darbo paketą',
            few: '{n} šio užsakymo darbo paketus',
            many: '{n} šio užsakymo darbo paketo',
            other: '{n} šio užsakymo darbo paketų',
          })}. `
        : '') +
      `Atidarykite užsakymą ir susipažinkite su išsamia informacija.`,
  }),

  'invitation.received': (p, f) => ({
    title: `Kvietimas pateikti kainos pasiūlymą: ${p.packageTitle}`,
    body:
      `Jūsų įmonė (${p.firmName}) kviečiama pateikti kainos pasiūlymą užsakymo „${p.orderTitle}“ darbo paketui ` +
      `„${p.packageTitle}“ (užsakovas – ${p.buyerName}). Atidarykite užsakymą ir pateikite kainos pasiūlymą ` +
      `iki ${f.dateTime(p.quoteDeadline)}.`,
  }),

  'introduction.requested': (p) => ({
    title: `Laukiama Jūsų pritarimo kvietimui: ${p.firmName}`,
    body:
      `Kito klasterio koordinatoriai (${p.requestedByCluster}) prašo pritarti, kad įmonė ${p.firmName} būtų ` +
      `pakviesta pateikti kainos pasiūlymą užsakymo „${p.orderTitle}“ darbo paketui „${p.packageTitle}“. ` +
      `Peržiūrėkite informaciją ir pritarkite kvietimui.`,
  }),

  'introduction.approved': (p) => ({
    title: `Kvietimui pritarta: ${p.packageTitle}`,
    body:
      `Kvietimui pritarė klasterio (${p.approvedByCluster}) koordinatoriai, todėl įmonė ${p.firmName} kviečiama ` +
      `pateikti kainos pasiūlymą užsakymo „${p.orderTitle}“ darbo paketui „${p.packageTitle}“. ` +
      `Atidarykite užsakymą ir parenkite kainos pasiūlymą.`,
  }),

  'opportunity.handed-over': (p) => ({
    title: `Perduota bendradarbiavimo galimybė: ${p.packageTitle}`,
    body:
      `Partnerinis klasteris (${p.fromCluster}) perdavė Jūsų klasteriui įmonei ${p.firmName} tinkančią galimybę: ` +
      `užsakymo „${p.orderTitle}“ darbo paketą „${p.packageTitle}“. ` +
      `Įvertinkite galimybę ir, jei tinka, pakvieskite įmonę pateikti kainos pasiūlymą.`,
  }),

  'quote.received': (p, f) => ({
    title: `Naujas kainos pasiūlymas: ${p.supplierName}`,
    body:
      `Įmonė ${p.supplierName} pateikė kainos pasiūlymą užsakymui „${p.orderTitle}“: ${packages(p.packages, f)}, ` +
      `bendra suma – ${f.money(p.totalMinor, p.currency)}. ` +
      `Atidarykite užsakymą, palyginkite kainos pasiūlymus ir išrinkite vykdytoją.`,
  }),

  'quote.revised': (p) => ({
    title: `Atnaujintas kainos pasiūlymas: ${p.supplierName}`,
    body:
      `Įmonė ${p.supplierName} atnaujino kainos pasiūlymą užsakymui „${p.orderTitle}“ (versija Nr. ${p.version}). ` +
      `Prieš išrinkdami vykdytoją, peržiūrėkite pakeitimus.`,
  }),

  'quote.withdrawn': (p) => ({
    title: `Kainos pasiūlymas atsiimtas: ${p.supplierName}`,
    body:
      `Įmonė ${p.supplierName} atsiėmė kainos pasiūlymą užsakymui „${p.orderTitle}“. Kiti kainos pasiūlymai ` +
      `tebegalioja – atidarykite užsakymą, kad juos peržiūrėtumėte arba pakviestumėte kitą įmonę.`,
  }),

  'award.won': (p) => ({
    title: `Jūsų kainos pasiūlymas išrinktas: ${p.packageTitle}`,
    body:
      `Užsakovas (${p.buyerName}) išrinko įmonės ${p.firmName} kainos pasiūlymą užsakymo „${p.orderTitle}“ ` +
      `darbo paketui „${p.packageTitle}“. Atidarykite užsakymą, susipažinkite su išsamia informacija ir suplanuokite gamybą.`,
  }),

  'award.lost': (p) => ({
    title: `Išrinktas kitas kainos pasiūlymas: ${p.packageTitle}`,
    body:
      `Užsakovas užsakymo „${p.orderTitle}“ darbo paketui „${p.packageTitle}“ pasirinko kitos įmonės kainos ` +
      `pasiūlymą. Dėkojame, kad įmonė ${p.firmName} pateikė kainos pasiūlymą; apie naujus tinkamus ` +
      `užsakymus Jums pranešime.`,
  }),

  'package.handed-over': (p) => ({
    title: p.onTime
      ? `Darbo paketas perduotas laiku: ${p.packageTitle}`
      : `Darbo paketas perduotas pavėluotai: ${p.packageTitle}`,
    body:
      (p.onTime
        ? `Įmonė ${p.fromFirmName} laiku perdavė užsakymo „${p.orderTitle}“ darbo paketą „${p.packageTitle}“. `
        : `Įmonė ${p.fromFirmName} perdavė užsakymo „${p.orderTitle}“ darbo paketą „${p.packageTitle}“ ` +
          `pavėluotai, po sutarto termino. `) + `Patikrinkite pristatymą ir patvirtinkite priėmimą užsakyme.`,
  }),

  'order.cancelled': (p) => ({
    title: `Užsakymas atšauktas: ${p.orderTitle}`,
    body:
      `Užsakovas (${p.buyerName}) atšaukė užsakymą „${p.orderTitle}“.` +
      (p.reason.trim() ? ` Priežastis: ${asSentence(p.reason)}` : '') +
      ` Jums nereikia atlikti jokių tolesnių veiksmų.`,
  }),

  'order.completed': (p, f) => ({
    title: `Užsakymas įvykdytas: ${p.orderTitle}`,
    body:
      `Užsakovas (${p.buyerName}) priėmė visus užsakymo „${p.orderTitle}“ darbus – iš viso ` +
      `${packages(p.packages, f)}. Dėkojame už bendradarbiavimą.`,
  }),

  'message.new': (p) => ({
    title: `Nauja žinutė užsakyme „${p.orderTitle}“`,
    body: `${p.authorName} rašo: ${quoted(p.preview)} Norėdami atsakyti, atidarykite užsakymą.`,
  }),

  'offer.expiring': (p, f) =>
    p.daysLeft > 0
      ? {
          title: `Pasiūlymas baigia galioti, liko ${days(p.daysLeft, f)}: ${p.offerTitle}`,
          body:
            `Jūsų pasiūlymas „${p.offerTitle}“ galioja iki ${f.date(p.validUntil)}, vėliau jis nebebus rodomas ` +
            `kataloge. Pratęskite jo galiojimą, kad ir toliau gautumėte tinkamų užsakymų.`,
        }
      : {
          title: `Pasiūlymo galiojimas baigiasi šiandien: ${p.offerTitle}`,
          body:
            `Jūsų pasiūlymas „${p.offerTitle}“ galioja tik iki šiandien (${f.date(p.validUntil)}), vėliau jis ` +
            `nebebus rodomas kataloge. Pratęskite jo galiojimą, kad ir toliau gautumėte tinkamų užsakymų.`,
        },

  'firm.verified': (p) => ({
    title: `Narystė patvirtinta: ${p.clusterName}`,
    body:
      `Klasterio (${p.clusterName}) koordinatoriai patvirtino įmonės ${p.firmName} narystę klasteryje. ` +
      `Dabar įmonė gali dalyvauti klasterio koordinuojamuose kooperacijos užsakymuose.`,
  }),

  'membership.requested': (p) => ({
    title: `Prašymas dėl narystės: ${p.firmName}`,
    body:
      `Įmonė ${p.firmName} (${countryName(p.country)}) prašo patvirtinti jos narystę Jūsų klasteryje ` +
      `(${p.clusterName}). Patikrinkite įmonės duomenis ir patvirtinkite arba atmeskite prašymą.`,
  }),

  'webhook.disabled': (p, f) => ({
    title: `Webhook išjungtas`,
    body:
      `Kooperant nustojo siųsti įmonės ${p.firmName} webhook pranešimus adresu ${p.url}, nes ` +
      `${f.plural(p.failures, {
        one: '{n} pristatymas iš eilės nepavyko',
        few: '{n} pristatymai iš eilės nepavyko',
        many: '{n} pristatymo iš eilės nepavyko',
        other: '{n} pristatymų iš eilės nepavyko',
      })}. Patikrinkite pristatymų žurnalą, pataisykite gavimo adresą ir vėl jį įjunkite; ` +
      `nepavykusius pristatymus galima išsiųsti iš naujo iš žurnalo.`,
  }),

  'exchange.posted': (p) => ({
    title: `Koordinatorių forumas: ${p.title}`,
    body:
      `Koordinatorių forume paskelbtas naujas įrašas „${p.title}“ (autorius: ${p.authorName}, ${p.clusterName}). ` +
      `Atidarykite jį, kad perskaitytumėte ir pakomentuotumėte.`,
  }),

  'exchange.commented': (p) => ({
    title: `Naujas komentaras prie įrašo „${p.postTitle}“`,
    body: `${p.authorName} rašo: ${quoted(p.preview)}`,
  }),

  'order.forwarded': (p, f) => ({
    title: `Rekomenduojamas užsakymas: ${p.orderTitle}`,
    body:
      `Klasterio ${p.fromCluster} koordinatoriai rekomenduoja Jūsų įmonei įmonės ${p.buyerName} užsakymą „${p.orderTitle}“. ` +
      `Kainos pasiūlymą galima pateikti iki ${f.dateTime(p.quoteDeadline)}.` +
      (p.note.trim() ? ` Koordinatorių pastaba: ${quoted(p.note)}` : ''),
  }),

  'offer.forwarded': (p) => ({
    title: `Rekomenduojamas pasiūlymas: ${p.offerTitle}`,
    body:
      `Klasterio ${p.fromCluster} koordinatoriai rekomenduoja Jūsų įmonei įmonės ${p.supplierName} pasiūlymą „${p.offerTitle}“.` +
      (p.note.trim() ? ` Koordinatorių pastaba: ${quoted(p.note)}` : ''),
  }),
};
