/**
 * Every combination the legal text defines (SR x User Role x SMETS generation x mode, per view),
 * from the gateway tables alone, each with what it says (eligible, TRT) and the cell it rests on.
 */
import type { View } from '../../generated/types.js';
import { isMode, modeLabel } from '../shared/vocabulary.js';
import { cellBasis, type Basis } from './basis.js';
import { GENERATED_TABLES, type GatewayTables } from './tables.js';

/** One combination the legal text defines, with what it says and where. */
export interface Combination {
  view: View;
  sr: string;
  role: string;
  roleName: string;
  smets: number;
  mode: string;
  eligible: boolean;
  /** Seconds; null when not available (N/A) or not eligible. */
  trtSeconds: number | null;
  /** The TRT cell as written (`24 hrs`, `N/A`), when the role is eligible. */
  trtText?: string;
  eligibilityBasis: Basis;
  /** The Appendix AB cell, when the role is eligible. */
  trtBasis?: Basis;
}

/**
 * Every SR x User Role x SMETS generation x mode of a view, from the tables alone. Only the SRs
 * with Target Response Times in the corpus (the Appendix AB table, scope clause AB1.3) have such
 * combinations: a row's `trt_seconds` means nothing for the others.
 */
export function combinations(view: View, tables: GatewayTables = GENERATED_TABLES): Combination[] {
  const { smets, modes } = axes(view, tables);
  const out: Combination[] = [];
  for (const sr of tables.serviceRequests[view].filter((entry) => tables.trt[view][entry.ref] !== undefined)) {
    for (const role of tables.userRoles[view]) {
      const eligibility = tables.eligibility[view][sr.ref]?.[role.id];
      const eligible = eligibility?.eligible === true;
      const eligibilityBasis = cellBasis(eligibility ?? sr, `SR ${sr.ref} / ${role.name}`);
      for (const generation of smets) {
        for (const mode of modes) {
          const combination: Combination = {
            view,
            sr: sr.ref,
            role: role.id,
            roleName: role.name,
            smets: generation,
            mode,
            eligible,
            trtSeconds: null,
            eligibilityBasis,
          };
          if (eligible) {
            const cell = (
              tables.trt[view][sr.ref]?.[role.id] as
                | Record<
                    string,
                    Record<string, { seconds: number | null; text: string; address: string; place: string; clause: string | null }>
                  >
                | undefined
            )?.[generation]?.[mode];
            if (cell) {
              combination.trtSeconds = cell.seconds;
              combination.trtText = cell.text;
              combination.trtBasis = cellBasis(cell, `SR ${sr.ref} / ${role.name} / SMETS${generation} / ${modeName(mode)}`);
            }
          }
          out.push(combination);
        }
      }
    }
  }
  return out;
}

/** The SMETS generations and modes the view's TRT table has columns for. */
export function axes(view: View, tables: GatewayTables): { smets: number[]; modes: string[] } {
  const smets = new Set<number>();
  const modes = new Set<string>();
  for (const byRole of Object.values(tables.trt[view])) {
    for (const bySmets of Object.values(byRole ?? {})) {
      for (const [generation, byMode] of Object.entries(bySmets ?? {})) {
        smets.add(Number(generation));
        for (const mode of Object.keys(byMode ?? {})) modes.add(mode);
      }
    }
  }
  return {
    smets: [...smets].sort(),
    modes: [...modes].sort((a, b) => (a === 'scheduled' ? -1 : b === 'scheduled' ? 1 : a < b ? -1 : a > b ? 1 : 0)),
  };
}

export function firstTrtCell(view: View, tables: GatewayTables): { address: string; place: string; clause: string | null } | undefined {
  for (const byRole of Object.values(tables.trt[view])) {
    for (const bySmets of Object.values(byRole ?? {})) {
      for (const byMode of Object.values(bySmets ?? {})) {
        for (const cell of Object.values(byMode ?? {})) return cell as { address: string; place: string; clause: string | null };
      }
    }
  }
  return undefined;
}

/** One key per combination, to match configuration rows with the text's combinations. */
export function combinationKey(sr: string, role: string, smets: number, mode: string): string {
  return `${sr}|${role}|${smets}|${mode}`;
}

export function roleName(tables: GatewayTables, view: View, id: string): string {
  return (
    (
      tables.userRoles[view].find((role) => role.id === id) ??
      tables.userRoles[view === 'baseline' ? 'modified' : 'baseline'].find((role) => role.id === id)
    )?.name ?? `\`${id}\``
  );
}

function modeName(mode: string): string {
  return isMode(mode) ? modeLabel(mode) : `\`${mode}\``;
}

/** `SR 8.2 / Import Supplier / SMETS1 / On-Demand`, as the TRT table's cell. */
export function label(sr: string, role: string, smets: number, mode: string): string {
  return `SR ${sr} / ${role} / SMETS${smets} / ${modeName(mode)}`;
}
