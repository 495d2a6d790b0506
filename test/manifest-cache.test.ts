/** The manifest cache: served only for the same text and compiler, ignored when corrupt. */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadManifests } from '../src/features/changeset/intent.js';
import { ROOT } from './support/project.js';

let dir: string;
let cacheDir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sec-rules-manifest-'));
  cacheDir = path.join(dir, '.secc-cache');
  await cp(path.join(ROOT, 'sec-text', 'modifications'), path.join(dir, 'text', 'modifications'), { recursive: true });
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const entries = async (): Promise<string[]> => (await readdir(cacheDir)).filter((name) => name.startsWith('manifest-'));

describe('loadManifests with a cache', () => {
  it('parses on a miss, stores the result, and serves the same manifest on a hit', async () => {
    const cold = await loadManifests('text', dir, { dir: cacheDir, compilerHash: 'a' });
    expect(cold.manifests).toHaveLength(1);
    expect(await entries()).toHaveLength(1);
    const warm = await loadManifests('text', dir, { dir: cacheDir, compilerHash: 'a' });
    expect(warm.manifests[0]!.manifest).toEqual(cold.manifests[0]!.manifest);
    expect(warm.manifests[0]!.places).toEqual(cold.manifests[0]!.places);
  });

  it('is keyed by the manifest text and the compiler hash', async () => {
    await loadManifests('text', dir, { dir: cacheDir, compilerHash: 'a' });
    const [entry] = await entries();
    // Poison the stored entry: it is only served for the exact key it was made for.
    const file = path.join(cacheDir, entry!);
    const stored = JSON.parse(await readFile(file, 'utf8')) as { manifest: { modification: string } };
    stored.manifest.modification = 'POISONED';
    await writeFile(file, JSON.stringify(stored));
    expect((await loadManifests('text', dir, { dir: cacheDir, compilerHash: 'a' })).manifests[0]!.manifest.modification).toBe('POISONED');
    expect((await loadManifests('text', dir, { dir: cacheDir, compilerHash: 'b' })).manifests[0]!.manifest.modification).toBe('MP162');
    const manifestFile = path.join(dir, 'text', 'modifications', 'MP162.yaml');
    await writeFile(manifestFile, `${await readFile(manifestFile, 'utf8')}\n# reviewed\n`);
    expect((await loadManifests('text', dir, { dir: cacheDir, compilerHash: 'a' })).manifests[0]!.manifest.modification).toBe('MP162');
  });

  it('ignores a corrupt entry and never caches a manifest with findings', async () => {
    await loadManifests('text', dir, { dir: cacheDir, compilerHash: 'a' });
    const [entry] = await entries();
    await writeFile(path.join(cacheDir, entry!), '{ not json');
    expect((await loadManifests('text', dir, { dir: cacheDir, compilerHash: 'a' })).manifests[0]!.manifest.modification).toBe('MP162');
    await writeFile(path.join(dir, 'text', 'modifications', 'MP162.yaml'), 'modification: MP162\nintents: [\n');
    for (let run = 0; run < 2; run++) {
      const load = await loadManifests('text', dir, { dir: cacheDir, compilerHash: 'a' });
      expect(load.manifests).toEqual([]);
      expect(load.files[0]!.messages.map((message) => message.ruleId)).toEqual(['manifest-yaml']);
    }
  });
});
