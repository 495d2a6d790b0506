/**
 * The intent check as a `secc check` step: each modification's change set alone (base → base +
 * ID) against its own manifest in `<text>/modifications/` (one modification: baseline → modified). Skipped when compilation failed (no rules to compare).
 */
import path from 'node:path';
import type { CheckStep } from '../check/step.js';
import { CACHE_DIR, compilerHash } from '../../compiler/cache.js';
import { compileVersion } from '../../compiler/versions.js';
import { diffRuleSets, type Change } from './diff.js';
import type { Identity, KeyedExpected } from './patterns.js';
import type { DomainEntry } from './expected.js';
import { checkIntents, loadManifests, pendingManifests, type ManifestCache } from './intent.js';

export const intentStep: CheckStep = {
  name: 'intent',
  needsRules: true,
  async run({ result, root, textDir, cwd }) {
    if (!result.ruleSets || !result.changeSet) return [];
    const { baseline, modified } = result.ruleSets;
    const all = await loadManifests(textDir, cwd, manifestCache(root, result.context.compilerHash), result.context.schemas);
    const load = pendingManifests(all, result.plan.consolidated);
    const alone = (id: string) => {
      const version = compileVersion(result, { kind: 'modification', id });
      if (!version) return undefined;
      const changeSet = {
        ...diffRuleSets(baseline, version.ruleSet, { from: 'baseline', to: id, memo: result.context.linking.diffs }),
        modifications: [id],
      };
      return { changeSet, after: version.ruleSet };
    };
    const { linking } = result.context;
    const memo = {
      identities: linking.derived<Change, Identity>('intent-identities'),
      lines: linking.derived<Change, string>('intent-lines'),
      domains: linking.derived<object, Map<string, DomainEntry[]>>('intent-domains'),
      keys: linking.derived<Change, string>('intent-keys'),
      manifests: result.context.reading.kept<{ text: string; expected: Array<Array<KeyedExpected[] | undefined>> }>('intent-manifests'),
    };
    return checkIntents(result.changeSet, baseline, modified, load, { textDir: displayDir(textDir, cwd), alone, memo }).files;
  },
};

/** The text directory as the compiler names its files: relative to cwd. */
export function displayDir(textDir: string, cwd: string): string {
  return path.relative(cwd, path.resolve(cwd, textDir)) || '.';
}

/** The manifest cache beside the document cache, unless `SECC_CACHE=0` turns caching off. */
function manifestCache(root: string, hash: string | undefined, env: NodeJS.ProcessEnv = process.env): ManifestCache | undefined {
  if (env.SECC_CACHE === '0' || env.SECC_CACHE === 'off') return undefined;
  return { dir: path.join(root, CACHE_DIR), compilerHash: hash ?? compilerHash() };
}
