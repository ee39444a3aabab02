/**
 * Stage 2, the plan (src/engine/plan/plan.ts), on small workbooks: which formulas are computed
 * (the members), what each reads among them, which evaluator takes each, the dependency order and
 * its levels, and which cells keep Excel's value with the reason the user is told. Nothing is
 * evaluated here: the numbers are the evaluation's (test/engine/evaluate).
 */
import { Evaluator } from "../../../src/engine/plan/plan";
import { Planned, stages } from "../../helpers/stages";
import { f, row, TestWorkbook, v } from "../../helpers/xlsx";

const { plan } = stages("plan");

/** The kept cells of a plan, by cell name. */
const keptOf = (p: Planned) => p.byName(p.plan.kept);

/** The evaluator of a member, by name. */
const evaluatorOf = (p: Planned, cell: string) =>
  p.plan.evaluator[p.id(cell)] === Evaluator.Direct ? "direct" : "HyperFormula";

/**
 * What every plan holds to: each ordered member after what it reads; direct cells on even levels,
 * HyperFormula cells on odd ones; a cell on a level at or after each precedent's, and strictly after
 * one of the other evaluator (a level is one evaluator's run).
 */
function expectOrdered(p: Planned): void {
  const { order, level, evaluator, precedents } = p.plan;
  const position = new Map(order.map((id, i) => [id, i]));
  for (const id of order) {
    expect(level[id] % 2).toBe(evaluator[id]);
    for (let k = precedents.first(id); k < precedents.end(id); k++) {
      const q = precedents.items[k];
      expect(position.get(q)).toBeLessThan(position.get(id)!);
      if (evaluator[q] === evaluator[id]) expect(level[q]).toBeLessThanOrEqual(level[id]);
      else expect(level[q]).toBeLessThan(level[id]);
    }
  }
}

/**
 * A KIA and what is made of it, over two sheets. Invoer!A2 holds the year as a formula (2024+1)
 * with its cached result 2025; Blad1!G1 and H1 read no NL result.
 */
const chain = (application?: string | null): TestWorkbook => ({
  application,
  sheets: [
    {
      name: "Blad1",
      data: row(
        1,
        v("A1", 2901),
        f("B1", "_xldudf_NL_KIA(Invoer!A2,A1)"),
        f("C1", "IF(B1>0,ROUND(B1/2,2),0)"),
        f("D1", "VLOOKUP(2901,A1:B1,2,FALSE)"),
        f("E1", "N(D1)+C1"),
        f("F1", "E1*2"),
        f("G1", "A1*3"),
        f("H1", "SUM(1,2)"),
        f("I1", "Invoer!B1-1"),
      ),
    },
    {
      name: "Invoer",
      data: row(1, f("B1", "Blad1!F1+1")) + row(2, `<c r="A2"><f>2024+1</f><v>2025</v></c>`),
    },
  ],
});

