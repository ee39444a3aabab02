/**
 * How the aanslag rounds, where a source says so. Not tax numbers (ALL_PARAMETERS holds those) but
 * rules of calculation, each with its source, shown beside the step that applies it.
 *
 * Looked for and not found (so not applied; the chain keeps cents): a rounding of the belastbaar
 * inkomen per box, of the box 1 tax or of the inkomensafhankelijke bijdrage Zvw, in the Wet IB 2001
 * (art. 2.10-2.14, 8.1-8.8, 9.1), the Wfsv (art. 7-12) and the Kennisgroepen. The law itself rounds
 * the kolom III amounts of art. 2.10 (already in parameters/box1.ts) and the yearly percentages of
 * art. 10.6b and 10.7 (already in parameters/heffingskortingen.ts as the law writes them).
 */
import { Source } from "./parameter";

/**
 * How the aanslag rounds every heffingskorting: the Belastingdienst's Kennisgroep answers that the
 * heffings- and premiepercentages of the split (art. 8.3-8.7) are not rounded, that the AOW-, Anw-
 * and Wlz-parts are not rounded on their own, and that the belastingdeel and the premiedeel (the sum
 * of those parts) are each rounded in favour of the taxpayer, the korting never exceeding the
 * maximum the law names. Whole euros, as every table the Belastingdienst publishes shows (e.g. the
 * algemene heffingskorting 2025 at the AOW-leeftijd: 699,76 -> 700 plus 835,09 -> 836 = 1.536).
 */
export const AFRONDING_HEFFINGSKORTINGEN: Source = {
  url: "https://kennisgroepen.belastingdienst.nl/publicaties/kg202202214-afronding-heffingskortingen/",
  article: "KG:202:2022:14 Afronding heffingskortingen (Kennisgroep Belastingdienst)",
  note: "Belastingdeel en premiedeel elk afgerond in het voordeel van de belastingplichtige (op hele euro's naar boven); percentages en de afzonderlijke premiedelen niet afgerond; nooit meer dan het maximumbedrag dat de wet noemt.",
};
