/**
 * What a later step (a feature such as lint) keeps between compilations in one long-lived compile
 * context, without the compiler knowing its type: one instance per kind, made on first use. The
 * compile context holds one; a one-shot run makes it and drops it.
 */
export class StepMemos {
  private readonly kept = new Map<abstract new () => unknown, unknown>();

  /** The instance of `kind` kept in this context, made with `new kind()` the first time. */
  of<T>(kind: new () => T): T {
    let memo = this.kept.get(kind) as T | undefined;
    if (memo === undefined) {
      memo = new kind();
      this.kept.set(kind, memo);
    }
    return memo;
  }
}
