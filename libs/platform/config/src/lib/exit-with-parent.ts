/**
 * For a process started by the launcher (`npm start`) with an IPC channel: when the launcher goes, however it goes
 * (even killed), close the application and exit, rather than run on without it (in embedded mode the database lives
 * in the launcher, and a worker without it would retry for ever). Does nothing for a process started otherwise.
 */
export function exitWithParent(close: () => Promise<unknown>): void {
  if (!process.connected) return;
  process.once('disconnect', () => {
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    void close()
      .catch(() => undefined)
      .finally(() => process.exit(0));
  });
}
