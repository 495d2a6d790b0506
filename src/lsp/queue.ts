/**
 * One analysis at a time, the latest text always analysed: a request while an analysis runs marks
 * the workspace dirty, and one more analysis follows when the running one ends (edits typed in
 * the meantime are coalesced into it, never queued one by one).
 */
export class AnalysisQueue<T> {
  private running: Promise<T | undefined> | undefined;
  private dirty = false;
  private last: T | undefined;

  constructor(
    private readonly analyse: () => Promise<T | undefined>,
    private readonly done: (result: T) => void,
    private readonly failed: (error: unknown) => void,
  ) {}

  /** Asks for an analysis of the workspace as it is now. */
  request(): void {
    if (this.running) {
      this.dirty = true;
      return;
    }
    this.running = this.loop();
  }

  /** The latest analysis once no analysis is running or asked for. */
  async settled(): Promise<T | undefined> {
    while (this.running) await this.running;
    return this.last;
  }

  private async loop(): Promise<T | undefined> {
    try {
      do {
        this.dirty = false;
        // Let the events already queued (a burst of keystrokes) arrive before reading the buffers.
        await new Promise((resolve) => setImmediate(resolve));
        try {
          const result = await this.analyse();
          if (result !== undefined) {
            this.last = result;
            this.done(result);
          }
        } catch (error) {
          this.failed(error);
        }
      } while (this.dirty);
      return this.last;
    } finally {
      this.running = undefined;
    }
  }
}
