/**
 * The manifest declares exactly the requirement sets of the Office APIs the code calls. Every use
 * of an Excel, Office or CustomFunctions member in src/ is resolved with the TypeScript checker to
 * its declaration in @types/office-js or @types/custom-functions-runtime, whose documentation
 * names its set ("[Api set: ExcelApi 1.7]", "Requirement set: … | SharedRuntime 1.1"); the highest
 * version of each set must be the one the manifest asks for.
 */
import { readFileSync } from "fs";
import { join, sep } from "path";
import ts from "typescript";

const root = join(__dirname, "../..");

interface Use {
  readonly where: string;
  readonly api: string;
  readonly set: string;
  readonly version: string;
}

/** The requirement set a declaration's documentation names, or null. */
function setOf(declaration: ts.Node): { set: string; version: string } | null {
  const text = declaration.getSourceFile().getFullText();
  const comments = ts.getLeadingCommentRanges(text, declaration.getFullStart()) ?? [];
  const doc = comments.map((c) => text.slice(c.pos, c.end)).join("\n");
  const apiSet = /\[Api set: (\w+) ([\d.]+)/.exec(doc);
  if (apiSet) return { set: apiSet[1], version: apiSet[2] };
  const linked = /\*\*Requirement set\*\*: \{@link [^|}]*\| (\w+)(?: ([\d.]+))?\}/.exec(doc);
  if (linked) return { set: linked[1], version: linked[2] ?? "1.1" };
  return null;
}

const officeTypes = (file: string) =>
  file.includes(`${sep}@types${sep}office-js${sep}`) ||
  file.includes(`${sep}@types${sep}custom-functions-runtime${sep}`);

function usesInSrc(): Use[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(String(d.messageText));
      },
    },
  )!;
  const files = config.fileNames.filter((f) => f.startsWith(join(root, "src")));
  const program = ts.createProgram(files, config.options);
  const checker = program.getTypeChecker();
  const uses: Use[] = [];
  for (const source of program.getSourceFiles()) {
    if (!source.fileName.startsWith(join(root, "src"))) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        for (const declaration of symbol?.declarations ?? []) {
          if (!officeTypes(declaration.getSourceFile().fileName)) continue;
          // A member without a set of its own is in its interface's or class's set.
          const found = setOf(declaration) ?? (declaration.parent ? setOf(declaration.parent) : null);
          if (!found) continue;
          const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
          uses.push({ where: `${source.fileName.slice(root.length + 1)}:${line}`, api: node.getText(), ...found });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}

const newer = (a: string, b: string) => {
  const [x, y] = a.split(".").map(Number);
  const [p, q] = b.split(".").map(Number);
  return x > p || (x === p && y > q);
};

test("the manifest asks for the requirement sets of every Office API the code calls, no more", () => {
  const uses = usesInSrc();
  const needed: Record<string, Use> = {};
  for (const use of uses) if (!needed[use.set] || newer(use.version, needed[use.set].version)) needed[use.set] = use;

  const manifest = readFileSync(join(root, "manifest.xml"), "utf8");
  const sets = manifest.match(/<Sets[^>]*>([\s\S]*?)<\/Sets>/)![1];
  const declared = Object.fromEntries(
    [...sets.matchAll(/<Set Name="(\w+)"(?: MinVersion="([\d.]+)")?\/>/g)].map((m) => [m[1], m[2] ?? "1.1"]),
  );
  const wanted = Object.fromEntries(Object.entries(needed).map(([set, use]) => [set, use.version]));
  // Which call asks for the highest version of each set: the message when they differ.
  const why = Object.values(needed).map((u) => `${u.set} ${u.version}: ${u.api} (${u.where})`);
  expect({ declared, why }).toEqual({ declared: wanted, why });
  // The calls the issue names, found as they are
  expect(uses.some((u) => /getRangeByIndexes$/.test(u.api) && u.set === "ExcelApi" && u.version === "1.7")).toBe(true);
  expect(uses.some((u) => /\.copy$/.test(u.api) && u.set === "ExcelApi" && u.version === "1.7")).toBe(true);
  expect(uses.some((u) => /\.Error$/.test(u.api) && u.set === "CustomFunctionsRuntime")).toBe(true);
});
