/** Test support: the real project's paths, temp copies of it, and the CLI run in-process. */
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli.js';
import { readPlan, type CorpusPlan } from '../../src/compiler/1-read/plan.js';
import { corpusFromStrings } from '../../src/compiler/1-read/read.js';
import { compile, compileDirectory } from '../../src/compiler/driver.js';
import type { RuleSet } from '../../src/shared/model.js';
import { Schemas } from '../../src/shared/schemas.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TEXT_DIR = path.join(ROOT, 'sec-text');
/** The source documents, beside the project (SECC_SOURCES_DIR elsewhere, e.g. an empty folder to see the skips). */
export const SOURCES_DIR = path.resolve(process.env.SECC_SOURCES_DIR ?? path.join(ROOT, '..', 'shared', 'sources'));
export const REPORT_PATH = path.join(SOURCES_DIR, '004_71969c9932ff1e40.txt');

export async function compileProject() {
  return compileDirectory('sec-text', ROOT);
}

/** The project's release plan and declared modifications (sec-text/releases.yaml, sec-text/modifications/), read afresh. */
export async function projectPlan(): Promise<CorpusPlan> {
  return readPlan('sec-text', ROOT, new Schemas());
}

/** Both views of the real project, compiled without an error (the fact tests' starting point). */
export async function compiledViews(): Promise<{ baseline: RuleSet; modified: RuleSet }> {
  const result = await compileProject();
  const errors = result.files.flatMap((file) => file.messages.filter((message) => message.fatal).map(String));
  if (errors.length > 0 || !result.ruleSets) throw new Error(`sec-text/ does not compile:\n${errors.join('\n')}`);
  return result.ruleSets;
}

export async function readText(name: string): Promise<string> {
  return readFile(path.join(TEXT_DIR, name), 'utf8');
}

/** All of sec-text/ as name → text, for in-memory edits. */
export async function textDocuments(): Promise<Record<string, string>> {
  const names = (await readdir(TEXT_DIR)).filter((name) => name.endsWith('.md'));
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await readText(name)] as const)));
}

/** Documents in memory, compiled against the project's plan (or the one given). */
export async function compileStrings(documents: Record<string, string>, emit = true, plan?: CorpusPlan) {
  return compile(corpusFromStrings(documents), { emit, plan: plan ?? (await projectPlan()) });
}

/** A throwaway copy of the project's sec-text/, rules/ and generated/ (schemas are read from the package). */
export async function projectCopy(): Promise<{ dir: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sec-rules-test-'));
  for (const folder of ['sec-text', 'rules', 'generated']) await cp(path.join(ROOT, folder), path.join(dir, folder), { recursive: true });
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[], cwd: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    cwd,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

/** Replaces exactly one occurrence, failing loudly if the text is not there once. */
export function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const matches =
    typeof from === 'string'
      ? text.split(from).length - 1
      : (text.match(new RegExp(from.source, from.flags.includes('g') ? from.flags : `${from.flags}g`)) ?? []).length;
  if (matches !== 1) throw new Error(`expected exactly one match of ${String(from)}, found ${matches}`);
  return text.replace(from, to);
}

/** Snapshot of every file under the given folders, for "nothing was written" checks. */
export async function snapshot(dir: string, folders: string[] = ['rules', 'generated']): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const folder of folders) {
    const walk = async (relative: string): Promise<void> => {
      for (const entry of await readdir(path.join(dir, relative), { withFileTypes: true })) {
        const child = path.join(relative, entry.name);
        if (entry.isDirectory()) await walk(child);
        else out.set(child, await readFile(path.join(dir, child), 'utf8'));
      }
    };
    await walk(folder);
  }
  return out;
}

/** Declares MP300 in a copy of the project and adds a release for it dated TBC (`next-release`), after the others. */
export async function addUndatedRelease(dir: string): Promise<void> {
  const text = path.join(dir, 'sec-text');
  await writeFile(
    path.join(text, 'modifications', 'MP300.yaml'),
    'modification: MP300\ntitle: An undated modification\nauthority: A test modification\nintents: []\n',
  );
  const plan = path.join(text, 'releases.yaml');
  await writeFile(
    plan,
    `${await readFile(plan, 'utf8')}\n  - id: next-release\n    title: A release not yet dated\n    date: TBC\n    implements:\n      - modification: MP300\n`,
  );
}
