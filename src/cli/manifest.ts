/**
 * `secc manifest init ID [TITLE]`: writes sec-text/modifications/<ID>.yaml, a skeleton of a new
 * modification's manifest that fits rules/schema/modification-manifest.schema.json, so a drafter
 * starts from the vocabulary of the change set rather than from MP162's file. Never overwrites.
 */
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { readIfExists, writeOutputsAtomically } from '../compiler/7-emit/write.js';
import { MANIFEST_DIR } from '../features/changeset/manifest.js';
import { describeErrors, Schemas } from '../shared/schemas.js';
import { EXIT, type Command } from './context.js';

/** The schema's pattern for a modification id (MP162, DP123A). */
const MODIFICATION_ID = /^[A-Z]{1,4}[0-9]+[A-Z]?$/;

export const manifestCommand: Command = {
  summary: "manifest init ID [TITLE]   write sec-text/modifications/<ID>.yaml, the skeleton of a new modification's manifest",
  help: {
    options: [],
    examples: [
      ['secc manifest init MP200 "Faster daily read log retrieval"', 'a manifest to fill in; then add MP200 to a release in releases.yaml'],
    ],
    exit: 'Exit codes: 0 written, 2 not written (a bad id, or the manifest exists already).',
  },
  async run({ options, args, io }) {
    const [action, id, ...titleWords] = args;
    if (action !== 'init' || id === undefined) {
      io.stderr.write(
        'secc manifest: expected `secc manifest init ID [TITLE]`, e.g. `secc manifest init MP200 "Faster daily read log retrieval"`\n',
      );
      return EXIT.cannotRun;
    }
    if (!MODIFICATION_ID.test(id)) {
      io.stderr.write(`secc manifest: \`${id}\` is not a modification id, expected letters then digits (MP162, DP123A)\n`);
      return EXIT.cannotRun;
    }
    const relative = path.join(options.text, MANIFEST_DIR, `${id}.yaml`);
    const shown = path.relative(io.cwd, path.resolve(io.cwd, relative)) || relative;
    if ((await readIfExists(path.resolve(io.cwd, relative))) !== undefined) {
      io.stderr.write(`secc manifest: ${shown} exists already; nothing written\n`);
      return EXIT.cannotRun;
    }
    const text = manifestSkeleton(id, titleWords.join(' ').trim() || undefined);
    const problems = skeletonProblems(text);
    if (problems.length > 0) throw new Error(`the manifest skeleton does not fit its schema: ${problems.join('; ')}`);
    await writeOutputsAtomically(io.cwd, new Map([[relative, text]]));
    io.stdout.write(
      `wrote ${shown}: fill in the title, the authority and each intent (\`secc diff --modification ${id}\` lists the changes), then add ${id} to a release in ${path.join(path.dirname(path.dirname(shown)), 'releases.yaml')}\n`,
    );
    return EXIT.clean;
  },
};

/** The skeleton: one intent with one change, each field saying what goes there. */
export function manifestSkeleton(id: string, title = `(the title of ${id}, as on its Modification Report)`): string {
  const body = stringify(
    {
      modification: id,
      title,
      authority: `${id} Modification Report`,
      intents: [
        {
          id: 'first-intent',
          ref: "(the section, paragraph or table of the Modification Report, e.g. Section 3 'Solution')",
          says: '(what the Modification Report says, in a sentence)',
          changes: [{ kind: 'clause', action: 'changed', clause: '(the clause number, e.g. H1.1)' }],
        },
      ],
    },
    { lineWidth: 0 },
  );
  return `# What ${id} intends, in the vocabulary of the change set (\`secc diff --modification ${id}\`).
# \`secc check\` fails when the redline makes a change that no intent names (the finding
# prints the line to add), or does not make one that an intent names. A field left out, \`*\` or
# {except: [...]} means every entry that fits the other fields; a list means each of its values.
# Kinds: user-role, service-request, eligibility, trt, clause, clause-rule, footnote, document.
# Schema: rules/schema/modification-manifest.schema.json.
${body}`;
}

/** The skeleton checked against the manifest schema (a bug, not input, when it does not fit). */
export function skeletonProblems(text: string): string[] {
  const validate = new Schemas().validator('modification-manifest.schema.json');
  return validate(parse(text)) ? [] : describeErrors(validate.errors);
}
