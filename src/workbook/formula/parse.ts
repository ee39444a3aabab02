/**
 * Excel formulas as stored in a workbook file (English function names, `,` between arguments,
 * `.` as the decimal point), and as a Dutch user types them (`;` between arguments, a decimal
 * comma, WAAR/ONWAAR). One lexer (lexer.ts) and this recursive-descent parser, within Excel's
 * limits (limits.ts), for everything in the project that reads formulas: recalculation, the audit
 * and `nl-aftrek eval`. parseFormula gives the tree with what it contains (describe.ts);
 * FormulaCache (formulaCache.ts) keeps the trees of a workbook by shape.
 *
 * No library of the ecosystem reads structured references, spill references and the `_xlfn.` /
 * `_xldudf_` spellings together, and HyperFormula's parser is internal; so this one is ours.
 */
import { Formula, Host, Node } from "./ast";
import { describe } from "./describe";
import { canonicalFunction } from "./functionNames";
import { Lexer, Tok } from "./lexer";
import { FORMULA_LIMITS, FormulaSyntaxError, parserNestingLimit, tooDeep } from "./limits";

// What a caller of parseFormula needs beside it: the cell a formula is in, and the errors it throws.
export type { Host } from "./ast";
export { deepFormulasAllowed, FormulaSyntaxError, FormulaTooDeep } from "./limits";

export interface ParseOptions {
  /** Dutch input: `;` between arguments, decimal comma, WAAR/ONWAAR. */
  readonly dutch?: boolean;
  /** WAAR/ONWAAR and the Dutch error names (#WAARDE! ...), also with `,` between arguments. */
  readonly dutchWords?: boolean;
  /** A defined name may be a list of areas without parentheses (`Blad1!$A:$B,Blad1!$2:$3`). */
  readonly topLevelUnion?: boolean;
}

/** Parses one formula (with or without its leading `=`) for the cell at `host`. */
export function parseFormula(text: string, host: Host = { row: 1, col: 1 }, options: ParseOptions = {}): Formula {
  const body = text.startsWith("=") ? text.slice(1) : text;
  const lexer = new Lexer(body, host, options.dutch ?? false, options.dutchWords ?? false);
  const node = new Parser(lexer.run()).parse(options.topLevelUnion);
  return { node, info: describe(node) };
}

/** Recursive descent over the tokens, with Excel's operator precedence. */
export class Parser {
  private p = 0;
  /** How deeply the expression being read is nested (parentheses, arguments, prefix operators). */
  private nesting = 0;
  /** How many function calls the expression being read is inside. */
  private calls = 0;
  /** The nesting this thread descends into (see allowDeepFormulas). */
  private readonly maxNesting = parserNestingLimit();
  constructor(private readonly toks: Tok[]) {}

  private peek(): Tok {
    return this.toks[this.p];
  }

  private next(): Tok {
    return this.toks[this.p++];
  }

  private fail(message: string, tok: Tok = this.peek()): never {
    throw new FormulaSyntaxError(message, tok.start);
  }

  parse(topLevelUnion = false): Node {
    if (this.peek().t === "end") this.fail("lege formule");
    let node = this.expression();
    if (topLevelUnion && this.peek().t === "sep") {
      const items = [node];
      while (this.peek().t === "sep") {
        this.next();
        items.push(this.expression());
      }
      node = { k: "union", items };
    }
    if (this.peek().t !== "end") {
      const tok = this.peek();
      this.fail(tok.t === ")" ? "haakje ')' te veel" : `onverwacht '${tok.s}'`);
    }
    return node;
  }

  private isOp(...ops: string[]): boolean {
    const tok = this.peek();
    return tok.t === "op" && ops.includes(tok.s);
  }

  /** One level of left-associative binary operators above `operand`. */
  private leftAssociative(ops: readonly string[], operand: () => Node): Node {
    let left = operand();
    while (this.isOp(...ops)) {
      const op = this.next().s;
      left = { k: "bin", op, a: left, b: operand() };
    }
    return left;
  }

  private expression(): Node {
    this.enter();
    const node = this.leftAssociative(["=", "<>", "<", ">", "<=", ">="], () => this.concat());
    this.nesting--;
    return node;
  }

  private enter(): void {
    if (++this.nesting > this.maxNesting) throw tooDeep(this.maxNesting);
  }

  private concat(): Node {
    return this.leftAssociative(["&"], () => this.additive());
  }

  private additive(): Node {
    return this.leftAssociative(["+", "-"], () => this.multiplicative());
  }

  private multiplicative(): Node {
    return this.leftAssociative(["*", "/"], () => this.power());
  }

  private power(): Node {
    return this.leftAssociative(["^"], () => this.percent());
  }

  private percent(): Node {
    let node = this.unary();
    while (this.isOp("%")) {
      this.next();
      node = { k: "postfix", op: "%", a: node };
    }
    return node;
  }

  private unary(): Node {
    if (this.isOp("-", "+", "@")) {
      const op = this.next().s as "-" | "+" | "@";
      this.enter();
      const node: Node = { k: "unary", op, a: this.unary() };
      this.nesting--;
      return node;
    }
    return this.range();
  }

