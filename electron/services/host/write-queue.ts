// One write at a time. Handlers that await (writing a list file, an import streaming its package)
// must not see another request change the workspace underneath them: a file written and its audit
// entry lost, or a package checked against one workspace committed into another. Writes wait in
// this queue; reads go on meanwhile (better-sqlite3 transactions are synchronous, so a read never
// sees half a write).

export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  /** Runs fn after every write queued before it has settled (fulfilled or failed). */
  run<T>(fn: () => T | Promise<T>): Promise<T> {
    this.waiting++;
    const result = this.tail.then(fn);
    this.tail = result.then(
      () => this.waiting--,
      () => this.waiting--,
    );
    return result;
  }

  /** writes queued or running */
  get pending(): number {
    return this.waiting;
  }
}
