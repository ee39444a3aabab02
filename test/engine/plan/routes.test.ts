/**
 * What is decided per formula before anything is evaluated (src/engine/plan/routes.ts): which
 * evaluator takes it (the direct one, or HyperFormula), and whether it keeps Excel's cached value,
 * with the reason the user is told. Kinds of formula: NL calls and what templates put around them,
 * lookups, text joins of numbers, TEXT formats, text functions that read a number in the user's
 * language, and what no engine here evaluates.
 */
import { FormulaCell } from "../../../src/engine/plan/dependents";
import { FormulaRoutes } from "../../../src/engine/plan/routes";
import { loadHyperFormula } from "../../../src/engine/hyperformula/load";
import { Read, stages } from "../../helpers/stages";
import { f, row, s, v } from "../../helpers/xlsx";

const { read } = stages("routes");

const JOIN =
  "zet een getal of WAAR/ONWAAR in tekst (&, TEKST.SAMENVOEGEN): komma of punt en de woorden hangen af van de taal van Excel en Windows, die het bestand niet noemt";
const TEXT_ARGUMENT =
  "leest een getal of WAAR/ONWAAR als tekst (LINKS, DEEL, SUBSTITUEREN, LENGTE): komma of punt en de woorden hangen af van de taal van Excel en Windows, die het bestand niet noemt";
const FROM_TEXT =
  "leest tekst als getal of datum (WAARDE, DATUMWAARDE, TIJDWAARDE): komma of punt en de notatie hangen af van de taal van Excel en Windows, die het bestand niet noemt";
const format = (notation: string) =>
  `TEKST met de notatie "${notation}": die hangt af van de taal van Excel en rekent alleen Excel precies`;

/** Each formula in its own cell of column A (B1 holds 2.901, C1 a text), with how it is routed. */
const CASES: ReadonlyArray<readonly [string, "direct" | "HyperFormula", string | null]> = [
  // NL calls and the Excel functions a template puts around them
  ["_xldudf_NL_KIA(2025,B1:B5)", "direct", null],
  ["B1*2+1", "direct", null],
  ["IF(B1>0,ROUND(B1*0.28,2),0)", "direct", null],
  ["SUM(B1:B5)", "direct", null],
  ["_xldudf_NL_MKBVRIJ(2025,B1,_xldudf_NL_ZELFSTANDIGENAFTREK(2025,TRUE,B1))", "direct", null],
  // what HyperFormula takes: other functions, long or growing ranges, text operators
  ["VLOOKUP(B1,B1:C5,2,FALSE)", "HyperFormula", null],
  ["N(B1)", "HyperFormula", null],
  ["SUM(B1:B300)", "HyperFormula", null],
  ["MAX($B$1:B1)", "HyperFormula", null],
  // text joins: fine as long as no number or logical value is spelled out
  ['"Jaar "&2025', "HyperFormula", null],
  ['IF(B1>0,"ja","nee")&"!"', "HyperFormula", null],
  ['"KIA "&TEXT(B1,"0")', "HyperFormula", null],
  ['CONCATENATE("KIA ","2025")', "HyperFormula", null],
  ['B1&" euro"', "HyperFormula", JOIN],
  ['"tarief "&0.5', "HyperFormula", JOIN],
  ['"urencriterium: "&TRUE', "HyperFormula", JOIN],
  ['CONCATENATE("KIA ",B1)', "HyperFormula", JOIN],
  // TEXT: only a format of digits is written alike in every language
  ['TEXT(B1,"0")', "HyperFormula", null],
  ['TEXT(B1,"#,##0.00")', "HyperFormula", format("#,##0.00")],
  ['TEXT(B1,"0%")', "HyperFormula", format("0%")],
  ['TEXT(B1,"dd-mm-jjjj")', "HyperFormula", format("dd-mm-jjjj")],
  [
    "TEXT(B1,C1)",
    "HyperFormula",
    "TEKST met een notatie uit een cel of formule: die leest alleen Excel, in zijn eigen taal",
  ],
  // text functions that read a number as text, and functions that read text as a number
  ['LEFT("abc",2)', "HyperFormula", null],
  ['SUBSTITUTE("1.000",".","")', "HyperFormula", null],
  ["LEFT(B1,3)", "HyperFormula", TEXT_ARGUMENT],
  ["LEN(FALSE)", "HyperFormula", TEXT_ARGUMENT],
  ['SUBSTITUTE(C1,".","")', "HyperFormula", TEXT_ARGUMENT],
  ['FIND(",",C1)', "HyperFormula", TEXT_ARGUMENT],
  ["VALUE(5)", "HyperFormula", null],
  ['VALUE("812,28")', "HyperFormula", FROM_TEXT],
  ["VALUE(C1)", "HyperFormula", FROM_TEXT],
  ['DATEVALUE("1-2-2025")', "HyperFormula", FROM_TEXT],
  // what no engine here evaluates (the evaluator of a kept cell is never used)
  ["_xll.ONBEKEND(B1)", "HyperFormula", "functie _XLL.ONBEKEND kan zonder Excel niet worden berekend"],
  ["_xldudf_NL_BESTAATNIET(2025)", "HyperFormula", "NL.BESTAATNIET bestaat niet in deze versie van NL Aftrek"],
  ['INDIRECT("B1")', "HyperFormula", "INDIRECT of OFFSET: welke cellen die lezen, weet alleen Excel"],
  ["[1]Blad1!A1*2", "direct", "verwijzing naar een andere werkmap"],
  ["SUM(B1:B2 B1:C1)", "HyperFormula", "doorsnede van bereiken"],
  // the first reason found: an unknown function before a join
  ["_xll.ONBEKEND(B1)&B1", "HyperFormula", "functie _XLL.ONBEKEND kan zonder Excel niet worden berekend"],
  ["B1+(", "HyperFormula", "onleesbare formule (de formule houdt halverwege op)"],
];

