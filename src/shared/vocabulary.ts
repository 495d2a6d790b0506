/**
 * The project's one vocabulary: the two views of a redlined text, the SMETS generations, the
 * request modes and their drafting labels, the Target Response Time column header syntax and the
 * `file:line:column` form of a source. Every stage, feature and the gateway say these words from
 * here, so a new view, generation or mode is one edit. Types only from generated/ (no runtime
 * dependency), so the gateway may import it.
 */
import type { RequestMode, SmetsGeneration, Source, View } from '../../generated/types.js';

export type { View };
export type Mode = RequestMode;
export type Smets = SmetsGeneration;

/** The projections of a redlined text: before the modification, and after it. */
export const VIEWS: readonly View[] = ['baseline', 'modified'];

/** SMETS generations, in the order the rules list them (SMETS2 first). */
export const SMETS_GENERATIONS: readonly Smets[] = [2, 1];

/** Request modes, in the order the rules list them. */
export const MODES: readonly Mode[] = ['scheduled', 'on-demand'];

/** How the SEC writes each mode in Target Response Time column headers and in prose. */
export const MODE_LABELS: { readonly [M in Mode]: string } = { scheduled: 'Scheduled', 'on-demand': 'On-Demand' };

export function modeLabel(mode: Mode): string {
  return MODE_LABELS[mode];
}

export function isMode(value: string): value is Mode {
  return (MODES as readonly string[]).includes(value);
}

/** The sender of a Target Response Time column that applies to every eligible User Role. */
export const ELIGIBLE_USER_ROLES = 'Eligible User Roles';

/** A Target Response Time column: `<sender> / SMETS<generation> / <mode label>`. */
export interface TrtHeader {
  sender: string;
  smets: Smets;
  mode: Mode;
}

const HEADER_SEPARATOR = ' / ';
const SMETS_PREFIX = 'SMETS';

/** The header syntax in drafting words, for diagnostics. */
export const TRT_HEADER_SYNTAX = `<User Role or ${ELIGIBLE_USER_ROLES}> / ${SMETS_PREFIX}<${[...SMETS_GENERATIONS].sort().join(' or ')}> / <${MODES.map(modeLabel).join(' or ')}>`;

const TRT_HEADER = new RegExp(
  `^(.+?)${HEADER_SEPARATOR}${SMETS_PREFIX}(${SMETS_GENERATIONS.join('|')})${HEADER_SEPARATOR}(${MODES.map(modeLabel).join('|')})$`,
);

export function trtHeader(header: TrtHeader): string {
  return [header.sender, `${SMETS_PREFIX}${header.smets}`, modeLabel(header.mode)].join(HEADER_SEPARATOR);
}

/** Reads a Target Response Time column header; undefined when it does not follow the syntax. */
export function parseTrtHeader(text: string): TrtHeader | undefined {
  const match = TRT_HEADER.exec(text);
  if (!match) return undefined;
  const [, sender = '', smets = '', label = ''] = match;
  const mode = MODES.find((candidate) => modeLabel(candidate) === label);
  return mode === undefined ? undefined : { sender, smets: Number(smets) as Smets, mode };
}

/** Whether a header names a Target Response Time column at all (well formed or not). */
export function looksLikeTrtHeader(text: string): boolean {
  return text.includes(`/ ${SMETS_PREFIX}`);
}

/** A source as `file:line:column`, the form every report and the generated tables use. */
export function where(source: Pick<Source, 'file' | 'line' | 'column'>): string {
  return `${source.file}:${source.line}:${source.column}`;
}
