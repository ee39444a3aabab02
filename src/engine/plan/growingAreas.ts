/**
 * Running totals: a column of formulas that read an area growing down from one top row
 * (`SUM($B$2:B2)`, `SUM($B$2:B3)`, ... `SUM($B$2:B100001)`), or up from one bottom row (what is
 * left: `SUM(B2:$B$5001)`, `SUM(B3:$B$5001)`, ...). Walking each of those areas in full is
 * quadratic in the rows (5.000 million cells for 100.000 rows). Instead each group has a chain of
 * area nodes, one for each of its areas from the smallest: "every cell of this area is computed".
 * A node reads the node before it and the rows its area adds to that one's; a formula reads the
 * node of its area. The dependency index, the precedents and the engine's input all take such a
 * group as one growing area.
 *
 * A node stands for cells, not for a formula: a column that mixes a running total and what is left
 * (`SUM($C$2:C2)+SUM(C2:$C$41)`, filled down) reads two chains that run opposite ways, and is no
 * circular reference, while a formula whose area holds its own cell still reads itself, through
 * its node.
 */
import { Area } from "../../workbook/address";

/** Areas of at least this many rows more than one are taken as growing areas. */
export const GROWING_FROM = 16;

/** "down": one top row, the bottom row grows; "up": one bottom row, the top row grows upwards. */
export type Direction = "down" | "up";

/** A group of areas growing one way, from the smallest area to the largest. */
export interface GrowingGroup<T extends { readonly area: Area }> {
  readonly direction: Direction;
  readonly reads: T[];
}

/** The row where an area of the group ends away from the fixed row: larger is a larger area. */
export function reach(area: Area, direction: Direction): number {
  return direction === "down" ? area.r2 : -area.r1;
}

function keyOf(area: Area, direction: Direction): string {
  return `${direction === "down" ? area.r1 : area.r2}:${area.sheet}:${area.c1}:${area.c2}`;
}

/**
 * The reads of areas tall enough grouped by the area they grow from: first by a shared top row,
 * then what is left by a shared bottom row. `rest` is every read in no group.
 */
export function growingGroups<T extends { readonly area: Area }>(
  reads: readonly T[],
): { groups: GrowingGroup<T>[]; rest: T[] } {
  const groups: GrowingGroup<T>[] = [];
  let left: readonly T[] = reads;
  for (const direction of ["down", "up"] as const) {
    const byKey = new Map<string, T[]>();
    const rest: T[] = [];
    for (const read of left) {
      if (read.area.r2 - read.area.r1 < GROWING_FROM) {
        rest.push(read);
        continue;
      }
      const key = keyOf(read.area, direction);
      const group = byKey.get(key);
      if (group) group.push(read);
      else byKey.set(key, [read]);
    }
    for (const group of byKey.values()) {
      if (group.length < 2) rest.push(group[0]);
      else groups.push({ direction, reads: group.sort((a, b) => reach(a.area, direction) - reach(b.area, direction)) });
    }
    left = rest;
  }
  return { groups, rest: left as T[] };
}

/** An area read by a formula: its id and the area's index among the formula's areas. */
export interface AreaRead {
  readonly id: number;
  readonly index: number;
  readonly area: Area;
}

/** "Every cell of one area of a growing group is computed": a node of the plan, not a cell. */
export interface AreaNode {
  /** The cells this node adds to the one before it; the first node of a group: its whole area. */
  readonly rest: Area;
  /** The node before it in its group (an index into the nodes), -1 for the first. */
  readonly previous: number;
}

/** A read in no growing group: its area is walked in full. */
export const WHOLE = -1;
/** A read that another, larger one of the same formula in its group holds: nothing to walk. */
export const COVERED = -2;

/** The area nodes of some reads, and for each read (in the order given) its node, WHOLE or COVERED. */
export interface GrowingNodes {
  readonly nodes: AreaNode[];
  readonly nodeOf: Int32Array;
}

/** The part of `area` that `smaller` (of the same group, and smaller) does not have. */
function beyond(area: Area, smaller: Area, direction: Direction): Area {
  return direction === "down" ? { ...area, r1: smaller.r2 + 1 } : { ...area, r2: smaller.r1 - 1 };
}

/**
 * The nodes of the growing groups among `reads`: one for each size of area in a group (areas of
 * the same size share one), each after the one before it. Linear in the reads after the sort.
 */
export function growingAreaNodes(reads: readonly AreaRead[]): GrowingNodes {
  const nodeOf = new Int32Array(reads.length).fill(WHOLE);
  const nodes: AreaNode[] = [];
  const placed = reads.map((read, at) => ({ area: read.area, id: read.id, at }));
  for (const { direction, reads: group } of growingGroups(placed).groups) {
    // A formula with more than one read in the group needs only its largest: the others lie inside it.
    const largest = new Map<number, number>();
    for (const read of group) largest.set(read.id, read.at);
    let before: Area | null = null;
    for (const read of group) {
      if (largest.get(read.id) !== read.at) {
        nodeOf[read.at] = COVERED;
        continue;
      }
      if (!before || reach(read.area, direction) > reach(before, direction)) {
        nodes.push({
          rest: before ? beyond(read.area, before, direction) : read.area,
          previous: before ? nodes.length - 1 : -1,
        });
        before = read.area;
      }
      nodeOf[read.at] = nodes.length - 1;
    }
  }
  return { nodes, nodeOf };
}
