/**
 * The layering of src/, enforced: the structure drawn from the imports reads top-down,
 *
 *   entries (src/cli.ts, src/redline.ts) → cli/ → features/ → compiler/ (driver) → stages 1…7 in order → shared/ → generated/
 *   gateway/ beside them, reading generated/ and the pure modules of shared/ only,
 *
 * and there is no import cycle anywhere, type-only imports included. Each broken rule fails with
 * the importing file, the imported file and the rule; the rules themselves are tested on small
 * graphs below, one per kind of violation, so the test is known to fail when it should.
 */
import { builtinModules } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/project.js';
import {
  brokenRule,
  closure,
  describeCycle,
  GATEWAY_PACKAGES,
  importCycles,
  importGraph,
  layerOf,
  layeringViolations,
  specifiers,
  type Graph,
} from './import-graph.js';

const graph = importGraph(ROOT);

describe('the import graph of src/', () => {
  it('sees the whole tree', () => {
    expect(graph.files).toEqual(
      expect.arrayContaining([
        'src/cli.ts',
        'src/compiler/driver.ts',
        'src/gateway/index.ts',
        'src/shared/vocabulary.ts',
        'generated/index.ts',
      ]),
    );
    expect(graph.files.filter((file) => file.startsWith('src/features/')).length).toBeGreaterThan(20);
  });

  it('keeps every layering rule', () => {
    expect(layeringViolations(graph)).toEqual([]);
  });

  it('has no import cycle, type-only imports included', () => {
    expect(importCycles(graph).map((component) => describeCycle(graph, component))).toEqual([]);
  });

  it('has only the entry points as loose files at the top of src/', () => {
    expect(graph.files.filter((file) => /^src\/[^/]+$/.test(file))).toEqual(['src/cli.ts', 'src/redline.ts']);
  });
});

