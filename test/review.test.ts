/** The review page as HTML: escaping of legal text, anchors of changes, diagnostics beside the text. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffRuleSets } from '../src/features/changeset/diff.js';
import { renderReviewPage } from '../src/features/review/page.js';
import { compileStrings, projectCopy, readText, replaceOnce, runCli, textDocuments } from './support/project.js';

describe('the review page', () => {
  it('never passes legal text through as HTML', async () => {
    const documents = await textDocuments();
    documents['section-h.md'] = replaceOnce(
      documents['section-h.md']!,
      'A Party shall not send a Service Request in a User Role',
      'A Party <script>window.pwned = 1</script> &lt;img src=x onerror=alert(1)&gt; shall not send a Service Request in a User Role',
    );
    documents['section-g.md'] = `${documents['section-g.md']!}\n<div onclick="alert(1)">block of raw HTML</div>\n`;
    const result = await compileStrings(documents, false);
    const changeSet = diffRuleSets(result.ruleSets!.baseline, result.ruleSets!.modified);
    const html = renderReviewPage({ parsed: result.parsed, changeSet, findings: result.files, textDir: 'sec-text' });
    expect(html).not.toContain('<script>window.pwned');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<div onclick');
    // Shown as the text it is, so a reviewer sees every character.
    expect(html).toContain(
      '<code class="raw-html" title="Raw HTML in the text (shown, not interpreted)">&#x3C;script></code>window.pwned = 1<code class="raw-html"',
    );
    expect(html).toContain(
      '<pre class="raw-html"><code class="raw-html" title="Raw HTML in the text (shown, not interpreted)">&#x3C;div onclick="alert(1)">block of raw HTML&#x3C;/div></code></pre>',
    );
    expect(html).toMatch(/&#x3C;img src=x onerror=alert\(1\)>|&lt;img src=x onerror=alert\(1\)&gt;/);
    // Exactly one script: the page's own.
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).not.toMatch(/<(link|img|iframe)\b/);
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it('links every change, through exactly one line of the change list, to an element id that exists on the page', async () => {
    const result = await compileStrings(await textDocuments(), false);
    const changeSet = diffRuleSets(result.ruleSets!.baseline, result.ruleSets!.modified);
    const html = renderReviewPage({
      parsed: result.parsed,
      changeSet,
      ruleSets: result.ruleSets,
      findings: result.files,
      textDir: 'sec-text',
    });
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]));
    const nav = html.slice(html.indexOf('<nav class="change-list"'), html.indexOf('</nav>'));
    // Lines folded under another carry their own changes too; a line's changes are the leaves' union.
    const leaves = [...nav.matchAll(/<li class="action-[a-z]+"[^>]*data-changes="([^"]+)">(?!<details>)/g)].flatMap((match) =>
      match[1]!.split(' '),
    );
    expect([...leaves].sort()).toEqual(changeSet.changes.map((change) => change.id).sort());
    for (const [, target] of nav.matchAll(/href="#([^"]+)"/g)) expect(ids.has(target), `#${target}`).toBe(true);
    // Redlines are <ins>/<del> with their modification.
    expect(html).toContain('<del class="redline html" cite="MP162" title="Deleted by MP162">16 secs</del>');
    expect(html).toMatch(
      /<ins class="redline-block html" cite="MP162"[^>]*><span class="redline-by block">Inserted by MP162<\/span>\s*<h5 id="[^"]+"[^>]*>H3\.13A Scheduled retrieval of MHHS data<\/h5>/,
    );
  });

  it('shows a diagnostic beside the text it concerns, and says plainly when the text does not compile', async () => {
    const copy = await projectCopy();
    try {
      const text = replaceOnce(await readText('appendix-ab.md'), '| 4.6.2 | 24 hrs | 30 secs |', '| 4.6.2 | 24 hrs | 30 sec |');
      await writeFile(path.join(copy.dir, 'sec-text', 'appendix-ab.md'), text);
      const run = await runCli(['report', '--out', 'review'], copy.dir);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('no change set: the text does not compile');
      const html = await readFile(path.join(copy.dir, 'review', 'index.html'), 'utf8');
      const line = text.split('\n').findIndex((entry) => entry.startsWith('| 4.6.2 |')) + 1;
      // The aside follows the table (the block holding the line) and links to the flagged cell; quoted text is code.
      const aside = new RegExp(
        `</table></div></div>\\s*<div class="notes"><aside class="finding error"><span class="finding-head">error · trt-unknown-duration</span><a href="#(appendix-ab-${line}-\\d+)" class="finding-place">sec-text/appendix-ab.md:${line}:\\d+</a><span class="finding-reason">Unexpected Target Response Time <code>30 sec</code>`,
      );
      const match = aside.exec(html);
      expect(match).not.toBeNull();
      expect(html).toMatch(new RegExp(`<td id="${match![1]}" class="flagged-error">30 sec</td>`));
      // Honest: neither "no change" nor "no manifest", but why there is no change set, and that the manifest exists.
      const page = plainText(html);
      expect(page).not.toMatch(/No semantic change|no change to the rules|no modification manifest/i);
      expect(page).toContain(
        'The text does not compile: 1 error, shown beside the text below. Until it is fixed there is no change set to review.',
      );
      expect(page).toContain('The manifest of MP162 is in place; the intent check runs once the text compiles.');
      expect(page).toContain('None: the text does not compile');
    } finally {
      await copy.cleanup();
    }
  });

  it('writes the change list and the intent check in the words of the text: no identifiers, no camelCase, no backticks, footnotes by number', async () => {
    const copy = await projectCopy();
    try {
      const manifestPath = path.join(copy.dir, 'sec-text', 'modifications', 'MP162.yaml');
      let manifest = await readFile(manifestPath, 'utf8');
      // SR 4.2's flag change becomes unintended; SR 4.6.1's (never made) becomes missing.
      manifest = replaceOnce(
        manifest,
        "      - { kind: service-request, action: changed, sr: '4.2', field: dccScheduled, from: 'No', to: 'Yes' }",
        "      - { kind: service-request, action: changed, sr: '4.6.1', field: dccScheduled, from: 'No', to: 'Yes' }",
      );
      await writeFile(manifestPath, manifest);
      const run = await runCli(['report', '--out', 'review'], copy.dir);
      expect(run.code).toBe(1);
      const html = await readFile(path.join(copy.dir, 'review', 'index.html'), 'utf8');
      const nav = plainText(html.slice(html.indexOf('<nav class="change-list"'), html.indexOf('</nav>')));
      const banner = plainText(
        html.slice(html.indexOf('<section class="intent'), html.indexOf('</section>', html.indexOf('<section class="intent'))),
      );
      for (const words of [nav, banner]) {
        expect(words).not.toMatch(/\b(mdr|other-user|import-supplier|export-supplier|electricity-distributor|registered-supplier-agent)\b/);
        expect(words).not.toMatch(/SMETS\d,? (on-demand|scheduled)\b/);
        expect(words).not.toMatch(/[a-z][A-Z]/); // camelCase
        expect(words).not.toMatch(/`|\[\^/);
      }
      expect(banner).toContain('Changes nobody intended');
      expect(banner).toContain('SR 4.2 Read Instantaneous Export Register Values, DCC Scheduled: No → Yes');
      expect(banner).toContain('SR 4.6.1 Retrieve Import Daily Read Log, DCC Scheduled changed');
      // SR 8.2's 16 → 30 s for the seven existing User Roles is one line, with its footnote's number as the page shows it.
      const lines = nav.split('\n').filter((entry) => entry.includes('SR 8.2 Read Inventory, SMETS1 On-Demand'));
      expect(lines).toEqual([expect.stringMatching(/^SR 8\.2 Read Inventory, SMETS1 On-Demand: 16 secs → 30 secs2 for all Users MP162/)]);
      expect(html).toMatch(
        /<sup class="footnote-ref"><a href="#appendix-ab-fn-ab-fn5" aria-label="footnote 2">2<\/a><\/sup> for all Users/,
      );
      // The same number the reference in the table shows.
      expect(html).toMatch(/<a href="#appendix-ab-fn-ab-fn5" id="appendix-ab-fnref-ab-fn5"[^>]*>2<\/a>/);
    } finally {
      await copy.cleanup();
    }
  });
});

/** The text of an HTML fragment, one line per list item, block or line break. */
function plainText(html: string): string {
  return html
    .replace(/<(li|p|h[1-6]|summary|br|div|aside)\b/g, '\n<$1')
    .replace(/<[^>]+>/g, '')
    .replace(/&#x3C;/g, '<')
    .replace(/&#x26;|&amp;/g, '&')
    .replace(/&#x27;/g, "'")
    .replace(/&#x22;|&quot;/g, '"')
    .split('\n')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .join('\n');
}
