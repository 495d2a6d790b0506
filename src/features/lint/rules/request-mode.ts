/**
 * `dcc-scheduled-trt` and `on-demand-trt`: a request-mode flag in Appendix E and the times in
 * Appendix AB say the same thing. An SR marked DCC Scheduled (On Demand) in E has a Scheduled
 * (On-Demand) TRT other than N/A for some eligible User Role in AB; an SR not so marked has none.
 * This is how a change like MP162's footnote 4 (SR 4.2 becomes DCC Scheduled) must be made: in
 * both appendices at once. Only SRs with Target Response Times are judged: an SR outside the
 * table's declared scope (AB1.3, the `trt-scope` rule) has none in the corpus, so says nothing here.
 */
import type { Mode, View } from '../../../shared/vocabulary.js';
import type { ServiceRow } from '../../../compiler/4-extract/tables.js';
import type { Trt } from '../../../shared/model.js';
import type { LintContext, LintRule } from '../types.js';
import { listing, modeName, placeOf, viewFacts, where } from '../util.js';

interface ModeSpec {
  mode: Mode;
  /** The Appendix E column. */
  column: 'DCC Scheduled' | 'On Demand';
  flag(row: ServiceRow): boolean;
  source(row: ServiceRow): ServiceRow['source'];
}

function checkMode(spec: ModeSpec, context: LintContext, view: View): void {
  const ruleSet = context.ruleSets?.[view];
  if (!ruleSet) return; // needsRules: only run with compiled rule sets
  const roles = context.memo.roleIndex(ruleSet);
  const mode = modeName(spec.mode);
  // The mode's TRTs by SR, once (a scan of every TRT per row was quadratic at SEC scale).
  const bySr = new Map<string, typeof ruleSet.trt>();
  for (const trt of ruleSet.trt) {
    if (trt.mode !== spec.mode) continue;
    const list = bySr.get(trt.sr);
    if (list) list.push(trt);
    else bySr.set(trt.sr, [trt]);
  }
  for (const { document, facts } of viewFacts(context.documents, view)) {
    for (const row of facts.serviceRows) {
      const eligible = roles.eligible.get(row.ref);
      if (!eligible || eligible.size === 0) continue;
      const times = (bySr.get(row.ref) ?? []).filter((trt) => eligible.has(trt.role));
      const [firstTime] = times;
      if (!firstTime) continue; // no TRT row or columns: trt-missing, the compiler's
      const available = times.filter((trt) => trt.seconds !== null);
      const flagSource = spec.source(row);
      if (spec.flag(row) && available.length === 0) {
        context.report(document, {
          reason: `Unexpected \`Yes\` in ${spec.column} for SR ${row.ref}: Appendix AB gives no ${mode} Target Response Time other than \`N/A\` for any User Role eligible for it (${listing([...eligible].map(roles.nameOf))}), expected a ${mode} time in Appendix AB (${where(firstTime.source)}) or \`No\` here`,
          place: placeOf(flagSource),
          actual: 'Yes',
          related: { document: firstTime.source.file, place: placeOf(firstTime.source), reason: `${mode} Target Response Times for SR ${row.ref}: all \`N/A\`` },
        });
      }
      if (!spec.flag(row) && available.length > 0) {
        // One finding per Appendix AB cell, naming every role the cell applies to.
        const byCell = new Map<string, Trt[]>();
        for (const trt of available) {
          const key = where(trt.source);
          byCell.set(key, [...(byCell.get(key) ?? []), trt]);
        }
        for (const cellTimes of byCell.values()) {
          const [first] = cellTimes;
          if (!first) continue;
          const names = listing(cellTimes.map((trt) => roles.nameOf(trt.role)));
          context.report(first.source.file, {
            reason: `Unexpected ${mode} Target Response Time \`${first.text}\` for SR ${row.ref}, ${names}, SMETS${first.smets}: Appendix E does not mark SR ${row.ref} ${spec.column} (${where(flagSource)}), expected \`N/A\``,
            place: placeOf(first.source),
            actual: first.text,
            expected: ['N/A'],
            related: { document: flagSource.file, place: placeOf(flagSource), reason: `SR ${row.ref} is not ${spec.column} in Appendix E` },
          });
        }
      }
    }
  }
}

