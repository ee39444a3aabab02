/**
 * The numbers written in a formula, as the audit reads them: a number as it is, a percentage in
 * each spelling templates use (`12.7%`, `0.127`, `12.7/100`, `x*12.7/100`, `x/100*12.7`), with the
 * comparison or product it stands in (which the suggestion replaces as a whole).
 */
import type { BinNode, Node } from "../workbook/formula/ast";

export interface Literal {
  /** The node that holds the number as written: a number, `n%`, `n/100`, or a product with `/100`. */
  readonly node: Node;
  readonly value: number;
  readonly written: string;
  /** The comparison (`C2>=1225`) the number stands in, with the other side. */
  readonly comparison?: { readonly node: BinNode; readonly other: Node };
  /** The product (`x*0.127`) the number is a factor of, with the other factor. */
  readonly product?: { readonly node: Node; readonly other: Node };
  /** `x*13.31/100`: the node stands for the other factor times the value, not the value alone. */
  readonly scaled?: boolean;
  /** The number is a whole percentage (35,75 for 35,75%), divided by 100 where it is used. */
  readonly wholePercent?: boolean;
}

const COMPARISONS = new Set([">=", "<="]);

export const unparen = (n: Node): Node => (n.k === "paren" ? unparen(n.a) : n);
/** `x/100`, and the x. */
export function over100(n: Node): Node | null {
  const u = unparen(n);
  return u.k === "bin" && u.op === "/" && u.b.k === "num" && u.b.v === 100 ? u.a : null;
}

/** The numbers written in a formula, outside NL functions (whose arguments are their business). */
export function literals(root: Node): Literal[] {
  const out: Literal[] = [];
  const scaled = (node: Node, n: Extract<Node, { k: "num" }>, other: Node, written: string) => {
    out.push({
      node,
      value: Number((n.v / 100).toPrecision(12)),
      written,
      product: { node, other },
      scaled: true,
      wholePercent: true,
    });
  };
  const visit = (node: Node, parent: Node | null): void => {
    switch (node.k) {
      case "call":
        if (node.fn.startsWith("NL.")) return;
        node.args.forEach((a) => visit(a, node));
        return;
      case "postfix":
        if (node.op === "%" && node.a.k === "num") return add(node, node.a.v / 100, `${node.a.text}%`, parent);
        return visit(node.a, node);
      case "bin": {
        if (node.op === "/" && node.a.k === "num" && node.b.k === "num" && node.b.v === 100) {
          return add(node, node.a.v / 100, `${node.a.text}/100`, parent, true);
        }
        // x*13.31/100 reads as (x*13.31)/100: the 13.31 is a percentage of x.
        if (node.op === "/" && node.b.k === "num" && node.b.v === 100 && node.a.k === "bin" && node.a.op === "*") {
          const product = node.a;
          const [n, other] = product.b.k === "num" ? [product.b, product.a] : [product.a, product.b];
          if (n.k === "num") {
            visit(other, product);
            return scaled(node, n, other, `${n.text}/100`);
          }
        }
        // x/100*13.31: the same percentage, the division written first.
        if (node.op === "*") {
          const [n, rest] = node.b.k === "num" ? [node.b, node.a] : [node.a, node.b];
          const x = n.k === "num" ? over100(rest) : null;
          if (n.k === "num" && x) {
            visit(x, node);
            return scaled(node, n, x, `${n.text}/100`);
          }
        }
        visit(node.a, node);
        visit(node.b, node);
        return;
      }
      case "num":
        return add(node, node.v, node.text, parent);
      case "unary":
      case "paren":
        return visit(node.a, node);
      case "union":
        node.items.forEach((i) => visit(i, node));
        return;
      case "array":
        node.rows.forEach((r) => r.forEach((i) => visit(i, node)));
        return;
      default:
        return;
    }
  };
  const add = (node: Node, value: number, written: string, parent: Node | null, wholePercent = false) => {
    const lit: Literal = {
      node,
      value: Number(value.toPrecision(12)),
      written,
      ...(wholePercent ? { wholePercent } : {}),
    };
    if (parent?.k === "bin") {
      const other = parent.a === node ? parent.b : parent.a;
      if (COMPARISONS.has(parent.op)) Object.assign(lit, { comparison: { node: parent, other } });
      if (parent.op === "*") Object.assign(lit, { product: { node: parent, other } });
    }
    out.push(lit);
  };
  visit(root, null);
  return out;
}
