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

/**
 * The arguments each function requires, by name (the ones without [brackets] in its metadata). Excel
 * does not accept a formula that leaves one out; the headless engine answers it with an error that
 * names the first one missing, rather than reading it as an empty cell (a silent 0).
 */
export const NL_REQUIRED: Readonly<Record<string, readonly string[]>> = {
  KIA: ["jaar", "investeringen"],
  MKBVRIJ: ["jaar", "winst"],
  ZELFSTANDIGENAFTREK: ["jaar", "urencriterium", "winst"],
  STARTERSAFTREK: ["jaar", "urencriterium", "starter"],
  URENCRITERIUM: ["uren"],
  BELASTBAREWINST: ["jaar", "winst", "urencriterium"],
  STARTERSAFTREKAO: ["jaar", "winst", "uren", "ao_uitkering", "starter"],
  MEEWERKAFTREK: ["jaar", "winst", "uren_partner", "urencriterium"],
  SOAFTREK: ["jaar", "urencriterium", "so_uren"],
  STAKINGSAFTREK: ["jaar", "stakingswinst"],
  NGZVERREKENING: ["jaar", "winst", "urencriterium", "open"],
  NGZRESTANT: ["jaar", "winst", "urencriterium", "open"],
  KIADITJAAR: ["jaar", "investeringen", "niet_in_gebruik", "betaald"],
  KIALATER: ["jaar", "investeringen", "niet_in_gebruik", "betaald"],
  DESINVESTERING: [
    "jaar",
    "investeringsjaar",
    "kia_genoten",
    "investeringsbedrag",
    "overdrachtsprijs",
    "aanschafprijs",
  ],
  INKOMSTENBELASTING: ["jaar", "inkomen"],
  TARIEFSAANPASSING: ["jaar", "inkomen", "aftrekposten"],
  OVERZICHT: ["jaar", "winst", "urencriterium"],
  KOR: ["jaar", "omzet"],
  EUKOR: ["jaar", "eu_omzet"],
  KORRESULTAAT: ["jaar", "omzet", "kosten", "btw_kosten", "kor"],
  KORHERZIENING: ["jaar", "btw_afgetrokken", "jaar_ingebruikname"],
  KOREINDE: ["jaar", "leveringen"],
  ALGEMENEHEFFINGSKORTING: ["jaar", "verzamelinkomen"],
  ARBEIDSKORTING: ["jaar", "arbeidsinkomen"],
  COMBINATIEKORTING: ["jaar", "arbeidsinkomen", "voorwaarden"],
  OUDERENKORTING: ["jaar", "verzamelinkomen"],
  ZVWBIJDRAGE: ["jaar", "bijdrage_inkomen"],
  NETTOEFFECT: ["jaar", "winst", "urencriterium", "aftrekpost"],
  PARAMETER: ["jaar", "naam"],
  VERSIE: [],
};

/** Functions that return a spill, with its fixed size (the engine needs it before evaluating). */
export const NL_SPILLS: Readonly<Record<string, { rows: number; columns: number }>> = {
  OVERZICHT: { rows: Object.keys(KETEN_LABELS).length, columns: 2 },
};
