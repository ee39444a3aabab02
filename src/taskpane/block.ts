/**
 * A scenario as a live block for the workbook: labelled input cells and NL formulas that refer to
 * them (English formula syntax, as Excel's range.formulas takes it). Changing an input in the sheet
 * recalculates the block.
 */
import { parseAmount } from "./format";
import type { Strings } from "./i18n";
import type { ScenarioInput } from "./scenarioModel";

export type BlockCell = string | number | boolean;

export interface Block {
  /** Rows of cells; a string starting with "=" is a formula. Every row has `width` cells. */
  readonly cells: BlockCell[][];
  readonly width: number;
  /** Row offset (from the top of the block) of each result, for tests and for the pane. */
  readonly resultRows: Readonly<Record<string, number>>;
}

export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const num = (text: string): number => parseAmount(text) ?? 0;

/** Builds the block with its top-left cell at (row, col), both 0-based, so references are absolute. */
export function scenarioBlock(s: ScenarioInput, t: Strings, row: number, col: number): Block {
  const width = 4;
  const cells: BlockCell[][] = [];
  const A = (r: number) => `$${columnName(col + 1)}$${row + r + 1}`; // value column
  const C = (r: number) => `$${columnName(col + 2)}$${row + r + 1}`; // third column
  const D = (r: number) => `$${columnName(col + 3)}$${row + r + 1}`; // fourth column
  const push = (...r: BlockCell[]) => {
    while (r.length < width) r.push("");
    cells.push(r);
    return cells.length - 1;
  };

  push(`NL Aftrek: ${s.naam}`);
  const jaar = push(t.fields.jaar, Number(s.jaar));
  const winst = push(t.fields.winst, num(s.winst));
  const uren = push(t.fields.urenOnderneming, num(s.urenOnderneming));
  const overig = push(t.fields.urenOverigWerk, num(s.urenOverigWerk));
  const starter = push(t.fields.starter, s.starter);
  const aow = push(t.fields.aow, s.aow);
  const ao = push(t.fields.aoUitkering, s.aoUitkering);
  const keren = push(t.fields.kerenZelfstandigenaftrek, num(s.kerenZelfstandigenaftrek));
  const kerenAo = push(t.fields.kerenAoStartersaftrek, num(s.kerenAoStartersaftrek));
  const partner = push(t.fields.urenPartner, num(s.urenPartner));
  const inkomen = push(t.fields.overigInkomen, num(s.overigInkomen));
  const loon = push(t.fields.overigArbeidsinkomen, num(s.overigArbeidsinkomen ?? ""));
  const iack = push(t.fields.combinatiekorting, s.combinatiekorting ?? false);
  const alleen = push(t.fields.alleenstaand, s.alleenstaand ?? false);
  const omzet = push(t.fields.omzet, num(s.omzet ?? ""));
  const omzetVorig = push(t.fields.omzetVorigJaar, num(s.omzetVorigJaar ?? ""));
  const btw = push(t.fields.btwKosten, num(s.btwKosten ?? ""));
  const kor = push(t.fields.kor, s.kor ?? false);
  const particulier = push(t.fields.particulierZelfdePrijs, s.particulierZelfdePrijs ?? false);
  // Per investment its amount, whether it is not yet in use (stated, never inferred from an empty
  // cell: older desktop Excel passes 0 for one) and what was paid for it.
  push(
    t.investments,
    t.investmentAmount(0).replace(/ 0/, ""),
    t.investmentNotInUse,
    t.investmentPaid(0).replace(/ 0/, ""),
  );
  const investments = s.investeringen.filter((i) => i.bedrag.trim() !== "");
  const first = cells.length;
  if (investments.length === 0) push("", "", "", "");
  investments.forEach((inv, i) =>
    push(`${i + 1}`, num(inv.bedrag), !inv.inGebruik, inv.inGebruik ? "" : num(inv.betaald)),
  );
  const last = cells.length - 1;

  const y = A(jaar);
  const L = t.lines;
  const uc = push(t.urencriteriumMet, `=NL.URENCRITERIUM(${A(uren)},${A(overig)},${A(starter)})`);
  const korResult = (flag: string, part: string) => `NL.KORRESULTAAT(${y},${A(omzet)},0,${A(btw)},${flag}${part})`;
  const korEffect = push(
    L.korEffect,
    `=IF(AND(${A(kor)},NL.KOR(${y},${A(omzet)},${A(omzetVorig)})),${korResult("TRUE", `,${A(particulier)}`)}-${korResult("FALSE", "")},0)`,
  );
  const kia = push(L.kia, `=NL.KIADITJAAR(${y},${A(first)}:${A(last)},${C(first)}:${C(last)},${D(first)}:${D(last)})`);
  const wnk = push(L.winstNaKia, `=${A(winst)}+${A(korEffect)}-${A(kia)}`);
  const sa = push(L.startersaftrek, `=NL.STARTERSAFTREK(${y},${A(uc)},${A(starter)},${A(keren)},${A(aow)})`);
  push(L.zelfstandigenaftrek, `=NL.ZELFSTANDIGENAFTREK(${y},${A(uc)},${A(wnk)},${A(sa)}>0,${A(aow)})`);
  push(
    L.aoStartersaftrek,
    `=NL.STARTERSAFTREKAO(${y},${A(wnk)},${A(uren)},${A(ao)},${A(starter)},${A(kerenAo)},${A(aow)})`,
  );
  const mw = push(L.meewerkaftrek, `=NL.MEEWERKAFTREK(${y},${A(wnk)},${A(partner)},${A(uc)})`);
  const oa = push(L.ondernemersaftrek, `=SUM(${A(sa)}:${A(mw)})`);
  const mkb = push(L.mkbWinstvrijstelling, `=NL.MKBVRIJ(${y},${A(wnk)},${A(oa)})`);
  const bw = push(L.belastbareWinst, `=${A(wnk)}-${A(oa)}-${A(mkb)}`);
  const ink = push(L.inkomenBox1, `=${A(bw)}+${A(inkomen)}`);
  const box1 = push(L.box1, `=NL.INKOMSTENBELASTING(${y},${A(ink)},${A(aow)})`);
  const ta = push(L.tariefsaanpassing, `=NL.TARIEFSAANPASSING(${y},${A(ink)},${A(oa)}:${A(mkb)})`);
  const total = push(L.totaalBox1, `=${A(box1)}+${A(ta)}`);
  const ai = `${A(wnk)}+${A(loon)}`;
  const ahk = push(L.algemeneHeffingskorting, `=NL.ALGEMENEHEFFINGSKORTING(${y},${A(ink)},${A(aow)})`);
  push(L.arbeidskorting, `=NL.ARBEIDSKORTING(${y},${ai},${A(aow)})`);
  push(L.combinatiekorting, `=NL.COMBINATIEKORTING(${y},${ai},${A(iack)},${A(aow)})`);
  const ok = push(L.ouderenkorting, `=IF(${A(aow)},NL.OUDERENKORTING(${y},${A(ink)},${A(alleen)}),0)`);
  const hk = push(L.heffingskortingen, `=MIN(SUM(${A(ahk)}:${A(ok)}),MAX(${A(total)},0))`);
  const na = push(L.belastingNaKortingen, `=${A(total)}-${A(hk)}`);
  const zvw = push(L.zvwBijdrage, `=NL.ZVWBIJDRAGE(${y},${A(bw)})`);
  const teBetalen = push(L.totaalTeBetalen, `=${A(na)}+${A(zvw)}`);

  return {
    cells,
    width,
    resultRows: {
      urencriterium: uc,
      kia,
      winstNaKia: wnk,
      ondernemersaftrek: oa,
      mkbWinstvrijstelling: mkb,
      belastbareWinst: bw,
      box1,
      tariefsaanpassing: ta,
      totaalBox1: total,
      heffingskortingen: hk,
      zvwBijdrage: zvw,
      totaalTeBetalen: teBetalen,
    },
  };
}

/** The block's A1 address, e.g. "B2:D40". */
export function blockAddress(block: Block, row: number, col: number): string {
  return `${columnName(col)}${row + 1}:${columnName(col + block.width - 1)}${row + block.cells.length}`;
}
