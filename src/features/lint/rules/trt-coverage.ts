/**
 * `trt-coverage`: Appendix E and Appendix AB cover the same Service Requests and User Roles.
 * The compiler already rejects a missing TRT row or column (`trt-missing`), a row for an SR that
 * E does not list (`trt-unknown-sr`) and an unknown sender (`role-unknown`); this rule finds the
 * contradictions that still compile. SRs outside the table's declared scope (AB1.3) have no TRTs
 * in the corpus and are left alone; `trt-scope` checks the scope itself.
 */
import { ELIGIBLE_USER_ROLES } from '../../../shared/vocabulary.js';
import type { LintRule } from '../types.js';
import { listing, modeName, placeOf, viewFacts, where } from '../util.js';

export const trtCoverage: LintRule = {
  id: 'trt-coverage',
  needsRules: true,
  views: 'each',
  doc: {
    description:
      'A User Role that Appendix E makes eligible for a Service Request must have at least one Target Response Time other than `N/A` for it in Appendix AB, or the DCC has no time to meet and the User no way to send it; and Appendix AB must not give a time to a User Role for a Service Request that Appendix E does not make it eligible for, nor have columns for a User Role that Appendix E makes eligible for nothing. A drafter who adds a User Role to one appendix and forgets the other is told at the cell where the two disagree.',
    examples: [
      { title: 'MP162 as drafted: E and AB agree', expect: [] },
      {
        title: 'The MDR is eligible for SR 4.6.2 in E, but AB gives it only N/A',
        edits: [{ file: 'appendix-ab.md', find: '| 4.6.2 | 24 hrs | 30 secs | N/A | N/A | <ins cite="MP162">24 hrs</ins> | <ins cite="MP162">24 hrs</ins> |', replace: '| 4.6.2 | 24 hrs | 30 secs | N/A | N/A | <ins cite="MP162">N/A</ins> | <ins cite="MP162">N/A</ins> |' }],
        expect: ['appendix-e.md:{| 4.6.2 |»Yes</ins>} [modified] — Unexpected `Yes` for Meter Data Retriever and SR 4.6.2: Appendix AB gives Meter Data Retriever no Target Response Time other than `N/A` for SR 4.6.2, expected at least one time in Appendix AB (appendix-ab.md:47:60) or `No` here'],
      },
      {
        title: 'AB gives the MDR a time for SR 8.2, which E does not make it eligible for',
        edits: [{ file: 'appendix-e.md', find: '| 8.2 | Read Inventory | No | Yes | Yes | No | No | Yes | Yes | Yes | Yes | Yes | Yes | Yes | <ins cite="MP162">Yes</ins> |', replace: '| 8.2 | Read Inventory | No | Yes | Yes | No | No | Yes | Yes | Yes | Yes | Yes | Yes | Yes | <ins cite="MP162">No</ins> |' }],
        expect: ['appendix-ab.md:{| 8.2 |»30 secs</ins>} [modified] — Unexpected Target Response Time `30 secs` for SR 8.2, Meter Data Retriever, SMETS2, On-Demand: Appendix E does not make Meter Data Retriever eligible for SR 8.2 (appendix-e.md:140:113), expected `N/A`', 'appendix-ab.md:{<ins cite="MP162">30 secs</ins> | <ins cite="MP162">N/A</ins> | <ins cite="MP162">»30 secs</ins>} [modified] — Unexpected Target Response Time `30 secs` for SR 8.2, Meter Data Retriever, SMETS1, On-Demand: Appendix E does not make Meter Data Retriever eligible for SR 8.2 (appendix-e.md:140:113), expected `N/A`'],
      },
    ],
  },
  check(context, view) {
    const ruleSet = context.ruleSets?.[view];
    if (!ruleSet) return; // needsRules: only run with compiled rule sets
    const roles = context.memo.roleIndex(ruleSet);
    const facts = viewFacts(context.documents, view);

    // (a) An eligible role whose every TRT is N/A. (TRTs indexed by SR and role: a scan per
    // eligibility entry was quadratic, seconds at SEC scale.)
    // SR → role → its times, in table order (nested maps: no key text per entry).
    const timesOf = new Map<string, Map<string, typeof ruleSet.trt>>();
    for (const trt of ruleSet.trt) {
      let bySr = timesOf.get(trt.sr);
      if (!bySr) timesOf.set(trt.sr, (bySr = new Map()));
      const list = bySr.get(trt.role);
      if (list) list.push(trt);
      else bySr.set(trt.role, [trt]);
    }
    for (const entry of ruleSet.eligibility) {
      if (!entry.eligible) continue;
      const times = timesOf.get(entry.sr)?.get(entry.role) ?? [];
      const [firstTime] = times;
      if (!firstTime || times.some((trt) => trt.seconds !== null)) continue;
      const name = roles.nameOf(entry.role);
      context.report(entry.source.file, {
        reason: `Unexpected \`Yes\` for ${name} and SR ${entry.sr}: Appendix AB gives ${name} no Target Response Time other than \`N/A\` for SR ${entry.sr}, expected at least one time in Appendix AB (${where(firstTime.source)}) or \`No\` here`,
        place: placeOf(entry.source),
        actual: 'Yes',
        related: { document: firstTime.source.file, place: placeOf(firstTime.source), reason: `Target Response Times for SR ${entry.sr}, ${name}: all \`N/A\`` },
      });
    }

    // (b) AB columns for a role that E makes eligible for nothing; (c) a time for an ineligible role.
    const reportedSenders = new Set<string>();
    for (const { document, facts: viewFact } of facts) {
      for (const column of viewFact.trtColumns) {
        if (column.sender === ELIGIBLE_USER_ROLES || reportedSenders.has(column.sender)) continue;
        const role = roles.byName.get(column.sender);
        if (!role) continue; // role-unknown: the compiler's
        const anywhere = [...roles.eligible.values()].some((ids) => ids.has(role.id));
        if (anywhere) continue;
        reportedSenders.add(column.sender);
        context.report(document, {
          reason: `Unexpected columns for ${role.name} in the Target Response Time table: Appendix E makes ${role.name} eligible for no Service Request, expected no columns of its own or eligibility in Appendix E`,
          place: placeOf(column.headerSource),
          actual: column.header,
        });
      }
      const ownSenders = new Set(viewFact.trtColumns.map((column) => column.sender));
      for (const row of viewFact.trtRows) {
        const eligible = roles.eligible.get(row.sr) ?? new Set<string>();
        // Whether an eligible role has no columns of its own (the `Eligible User Roles` columns then serve it); asked once per row.
        let hasFallback: boolean | undefined;
        for (const cell of row.cells) {
          if (cell.seconds === null) continue;
          const label = () => `SR ${row.sr}, ${cell.column.sender}, SMETS${cell.column.smets}, ${modeName(cell.column.mode)}`;
          if (cell.column.sender === ELIGIBLE_USER_ROLES) {
            hasFallback ??= [...eligible].some((id) => !ownSenders.has(roles.nameOf(id)));
            if (hasFallback || eligible.size === 0) continue;
            context.report(document, {
              reason: `Unexpected Target Response Time \`${cell.text}\` for ${label()}: every User Role eligible for SR ${row.sr} under Appendix E (${listing([...eligible].map(roles.nameOf))}) has columns of its own, expected \`N/A\``,
              place: placeOf(cell.source),
              actual: cell.text,
              expected: ['N/A'],
            });
            continue;
          }
          const role = roles.byName.get(cell.column.sender);
          if (!role || eligible.has(role.id) || !roles.eligible.size) continue;
          {
            const eCell = roles.cell.get(row.sr)?.get(role.id);
            context.report(document, {
              reason: `Unexpected Target Response Time \`${cell.text}\` for ${label()}: Appendix E does not make ${role.name} eligible for SR ${row.sr}${eCell ? ` (${where(eCell.source)})` : ''}, expected \`N/A\``,
              place: placeOf(cell.source),
              actual: cell.text,
              expected: ['N/A'],
              ...(eCell ? { related: { document: eCell.source.file, place: placeOf(eCell.source), reason: `${role.name} is not eligible for SR ${row.sr}` } } : {}),
            });
          }
        }
      }
    }
  },
};
