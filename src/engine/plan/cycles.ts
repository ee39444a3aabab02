/**
 * Circular references among the cells a recalculation computes, as Excel has them: a cell that
 * reads itself (directly, or through an area that holds it) or a ring of cells that read each
 * other. Such a cell has no value to compute from; it keeps the value Excel stored and is listed
 * with the cells of its ring, and so is every cell that reads one of them.
 *
 * Excel itself computes a ring only with iterative calculation on (File > Options > Formulas,
 * stored as `<calcPr iterate="1">`); NL Aftrek does not iterate, and says so for such a workbook.
 */
import { dutchCount } from "../../rules/dutch";
import { WorkbookPackage } from "../../workbook/package";
import { IdLists } from "./idLists";

/** What the plan tells about a cell left over by the dependency order. */
export interface LeftOver {
  /** The ring's cells, sorted by id (for the message); empty for a cell that only reads a ring. */
  readonly ring: readonly number[];
}

/**
 * The rings among `left` (the ids the dependency order could not place, each below `count`):
 * strongly connected components of more than one id, or one that reads itself (Tarjan's algorithm,
 * with an explicit stack: a ring may be 100.000 cells long). `precedents` lists what each id reads.
 * Ids from `cells` on are the plan's area nodes ("every cell of an area is computed", see
 * growingAreas.ts): a ring runs through them from a cell to the cells of its area, and names only
 * the cells (a formula whose area holds its own cell reads itself).
 */
export function findRings(
  left: readonly number[],
  precedents: IdLists,
  count: number,
  cells: number,
): Map<number, LeftOver> {
  const inLeft = new Uint8Array(count);
  for (const id of left) inLeft[id] = 1;
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  const result = new Map<number, LeftOver>();
  const notInRing: LeftOver = { ring: [] };
  let next = 0;
  // The walk: each frame is a cell and the position in its list of precedents.
  const frames: number[] = [];
  const positions: number[] = [];
  for (const root of left) {
    if (index[root] >= 0) continue;
    frames.push(root);
    positions.push(precedents.first(root));
    index[root] = low[root] = next++;
    stack.push(root);
    onStack[root] = 1;
    while (frames.length) {
      const top = frames.length - 1;
      const id = frames[top];
      const k = positions[top];
      if (k < precedents.end(id)) {
        positions[top] = k + 1;
        const p = precedents.items[k];
        if (!inLeft[p]) continue;
        if (index[p] < 0) {
          index[p] = low[p] = next++;
          stack.push(p);
          onStack[p] = 1;
          frames.push(p);
          positions.push(precedents.first(p));
        } else if (onStack[p] && index[p] < low[id]) low[id] = index[p];
        continue;
      }
      frames.pop();
      positions.pop();
      if (frames.length && low[id] < low[frames[frames.length - 1]]) low[frames[frames.length - 1]] = low[id];
      if (low[id] !== index[id]) continue;
      const component: number[] = [];
      let member: number;
      do {
        member = stack.pop()!;
        onStack[member] = 0;
        component.push(member);
      } while (member !== id);
      const named = component.filter((m) => m < cells);
      const ring = named.length > 0 && (component.length > 1 || precedents.some(id, (p) => p === id));
      if (!ring) {
        for (const m of component) result.set(m, notInRing);
        continue;
      }
      named.sort((a, b) => a - b);
      const entry: LeftOver = { ring: named };
      for (const m of component) result.set(m, entry);
    }
  }
  return result;
}

/** Whether the workbook has Excel compute circular references by iteration (`<calcPr iterate="1">`, ECMA-376 Part 1, 18.2.2). */
export function iterativeCalculation(pkg: WorkbookPackage): boolean {
  const iterate = pkg.origin.calcPr?.iterate;
  return iterate === "1" || iterate === "true";
}

/** The reason told for each cell of a ring: the word Excel uses, and the ring's cells. */
export function ringReason(cells: readonly string[], iterate: boolean): string {
  const shown =
    cells.length > 6 ? `${cells.slice(0, 5).join(", ")} en nog ${dutchCount(cells.length - 5)}` : cells.join(", ");
  const what = cells.length === 1 ? `kringverwijzing: ${cells[0]} leest zichzelf` : `kringverwijzing tussen ${shown}`;
  return iterate
    ? `${what} (de werkmap laat Excel iteratief rekenen; NL Aftrek rekent niet iteratief, Excel rekent deze cellen bij openen)`
    : what;
}
