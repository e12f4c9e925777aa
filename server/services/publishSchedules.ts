import type { Scenario } from '../../shared/schemas/scenario.js';
import { DuplicateKeyError } from '../store/store.js';
import { conflict, invalidInput } from './domainErrors.js';
import { recordAudit } from './auditTrail.js';
import type { CostModelContext } from './costModels.js';
import { visibleCostModel } from './costModels.js';
import type { Principal } from './principal.js';
import { scheduleContentHash } from './scheduleVersions.js';
import { scheduleChangingTypes, settlementSchedules } from './settlementSchedules.js';

export interface PublishedSchedule {
  version: number;
  effective: string;
  scheduleId: string;
}

/**
 * Publishes the schedules an approved settlement creates as new effective-dated versions of the
 * unit's schedule. Once per cost model.
 */
export async function publishSettlementSchedules(
  ctx: CostModelContext,
  actor: Principal,
  id: string,
  proposalChoice: string | number | undefined,
): Promise<{ costModelId: string; proposal: string; published: PublishedSchedule[] }> {
  const model = await visibleCostModel(ctx.store, actor, id, { intact: ctx.intact });
  if (model.state !== 'approved') throw conflict(`only an approved cost model publishes schedules; this one is ${model.state}`);
  const scenario = JSON.parse(model.scenarioJson) as Scenario;
  const proposal = chooseProposal(scenario, proposalChoice);
  const schedules = settlementSchedules(scenario.schedule, proposal);
  if (schedules.length === 0) {
    throw invalidInput(`proposal "${proposal.name}" has no ${scheduleChangingTypes.join(', ')} provision: it creates no schedule`, [
      { path: 'proposal', message: 'this proposal does not change the schedule' },
    ]);
  }
  const source = `cost-model:${model.id}`;
  const now = ctx.now();
  const published = await ctx.store.transaction(async (tx) => {
    const already = await tx.scheduleVersionsBySource(source);
    if (already.length > 0) throw conflict(`cost model ${model.id} already published schedule versions ${already.map((v) => v.version).join(', ')}`);
    // The check above reads before any lock is held; on PostgreSQL a concurrent publish may pass it
    // too. The publication's primary key decides: the loser waits for the winner, then fails here.
    try {
      await tx.claimSettlementPublication(model.id, actor.userId, now.toISOString());
    } catch (error) {
      if (error instanceof DuplicateKeyError) throw conflict(`cost model ${model.id} already published its schedules (a concurrent request did it first)`);
      throw error;
    }
    const out: PublishedSchedule[] = [];
    for (const schedule of schedules) {
      const saved = await tx.insertScheduleVersion({
        unitId: model.unitId,
        effective: schedule.effective,
        scheduleJson: JSON.stringify(schedule),
        contentHash: scheduleContentHash(schedule),
        source,
        createdBy: actor.userId,
        createdAt: now.toISOString(),
      });
      out.push({ version: saved.version, effective: saved.effective, scheduleId: schedule.id });
      await recordAudit(tx, actor, now, {
        action: 'schedule.published',
        entityType: 'schedule',
        entityId: `${model.unitId}/${saved.version}`,
        unitId: model.unitId,
        toVersion: saved.version,
        detail: { costModel: model.id, proposal: proposal.name, effective: saved.effective, contentHash: model.contentHash },
      });
    }
    await recordAudit(tx, actor, now, {
      action: 'cost-model.schedules-published',
      entityType: 'cost-model',
      entityId: model.id,
      unitId: model.unitId,
      fromVersion: model.revision,
      detail: { proposal: proposal.name, versions: out.map((o) => o.version) },
    });
    return out;
  });
  return { costModelId: model.id, proposal: proposal.name, published };
}

function chooseProposal(scenario: Scenario, choice: string | number | undefined) {
  const proposals = scenario.proposals;
  if (choice === undefined) {
    if (proposals.length === 1) return proposals[0]!;
    throw invalidInput(`the model has ${proposals.length} proposals: name the settled one`, [
      { path: 'proposal', message: `required: one of ${proposals.map((p) => JSON.stringify(p.name)).join(', ') || '(none)'}` },
    ]);
  }
  const found = typeof choice === 'number' ? proposals[choice - 1] : proposals.find((p) => p.name === choice);
  if (!found) {
    throw invalidInput(`no proposal ${JSON.stringify(choice)} in the model`, [
      { path: 'proposal', message: `must be one of ${proposals.map((p) => JSON.stringify(p.name)).join(', ')} (or its 1-based index)` },
    ]);
  }
  return found;
}
