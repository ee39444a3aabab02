/**
 * A list of ids for each id (what a formula reads, what reads it), kept in flat typed arrays rather
 * than one small array per formula: a workbook may hold 300.000 formulas, and 300.000 small arrays
 * that live through the whole recalculation are work for the garbage collector. Lists are written
 * one at a time: `start(id)`, then `push` its items. An id past the count given is taken in (the
 * plan's area nodes are numbered after the formulas as they are found).
 */
export class IdLists {
  private from: Int32Array;
  private to: Int32Array;
  private values: Int32Array;
  private used = 0;
  private current = -1;

  constructor(count: number, capacity = count) {
    this.from = new Int32Array(count);
    this.to = new Int32Array(count);
    this.values = new Int32Array(Math.max(16, capacity));
  }

  start(id: number): void {
    if (id >= this.from.length) {
      const size = Math.max(id + 1, this.from.length * 2);
      const from = new Int32Array(size);
      const to = new Int32Array(size);
      from.set(this.from);
      to.set(this.to);
      this.from = from;
      this.to = to;
    }
    this.current = id;
    this.from[id] = this.to[id] = this.used;
  }

  push(value: number): void {
    if (this.used === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.used++] = value;
    this.to[this.current] = this.used;
  }

  /** The list of `id` is items(from(id)) up to, not including, items(to(id)). */
  first(id: number): number {
    return this.from[id];
  }

  end(id: number): number {
    return this.to[id];
  }

  get items(): Int32Array {
    return this.values;
  }

  size(id: number): number {
    return this.to[id] - this.from[id];
  }

  some(id: number, test: (value: number) => boolean): boolean {
    for (let k = this.from[id]; k < this.to[id]; k++) if (test(this.values[k])) return true;
    return false;
  }

  /** The lists the other way round, for the ids in `ids`: which of them hold each id (each below `count`). */
  reversed(ids: readonly number[], count = this.from.length): IdLists {
    const sizes = new Int32Array(count);
    // Indexed loops: this runs once per recalculation, mostly before it is optimized, and a for-of
    // there costs an object per step.
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      for (let k = this.from[id]; k < this.to[id]; k++) sizes[this.values[k]]++;
    }
    const out = new IdLists(count, this.used);
    let at = 0;
    for (let id = 0; id < count; id++) {
      out.from[id] = out.to[id] = at;
      at += sizes[id];
    }
    out.used = at;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      for (let k = this.from[id]; k < this.to[id]; k++) {
        const target = this.values[k];
        out.values[out.to[target]++] = id;
      }
    }
    return out;
  }
}
