/**
 * Excel functions that tell about the add-in itself: the official value of a parameter and the
 * version. Arguments are `any` on purpose (see functions.ts).
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { describeYears } from "../rules/errors";
import { allCoveredYears, officialValue } from "../rules/officialValue";
import { ENGINE_VERSION, PARAMETERS_CHECKED_ON } from "../rules/version";
import { single, toExcelNumber, year } from "./args";
import { guard, invalidValue } from "./excelError";

/**
 * De officiële waarde van een fiscale parameter voor een jaar, zodat een sjabloon geen bedragen meer hoeft vast te zetten. Percentages komen terug als fractie (12,7% = 0,127).
 * @customfunction PARAMETER PARAMETER
 * @helpurl https://localhost:3000/help/parameter.html
 * @requiresAddress
 * @param jaar Belastingjaar, bijvoorbeeld 2025.
 * @param naam Naam van de parameter, bijvoorbeeld "zelfstandigenaftrek" of "mkb_winstvrijstelling_percentage".
 * @returns De waarde volgens de wet.
 */
export function parameterFunction(jaar: any, naam: any, invocation?: CustomFunctions.Invocation): number {
  return guard("PARAMETER", invocation, arguments, parameterFunction, () => {
    const name = single(naam, "naam");
    if (typeof name !== "string" || name.trim() === "") {
      throw invalidValue("Argument 'naam' moet de naam van een parameter zijn, bijvoorbeeld \"zelfstandigenaftrek\".");
    }
    const found = officialValue(year(jaar), name);
    return toExcelNumber(found.unit === "procent" ? found.value.dividedBy(100) : found.value);
  });
}

/**
 * Versie van de rekenkern, de datum waarop de bedragen zijn gecontroleerd en de jaren die worden ondersteund.
 * @customfunction VERSIE VERSIE
 * @helpurl https://localhost:3000/help/versie.html
 * @requiresAddress
 * @returns Versie, controledatum en jaren.
 */
export function versieFunction(invocation?: CustomFunctions.Invocation): string {
  return guard(
    "VERSIE",
    invocation,
    arguments,
    versieFunction,
    () =>
      `NL Aftrek ${ENGINE_VERSION}; bedragen gecontroleerd op ${PARAMETERS_CHECKED_ON}; jaren ${describeYears(allCoveredYears())}`,
  );
}
