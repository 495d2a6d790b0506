/** Section H1.1 and Appendix E: the sender's User Role and the SR exist in the decision's view. */
import { address } from '../../shared/address.js';
import { cellBasis, clauseBasis } from '../basis.js';
import { describeInterval, roleComesIntoForce } from '../dated.js';
import { fail, otherView, pass, type DecisionContext } from '../decision.js';

/** False when the role or the SR is unknown: no further check can be made. */
export function checkDefined(context: DecisionContext): boolean {
  checkUserRole(context);
  checkServiceRequest(context);
  return context.reasons.every((reason) => reason.passed);
}

function checkUserRole(context: DecisionContext): void {
  const { request, view, tables } = context;
  const roles = tables.userRoles[view];
  const role = roles.find((entry) => entry.id === request.sender.role);
  if (role) {
    pass(context, 'user-role', `${role.name} is a User Role (Section H1.1)`, cellBasis(role, role.name, address('user-role', role.id)));
    return;
  }
  const elsewhere = tables.userRoles[otherView(view)].find((entry) => entry.id === request.sender.role);
  const anchor = elsewhere ?? roles[0];
  if (context.dated) {
    failNotInForce(context, anchor);
    return;
  }
  fail(
    context,
    'user-role',
    elsewhere
      ? `Unexpected User Role ${elsewhere.name}, which exists only in the ${otherView(view)} view, expected a User Role of the ${view} view (Section H1.1)`
      : `Unexpected User Role \`${request.sender.role}\`, expected one of ${roles.map((entry) => `\`${entry.id}\``).join(', ')} (Section H1.1)`,
    anchor ? cellBasis(anchor, 'User Roles table', address('clause', anchor.clause ?? 'H1.1')) : clauseBasis('H1.1'),
  );
}

/** By date: a role defined only by a later release is not yet in force; name that release and its modifications. */
function failNotInForce(
  context: DecisionContext,
  anchor: { address: string; place: string; clause: string | null; name: string } | undefined,
): void {
  const { request, dated } = context;
  if (!dated) return;
  const later = roleComesIntoForce(request.sender.role, dated.interval);
  const roles = context.tables.userRoles[context.view];
  fail(
    context,
    'user-role',
    later
      ? `Unexpected User Role \`${request.sender.role}\` on ${dated.date}, expected a User Role in force on that day: it comes into force on ${later.from ?? ''} with ${describeInterval(later)} (Section H1.1)`
      : `Unexpected User Role \`${request.sender.role}\` on ${dated.date}, expected one of ${roles.map((entry) => `\`${entry.id}\``).join(', ')} in force under ${describeInterval(dated.interval)} (Section H1.1)`,
    anchor ? cellBasis(anchor, 'User Roles table', address('clause', anchor.clause ?? 'H1.1')) : clauseBasis('H1.1'),
  );
}

function checkServiceRequest(context: DecisionContext): void {
  const { request, view, tables } = context;
  const services = tables.serviceRequests[view];
  if (services.some((entry) => entry.ref === request.sr)) return;
  const anchor = services[0];
  fail(
    context,
    'service-request',
    `Unexpected SR ${request.sr}, expected a Service Request listed in Appendix E`,
    anchor ? cellBasis(anchor, 'Service Requests table', address('clause', anchor.clause ?? 'E2.1')) : clauseBasis('E2.1'),
  );
}
