import type { CostModelRecord, Store } from '../store/store.js';
import { cannotCost } from './domainErrors.js';
import type { ExportSlots } from './exportSlots.js';
import { costModelEtag, viewCostModel } from './costModelView.js';
import { checkedForServing, intactHere, visibleCostModel, type IntactCheck } from './costModels.js';
import type { Principal } from './principal.js';
import type { WorkbookWriter } from './workbookFiles.js';
import { userDisplayName } from './users.js';

/**
 * Writes one cost model's workbook; the costing workers' version (server/costing) is stopped when
 * `signal` fires. A draft is costed as part of the export.
 */
export type WorkbookBuilder = (
  record: CostModelRecord,
  supersededBy: string | null,
  signal: AbortSignal,
  names: Readonly<Record<string, string>>,
) => Promise<Buffer>;

/** The request thread's writer (tests, COSTING_WORKERS=0): cannot be interrupted, only abandoned. */
export const inProcessWorkbookBuilder =
  (write: WorkbookWriter): WorkbookBuilder =>
  (record, supersededBy, _signal, names) =>
    write(viewCostModel(record, supersededBy), names);

export interface WorkbookExportLimits {
  /** Bytes of approved models' workbooks kept in memory. */
  cacheBytes: number;
}

export interface WorkbookFile {
  body: Buffer;
  filename: string;
  etag: string;
}

/**
 * Cost-model workbooks, built off the request thread in the server's export slots (a concurrency
 * limit, per person too, and a timeout: exportSlots.ts). An approved model never changes, so its
 * workbook is kept by content hash and served again as is, without a slot.
 */
export class WorkbookExports {
  private readonly approved = new Map<string, Buffer>();
  private approvedBytes = 0;

  constructor(
    private readonly store: Store,
    private readonly build: WorkbookBuilder,
    private readonly slots: ExportSlots,
    private readonly limits: WorkbookExportLimits,
    private readonly onStart: (modelId: string) => void = () => {},
    /** The content-hash check of an approved model (a worker's, in the server). */
    private readonly intact: IntactCheck = intactHere,
  ) {}

  /** `intact`: the check to use for this caller (the server's: admitted and remembered, services/costingAdmission.ts). */
  async workbook(principal: Principal, id: string, intact: IntactCheck = this.intact): Promise<WorkbookFile> {
    const model = await checkedForServing(await visibleCostModel(this.store, principal, id, { checked: false }), intact);
    const successor = (await this.store.findSuccessor(model.id))?.id ?? null;
    const name = `${model.unitId}-${model.title}`.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80);
    const file = (body: Buffer): WorkbookFile => ({ body, filename: `${name}-v${model.modelVersion}.xlsx`, etag: costModelEtag(model) });
    // The successor is printed on the workbook, so it is part of what the kept file depends on.
    const key = model.state === 'approved' && model.contentHash ? `${model.id}\u0000${model.contentHash}\u0000${successor ?? ''}` : undefined;
    const kept = key === undefined ? undefined : this.approved.get(key);
    if (kept) {
      // Most recently used last: the oldest is the first dropped.
      this.approved.delete(key!);
      this.approved.set(key!, kept);
      return file(kept);
    }
    const body = await this.slots.run(principal, 'workbook export', async (signal) => {
      this.onStart(model.id);
      const names = await this.displayNames(model);
      try {
        return await this.build(model, successor, signal, names);
      } catch (error) {
        if (error instanceof RangeError && !signal.aborted)
          throw cannotCost(`the workbook cannot be built: ${error.message}`, [
            { path: 'scenario', message: `${error.message} (an amount, rate or count is too large to cost exactly)` },
          ]);
        throw error;
      }
    });
    if (key !== undefined) this.keep(key, body);
    return file(body);
  }

  /** The people the workbook names (approver, manager who returned it), by name rather than login id. */
  private async displayNames(model: CostModelRecord): Promise<Record<string, string>> {
    const names: Record<string, string> = {};
    if (model.decidedBy) names[model.decidedBy] = await userDisplayName(this.store, model.decidedBy);
    return names;
  }

  private keep(key: string, body: Buffer): void {
    if (body.length > this.limits.cacheBytes || this.approved.has(key)) return;
    this.approved.set(key, body);
    this.approvedBytes += body.length;
    for (const [oldest, bytes] of this.approved) {
      if (this.approvedBytes <= this.limits.cacheBytes) break;
      this.approved.delete(oldest);
      this.approvedBytes -= bytes.length;
    }
  }
}
