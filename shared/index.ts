// The costing module's public surface: pure, no I/O, shared by the add-in, the server and the CLI.
export * from './money.js';
export * from './dates.js';
export * from './issues.js';
export * from './result.js';
export * from './scenario.js';
export * from './schemas/scenario.js';
export { costScenario } from './engine/costScenario.js';
export {
  describeProvision,
  provisionAffectsClass,
  provisionCatalog,
  provisionDateText,
  provisionFields,
  provisionKind,
  provisionNames,
  type ProvisionField,
} from './provisions/registry.js';
export { fundParts, type FundInput } from './schemas/funds.js';
export type { FieldKind } from './schemas/primitives.js';
