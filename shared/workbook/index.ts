// The shared workbook layout (ARCHITECTURE.md principle 3): pure, used by the add-in and the server.
export * from './grid.js';
export * from './layout.js';
export * from './textSafety.js';
export * from './cellConversion.js';
export * from './workbookIssues.js';
export * from './scenarioToSheets.js';
export * from './sheetsToScenario.js';
export * from './costingSheet.js';
export * from './officeFormulas.js';
export * from './scheduleCells.js';
export { findSheet, findTable, tableRows, type FoundTable, type TableRow } from './tableReader.js';
