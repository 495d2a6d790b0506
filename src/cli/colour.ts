/**
 * Whether text output is coloured: `FORCE_COLOR` (any value but `0`/`false`) forces it,
 * `NO_COLOR` (any non-empty value, https://no-color.org) turns it off, otherwise only on a
 * terminal. Decided once, in cli.ts, from the environment the entry point passes in.
 */
export function wantsColour(env: Readonly<Record<string, string | undefined>> | undefined, stream: unknown): boolean {
  const force = env?.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env?.NO_COLOR) return false;
  return typeof stream === 'object' && stream !== null && (stream as { isTTY?: unknown }).isTTY === true;
}
