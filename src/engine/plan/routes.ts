/**
 * What a recalculation decides per formula before evaluating anything: which evaluator takes it
 * (the direct one, or HyperFormula), and whether a cell must keep Excel's cached value, with the
 * reason the user is told.
 */
import { BinNode, CallNode, Node } from "../../workbook/formula/ast";
import { isSyntaxError } from "../../workbook/references";
import { FormulaCell } from "./dependents";
import { isDirect } from "../evaluate/direct";
import { nlFunctionId } from "../evaluate/nlCall";

/** The reason for a cell that reads one kept at its cached value. */
export const DEPENDENT_OF_KEPT = "hangt af van een cel die niet herberekend kan worden";

/**
 * What can be decided from a formula's tree once and holds for every cell that shares it (the tree
 * has its names written out for its sheet): which evaluator takes it, and whether one can.
 */
export class FormulaRoutes {
  private readonly direct = new Map<Node, boolean>();
  private readonly functions = new Map<Node, string | null>();

  constructor(private readonly engineFunctions: () => ReadonlySet<string>) {}

  isDirect(f: FormulaCell): boolean {
    if (isSyntaxError(f.formula)) return false;
    if (f.cell.formula?.kind === "array" || f.arrayArea !== null) return isDirectFormula(f, true);
    return this.cached(this.direct, f, this.directOf);
  }

  keepReason(f: FormulaCell): string | null {
    if (f.cell.formula?.kind === "dataTable") return "gegevenstabel (wat-als-analyse)";
    if (isSyntaxError(f.formula)) return `onleesbare formule (${f.formula.syntaxError})`;
    if (f.traits.unsupported) return f.traits.unsupported;
    if (f.traits.dynamic) return "INDIRECT of OFFSET: welke cellen die lezen, weet alleen Excel";
    return this.cached(this.functions, f, this.functionReasonOf);
  }

  // Made once, not per call: these are asked for every formula of a recalculation.
  private readonly directOf = (f: FormulaCell) => isDirectFormula(f, false);
  private readonly functionReasonOf = (f: FormulaCell) => functionReason(f, this.engineFunctions);

  private cached<T>(cache: Map<Node, T>, f: FormulaCell, compute: (f: FormulaCell) => T): T {
    const node = (f.formula as { node: Node }).node;
    if (cache.has(node)) return cache.get(node) as T;
    const value = compute(f);
    cache.set(node, value);
    return value;
  }
}

/**
 * The first call no engine here evaluates as Excel does, or a join Excel spells in the user's
 * language, as a reason; or null. One walk over the formula.
 */
function functionReason(f: FormulaCell, knownToEngine: () => ReadonlySet<string>): string | null {
  const { calls, joins } = partsOf((f.formula as { node: Node }).node);
  for (const { fn } of calls) {
    if (fn.startsWith("NL.")) {
      if (!nlFunctionId(fn)) return `${fn} bestaat niet in deze versie van NL Aftrek`;
      continue;
    }
    if (fn === "TRUE" || fn === "FALSE") continue;
    if (!knownToEngine().has(fn)) return `functie ${fn} kan zonder Excel niet worden berekend`;
  }
  for (const call of calls) {
    const reason = textFormatReason(call);
    if (reason) return reason;
  }
  if (joinsNonText(calls, joins)) return JOIN_REASON;
  return readsInLanguage(calls);
}

/** Functions whose result is text whatever their arguments: as a part of a join, no number is written. */
const TEXT_RESULT = new Set([
  "TEXT",
  "T",
  "LEFT",
  "RIGHT",
  "MID",
  "UPPER",
  "LOWER",
  "PROPER",
  "TRIM",
  "CLEAN",
  "SUBSTITUTE",
  "REPLACE",
  "REPT",
  "CHAR",
  "UNICHAR",
  "CONCATENATE",
  "CONCAT",
  "TEXTJOIN",
]);

/** Whether a part of a join is text as it stands: no number or WAAR/ONWAAR is spelled out for it. */
function isText(node: Node): boolean {
  switch (node.k) {
    case "str":
      return true;
    case "num":
      return Number.isInteger(node.v); // no decimal separator to spell
    case "paren":
      return isText(node.a);
    case "bin":
      return node.op === "&";
    case "call":
      // IF(…; "ja"; "nee"): text when both outcomes are
      if (node.fn === "IF") return node.args.length === 3 && isText(node.args[1]) && isText(node.args[2]);
      return TEXT_RESULT.has(node.fn);
    default:
      return false;
  }
}

const JOIN_REASON =
  "zet een getal of WAAR/ONWAAR in tekst (&, TEKST.SAMENVOEGEN): komma of punt en de woorden hangen af van de taal van Excel en Windows, die het bestand niet noemt";

/** The functions that join their arguments into one text. */
const JOINING = new Set(["CONCATENATE", "CONCAT", "TEXTJOIN"]);

/**
 * Whether a formula joins a number (or a logical value) into text. Excel spells it as the user's
 * settings say (812,28 and WAAR in the Netherlands, 812.28 and TRUE in English): Excel's own text
 * is kept rather than one in a language the user may not have. A number that a text function
 * (LEFT, SUBSTITUTE) reads as text is spelled in the same way: readsInLanguage.
 */