export const dccScheduledTrt: LintRule = {
  id: 'dcc-scheduled-trt',
  needsRules: true,
  views: 'each',
  doc: {
    description:
      'Appendix E says whether a Service Request may be sent as a DCC Scheduled request; Appendix AB says how fast the DCC must answer a Scheduled one. The two must agree: an SR marked DCC Scheduled needs a Scheduled Target Response Time other than `N/A` for at least one User Role eligible for it, and an SR not marked DCC Scheduled must have `N/A` in every Scheduled column. MP162 footnote 4 (SR 4.2 becomes DCC Scheduled) is the change this rule keeps whole: flipping the flag in E without giving times in AB (or the reverse) is reported at the cell that contradicts the other appendix, naming the SR and the User Roles.',
    examples: [
      { title: 'MP162 as drafted: SR 4.2 is DCC Scheduled in E and has Scheduled times in AB (modified); neither in the baseline', expect: [] },
      {
        title: 'SR 4.2 made DCC Scheduled in E, but its Scheduled TRTs left N/A in AB',
        edits: [
          { file: 'appendix-ab.md', find: '| 4.2 | <del cite="MP162">N/A</del><ins cite="MP162">24 hrs[^ab-fn4]</ins> | 30 secs | <del cite="MP162">N/A</del><ins cite="MP162">24 hrs[^ab-fn4]</ins> | 16 secs | <ins cite="MP162">24 hrs</ins> | <ins cite="MP162">24 hrs</ins> | <ins cite="MP162">24 hrs</ins> |', replace: '| 4.2 | N/A | 30 secs | N/A | 16 secs | <ins cite="MP162">N/A</ins> | <ins cite="MP162">24 hrs</ins> | <ins cite="MP162">N/A</ins> |' },
          { file: 'appendix-ab.md', find: '[^ab-fn4]: Before MP162', replace: 'Before MP162' },
        ],
        expect: ['appendix-e.md:{| 4.2 |»Yes[^e-fn4]</ins>} [modified] — Unexpected `Yes` in DCC Scheduled for SR 4.2: Appendix AB gives no Scheduled Target Response Time other than `N/A` for any User Role eligible for it (Export Supplier, Electricity Distributor and Meter Data Retriever), expected a Scheduled time in Appendix AB (appendix-ab.md:45:9) or `No` here'],
      },
      {
        title: 'The reverse: SR 4.2 left not DCC Scheduled in E, but given Scheduled TRTs in AB',
        edits: [
          { file: 'appendix-e.md', find: '| DSP | <del cite="MP162">No</del><ins cite="MP162">Yes[^e-fn4]</ins> |', replace: '| DSP | No |' },
          { file: 'appendix-e.md', find: '[^e-fn4]: Before MP162', replace: 'Before MP162' },
        ],
        expect: [
          'appendix-ab.md:{| 4.2 |»24 hrs[^ab-fn4]</ins>} [modified] — Unexpected Scheduled Target Response Time `24 hrs` for SR 4.2, Export Supplier and Electricity Distributor, SMETS2: Appendix E does not mark SR 4.2 DCC Scheduled (appendix-e.md:57:75), expected `N/A`',
          'appendix-ab.md:{| 30 secs | <del cite="MP162">N/A</del><ins cite="MP162">»24 hrs} [modified] — Unexpected Scheduled Target Response Time `24 hrs` for SR 4.2, Export Supplier and Electricity Distributor, SMETS1: Appendix E does not mark SR 4.2 DCC Scheduled (appendix-e.md:57:75), expected `N/A`',
          'appendix-ab.md:{<ins cite="MP162">24 hrs[^ab-fn4]</ins> | 16 secs | <ins cite="MP162">»24 hrs} [modified] — Unexpected Scheduled Target Response Time `24 hrs` for SR 4.2, Meter Data Retriever, SMETS2: Appendix E does not mark SR 4.2 DCC Scheduled (appendix-e.md:57:75), expected `N/A`',
          'appendix-ab.md:{<ins cite="MP162">24 hrs[^ab-fn4]</ins> | 16 secs | <ins cite="MP162">24 hrs</ins> | <ins cite="MP162">24 hrs</ins> | <ins cite="MP162">»24 hrs} [modified] — Unexpected Scheduled Target Response Time `24 hrs` for SR 4.2, Meter Data Retriever, SMETS1: Appendix E does not mark SR 4.2 DCC Scheduled (appendix-e.md:57:75), expected `N/A`',
        ],
      },
    ],
  },
  check: (context, view) =>
    checkMode({ mode: 'scheduled', column: 'DCC Scheduled', flag: (row) => row.dccScheduled, source: (row) => row.sources.dccScheduled }, context, view),
};

