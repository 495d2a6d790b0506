/** Where in the legal text a reason or a disagreement rests: a table cell, a row or a rule block. */
import type { Source } from '../../generated/types.js';
import { address } from '../shared/address.js';

export interface Basis {
  /** File in sec-text/, e.g. `appendix-ab.md`. */
  file: string;
  /** `file:line:column` of the cell, row or rule block. */
  position: string;
  /** The clause, e.g. `AB2.1`, `H4.2A`. */
  clause: string | null;
  /** The literate rule's id, when the basis is a rule block. */
  rule?: string;
  /** The table cell, when the basis is one, e.g. `SR 8.2 / Import Supplier / SMETS1 / On-Demand`. */
  cell?: string;
  /**
   * The stable address of the entry (src/shared/address.ts), with no line or column in it:
   * `trt/8.2/import-supplier/smets1/on-demand`, `eligibility/4.8.1/mdr`, `service-request/4.2`,
   * `clause-rule/H4.2A.mdr-access-control`, `clause/H1.1`. What decision vectors cite.
   */
  address?: string;
}

/** A generated table entry's `file:line:col` source as a basis. */
export function cellBasis(entry: { source: string; clause: string | null }, cell?: string, stable?: string): Basis {
  const file = entry.source.replace(/:\d+:\d+$/, '');
  const basis: Basis = { file, position: entry.source, clause: entry.clause };
  if (cell !== undefined) basis.cell = cell;
  if (stable !== undefined) basis.address = stable;
  return basis;
}

export function ruleBasis(rule: { id: string; clause: string; source: Source }): Basis {
  return {
    file: rule.source.file,
    position: `${rule.source.file}:${rule.source.line}:${rule.source.column}`,
    clause: rule.clause,
    rule: rule.id,
    address: address('clause-rule', rule.id),
  };
}

/** A basis known only by its clause (an empty table has no cell to point at). */
export function clauseBasis(clause: string): Basis {
  return { file: '', position: '', clause, address: address('clause', clause) };
}

/** Input that is not a request, Registration Data or options the gateway can read rests on no clause. */
export const NO_BASIS: Basis = { file: '', position: '', clause: null };
