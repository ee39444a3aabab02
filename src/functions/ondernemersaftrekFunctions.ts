/**
 * Excel functions for the rest of the ondernemersaftrek: startersaftrek bij arbeidsongeschiktheid,
 * meewerkaftrek, S&O-aftrek, stakingsaftrek and the niet-gerealiseerde zelfstandigenaftrek.
 * Arguments are `any` on purpose (see functions.ts).
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { meewerkaftrek } from "../rules/meewerkaftrek";
import { nietGerealiseerdeZelfstandigenaftrek } from "../rules/nietGerealiseerdeZelfstandigenaftrek";
import { soAftrek } from "../rules/soAftrek";
import { stakingsaftrek } from "../rules/stakingsaftrek";
import { startersaftrekArbeidsongeschiktheid } from "../rules/startersaftrekArbeidsongeschiktheid";
import { amount, flag, hours, optionalAmount, toExcelNumber, year, yearAmountRows } from "./args";
import { guard } from "./excelError";

/**
 * Startersaftrek bij arbeidsongeschiktheid (art. 3.78a Wet IB 2001): 12.000, 8.000 of 4.000 naar eerder gebruik, ten hoogste de winst. Voor een starter met een AO-uitkering die 800 maar geen 1.225 uur haalt.
 * @customfunction STARTERSAFTREKAO STARTERSAFTREKAO
 * @helpurl https://localhost:3000/help/startersaftrekao.html
 * @requiresAddress
 * @param jaar Belastingjaar, bijvoorbeeld 2025.
 * @param winst Winst vóór ondernemersaftrek.
 * @param uren Uren aan de onderneming in het jaar.
 * @param ao_uitkering WAAR als u in het jaar recht had op een arbeidsongeschiktheidsuitkering (WIA, WAO, WAZ, Wajong).
 * @param starter WAAR als u in 1 of meer van de 5 voorafgaande jaren geen ondernemer was.
 * @param [keren_eerder] Hoe vaak deze aftrek in de 5 voorafgaande jaren is toegepast (0 tot en met 5). Leeg: 0.
 * @param [aow] WAAR als u op 1 januari de AOW-leeftijd had bereikt (dan geen aftrek).
 * @returns De startersaftrek bij arbeidsongeschiktheid in euro's.
 */
export function startersaftrekAoFunction(
  jaar: any,
  winst: any,
  uren: any,
  ao_uitkering: any,
  starter: any,
  keren_eerder?: any,
  aow?: any,
  invocation?: CustomFunctions.Invocation,
): number {
  return guard("STARTERSAFTREKAO", invocation, arguments, startersaftrekAoFunction, () =>
    toExcelNumber(
      startersaftrekArbeidsongeschiktheid({
        year: year(jaar),
        winst: amount(winst, "winst"),
        uren: hours(uren, "uren"),
        aoUitkering: flag(ao_uitkering, "ao_uitkering"),
        starter: flag(starter, "starter"),
        kerenEerder: amount(keren_eerder, "keren_eerder"),
        aow: flag(aow, "aow"),
      }).value,
    ),
  );
}

/**
 * Meewerkaftrek (art. 3.78 Wet IB 2001): 1,25%, 2%, 3% of 4% van de winst bij 525, 875, 1.225 of 1.750 uur onbetaald meewerken van uw partner; alleen met urencriterium.
 * @customfunction MEEWERKAFTREK MEEWERKAFTREK
 * @helpurl https://localhost:3000/help/meewerkaftrek.html
 * @requiresAddress
 * @param jaar Belastingjaar, bijvoorbeeld 2025.
 * @param winst Winst vóór ondernemersaftrek.
 * @param uren_partner Uren die uw partner zonder vergoeding in de onderneming werkte.
 * @param urencriterium WAAR als u het urencriterium haalt.
 * @param [stakingswinst] Deel van de winst dat stakingswinst is (telt niet mee). Leeg: 0.
 * @param [vergoeding_partner] Wat uw partner voor het meewerken kreeg: vanaf € 5.000 geen meewerkaftrek (art. 3.16 lid 4). Leeg: 0.
 * @param [onteigenings_overbrengingswinst] Deel van de winst dat onteigenings- of overbrengingswinst is (telt niet mee). Leeg: 0.
 * @returns De meewerkaftrek in euro's.
 */
export function meewerkaftrekFunction(
  jaar: any,
  winst: any,
  uren_partner: any,
  urencriterium: any,
  stakingswinst?: any,
  vergoeding_partner?: any,
  onteigenings_overbrengingswinst?: any,
  invocation?: CustomFunctions.Invocation,
): number {
  return guard("MEEWERKAFTREK", invocation, arguments, meewerkaftrekFunction, () =>
    toExcelNumber(
      meewerkaftrek({
        year: year(jaar),
        winst: amount(winst, "winst"),
        urenPartner: hours(uren_partner, "uren_partner"),
        urencriterium: flag(urencriterium, "urencriterium"),
        stakingswinst: optionalAmount(stakingswinst, "stakingswinst"),
        vergoeding: optionalAmount(vergoeding_partner, "vergoeding_partner"),
        onteigeningsOverbrengingswinst: optionalAmount(
          onteigenings_overbrengingswinst,
          "onteigenings_overbrengingswinst",
        ),
      }).value,
    ),
  );
}

