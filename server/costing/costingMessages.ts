import type { InputIssue } from '../../shared/issues.js';
import type { CostingResult } from '../../shared/result.js';

export type WorkerReply =
  | { id: number; ok: true; result: CostingResult }
  | { id: number; ok: false; error: { kind: 'input' | 'range' | 'other'; message: string; stack: string; issues: InputIssue[] } };
