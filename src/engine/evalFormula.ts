/**
 * One formula evaluated on its own (`nl-aftrek eval`): as Excel stores it (`=NL.KIA(2025, 10000)`)
 * or as a Dutch user types it (`=NL.KIA(2025; 10000)`, WAAR/ONWAAR, a decimal comma, Dutch function
 * names such as ALS and SOM). Mistakes get a Dutch message that says what and where.
 */
import { Node } from "../workbook/formula/ast";
import { englishName } from "../workbook/formula/dutch";
import { deepFormulasAllowed, FormulaSyntaxError, FormulaTooDeep, parseFormula } from "../workbook/formula/parse";
import { printNode, printRef } from "../workbook/formula/print";
import { WorkbookPackage, SheetCells, SheetInfo } from "../workbook/package";
import { WorkbookReferences } from "../workbook/references";
import { CellValue, errorValue, isErrorValue } from "../workbook/values";
import { textFormatReason } from "./plan/routes";
import { DirectEvaluator, isDirect } from "./evaluate/direct";
import { NeedsDeepStack } from "./threads/deepStack";
import { loadHyperFormula } from "./hyperformula/load";
import { NeedsExcel, needsExcelReason } from "./excel/excelValues";
import { nlFunctionId } from "./evaluate/nlCall";

/** A formula that cannot be evaluated as written; the message is for the user. */
export class FormulaInputError extends Error {}

/** Whether the text uses `;` between arguments (Dutch Excel), outside strings. */
function looksDutch(formula: string): boolean {
  let inString = false;
  let braces = 0;
  for (const ch of formula) {
    if (ch === '"') inString = !inString;
    else if (inString) continue;
    else if (ch === "{") braces++;
    else if (ch === "}") braces--;
    // Inside an array constant a ; separates rows in the file syntax too.
    else if (ch === ";" && braces <= 0) return true;
  }
  return false;
}

/** Function names as the engines know them; an unknown one is an input error. */
function translate(node: Node, known: () => ReadonlySet<string>): Node {
  const t = (n: Node) => translate(n, known);
  switch (node.k) {
    case "call": {
      let fn = node.fn;
      if (fn.startsWith("NL.")) {
        if (!nlFunctionId(fn))
          throw new FormulaInputError(`Onbekende functie ${fn}: NL Aftrek kent die niet (zie nl-aftrek --help).`);
      } else if (!known().has(fn)) {
        const english = englishName(fn);
        if (!english || !known().has(english)) throw new FormulaInputError(`Onbekende functie ${fn}.`);
        fn = english;
      }
      const text = textFormatReason({ ...node, fn });
      if (text) throw new FormulaInputError(`${text}.`);
      return { ...node, fn, args: node.args.map(t) };
    }
    case "name":
      throw new FormulaInputError(
        `Onbekende naam '${node.name}'. Bedoelt u tekst, zet die dan tussen aanhalingstekens; een ja/nee is WAAR of ONWAAR.`,
      );
    case "ref":
    case "struct": {
      // Without a workbook every cell is empty: a silent 0 would hide the slip.
      const what = node.k === "ref" ? `De verwijzing ${printRef(node.ref, { row: 1, col: 1 })}` : "Een tabelverwijzing";
      throw new FormulaInputError(
        `${what} heeft hier geen waarde: nl-aftrek eval rekent één formule zonder werkmap. Geef de waarde zelf ` +
          "(=NL.KIA(2025; 10000)), of herbereken een werkmap met nl-aftrek recalc.",
      );
    }
    case "unary":
    case "postfix":
    case "paren":
      return { ...node, a: t(node.a) } as Node;
    case "bin":
      return { ...node, a: t(node.a), b: t(node.b) };
    case "union":
      return { ...node, items: node.items.map(t) };
    default:
      return node;
  }
}

/** An empty workbook of one sheet, for the evaluators (a lone formula has no references). */
function emptyWorkbook(): WorkbookPackage {
  const sheet = {
    index: 0,
    name: "Blad1",
    cells: new SheetCells(),
    sharedMasters: new Map(),
    arrays: [],
    formulaCount: 0,
  } as unknown as SheetInfo;
  return { sheets: [sheet], names: [], tables: [], date1904: false } as unknown as WorkbookPackage;
}

