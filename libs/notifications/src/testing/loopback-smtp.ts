import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface LoopbackSmtp {
  port: number;
  /** What it received, parsed, in order. */
  received: ParsedMail[];
  close(): Promise<void>;
}

/** A real SMTP server on loopback that keeps what it receives (no mock transport). For tests. */
export async function loopbackSmtp(): Promise<LoopbackSmtp> {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, done) {
      simpleParser(stream)
        .then((m) => received.push(m))
        .then(() => done(), done);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, close: () => new Promise((r) => server.close(() => r())) };
}

/** The environment of a test app that mails through the loopback server. */
export const smtpEnv = (smtp: LoopbackSmtp): Record<string, string> => ({
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: String(smtp.port),
  MAIL_FROM: 'Kooperant <powiadomienia@kooperant.test>',
  PUBLIC_URL: 'https://kooperant.test',
});
