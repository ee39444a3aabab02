/**
 * The touched set (src/engine/plan/dependents.ts): the NL formulas and everything that depends on
 * them, directly or through other formulas, across sheets, names and the areas of array formulas;
 * the cells a caller adds (`also`); and the formulas that cannot be read, which may read anything.
 */
import { Read, stages } from "../../helpers/stages";
import { f, row, v } from "../../helpers/xlsx";

const { read } = stages("dependents");

const touched = (r: Read) => r.names(r.graph.touched).sort();

describe("the touched set", () => {
  test("a chain across three sheets and back; a formula beside it is not touched", async () => {
    const r = await read({
      sheets: [
        {
          name: "Blad1",
          data: row(1, f("A1", "_xldudf_NL_KIA(2025,10000)"), f("D1", "Blad3!C1+1"), f("E1", "Blad2!B6*2")),
        },
        {
          name: "Blad2",
          data: row(5, f("B5", "Blad1!A1*2")) + row(6, v("B6", 3)) + row(7, f("B7", "SUM(B8:B9)")),
        },
        { name: "Blad3", data: row(1, f("C1", "SUM(Blad2!B1:B5)"), f("D1", "SUM(Blad2!B6:B10)")) },
      ],
    });
    expect(touched(r)).toEqual(["Blad1!A1", "Blad1!D1", "Blad2!B5", "Blad3!C1"]);
    // The NL formula first, then what is found from it.
    expect(r.name(r.graph.touched[0])).toBe("Blad1!A1");
    for (const id of r.graph.touched) expect(r.graph.inTouched[id]).toBe(1);
    for (const cell of ["Blad1!E1", "Blad2!B7", "Blad3!D1"]) expect(r.graph.inTouched[r.id(cell)]).toBe(0);
    expect(r.graph.formulas).toHaveLength(7);
    expect(r.graph.formulas.filter((x) => x.traits.hasNl).map((x) => r.name(x.id))).toEqual(["Blad1!A1"]);
  });

  test("an NL formula inside a defined name makes the formula that uses it an NL formula", async () => {
    const r = await read({
      names: '<definedName name="Aftrek">_xldudf_NL_KIA(2025,Blad1!$A$1)</definedName>',
      sheets: [{ name: "Blad1", data: row(1, v("A1", 10000), f("B1", "Aftrek*2"), f("C1", "B1+1"), f("D1", "A1+1")) }],
    });
    expect(r.graph.formulas[r.id("Blad1!B1")].traits.hasNl).toBe(true);
    expect(touched(r)).toEqual(["Blad1!B1", "Blad1!C1"]);
  });

  test("a formula that reads any cell of an array formula's area depends on it, not only its first cell", async () => {
    const r = await read({
      sheets: [
        {
          name: "Blad1",
          data:
            row(
              1,
              f("A1", "_xldudf_NL_KIA(2025,10000)"),
              `<c r="B1"><f t="array" ref="B1:B2">A1:A2*2</f><v>0</v></c>`,
            ) + row(2, v("A2", 1), v("B2", 0), f("D2", "B2+1")),
        },
      ],
    });
    expect(touched(r)).toEqual(["Blad1!A1", "Blad1!B1", "Blad1!D2"]);
  });

  test("a workbook without NL formulas touches nothing", async () => {
    const r = await read({ sheets: [{ name: "Blad1", data: row(1, v("A1", 1), f("B1", "A1*2"), f("C1", "B1+1")) }] });
    expect(r.graph.touched).toEqual([]);
    expect(r.graph.formulas).toHaveLength(2);
  });
});