let book: Read;
let cellOf: (index: number) => FormulaCell;
const routes = new FormulaRoutes(() => loadHyperFormula().engineFunctions());

beforeAll(async () => {
  book = await read({
    sheets: [
      {
        name: "Blad1",
        data: CASES.map(([formula], i) =>
          row(i + 1, f(`A${i + 1}`, formula), ...(i === 0 ? [v("B1", 2901), s("C1", "#.##0")] : [])),
        ).join(""),
      },
    ],
  });
  cellOf = (index) => book.graph.formulas[book.id(`Blad1!A${index + 1}`)];
});

test.each(CASES.map(([formula, evaluator, reason], i) => [formula, evaluator, reason, i] as const))(
  "=%s: %s, kept: %s",
  (_formula, evaluator, reason, i) => {
    expect(routes.isDirect(cellOf(i)) ? "direct" : "HyperFormula").toBe(evaluator);
    expect(routes.keepReason(cellOf(i))).toBe(reason);
  },
);

test("asked again for a cell, the same answers (they are kept per formula tree)", () => {
  for (let i = 0; i < CASES.length; i++) {
    expect(routes.isDirect(cellOf(i)) ? "direct" : "HyperFormula").toBe(CASES[i][1]);
    expect(routes.keepReason(cellOf(i))).toBe(CASES[i][2]);
  }
});

test("an array formula is direct only when it is one NL call", async () => {
  const r = await read({
    sheets: [
      {
        name: "Blad1",
        data:
          row(
            1,
            `<c r="A1"><f t="array" ref="A1:A2">_xldudf_NL_KIA(2025,10000)</f><v>0</v></c>`,
            `<c r="B1"><f t="array" ref="B1:B2">_xldudf_NL_KIA(2025,10000)*2</f><v>0</v></c>`,
            `<c r="C1"><f t="array" ref="C1">_xldudf_NL_KIA(2025,10000)*2</f><v>0</v></c>`,
          ) + row(2, v("A2", 0), v("B2", 0)),
      },
    ],
  });
  const direct = (cell: string) => routes.isDirect(r.graph.formulas[r.id(cell)]);
  expect(direct("Blad1!A1")).toBe(true);
  expect(direct("Blad1!B1")).toBe(false);
  // Also an array formula of one cell: its result is an array all the same.
  expect(direct("Blad1!C1")).toBe(false);
  // The same formula entered in a cell as usual is direct.
  expect(routes.isDirect(cellOf(1))).toBe(true);
});

test("a function is known by the list of HyperFormula's functions, asked only for a formula that calls one", () => {
  let asked = 0;
  const withoutLookups = new FormulaRoutes(() => {
    asked++;
    return new Set(["N", "IF", "ROUND"]);
  });
  // NL calls, references and arithmetic: no list needed (HyperFormula is not loaded for them).
  for (const i of [0, 1, 4]) expect(withoutLookups.keepReason(cellOf(i))).toBeNull();
  expect(asked).toBe(0);
  expect(withoutLookups.keepReason(cellOf(2))).toBeNull(); // IF and ROUND
  expect(withoutLookups.keepReason(cellOf(6))).toBeNull(); // N
  expect(withoutLookups.keepReason(cellOf(5))).toBe("functie VLOOKUP kan zonder Excel niet worden berekend");
  expect(withoutLookups.keepReason(cellOf(3))).toBe("functie SUM kan zonder Excel niet worden berekend");
  expect(asked).toBeGreaterThan(0);
});
