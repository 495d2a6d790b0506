/**
 * Type-level tests, checked by `tsc --noEmit` in `npm test`: each @ts-expect-error line must be
 * an error, or the type check fails. An unknown SR or role must not compile.
 */
import { hasTrts, isEligible, trtFor, trtSeconds, type RoleId, type SrRef, type TrtSrRef } from '../../generated/index.js';

// Known SR, role, generation and mode compile.
export const known = trtFor({ sr: '8.2', role: 'mdr', smets: 1, mode: 'on-demand', view: 'modified' });
export const eligible: boolean = isEligible({ sr: '4.1.1', role: 'import-supplier', view: 'baseline' });
export const seconds: number | null | undefined = trtSeconds({
  sr: '4.2',
  role: 'export-supplier',
  smets: 2,
  mode: 'scheduled',
  view: 'modified',
});

// @ts-expect-error: SR 9.9 is not in Appendix E
export const unknownSr = trtFor({ sr: '9.9', role: 'mdr', smets: 1, mode: 'on-demand', view: 'modified' });
// @ts-expect-error: `meter-reader` is not a User Role
export const unknownRole = isEligible({ sr: '8.2', role: 'meter-reader', view: 'modified' });
// @ts-expect-error: there is no SMETS3
export const unknownSmets = trtFor({ sr: '8.2', role: 'mdr', smets: 3, mode: 'on-demand', view: 'modified' });
// @ts-expect-error: modes are `scheduled` and `on-demand`
export const unknownMode = trtFor({ sr: '8.2', role: 'mdr', smets: 1, mode: 'future-dated', view: 'modified' });
// @ts-expect-error: views are `baseline` and `modified`
export const unknownView = isEligible({ sr: '8.2', role: 'mdr', view: 'draft' });
// @ts-expect-error: the view must be chosen explicitly
export const noView = isEligible({ sr: '8.2', role: 'mdr' });

// Every SR of Appendix E has eligibility; only the SRs of the Appendix AB table (AB1.3) have TRTs.
export const eligibleOutsideTrtTable: boolean = isEligible({ sr: '1.1.1', role: 'import-supplier', view: 'baseline' });
// @ts-expect-error: SR 1.1.1 is in Appendix E but has no Target Response Times in the corpus
export const trtOutsideTable = trtFor({ sr: '1.1.1', role: 'import-supplier', smets: 2, mode: 'on-demand', view: 'baseline' });
// A wire SR narrowed by the guard may be looked up.
export function trtIfCovered(sr: SrRef): number | null | undefined {
  return hasTrts(sr) ? trtSeconds({ sr, role: 'import-supplier', smets: 2, mode: 'on-demand', view: 'modified' }) : undefined;
}

// The unions are exactly the ids, not string.
type IsExactlyString<T> = string extends T ? true : false;
export const srIsNarrow: IsExactlyString<SrRef> = false;
export const roleIsNarrow: IsExactlyString<RoleId> = false;
export const trtSrIsNarrow: IsExactlyString<TrtSrRef> = false;
