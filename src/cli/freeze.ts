/**
 * `secc freeze`: records the base of the text as the frozen release it is drafted against
 * (rules/releases/<base-id>.rules.json). Once frozen, it is rewritten only by a correction that
 * says who, why and when (`--correct --by NAME --why TEXT --date YYYY-MM-DD`), logged in
 * rules/releases/corrections.json with the addresses it changes.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeOutputsAtomically } from '../compiler/7-emit/write.js';
import { ruleSetJson } from '../compiler/driver.js';
import { FROZEN_DIR, newestFrozenId, readFrozen, unredlinedChanges } from '../features/frozen/frozen.js';
import { FROZEN_RECORD, readFrozenRecord, recordJson } from '../features/frozen/record.js';
import { reportText } from '../features/report/text.js';
import { isCalendarDate } from '../shared/dates.js';
import { EXIT, type Command } from './context.js';
import { compileText, projectRoot } from './shared.js';

interface Correction {
  release: string;
  by: string;
  why: string;
  date: string;
  changes: string[];
}

export const freeze: Command = {
  summary: 'freeze [--correct --by NAME --why TEXT --date YYYY-MM-DD]   record the base as rules/releases/<base>.rules.json',
  help: {
    options: [
      ['--correct', 'rewrite an already frozen base (a recorded correction)'],
      ['--by NAME', 'who corrects it'],
      ['--why TEXT', 'why'],
      ['--date YYYY-MM-DD', 'on which day'],
    ],
    examples: [
      ['secc freeze', 'freeze the base the first time'],
      [
        'secc freeze --correct --by "J. Smith" --why "typo in H1.1" --date 2024-07-01',
        'correct the frozen base, logged in rules/releases/corrections.json',
      ],
    ],
  },
  async run(context) {
    const { options, io } = context;
    const root = projectRoot(context);
    const result = await compileText(context, { emit: false });
    if (!result.ok || !result.ruleSets) {
      io.stderr.write(reportText(result.files, { quiet: true }));
      io.stderr.write('secc freeze: the legal text does not compile; nothing frozen.\n');
      return EXIT.findings;
    }
    const releaseId = newestFrozenId(result);
    const shown = path.join(FROZEN_DIR, `${releaseId}.rules.json`);
    const frozen = await readFrozen(root, releaseId);
    const text = ruleSetJson(result.ruleSets.baseline);
    const outputs = new Map([[shown, text]]);
    if (frozen) {
      const changes = unredlinedChanges(frozen, result.ruleSets.baseline);
      if (changes.length === 0) {
        // A base frozen before hashes were recorded gets its record now (it holds the base, so it is sound).
        const record = await readFrozenRecord(root);
        const onDisk = await readFile(path.join(root, shown), 'utf8');
        if (record[releaseId] === undefined) {
          await writeOutputsAtomically(root, new Map([[FROZEN_RECORD, recordJson(record, new Map([[releaseId, onDisk]]))]]));
          io.stdout.write(`secc freeze: ${shown} already holds the base; recorded its hash in ${FROZEN_RECORD}.\n`);
          return EXIT.clean;
        }
        io.stdout.write(`secc freeze: ${shown} already holds the base; nothing to correct.\n`);
        return EXIT.clean;
      }
      if (!options.correct) {
        io.stderr.write(
          `secc freeze: ${shown} is frozen and the base differs from it in ${changes.length} place(s); a correction needs --correct --by NAME --why TEXT --date YYYY-MM-DD\n`,
        );
        return EXIT.cannotRun;
      }
      const { by, why, date } = options;
      if (!by || !why || !date || !isCalendarDate(date)) {
        io.stderr.write('secc freeze --correct: give --by NAME, --why TEXT and --date YYYY-MM-DD (a day that exists)\n');
        return EXIT.cannotRun;
      }
      const logPath = path.join(FROZEN_DIR, 'corrections.json');
      const log = await readLog(path.join(root, logPath));
      log.push({ release: releaseId, by, why, date, changes: changes.map((change) => change.id) });
      outputs.set(logPath, `${JSON.stringify(log, null, 2)}\n`);
    }
    outputs.set(FROZEN_RECORD, recordJson(await readFrozenRecord(root), new Map([[releaseId, text]])));
    await writeOutputsAtomically(root, outputs);
    io.stdout.write(`secc freeze: wrote ${[...outputs.keys()].join(', ')}\n`);
    return EXIT.clean;
  },
};

async function readLog(file: string): Promise<Correction[]> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Correction[];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
