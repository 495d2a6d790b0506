/**
 * Output hygiene: legal text can hold control characters, terminal escape sequences (ESC [ …)
 * and bidirectional overrides. Printed raw they would move the cursor, clear the screen, or make
 * a diagnostic read differently from what the file says. Text output shows them as `\uXXXX`
 * (which is also what they mean inside a JSON string), so nothing is hidden and nothing acts.
 */

/**
 * C0 controls other than tab and line feed, DEL, C1 controls (0x9B is a one-byte CSI on some
 * terminals), the bidi embedding/override/isolate marks and the line/paragraph separators.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- as above, plus tab and line feed
const UNSAFE_IN_A_LINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeOne(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** For multi-line text output: keeps line feeds and tabs, escapes every other control. */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}

/** For one-line fields (a diagnostic's message, a path): line breaks are escaped too. */
export function escapeLine(text: string): string {
  return text.replace(UNSAFE_IN_A_LINE, escapeOne);
}

/** A stream that escapes what is written to it (stderr, and stdout for text formats). */
export function escapingStream(stream: { write(text: string): unknown }): { write(text: string): unknown } {
  return { write: (text: string) => stream.write(escapeControls(text)) };
}
