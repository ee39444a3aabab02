/**
 * The HyperFormula patch (patches/hyperformula+3.5.0.patch): adding the edges of many formulas
 * that read one cell, or one range, takes linear work, and the graph still refuses duplicate edges.
 * No timing: the work is counted as the array elements `Array.prototype.includes` scans.
 */
import { HyperFormula, SimpleRangeValue } from "hyperformula";
import { createEngine } from "../../../src/engine/hyperformula/hyperformula";

function scannedWhile(fn: () => void): number {
  const original = Array.prototype.includes;
  let scanned = 0;
  Array.prototype.includes = function (this: unknown[], ...args: [unknown, number?]) {
    scanned += this.length;
    return original.apply(this, args);
  };
  try {
    fn();
  } finally {
    Array.prototype.includes = original;
  }
  return scanned;
}

function clientList(rows: number): (string | number)[][] {
  const sheet: (string | number)[][] = [[2025]];
  for (let r = 2; r <= rows + 1; r++) sheet.push([r * 100, `=$A$1+A${r}`]);
  return sheet;
}

test("linking n formulas to one shared cell scans a bounded number of elements per formula", () => {
  let engine: HyperFormula | undefined;
  const scanned = scannedWhile(() => {
    engine = createEngine({ Klanten: clientList(20000) });
  });
  // Unpatched, each new edge from $A$1 scans all earlier ones: about 20.000² / 2 = 2 × 10^8 elements.
  expect(scanned).toBeLessThan(20000 * 50);
  expect(engine!.getCellValue({ sheet: 0, row: 20000, col: 1 })).toBe(2025 + 20001 * 100);
  engine!.destroy();
});

test("the graph still keeps each edge once, also past the point where it switches to a set", () => {
  const engine = createEngine({ Blad1: [[1], ...Array.from({ length: 40 }, () => ["=A1+A1+A1"])] });
  // A1 feeds 40 formulas, each reading it three times: 40 dependents, not 120.
  expect(engine.getCellDependents({ sheet: 0, row: 0, col: 0 })).toHaveLength(40);
  engine.setCellContents({ sheet: 0, row: 0, col: 0 }, 2);
  expect(engine.getCellValue({ sheet: 0, row: 40, col: 0 })).toBe(6);
  engine.setCellContents({ sheet: 0, row: 40, col: 0 }, 7); // a formula removed: its edge goes from the set too
  expect(engine.getCellDependents({ sheet: 0, row: 0, col: 0 })).toHaveLength(39);
  engine.setCellContents({ sheet: 0, row: 40, col: 0 }, "=A1*10"); // and can come back
  expect(engine.getCellValue({ sheet: 0, row: 40, col: 0 })).toBe(20);
  engine.destroy();
});

test("n formulas that read one range link the range's cells once, not once each", () => {
  // A table of 1.000 rows looked up from 2.000 rows: every lookup reads $A$1:$B$1000
  const sheet: (string | number)[][] = [];
  for (let r = 1; r <= 2000; r++) {
    const row: (string | number)[] = r <= 1000 ? [r, r * 10] : ["", ""];
    row.push(`=VLOOKUP(${(r % 1000) + 1},$A$1:$B$1000,2,FALSE)`);
    sheet.push(row);
  }
  let engine: HyperFormula | undefined;
  const scanned = scannedWhile(() => {
    engine = createEngine({ Tabel: sheet });
  });
  // Unpatched, each of the 2.000 formulas links the range's 2.000 cells again: 4 × 10^6 scans.
  expect(scanned).toBeLessThan(2000 * 20);
  expect(engine!.getCellValue({ sheet: 0, row: 1999, col: 2 })).toBe(10); // row 2.000 looks up 1: 10
  expect(engine!.getCellValue({ sheet: 0, row: 0, col: 2 })).toBe(20); // row 1 looks up 2: 20
  engine!.setCellContents({ sheet: 0, row: 0, col: 1 }, 7); // the range's first value changes
  expect(engine!.getCellValue({ sheet: 0, row: 1999, col: 2 })).toBe(7); // and every lookup sees it
  engine!.destroy();
});

