/**
 * The custom functions by their Excel id (without the NL namespace), for hosts other than Excel
 * that need to look them up by name: the headless engine and the tests. Excel itself registers
 * them through the metadata generated from functions.ts.
 */
import { KETEN_LABELS } from "../rules/keten";
import * as f from "./functions";
import * as hk from "./heffingskortingFunctions";
import * as info from "./infoFunctions";
import * as ib from "./inkomstenbelastingFunctions";
import * as inv from "./investeringFunctions";
import * as kor from "./korFunctions";
import * as oa from "./ondernemersaftrekFunctions";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type NlFunction = (...args: any[]) => number | boolean | string | any[][];

export const NL_FUNCTIONS: Readonly<Record<string, NlFunction>> = {
  KIA: f.kiaFunction,
  MKBVRIJ: f.mkbvrijFunction,
  ZELFSTANDIGENAFTREK: f.zelfstandigenaftrekFunction,
  STARTERSAFTREK: f.startersaftrekFunction,
  URENCRITERIUM: f.urencriteriumFunction,
  BELASTBAREWINST: f.belastbarewinstFunction,
  STARTERSAFTREKAO: oa.startersaftrekAoFunction,
  MEEWERKAFTREK: oa.meewerkaftrekFunction,
  SOAFTREK: oa.soAftrekFunction,
  STAKINGSAFTREK: oa.stakingsaftrekFunction,
  NGZVERREKENING: oa.ngzVerrekeningFunction,
  NGZRESTANT: oa.ngzRestantFunction,
  KIADITJAAR: inv.kiaDitJaarFunction,
  KIALATER: inv.kiaLaterFunction,
  DESINVESTERING: inv.desinvesteringFunction,
  INKOMSTENBELASTING: ib.inkomstenbelastingFunction,
  TARIEFSAANPASSING: ib.tariefsaanpassingFunction,
  OVERZICHT: ib.overzichtFunction,
  ALGEMENEHEFFINGSKORTING: hk.algemeneHeffingskortingFunction,
  ARBEIDSKORTING: hk.arbeidskortingFunction,
  COMBINATIEKORTING: hk.combinatiekortingFunction,
  OUDERENKORTING: hk.ouderenkortingFunction,
  ZVWBIJDRAGE: hk.zvwBijdrageFunction,
  NETTOEFFECT: hk.nettoEffectFunction,
  KOR: kor.korFunction,
  EUKOR: kor.euKorFunction,
  KORRESULTAAT: kor.korResultaatFunction,
  KORHERZIENING: kor.korHerzieningFunction,
  KOREINDE: kor.korEindeFunction,
  PARAMETER: info.parameterFunction,
  VERSIE: info.versieFunction,
};

/** Functions that return a spill, with its fixed size (the engine needs it before evaluating). */
export const NL_SPILLS: Readonly<Record<string, { rows: number; columns: number }>> = {
  OVERZICHT: { rows: Object.keys(KETEN_LABELS).length, columns: 2 },
};
