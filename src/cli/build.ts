import { reportText } from '../features/report/text.js';
import { checkSchemaContract } from '../features/check/schema-drift.js';
import path from 'node:path';
import { readIfExists, writeOutputsAtomically } from '../compiler/7-emit/write.js';
import { SCHEMA_LOCK_PATH, schemaLockJson } from '../compiler/7-emit/schema-lock.js';
import { checkFrozen } from '../features/frozen/frozen.js';
import { hasErrors } from '../shared/diagnostics.js';
import { EXIT, findingsExit, type Command } from './context.js';
import { compileText, projectRoot } from './shared.js';
import { printRunTimings, startRunTimings } from '../compiler/timings.js';

export const build: Command = {
  summary: 'build                      compile sec-text/ into rules/ and generated/ (nothing is written on error)',
  help: {
    options: [],
    examples: [
      ['secc build', 'compile sec-text/ and write rules/ and generated/'],
      ['secc build --text drafts/mp200 --root out', 'compile another folder into out/'],
    ],
    exit: 'Exit codes: 0 built, 1 errors in the text (nothing written), 2 could not run.',
  },
  async run(context) {
    const { options, io } = context;
    const timings = startRunTimings('build');
    const result = await compileText(context, { timings });
    const extra = await checkFrozen(result, projectRoot(context));
    const files = [...result.files, ...extra];
    io.stderr.write(reportText(files, { quiet: options.quiet }));
    if (!result.ok || hasErrors(files)) {
      io.stderr.write('secc build: nothing written; fix the errors above and build again.\n');
      return EXIT.findings;
    }
    // A schema changed since its review is refused like an error in the text: nothing is written.
    // The first build of a root (no lock yet) records the schemas it was built with.
    const root = projectRoot(context);
    const lockMissing = (await readIfExists(path.join(root, SCHEMA_LOCK_PATH))) === undefined;
    const schemas = lockMissing ? [] : await checkSchemaContract(root);
    if (schemas.length > 0) {
      io.stderr.write(reportText(schemas, { quiet: options.quiet }));
      io.stderr.write('secc build: nothing written; review the schema change, then record it with `secc fingerprint --write`.\n');
      return EXIT.findings;
    }
    const outputs = lockMissing ? new Map([...result.outputs, [SCHEMA_LOCK_PATH, schemaLockJson()]]) : result.outputs;
    const changed = await writeOutputsAtomically(root, outputs);
    timings?.mark('write');
    printRunTimings(timings, io.stderr);
    io.stdout.write(
      changed.length === 0 ? 'secc build: rules/ and generated/ are up to date.\n' : `secc build: wrote ${changed.join(', ')}\n`,
    );
    return findingsExit(result.files, options);
  },
};