test("SUMIF per row over one table keeps every criterion it has summed, not only the last", () => {
  // 2.000 rows: A cycles through 20 categories, B an amount; C sums B for the row's category
  const sheet: (string | number)[][] = [];
  for (let r = 1; r <= 2000; r++) sheet.push([r % 20, r, `=SUMIF($A$1:$A$2000,A${r},$B$1:$B$2000)`]);
  // Each full pass over the table takes the 2.000 values of its two columns (the amounts and the
  // categories) as lists: two lists of 2.000 per pass
  const proto = SimpleRangeValue.prototype;
  const original = proto.valuesFromTopLeftCorner;
  let lists = 0;
  proto.valuesFromTopLeftCorner = function (this: SimpleRangeValue) {
    const out = original.call(this);
    if (out.length === 2000) lists++;
    return out;
  };
  let engine: HyperFormula | undefined;
  try {
    engine = createEngine({ Tabel: sheet });
  } finally {
    proto.valuesFromTopLeftCorner = original;
  }
  // Unpatched, a new criterion replaced the cache, so the categories taken in turn passed over the
  // table for every row: 2.000 passes. Patched: one per category.
  expect(lists / 2).toBeLessThanOrEqual(20);
  // category 0: rows 20, 40, ..., 2.000: 20 x (1 + 2 + ... + 100) = 20 x 5.050 = 101.000
  expect(engine!.getCellValue({ sheet: 0, row: 19, col: 2 })).toBe(101000);
  // category 1: rows 1, 21, ..., 1.981: 100 rows, 1 + 20 x (0 + 1 + ... + 99) = 100 + 20 x 4.950 = 99.100
  expect(engine!.getCellValue({ sheet: 0, row: 0, col: 2 })).toBe(99100);
  engine!.setCellContents({ sheet: 0, row: 0, col: 1 }, 1001); // row 1's amount 1 -> 1.001
  expect(engine!.getCellValue({ sheet: 0, row: 20, col: 2 })).toBe(100100); // category 1 again, 1.000 more
  engine!.destroy();
});

test("INDEX per row over a whole column reads the one cell it gives, not the whole column", () => {
  // 2.000 rows: A holds 10 x the row, B gives A of the row below from the whole column A
  const sheet: (string | number)[][] = [];
  for (let r = 1; r <= 2000; r++) sheet.push([r * 10, `=INDEX(A:A,${(r % 2000) + 1})`, `=INDEX($A$1:$B$2000,${r},1)`]);
  // Each whole-range read goes through SimpleRangeValue's ensureThatComputed (private: reached as such)
  const proto = SimpleRangeValue.prototype as unknown as { ensureThatComputed(this: unknown): void };
  const original = proto.ensureThatComputed;
  let reads = 0;
  proto.ensureThatComputed = function (this: { hasComputedData(): boolean }) {
    if (!this.hasComputedData()) reads++;
    return original.call(this);
  };
  let engine: HyperFormula | undefined;
  try {
    engine = createEngine({ Blad1: sheet });
  } finally {
    proto.ensureThatComputed = original;
  }
  // Unpatched, each of the 4.000 INDEX calls read its whole range of 2.000 (or 6.000) cells first.
  expect(reads).toBe(0);
  expect(engine!.getCellValue({ sheet: 0, row: 0, col: 1 })).toBe(20); // row 1: A2 = 20
  expect(engine!.getCellValue({ sheet: 0, row: 1999, col: 1 })).toBe(10); // row 2.000: A1 = 10
  expect(engine!.getCellValue({ sheet: 0, row: 41, col: 2 })).toBe(420); // row 42, first column
  engine!.setCellContents({ sheet: 0, row: 1, col: 0 }, 7); // A2 = 7 reaches the INDEX that gives it
  expect(engine!.getCellValue({ sheet: 0, row: 0, col: 1 })).toBe(7);
  engine!.destroy();
});

test("INDEX still refuses a place outside its range, and a place in a column is read as the column holds it", () => {
  const engine = createEngine({
    Blad1: [
      [1, "=INDEX(A1:A3,4)", "=INDEX(A1:A3,0)", "=INDEX(A:A,3)", "=INDEX(A:A,2)", "=INDEX(A:A,5)"],
      ["tekst"],
      [null, 5],
    ],
  });
  const at = (col: number) => engine.getCellValue({ sheet: 0, row: 0, col });
  expect(at(1)).toMatchObject({ type: "NUM" }); // row 4 of three rows
  expect(at(2)).toMatchObject({ type: "VALUE" }); // row 0
  expect(at(3)).toBe(0); // an empty cell gives 0, as in Excel and as the whole-range read gave it
  expect(at(4)).toBe("tekst");
  expect(at(5)).toMatchObject({ type: "NUM" }); // below the sheet's last row: outside the column's cells
  engine.destroy();
});