export const onDemandTrt: LintRule = {
  id: 'on-demand-trt',
  needsRules: true,
  views: 'each',
  doc: {
    description:
      'The On Demand twin of `dcc-scheduled-trt`: an SR marked On Demand in Appendix E needs an On-Demand Target Response Time other than `N/A` in Appendix AB for at least one User Role eligible for it, and an SR not marked On Demand must have `N/A` in every On-Demand column. Otherwise the DCC would be bound to answer requests the User may not send, or the User could send requests the DCC has no time for.',
    examples: [
      { title: 'MP162 as drafted', expect: [] },
      {
        title: 'SR 5.1 marked not On Demand in E while AB gives On-Demand times',
        edits: [{ file: 'appendix-e.md', find: '| 5.1 | Create Schedule | No | Yes | Yes |', replace: '| 5.1 | Create Schedule | No | Yes | No |' }],
        expect: [
          'appendix-ab.md:{| 5.1 | N/A | »24 hrs} — Unexpected On-Demand Target Response Time `24 hrs` for SR 5.1, Import Supplier, Export Supplier, Gas Supplier, Electricity Distributor, Gas Transporter and Other User, SMETS2: Appendix E does not mark SR 5.1 On Demand (appendix-e.md:79:38), expected `N/A`',
          'appendix-ab.md:{| 5.1 | N/A | 24 hrs | N/A | »24 hrs} — Unexpected On-Demand Target Response Time `24 hrs` for SR 5.1, Import Supplier, Export Supplier, Gas Supplier, Electricity Distributor, Gas Transporter and Other User, SMETS1: Appendix E does not mark SR 5.1 On Demand (appendix-e.md:79:38), expected `N/A`',
          'appendix-ab.md:{| 5.1 | N/A | 24 hrs | N/A | 24 hrs | <ins cite="MP162">N/A</ins> | <ins cite="MP162">»24 hrs} [modified] — Unexpected On-Demand Target Response Time `24 hrs` for SR 5.1, Meter Data Retriever, SMETS2: Appendix E does not mark SR 5.1 On Demand (appendix-e.md:79:38), expected `N/A`',
          'appendix-ab.md:{| 5.1 | N/A | 24 hrs | N/A | 24 hrs | <ins cite="MP162">N/A</ins> | <ins cite="MP162">24 hrs</ins> | <ins cite="MP162">N/A</ins> | <ins cite="MP162">»24 hrs} [modified] — Unexpected On-Demand Target Response Time `24 hrs` for SR 5.1, Meter Data Retriever, SMETS1: Appendix E does not mark SR 5.1 On Demand (appendix-e.md:79:38), expected `N/A`',
        ],
      },
    ],
  },
  check: (context, view) => checkMode({ mode: 'on-demand', column: 'On Demand', flag: (row) => row.onDemand, source: (row) => row.sources.onDemand }, context, view),
};
