/**
 * Modification manifests (sec-text/modifications/<id>.yaml): read, YAML-parsed and validated
 * against rules/schema/modification-manifest.schema.json, each intent's patterns with their
 * places so findings point into the manifest. Findings go on the manifest's vfile.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import type { LineCounter, Node as YamlNode } from 'yaml';
import { report } from '../../shared/diagnostics.js';
import type { ModificationManifest } from '../../../generated/types.js';
import { describeErrors, Schemas } from '../../shared/schemas.js';
import { INTENT_RULES } from './intent-rules.js';

/** The folder of manifests, inside the legal text directory (readCorpus reads only top-level *.md). */
export const MANIFEST_DIR = 'modifications';

export interface LoadedManifest {
  manifest: ModificationManifest;
  file: VFile;
  /** Place of each pattern: intents[i].changes[j]. */
  places: Array<Array<{ line: number; column: number }>>;
}

export interface ManifestLoad {
  manifests: LoadedManifest[];
  /** Manifest files, with any YAML or schema findings. */
  files: VFile[];
}

/**
 * The manifests of pending modifications only: a modification consolidated into the base has no
 * redline left to judge, and its manifest stays beside the others as the record of what it intended.
 */
export function pendingManifests(load: ManifestLoad, consolidated: readonly string[]): ManifestLoad {
  const done = new Set(consolidated);
  return { ...load, manifests: load.manifests.filter((loaded) => !done.has(loaded.manifest.modification)) };
}

export interface ManifestCache {
  /** Folder for cache entries (e.g. `<root>/.secc-cache`). */
  dir: string;
  /** The compiler's hash: an entry made by other code or schemas is never served. */
  compilerHash: string;
}

/**
 * Reads every `<textDir>/modifications/*.yaml`. No folder: no manifests. With a cache, a manifest
 * whose text and compiler are unchanged is read from JSON, so a warm run never loads the YAML parser.
 */
export async function loadManifests(textDir: string, cwd: string, cache?: ManifestCache, schemas = new Schemas()): Promise<ManifestLoad> {
  const dir = path.resolve(cwd, textDir, MANIFEST_DIR);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => /\.ya?ml$/.test(name)).sort();
  } catch {
    return { manifests: [], files: [] };
  }
  const load: ManifestLoad = { manifests: [], files: [] };
  for (const name of names) {
    const file = new VFile({
      path: path.relative(cwd, path.join(dir, name)) || path.join(dir, name),
      value: await readFile(path.join(dir, name), 'utf8'),
    });
    load.files.push(file);
    const manifest = cache ? await parseManifestCached(file, cache, schemas) : await parseManifest(file, schemas);
    if (manifest) load.manifests.push(manifest);
  }
  return load;
}

async function parseManifestCached(file: VFile, cache: ManifestCache, schemas: Schemas): Promise<LoadedManifest | undefined> {
  const key = createHash('sha256')
    .update(`${cache.compilerHash}\0${String(file.value)}`)
    .digest('hex');
  const entry = path.join(cache.dir, `manifest-${key.slice(0, 40)}.json`);
  try {
    const stored = JSON.parse(await readFile(entry, 'utf8')) as {
      key: string;
      manifest: ModificationManifest;
      places: LoadedManifest['places'];
    };
    if (stored.key === key && Array.isArray(stored.places) && stored.manifest && Array.isArray(stored.manifest.intents)) {
      return { manifest: stored.manifest, file, places: stored.places };
    }
  } catch {
    // Not cached yet, or unreadable: parse it.
  }
  const loaded = await parseManifest(file, schemas);
  // Only a clean manifest is cached: findings must be reported from the real parse every time.
  if (loaded && file.messages.length === 0) {
    const temporary = `${entry}.${process.pid}.tmp`;
    try {
      await mkdir(cache.dir, { recursive: true });
      await writeFile(temporary, JSON.stringify({ key, manifest: loaded.manifest, places: loaded.places }));
      await rename(temporary, entry);
    } catch {
      await rm(temporary, { force: true });
    }
  }
  return loaded;
}

/** Parses and validates one manifest; findings go on the file. */
export async function parseManifest(file: VFile, schemas = new Schemas()): Promise<LoadedManifest | undefined> {
  const { LineCounter, parseDocument, isMap, isSeq } = await import('yaml');
  const placeOf = (node: YamlNode | undefined, lineCounter: LineCounter): { line: number; column: number } | undefined => {
    if (!node || !(isMap(node) || isSeq(node) || 'range' in node) || !node.range) return undefined;
    const at = lineCounter.linePos(node.range[0]);
    return { line: at.line, column: at.col };
  };
  const lineCounter = new LineCounter();
  const document = parseDocument(String(file.value), { lineCounter, prettyErrors: true, uniqueKeys: true, strict: true });
  const problems = [...document.errors, ...document.warnings];
  if (problems.length > 0) {
    for (const problem of problems) {
      const at = problem.linePos?.[0];
      report(file, `Unexpected YAML: ${problem.message.split('\n')[0]}`, {
        ruleId: INTENT_RULES.manifestYaml,
        place: at ? { line: at.line, column: at.col } : undefined,
      });
    }
    return undefined;
  }
  const data = document.toJS({ maxAliasCount: 0 }) as unknown;
  const validate = schemas.validator('modification-manifest.schema.json');
  if (!validate(data)) {
    for (const line of describeErrors(validate.errors)) {
      const [pointer = ''] = line.split(':');
      const pathParts = pointer
        .split('/')
        .filter(Boolean)
        .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
      report(file, `Unexpected manifest content: ${line}, expected it to fit rules/schema/modification-manifest.schema.json`, {
        ruleId: INTENT_RULES.manifestInvalid,
        place: placeOf(document.getIn(pathParts, true) as YamlNode | undefined, lineCounter),
      });
    }
    return undefined;
  }
  const manifest = data as ModificationManifest;
  const places = manifest.intents.map((intent, i) =>
    intent.changes.map(
      (_, j) => placeOf(document.getIn(['intents', i, 'changes', j], true) as YamlNode | undefined, lineCounter) ?? { line: 1, column: 1 },
    ),
  );
  return { manifest, file, places };
}