test("SUMIFS, COUNTIFS and AVERAGEIF give the same results through the indexed filter", () => {
  // A: category, B: amount, C: hours. Rows 1-6: (1, 100, 1000) (2, 200, 1300) (1, 300, 1500)
  // (2, 400, 900) (1, "", 1225) (3, 600, "tekst")
  const data: (string | number)[][] = [
    [1, 100, 1000],
    [2, 200, 1300],
    [1, 300, 1500],
    [2, 400, 900],
    [1, "", 1225],
    [3, 600, "tekst"],
  ];
  const formulas = [
    '=SUMIFS(B1:B6,A1:A6,1,C1:C6,">=1225")', // rows 3 and 5: 300 + empty = 300
    '=COUNTIFS(A1:A6,1,C1:C6,">=1225")', // rows 3 and 5: 2
    '=COUNTIFS(A1:A6,">1")', // rows 2, 4, 6: 3
    '=SUMIF(C1:C6,"<1225",B1:B6)', // rows 1 and 4: 100 + 400 = 500
    "=AVERAGEIF(A1:A6,2,B1:B6)", // rows 2 and 4: (200 + 400) / 2 = 300
    '=COUNTIFS(A1:A6,1,C1:C3,">0")', // ranges of unequal size: #VALUE!
    '=COUNTIF(C1:C6,"tekst")', // 1
  ];
  const engine = createEngine({
    Blad1: [...data.map((row, i) => [...row, formulas[i] ?? ""]), ["", "", "", formulas[6]]],
  });
  const at = (row: number) => engine.getCellValue({ sheet: 0, row, col: 3 });
  expect([0, 1, 2, 3, 4].map(at)).toEqual([300, 2, 3, 500, 300]);
  expect(at(5)).toMatchObject({ type: "VALUE" });
  expect(at(6)).toBe(1);
  engine.setCellContents({ sheet: 0, row: 4, col: 1 }, 50); // row 5's amount: 50
  expect(at(0)).toBe(350);
  engine.destroy();
});

test("DATEDIF takes its unit in any case, as Excel does", () => {
  // 1 January 2025 (serial 45658) to 31 December 2025 (46022): 11 whole months, 364 days
  const engine = createEngine({
    Blad1: [
      [45658, 46022, '=DATEDIF(A1,B1,"m")', '=DATEDIF(A1,B1,"M")', '=DATEDIF(A1,B1,"d")', '=DATEDIF(A1,B1,"md")'],
    ],
  });
  expect([2, 3, 4, 5].map((col) => engine.getCellValue({ sheet: 0, row: 0, col }))).toEqual([11, 11, 364, 30]);
  engine.destroy();
});

test("VLOOKUP and HLOOKUP search an array (a constant, an NL spill) as they search a range", () => {
  // Microsoft's help: table_array is "a range of cells" or an array; Excel and LibreOffice both
  // search an array constant. HyperFormula gave #VALUE! for any array that is not a range.
  const engine = createEngine({
    Blad1: [
      [
        '=VLOOKUP(2,{1,"a";2,"b";3,"c"},2,FALSE)',
        '=VLOOKUP(2.5,{1,"a";2,"b";3,"c"},2,TRUE)',
        '=HLOOKUP("y",{"x","y";10,20},2,FALSE)',
        '=VLOOKUP(9,{1,"a"},2,FALSE)',
        '=VLOOKUP(1,{1,"a"},3,FALSE)',
        '=VLOOKUP(1,{1,"a"},0,FALSE)',
        // the belastbare winst line of the chain's table (2025, winst 50.000, urencriterium met):
        // 50.000 - 2.470 - 12,7% x 47.530 (6.036,31) = 41.493,69 (art. 3.76, 3.79a Wet IB 2001)
        '=VLOOKUP("Belastbare winst uit onderneming",NL.OVERZICHT(2025,50000,TRUE),2,FALSE)',
        // a range still goes the range's way
        "=VLOOKUP(2,A2:B3,2,FALSE)",
      ],
      [1, "een"],
      [2, "twee"],
    ],
  });
  const row = [0, 1, 2, 3, 4, 5, 6, 7].map((col) => engine.getCellValue({ sheet: 0, row: 0, col }));
  const plain = row.map((v) => (v && typeof v === "object" && "type" in v ? `#${(v as { type: string }).type}` : v));
  expect(plain).toEqual(["b", "b", 20, "#NA", "#REF", "#VALUE", 41493.69, "twee"]);
  engine.destroy();
});