/**
 * S&O-aftrek (art. 3.77 Wet IB 2001) bij urencriterium en ten minste 500 uur speur- en ontwikkelingswerk, met de verhoging voor starters.
 * @customfunction SOAFTREK SOAFTREK
 * @helpurl https://localhost:3000/help/soaftrek.html
 * @requiresAddress
 * @param jaar Belastingjaar, bijvoorbeeld 2025.
 * @param urencriterium WAAR als u het urencriterium haalt.
 * @param so_uren Uren speur- en ontwikkelingswerk in het jaar (volgens de S&O-verklaring).
 * @param [starter] WAAR als u in 1 of meer van de 5 voorafgaande jaren geen ondernemer was.
 * @param [jaren_so_verklaring] In hoeveel van de 5 voorafgaande jaren u een S&O-verklaring had (0 tot en met 5). Leeg: 0.
 * @returns De S&O-aftrek in euro's.
 */
export function soAftrekFunction(
  jaar: any,
  urencriterium: any,
  so_uren: any,
  starter?: any,
  jaren_so_verklaring?: any,
  invocation?: CustomFunctions.Invocation,
): number {
  return guard("SOAFTREK", invocation, arguments, soAftrekFunction, () =>
    toExcelNumber(
      soAftrek({
        year: year(jaar),
        urencriterium: flag(urencriterium, "urencriterium"),
        soUren: hours(so_uren, "so_uren"),
        starter: flag(starter, "starter"),
        jarenSoVerklaring: amount(jaren_so_verklaring, "jaren_so_verklaring"),
      }).value,
    ),
  );
}

/**
 * Stakingsaftrek (art. 3.79 Wet IB 2001): de stakingswinst, ten hoogste 3.630 over uw hele leven, min wat u eerder aan stakingsaftrek had.
 * @customfunction STAKINGSAFTREK STAKINGSAFTREK
 * @helpurl https://localhost:3000/help/stakingsaftrek.html
 * @requiresAddress
 * @param jaar Belastingjaar, bijvoorbeeld 2025.
 * @param stakingswinst De stakingswinst.
 * @param [eerder_benut] Stakingsaftrek die u in eerdere jaren al had. Leeg: 0.
 * @returns De stakingsaftrek in euro's.
 */
export function stakingsaftrekFunction(
  jaar: any,
  stakingswinst: any,
  eerder_benut?: any,
  invocation?: CustomFunctions.Invocation,
): number {
  return guard("STAKINGSAFTREK", invocation, arguments, stakingsaftrekFunction, () =>
    toExcelNumber(
      stakingsaftrek({
        year: year(jaar),
        stakingswinst: amount(stakingswinst, "stakingswinst"),
        eerderBenut: optionalAmount(eerder_benut, "eerder_benut"),
      }).value,
    ),
  );
}

function ngz(jaar: any, winst: any, urencriterium: any, open: any, startersaftrek: any, aow: any) {
  return nietGerealiseerdeZelfstandigenaftrek({
    year: year(jaar),
    winst: amount(winst, "winst"),
    urencriterium: flag(urencriterium, "urencriterium"),
    open: yearAmountRows(open, "open"),
    startersaftrek: flag(startersaftrek, "startersaftrek"),
    aow: flag(aow, "aow"),
  });
}

/**
 * Verrekening van niet-gerealiseerde zelfstandigenaftrek (art. 3.76 lid 7 Wet IB 2001): wat dit jaar extra mag worden afgetrokken, oudste eerst, ten hoogste de winst min de zelfstandigenaftrek.
 * @customfunction NGZVERREKENING NGZVERREKENING
 * @helpurl https://localhost:3000/help/ngzverrekening.html
 * @requiresAddress
 * @param jaar Belastingjaar, bijvoorbeeld 2026.
 * @param winst Winst vóór ondernemersaftrek.
 * @param urencriterium WAAR als u het urencriterium haalt.
 * @param open Bereik van twee kolommen: het jaar en het nog openstaande bedrag per eerder jaar. Lege rijen tellen niet.
 * @param [startersaftrek] WAAR als u recht hebt op startersaftrek.
 * @param [aow] WAAR als u op 1 januari de AOW-leeftijd had bereikt.
 * @returns De extra aftrek dit jaar in euro's.
 */
export function ngzVerrekeningFunction(
  jaar: any,
  winst: any,
  urencriterium: any,
  open: any[][],
  startersaftrek?: any,
  aow?: any,
  invocation?: CustomFunctions.Invocation,
): number {
  return guard("NGZVERREKENING", invocation, arguments, ngzVerrekeningFunction, () =>
    toExcelNumber(ngz(jaar, winst, urencriterium, open, startersaftrek, aow).value),
  );
}

/**
 * Wat na dit jaar aan niet-gerealiseerde zelfstandigenaftrek open blijft (art. 3.76 lid 7 Wet IB 2001): de rest van eerdere jaren (niet ouder dan 9 jaar) plus wat dit jaar nieuw ontstaat.
 * @customfunction NGZRESTANT NGZRESTANT
 * @helpurl https://localhost:3000/help/ngzrestant.html
 * @requiresAddress
 * @param jaar Belastingjaar, bijvoorbeeld 2026.
 * @param winst Winst vóór ondernemersaftrek.
 * @param urencriterium WAAR als u het urencriterium haalt.
 * @param open Bereik van twee kolommen: het jaar en het nog openstaande bedrag per eerder jaar. Lege rijen tellen niet.
 * @param [startersaftrek] WAAR als u recht hebt op startersaftrek.
 * @param [aow] WAAR als u op 1 januari de AOW-leeftijd had bereikt.
 * @returns Het totaal dat open blijft in euro's.
 */
export function ngzRestantFunction(
  jaar: any,
  winst: any,
  urencriterium: any,
  open: any[][],
  startersaftrek?: any,
  aow?: any,
  invocation?: CustomFunctions.Invocation,
): number {
  return guard("NGZRESTANT", invocation, arguments, ngzRestantFunction, () =>
    toExcelNumber(ngz(jaar, winst, urencriterium, open, startersaftrek, aow).totaalRestant),
  );
}
