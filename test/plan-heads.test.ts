/**
 * The plan is read on every compilation of a long-lived process (the language server, check
 * --watch); each manifest's id and title are kept while its text is unchanged (ManifestHeads),
 * and the plan read through them is the plan read without them, findings included.
 */
import { describe, expect, it } from 'vitest';
import { ManifestHeads, planFromTexts, type PlanTexts } from '../src/compiler/1-read/plan.js';
import { Schemas } from '../src/shared/schemas.js';

const RELEASES =
  'base:\n  id: base\n  title: Base\nreleases:\n  - id: r1\n    title: R1\n    date: 2024-06-27\n    implements: [{ modification: MP162 }, { modification: MP170 }]\n';
const manifest = (id: string, title: string) => `modification: ${id}\ntitle: ${title}\nauthority: test\nintents: []\n`;

/** What a plan says, without its vfile objects: declared modifications and each file's findings. */
function said(texts: PlanTexts, schemas: Schemas, heads?: ManifestHeads) {
  const plan = planFromTexts(texts, 'sec-text', schemas, heads);
  return {
    modifications: plan.modifications,
    findings: plan.files.map((file) => [file.path, file.messages.map((message) => `${message.ruleId} ${message.reason}`)]),
  };
}

describe('manifest heads kept between compilations', () => {
  it('give the plan read without them, and read a manifest again only when its text changes', () => {
    const schemas = new Schemas();
    const heads = new ManifestHeads();
    const texts: PlanTexts = {
      releases: RELEASES,
      manifests: { 'MP162.yaml': manifest('MP162', 'MHHS'), 'MP170.yaml': 'modification: [' },
    };
    expect(said(texts, schemas, heads)).toEqual(said(texts, schemas));
    expect(heads.stats).toEqual({ hits: 0, misses: 2 });
    // Again, unchanged: nothing read again, the same plan and the same finding on the broken manifest.
    expect(said(texts, schemas, heads)).toEqual(said(texts, schemas));
    expect(heads.stats).toEqual({ hits: 2, misses: 2 });
    expect(said(texts, schemas, heads).findings[2]?.[1]).toEqual([
      'modification-manifest-unreadable Unexpected modification manifest, expected YAML naming at least `modification` (its id) and `title`',
    ]);
    // A changed title is read again (and only that manifest).
    const retitled: PlanTexts = { ...texts, manifests: { ...texts.manifests, 'MP162.yaml': manifest('MP162', 'Market-wide HHS') } };
    expect(said(retitled, schemas, heads)).toEqual(said(retitled, schemas));
    expect(said(retitled, schemas, heads).modifications.find((entry) => entry.id === 'MP162')?.title).toBe('Market-wide HHS');
    expect(heads.stats.misses).toBe(3);
  });
});
