/**
 * Excel functions for the details of the investeringsaftrek: bedrijfsmiddelen not yet in use at
 * the end of the year (art. 3.44) and the desinvesteringsbijtelling (art. 3.47).
 * Arguments are `any` on purpose (see functions.ts).
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { desinvesteringsbijtelling } from "../rules/desinvesteringsbijtelling";
import { kiaNietInGebruik } from "../rules/kiaNietInGebruik";
import { Money } from "../rules/money";
import { amount, amountList, cells, isBlank, optionalAmount, optionalAmountPerCell, toExcelNumber, year } from "./args";
import { guard, invalidValue } from "./excelError";

/** Pairs each non-empty investment cell with the cell at the same place in `betaald`. */
function kiaMetBetalingen(jaar: any, investeringen: any, betaald: any, aandeel: any) {
  const invested = cells(investeringen);
  const paid = optionalAmountPerCell(betaald, "betaald", investeringen, "investeringen");
  const bedragen = amountList(investeringen, "investeringen");
  const bedrijfsmiddelen: Array<{ bedrag: Money; betaaldNietInGebruik: Money | undefined }> = [];
  for (let i = 0, k = 0; i < invested.length; i++) {
    if (isBlank(invested[i])) {
      if (paid[i] !== undefined)
        throw invalidValue(`Argument 'betaald' heeft in cel ${i + 1} een bedrag naast een lege investering.`);
      continue;
    }
    bedrijfsmiddelen.push({ bedrag: bedragen[k++], betaaldNietInGebruik: paid[i] });
  }
  const share = optionalAmount(aandeel, "aandeel");
  return kiaNietInGebruik({
    year: year(jaar),
    bedrijfsmiddelen,
    aandeel: share && !share.isZero() ? share : undefined,
  });
}

/**
 * KIA van dit jaar als niet alle bedrijfsmiddelen op 31 december in gebruik zijn (art. 3.44 Wet IB 2001): per bedrijfsmiddel dat nog niet in gebruik is ten hoogste wat ervoor is betaald.
 * @customfunction KIADITJAAR KIADITJAAR
 * @helpurl https://localhost:3000/help/kiaditjaar.html
 * @requiresAddress
 * @param jaar Belastingjaar, bijvoorbeeld 2025.
 * @param investeringen Bedrag per bedrijfsmiddel (excl. btw), één cel per bedrijfsmiddel.
 * @param betaald Bereik naast de investeringen: leeg als het bedrijfsmiddel in gebruik is, anders het betaalde bedrag.
 * @param [aandeel] Uw aandeel in de investeringen van het samenwerkingsverband (art. 3.41 lid 3; niet per se uw winstaandeel): groter dan 0, hoogstens 1. Leeg: 1.
 * @returns De KIA die dit jaar mag worden afgetrokken, in euro's.
 */
export function kiaDitJaarFunction(
  jaar: any,
  investeringen: any[][],
  betaald: any[][],
  aandeel?: any,
  invocation?: CustomFunctions.Invocation,
): number {
  return guard("KIADITJAAR", invocation, arguments, kiaDitJaarFunction, () =>
    toExcelNumber(kiaMetBetalingen(jaar, investeringen, betaald, aandeel).value),
  );
}

/**
 * Het deel van de KIA dat naar latere jaren schuift omdat een bedrijfsmiddel op 31 december nog niet in gebruik is en minder is betaald dan de aftrek (art. 3.44 Wet IB 2001).
 * @customfunction KIALATER KIALATER
 * @helpurl https://localhost:3000/help/kialater.html
 * @requiresAddress
 * @param jaar Belastingjaar, bijvoorbeeld 2025.
 * @param investeringen Bedrag per bedrijfsmiddel (excl. btw), één cel per bedrijfsmiddel.
 * @param betaald Bereik naast de investeringen: leeg als het bedrijfsmiddel in gebruik is, anders het betaalde bedrag.
 * @param [aandeel] Uw aandeel in de investeringen van het samenwerkingsverband (art. 3.41 lid 3; niet per se uw winstaandeel): groter dan 0, hoogstens 1. Leeg: 1.
 * @returns De KIA voor latere jaren, in euro's.
 */
export function kiaLaterFunction(
  jaar: any,
  investeringen: any[][],
  betaald: any[][],
  aandeel?: any,
  invocation?: CustomFunctions.Invocation,
): number {
  return guard("KIALATER", invocation, arguments, kiaLaterFunction, () =>
    toExcelNumber(kiaMetBetalingen(jaar, investeringen, betaald, aandeel).later),
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
 * @param [totaal_overdrachtsprijzen] Alle overdrachtsprijzen van het jaar samen, voor de drempel. Leeg: de overdrachtsprijs.
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
