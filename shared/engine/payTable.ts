/**
 * One employee's pay for one period (COSTING.md §3) per (pay state, pay key), kept in flat typed
 * arrays: open-addressing hash tables of entry numbers and seven integer-cent figures per entry.
 *
 * A costing looks pay up about once per row segment (a million times for 10,000 rows) and adds a
 * few hundred thousand entries; as a Map of objects per pay state that was a third of the costing's
 * time — hashing, scattered objects, and collecting them. Here a lookup is a multiply, a mask and
 * a few array reads, and an entry is seven numbers in one array.
 */

/** Offsets of an entry's figures (an entry's figures start at entry × PAY_FIELDS). */
export const PAY_BASE = 0;
export const PAY_SPECIAL_PAYS = 1;
export const PAY_LONGEVITY = 2;
export const PAY_OVERTIME = 3;
/** The pensionable part of the special pays. */
export const PAY_PENSIONABLE_SPECIAL_PAYS = 4;
/** base + pensionable special pays + longevity */
export const PAY_PENSIONABLE = 5;
/** base + all special pays + longevity + overtime (lump sums are added per period) */
export const PAY_TAXABLE = 6;
export const PAY_FIELDS = 7;
/**
 * Entries are stored 2^PAY_CHUNK_BITS to a chunk: entry e's figures are in chunks[e >>> PAY_CHUNK_BITS]
 * from (e & PAY_CHUNK_MASK) × PAY_FIELDS. A table grows by a chunk, never by copying what it holds.
 */
export const PAY_CHUNK_BITS = 12;
export const PAY_CHUNK_MASK = (1 << PAY_CHUNK_BITS) - 1;

/**
 * Each pay state has its own small open-addressing table (keys and entry numbers interleaved), so
 * the lookups of one class's rows stay in a few kilobytes; entries' figures are in one array.
 */
export class PayTable {
  /** Per pay state: [key, entry + 1] pairs by slot (entry + 1 = 0: free), or undefined. */
  private tables: (Float64Array | undefined)[] = [];
  /** Entries per pay state (a table is rebuilt twice as large when half full). */
  private counts: number[] = [];
  /** Per entry, PAY_FIELDS figures in integer cents, in chunks (see PAY_CHUNK_BITS). */
  readonly chunks: Float64Array[] = [];
  count = 0;

  /** The entry of (state, key), or -1. */
  find(state: number, key: number): number {
    const table = this.tables[state];
    if (table === undefined) return -1;
    const mask = (table.length >> 1) - 1;
    for (let s = slotOf(key) & mask; ; s = (s + 1) & mask) {
      const entry = table[2 * s + 1]!;
      if (entry === 0) return -1;
      if (table[2 * s] === key) return entry - 1;
    }
  }

  /** A new entry for (state, key), which find() did not find; its figures are the caller's to write. */
  add(state: number, key: number): number {
    const entry = this.count++;
    if (entry >>> PAY_CHUNK_BITS === this.chunks.length) this.chunks.push(new Float64Array((PAY_CHUNK_MASK + 1) * PAY_FIELDS));
    const count = (this.counts[state] ?? 0) + 1;
    this.counts[state] = count;
    let table = this.tables[state];
    // At most half full, so a probe ends soon.
    if (table === undefined || count * 2 > table.length >> 1) {
      table = this.resized(table, Math.max(64, count * 4));
      this.tables[state] = table;
    }
    place(table, key, entry);
    return entry;
  }

  /** Keeps only the entries of the states `keep` accepts (a costing session's caches, see CostingCaches.forget). */
  retain(keep: (state: number) => boolean): void {
    // Which entries stay, read from the kept states' tables (an entry's state is stored nowhere else).
    const stays = new Uint8Array(this.count);
    for (let state = 0; state < this.tables.length; state++) {
      const table = this.tables[state];
      if (table === undefined) continue;
      if (!keep(state)) {
        this.tables[state] = undefined;
        this.counts[state] = 0;
        continue;
      }
      for (let s = 1; s < table.length; s += 2) if (table[s] !== 0) stays[table[s]! - 1] = 1;
    }
    const renumbered = new Int32Array(this.count);
    let kept = 0;
    for (let entry = 0; entry < this.count; entry++) {
      if (stays[entry] === 0) continue;
      renumbered[entry] = kept;
      if (kept !== entry) {
        const from = (entry & PAY_CHUNK_MASK) * PAY_FIELDS;
        this.chunks[kept >>> PAY_CHUNK_BITS]!.set(
          this.chunks[entry >>> PAY_CHUNK_BITS]!.subarray(from, from + PAY_FIELDS),
          (kept & PAY_CHUNK_MASK) * PAY_FIELDS,
        );
      }
      kept++;
    }
    this.count = kept;
    this.chunks.length = (kept + PAY_CHUNK_MASK) >>> PAY_CHUNK_BITS;
    for (const table of this.tables) {
      if (table === undefined) continue;
      for (let s = 1; s < table.length; s += 2) if (table[s] !== 0) table[s] = renumbered[table[s]! - 1]! + 1;
    }
  }

  /** A table of `slots` slots (a power of two) holding the old one's pairs. */
  private resized(old: Float64Array | undefined, slots: number): Float64Array {
    const table = new Float64Array(2 * (1 << Math.ceil(Math.log2(slots))));
    if (old !== undefined) for (let s = 0; s < old.length; s += 2) if (old[s + 1] !== 0) place(table, old[s]!, old[s + 1]! - 1);
    return table;
  }
}

function place(table: Float64Array, key: number, entry: number): void {
  const mask = (table.length >> 1) - 1;
  let s = slotOf(key) & mask;
  while (table[2 * s + 1] !== 0) s = (s + 1) & mask;
  table[2 * s] = key;
  table[2 * s + 1] = entry + 1;
}

/** A 32-bit mix of both halves of the key (murmur3's finaliser). */
function slotOf(key: number): number {
  let h = (key | 0) ^ Math.imul((key / 4294967296) | 0, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}
