import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../server/services/contentHash.js';
import { DuplicateKeyError, TamperedRecordError, type CostModelRecord, type Store } from '../../server/store/store.js';
import { postgresTestDatabase, sqliteTestDatabase, type TestDatabase } from '../server/support/testStores.js';

const at = '2026-06-15T12:00:00.000Z';

function model(id: string, unitId: string, overrides: Partial<CostModelRecord> = {}): CostModelRecord {
  return {
    id,
    unitId,
    title: `model ${id}`,
    state: 'draft',
    revision: 1,
    lineageId: id,
    modelVersion: 1,
    supersedesId: null,
    scenarioJson: '{"x":1}',
    resultJson: null,
    contentHash: null,
    createdBy: 'u1',
    createdAt: at,
    updatedBy: 'u1',
    updatedAt: at,
    submittedBy: null,
    submittedAt: null,
    decidedBy: null,
    decidedAt: null,
    decisionComment: null,
    ...overrides,
  };
}

describe.each([
  ['SQLite file', sqliteTestDatabase],
  ['PostgreSQL 15', postgresTestDatabase],
])('store contract on %s', (_name, openDatabase) => {
  let db: TestDatabase;
  let store: Store;

  beforeAll(async () => {
    db = await openDatabase();
    store = db.store;
  });
  afterAll(async () => {
    await db?.dispose();
  });

  it('keeps units and refuses a duplicate id', async () => {
    await store.createUnit({ id: 'POA', name: 'Police', createdAt: at });
    await store.createUnit({ id: 'FIRE', name: 'Fire', createdAt: at });
    await expect(store.createUnit({ id: 'POA', name: 'again', createdAt: at })).rejects.toBeInstanceOf(DuplicateKeyError);
    expect(await store.countUnits()).toBe(2);
    expect((await store.listUnits()).map((u) => u.id)).toEqual(['FIRE', 'POA']);
    expect((await store.listUnits(['POA'])).map((u) => u.name)).toEqual(['Police']);
    expect(await store.listUnits([])).toEqual([]);
    expect(await store.getUnit('nope')).toBeUndefined();
  });

  it('keeps a unit profile and replaces it', async () => {
    await store.setUnitProfile('POA', { calendar: { a: 1 }, term: {}, roster: { rows: [] }, assumptions: {} }, at);
    await store.setUnitProfile('POA', { calendar: { a: 2 }, term: {}, roster: { rows: [1] }, assumptions: {} }, at);
    expect(await store.getUnitProfile('POA')).toEqual({ calendar: { a: 2 }, term: {}, roster: { rows: [1] }, assumptions: {} });
  });

  it('finds a user by token hash with their units, and not by a revoked or unknown hash', async () => {
    await store.createUser({ id: 'u1', name: 'Una', role: 'analyst', unitIds: ['POA', 'FIRE'], createdAt: at });
    await store.createToken({ id: 't1', userId: 'u1', tokenHash: 'h'.repeat(64), label: 'x', createdAt: at });
    const user = await store.findUserByTokenHash('h'.repeat(64));
    expect(user).toMatchObject({ id: 'u1', role: 'analyst', unitIds: ['FIRE', 'POA'] });
    expect(await store.findUserByTokenHash('0'.repeat(64))).toBeUndefined();
    await expect(store.createUser({ id: 'u1', name: 'dup', role: 'admin', unitIds: [], createdAt: at })).rejects.toBeInstanceOf(DuplicateKeyError);
    await store.setUserRole('u1', 'manager');
    expect((await store.getUser('u1'))?.role).toBe('manager');
    await store.updateUser('u1', { role: 'negotiator', unitIds: ['POA'] });
    expect(await store.getUser('u1')).toMatchObject({ role: 'negotiator', unitIds: ['POA'] });
    expect(await store.listTokens('u1')).toEqual([{ id: 't1', userId: 'u1', label: 'x', createdAt: at, revokedAt: null }]);
    await store.createToken({ id: 't2', userId: 'u1', tokenHash: 'r'.repeat(64), label: 'y', createdAt: at });
    expect(await store.revokeToken('u1', 't2', at)).toBe(true);
    expect(await store.revokeToken('u1', 't2', at)).toBe(false);
    expect(await store.revokeToken('other', 't1', at)).toBe(false);
    expect(await store.findUserByTokenHash('r'.repeat(64))).toBeUndefined();
    expect((await store.listTokens('u1')).map((t) => t.revokedAt)).toEqual([null, at]);
  });

  it('numbers schedule versions per unit, finds the one in force, and feeds changes by cursor', async () => {
    const base = { scheduleJson: '{"id":"s"}', contentHash: 'c', source: 'test', createdBy: 'u1', createdAt: at };
    const v1 = await store.insertScheduleVersion({ ...base, unitId: 'POA', effective: '2025-07-01' });
    const v2 = await store.insertScheduleVersion({ ...base, unitId: 'POA', effective: '2026-07-01' });
    const f1 = await store.insertScheduleVersion({ ...base, unitId: 'FIRE', effective: '2025-07-01' });
    const v3 = await store.insertScheduleVersion({ ...base, unitId: 'POA', effective: '2025-07-01', scheduleJson: '{"id":"fix"}' });
    expect([v1.version, v2.version, f1.version, v3.version]).toEqual([1, 2, 1, 3]);
    expect(v2.seq).toBeGreaterThan(v1.seq);
    expect(await store.scheduleInForce('POA', '2024-12-31')).toBeUndefined();
    // same effective date: the later version wins
    expect((await store.scheduleInForce('POA', '2026-06-30'))?.version).toBe(3);
    expect((await store.scheduleInForce('POA', '2026-07-01'))?.version).toBe(2);
    expect((await store.scheduleInForce('POA', '2026-06-30'))?.scheduleJson).toBe('{"id":"fix"}');
    const { scheduleJson: _json, ...head } = (await store.scheduleInForce('POA', '2026-07-01'))!;
    expect(await store.scheduleHeadInForce('POA', '2026-07-01')).toEqual(head);
    expect(await store.scheduleHeadInForce('POA', '2024-12-31')).toBeUndefined();
    expect(await store.scheduleVersionJson('POA', 3)).toBe('{"id":"fix"}');
    expect(await store.scheduleVersionJson('POA', 9)).toBeUndefined();
    expect((await store.listScheduleVersions('POA')).map((v) => v.version)).toEqual([1, 2, 3]);
    const all = await store.scheduleChangesSince(0, undefined, 100);
    expect(all.map((v) => `${v.unitId}${v.version}`)).toEqual(['POA1', 'POA2', 'FIRE1', 'POA3']);
    const afterSecond = await store.scheduleChangesSince(v2.seq, ['POA'], 100);
    expect(afterSecond.map((v) => v.version)).toEqual([3]);
    expect(await store.scheduleChangesSince(0, [], 100)).toEqual([]);
    expect(await store.lastScheduleSeq()).toBe(v3.seq);
  });

  it('refuses to change or delete a schedule version', async () => {
    await expect(
      store.transaction(async (tx) => {
        await (tx as any).db.updateTable('schedule_versions').set({ schedule: '{}' }).execute();
      }),
    ).rejects.toThrow(/never change/);
  });

  it('updates a cost model only at the expected revision and state', async () => {
    await store.insertCostModel(model('m1', 'POA'));
    const change = { title: 'renamed', updatedBy: 'u2', updatedAt: at };
    expect(await store.updateCostModel('m1', 1, ['draft'], change)).toBe(2);
    expect(await store.updateCostModel('m1', 1, ['draft'], change)).toBeUndefined();
    expect(await store.updateCostModel('m1', 2, ['submitted'], change)).toBeUndefined();
    const m = await store.getCostModel('m1');
    expect(m).toMatchObject({ title: 'renamed', revision: 2, updatedBy: 'u2', scenarioJson: '{"x":1}' });
    expect((await store.listCostModels({ unitIds: ['POA'] })).map((s) => s.id)).toEqual(['m1']);
    expect(await store.listCostModels({ unitIds: ['FIRE'] })).toEqual([]);
    expect(await store.listCostModels({ state: 'approved' })).toEqual([]);
  });

  it('lets exactly one of two racing updates at the same revision win', async () => {
    await store.insertCostModel(model('race', 'POA', { state: 'submitted' }));
    const other = db.open();
    const outcomes = await Promise.all([
      store.updateCostModel('race', 1, ['submitted'], { state: 'approved', decidedBy: 'm1', updatedBy: 'm1', updatedAt: at }),
      other.updateCostModel('race', 1, ['submitted'], { state: 'approved', decidedBy: 'm2', updatedBy: 'm2', updatedAt: at }),
    ]);
    expect(outcomes.filter((o) => o === 2)).toHaveLength(1);
    expect(outcomes.filter((o) => o === undefined)).toHaveLength(1);
  });

  it('never changes or deletes an approved model, and allows one successor', async () => {
    await expect(store.updateCostModel('race', 2, ['approved'], { title: 'edit', updatedBy: 'x', updatedAt: at })).rejects.toThrow(/never changes/);
    await store.insertCostModel(model('race-v2', 'POA', { lineageId: 'race', modelVersion: 2, supersedesId: 'race' }));
    expect((await store.findSuccessor('race'))?.id).toBe('race-v2');
    await expect(store.insertCostModel(model('race-v2b', 'POA', { supersedesId: 'race' }))).rejects.toBeInstanceOf(DuplicateKeyError);
  });

  it('claims a settlement publication once', async () => {
    await store.claimSettlementPublication('race', 'u1', at);
    await expect(store.claimSettlementPublication('race', 'u2', at)).rejects.toBeInstanceOf(DuplicateKeyError);
  });

  it('serves an approved model only while its stored content matches its content hash', async () => {
    const scenarioJson = '{"b":[1,2],"a":"x"}';
    const resultJson = '{"total":"12.34"}';
    // canonical JSON sorts keys: sha256 of {"result":{"total":"12.34"},"scenario":{"a":"x","b":[1,2]}}
    const contentHash = sha256Hex('{"result":{"total":"12.34"},"scenario":{"a":"x","b":[1,2]}}');
    await store.insertCostModel(model('sealed', 'POA', { state: 'approved', scenarioJson, resultJson, contentHash }));
    expect((await store.getCostModel('sealed'))?.contentHash).toBe(contentHash);
    await store.insertCostModel(model('forged', 'POA', { state: 'approved', scenarioJson: '{"b":[1,2],"a":"y"}', resultJson, contentHash }));
    await expect(store.getCostModel('forged')).rejects.toBeInstanceOf(TamperedRecordError);
  });

  it('appends audit events in order and refuses to alter them', async () => {
    const e1 = await store.appendAudit({
      at,
      actorId: 'u1',
      actorName: 'Una',
      action: 'a',
      entityType: 'cost-model',
      entityId: 'm1',
      unitId: 'POA',
      fromVersion: 1,
      toVersion: 2,
      detail: { k: 'v' },
    });
    const e2 = await store.appendAudit({
      at,
      actorId: 'u1',
      actorName: 'Una',
      action: 'b',
      entityType: 'unit',
      entityId: 'FIRE',
      unitId: 'FIRE',
      fromVersion: null,
      toVersion: null,
      detail: {},
    });
    expect(e2.seq).toBeGreaterThan(e1.seq);
    expect(await store.listAudit({ entityType: 'cost-model', entityId: 'm1', limit: 10 })).toEqual([e1]);
    expect((await store.listAudit({ unitIds: ['FIRE'], limit: 10 })).map((e) => e.action)).toEqual(['b']);
    expect((await store.listAudit({ afterSeq: e1.seq, limit: 10 })).map((e) => e.action)).toEqual(['b']);
    await expect(
      store.transaction(async (tx) => {
        await (tx as any).db.deleteFrom('audit_events').execute();
      }),
    ).rejects.toThrow(/append-only/);
    expect(await store.listAudit({ limit: 10 })).toHaveLength(2);
  });

  it('rolls back every write of a failed transaction', async () => {
    await expect(
      store.transaction(async (tx) => {
        await tx.createUnit({ id: 'TMP', name: 'temp', createdAt: at });
        await tx.appendAudit({
          at,
          actorId: 'u1',
          actorName: 'Una',
          action: 'c',
          entityType: 'unit',
          entityId: 'TMP',
          unitId: 'TMP',
          fromVersion: null,
          toVersion: null,
          detail: {},
        });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.getUnit('TMP')).toBeUndefined();
    expect(await store.listAudit({ unitIds: ['TMP'], limit: 10 })).toEqual([]);
  });
});
