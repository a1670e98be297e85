import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface LoopbackSmtp {
  port: number;
  /** Every message whose data the server has read, in order (a held one included; empty with `parse: false`). */
  received: ParsedMail[];
  /** How many messages were read. */
  count(): number;
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

/**
 * A real SMTP server on loopback that keeps what it receives (no mock transport), on `port` or a free one.
 * `parse: false` only counts the messages (a benchmark's receiver). Closing does not wait long for clients to hang
 * up: a worker's pooled SMTP connection stays open.
 */
export async function loopbackSmtp(port = 0, opts: { parse?: boolean } = {}): Promise<LoopbackSmtp> {
  const received: ParsedMail[] = [];
  let accepted = 0;
  let holdFrom = Infinity;
  let waiting: { mail: ParsedMail; answer: () => void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 500,
    onData(stream, _session, done) {
      if (opts.parse === false) {
        stream.on('end', () => (accepted++, done())).resume();
        return;
      }
      simpleParser(stream).then((mail) => {
        accepted++;
        received.push(mail);
        if (received.length > holdFrom) waiting.push({ mail, answer: () => done() });
        else done();
      }, done);
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    count: () => accepted,
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