describe("cells the caller adds (also)", () => {
  const sheets = [
    { name: "Blad1", data: row(1, v("A1", 40000), f("B1", "A1*0.127"), f("C1", "B1+1"), f("D1", "A1+1")) },
    { name: "Blad2", data: row(1, f("A1", "Blad1!C1*2"), f("B1", "5*5")) },
  ];

  test("a cell with a formula: that formula and what depends on it", async () => {
    const r = await read({ sheets }, [{ sheet: "Blad1", cell: "B1" }]);
    expect(touched(r)).toEqual(["Blad1!B1", "Blad1!C1", "Blad2!A1"]);
  });

  test("a cell without a formula: the formulas that read it, and theirs", async () => {
    const r = await read({ sheets }, [{ sheet: "Blad1", cell: "A1" }]);
    expect(touched(r)).toEqual(["Blad1!B1", "Blad1!C1", "Blad1!D1", "Blad2!A1"]);
  });

  test("an empty cell no formula reads, and one on a sheet that does not exist: nothing", async () => {
    const r = await read({ sheets }, [
      { sheet: "Blad1", cell: "Z99" },
      { sheet: "Bestaat niet", cell: "A1" },
    ]);
    expect(r.graph.touched).toEqual([]);
  });

  test("besides the NL formulas", async () => {
    const r = await read(
      {
        sheets: [
          {
            name: "Blad1",
            data: row(1, f("A1", "_xldudf_NL_KIA(2025,10000)"), f("B1", "A1+1"), f("C1", "2470*1"), f("D1", "C1*2")),
          },
        ],
      },
      [{ sheet: "Blad1", cell: "C1" }],
    );
    expect(touched(r)).toEqual(["Blad1!A1", "Blad1!B1", "Blad1!C1", "Blad1!D1"]);
  });
});

describe("formulas that cannot be read", () => {
  test("are listed, not touched; those whose text calls an NL function are NL formulas", async () => {
    const r = await read({
      sheets: [
        {
          name: "Blad1",
          data:
            row(1, f("A1", "_xldudf_NL_KIA(2025,10000)"), f("B1", "A1+("), f("C1", "_xldudf_NL_KIA(2025,,(")) +
            // A shared formula: the other cells store no text of their own, only their master's.
            row(2, `<c r="B2"><f t="shared" ref="B2:B3" si="0">_xldudf_NL_MKBVRIJ(2025,(</f></c>`) +
            row(3, `<c r="B3"><f t="shared" si="0"/></c>`),
        },
      ],
    });
    expect(r.names(r.graph.unreadable).sort()).toEqual(["Blad1!B1", "Blad1!B2", "Blad1!B3", "Blad1!C1"]);
    expect(r.names(r.graph.unreadableNl).sort()).toEqual(["Blad1!B2", "Blad1!B3", "Blad1!C1"]);
    expect(touched(r)).toEqual(["Blad1!A1"]);
    // A1 read, and B2, B3 and C1 that could not be: four NL formulas.
    expect(r.graph.nlFormulas).toBe(4);
  });
});

describe("a formula outside the touched set that reads cells only known at evaluation", () => {
  test.each([
    ["INDIRECT outside", 'INDIRECT("A1")*2', true],
    ["OFFSET outside", "OFFSET(B1,1,0)", true],
    ["no such formula", "B1*2", false],
  ])("%s", async (_name, formula, dynamic) => {
    const r = await read({
      sheets: [{ name: "Blad1", data: row(1, f("A1", "_xldudf_NL_KIA(2025,10000)"), v("B1", 1), f("C1", formula)) }],
    });
    expect(r.graph.dynamicOutside).toBe(dynamic);
  });

  test("inside the touched set it does not count here (the plan keeps it), nor without NL formulas", async () => {
    const inside = await read({
      sheets: [{ name: "Blad1", data: row(1, f("A1", "_xldudf_NL_KIA(2025,10000)"), f("B1", 'INDIRECT("C1")+A1')) }],
    });
    expect(inside.graph.dynamicOutside).toBe(false);
    const none = await read({ sheets: [{ name: "Blad1", data: row(1, v("A1", 1), f("B1", 'INDIRECT("A1")')) }] });
    expect(none.graph.dynamicOutside).toBe(false);
  });
});
