/**
 * `trt-scope`: the Target Response Time table covers what its scope clause says it covers. The
 * text need not give TRTs for every Service Request of Appendix E (the corpus carries the MP162
 * report's MHHS table only), so a `trt-scope` rule block under the scope clause (AB1.3) names the
 * SRs the table covers. The compiler demands a row for each of them (`trt-missing`); this rule
 * finds the rest: a row the scope does not name, and a scope naming an SR Appendix E does not list.
 */
import type { ClauseRule } from '../../../shared/model.js';
import type { ViewRule } from '../types.js';
import { placeOf, viewFacts, where } from '../util.js';

type ScopeRule = Extract<ClauseRule, { kind: 'trt-scope' }>;

const SCOPE_EDIT = "'5.1', '5.2', '5.3', '8.2']";
const ROW_4_8_1 = '| 4.8.1 | 24 hrs | 5,600 secs |';
const MDR_NA = '<ins cite="MP162">N/A</ins>';

export const trtScope: ViewRule = {
  id: 'trt-scope',
  needsRules: true,
  views: 'each',
  doc: {
    description:
      'Appendix AB need not set out Target Response Times for every Service Request of Appendix E, but it must say which it covers: a `trt-scope` rule block under the scope clause (AB1.3) lists them, and the compiler demands a row for each (`trt-missing`). This rule reports the other two ways the table and its scope can part: a row for a Service Request that the scope clause does not name (the clause would understate what the table binds), and a scope that names a Service Request Appendix E does not list. Without a `trt-scope` rule, every Service Request of Appendix E needs a row.',
    examples: [
      { title: 'MP162 as drafted: the table has a row for each of the 11 SRs that AB1.3 names', expect: [] },
      {
        title: 'A row for SR 4.8.2 added to the table without naming SR 4.8.2 in AB1.3',
        edits: [
          {
            file: 'appendix-ab.md',
            find: ROW_4_8_1,
            replace: `| 4.8.2 | 24 hrs | 30 secs | 24 hrs | 16 secs | ${MDR_NA} | ${MDR_NA} | ${MDR_NA} | ${MDR_NA} |\n${ROW_4_8_1}`,
          },
        ],
        expect: ['appendix-ab.md:{4.8.2 | 24 hrs} — Unexpected row for SR 4.8.2 in the Target Response Time table: clause AB1.3 (appendix-ab.md:28:1) does not name SR 4.8.2 among the Service Requests the table covers, expected SR 4.8.2 named there (in the clause and its rule `AB1.3.trt-scope`) or no row'],
      },
      {
        title: 'The scope names SR 9.9, which Appendix E does not list',
        edits: [{ file: 'appendix-ab.md', find: SCOPE_EDIT, replace: "'5.1', '5.2', '5.3', '8.2', '9.9']" }],
        expect: ['appendix-ab.md:{»```rule\nid: AB1.3.trt-scope} — Unexpected SR 9.9 in the Service Requests that clause AB1.3 says the Target Response Time table covers: Appendix E does not list it, expected only Service Requests of Appendix E'],
      },
    ],
  },
  check(context, view) {
    const ruleSet = context.ruleSets?.[view];
    const scopes = ruleSet?.clauseRules.filter((rule): rule is ScopeRule => rule.kind === 'trt-scope') ?? [];
    const [scope] = scopes;
    if (!ruleSet || !scope) return; // needsRules; without a trt-scope rule every SR needs a row (trt-missing)
    const listed = new Set(ruleSet.serviceRequests.map((sr) => sr.ref));
    const covered = new Set(scopes.flatMap((rule) => rule.serviceRequests));
    for (const rule of scopes) {
      for (const sr of rule.serviceRequests.filter((ref) => !listed.has(ref))) {
        context.report(rule.source.file, {
          reason: `Unexpected SR ${sr} in the Service Requests that clause ${rule.clause} says the Target Response Time table covers: Appendix E does not list it, expected only Service Requests of Appendix E`,
          place: placeOf(rule.source),
          actual: sr,
        });
      }
    }
    for (const { document, facts } of viewFacts(context.documents, view)) {
      for (const row of facts.trtRows.filter((entry) => !covered.has(entry.sr))) {
        context.report(document, {
          reason: `Unexpected row for SR ${row.sr} in the Target Response Time table: clause ${scope.clause} (${where(scope.source)}) does not name SR ${row.sr} among the Service Requests the table covers, expected SR ${row.sr} named there (in the clause and its rule \`${scope.id}\`) or no row`,
          place: placeOf(row.source),
          actual: row.sr,
          related: { document: scope.source.file, place: placeOf(scope.source), reason: `the Service Requests clause ${scope.clause} covers` },
        });
      }
    }
  },
};
