/** Where in the legal text a reason or a disagreement rests: a table cell, a row or a rule block. */
import { address } from '../shared/address.js';

export interface Basis {
  /** File in sec-text/, e.g. `appendix-ab.md`. */
  file: string;
  /**
   * The stable address of the entry (src/shared/address.ts), with no line or column in it:
   * `trt/8.2/import-supplier/smets1/on-demand`, `eligibility/4.8.1/mdr`, `service-request/4.2`,
   * `clause-rule/H4.2A.mdr-access-control`, `clause/H1.1`. What decision vectors cite. Empty
   * only for NO_BASIS.
   */
  address: string;
  /** Where it is read, without a line: `appendix-ab.md#AB2.1[8.2][Eligible User Roles / SMETS1 / On-Demand]`. */
  place: string;
  /** The clause, e.g. `AB2.1`, `H4.2A`. */
  clause: string | null;
  /** The literate rule's id, when the basis is a rule block. */
  rule?: string;
  /** The table cell, when the basis is one, e.g. `SR 8.2 / Import Supplier / SMETS1 / On-Demand`. */
  cell?: string;
}

/** The document a place names (the part before its clause and cell). */
function fileOf(place: string): string {
  return /^[^#[]*/.exec(place)?.[0] ?? place;
}

/**
 * A generated table entry (its address and place) as a basis; `stable` names another address
 * when the basis is a different entry than the cell read (a Service Request row read for its flag).
 */
export function cellBasis(entry: { address: string; place: string; clause: string | null }, cell?: string, stable?: string): Basis {
  const basis: Basis = { file: fileOf(entry.place), address: stable ?? entry.address, place: entry.place, clause: entry.clause };
  if (cell !== undefined) basis.cell = cell;
  return basis;
}

export function ruleBasis(rule: { id: string; clause: string; address: string; place: string }): Basis {
  return { file: fileOf(rule.place), address: rule.address, place: rule.place, clause: rule.clause, rule: rule.id };
}

/** A basis known only by its clause (an empty table has no cell to point at). */
export function clauseBasis(clause: string): Basis {
  return { file: '', address: address('clause', clause), place: '', clause };
}

/** Input that is not a request, Registration Data or options the gateway can read rests on no clause. */
export const NO_BASIS: Basis = { file: '', address: '', place: '', clause: null };
