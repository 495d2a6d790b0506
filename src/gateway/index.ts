/**
 * `sec-rules/gateway`: the authorisation decision and the conformance harness for DCC gateway
 * teams, driven by the compiled legal text. Imports generated/ and, dynamically, ajv (never the Markdown
 * parser or the compiler); test/architecture/layering.test.ts holds it to that.
 *
 *   import { authorise, loadRegistrationData } from 'sec-rules/gateway';
 *   const registry = await loadRegistrationData(JSON.parse(text)); // validated once (ajv loaded here)
 *   const decision = await authorise(requestOffTheWire, registry); // by its execution date
 */
export {
  authorise,
  authoriseLoaded,
  CREATE_SCHEDULE_SR,
  type AuthoriseOptions,
  type Basis,
  type CheckCode,
  type Decision,
  type DeviceType,
  type Finding,
  type Purpose,
  type Reason,
  type ServiceRequestInput,
} from './authorise.js';
export {
  GatewayInputError,
  isCalendarDate,
  loadRegistrationData,
  parseRegistrationData,
  RegistrationDataError,
  Registry,
  REGISTRATION_SCHEMA,
  type InputIssue,
  type MdrAppointment,
  type MeteringPoint,
  type RegisteredDevice,
  type RegistrationData,
} from './registration.js';
export {
  isMode,
  isRoleId,
  isSmets,
  isSrRef,
  MODES,
  SMETS_GENERATIONS,
  type Mode,
  type RoleId,
  type Smets,
  type SrRef,
} from '../../generated/index.js';
export { GENERATED_TABLES, tablesFromGenerated, tablesFromRuleSets, type GatewayTables } from './tables.js';
export {
  checkConformance,
  combinations,
  CONFIGURATION_HEADER,
  ConfigurationError,
  configurationFormat,
  configurationFromAuthorise,
  parseConfiguration,
  readConfiguration,
  referenceConfiguration,
  combineScopes,
  parseSrList,
  scopeProblems,
  type Combination,
  type Configuration,
  type DeclaredScope,
  type ConfigurationFormat,
  type ConfigurationProblem,
  type ConfigurationRow,
  type ConformanceResult,
  type Disagreement,
  type DisagreementKind,
} from './conformance.js';
