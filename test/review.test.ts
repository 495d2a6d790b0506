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

  it('links every change to an element id that exists on the page', async () => {
    const result = await compileStrings(await textDocuments(), false);
    const changeSet = diffRuleSets(result.ruleSets!.baseline, result.ruleSets!.modified);
    const html = renderReviewPage({ parsed: result.parsed, changeSet, findings: result.files, textDir: 'sec-text' });
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]));
    const links = [...html.matchAll(/<li class="action-[a-z]+"[^>]*data-change="([^"]+)"><a href="#([^"]+)"/g)];
    expect(links).toHaveLength(changeSet.changes.length);
    for (const [, change, target] of links) expect(ids.has(target), `${change} → #${target}`).toBe(true);
    // Redlines are <ins>/<del> with their modification.
    expect(html).toContain('<del class="redline html" cite="MP162" title="Deleted by MP162">16 secs</del>');
    expect(html).toMatch(
      /<ins class="redline-block html" cite="MP162"[^>]*>\s*<h3 id="[^"]+"[^>]*>H3\.13A Scheduled retrieval of MHHS data<\/h3>/,
    );
  });

  it('shows a diagnostic beside the text it concerns, even when the text does not compile', async () => {
    const copy = await projectCopy();
    try {
      const text = replaceOnce(await readText('appendix-ab.md'), '| 4.6.2 | 24 hrs | 30 secs |', '| 4.6.2 | 24 hrs | 30 sec |');
      await writeFile(path.join(copy.dir, 'sec-text', 'appendix-ab.md'), text);
      const run = await runCli(['report', '--out', 'review'], copy.dir);
      expect(run.code).toBe(1);
      const html = await readFile(path.join(copy.dir, 'review', 'index.html'), 'utf8');
      const line = text.split('\n').findIndex((entry) => entry.startsWith('| 4.6.2 |')) + 1;
      // The aside follows the table (the block holding the line) and links to the flagged cell.
      const aside = new RegExp(
        `</table>\\s*<div class="notes"><aside class="finding error"><span class="finding-head">error · trt-unknown-duration</span><a href="#(appendix-ab-${line}-\\d+)" class="finding-place">sec-text/appendix-ab.md:${line}:\\d+</a><span class="finding-reason">Unexpected Target Response Time \`30 sec\``,
      );
      const match = aside.exec(html);
      expect(match).not.toBeNull();
      expect(html).toMatch(new RegExp(`<td id="${match![1]}" class="flagged-error">30 sec</td>`));
    } finally {
      await copy.cleanup();
    }
  });
});
