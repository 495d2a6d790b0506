/**
 * The import graph of src/ (and generated/), and the layering rules it must keep. Every import
 * counts: static, type-only, `export … from` and dynamic `import()`, read with TypeScript's own
 * pre-processor (not a regex), so `import type` cannot slip a dependency or a cycle past the test.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface Edge {
  /** Importing file, relative to the project root (`src/features/lint/exit.ts`). */
  from: string;
  /** Imported file, relative to the project root; for a package, its specifier. */
  to: string;
  /** The specifier as written. */
  specifier: string;
  external: boolean;
}

export interface Graph {
  files: string[];
  edges: Edge[];
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** `createRequire(import.meta.url)('./x.js')`: a require the pre-processor does not see (it sees `require('x')`). */
const CREATED_REQUIRE = /\bcreateRequire\([^)]*\)\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every module specifier a TypeScript file imports, type-only, dynamic and required included. */
export function specifiers(code: string): string[] {
  const imported = ts.preProcessFile(code, true, true).importedFiles.map((file) => file.fileName);
  return [...imported, ...[...code.matchAll(CREATED_REQUIRE)].map(([, specifier = '']) => specifier)];
}

function resolve(file: string, specifier: string): string {
  const target = path.resolve(path.dirname(file), specifier);
  for (const candidate of [target.replace(/\.js$/, '.ts'), `${target}.ts`, path.join(target, 'index.ts')])
    if (existsSync(candidate)) return candidate;
  return target.replace(/\.js$/, '.ts');
}

/** The graph of every .ts file under src/ and generated/. */
export function importGraph(root: string): Graph {
  const files = [...sourceFiles(path.join(root, 'src')), ...sourceFiles(path.join(root, 'generated'))].sort();
  const edges: Edge[] = [];
  for (const file of files) {
    for (const specifier of specifiers(readFileSync(file, 'utf8'))) {
      const from = path.relative(root, file);
      if (!specifier.startsWith('.')) edges.push({ from, to: specifier, specifier, external: true });
      else edges.push({ from, to: path.relative(root, resolve(file, specifier)), specifier, external: false });
    }
  }
  return { files: files.map((file) => path.relative(root, file)), edges };
}

// ---------------------------------------------------------------------------------------------
// Layers.

export type Layer =
  | { kind: 'entry' }
  | { kind: 'cli' }
  | { kind: 'lsp' }
  | { kind: 'feature'; feature: string }
  | { kind: 'gateway' }
  | { kind: 'compiler' }
  | { kind: 'stage'; order: number; name: string }
  | { kind: 'shared' }
  | { kind: 'generated' }
  | { kind: 'unknown' };

/** The entry points: `secc` and the public `sec-rules/redline`. Nothing in src/ imports them. */
const ENTRIES = ['src/cli.ts', 'src/redline.ts'];

export function layerOf(file: string): Layer {
  const parts = file.split(/[\\/]/);
  if (ENTRIES.includes(parts.join('/'))) return { kind: 'entry' };
  if (parts[0] === 'generated') return { kind: 'generated' };
  if (parts[0] !== 'src' || parts.length < 3) return { kind: 'unknown' };
  const [, top = '', second = ''] = parts;
  if (top === 'cli') return { kind: 'cli' };
  if (top === 'lsp') return { kind: 'lsp' };
  if (top === 'gateway') return { kind: 'gateway' };
  if (top === 'shared') return { kind: 'shared' };
  if (top === 'features' && parts.length >= 4) return { kind: 'feature', feature: second };
  if (top === 'compiler') {
    const stage = /^(\d+)-([a-z-]+)$/.exec(second);
    if (stage && parts.length >= 4) return { kind: 'stage', order: Number(stage[1]), name: second };
    return parts.length === 3 ? { kind: 'compiler' } : { kind: 'unknown' };
  }
  return { kind: 'unknown' };
}

function describeLayer(layer: Layer): string {
  switch (layer.kind) {
    case 'feature':
      return `the ${layer.feature} feature`;
    case 'stage':
      return `compiler stage ${layer.name}`;
    case 'compiler':
      return 'the compiler driver';
    case 'entry':
      return 'an entry point';
    default:
      return `the ${layer.kind}`;
  }
}

/** Packages the gateway may use at run time besides node's built-ins (the Registration Data schema). */
export const GATEWAY_PACKAGES = ['ajv/dist/2020.js'];

