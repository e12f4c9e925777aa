import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PAY_CHUNK_BITS, PAY_CHUNK_MASK, PAY_FIELDS, PayTable } from '../../shared/engine/payTable.js';

const figuresOf = (table: PayTable, entry: number) => {
  const at = (entry & PAY_CHUNK_MASK) * PAY_FIELDS;
  return table.chunks[entry >>> PAY_CHUNK_BITS]!.subarray(at, at + PAY_FIELDS);
};

// The pay table against a Map model: whatever is added is found again with its figures, nothing
// else is found, and retain keeps exactly the kept states' entries (renumbered, figures intact).
describe('PayTable', () => {
  const operation = fc.oneof(
    { weight: 8, arbitrary: fc.record({ kind: fc.constant('add' as const), state: fc.nat(40), key: fc.oneof(fc.nat(5000), fc.maxSafeNat()) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('retain' as const), modulus: fc.integer({ min: 2, max: 5 }) }) },
  );

  it('finds what was added, with its figures, and only that, across growth and retain', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 12000 }), (operations) => {
        const table = new PayTable();
        const model = new Map<string, number[]>();
        let serial = 0;
        for (const op of operations) {
          if (op.kind === 'add') {
            const name = `${op.state}|${op.key}`;
            if (model.has(name)) {
              expect(table.find(op.state, op.key)).not.toBe(-1);
              continue;
            }
            expect(table.find(op.state, op.key)).toBe(-1);
            const figures = Array.from({ length: PAY_FIELDS }, (_, i) => serial * 10 + i);
            serial++;
            const entry = table.add(op.state, op.key);
            figuresOf(table, entry).set(figures);
            model.set(name, figures);
          } else {
            const keep = (state: number) => state % op.modulus !== 0;
            table.retain(keep);
            for (const name of [...model.keys()]) if (!keep(Number(name.split('|')[0]))) model.delete(name);
          }
        }
        expect(table.count).toBe(model.size);
        for (const [name, figures] of model) {
          const [state, key] = name.split('|').map(Number) as [number, number];
          const entry = table.find(state, key);
          expect(entry).not.toBe(-1);
          expect([...figuresOf(table, entry)]).toEqual(figures);
        }
        // Keys next to the added ones, and added keys under other states, are not found.
        for (const name of model.keys()) {
          const [state, key] = name.split('|').map(Number) as [number, number];
          if (!model.has(`${state}|${key + 1}`)) expect(table.find(state, key + 1)).toBe(-1);
          if (!model.has(`${state + 41}|${key}`)) expect(table.find(state + 41, key)).toBe(-1);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('tells apart keys that agree in their low 32 bits', () => {
    const table = new PayTable();
    const low = 12345;
    const keys = [low, low + 2 ** 32, low + 2 ** 33, low + 2 ** 40];
    keys.forEach((key, i) => {
      const entry = table.add(7, key);
      figuresOf(table, entry)[0] = i;
    });
    keys.forEach((key, i) => expect(figuresOf(table, table.find(7, key))[0]).toBe(i));
  });

  it('keeps entries across chunks and after retain renumbers them', () => {
    const table = new PayTable();
    const n = 3 * (PAY_CHUNK_MASK + 1) + 17;
    for (let i = 0; i < n; i++) figuresOf(table, table.add(i % 97, i * 1_000_003))[6] = i;
    expect(table.chunks.length).toBe(4);
    table.retain((state) => state % 2 === 1);
    for (let i = 0; i < n; i++) {
      const entry = table.find(i % 97, i * 1_000_003);
      if ((i % 97) % 2 === 1) expect(figuresOf(table, entry)[6]).toBe(i);
      else expect(entry).toBe(-1);
    }
  });
});