function joinsNonText(calls: readonly CallNode[], joins: readonly BinNode[]): boolean {
  for (const j of joins) if (!isText(j.a) || !isText(j.b)) return true;
  for (const c of calls) {
    if (!JOINING.has(c.fn)) continue;
    // TEXTJOIN's second argument says whether to skip empty cells: it is not joined.
    if (c.args.some((a, i) => !(c.fn === "TEXTJOIN" && i === 1) && a.k !== "missing" && !isText(a))) return true;
  }
  return false;
}

/**
 * The arguments a text function reads as text (LEFT's text; SUBSTITUTE's text, old and new text):
 * a number or WAAR/ONWAAR given there Excel first spells in the user's language, as in a join
 * (LINKS(812,28; 4) is "812," in Dutch Excel, "812." in English; LENGTE(ONWAAR) is 6, LEN(FALSE) 5).
 */
const TEXT_ARGUMENTS: Readonly<Record<string, readonly number[]>> = {
  LEFT: [0],
  RIGHT: [0],
  MID: [0],
  LEN: [0],
  UPPER: [0],
  LOWER: [0],
  PROPER: [0],
  TRIM: [0],
  CLEAN: [0],
  REPT: [0],
  CODE: [0],
  UNICODE: [0],
  SUBSTITUTE: [0, 1, 2],
  REPLACE: [0, 3],
  FIND: [0, 1],
  SEARCH: [0, 1],
  EXACT: [0, 1],
};

/** Functions that read a text as a number, date or time: in the user's language ("812,28", "1-2-2025"). */
const FROM_TEXT = new Set(["VALUE", "DATEVALUE", "TIMEVALUE"]);

const TEXT_ARGUMENT_REASON =
  "leest een getal of WAAR/ONWAAR als tekst (LINKS, DEEL, SUBSTITUEREN, LENGTE): komma of punt en de woorden hangen af van de taal van Excel en Windows, die het bestand niet noemt";
const FROM_TEXT_REASON =
  "leest tekst als getal of datum (WAARDE, DATUMWAARDE, TIJDWAARDE): komma of punt en de notatie hangen af van de taal van Excel en Windows, die het bestand niet noemt";

/**
 * Why a call reads a value in the user's language, or null: a text function given what may be a
 * number or WAAR/ONWAAR (a reference, a calculation), or VALUE given anything but a number. Only
 * Excel knows that language; its cached result is kept.
 */
function readsInLanguage(calls: readonly CallNode[]): string | null {
  for (const c of calls) {
    const textArguments = TEXT_ARGUMENTS[c.fn];
    if (textArguments?.some((i) => i < c.args.length && c.args[i].k !== "missing" && !isText(c.args[i])))
      return TEXT_ARGUMENT_REASON;
    if (FROM_TEXT.has(c.fn) && c.args.length > 0 && c.args[0].k !== "num") return FROM_TEXT_REASON;
  }
  return null;
}

/** A TEXT format HyperFormula writes as Excel does whatever Excel's language: digits only (0, #). */
const PLAIN_TEXT_FORMAT = /^[0#]+$/;

/**
 * Why a call is a TEXT whose format only Excel works out exactly, or null. Excel reads a format
 * in the language of the Excel that opens the file ("#.##0,00" in Dutch Excel is "#,##0.00" in
 * English), and HyperFormula knows neither grouping, percent, currency nor Dutch date codes: it
 * wrote "1235,##0.00" for TEXT(1234,5;"#,##0.00"). Better Excel's own result than a wrong one.
 */
export function textFormatReason(call: CallNode): string | null {
  if (call.fn !== "TEXT") return null;
  const format = call.args[1];
  if (!format || format.k !== "str")
    return "TEKST met een notatie uit een cel of formule: die leest alleen Excel, in zijn eigen taal";
  if (!PLAIN_TEXT_FORMAT.test(format.v))
    return `TEKST met de notatie "${format.v}": die hangt af van de taal van Excel en rekent alleen Excel precies`;
  return null;
}

interface Parts {
  readonly calls: CallNode[];
  /** The `&` operations. */
  readonly joins: BinNode[];
}

/** Every function call and text join of a formula (its names are written out already). */
function partsOf(node: Node, out: Parts = { calls: [], joins: [] }): Parts {
  const walk = (n: Node): void => {
    switch (n.k) {
      case "call":
        out.calls.push(n);
        n.args.forEach(walk);
        return;
      case "unary":
      case "postfix":
      case "paren":
        walk(n.a);
        return;
      case "bin":
        if (n.op === "&") out.joins.push(n);
        walk(n.a);
        walk(n.b);
        return;
      case "union":
        n.items.forEach(walk);
        return;
      default:
        return;
    }
  };
  walk(node);
  return out;
}

function isDirectFormula(f: FormulaCell, array: boolean): boolean {
  const { node } = f.formula as { node: Node };
  if (array) {
    // An array formula is direct only when it is one NL call (its result has the size the function says).
    return node.k === "call" && nlFunctionId(node.fn) !== null && isDirect(node);
  }
  return isDirect(node);
}
