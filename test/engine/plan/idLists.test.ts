/**
 * The flat lists of formula ids that recalculation keeps per formula: written one at a time,
 * grown past their first capacity, read back in order, and turned round.
 */
import { IdLists } from "../../../src/engine/plan/idLists";

function listOf(lists: IdLists, id: number): number[] {
  const out: number[] = [];
  for (let k = lists.first(id); k < lists.end(id); k++) out.push(lists.items[k]);
  return out;
}

test("lists come back as written, also past the first capacity; unwritten ones are empty", () => {
  const lists = new IdLists(5, 1);
  lists.start(3);
  for (let i = 0; i < 40; i++) lists.push(i % 5);
  lists.start(0);
  lists.push(4);
  lists.start(1); // an empty list
  expect(listOf(lists, 3)).toEqual(Array.from({ length: 40 }, (_, i) => i % 5));
  expect(listOf(lists, 0)).toEqual([4]);
  expect(lists.size(1)).toBe(0);
  expect(lists.size(2)).toBe(0);
  expect(lists.some(0, (v) => v === 4)).toBe(true);
  expect(lists.some(0, (v) => v === 3)).toBe(false);
});

test("turned round: for each id, which of the given ids list it, in their order", () => {
  // 0 reads 1 and 2; 3 reads 2; 4 reads nothing.
  const reads = new IdLists(5);
  reads.start(0);
  reads.push(1);
  reads.push(2);
  reads.start(3);
  reads.push(2);
  reads.start(4);
  const readBy = reads.reversed([0, 3, 4]);
  expect(listOf(readBy, 1)).toEqual([0]);
  expect(listOf(readBy, 2)).toEqual([0, 3]);
  expect(listOf(readBy, 0)).toEqual([]);
  expect(listOf(readBy, 4)).toEqual([]);
  // Only the given ids count: without 3, nobody else reads 2.
  expect(listOf(reads.reversed([0]), 2)).toEqual([0]);
});