  /** `:` between references, and a space between two references (their intersection). */
  private range(): Node {
    let left = this.primary();
    for (;;) {
      if (this.isOp(":")) {
        this.next();
        left = { k: "bin", op: ":", a: left, b: this.primary() };
        continue;
      }
      const tok = this.peek();
      if (tok.space && ["ref", "name", "struct", "("].includes(tok.t) && isReferenceLike(left)) {
        left = { k: "bin", op: " ", a: left, b: this.primary() };
        continue;
      }
      return left;
    }
  }

  private primary(): Node {
    const tok = this.next();
    let node: Node;
    switch (tok.t) {
      case "num":
        node = { k: "num", v: tok.num!, text: tok.s };
        break;
      case "str":
        node = { k: "str", v: tok.s };
        break;
      case "bool":
        node = { k: "bool", v: tok.bool! };
        break;
      case "err":
        node = { k: "err", v: tok.s };
        break;
      case "ref":
        node = { k: "ref", ref: tok.ref! };
        break;
      case "name":
        node = tok.sheet ? { k: "name", name: tok.s, sheet: tok.sheet } : { k: "name", name: tok.s };
        break;
      case "struct":
        node = { k: "struct", spec: tok.struct! };
        break;
      case "func":
        node = this.call(tok);
        break;
      case "(":
        node = this.group();
        break;
      case "{":
        node = this.array();
        break;
      case "end":
        this.fail("de formule houdt halverwege op", tok);
      // falls through (fail never returns)
      default:
        this.fail(tok.t === ")" ? "haakje ')' te veel" : `onverwacht '${tok.s}'`, tok);
    }
    if (this.isOp("#")) {
      this.next();
      node = { k: "postfix", op: "#", a: node };
    }
    return node;
  }

  private call(tok: Tok): Node {
    const fn = canonicalFunction(tok.s);
    if (++this.calls > FORMULA_LIMITS.functions)
      this.fail(
        `de formule nest meer dan ${FORMULA_LIMITS.functions} functies in elkaar; Excel staat ten hoogste ${FORMULA_LIMITS.functions} niveaus toe`,
        tok,
      );
    const node = this.callArguments(tok, fn);
    this.calls--;
    return node;
  }

  private callArguments(tok: Tok, fn: string): Node {
    this.next(); // (
    const args: Node[] = [];
    if (this.peek().t === ")") {
      this.next();
      return { k: "call", fn, raw: tok.s, args };
    }
    for (;;) {
      const t = this.peek();
      if (args.length === FORMULA_LIMITS.arguments)
        this.fail(
          `${tok.s} heeft meer dan ${FORMULA_LIMITS.arguments} argumenten; Excel staat er ten hoogste ${FORMULA_LIMITS.arguments} toe`,
          t,
        );
      if (t.t === "sep" || t.t === ")") args.push({ k: "missing" });
      else args.push(this.expression());
      const after = this.next();
      if (after.t === ")") break;
      if (after.t !== "sep") {
        if (after.t === "end") this.fail(`haakje ')' ontbreekt na de argumenten van ${tok.s}`, after);
        this.fail(`onverwacht '${after.s}' in de argumenten van ${tok.s}`, after);
      }
    }
    return { k: "call", fn, raw: tok.s, args };
  }

  private group(): Node {
    const first = this.expression();
    if (this.peek().t === ")") {
      this.next();
      return { k: "paren", a: first };
    }
    const items = [first];
    while (this.peek().t === "sep") {
      this.next();
      items.push(this.expression());
    }
    const close = this.next();
    if (close.t !== ")") this.fail("haakje ')' ontbreekt", close);
    return { k: "union", items };
  }

  private array(): Node {
    const rows: Node[][] = [[]];
    for (;;) {
      const tok = this.next();
      if (tok.t === "}") break;
      if (tok.t === "sep") continue;
      if (tok.t === "arow") {
        rows.push([]);
        continue;
      }
      let node: Node;
      if (tok.t === "op" && tok.s === "-" && this.peek().t === "num") {
        const n = this.next();
        node = { k: "num", v: -n.num!, text: `-${n.s}` };
      } else if (tok.t === "num") node = { k: "num", v: tok.num!, text: tok.s };
      else if (tok.t === "str") node = { k: "str", v: tok.s };
      else if (tok.t === "bool") node = { k: "bool", v: tok.bool! };
      else if (tok.t === "err") node = { k: "err", v: tok.s };
      else if (tok.t === "end") this.fail("accolade '}' ontbreekt", tok);
      else this.fail("een matrixconstante bevat alleen getallen, tekst, WAAR/ONWAAR of foutwaarden", tok);
      rows[rows.length - 1].push(node);
    }
    return { k: "array", rows };
  }
}

function isReferenceLike(node: Node): boolean {
  return node.k === "ref" || node.k === "name" || node.k === "struct" || node.k === "paren" || node.k === "bin";
}
