import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { applyFingerprintUpdates, planFingerprintUpdates } from '../features/fingerprint/record.js';
import { writeOutputsAtomically } from '../compiler/7-emit/write.js';
import { EXIT, type Command } from './context.js';
import { compileText, projectRoot } from './shared.js';
import { SCHEMA_LOCK_PATH, schemaLockJson } from '../compiler/7-emit/schema-lock.js';
import { VIEWS } from '../shared/vocabulary.js';

export const fingerprint: Command = {
  summary: 'fingerprint [--write]      list clause fingerprints; --write records the review of stale rule blocks and changed schemas',
  help: {
    options: [['--write', 'record the review of stale rule blocks (in the text) and of changed schemas (rules/schemas.lock.json)']],
    examples: [
      ['secc fingerprint', 'list every clause fingerprint, per view'],
      ['secc fingerprint --write', 'after reviewing the rule blocks under changed clauses'],
    ],
    exit: 'Exit codes: 0 every rule block reviewed, 1 stale rule blocks (listed), 2 could not run.',
  },
  async run(context) {
    const { options, io } = context;
    const result = await compileText(context, { emit: false });
    const plan = planFingerprintUpdates(result.files);
    for (const conflict of plan.conflicts) {
      io.stderr.write(
        `${conflict.file.path}:${conflict.line}  error  This rule block is in both views but its clause text differs between them; redline the block instead: delete the old block and insert the re-reviewed one.  rule-fingerprint-stale\n`,
      );
    }
    if (!options.write) {
      if (result.ruleSets) {
        for (const view of VIEWS) {
          for (const clause of result.ruleSets[view].clauses)
            io.stdout.write(`${view}\t${clause.file}\t${clause.id}\t${clause.fingerprint}\n`);
        }
      }
      for (const update of plan.updates) io.stdout.write(`stale: ${update.file.path}:${update.line} ${update.from} -> ${update.to}\n`);
      return plan.updates.length + plan.conflicts.length > 0 ? EXIT.findings : EXIT.clean;
    }
    const byFile = new Map<string, typeof plan.updates>();
    for (const update of plan.updates) byFile.set(update.file.path, [...(byFile.get(update.file.path) ?? []), update]);
    const outputs = new Map<string, string>();
    for (const [file, updates] of byFile) {
      const absolute = path.resolve(io.cwd, file);
      outputs.set(path.relative(io.cwd, absolute), applyFingerprintUpdates(await readFile(absolute, 'utf8'), updates));
    }
    await writeOutputsAtomically(io.cwd, outputs);
    for (const update of plan.updates) io.stdout.write(`recorded review: ${update.file.path}:${update.line} ${update.to}\n`);
    const recorded = await writeOutputsAtomically(projectRoot(context), new Map([[SCHEMA_LOCK_PATH, schemaLockJson()]]));
    if (recorded.length > 0) io.stdout.write(`recorded review: the schemas in rules/schema/ (${SCHEMA_LOCK_PATH})\n`);
    return plan.conflicts.length > 0 ? EXIT.findings : EXIT.clean;
  },
};
