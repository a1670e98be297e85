import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface LoopbackSmtp {
  port: number;
  /** Every message received, parsed, in the order they arrived (empty when started with `parse: false`). */
  received: ParsedMail[];
  /** How many messages were accepted. */
  count(): number;
  close(): Promise<void>;
}

/**
 * A real SMTP server on loopback that keeps what it receives (no mock transport), on `port` or a free one.
 * `parse: false` only counts the messages (a benchmark's receiver). Closing does not wait for clients to hang up:
 * a worker's pooled SMTP connection stays open.
 */
export async function loopbackSmtp(port = 0, opts: { parse?: boolean } = {}): Promise<LoopbackSmtp> {
  const received: ParsedMail[] = [];
  let accepted = 0;
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
      simpleParser(stream)
        .then((m) => (accepted++, received.push(m)))
        .then(() => done(), done);
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    count: () => accepted,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