describe("the members: what a recalculation computes", () => {
  test("the NL formulas and what depends on them, across sheets and back; no other formula", async () => {
    const p = await plan(chain());
    expect(p.names(p.plan.members).sort()).toEqual([
      "Blad1!B1",
      "Blad1!C1",
      "Blad1!D1",
      "Blad1!E1",
      "Blad1!F1",
      "Blad1!I1",
      "Invoer!B1",
    ]);
    // A1*3 and SUM(1,2) read no NL result; 2024+1 has Excel's cached result, read as it is.
    expect(p.plan.joinedPrecedents).toBe(0);
    expect(p.plan.trust.notExcel).toBeNull();
    expect(keptOf(p)).toEqual({});
  });

  test("each member's precedents are the members it reads (cells without a formula are no members)", async () => {
    const p = await plan(chain());
    expect(p.precedents("Blad1!B1")).toEqual([]); // A1 is a number; Invoer!A2 is read at its cached value
    expect(p.precedents("Blad1!C1")).toEqual(["Blad1!B1"]);
    expect(p.precedents("Blad1!D1")).toEqual(["Blad1!B1"]); // the range A1:B1 holds B1
    expect(p.precedents("Blad1!E1").sort()).toEqual(["Blad1!C1", "Blad1!D1"]);
    expect(p.precedents("Invoer!B1")).toEqual(["Blad1!F1"]);
    expect(p.precedents("Blad1!I1")).toEqual(["Invoer!B1"]);
  });

  test.each([
    ["written by another program (SheetJS)", "SheetJS", /^geschreven door SheetJS, niet door Excel/],
    ["without docProps/app.xml", null, /noemt het programma niet/],
  ])(
    "a workbook %s: the formula the NL formula reads joins, at the end of the members",
    async (_name, application, reason) => {
      const p = await plan(chain(application));
      const { members, joinedPrecedents } = p.plan;
      expect(joinedPrecedents).toBe(1);
      expect(p.names(members.slice(members.length - 1))).toEqual(["Invoer!A2"]);
      expect(p.precedents("Blad1!B1")).toEqual(["Invoer!A2"]);
      expect(evaluatorOf(p, "Invoer!A2")).toBe("direct");
      expect(p.plan.trust.notExcel).toMatch(reason);
      // Only what is read joins: G1 and H1 still are no members.
      expect(p.names(members)).not.toContain("Blad1!G1");
      expect(p.names(members)).not.toContain("Blad1!H1");
      expectOrdered(p);
    },
  );

  test("in a workbook Excel wrote, a precedent without a cached result joins, and so do its own", async () => {
    // B1 reads A2 (no <v>), which reads A3 (an error Excel cached: it may be gone now), which reads
    // A4 (a cached 40.000, Excel's): A2 and A3 join, A4 is read as it is.
    const p = await plan({
      sheets: [
        {
          name: "Blad1",
          data:
            row(1, f("B1", "_xldudf_NL_MKBVRIJ(2025,A2)")) +
            row(2, `<c r="A2"><f>A3+5000</f></c>`) +
            row(3, `<c r="A3" t="e"><f>A4*1</f><v>#REF!</v></c>`) +
            row(4, `<c r="A4"><f>20000*2</f><v>40000</v></c>`),
        },
      ],
    });
    expect(p.plan.joinedPrecedents).toBe(2);
    expect(p.names(p.plan.members)).toEqual(["Blad1!B1", "Blad1!A2", "Blad1!A3"]);
    expect(p.precedents("Blad1!A2")).toEqual(["Blad1!A3"]);
    expect(p.precedents("Blad1!A3")).toEqual([]);
    expect(p.plan.trust.notExcel).toBeNull();
  });
});

describe("the evaluator of each member", () => {
  test("direct: NL calls, arithmetic, IF and ROUND; HyperFormula: VLOOKUP, N and what the direct one lacks", async () => {
    const p = await plan(chain());
    expect(
      Object.fromEntries(
        ["Blad1!B1", "Blad1!C1", "Blad1!D1", "Blad1!E1", "Blad1!F1", "Invoer!B1", "Blad1!I1"].map((c) => [
          c,
          evaluatorOf(p, c),
        ]),
      ),
    ).toEqual({
      "Blad1!B1": "direct",
      "Blad1!C1": "direct",
      "Blad1!D1": "HyperFormula",
      "Blad1!E1": "HyperFormula",
      "Blad1!F1": "direct",
      "Invoer!B1": "direct",
      "Blad1!I1": "direct",
    });
  });

  test("an array formula: direct when it is one NL call, else HyperFormula", async () => {
    const p = await plan({
      sheets: [
        {
          name: "Blad1",
          data:
            row(
              1,
              f("A1", "_xldudf_NL_KIA(2025,10000)"),
              `<c r="B1"><f t="array" ref="B1">_xldudf_NL_OVERZICHT(2025,A1,TRUE)</f><v>0</v></c>`,
              `<c r="D1"><f t="array" ref="D1:D2">A1:A2*2</f><v>0</v></c>`,
            ) + row(2, v("D2", 0)),
        },
      ],
    });
    expect(evaluatorOf(p, "Blad1!B1")).toBe("direct");
    expect(evaluatorOf(p, "Blad1!D1")).toBe("HyperFormula");
  });
});

