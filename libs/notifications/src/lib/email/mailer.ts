import nodemailer from 'nodemailer';
import type { KooperantConfig } from '@kooperant/platform-config';

/** Token of the SMTP transport (nodemailer), or null when no SMTP server is configured. */
export const MAILER = Symbol.for('kooperant.mailer');

export interface Mailer {
  send(message: {
    to: string;
    subject: string;
    text: string;
    html: string;
    headers: Record<string, string>;
    messageId: string;
  }): Promise<void>;
  close(): void;
}

/** Sends through the configured SMTP server (TLS from the start, or STARTTLS when offered; credentials if given). */
export function createMailer(config: KooperantConfig): Mailer | null {
  const smtp = config.mail.smtp;
  if (!smtp) return null;
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
    pool: true,
    maxConnections: 2,
  });
  return {
    async send(m) {
      await transport.sendMail({ from: config.mail.from, ...m });
    },
    close: () => transport.close(),
  };
}
