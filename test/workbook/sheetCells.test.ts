/**
 * The cell store of a sheet: whatever order cells are added and asked for in (rows out of order, a
 * cell stored twice, the last two rows asked for kept at hand), a cell is found exactly where it
 * was stored, and nowhere else.
 */
import fc from "fast-check";
import { CellRecord, SheetCells } from "../../src/workbook/package";

function record(cells: SheetCells, row: number, col: number, value: number): CellRecord {
  return {
    ordinal: cells.nextOrdinal(),
    row,
    col,
    type: undefined,
    value,
    formula: undefined,
    start: 0,
    tagEnd: 0,
    end: 0,
    selfClosing: true,
    vStart: -1,
    vEnd: -1,
    vTextStart: -1,
    vTextEnd: -1,
    fEnd: -1,
  };
}

const position = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 6 }));

test("get finds the last cell stored at a position, for any order of storing and asking", () => {
  fc.assert(
    fc.property(fc.array(position, { maxLength: 60 }), fc.array(position, { maxLength: 80 }), (stored, asked) => {
      const cells = new SheetCells();
      const expected = new Map<string, number>();
      stored.forEach(([row, col], i) => {
        cells.add(record(cells, row, col, i));
        expected.set(`${row}:${col}`, i);
      });
      for (const [row, col] of asked) expect(cells.get(row, col)?.value).toBe(expected.get(`${row}:${col}`));
    }),
    { numRuns: 300 },
  );
});

test("a formula's reads of its own row and a year cell at the top alternate without losing either", () => {
  const cells = new SheetCells();
  cells.add(record(cells, 1, 2, 2025));
  for (let row = 2; row <= 5; row++)
    for (let col = 1; col <= 3; col++) cells.add(record(cells, row, col, row * 10 + col));
  // Row 1 (the year), row r, row 1 again, a missing row, row r + 1 ...
  expect(cells.get(1, 2)?.value).toBe(2025);
  expect(cells.get(3, 1)?.value).toBe(31);
  expect(cells.get(1, 2)?.value).toBe(2025);
  expect(cells.get(3, 3)?.value).toBe(33);
  expect(cells.get(9, 1)).toBeUndefined();
  expect(cells.get(3, 2)?.value).toBe(32);
  expect(cells.get(1, 1)).toBeUndefined();
  expect(cells.get(4, 2)?.value).toBe(42);
  expect(cells.get(1, 2)?.value).toBe(2025);
  expect(cells.get(5, 4)).toBeUndefined();
  expect(cells.get(5, 3)?.value).toBe(53);
});
