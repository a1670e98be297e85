import type { Locale } from '@kooperant/platform-i18n';
import type { NotificationKind } from '../kinds';
import type { Formatter } from '../templates/formatter';

/** The words of the daily digest e-mail in one language. A missing kind is a compile error. */
export interface DigestTexts {
  /** The subject, with the number of notifications in the language's plural form. */
  subject(n: number, f: Formatter): string;
  /** The first line: the digest's day (`dueAt`, ISO), as the user's calendar shows it. */
  heading(dueAt: string, f: Formatter): string;
  intro: string;
  /** One heading per kind of notification, over the notifications of that kind. */
  kinds: Record<NotificationKind, string>;
  stopDigest: string;
  settings: string;
}

const EN: DigestTexts = {
  subject: (n, f) =>
    `Kooperant daily digest: ${f.plural(n, { one: '{n} new notification', other: '{n} new notifications' })}`,
  heading: (dueAt, f) => `Your daily digest, ${f.date(dueAt)}`,
  intro: 'What came in Kooperant since your last digest and you have not read yet:',
  kinds: {
    'opportunity.new': 'New opportunities',
    'invitation.received': 'Invitations to quote',
    'introduction.requested': 'Introductions awaiting your approval',
    'introduction.approved': 'Introductions approved',
    'opportunity.handed-over': 'Opportunities handed over to your cluster',
    'quote.received': 'New quotes',
    'quote.revised': 'Revised quotes',
    'quote.withdrawn': 'Withdrawn quotes',
    'award.won': 'Work awarded to you',
    'award.lost': 'Other quotes chosen',
    'package.handed-over': 'Work packages handed over',
    'order.cancelled': 'Cancelled orders',
    'order.completed': 'Completed orders',
    'message.new': 'Messages',
    'offer.expiring': 'Offers about to expire',
    'firm.verified': 'Memberships verified',
    'membership.requested': 'Membership requests',
    'webhook.disabled': 'Webhook endpoints disabled',
    'exchange.posted': "Posts in the coordinators' exchange",
    'exchange.commented': "Comments in the coordinators' exchange",
    'order.forwarded': 'Orders recommended by the partner cluster',
    'offer.forwarded': 'Offers recommended by the partner cluster',
  },
  stopDigest: 'Stop the daily digest',
  settings:
    'In your notification settings in Kooperant you choose the hour of the digest and, for each kind, ' +
    'whether it comes by e-mail at once, in the digest or not at all.',
};

/** Polish, addressed formally (Państwo), with the terms of the notification texts. */
const PL: DigestTexts = {
  subject: (n, f) =>
    `Podsumowanie dnia w Kooperant: ${f.plural(n, {
      one: '{n} nowe powiadomienie',
      few: '{n} nowe powiadomienia',
      many: '{n} nowych powiadomień',
      other: '{n} nowego powiadomienia',
    })}`,
  heading: (dueAt, f) => `Podsumowanie dnia – ${f.date(dueAt)}`,
  intro: 'Powiadomienia z Kooperant od ostatniego podsumowania, których jeszcze Państwo nie przeczytali:',
  kinds: {
    'opportunity.new': 'Nowe możliwości współpracy',
    'invitation.received': 'Zaproszenia do złożenia wyceny',
    'introduction.requested': 'Prośby o zgodę na zaproszenie firmy',
    'introduction.approved': 'Udzielone zgody na zaproszenie',
    'opportunity.handed-over': 'Przekazane możliwości współpracy',
    'quote.received': 'Nowe wyceny',
    'quote.revised': 'Zaktualizowane wyceny',
    'quote.withdrawn': 'Wycofane wyceny',
    'award.won': 'Wybrane wyceny Państwa firmy',
    'award.lost': 'Wybrane inne wyceny',
    'package.handed-over': 'Przekazane pakiety prac',
    'order.cancelled': 'Anulowane zamówienia',
    'order.completed': 'Zrealizowane zamówienia',
    'message.new': 'Wiadomości',
    'offer.expiring': 'Wygasające oferty',
    'firm.verified': 'Potwierdzone członkostwa',
    'membership.requested': 'Wnioski o członkostwo',
    'webhook.disabled': 'Wyłączone webhooki',
    'exchange.posted': 'Wpisy na forum koordynatorów',
    'exchange.commented': 'Komentarze na forum koordynatorów',
    'order.forwarded': 'Zamówienia polecane przez klaster partnerski',
    'offer.forwarded': 'Oferty polecane przez klaster partnerski',
  },
  stopDigest: 'Nie wysyłaj mi codziennego podsumowania',
  settings:
    'W ustawieniach powiadomień w Kooperant mogą Państwo wybrać godzinę podsumowania oraz dla każdego rodzaju ' +
    'powiadomień, czy wysyłać je e-mailem od razu, w podsumowaniu, czy wcale.',
};

/** Lithuanian, addressed formally (Jūs), with the terms of the notification texts. */
const LT: DigestTexts = {
  subject: (n, f) =>
    `Kooperant dienos suvestinė: ${f.plural(n, {
      one: '{n} naujas pranešimas',
      few: '{n} nauji pranešimai',
      many: '{n} naujo pranešimo',
      other: '{n} naujų pranešimų',
    })}`,
  heading: (dueAt, f) => `Dienos suvestinė – ${f.date(dueAt)}`,
  intro: 'Kooperant pranešimai nuo paskutinės suvestinės, kurių dar neperskaitėte:',
  kinds: {
    'opportunity.new': 'Naujos bendradarbiavimo galimybės',
    'invitation.received': 'Kvietimai pateikti kainos pasiūlymą',
    'introduction.requested': 'Kvietimai, laukiantys Jūsų pritarimo',
    'introduction.approved': 'Kvietimai, kuriems pritarta',
    'opportunity.handed-over': 'Perduotos bendradarbiavimo galimybės',
    'quote.received': 'Nauji kainos pasiūlymai',
    'quote.revised': 'Atnaujinti kainos pasiūlymai',
    'quote.withdrawn': 'Atsiimti kainos pasiūlymai',
    'award.won': 'Išrinkti Jūsų kainos pasiūlymai',
    'award.lost': 'Išrinkti kiti kainos pasiūlymai',
    'package.handed-over': 'Perduoti darbo paketai',
    'order.cancelled': 'Atšaukti užsakymai',
    'order.completed': 'Įvykdyti užsakymai',
    'message.new': 'Žinutės',
    'offer.expiring': 'Baigiantys galioti pasiūlymai',
    'firm.verified': 'Patvirtintos narystės',
    'membership.requested': 'Prašymai dėl narystės',
    'webhook.disabled': 'Išjungti webhook adresai',
    'exchange.posted': 'Įrašai koordinatorių forume',
    'exchange.commented': 'Komentarai koordinatorių forume',
    'order.forwarded': 'Partnerių klasterio rekomenduojami užsakymai',
    'offer.forwarded': 'Partnerių klasterio rekomenduojami pasiūlymai',
  },
  stopDigest: 'Daugiau nesiųsti dienos suvestinės',
  settings:
    'Kooperant pranešimų nustatymuose galite pasirinkti suvestinės valandą ir kiekvienai pranešimų rūšiai, ' +
    'ar siųsti ją el. paštu iš karto, suvestinėje, ar visai nesiųsti.',
};

export const DIGEST_TEXTS: Record<Locale, DigestTexts> = { en: EN, pl: PL, lt: LT };