/** The rule an internal import breaks, or undefined when it is allowed. */
export function brokenRule(from: string, to: string): string | undefined {
  const source = layerOf(from);
  const target = layerOf(to);
  if (source.kind === 'unknown')
    return `every file of src/ belongs to a layer (cli/, lsp/, features/<name>/, gateway/, compiler/, compiler/<n>-<stage>/, shared/, or the entries ${ENTRIES.join(', ')})`;
  if (target.kind === 'unknown') return `an import resolves to a file of a layer (${to} is in none, or does not exist)`;
  if (target.kind === 'entry') return 'nothing imports an entry point (src/cli.ts, src/redline.ts)';
  const compiler = source.kind === 'compiler' || source.kind === 'stage';
  if (compiler && (target.kind === 'feature' || target.kind === 'cli' || target.kind === 'lsp' || target.kind === 'gateway'))
    return `the compiler never imports a feature, the gateway, the language server or the CLI (${describeLayer(source)} imports ${describeLayer(target)})`;
  if (source.kind === 'stage' && target.kind === 'compiler')
    return `a compiler stage imports only earlier stages and src/shared/, never the driver (${describeLayer(source)} imports ${to})`;
  if (source.kind === 'stage' && target.kind === 'stage' && target.order > source.order)
    return `compiler stages import only earlier stages (${source.name} imports the later ${target.name})`;
  if (source.kind === 'feature' && target.kind === 'cli') return 'features never import the CLI';
  if (source.kind === 'feature' && target.kind === 'lsp') return 'features never import the language server (src/lsp/ uses them)';
  if (source.kind === 'lsp' && target.kind === 'cli') return 'the language server never imports the CLI (the CLI starts it)';
  if (source.kind === 'feature' && source.feature === 'report' && target.kind === 'feature' && target.feature === 'lint')
    return 'reporters never import lint rules (rule metadata reaches them through the findings or the reporter options)';
  if (source.kind === 'gateway' && !['gateway', 'generated', 'shared'].includes(target.kind))
    return `the gateway imports only src/gateway/, generated/ and src/shared/, never ${describeLayer(target)}`;
  if (source.kind === 'shared' && !['shared', 'generated'].includes(target.kind))
    return `src/shared/ imports nothing above it (only src/shared/ and generated/), not ${describeLayer(target)}`;
  if (source.kind === 'generated' && target.kind !== 'generated') return 'generated/ imports only generated/';
  return undefined;
}

/** One line per broken rule: `importer → imported: rule`. */
export function layeringViolations(graph: Graph): string[] {
  const out: string[] = [];
  for (const file of graph.files) {
    const rule = brokenRule(file, file);
    if (layerOf(file).kind === 'unknown' && rule) out.push(`${file}: ${rule}`);
  }
  const files = new Set(graph.files);
  for (const edge of graph.edges) {
    if (edge.external) continue;
    if (!files.has(edge.to)) {
      out.push(`${edge.from} imports ${edge.to} (${edge.specifier}): the imported file does not exist`);
      continue;
    }
    const rule = brokenRule(edge.from, edge.to);
    if (rule) out.push(`${edge.from} imports ${edge.to} (${edge.specifier}): ${rule}`);
  }
  return out;
}

/** Import cycles (strongly connected components of two or more files, or a file importing itself). */
export function importCycles(graph: Graph): string[][] {
  const next = new Map<string, string[]>();
  for (const edge of graph.edges) if (!edge.external) next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let counter = 0;
  const connect = (file: string): void => {
    index.set(file, counter);
    low.set(file, counter++);
    stack.push(file);
    onStack.add(file);
    for (const to of next.get(file) ?? []) {
      if (!index.has(to)) {
        connect(to);
        low.set(file, Math.min(low.get(file) ?? 0, low.get(to) ?? 0));
      } else if (onStack.has(to)) low.set(file, Math.min(low.get(file) ?? 0, index.get(to) ?? 0));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || (next.get(file) ?? []).includes(file)) cycles.push(component.sort());
  };
  for (const file of [...new Set([...graph.files, ...next.keys()])].sort()) if (!index.has(file)) connect(file);
  return cycles;
}

/** One cycle as the imports that close it: `a.ts → b.ts → a.ts`, following edges inside the component. */
export function describeCycle(graph: Graph, component: readonly string[]): string {
  const members = new Set(component);
  const first = component[0] ?? '';
  const seen = [first];
  let at = first;
  for (;;) {
    const step = graph.edges.find(
      (edge) => !edge.external && edge.from === at && members.has(edge.to) && (edge.to === first || !seen.includes(edge.to)),
    );
    if (!step) break;
    seen.push(step.to);
    if (step.to === first) break;
    at = step.to;
  }
  return `${seen.join(' → ')} (an import cycle, type-only imports included; ${component.length} file${component.length === 1 ? '' : 's'} import each other)`;
}

/** The files reachable from an entry, and the packages they use. */
export function closure(graph: Graph, entry: string): { files: string[]; external: string[] } {
  const files = new Set<string>();
  const external = new Set<string>();
  const queue = [entry];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    for (const edge of graph.edges) {
      if (edge.from !== file) continue;
      if (edge.external) external.add(edge.to);
      else queue.push(edge.to);
    }
  }
  return { files: [...files].sort(), external: [...external].sort() };
}
