/** Section H1.2B: a Supplier Party retrieving data for another Supplier Party must use the MDR role. */
import type { RoleRequiredRule } from '../../../generated/types.js';
import { ruleBasis } from '../basis.js';
import { fail, nameOfRole, pass, rulesOf, type DecisionContext } from '../decision.js';

export function checkActingForAnotherSupplier(context: DecisionContext): void {
  const { request } = context;
  if (!request.actingForAnotherSupplier) return;
  for (const rule of rulesOf<RoleRequiredRule>(context, 'role-required')) {
    if (rule.actingFor !== 'another-supplier') continue;
    const required = nameOfRole(context, rule.mustUseRole);
    if (rule.partyRoles.includes(request.sender.role)) {
      fail(
        context,
        'acting-for-another-supplier',
        `Unexpected User Role ${nameOfRole(context, request.sender.role)} for a Supplier acting for another Supplier, expected ${required} (Section ${rule.clause})`,
        ruleBasis(rule),
      );
    } else if (request.sender.role === rule.mustUseRole) {
      pass(
        context,
        'acting-for-another-supplier',
        `A Supplier acting for another Supplier sends as ${required} (Section ${rule.clause})`,
        ruleBasis(rule),
      );
    }
  }
}
