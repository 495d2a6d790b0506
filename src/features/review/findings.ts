/** A finding beside the text: its severity, rule, place and reason, with `quoted` text shown as code (never literal backticks). */
import type { Element, ElementContent } from 'hast';
import type { VFileMessage } from 'vfile-message';
import { severityOf } from '../../shared/diagnostics.js';
import { el, text } from './hast.js';

export function findingAside(message: VFileMessage, target: string | undefined): Element {
  const severity = severityOf(message);
  const place = `${message.file}${message.line === undefined ? '' : `:${message.line}:${message.column ?? 1}`}`;
  return el('aside', { className: ['finding', severity] }, [
    el('span', { className: ['finding-head'] }, [text(`${severity}${message.ruleId ? ` · ${message.ruleId}` : ''}`)]),
    target
      ? el('a', { href: `#${target}`, className: ['finding-place'] }, [text(place)])
      : el('span', { className: ['finding-place'] }, [text(place)]),
    el('span', { className: ['finding-reason'] }, codeSpans(message.reason)),
  ]);
}

/** `a \`b\` c` → a, <code>b</code>, c; an unpaired backtick stays as it is. */
export function codeSpans(value: string): ElementContent[] {
  const out: ElementContent[] = [];
  const pattern = /`([^`\n]+)`/g;
  let last = 0;
  for (const match of value.matchAll(pattern)) {
    const start = match.index;
    if (start > last) out.push(text(value.slice(last, start)));
    out.push(el('code', {}, [text(match[1] ?? '')]));
    last = start + match[0].length;
  }
  if (last < value.length) out.push(text(value.slice(last)));
  return out;
}
