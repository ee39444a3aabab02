/**
 * Running totals: a column of formulas that read an area growing down from one top row
 * (`SUM($B$2:B2)`, `SUM($B$2:B3)`, ... `SUM($B$2:B100001)`), or up from one bottom row (what is
 * left: `SUM(B2:$B$5001)`, `SUM(B3:$B$5001)`, ...). Walking each of those areas in full is
 * quadratic in the rows (5.000 million cells for 100.000 rows); walked from the smallest, each one
 * needs only the rows the one before it does not have, plus that one as a precedent (which in turn
 * comes after the rest). The dependency index, the precedents and the engine's input all take such
 * a group as one growing area.
 *
 * The step to the previous formula is an order, not a value read: a formula that also reads a
 * later one of its column directly (C5 reading C9 as well) then looks circular, and is left to
 * Excel as such.
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

/** How to walk an area read: only `rest` (null: nothing), after the formula `previous` (-1: none). */
export interface AreaStep {
  readonly rest: Area | null;
  readonly previous: number;
}

/** The part of `area` that `smaller` (of the same group) does not have; null when there is none. */
function beyond(area: Area, smaller: Area, direction: Direction): Area | null {
  if (direction === "down") return smaller.r2 >= area.r2 ? null : { ...area, r1: smaller.r2 + 1 };
  return smaller.r1 <= area.r1 ? null : { ...area, r2: smaller.r1 - 1 };
}

/**
 * The steps for the reads that are not the smallest of their group: by formula id, then by the
 * area's index. A read without a step is walked in full.
 */
export function growingAreaSteps(reads: readonly AreaRead[]): Map<number, Map<number, AreaStep>> {
  const steps = new Map<number, Map<number, AreaStep>>();
  const set = (read: AreaRead, step: AreaStep) => {
    let byIndex = steps.get(read.id);
    if (!byIndex) steps.set(read.id, (byIndex = new Map()));
    byIndex.set(read.index, step);
  };
  for (const { direction, reads: group } of growingGroups(reads).groups) {
    // A formula with more than one read in the group needs only its largest: the others lie inside it.
    const largest = new Map<number, AreaRead>();
    for (const read of group) largest.set(read.id, read);
    let before: AreaRead | null = null;
    for (const read of group) {
      if (largest.get(read.id) !== read) {
        set(read, { rest: null, previous: -1 });
        continue;
      }
      if (before) set(read, { rest: beyond(read.area, before.area, direction), previous: before.id });
      before = read;
    }
  }
  return steps;
}
