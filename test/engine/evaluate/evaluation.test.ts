/**
 * Stage 3, the evaluation (src/engine/evaluate/evaluation.ts), on a plan: the results of direct and
 * HyperFormula cells level by level, each reading the new results of what it reads (never the
 * cached value it replaces), and the cells that keep Excel's value: those that read a kept cell,
 * and those whose value only Excel can decide.
 *
 * KIA 2025 (art. 3.41 lid 1 Wet IB 2001, https://wetten.overheid.nl/BWBR0011353/2025-01-01#Artikel3.41):
 * no KIA up to 2.900 invested; 28% of the investments from 2.901 to 70.602; 19.769 from 70.603.
 */
import { EvaluatedBook, stages } from "../../helpers/stages";
import { f, row, s, v } from "../../helpers/xlsx";

const { evaluate } = stages("evaluation");

const DEPENDENT_OF_KEPT = "hangt af van een cel die niet herberekend kan worden";

/** The result of a cell, by name (undefined when it has none). */
const resultOf = (p: EvaluatedBook, cell: string) => {
  const id = p.id(cell);
  return p.evaluated.done[id] ? p.evaluated.results[id] : undefined;
};

const keptOf = (p: EvaluatedBook) => p.byName(p.evaluated.kept);

describe("results, level by level", () => {
  let p: EvaluatedBook;
  beforeAll(async () => {
    p = await evaluate({
      sheets: [
        {
          name: "Blad1",
          data:
            // The NL formulas hold stale cached values (1, 2, 99, 4): what reads them reads the new results.
            row(
              1,
              v("A1", 2900),
              `<c r="B1"><f>_xldudf_NL_KIA(2025,A1)</f><v>1</v></c>`,
              f("C1", "VLOOKUP(70602,A1:B4,2,FALSE)"),
              f("D1", "_xldudf_NL_MKBVRIJ(2025,C1)"),
            ) +
            row(2, v("A2", 2901), `<c r="B2"><f>_xldudf_NL_KIA(2025,A2)</f><v>2</v></c>`, f("C2", "B3-B2")) +
            row(3, v("A3", 70602), `<c r="B3"><f>_xldudf_NL_KIA(2025,A3)</f><v>99</v></c>`, f("C3", "N(C2)+C1")) +
            row(4, v("A4", 70603), `<c r="B4"><f>_xldudf_NL_KIA(2025,A4)</f><v>4</v></c>`, f("C4", "ROUND(C3/2,2)")),
        },
      ],
    });
  });

  test("the plan's evaluators: direct NL calls and arithmetic, HyperFormula for VLOOKUP and N", () => {
    const levels = Object.fromEntries(p.plan.order.map((id) => [p.name(id), p.plan.level[id]]));
    expect(levels).toEqual({
      "Blad1!B1": 0,
      "Blad1!B2": 0,
      "Blad1!B3": 0,
      "Blad1!B4": 0,
      "Blad1!C2": 0,
      "Blad1!C1": 1,
      "Blad1!C3": 1,
      "Blad1!C4": 2,
      "Blad1!D1": 2,
    });
  });

  test("the KIA at the edges of the 28% band (direct)", () => {
    expect(resultOf(p, "Blad1!B1")).toBe(0); // 2.900: no KIA
    expect(resultOf(p, "Blad1!B2")).toBe(812.28); // 28% x 2.901
    expect(resultOf(p, "Blad1!B3")).toBe(19768.56); // 28% x 70.602
    expect(resultOf(p, "Blad1!B4")).toBe(19769); // the fixed amount from 70.603
  });

  test("what reads them, in HyperFormula and directly, reads the new results", () => {
    expect(resultOf(p, "Blad1!C1")).toBe(19768.56); // the KIA beside 70.602, looked up
    // In binary, as in Excel: 19.768,56 - 812,28 is 18.956,280000000002, shown as 18.956,28.
    expect(resultOf(p, "Blad1!C2")).toBeCloseTo(18956.28, 9); // not 99 - 2
    expect(resultOf(p, "Blad1!C3")).toBeCloseTo(38724.84, 9); // 18.956,28 + 19.768,56: a direct result read in HyperFormula
    expect(resultOf(p, "Blad1!C4")).toBe(19362.42); // 38.724,84 / 2: a HyperFormula result read directly
    // MKB-winstvrijstelling 2025 (art. 3.79a): 12,7% x 19.768,56 = 2.510,60712 -> 2.510,61
    expect(resultOf(p, "Blad1!D1")).toBe(2510.61);
    expect(p.evaluated.kept.size).toBe(0);
  });
});

