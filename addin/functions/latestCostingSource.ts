import { sharedState } from '../runtime/sharedState.js';
import type { CostingDigest } from './costingDigest.js';
import { LookupError } from './lookupError.js';

export interface SavedCosting {
  /** The digest already in memory from the document's settings, without a call to Excel. */
  inDocumentSettings: () => CostingDigest | undefined;
  /** Reads the digest from the workbook (one Excel request). */
  readWorkbook: () => Promise<CostingDigest | undefined>;
}

/**
 * The costing BARGAIN.COST and BARGAIN.VALUEOF1PCT read: the one the pane published in this
 * session, else the one saved in the workbook — read at most once for all the cells that ask, so a
 * recalculation of a hundred cells does not send a hundred requests to Excel while it calculates.
 */
export async function latestCosting(saved: SavedCosting): Promise<CostingDigest> {
  const state = sharedState();
  if (state.latestCosting) return state.latestCosting;
  const inSettings = saved.inDocumentSettings();
  if (inSettings) {
    state.latestCosting = inSettings;
    return inSettings;
  }
  state.savedCostingRead ??= saved.readWorkbook().catch((error: unknown) => {
    state.savedCostingRead = undefined; // a failed read may be retried by the next calculation
    throw error;
  });
  const read = await state.savedCostingRead;
  // The pane may have published a newer costing while the workbook was being read.
  if (state.latestCosting) return state.latestCosting;
  if (!read) throw new LookupError('notAvailable', 'This workbook has not been costed yet: open the Bargaining Costing pane and choose Cost.');
  state.latestCosting = read;
  return read;
}
