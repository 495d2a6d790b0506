/**
 * `sec-rules/gateway`: the authorisation decision and the conformance harness for DCC gateway
 * teams, driven by the compiled legal text. Imports generated/ and ajv only (never the Markdown
 * parser or the compiler); test/architecture/layering.test.ts holds it to that.
 *
 *   import { authorise, loadRegistrationData } from 'sec-rules/gateway';
 *   const registry = loadRegistrationData(JSON.parse(text));      // validated once
 *   const decision = authorise(request, registry, { view: 'modified' });
 */
export {
  authorise,
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
