import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A loopback port free now, from the OS (not a random number: random ports in the ephemeral range collide with
 * outgoing connections' local ports now and then). Another process could take it before it is used; none of ours do.
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}
