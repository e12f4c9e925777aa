import type { InputIssue } from '../../shared/issues.js';
import type { CostingResult } from '../../shared/result.js';
import type { Scenario } from '../../shared/schemas/scenario.js';
import type { CostModelRecord } from '../store/store.js';

/** What a worker is asked to do: cost a scenario, or write a cost model's workbook. */
export type WorkerTask =
  | { kind: 'cost'; scenario: Scenario }
  /** The record travels as stored (JSON text), so the request thread never parses a large roster. */
  | { kind: 'workbook'; record: CostModelRecord; supersededBy: string | null };

export type WorkerOutput = { kind: 'cost'; result: CostingResult } | { kind: 'workbook'; workbook: Uint8Array };

export type WorkerReply =
  | { id: number; ok: true; output: WorkerOutput }
  | { id: number; ok: false; error: { kind: 'input' | 'range' | 'other'; message: string; stack: string; issues: InputIssue[] } };
