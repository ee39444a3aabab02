/**
 * A function's name in the spellings files carry (`_xlfn.`, `_xlws.`, `_xldudf_`, `_xll.`,
 * `[2]!`), brought back to the one name the engines know.
 */

/**
 * Canonical function name: upper case (LibreOffice writes `_xldudf_nl_kia`), without
 * `_xlfn.`/`_xlws.`; add-in functions as `NL.NAAM`. Excel writes `[2]!_xldudf_NL_KIA` when a COM
 * add-in came between it and the add-in's functions (OfficeDev/office-js #2568): the same function.
 */
export function canonicalFunction(raw: string): string {
  let name = raw.toUpperCase();
  const book = /^\[[^\]]*\]!/.exec(name);
  if (book) {
    const inner = canonicalFunction(name.slice(book[0].length));
    return inner.startsWith("NL.") ? inner : name;
  }
  if (name.startsWith("_XLFN._XLWS.")) name = name.slice(12);
  else if (name.startsWith("_XLFN.") || name.startsWith("_XLWS.")) name = name.slice(6);
  if (name.startsWith("_XLDUDF_NL_")) return `NL.${name.slice(11)}`;
  if (name.startsWith("_XLL.NL.")) return name.slice(5);
  return name;
}

/**
 * Whether a formula's text calls an NL function in any spelling (`NL.KIA(`, `_xldudf_nl_kia(`,
 * `[2]!_xldudf_NL_KIA(`), read from the text alone: for a formula that cannot be parsed, whose
 * NL call must still be seen. A text that merely mentions one ("NL.KIA") counts too.
 */
export function namesNlFunction(text: string): boolean {
  return /_xldudf_nl_|(?<![\w.])(?:_xll\.)?nl\.\w/i.test(text);
}
