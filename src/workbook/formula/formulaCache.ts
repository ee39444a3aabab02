/**
 * Parsed formulas kept by shape, per workbook: the cells of a column filled with the same formula
 * share one tree, and a column filled down is recognised without lexing.
 */
import { MAX_ROWS } from "../address";
import { Formula, Host } from "./ast";
import { describe } from "./describe";
import { Lexer } from "./lexer";
import { Parser } from "./parse";
import { isDigit } from "./referenceScanner";

/** The formula last parsed in a column, with where its relative row numbers are. */
interface LastInColumn {
  text: string;
  row: number;
  /** (from, to, row) for each relative row number in the text. */
  rowSpans: number[];
  readonly formula: Formula;
}

/**
 * Whether `text` is the text of `last` with every relative row number moved `rows` rows down
 * (and none leaving the sheet): then it has last's shape, and the new spans are returned.
 * Compared character by character: no text is built for the many cells of a column filled down.
 */
function movedDownSpans(last: LastInColumn, text: string, rows: number): number[] | null {
  const spans = last.rowSpans;
  const old = last.text;
  const moved: number[] = new Array(spans.length);
  let at = 0; // in the old text
  let pos = 0; // in the new one
  for (let k = 0; k < spans.length; k += 3) {
    const from = spans[k];
    if (pos + (from - at) > text.length) return null;
    for (let i = at; i < from; i++) if (text.charCodeAt(pos++) !== old.charCodeAt(i)) return null;
    const row = spans[k + 2] + rows;
    if (row < 1 || row > MAX_ROWS) return null;
    // The row as String(row) writes it: the same value, no leading zero.
    const digits = pos;
    let value = 0;
    while (pos < text.length && isDigit(text.charCodeAt(pos))) value = value * 10 + (text.charCodeAt(pos++) - 48);
    if (value !== row || text.charCodeAt(digits) === 48) return null;
    moved[k] = digits;
    moved[k + 1] = pos;
    moved[k + 2] = row;
    at = spans[k + 1];
  }
  if (text.length - pos !== old.length - at) return null;
  for (let i = at; i < old.length; i++) if (text.charCodeAt(pos++) !== old.charCodeAt(i)) return null;
  return moved;
}

/**
 * Parsing with a cache of trees by shape: the cells of a column filled with the same formula
 * share one tree. The cache is per workbook (pass one to every call for that workbook).
 *
 * A column filled down is recognised without lexing: when a formula's text is the text of the
 * last formula parsed in its column with the relative row numbers moved by the rows between them,
 * it has that formula's shape (only row numbers differ, and they stay references).
 */
export class FormulaCache {
  private readonly byShape = new Map<string, Formula>();
  private readonly lastInColumn = new Map<number, LastInColumn>();

  parse(text: string, host: Host): Formula {
    const body = text.startsWith("=") ? text.slice(1) : text;
    const last = this.lastInColumn.get(host.col);
    if (last && last.row !== host.row && last.rowSpans.length > 0) {
      const spans = movedDownSpans(last, body, host.row - last.row);
      if (spans) {
        last.text = body;
        last.row = host.row;
        last.rowSpans = spans;
        return last.formula;
      }
    }
    const keyer = new Lexer(body, host, false, false, true);
    keyer.run();
    let formula = this.byShape.get(keyer.key);
    if (!formula) {
      const lexer = new Lexer(body, host, false);
      const node = new Parser(lexer.run()).parse();
      formula = { node, info: describe(node) };
      if (this.byShape.size < 200000) this.byShape.set(keyer.key, formula);
    }
    this.lastInColumn.set(host.col, { text: body, row: host.row, rowSpans: keyer.rowSpans, formula });
    return formula;
  }

  /** How many different shapes were parsed (for tests and the benchmark). */
  get shapes(): number {
    return this.byShape.size;
  }
}
