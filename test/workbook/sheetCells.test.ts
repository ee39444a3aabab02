/**
 * The cell store of a sheet: whatever order cells are added and asked for in (rows out of order, a
 * cell stored twice, the last two rows asked for kept at hand), a cell is found exactly where it
 * was stored, and nowhere else; a second cell at a place already taken is refused (the reader then
 * refuses the file as damaged).
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
  };
}

const position = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 6 }));

test("get finds the cell stored at a position, for any order of storing and asking; a second one is refused", () => {
  fc.assert(
    fc.property(fc.array(position, { maxLength: 60 }), fc.array(position, { maxLength: 80 }), (stored, asked) => {
      const cells = new SheetCells();
      const expected = new Map<string, number>();
      stored.forEach(([row, col], i) => {
        const key = `${row}:${col}`;
        expect(cells.add(record(cells, row, col, i))).toBe(!expected.has(key));
        if (!expected.has(key)) expected.set(key, i);
      });
      expect(cells.size).toBe(expected.size);
      for (const [row, col] of asked) expect(cells.get(row, col)?.value).toBe(expected.get(`${row}:${col}`));
    }),
    { numRuns: 1000 },
  );
});

test("a cell stored twice after a cell to its right: the second is refused, the first kept and counted once", () => {
  // The case the property above found: B2 and D2 stored out of order, then D2 again
  const cells = new SheetCells();
  const added = [
    [1, 0],
    [5, 1],
    [4, 2],
    [4, 3],
  ].map(([col, value]) => cells.add(record(cells, 2, col, value)));
  expect(added).toEqual([true, true, true, false]);
  expect(cells.get(2, 4)?.value).toBe(2);
  expect(cells.size).toBe(3);
  expect(cells.values().map((c) => c.col)).toEqual([1, 4, 5]);
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

test("where each element is in the text is kept per ordinal, past the first thousand cells too", () => {
  const cells = new SheetCells();
  const made: CellRecord[] = [];
  for (let i = 0; i < 3000; i++) {
    const cell = record(cells, i + 1, 1, i);
    // Every third cell has a <v>; positions are i*10 onwards.
    const v = i % 3 === 0 ? i * 10 + 4 : -1;
    cells.setLayout(cell.ordinal, {
      start: i * 10,
      tagEnd: i * 10 + 3,
      end: i * 10 + 9,
      selfClosing: i % 2 === 1,
      vStart: v,
      vEnd: v < 0 ? -1 : v + 4,
      vTextStart: v < 0 ? -1 : v + 3,
      vTextEnd: v < 0 ? -1 : v + 3,
      fEnd: -1,
    });
    cells.add(cell);
    made.push(cell);
  }
  // Cell 2997: 2997 * 10 = 29970; odd, so self-closing; a multiple of 3, so with a <v> at 29974.
  expect(cells.layout(made[2997])).toEqual({
    start: 29970,
    tagEnd: 29973,
    end: 29979,
    selfClosing: true,
    vStart: 29974,
    vEnd: 29978,
    vTextStart: 29977,
    vTextEnd: 29977,
    fEnd: -1,
  });
  expect(cells.layout(made[2998])).toMatchObject({ start: 29980, selfClosing: false, vStart: -1, vEnd: -1 });
  expect(made.filter((c) => cells.hasValueElement(c)).length).toBe(1000);
  // A cell whose element was never placed (made outside a sheet's text) has none of it.
  const loose = record(cells, 9999, 1, 0);
  expect(cells.hasValueElement(loose)).toBe(false);
  expect(cells.layout(loose).start).toBe(-1);
});
