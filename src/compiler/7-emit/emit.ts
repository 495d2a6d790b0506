/**
 * Stage 7, emit. Takes: the validated rule sets and change set (stage 6). Returns: every output's
 * text by its path relative to the project root; writing them (atomically, write.ts) or comparing
 * them (drift) is the caller's business.
 */
import { IN_FORCE_PATH } from '../../shared/in-force.js';
import type { RuleSet } from '../../shared/model.js';
import { sourceMapJson, sourceMapPath } from '../../shared/source-map.js';
import { CHANGE_SET_PATH, changeSetJson, committedChangeSet, type ChangeSet } from '../5-link/change-set/diff.js';
import type { InForceOutput } from '../5-link/in-force.js';
import { generateRegistrationSchema } from './registration-schema.js';
import { generateIndex, tablesPiece } from './tables.js';
import { ChunkMemo, composed, nestedJson, type Piece } from './chunks.js';
import type { CommittedOutputs } from '../6-validate/validate.js';

/** Output paths, relative to the project root. */
export const OUTPUT_PATHS = {
  inForce: IN_FORCE_PATH,
  inForceMap: sourceMapPath(IN_FORCE_PATH),
  types: 'generated/types.ts',
  tables: 'generated/tables.ts',
  index: 'generated/index.ts',
  registrationSchema: 'generated/registration-schema.ts',
  changeSet: CHANGE_SET_PATH,
  changeSetMap: sourceMapPath(CHANGE_SET_PATH),
} as const;

export function ruleSetJson(ruleSet: RuleSet): string {
  return `${JSON.stringify({ $schema: './schema/rule-set.schema.json', ...ruleSet }, null, 2)}\n`;
}

/**
 * rules/in-force.json: the rules over time, each entry once per value with its interval, no
 * positions. Each entry's text is kept with the entry object (chunks.ts), so an unchanged entry is
 * not rendered again; the whole reads as `JSON.stringify({ $schema, ...file }, null, 2)`.
 */
export function inForceJson(inForce: Pick<InForceOutput, 'file'>, chunks: ChunkMemo = new ChunkMemo()): string {
  return inForcePiece(inForce, chunks).text;
}

/** rules/in-force.json as a piece: its head, then the entries' array (one part per entry). */
export function inForcePiece(inForce: Pick<InForceOutput, 'file'>, chunks: ChunkMemo = new ChunkMemo()): Piece {
  const { file } = inForce;
  const keys = Object.keys(file);
  if (keys.at(-1) !== 'entries' || file.entries.length === 0) {
    return { text: `${JSON.stringify({ $schema: IN_FORCE_SCHEMA, ...file }, null, 2)}\n` };
  }
  const { entries, ...head } = file;
  const top = JSON.stringify({ $schema: IN_FORCE_SCHEMA, ...head }, null, 2);
  const items = entries.map((entry) => inForceEntryJson(entry, chunks));
  return composed([`${top.slice(0, -2)},\n  "entries": `, chunks.array('in-force.json', items, 1), '\n}\n']);
}

const IN_FORCE_SCHEMA = './schema/in-force.schema.json';

/** One entry of rules/in-force.json as the file writes it (indented for its place in `entries`), kept with the entry. */
export function inForceEntryJson(entry: object, chunks: ChunkMemo): Piece {
  return chunks.item(entry, 'in-force', () => nestedJson(entry, 2, false));
}

/** Every output as a piece: the chunked ones (the interval file, the tables) with their parts, the others whole. */
export async function emitOutputPieces(
  inForce: InForceOutput,
  changeSet: ChangeSet,
  generateTypes: () => Promise<string>,
  chunks: ChunkMemo = new ChunkMemo(),
  committed: CommittedOutputs = { json: changeSetJson(changeSet), map: committedChangeSet(changeSet, CHANGE_SET_PATH).map },
): Promise<Map<string, Piece>> {
  const whole = (text: string): Piece => ({ text });
  const outputs = new Map<string, Piece>();
  outputs.set(OUTPUT_PATHS.inForce, inForcePiece(inForce, chunks));
  outputs.set(OUTPUT_PATHS.inForceMap, whole(chunks.like(OUTPUT_PATHS.inForceMap, inForce.map, () => sourceMapJson(inForce.map))));
  outputs.set(OUTPUT_PATHS.types, whole(await generateTypes()));
  outputs.set(OUTPUT_PATHS.tables, tablesPiece(inForce.ruleSets, inForce.intervals, chunks));
  outputs.set(OUTPUT_PATHS.index, whole(generateIndex()));
  outputs.set(OUTPUT_PATHS.registrationSchema, whole(generateRegistrationSchema()));
  outputs.set(OUTPUT_PATHS.changeSet, committed.piece ?? whole(committed.json));
  outputs.set(OUTPUT_PATHS.changeSetMap, whole(chunks.like(OUTPUT_PATHS.changeSetMap, committed.map, () => sourceMapJson(committed.map))));
  return outputs;
}

/** The outputs' texts, by path. */
export function outputTexts(pieces: ReadonlyMap<string, Piece>): Map<string, string> {
  return new Map([...pieces].map(([relative, piece]) => [relative, piece.text]));
}