describe("the order", () => {
  test("levels: direct on even levels, HyperFormula on odd ones, each after what it reads", async () => {
    const p = await plan(chain());
    const levels = Object.fromEntries(p.plan.order.map((id) => [p.name(id), p.plan.level[id]]));
    expect(levels).toEqual({
      "Blad1!B1": 0,
      "Blad1!C1": 0, // direct after direct: the same level (a later wave of it)
      "Blad1!D1": 1,
      "Blad1!E1": 1, // HyperFormula after HyperFormula: the same run
      "Blad1!F1": 2,
      "Invoer!B1": 2,
      "Blad1!I1": 2,
    });
    expectOrdered(p);
  });

  test("a chain that takes turns between the evaluators: one level per turn", async () => {
    const p = await plan({
      sheets: [
        {
          name: "Blad1",
          data: row(
            1,
            f("A1", "_xldudf_NL_KIA(2025,10000)"),
            f("B1", "N(A1)"),
            f("C1", "B1+1"),
            f("D1", "N(C1)"),
            f("E1", "_xldudf_NL_MKBVRIJ(2025,D1)"),
          ),
        },
      ],
    });
    expect(p.names(p.plan.order)).toEqual(["Blad1!A1", "Blad1!B1", "Blad1!C1", "Blad1!D1", "Blad1!E1"]);
    expect(p.plan.order.map((id) => p.plan.level[id])).toEqual([0, 1, 2, 3, 4]);
  });

  test("the dependency order, not the order of the file or of the sheets", async () => {
    // Blad1!A1 reads Blad1!B1, which reads Blad2!A1, the NL formula; Blad1!C1 reads A1 and Blad2!B1.
    const p = await plan({
      sheets: [
        { name: "Blad1", data: row(1, f("A1", "B1*2"), f("B1", "Blad2!A1+1"), f("C1", "A1+Blad2!B1")) },
        { name: "Blad2", data: row(1, f("A1", "_xldudf_NL_KIA(2025,10000)"), f("B1", "A1/2")) },
      ],
    });
    const at = (cell: string) => p.names(p.plan.order).indexOf(cell);
    expect(p.plan.order).toHaveLength(5);
    expect(at("Blad2!A1")).toBe(0);
    expect(at("Blad1!B1")).toBeLessThan(at("Blad1!A1"));
    expect(at("Blad1!A1")).toBeLessThan(at("Blad1!C1"));
    expect(at("Blad2!B1")).toBeLessThan(at("Blad1!C1"));
    expectOrdered(p);
  });
});

