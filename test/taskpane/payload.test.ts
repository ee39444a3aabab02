/**
 * Batches within one request to Excel: sizes in UTF-8 bytes of JSON, rows per read from what was
 * measured (never a fixed number), half after a refusal.
 */
import {
  batchesBySize,
  CELLS_PER_READ,
  jsonBytes,
  PAYLOAD_BUDGET,
  refusedForSize,
  RowBatches,
} from "../../src/taskpane/payload";

test("bytes as they travel: JSON in UTF-8", () => {
  expect(jsonBytes([[1, "a"]])).toBe(9); // [[1,"a"]]
  expect(jsonBytes(["€"])).toBe(7); // ["€"]: the euro sign is 3 bytes
  expect(jsonBytes(["é"])).toBe(6); // 2 bytes
  expect(jsonBytes(["😀"])).toBe(8); // a surrogate pair: 4 bytes
});

test("rows per read follow what was measured, and halve after a refusal", () => {
  const batches = new RowBatches(30);
  const first = batches.next(50000);
  expect(first).toBe(Math.floor(PAYLOAD_BUDGET / (30 * 64))); // the first guess: 64 bytes a cell
  batches.measured(first, first * 3000); // 3 KB a row measured
  expect(batches.next(50000)).toBe(Math.floor(PAYLOAD_BUDGET / 3000)); // 1.333 rows
  batches.measured(100, 100 * 1000); // a lighter part never makes the next read bigger than the heaviest
  expect(batches.next(50000)).toBe(1333);
  batches.refused(1333);
  expect(batches.next(50000)).toBe(666);
  expect(batches.next(10)).toBe(10); // never more than is left
  expect(new RowBatches(30, 1).next(10_000_000)).toBe(Math.floor(CELLS_PER_READ / 30)); // and at most a million cells
  const huge = new RowBatches(16384);
  huge.measured(1, 10 * PAYLOAD_BUDGET);
  expect(huge.next(100)).toBe(1); // at least one row
});

test("items cut into batches under the budget, each item in one piece", () => {
  const items = Array.from({ length: 10 }, (_, i) => i);
  const batches = batchesBySize(items, () => PAYLOAD_BUDGET / 4);
  expect(batches).toEqual([
    [0, 1, 2, 3],
    [4, 5, 6, 7],
    [8, 9],
  ]);
  expect(batchesBySize(items, () => 1, 3).map((b) => b.length)).toEqual([3, 3, 3, 1]);
  expect(batchesBySize([1], () => 2 * PAYLOAD_BUDGET)).toEqual([[1]]); // an item larger than the budget goes alone
});

test("which refusals are about size", () => {
  expect(refusedForSize({ code: "RequestPayloadSizeLimitExceeded" })).toBe(true);
  expect(refusedForSize({ code: "ResponsePayloadSizeLimitExceeded" })).toBe(true);
  expect(refusedForSize({ code: "RangeExceedsLimit" })).toBe(true);
  expect(refusedForSize({ code: "AccessDenied" })).toBe(false);
  expect(refusedForSize(new Error("x"))).toBe(false);
});
