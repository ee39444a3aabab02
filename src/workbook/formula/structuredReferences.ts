/**
 * Structured references (`Tabel[[#This Row],[Omzet]]`, `[@Omzet]`): what is inside their brackets,
 * in every spelling files carry, as a StructSpec.
 */
import { StructSpec } from "./ast";
import { FormulaSyntaxError } from "./limits";

const SPECIAL_ITEMS: Record<string, string> = {
  "#ALL": "#All",
  "#DATA": "#Data",
  "#HEADERS": "#Headers",
  "#TOTALS": "#Totals",
  "#THIS ROW": "#This Row",
};

function unescapeColumn(text: string): string {
  return text.replace(/'(.)/g, "$1").trim();
}

const unreadableStruct = (at: number) => new FormulaSyntaxError("onleesbare gestructureerde verwijzing", at);

/**
 * The parts of a structured reference's brackets, split at the top level: `[#This Row],[Omzet]`,
 * `[#This Row],Omzet` (XlsxWriter leaves a plain column name bare), `[Activa 1]:[Activa 3]`. Each
 * part is its text without brackets and the separator before it; `'` escapes the next character.
 */
function structParts(body: string, at: number): Array<{ text: string; before: string }> {
  const parts: Array<{ text: string; before: string }> = [];
  let before = "";
  let k = 0;
  const fail = (): never => {
    throw unreadableStruct(at);
  };
  while (k < body.length) {
    const ch = body[k];
    if (ch === " ") {
      k++;
      continue;
    }
    if (ch === "," || ch === ":") {
      if (before || parts.length === 0) fail();
      before = ch;
      k++;
      continue;
    }
    if (parts.length > 0 && !before) fail();
    let j = k;
    let text: string;
    if (ch === "[") {
      for (j = k + 1; j < body.length && body[j] !== "]"; j++) if (body[j] === "'") j++;
      if (j >= body.length) fail();
      text = body.slice(k + 1, j);
      j++;
    } else {
      for (; j < body.length && body[j] !== "," && body[j] !== ":" && body[j] !== "["; j++) if (body[j] === "'") j++;
      text = body.slice(k, j);
    }
    parts.push({ text: text.trim(), before });
    before = "";
    k = j;
  }
  if (before) fail();
  return parts;
}

/**
 * What is inside a structured reference's brackets: special items (`#All`, `#Data`, `#Headers`,
 * `#Totals`, `#This Row`, `@` for the row of the formula) and one column or a span of them,
 * in every spelling files carry (ECMA-376 Part 1, 18.17.6 and Excel's `@`):
 * `Tabel[Omzet]`, `Tabel[[Omzet 2025]]`, `Tabel[[#This Row],[Omzet]]`, `[[#This Row],Omzet]`,
 * `[@Omzet]`, `[@[Omzet 2025]]`, `Tabel[@[Activa 1]:[Activa 3]]`, `Tabel[[#Headers],[#Data],[Omzet]]`,
 * `Tabel[#All]`, `Tabel[]`, and names with `'`-escaped brackets, `#` and `'`.
 */
export function parseStructBody(table: string | null, body: string, at: number): StructSpec {
  const items: string[] = [];
  const columns: string[] = [];
  const fail = (): never => {
    throw unreadableStruct(at);
  };
  const special = (word: string) => {
    const item = SPECIAL_ITEMS[word.trim().toUpperCase()];
    if (!item) throw new FormulaSyntaxError(`onbekend onderdeel '${word}' in een gestructureerde verwijzing`, at);
    items.push(item);
  };
  // A column: the first one, or after `:` the last of a span.
  const column = (text: string, before: string) => {
    const name = unescapeColumn(text);
    if (name === "" || columns.length !== (before === ":" ? 1 : 0)) fail();
    columns.push(name);
  };
  let trimmed = body.trim();
  if (trimmed === "") return { table, items, columns };
  if (trimmed.startsWith("@")) {
    // `@Omzet`, `@[Omzet]`, `@[Activa 1]:[Activa 3]`, or `@` alone: the whole row.
    items.push("#This Row");
    trimmed = trimmed.slice(1).trim();
    if (trimmed === "") return { table, items, columns };
    if (!trimmed.startsWith("[")) {
      column(trimmed, "");
      return { table, items, columns };
    }
  } else if (!trimmed.startsWith("[")) {
    // One part without inner brackets: `Tabel[#All]`, `Tabel[Omzet 2025]`.
    if (!/^(?:[^'[\]]|'.)*$/.test(trimmed)) fail(); // an unescaped bracket: no single part
    if (trimmed.startsWith("#")) special(trimmed);
    else column(trimmed, "");
    return { table, items, columns };
  }
  for (const { text, before } of structParts(trimmed, at)) {
    if (text.startsWith("#")) {
      if (before === ":" || columns.length) fail();
      special(text);
    } else if (text.startsWith("@") && before !== ":") {
      // `[@Omzet]` inside a list
      items.push("#This Row");
      if (text.length > 1) column(text.slice(1), before);
    } else column(text, before);
  }
  return { table, items, columns };
}
