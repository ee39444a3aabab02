/**
 * Excel functions for the details of the investeringsaftrek: bedrijfsmiddelen not yet in use at
 * the end of the year (art. 3.44) and the desinvesteringsbijtelling (art. 3.47).
 * Arguments are `any` on purpose (see functions.ts).
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { desinvesteringsbijtelling } from "../rules/desinvesteringsbijtelling";
import { kiaNietInGebruik } from "../rules/kiaNietInGebruik";
import { Money } from "../rules/money";
import { amount, amountListInPlace, amountPerCell, flagPerCell, optionalAmount, toExcelNumber, year } from "./args";
import { guard, invalidValue } from "./excelError";

/** What an old three-argument formula gets: the paid amounts used to be the third argument. */
const MOVED =
  " Staat hier het betaalde bedrag? Dat is het vierde argument: (jaar; investeringen; niet_in_gebruik; betaald).";

/**
 * Each bedrijfsmiddel with, when it is not yet in use, what was paid for it. An empty cell (or 0)
 * in `investeringen` is no bedrijfsmiddel: a flag or a payment beside it is a slip.
 */
function kiaMetBetalingen(jaar: any, investeringen: any, niet_in_gebruik: any, betaald: any, aandeel: any) {
  const bedragen = amountListInPlace(investeringen, "investeringen");
  const nietInGebruik = flagPerCell(niet_in_gebruik, "niet_in_gebruik", investeringen, "investeringen", MOVED);
  const paid = amountPerCell(betaald, "betaald", investeringen, "investeringen");
  const bedrijfsmiddelen: Array<{ bedrag: Money; betaaldNietInGebruik: Money | undefined }> = [];
  bedragen.forEach((bedrag, i) => {
    if (bedrag.isZero()) {
      if (nietInGebruik[i] || !paid[i].isZero()) {
        const what = nietInGebruik[i] ? "niet_in_gebruik' is WAAR" : "betaald' heeft een bedrag";
        throw invalidValue(`Argument '${what} in cel ${i + 1}, naast een lege cel in 'investeringen'.`);
      }
      return;
    }
    bedrijfsmiddelen.push({ bedrag, betaaldNietInGebruik: nietInGebruik[i] ? paid[i] : undefined });
  });
  return kiaNietInGebruik({
    year: year(jaar),
    bedrijfsmiddelen,
    aandeel: optionalAmount(aandeel, "aandeel"),
  });
}

/**
 * KIA van dit jaar als niet alle bedrijfsmiddelen op 31 december in gebruik zijn (art. 3.44 Wet IB 2001): per bedrijfsmiddel dat nog niet in gebruik is ten hoogste wat ervoor is betaald.
 * @customfunction KIADITJAAR KIADITJAAR
 * @helpurl https://localhost:3000/help/kiaditjaar.html
 * @requiresAddress
 * @param jaar Belastingjaar, bijvoorbeeld 2025.
 * @param investeringen Bedrag per bedrijfsmiddel (excl. btw), één cel per bedrijfsmiddel.
 * @param niet_in_gebruik Bereik naast de investeringen: WAAR als het bedrijfsmiddel op 31 december nog niet in gebruik is. Leeg: in gebruik.
 * @param betaald Bereik naast de investeringen: wat er is betaald voor een bedrijfsmiddel dat nog niet in gebruik is. Leeg: 0.
 * @param [aandeel] Uw aandeel in de investeringen van een samenwerkingsverband (art. 3.41 lid 3): hoogstens 1. Leeg of 0: 1.
 * @returns De KIA die dit jaar mag worden afgetrokken, in euro's.
 */
export function kiaDitJaarFunction(
  jaar: any,
  investeringen: any[][],
  niet_in_gebruik: any[][],
  betaald: any[][],
  aandeel?: any,
  invocation?: CustomFunctions.Invocation,
): number {
  return guard("KIADITJAAR", invocation, arguments, kiaDitJaarFunction, () =>
    toExcelNumber(kiaMetBetalingen(jaar, investeringen, niet_in_gebruik, betaald, aandeel).value),
  );
}

