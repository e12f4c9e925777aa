// The costing module's public surface: pure, no I/O, shared by the add-in, the server and the CLI.
export * from './money.js';
export * from './dates.js';
export * from './issues.js';
export * from './result.js';
export * from './scenario.js';
export * from './schemas/scenario.js';
export { costScenario } from './engine/costScenario.js';