describe("cells that keep Excel's value, with the reason the user is told", () => {
  test("an unknown function, an NL function this version lacks, INDIRECT, a data table, an unreadable formula", async () => {
    const p = await plan({
      sheets: [
        {
          name: "Blad1",
          data:
            row(
              1,
              v("A1", 10000),
              f("B1", "_xldudf_NL_KIA(2025,A1)"),
              f("C1", "_xll.ONBEKEND(B1)"),
              f("D1", "_xldudf_NL_BESTAATNIET(2025)"),
              f("E1", 'INDIRECT("B1")+B1'),
              f("F1", "OFFSET(B1,0,0)*2"),
              f("G1", "B1+("),
              `<c r="H1"><f t="array" ref="H1:H2">_xldudf_NL_KIA(2025,A1)</f><v>7</v></c>`,
            ) +
            // A one-variable data table over B1 = NL.KIA(2025; A1): Excel stores only its input cell.
            row(2, v("A2", 20000), `<c r="B2"><f t="dataTable" ref="B2:B3" dt2D="0" dtr="0" r1="A1"/><v>5600</v></c>`) +
            row(3, v("A3", 30000), v("B3", 8400)),
        },
      ],
    });
    expect(keptOf(p)).toEqual({
      "Blad1!C1": "functie _XLL.ONBEKEND kan zonder Excel niet worden berekend",
      "Blad1!D1": "NL.BESTAATNIET bestaat niet in deze versie van NL Aftrek",
      "Blad1!E1": "INDIRECT of OFFSET: welke cellen die lezen, weet alleen Excel",
      "Blad1!F1": "INDIRECT of OFFSET: welke cellen die lezen, weet alleen Excel",
      "Blad1!G1": "onleesbare formule (de formule houdt halverwege op)",
      "Blad1!H1": "cel H2 van het matrixbereik ontbreekt in het bestand",
      "Blad1!B2": "gegevenstabel (wat-als-analyse)",
    });
    // The NL formula itself is computed; a formula that cannot be read is a member all the same
    // (it may read an NL result), and so is the data table.
    expect(p.plan.kept.has(p.id("Blad1!B1"))).toBe(false);
    expect(p.names(p.plan.members)).toEqual(expect.arrayContaining(["Blad1!G1", "Blad1!B2"]));
  });

  test("a circular reference: each cell of the ring with the ring, what reads it as a dependent", async () => {
    const p = await plan({
      sheets: [
        {
          name: "Blad1",
          data: row(
            1,
            f("A1", "_xldudf_NL_KIA(2025,Blad2!A1)"),
            f("B1", "A1*2"),
            f("C1", "_xldudf_NL_KIA(2025,C1+10000)"),
            f("D1", "_xldudf_NL_KIA(2025,10000)"),
          ),
        },
        { name: "Blad2", data: row(1, f("A1", "Blad1!A1+1")) },
      ],
    });
    expect(keptOf(p)).toEqual({
      "Blad1!A1": "kringverwijzing tussen Blad1!A1, Blad2!A1",
      "Blad2!A1": "kringverwijzing tussen Blad1!A1, Blad2!A1",
      "Blad1!B1": "hangt af van een cel die niet herberekend kan worden",
      "Blad1!C1": "kringverwijzing: Blad1!C1 leest zichzelf",
    });
    // None of them is placed in the order; the rest is.
    expect(p.names(p.plan.order)).toEqual(["Blad1!D1"]);
  });

  test("a ring in a workbook that has Excel iterate: said so", async () => {
    const p = await plan({
      calcPr: '<calcPr calcId="191029" iterate="1"/>',
      sheets: [{ name: "Blad1", data: row(1, f("A1", "_xldudf_NL_KIA(2025,B1)"), f("B1", "A1+1")) }],
    });
    const reason =
      "kringverwijzing tussen Blad1!A1, Blad1!B1 (de werkmap laat Excel iteratief rekenen; NL Aftrek rekent niet iteratief, Excel rekent deze cellen bij openen)";
    expect(keptOf(p)).toEqual({ "Blad1!A1": reason, "Blad1!B1": reason });
  });

  test("a range over more than one whole column, once cut to the cells the sheet holds", async () => {
    // Values in the last row of A and C: A:A is one whole column (1.048.576 cells, allowed), B:C two
    // (2.097.152); E:F holds nothing below row 1, so it is cut to E1:F1.
    const p = await plan({
      sheets: [
        {
          name: "Blad1",
          data:
            row(
              1,
              v("A1", 10000),
              f("B1", "_xldudf_NL_KIA(2025,A:A)"),
              f("D1", "_xldudf_NL_KIA(2025,B:C)"),
              f("G1", "_xldudf_NL_KIA(2025,E:F)"),
            ) + row(1048576, v("A1048576", 20000), v("C1048576", 5)),
        },
      ],
    });
    expect(keptOf(p)).toEqual({
      "Blad1!D1": "leest een bereik van 2.097.152 cellen; zonder Excel ten hoogste 1.048.576 (één hele kolom)",
    });
  });
});
