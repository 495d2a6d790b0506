/** Section H4.2 and H4.2A: Access Control against the Registration Data (Device, registration, MDR appointment). */
import type { PlacedRule } from '../../shared/table-data.js';
import type { RegistrationAccessControlRule } from '../../../generated/types.js';
import { ruleBasis } from '../basis.js';
import { fail, nameOfRole, pass, rulesOf, type DecisionContext } from '../decision.js';
import type { MeteringPoint } from '../registration.js';
import { checkMdrAppointment } from './appointment.js';

export function checkAccessControl(context: DecisionContext): void {
  const { request, registry } = context;
  for (const rule of rulesOf<RegistrationAccessControlRule>(context, 'registration-access-control')) {
    if (rule.role !== request.sender.role) continue;
    if (!checkDeviceType(context, rule)) continue;
    const point = registry.byMpan.get(request.target.mpan);
    if (!point) {
      fail(
        context,
        'registration',
        `Unexpected MPAN ${request.target.mpan}, expected an MPAN held in the Registration Data (Section ${rule.clause})`,
        ruleBasis(rule),
      );
      continue;
    }
    if (!checkDevice(context, rule, point)) continue;
    if (rule.registrationField === 'appointed-mdr') checkMdrAppointment(context, rule, point.mdrAppointments ?? []);
    else checkRegisteredSupplier(context, rule, registeredSupplier(rule, point));
  }
}

function checkDeviceType(context: DecisionContext, rule: PlacedRule<RegistrationAccessControlRule>): boolean {
  const { deviceType } = context.request.target;
  if ((rule.deviceTypes as readonly string[]).includes(deviceType)) return true;
  fail(
    context,
    'device',
    `Unexpected ${deviceType} for ${nameOfRole(context, context.request.sender.role)}, expected ${rule.deviceTypes.join(' or ')} (Section ${rule.clause})`,
    ruleBasis(rule),
  );
  return false;
}

/** The MPAN has a Device of the type and generation (and id, when given) the request targets. */
function checkDevice(context: DecisionContext, rule: PlacedRule<RegistrationAccessControlRule>, point: MeteringPoint): boolean {
  const { mpan, deviceType, smets, deviceId } = context.request.target;
  const devices = point.devices.filter(
    (device) => device.type === deviceType && device.smets === smets && (deviceId === undefined || device.id === deviceId),
  );
  if (devices.length > 0) return true;
  const listed = point.devices.map((device) => `SMETS${device.smets} ${device.type} ${device.id}`).join(', ') || 'none';
  fail(
    context,
    'device',
    `Unexpected SMETS${smets} ${deviceType}${deviceId ? ` ${deviceId}` : ''} on MPAN ${mpan}, expected a Device the Registration Data lists for it (${listed}) (Section ${rule.clause})`,
    ruleBasis(rule),
  );
  return false;
}

function registeredSupplier(rule: PlacedRule<RegistrationAccessControlRule>, point: MeteringPoint): string | undefined {
  if (rule.registrationField === 'import-supplier') return point.importSupplier;
  if (rule.registrationField === 'export-supplier') return point.exportSupplier;
  return undefined;
}

function checkRegisteredSupplier(
  context: DecisionContext,
  rule: PlacedRule<RegistrationAccessControlRule>,
  registered: string | undefined,
): void {
  const { request } = context;
  const roleName = nameOfRole(context, request.sender.role);
  const { party } = request.sender;
  const { mpan } = request.target;
  if (registered === party) {
    pass(
      context,
      'registration',
      `The Registration Data names ${party} as ${roleName} for MPAN ${mpan} (Section ${rule.clause})`,
      ruleBasis(rule),
    );
  } else {
    fail(
      context,
      'registration',
      `Unexpected ${roleName} ${party} for MPAN ${mpan}, expected the ${roleName} the Registration Data names for it (${registered ?? 'none'}) (Section ${rule.clause})`,
      ruleBasis(rule),
    );
  }
}
