/**
 * The generated module: typed, deterministic, self-contained and safe. Legal text must never
 * change the meaning of the generated code, whatever characters it holds.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as generated from '../generated/index.js';
import { timeline } from '../src/compiler/versions.js';
import { generateTables } from '../src/compiler/7-emit/tables.js';
import { compileStrings, replaceOnce, ROOT, textDocuments } from './support/project.js';

const HOSTILE_MARKDOWN = 'Read \\`Inv\\` "ent" \'ory\' */ ${globalThis.pwned=1} \\\\ end &lt;/script> \\| pipe';
const HOSTILE_TEXT = 'Read `Inv` "ent" \'ory\' */ ${globalThis.pwned=1} \\ end </script> | pipe';

async function importTypeScript(source: string): Promise<Record<string, unknown>> {
  const { outputText, diagnostics } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    reportDiagnostics: true,
  });
  expect(diagnostics ?? []).toEqual([]);
  return import(`data:text/javascript;base64,${Buffer.from(outputText).toString('base64')}`) as Promise<Record<string, unknown>>;
}

describe('escaping legal text', () => {
  it('keeps quotes, backticks, */, ${ and line separators as data', async () => {
    const documents = await textDocuments();
    documents['appendix-e.md'] = replaceOnce(documents['appendix-e.md']!, '| Read Inventory |', `| ${HOSTILE_MARKDOWN} |`);
    const result = await compileStrings(documents, false);
    expect(result.ok).toBe(true);
    const source = generateTables(result.ruleSets!, timeline(result) ?? []);
    const module = await importTypeScript(source);
    const serviceRequests = module.SERVICE_REQUESTS as { modified: Array<{ ref: string; name: string }> };
    expect(serviceRequests.modified.find((sr) => sr.ref === '8.2')!.name).toBe(HOSTILE_TEXT);
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
    // Comments in the output never contain legal text.
    const comments = source.match(/\/\*[\s\S]*?\*\/|\/\/.*$/gm) ?? [];
    expect(comments.some((comment) => comment.includes('Inv'))).toBe(false);
  });
});

describe('literal()', () => {
  it('escapes line and paragraph separators, which some JS parsers reject in strings', async () => {
    const { literal } = await import('../src/compiler/7-emit/tables.js');
    expect(literal('a\u2028b\u2029c')).toBe('"a\\u2028b\\u2029c"');
    expect(eval(`(${literal('a\u2028b "q" ${x} */')})`)).toBe('a\u2028b "q" ${x} */');
  });
});

