import type { Locale } from '@kooperant/platform-i18n';

/** The end of every notification e-mail, in the recipient's language: why it came, and how to stop this kind. */
export const EMAIL_FOOTER: Record<Locale, { why: string; stop: string }> = {
  en: {
    why: 'You receive this e-mail because you use Kooperant, the cooperation platform of the metal clusters of Białystok and Alytus.',
    stop: 'Stop e-mails of this kind',
  },
  pl: {
    why: 'Otrzymują Państwo tę wiadomość jako użytkownik Kooperant, platformy współpracy klastrów metalowych z Białegostoku i Alytusa.',
    stop: 'Nie wysyłaj mi więcej takich wiadomości',
  },
  lt: {
    why: 'Šį laišką gavote, nes naudojatės Kooperant – Balstogės ir Alytaus metalo klasterių bendradarbiavimo platforma.',
    stop: 'Daugiau nesiųsti tokių laiškų',
  },
};

/** Where an unsubscribe link leads: the page that confirms it, in the recipient's language. */
export const UNSUBSCRIBED: Record<Locale, string> = {
  en: 'Done: you will receive no more e-mails of this kind. You still see these notifications in Kooperant.',
  pl: 'Gotowe: nie będą już Państwo otrzymywać takich wiadomości e-mail. Powiadomienia nadal widać w Kooperant.',
  lt: 'Atlikta: tokių laiškų daugiau negausite. Pranešimai ir toliau matomi Kooperant.',
};

/** Where the unsubscribe link of the daily digest leads. */
export const UNSUBSCRIBED_DIGEST: Record<Locale, string> = {
  en: 'Done: you will receive no daily digest any more. You still see these notifications in Kooperant.',
  pl: 'Gotowe: nie będą już Państwo otrzymywać codziennego podsumowania. Powiadomienia nadal widać w Kooperant.',
  lt: 'Atlikta: dienos suvestinės daugiau negausite. Pranešimai ir toliau matomi Kooperant.',
};
