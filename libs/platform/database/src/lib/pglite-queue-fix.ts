/**
 * pglite-socket (0.2.x) runs the protocol messages of all connections through one queue, keeping to one connection
 * only while PGlite is inside a transaction. Outside one, the Parse/Bind/Execute/Sync messages of one extended-protocol
 * query can interleave with another connection's ("bind message supplies 1 parameters, but prepared statement ""
 * requires 13"), and a failed message left the queue stopped for good. This replaces the queue's scheduler on the
 * server instance: a connection also keeps its turn from its first extended-protocol message to its Sync, and a failure
 * goes back to its connection without stopping the others. Checked against the shape of 0.2.17; anything else fails
 * loudly at start rather than running unpatched.
 */

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  resolve(bytes: number): void;
  reject(e: unknown): void;
  onData(d: Uint8Array): void;
}

interface QueryQueue {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: {
    isInTransaction(): boolean;
    runExclusive<T>(fn: () => Promise<T>): Promise<T>;
    execProtocolRawStream(m: Uint8Array, o: { onRawData(d: Uint8Array): void }): Promise<unknown>;
  };
  processQueue(): Promise<void>;
  clearQueueForHandler(id: number): void;
}

const code = (c: string) => c.charCodeAt(0);
/** Parse, Bind, Describe, Execute, Close, Flush: a sequence that lasts until Sync. */
const EXTENDED = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map(code));
const ENDS = new Set(['S', 'Q', 'X'].map(code));

export function fixPgliteSocketQueue(server: unknown): void {
  const q = (server as { queryQueue?: QueryQueue }).queryQueue;
  if (!q || !Array.isArray(q.queue) || typeof q.processQueue !== 'function' || !q.db?.execProtocolRawStream) {
    throw new Error('pglite-socket changed shape: review libs/platform/database/src/lib/pglite-queue-fix.ts');
  }
  const midSequence = new Set<number>();
  q.processQueue = async function processQueue(this: QueryQueue) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const last = this.lastHandlerId;
        const sticky = last !== null && (midSequence.has(last) || this.db.isInTransaction());
        let item: QueuedMessage | undefined;
        if (sticky) {
          const i = this.queue.findIndex((m) => m.handlerId === last);
          if (i === -1) break; // its next message has not arrived yet: enqueue() starts us again
          item = this.queue.splice(i, 1)[0];
        } else item = this.queue.shift();
        if (!item) break;
        const type = item.message[0];
        let bytes = 0;
        const current = item;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(current.message, {
              onRawData: (d) => {
                bytes += d.length;
                current.onData(d);
              },
            }),
          );
          current.resolve(bytes);
        } catch (e) {
          midSequence.delete(current.handlerId);
          current.reject(e);
        }
        this.lastHandlerId = current.handlerId;
        if (EXTENDED.has(type)) midSequence.add(current.handlerId);
        else if (ENDS.has(type)) midSequence.delete(current.handlerId);
      }
    } finally {
      this.processing = false;
    }
  };
  const clear = q.clearQueueForHandler.bind(q);
  q.clearQueueForHandler = (id: number) => {
    clear(id);
    midSequence.delete(id);
    if (q.lastHandlerId === id && !q.db.isInTransaction()) q.lastHandlerId = null;
    void q.processQueue();
  };
}