describe('the committed generated module', () => {
  it('imports nothing outside generated/', async () => {
    for (const name of await readdir(path.join(ROOT, 'generated'))) {
      const source = await readFile(path.join(ROOT, 'generated', name), 'utf8');
      const specifiers = [
        ...source.matchAll(/^(?:import|export)\b[^'"\n]*?from\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]/gm),
      ].map((match) => (match[1] ?? match[2])!);
      expect(source.includes('require(')).toBe(false);
      for (const specifier of specifiers) expect(specifier, `${name} imports ${specifier}`).toMatch(/^\.\/[\w-]+\.js$/);
    }
  });

  it('answers lookups with values and their sources', () => {
    expect(generated.trtFor({ sr: '8.2', role: 'other-user', smets: 1, mode: 'on-demand', view: 'baseline' })).toMatchObject({
      seconds: 16,
      text: '16 secs',
      clause: 'AB2.1',
    });
    expect(generated.trtFor({ sr: '8.2', role: 'other-user', smets: 1, mode: 'on-demand', view: 'modified' })).toMatchObject({
      seconds: 30,
      text: '30 secs',
    });
    expect(generated.trtFor({ sr: '8.2', role: 'other-user', smets: 1, mode: 'on-demand', view: 'modified' })).toMatchObject({
      address: 'trt/8.2/other-user/smets1/on-demand',
      place: 'appendix-ab.md#AB2.1[8.2][Eligible User Roles / SMETS1 / On-Demand]',
    });
    expect(generated.trtSeconds({ sr: '4.1.1', role: 'mdr', smets: 2, mode: 'on-demand', view: 'modified' })).toBeNull();
    expect(generated.trtSeconds({ sr: '4.1.1', role: 'mdr', smets: 1, mode: 'on-demand', view: 'modified' })).toBe(86_400);
    expect(generated.trtFor({ sr: '4.1.1', role: 'mdr', smets: 1, mode: 'on-demand', view: 'baseline' })).toBeUndefined();
    expect(generated.isEligible({ sr: '4.8.1', role: 'mdr', view: 'modified' })).toBe(true);
    expect(generated.isEligible({ sr: '4.8.1', role: 'mdr', view: 'baseline' })).toBe(false);
    expect(generated.isEligible({ sr: '4.2', role: 'import-supplier', view: 'modified' })).toBe(false);
    expect(generated.eligibilityFor({ sr: '4.2', role: 'import-supplier', view: 'modified' })!.place).toBe(
      'appendix-e.md#E2.1[4.2][Import Supplier]',
    );
  });

  it('is exhaustive: a TRT for every eligible role, generation and mode of an SR in the TRT table', () => {
    for (const view of generated.VIEWS) {
      for (const sr of generated.TRT_SR_REFS) {
        for (const role of generated.ROLE_IDS) {
          const eligible = generated.isEligible({ sr, role, view });
          for (const smets of [1, 2] as const) {
            for (const mode of ['scheduled', 'on-demand'] as const) {
              expect(generated.trtFor({ sr, role, smets, mode, view }) !== undefined, `${view} ${sr} ${role} ${smets} ${mode}`).toBe(
                eligible,
              );
            }
          }
        }
      }
    }
  });

  it('separates the SRs with Target Response Times in the corpus from the rest of Appendix E', () => {
    expect(generated.SR_REFS).toHaveLength(129);
    expect([...generated.TRT_SR_REFS]).toEqual(['4.1.1', '4.2', '4.6.1', '4.6.2', '4.8.1', '4.8.3', '4.17', '5.1', '5.2', '5.3', '8.2']);
    for (const sr of generated.SR_REFS) {
      const inTable = (generated.TRT_SR_REFS as readonly string[]).includes(sr);
      expect(generated.hasTrts(sr), sr).toBe(inTable);
      for (const view of generated.VIEWS) expect(generated.TRT_TABLE[view][sr] !== undefined, `${view} ${sr}`).toBe(inTable);
    }
    // Eligibility covers every SR, those without TRTs included.
    expect(generated.isEligible({ sr: '1.1.1', role: 'import-supplier', view: 'baseline' })).toBe(true);
    expect(generated.isEligible({ sr: '1.1.1', role: 'mdr', view: 'modified' })).toBe(false);
  });
});

describe('types', () => {
  it('reject an unknown SR reference or User Role at compile time', () => {
    const file = path.join(ROOT, 'test', 'types', 'probe.ts');
    const source = `import { trtFor, isEligible } from '../../generated/index.js';
trtFor({ sr: '9.9', role: 'mdr', smets: 1, mode: 'on-demand', view: 'modified' });
isEligible({ sr: '8.2', role: 'meter-reader', view: 'modified' });
isEligible({ sr: '8.2', role: 'mdr', view: 'modified' });
`;
    const options: ts.CompilerOptions = {
      strict: true,
      noEmit: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      skipLibCheck: true,
      types: [],
    };
    const host = ts.createCompilerHost(options);
    const readFile = host.readFile.bind(host);
    host.readFile = (name) => (path.resolve(name) === file ? source : readFile(name));
    host.fileExists = (
      (exists) => (name: string) =>
        path.resolve(name) === file || exists(name)
    )(host.fileExists.bind(host));
    const program = ts.createProgram([file], options, host);
    const errors = ts
      .getPreEmitDiagnostics(program)
      .map(
        (diagnostic) =>
          `${diagnostic.start !== undefined ? diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start).line + 1 : 0}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`,
      );
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^2: Type '"9\.9"' is not assignable to type '"4\.1\.1" \| "4\.2" \|/);
    expect(errors[1]).toMatch(/^3: Type '"meter-reader"' is not assignable to type '"import-supplier" \|/);
  });
});