/**
 * Het deel van de KIA dat naar latere jaren schuift omdat een bedrijfsmiddel op 31 december nog niet in gebruik is en minder is betaald dan de aftrek (art. 3.44 Wet IB 2001).
 * @customfunction KIALATER KIALATER
 * @helpurl https://localhost:3000/help/kialater.html
 * @requiresAddress
 * @param jaar Belastingjaar, bijvoorbeeld 2025.
 * @param investeringen Bedrag per bedrijfsmiddel (excl. btw), één cel per bedrijfsmiddel.
 * @param niet_in_gebruik Bereik naast de investeringen: WAAR als het bedrijfsmiddel op 31 december nog niet in gebruik is. Leeg: in gebruik.
 * @param betaald Bereik naast de investeringen: wat er is betaald voor een bedrijfsmiddel dat nog niet in gebruik is. Leeg: 0.
 * @param [aandeel] Uw aandeel in de investeringen van een samenwerkingsverband (art. 3.41 lid 3): hoogstens 1. Leeg of 0: 1.
 * @returns De KIA voor latere jaren, in euro's.
 */
export function kiaLaterFunction(
  jaar: any,
  investeringen: any[][],
  niet_in_gebruik: any[][],
  betaald: any[][],
  aandeel?: any,
  invocation?: CustomFunctions.Invocation,
): number {
  return guard("KIALATER", invocation, arguments, kiaLaterFunction, () =>
    toExcelNumber(kiaMetBetalingen(jaar, investeringen, niet_in_gebruik, betaald, aandeel).later),
  );
}

/**
 * Desinvesteringsbijtelling (art. 3.47 Wet IB 2001): hetzelfde percentage investeringsaftrek als in het investeringsjaar, over de overdrachtsprijs (ten hoogste de aanschafprijs), bij verkoop binnen 5 jaar en boven de drempel.
 * @customfunction DESINVESTERING DESINVESTERING
 * @helpurl https://localhost:3000/help/desinvestering.html
 * @requiresAddress
 * @param jaar Jaar van de verkoop of onttrekking.
 * @param investeringsjaar Jaar waarin de investering is gedaan.
 * @param kia_genoten Investeringsaftrek die in het investeringsjaar is genoten.
 * @param investeringsbedrag Totaal van de investeringen waarover die aftrek is berekend.
 * @param overdrachtsprijs Verkoopprijs (of waarde in het economisch verkeer bij onttrekking).
 * @param aanschafprijs Oorspronkelijke aanschafprijs van het bedrijfsmiddel.
 * @param [totaal_overdrachtsprijzen] Alle overdrachtsprijzen van het jaar samen, voor de drempel. Leeg of 0: de overdrachtsprijs.
 * @returns De bijtelling bij de winst in euro's.
 */
export function desinvesteringFunction(
  jaar: any,
  investeringsjaar: any,
  kia_genoten: any,
  investeringsbedrag: any,
  overdrachtsprijs: any,
  aanschafprijs: any,
  totaal_overdrachtsprijzen?: any,
  invocation?: CustomFunctions.Invocation,
): number {
  return guard("DESINVESTERING", invocation, arguments, desinvesteringFunction, () =>
    toExcelNumber(
      desinvesteringsbijtelling({
        year: year(jaar),
        investeringsjaar: year(investeringsjaar, "investeringsjaar"),
        kiaGenoten: amount(kia_genoten, "kia_genoten"),
        investeringsbedrag: amount(investeringsbedrag, "investeringsbedrag"),
        overdrachtsprijs: amount(overdrachtsprijs, "overdrachtsprijs"),
        aanschafprijs: amount(aanschafprijs, "aanschafprijs"),
        totaalOverdrachtsprijzen: optionalAmount(totaal_overdrachtsprijzen, "totaal_overdrachtsprijzen"),
      }).value,
    ),
  );
}