/** The value of one formula: a value, or rows for a spill. */
export function evaluateFormula(input: string): CellValue | CellValue[][] {
  const text = input.trim();
  const dutch = looksDutch(text);
  let node: Node;
  try {
    node = parseFormula(text, { row: 1, col: 1 }, { dutch, dutchWords: true }).node;
  } catch (error) {
    if (!(error instanceof FormulaSyntaxError)) throw error;
    // Deeper than this thread's stack walks: the caller evaluates it on a thread with a larger one.
    if (error instanceof FormulaTooDeep && !deepFormulasAllowed()) throw new NeedsDeepStack();
    const offset = text.startsWith("=") ? 1 : 0;
    throw new FormulaInputError(
      `De formule is niet te lezen: ${error.message}${error.position < 0 ? "" : ` (bij teken ${error.position + offset + 1})`}.` +
        (dutch || !/onverwacht/.test(error.message)
          ? ""
          : " Scheid argumenten met ; (zoals in Nederlandse Excel) of met , (zoals in een bestand)."),
    );
  }
  let engineFunctions: ReadonlySet<string> | null = null;
  const known = () => (engineFunctions ??= loadHyperFormula().engineFunctions());
  node = translate(node, known);
  const pkg = emptyWorkbook();
  const refs = new WorkbookReferences(pkg);
  try {
    if (!isDirect(node)) return evaluateWithHyperFormula(node);
    // translate() has refused every reference: no cell is ever asked for.
    const noCells = (): never => {
      throw new Error("eval: a reference passed translate()");
    };
    return new DirectEvaluator({ refs, valueAt: noCells, valuesIn: noCells }).evaluate(node, 0, { row: 1, col: 1 });
  } catch (error) {
    // Where only Excel can decide, no evaluator guesses: the same rule as recalc, which keeps Excel's value.
    if (!(error instanceof NeedsExcel)) throw error;
    throw new FormulaInputError(
      `De uitkomst is ${needsExcelReason(error.message)}: Excel leest tekst als getal, datum of WAAR/ONWAAR in de ` +
        "taal van de gebruiker. Geef een getal of WAAR/ONWAAR in plaats van tekst.",
    );
  }
}

function evaluateWithHyperFormula(node: Node): CellValue | CellValue[][] {
  const hf = loadHyperFormula();
  const formula = `=${printNode(node, { host: { row: 1, col: 1 }, functionName: (c) => c, booleanCalls: true })}`;
  const [engine, undecided] = hf.withUndecided(() => hf.createEngine({ Blad1: [[formula]] }));
  try {
    const needsExcel = undecided.get(hf.addressKey(0, 0, 0));
    if (needsExcel !== undefined) throw new NeedsExcel(needsExcel);
    const { width, height } = engine.getSheetDimensions(0);
    const read = (row: number, col: number) => hf.engineValue(engine, { sheet: 0, row, col });
    if (height > 1 || width > 1)
      return Array.from({ length: height }, (_, r) =>
        Array.from({ length: width }, (_, c) => read(r, c) ?? errorValue("#VALUE!")),
      );
    const value = read(0, 0);
    if (value === undefined) throw new FormulaInputError("De formule is niet te berekenen zonder Excel.");
    return value;
  } finally {
    engine.destroy();
  }
}

/** A value as the CLI prints it: plain decimals, TRUE/FALSE, an error as its code and message. */
export function formatValue(value: CellValue | CellValue[][]): string {
  if (Array.isArray(value)) return value.map((row) => row.map((v) => formatValue(v)).join("\t")).join("\n");
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "string") return value;
  return value.message ? `${value.error} ${value.message}` : value.error;
}

export function hasError(value: CellValue | CellValue[][]): boolean {
  return Array.isArray(value) ? value.some((row) => row.some((v) => isErrorValue(v))) : isErrorValue(value);
}

function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  const text = Number(n.toPrecision(15)).toString();
  if (!/e/i.test(text)) return text;
  return Number(n.toPrecision(15)).toFixed(20).replace(/0+$/, "").replace(/\.$/, "");
}
