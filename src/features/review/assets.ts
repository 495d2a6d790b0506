/** The review page's inline style and script: no fonts, images or scripts are fetched. */

export const REVIEW_CSS = `
:root { --ins: #e6ffec; --ins-ink: #116329; --del: #ffebe9; --del-ink: #a40e26; --changed: #fff8c5; --line: #d0d7de; --muted: #57606a; --accent: #0969da; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1f2328; background: #fff; }
.page-header { padding: 1rem 1.5rem; border-bottom: 1px solid var(--line); background: #f6f8fa; }
.page-header h1 { margin: 0 0 .5rem; font-size: 1.4rem; }
.summary { margin: .5rem 0 0; color: var(--muted); }
.intent { border-radius: 6px; padding: .6rem 1rem; border: 1px solid var(--line); }
.intent h2 { font-size: 1rem; margin: .6rem 0 .2rem; }
.intent-result { margin: 0; font-weight: 600; }
.intent-pass { background: var(--ins); border-color: #4ac26b; }
.intent-pass .intent-result::before { content: "\\2713  "; }
.intent-fail { background: var(--del); border-color: #ff8182; }
.intent-fail .intent-result::before { content: "\\2717  "; }
.intent-none { background: #fff; }
.layout { display: grid; grid-template-columns: minmax(16rem, 22rem) minmax(0, 1fr); align-items: start; }
.change-list { position: sticky; top: 0; max-height: 100vh; overflow: auto; padding: .5rem 1rem 2rem; border-right: 1px solid var(--line); font-size: 13px; }
.change-list h2 { font-size: 1.05rem; margin: .5rem 0; }
.change-list h3 { font-size: .95rem; margin: 1rem 0 .3rem; }
.change-list ul { list-style: none; margin: .2rem 0 .6rem; padding: 0; }
.change-list ul ul { margin-left: .6rem; }
.change-list li { padding: 2px 4px 2px 8px; border-left: 3px solid var(--line); margin: 2px 0; }
.change-list li.action-added { border-left-color: #4ac26b; }
.change-list li.action-removed { border-left-color: #ff8182; }
.change-list li.action-changed { border-left-color: #d4a72c; }
.change-list li.unintended, .intent li.unintended { background: var(--del); }
.change-list a { color: var(--accent); text-decoration: none; }
.change-list a:hover { text-decoration: underline; }
.change-list summary { cursor: pointer; }
.intent-ref { display: block; color: var(--muted); font-size: 11px; }
.made-by { display: inline-block; font-size: 11px; margin-left: 0.4em; padding: 0 0.3em; border: 1px solid var(--muted); border-radius: 3px; color: #1f2328; background: #fff; font-weight: 600; text-decoration: none; }
main { padding: 0 1.5rem 40vh; min-width: 0; }
.doc { border-bottom: 2px solid var(--line); padding-bottom: 1rem; }
.doc-name { font-size: 1.15rem; background: #f6f8fa; padding: .4rem .6rem; border: 1px solid var(--line); border-radius: 6px; margin-top: 1.5rem; }
.doc-file { margin-left: .6em; font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--muted); font-weight: 400; }
.doc-body h3 { font-size: 1.7rem; } .doc-body h4 { font-size: 1.4rem; } .doc-body h5 { font-size: 1.15rem; } .doc-body h6 { font-size: 1rem; }
.doc-body > p, .doc-body > ul, .doc-body > ol, .doc-body > h3, .doc-body > h4, .doc-body > .notes, .doc-body > ins, .doc-body > del, .doc-body > pre, .doc-body > h5, .doc-body > h6 { max-width: 62rem; }
.table-block { margin: .5rem 0 1rem; }
.inserted-columns { margin: .3rem 0; font-size: 13px; }
.inserted-columns a { color: var(--ins-ink); font-weight: 600; }
/* A table scrolls in its own box: its header row and its first column (the SR) stay in view. */
.table-scroll { max-height: 85vh; overflow: auto; border: 1px solid var(--line); margin: .3rem 0 1rem; }
.table-scroll:focus { outline: 2px solid var(--accent); }
.doc-body table { border-collapse: separate; border-spacing: 0; font-size: 13px; }
.doc-body th, .doc-body td { border-right: 1px solid var(--line); border-bottom: 1px solid var(--line); padding: 3px 6px; vertical-align: top; background: #fff; }
.doc-body th { background: #f6f8fa; position: sticky; top: 0; z-index: 2; font-size: 12px; }
.doc-body tr > :first-child { position: sticky; left: 0; z-index: 1; border-right: 2px solid var(--line); }
.doc-body tr > th:first-child { z-index: 3; min-width: 0; }
ins, ins.redline-block { background: var(--ins); color: var(--ins-ink); text-decoration: underline; text-decoration-color: #4ac26b; }
del { background: var(--del); color: var(--del-ink); text-decoration: line-through; }
ins.redline-block, del.redline-block { display: block; text-decoration: none; border-left: 4px solid #4ac26b; padding: 0 .8rem; margin: .5rem 0; }
del.redline-block { border-left-color: #ff8182; }
.redline-by { font-size: 11px; font-weight: 600; color: var(--ins-ink); text-decoration: none; display: inline-block; }
del .redline-by, .redline-by.deleted { color: var(--del-ink); }
.redline-by.block { display: block; margin-top: .3rem; text-transform: uppercase; letter-spacing: .04em; }
.redline-by.inline { margin-left: .3em; padding: 0 .3em; border: 1px solid #4ac26b; border-radius: 3px; }
.redline-by.column, .redline-by.row { display: block; font-weight: 400; }
td.cell-inserted, th.cell-inserted { background: var(--ins); }
th.cell-inserted { border-top: 4px solid #4ac26b; }
td.cell-deleted, th.cell-deleted { background: var(--del); }
.changed { outline: 2px solid #d4a72c; outline-offset: -2px; }
.changed.change-added { outline: 1px solid #4ac26b; }
td.change-changed, td.change-removed { background: var(--changed); }
.change-badge { display: block; margin-top: .2em; padding: 0 .4em; border-radius: 1em; background: #7d4e00; color: #fff; font-size: 11px; font-weight: 600; white-space: nowrap; width: max-content; }
.change-badge .made-by { font-size: 10px; padding: 0 .25em; }
.change-badge a { color: #fff; }
sup.footnote-ref a { color: inherit; }
.footnotes { margin-top: 1rem; font-size: 14px; }
.footnotes-heading { font-size: 1rem; }
:target { outline: 3px solid var(--accent) !important; outline-offset: 1px; scroll-margin-top: 30vh; }
.notes { margin: .3rem 0 .8rem; }
.finding { display: block; margin: .3rem 0; padding: .3rem .6rem; border-left: 4px solid #d4a72c; background: #fff8c5; font-size: 13px; }
.finding.error { border-left-color: #cf222e; background: var(--del); }
.finding.info { border-left-color: var(--accent); background: #ddf4ff; }
.finding-head { font-weight: 600; margin-right: .5em; }
.finding-place { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; margin-right: .5em; }
.finding-reason { display: block; }
.flagged-error { box-shadow: inset 0 -3px 0 #cf222e; }
.flagged-warning { box-shadow: inset 0 -3px 0 #d4a72c; }
pre { background: #f6f8fa; padding: .6rem; overflow-x: auto; border-radius: 6px; font-size: 12px; }
code.raw-html { color: #953800; background: #fff1e5; }
.front-matter summary { color: var(--muted); cursor: pointer; }
/* Screen readers do not announce <ins>/<del> everywhere: say where a redline starts and ends (not printed). */
@media screen {
  ins::before, ins::after, del::before, del::after { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(100%); white-space: nowrap; }
  ins::before { content: " [inserted] "; } ins::after { content: " [end of insertion] "; }
  del::before { content: " [deleted] "; } del::after { content: " [end of deletion] "; }
}
@media (max-width: 900px) { .layout { grid-template-columns: 1fr; } .change-list { position: static; max-height: none; border-right: 0; } }
/* Print (and Chromium's PDF): landscape, the change list first as a summary, every table whole, the redline in strike-through and underline. */
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { font-size: 10pt; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .layout { display: block; }
  .change-list { position: static; max-height: none; overflow: visible; border: 0; border-bottom: 2px solid var(--line); font-size: 9pt; break-after: page; }
  main { padding: 0; }
  .table-scroll { max-height: none; overflow: visible; border: 0; }
  .doc-body table { font-size: 7pt; width: 100%; }
  .doc-body th, .doc-body td { position: static; padding: 1px 3px; min-width: 0; font-size: 7.5pt; }
  .change-badge { white-space: normal; width: auto; }
  thead { display: table-header-group; }
  tr, .finding, .change-badge { break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
  .inserted-columns, .front-matter { display: none; }
  a { color: inherit; text-decoration: none; }
  ins { text-decoration: underline; }
  del { text-decoration: line-through; }
}
`;

/** Marks the change list entry of the element in view after a jump, so the reviewer keeps their place. */
export const REVIEW_JS = `
(function () {
  function mark() {
    var id = decodeURIComponent(location.hash.slice(1));
    var links = document.querySelectorAll('.change-list a');
    for (var i = 0; i < links.length; i++) {
      links[i].parentNode.style.fontWeight = links[i].getAttribute('href') === '#' + id ? '600' : '';
    }
  }
  window.addEventListener('hashchange', mark);
  mark();
})();
`;
