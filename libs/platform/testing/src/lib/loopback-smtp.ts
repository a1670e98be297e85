import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface LoopbackSmtp {
  port: number;
  /** Every message whose data the server has read, in order (a held one included). */
  received: ParsedMail[];
  /**
   * From now on, keep every message after the first `after` received so far without answering it: the server has the
   * message but the sender waits for its reply. For a test of what a sender that dies at that moment does.
   */
  holdAfter(after: number): void;
  /** Messages read but not answered yet. */
  held(): ParsedMail[];
  /** Answers the held messages and stops holding. */
  release(): void;
  close(): Promise<void>;
}

/** A real SMTP server on loopback that keeps what it receives (no mock transport). */
export async function loopbackSmtp(): Promise<LoopbackSmtp> {
  const received: ParsedMail[] = [];
  let holdFrom = Infinity;
  let waiting: { mail: ParsedMail; answer: () => void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 1_000,
    onData(stream, _session, done) {
      simpleParser(stream).then((mail) => {
        received.push(mail);
        if (received.length > holdFrom) waiting.push({ mail, answer: () => done() });
        else done();
      }, done);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    holdAfter: (after) => (holdFrom = after),
    held: () => waiting.map((w) => w.mail),
    release() {
      holdFrom = Infinity;
      const answers = waiting;
      waiting = [];
      for (const w of answers) w.answer();
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The environment of a test app that mails through the loopback server. */
export const smtpEnv = (smtp: LoopbackSmtp): Record<string, string> => ({
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: String(smtp.port),
  MAIL_FROM: 'Kooperant <powiadomienia@kooperant.test>',
  PUBLIC_URL: 'https://kooperant.test',
});
