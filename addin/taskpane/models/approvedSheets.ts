import type { SheetGrid } from '../../../shared/workbook/grid.js';

/**
 * Renames an approved model's sheets and tables so they sit beside the analyst's own:
 * "Costing" → "Costing 3f9a1b", table "RosterRows" → "RosterRows_3f9a1b".
 */
export function approvedCopyOf(grids: readonly SheetGrid[], modelId: string): SheetGrid[] {
  const tag = modelId.replace(/[^A-Za-z0-9]/g, '').slice(0, 8) || 'model';
  return grids.map((grid) => ({
    ...grid,
    name: `${grid.name} ${tag}`.slice(0, 31),
    tables: grid.tables.map((t) => ({ ...t, name: `${t.name}_${tag}` })),
  }));
}
