/**
 * What a parsed formula contains (FormulaInfo): the references, names, structured references and
 * functions it reads, its spill references, whether it calls an NL function or a dynamic one
 * (INDIRECT, OFFSET), and the first construct the engines do not compute.
 */
import { FormulaInfo, Node, RefSpec, SheetSpec, StructSpec } from "./ast";
import { tooDeep, treeDepthLimit } from "./limits";

/** The functions whose references are known only when the formula is computed. */
const DYNAMIC = new Set(["INDIRECT", "OFFSET"]);

/**
 * Walks a tree once and records what it contains. With an explicit stack, not recursion: this is
 * where a tree too deep for the walkers after it (evaluators, printers, the audit, all recursive)
 * is refused on this thread, so it must not run out of stack itself.
 */
export function describe(node: Node): FormulaInfo {
  const maxDepth = treeDepthLimit();
  const refs: RefSpec[] = [];
  const names: { name: string; sheet?: SheetSpec }[] = [];
  const structs: StructSpec[] = [];
  const functions = new Set<string>();
  const spills: RefSpec[] = [];
  let unsupported: string | null = null;
  // The nodes still to visit, each with its level (children are one level deeper), in the order a
  // recursive walk takes them: the first child on top.
  const nodes: Node[] = [node];
  const levels: number[] = [1];
  const push = (n: Node, d: number) => {
    nodes.push(n);
    levels.push(d);
  };
  while (nodes.length) {
    const n = nodes.pop()!;
    const d = levels.pop()!;
    if (d > maxDepth) throw tooDeep(maxDepth);
    const next = d + 1;
    switch (n.k) {
      case "ref":
        refs.push(n.ref);
        if (n.ref.sheet?.book !== undefined) unsupported ??= "verwijzing naar een andere werkmap";
        else if (n.ref.sheet?.last) unsupported ??= "3D-verwijzing over meerdere bladen";
        break;
      case "name":
        names.push(n.sheet ? { name: n.name, sheet: n.sheet } : { name: n.name });
        if (n.sheet?.book !== undefined) unsupported ??= "naam in een andere werkmap";
        break;
      case "struct":
        structs.push(n.spec);
        break;
      case "call":
        functions.add(n.fn);
        for (let i = n.args.length - 1; i >= 0; i--) push(n.args[i], next);
        break;
      case "unary":
        if (n.op === "@") unsupported ??= "impliciete doorsnede (@)";
        push(n.a, next);
        break;
      case "postfix":
        if (n.op === "#" && n.a.k === "ref") spills.push(n.a.ref);
        else if (n.op === "#") unsupported ??= "overloopverwijzing (#) op iets anders dan een cel";
        push(n.a, next);
        break;
      case "bin":
        if (n.op === " ") unsupported ??= "doorsnede van bereiken";
        push(n.b, next);
        push(n.a, next);
        break;
      case "paren":
        push(n.a, next);
        break;
      case "union":
        unsupported ??= "vereniging van bereiken";
        for (let i = n.items.length - 1; i >= 0; i--) push(n.items[i], next);
        break;
      case "array":
        for (let r = n.rows.length - 1; r >= 0; r--)
          for (let c = n.rows[r].length - 1; c >= 0; c--) push(n.rows[r][c], next);
        break;
      default:
        break;
    }
  }
  const hasNl = [...functions].some((f) => f.startsWith("NL."));
  const dynamic = [...functions].some((f) => DYNAMIC.has(f));
  return { refs, names, structs, functions, hasNl, dynamic, spills, unsupported };
}
