/** `npm run docs:rules`: regenerates the rule tables of README.md from the registry of rule ids. */
import { readFile, writeFile } from 'node:fs/promises';
import { withRuleTables } from '../src/features/lint/rule-tables.js';

const readme = new URL('../README.md', import.meta.url);
const before = await readFile(readme, 'utf8');
const after = withRuleTables(before);
if (after !== before) await writeFile(readme, after);
process.stdout.write(after === before ? 'README.md: the rule tables are up to date\n' : 'README.md: the rule tables were regenerated\n');
