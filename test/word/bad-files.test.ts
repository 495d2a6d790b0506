/**
 * Bad Word files: each gets one clear sentence naming the file, exit 2, no stack trace, and no
 * output file. Built here from bytes, so the cases cannot go stale.
 */
import { randomFillSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, TEXT_DIR } from '../support/project.js';
import { exportDocx } from '../../src/features/word/export/index.js';
import { compileStrings } from './support.js';

const FRONT = 'document: SEC Appendix AB\nid: AB\ntitle: T\n';

let dir: string;
let good: Uint8Array;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'secc-word-bad-'));
  await writeFile(path.join(dir, 'front.yaml'), FRONT);
  const text = `---\n${FRONT}---\n\n# T\n\n## AB1 One\n\n### AB1.1 Two\n\nSome <ins cite="MP162">new</ins> text.\n`;
  const compiled = await compileStrings({ 'appendix-ab.md': text });
  good = [...(await exportDocx(compiled.parsed, compiled.plan, { version: 'redline', rules: 'omit' })).values()][0] as Uint8Array;
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The exported package with some parts replaced (or removed, with `undefined`). */
function repack(replace: Record<string, Uint8Array | undefined>): Uint8Array {
  const parts: Zippable = {};
  for (const [name, bytes] of Object.entries(unzipSync(good))) parts[name] = bytes;
  for (const [name, bytes] of Object.entries(replace)) {
    if (bytes === undefined) delete parts[name];
    else parts[name] = bytes;
  }
  return zipSync(parts);
}

async function importBytes(name: string, bytes: Uint8Array) {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  const out = path.join(dir, `${name}.md`);
  const run = await runCli(['import', 'docx', file, '--front-matter', path.join(dir, 'front.yaml'), '--out', out, '--text', TEXT_DIR], dir);
  return { ...run, written: existsSync(out) };
}

const CASES: Array<[string, () => Uint8Array, RegExp]> = [
  ['not a zip', () => strToU8('# just Markdown, renamed\n'), /is not a Word document \(\.docx\): it is not a zip package/],
  ['a damaged zip', () => good.slice(0, 400), /zip package is damaged|has no word\/document\.xml/],
  ['no word/document.xml', () => repack({ 'word/document.xml': undefined }), /has no word\/document\.xml/],
  [
    'an XML external entity',
    () =>
      repack({
        'word/document.xml': strToU8(
          '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' +
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>',
        ),
      }),
    /declares a DTD or an XML entity/,
  ],
  ['malformed XML', () => repack({ 'word/document.xml': strToU8('<w:document xmlns:w="x"><w:body>') }), /is not well-formed XML/],
  [
    'a zip bomb (40 MB of zeros in 40 kB)',
    () => repack({ 'word/document.xml': new Uint8Array(40 * 1024 * 1024) }),
    /looks like a zip bomb/,
  ],
  [
    'a 50 MB document',
    () => {
      const noise = new Uint8Array(50 * 1024 * 1024);
      for (let offset = 0; offset < noise.length; offset += 65536) randomFillSync(noise, offset, Math.min(65536, noise.length - offset));
      return zipSync({ 'word/document.xml': [noise, { level: 0 }] });
    },
    /is 50\.0 MB, larger than any Word document of the SEC/,
  ],
];

describe('secc import docx on bad Word files', () => {
  it.each(CASES)(
    '%s: a clear error naming the file, exit 2, nothing written',
    async (label, bytes, message) => {
      const name = `${label.replace(/\W+/g, '-')}.docx`;
      const run = await importBytes(name, bytes());
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toContain(name);
      expect(run.stderr).not.toMatch(/\n\s+at |internal error/);
      expect(run.stdout).toBe('');
      expect(run.written).toBe(false);
    },
    30_000,
  );

  it('reads the good file the cases are made from (so each failure above is the bad part)', async () => {
    const run = await importBytes('good.docx', good);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.written).toBe(true);
  });
});
