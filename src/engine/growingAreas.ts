/**
 * Running totals: a column of formulas that read an area growing down from one top row
 * (`SUM($B$2:B2)`, `SUM($B$2:B3)`, ... `SUM($B$2:B100001)`). Walking each of those areas in full is
 * quadratic in the rows (5.000 million cells for 100.000 rows); walked in order of their bottom row,
 * each one needs only the rows below the one before it, plus that one as a precedent (which in turn
 * comes after the rows above). Areas are the same "growing" area when they share the sheet, the top
 * row and the columns.
 *
 * The step to the previous formula is an order, not a value read: a formula that also reads a
 * later one of its column directly (C5 reading C9 as well) then looks circular, and is left to
 * Excel as such.
 */
import { Area } from "../workbook/address";

/** Areas of at least this many rows more than one are taken as growing areas. */
export const GROWING_FROM = 16;

/** What areas of one growing area share: the sheet, the top row and the columns. */
export function growingKey(area: Area): string {
  return `${area.sheet}:${area.r1}:${area.c1}:${area.c2}`;
}

/** An area read by a formula: its id and the area's index among the formula's areas. */
export interface AreaRead {
  readonly id: number;
  readonly index: number;
  readonly area: Area;
}

/** How to walk an area read: only its rows from `from` on, after the formula `previous`. */
export interface AreaStep {
  readonly from: number;
  readonly previous: number;
}

/**
 * The steps for the reads that are not the smallest of their group: by formula id, then by the
 * area's index. A read without a step is walked in full.
 */
export function growingAreaSteps(reads: readonly AreaRead[]): Map<number, Map<number, AreaStep>> {
  const groups = new Map<string, AreaRead[]>();
  for (const read of reads) {
    const key = growingKey(read.area);
    const group = groups.get(key);
    if (group) group.push(read);
    else groups.set(key, [read]);
  }
  const steps = new Map<number, Map<number, AreaStep>>();
  const set = (read: AreaRead, step: AreaStep) => {
    let byIndex = steps.get(read.id);
    if (!byIndex) steps.set(read.id, (byIndex = new Map()));
    byIndex.set(read.index, step);
  };
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    group.sort((a, b) => a.area.r2 - b.area.r2);
    // A formula with more than one read in the group needs only its largest: the others lie inside it.
    const largest = new Map<number, AreaRead>();
    for (const read of group) largest.set(read.id, read);
    let before: AreaRead | null = null;
    for (const read of group) {
      if (largest.get(read.id) !== read) {
        set(read, { from: read.area.r2 + 1, previous: -1 });
        continue;
      }
      if (before) set(read, { from: before.area.r2 + 1, previous: before.id });
      before = read;
    }
  }
  return steps;
}