describe('the gateway (sec-rules/gateway) at run time', () => {
  const gateway = closure(graph, 'src/gateway/index.ts');

  it('reaches only src/gateway/, generated/ and src/shared/', () => {
    expect(gateway.files.filter((file) => !/^(src\/gateway|generated|src\/shared)\//.test(file))).toEqual([]);
    expect(gateway.files).toEqual(
      expect.arrayContaining([
        'src/gateway/authorise.ts',
        'src/gateway/conformance.ts',
        'src/gateway/registration.ts',
        'src/gateway/tables.ts',
        'generated/index.ts',
        'generated/tables.ts',
        'generated/types.ts',
      ]),
    );
  });

  it('uses only node built-ins and ajv from outside (never unified, remark or the Markdown parser)', () => {
    const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
    expect(gateway.external.filter((name) => !builtins.has(name) && !GATEWAY_PACKAGES.includes(name))).toEqual([]);
    expect(gateway.external).not.toContain('unified');
  });
});

describe('the rules fail on each kind of violation', () => {
  const rule = (from: string, to: string): string => brokenRule(from, to) ?? '(allowed)';

  it('reads every kind of import, type-only, dynamic and required included', () => {
    expect(
      specifiers(
        [
          `import { compile } from '../compile.js';`,
          `import type { X } from './x.js';`,
          `export { y } from "./y.js";`,
          `export type { Z } from './z.js';`,
          `export * from './all.js';`,
          `const m = await import('remark-parse');`,
          `const a = require('ajv/dist/2020.js');`,
          `const d = createRequire(import.meta.url)('./document-driver.js');`,
        ].join('\n'),
      ),
    ).toEqual(['../compile.js', './x.js', './y.js', './z.js', './all.js', 'remark-parse', 'ajv/dist/2020.js', './document-driver.js']);
  });

  it('the compiler never imports a feature, the gateway or the CLI', () => {
    expect(rule('src/compiler/driver.ts', 'src/features/changeset/diff.ts')).toMatch(/^the compiler never imports a feature/);
    expect(rule('src/compiler/4-extract/tables.ts', 'src/cli/context.ts')).toMatch(/^the compiler never imports/);
    expect(rule('src/compiler/5-link/link.ts', 'src/gateway/tables.ts')).toMatch(/^the compiler never imports/);
  });

  it('compiler stages import only earlier stages and shared/, never the driver', () => {
    expect(rule('src/compiler/4-extract/tables.ts', 'src/compiler/5-link/link.ts')).toBe(
      'compiler stages import only earlier stages (4-extract imports the later 5-link)',
    );
    expect(rule('src/compiler/2-parse/parse.ts', 'src/compiler/driver.ts')).toMatch(/^a compiler stage imports only earlier stages/);
    expect(rule('src/compiler/5-link/link.ts', 'src/compiler/4-extract/document.ts')).toBe('(allowed)');
    expect(rule('src/compiler/5-link/link.ts', 'src/shared/model.ts')).toBe('(allowed)');
    expect(rule('src/compiler/driver.ts', 'src/compiler/7-emit/write.ts')).toBe('(allowed)');
  });

  it('features never import the CLI', () => {
    expect(rule('src/features/lint/exit.ts', 'src/cli/context.ts')).toBe('features never import the CLI');
    expect(rule('src/features/lint/index.ts', 'src/compiler/driver.ts')).toBe('(allowed)');
  });

  it('the language server uses the compiler and features; nothing below it imports it, and it never imports the CLI', () => {
    expect(rule('src/lsp/workspace.ts', 'src/compiler/driver.ts')).toBe('(allowed)');
    expect(rule('src/lsp/workspace.ts', 'src/features/check/steps.ts')).toBe('(allowed)');
    expect(rule('src/cli/lsp.ts', 'src/lsp/server.ts')).toBe('(allowed)');
    expect(rule('src/lsp/server.ts', 'src/cli/context.ts')).toBe('the language server never imports the CLI (the CLI starts it)');
    expect(rule('src/features/lint/index.ts', 'src/lsp/server.ts')).toBe('features never import the language server (src/lsp/ uses them)');
    expect(rule('src/compiler/driver.ts', 'src/lsp/workspace.ts')).toMatch(/^the compiler never imports/);
    expect(rule('src/shared/paths.ts', 'src/lsp/workspace.ts')).toMatch(/^src\/shared\/ imports nothing above it/);
    expect(rule('src/gateway/tables.ts', 'src/lsp/server.ts')).toMatch(/^the gateway imports only/);
  });

  it('reporters never import lint rules', () => {
    expect(rule('src/features/report/sarif.ts', 'src/features/lint/index.ts')).toMatch(/^reporters never import lint rules/);
    expect(rule('src/features/lint/index.ts', 'src/features/report/options.ts')).toBe('(allowed)');
  });

  it('the gateway never imports the compiler, a feature or the CLI', () => {
    expect(rule('src/gateway/tables.ts', 'src/compiler/driver.ts')).toMatch(
      /^the gateway imports only src\/gateway\/, generated\/ and src\/shared\//,
    );
    expect(rule('src/gateway/authorise.ts', 'src/compiler/4-extract/tables.ts')).toMatch(/^the gateway imports only/);
    expect(rule('src/gateway/conformance.ts', 'src/features/export/tables.ts')).toMatch(/^the gateway imports only/);
    expect(rule('src/gateway/tables.ts', 'src/shared/table-data.ts')).toBe('(allowed)');
    expect(rule('src/gateway/tables.ts', 'generated/index.ts')).toBe('(allowed)');
  });

  it('src/shared/ imports nothing above it; generated/ nothing outside it; nothing imports an entry point', () => {
    expect(rule('src/shared/diagnostics.ts', 'src/compiler/1-read/read.ts')).toMatch(/^src\/shared\/ imports nothing above it/);
    expect(rule('src/shared/table-data.ts', 'src/features/changeset/diff.ts')).toMatch(/^src\/shared\/ imports nothing above it/);
    expect(rule('generated/index.ts', 'src/shared/model.ts')).toBe('generated/ imports only generated/');
    expect(rule('src/cli/index.ts', 'src/cli.ts')).toMatch(/^nothing imports an entry point/);
  });

  it('a file outside every layer, or an import of a file that does not exist, is a violation', () => {
    expect(layerOf('src/loose.ts').kind).toBe('unknown');
    expect(rule('src/loose.ts', 'src/shared/model.ts')).toMatch(/^every file of src\/ belongs to a layer/);
    expect(rule('src/cli/build.ts', 'src/compiler/stage.ts/nope.ts')).toMatch(/^an import resolves to a file of a layer/);
    const loose: Graph = {
      files: ['src/loose.ts', 'src/cli/build.ts'],
      edges: [{ from: 'src/cli/build.ts', to: 'src/shared/gone.ts', specifier: '../shared/gone.js', external: false }],
    };
    expect(layeringViolations(loose)).toEqual([
      expect.stringMatching(/^src\/loose\.ts: every file of src\/ belongs to a layer/),
      'src/cli/build.ts imports src/shared/gone.ts (../shared/gone.js): the imported file does not exist',
    ]);
  });

  it('a violation names the importing file, the imported file and the rule', () => {
    const broken: Graph = {
      files: ['src/features/lint/exit.ts', 'src/cli/context.ts'],
      edges: [{ from: 'src/features/lint/exit.ts', to: 'src/cli/context.ts', specifier: '../../cli/context.js', external: false }],
    };
    expect(layeringViolations(broken)).toEqual([
      'src/features/lint/exit.ts imports src/cli/context.ts (../../cli/context.js): features never import the CLI',
    ]);
  });

  it('a cycle is found through type-only imports and named with the imports that close it', () => {
    const edge = (from: string, to: string) => ({ from, to, specifier: to, external: false });
    const cyclic: Graph = {
      files: ['src/features/check/steps.ts', 'src/features/lint/check-step.ts', 'src/features/lint/index.ts'],
      edges: [
        edge('src/features/check/steps.ts', 'src/features/lint/check-step.ts'),
        edge('src/features/lint/check-step.ts', 'src/features/lint/index.ts'),
        edge('src/features/lint/check-step.ts', 'src/features/check/steps.ts'),
      ],
    };
    const cycles = importCycles(cyclic);
    expect(cycles).toEqual([['src/features/check/steps.ts', 'src/features/lint/check-step.ts']]);
    expect(describeCycle(cyclic, cycles[0] ?? [])).toBe(
      'src/features/check/steps.ts → src/features/lint/check-step.ts → src/features/check/steps.ts (an import cycle, type-only imports included; 2 files import each other)',
    );
    expect(importCycles({ files: ['src/shared/a.ts'], edges: [edge('src/shared/a.ts', 'src/shared/a.ts')] })).toEqual([
      ['src/shared/a.ts'],
    ]);
  });
});
