/** `secc explain <rule-id>`: a rule's severity, summary, doc and examples, from the registry. */
import { COMPILER_RULES, LINT_RULES, type RuleExample } from '../features/lint/index.js';
import { didYouMean, nearest } from '../shared/did-you-mean.js';
import { isRuleId, RULE_IDS, ruleEntry } from '../shared/rule-registry.js';
import { EXIT, type Command } from './context.js';

export const explain: Command = {
  summary: 'explain RULE-ID            what a rule checks and why, with its examples',
  help: {
    options: [],
    examples: [
      ['secc explain drift', 'why rules/ must follow from the text'],
      ['secc explain trt-unknown-duration', 'the spellings of a Target Response Time'],
    ],
    exit: 'Exit codes: 0 explained, 2 no such rule.',
  },
  async run({ args, io }) {
    const id = args[0];
    if (id === undefined) {
      io.stderr.write('secc explain: expected a rule id, e.g. `secc explain drift` (the README lists them all)\n');
      return EXIT.cannotRun;
    }
    if (!isRuleId(id)) {
      io.stderr.write(`secc explain: there is no rule \`${id}\`${didYouMean(nearest(id, RULE_IDS))}\n`);
      return EXIT.cannotRun;
    }
    const doc = [...LINT_RULES, ...COMPILER_RULES].find((rule) => rule.id === id)?.doc;
    const { severity, summary } = ruleEntry(id);
    const lines = [`${id} (${severity})`, '', summary, ''];
    if (doc) lines.push(doc.description, '');
    const examples = doc?.examples ?? [];
    if (examples.length > 0)
      lines.push('Examples (edits of the MP162 corpus, run by the test suite):', '', ...examples.flatMap(exampleLines));
    io.stdout.write(`${lines.join('\n').trimEnd()}\n`);
    return EXIT.clean;
  },
};

function exampleLines(example: RuleExample): string[] {
  const lines = [`  ${example.title}`];
  for (const edit of example.edits ?? []) lines.push(`    in ${edit.file}: \`${edit.find}\` → \`${edit.replace}\``);
  for (const name of Object.keys(example.add ?? {})) lines.push(`    with the document ${name}`);
  if (example.expect.length === 0) lines.push('    no finding');
  for (const expected of example.expect) lines.push(`    finds ${expected}`);
  lines.push('');
  return lines;
}