test("a precedent that joined the plan is computed before the NL formula reads it", async () => {
  // SheetJS wrote the file: its cached 0 for A1 = 2000+901 is not Excel's. KIA: 28% x 2.901 = 812,28.
  const p = await evaluate({
    application: "SheetJS",
    sheets: [
      {
        name: "Blad1",
        data: row(1, `<c r="A1"><f>2000+901</f><v>0</v></c>`, f("B1", "_xldudf_NL_KIA(2025,A1)")),
      },
    ],
  });
  expect(p.plan.joinedPrecedents).toBe(1);
  expect(resultOf(p, "Blad1!A1")).toBe(2901);
  expect(resultOf(p, "Blad1!B1")).toBe(812.28);
});

test("an NL error is a result with its code and Dutch message", async () => {
  const p = await evaluate({
    sheets: [{ name: "Blad1", data: row(1, f("A1", "_xldudf_NL_KIA(2027,10000)"), f("B1", "IFERROR(A1,-1)")) }],
  });
  expect(resultOf(p, "Blad1!A1")).toEqual({
    error: "#N/A",
    message: "Kleinschaligheidsinvesteringsaftrek: geen gegevens voor jaar 2027. Beschikbare jaren: 2022–2026.",
  });
  expect(resultOf(p, "Blad1!B1")).toBe(-1);
});

test("an array formula's result is its rows", async () => {
  // {=B1:B2*0,5}: half of each KIA (a partner's share): 812,28 / 2 = 406,14; 19.768,56 / 2 = 9.884,28.
  const p = await evaluate({
    sheets: [
      {
        name: "Blad1",
        data:
          row(
            1,
            v("A1", 2901),
            f("B1", "_xldudf_NL_KIA(2025,A1)"),
            `<c r="C1"><f t="array" ref="C1:C2">B1:B2*0.5</f><v>0</v></c>`,
          ) + row(2, v("A2", 70602), f("B2", "_xldudf_NL_KIA(2025,A2)"), v("C2", 0)),
      },
    ],
  });
  expect(resultOf(p, "Blad1!C1")).toEqual([[406.14], [9884.28]]);
});

describe("cells that keep Excel's value", () => {
  let p: EvaluatedBook;
  beforeAll(async () => {
    p = await evaluate({
      sheets: [
        {
          name: "Blad1",
          // A1 reads an NL result with a function only Excel knows: it keeps its cached 45.000.
          data:
            row(
              1,
              `<c r="A1"><f>_xll.ONBEKEND(E1)</f><v>45000</v></c>`,
              f("B1", "_xldudf_NL_KIA(2025,A1)"),
              f("C1", "N(B1)"),
              f("D1", "C1+1"),
              f("E1", "_xldudf_NL_KIA(2025,10000)"),
            ) +
            // A2 is a date as text: "1-2-2025" is 1 February in Dutch Excel, 2 January in American Excel.
            row(2, s("A2", "1-2-2025"), f("B2", "_xldudf_NL_KIA(2025,10000)+A2"), f("C2", "B2*2"), f("D2", "N(E1)+A2")),
        },
      ],
    });
  });

  test("a cell that reads a kept one, directly or through others, in either evaluator", () => {
    expect(keptOf(p)).toMatchObject({
      "Blad1!A1": "functie _XLL.ONBEKEND kan zonder Excel niet worden berekend",
      "Blad1!B1": DEPENDENT_OF_KEPT, // never a KIA computed from the cached 45.000
      "Blad1!C1": DEPENDENT_OF_KEPT,
      "Blad1!D1": DEPENDENT_OF_KEPT,
    });
    for (const cell of ["Blad1!A1", "Blad1!B1", "Blad1!C1", "Blad1!D1"]) expect(resultOf(p, cell)).toBeUndefined();
    expect(resultOf(p, "Blad1!E1")).toBe(2800); // 28% x 10.000: beside them, computed as ever
  });

  test("a value only Excel can decide (text read as a number in the user's language), and what reads it", () => {
    const reason = "niet zonder Excel te bepalen (tekst die Excel als getal of datum kan lezen)";
    expect(keptOf(p)).toMatchObject({
      "Blad1!B2": reason, // direct
      "Blad1!C2": DEPENDENT_OF_KEPT,
      "Blad1!D2": reason, // HyperFormula
    });
    for (const cell of ["Blad1!B2", "Blad1!C2", "Blad1!D2"]) expect(resultOf(p, cell)).toBeUndefined();
    expect(p.evaluated.kept.size).toBe(7);
  });

  test("the plan's own kept cells are left as the plan has them", () => {
    expect(p.plan.kept.get(p.id("Blad1!A1"))).toBe(p.evaluated.kept.get(p.id("Blad1!A1")));
    for (const [id, reason] of p.plan.kept) expect(p.evaluated.kept.get(id)).toBe(reason);
  });
});
