/**
 * Heffingskortingen (hoofdstuk 8 Wet IB 2001), each value as written in that year's law text:
 * the algemene heffingskorting (art. 8.10 lid 2), the arbeidskorting (art. 8.11 lid 2), the
 * inkomensafhankelijke combinatiekorting (art. 8.14a), the ouderenkorting (art. 8.17 lid 2) and
 * the alleenstaande ouderenkorting (art. 8.18 lid 2). The law text already holds the yearly
 * indexed amounts (art. 10.1, 10.6b and 10.7 replace them by ministerial regulation).
 * 2027 is not yet known.
 */
import { parameter, wetIb } from "./parameter";

type Row = readonly [2022 | 2023 | 2024 | 2025 | 2026, string];
const byYear = (article: string, lid: string, rows: readonly Row[]) =>
  Object.fromEntries(rows.map(([year, value]) => [year, wetIb(value, year, article, lid)]));

export const ahkMaximum = parameter({
  name: "algemene_heffingskorting",
  label: "Algemene heffingskorting: het bedrag vóór afbouw",
  unit: "EUR",
  values: byYear("8.10", "2", [
    [2022, "2888"],
    [2023, "3070"],
    [2024, "3362"],
    [2025, "3068"],
    [2026, "3115"],
  ]),
});
export const ahkAfbouwPercentage = parameter({
  name: "algemene_heffingskorting_afbouw_percentage",
  label: "Algemene heffingskorting: afbouw in procenten van het inkomen boven de afbouwgrens",
  unit: "procent",
  values: byYear("8.10", "2", [
    [2022, "6.007"],
    [2023, "6.095"],
    [2024, "6.630"],
    [2025, "6.337"],
    [2026, "6.398"],
  ]),
});
export const ahkAfbouwGrens = parameter({
  name: "algemene_heffingskorting_afbouw_grens",
  label: "Algemene heffingskorting: afbouw over het inkomen boven dit bedrag",
  unit: "EUR",
  values: byYear("8.10", "2", [
    [2022, "21317"],
    [2023, "22660"],
    [2024, "24812"],
    [2025, "28406"],
    [2026, "29736"],
  ]),
});
/**
 * Up to 2024 art. 8.10 lid 2 builds the afbouw over "het belastbare inkomen uit werk en woning";
 * from 2025 over "het verzamelinkomen" (box 1, 2 and 3 together).
 */
export const ahkOverVerzamelinkomen = parameter({
  name: "algemene_heffingskorting_over_verzamelinkomen",
  label: "Algemene heffingskorting: afbouw over het verzamelinkomen (1) of over het inkomen uit werk en woning (0)",
  unit: "ja/nee",
  values: byYear("8.10", "2", [
    [2022, "0"],
    [2023, "0"],
    [2024, "0"],
    [2025, "1"],
    [2026, "1"],
  ]),
});

export const akPercentage1 = parameter({
  name: "arbeidskorting_percentage_1",
  label: "Arbeidskorting, onderdeel a: percentage van het arbeidsinkomen",
  unit: "procent",
  values: byYear("8.11", "2", [
    [2022, "4.541"],
    [2023, "8.231"],
    [2024, "8.425"],
    [2025, "8.053"],
    [2026, "8.324"],
  ]),
});
export const akMaximum1 = parameter({
  name: "arbeidskorting_maximum_1",
  label: "Arbeidskorting, onderdeel a: ten hoogste dit bedrag",
  unit: "EUR",
  values: byYear("8.11", "2", [
    [2022, "470"],
    [2023, "884"],
    [2024, "968"],
    [2025, "980"],
    [2026, "996"],
  ]),
});
export const akPercentage2 = parameter({
  name: "arbeidskorting_percentage_2",
  label: "Arbeidskorting, onderdeel b: percentage van het arbeidsinkomen boven de tweede grens",
  unit: "procent",
  values: byYear("8.11", "2", [
    [2022, "28.461"],
    [2023, "29.861"],
    [2024, "31.433"],
    [2025, "30.030"],
    [2026, "31.009"],
  ]),
});
export const akGrens2 = parameter({
  name: "arbeidskorting_grens_2",
  label: "Arbeidskorting, onderdeel b: over het arbeidsinkomen boven dit bedrag",
  unit: "EUR",
  values: byYear("8.11", "2", [
    [2022, "10350"],
    [2023, "10740"],
    [2024, "11490"],
    [2025, "12169"],
    [2026, "11965"],
  ]),
});
export const akMaximum2 = parameter({
  name: "arbeidskorting_maximum_2",
  label: "Arbeidskorting: onderdelen a en b samen ten hoogste dit bedrag",
  unit: "EUR",
  values: byYear("8.11", "2", [
    [2022, "3887"],
    [2023, "4605"],
    [2024, "5158"],
    [2025, "5220"],
    [2026, "5300"],
  ]),
});
export const akPercentage3 = parameter({
  name: "arbeidskorting_percentage_3",
  label: "Arbeidskorting, onderdeel c: percentage van het arbeidsinkomen boven de derde grens",
  unit: "procent",
  values: byYear("8.11", "2", [
    [2022, "2.610"],
    [2023, "3.085"],
    [2024, "2.471"],
    [2025, "2.258"],
    [2026, "1.950"],
  ]),
});
export const akGrens3 = parameter({
  name: "arbeidskorting_grens_3",
  label: "Arbeidskorting, onderdeel c: over het arbeidsinkomen boven dit bedrag",
  unit: "EUR",
  values: byYear("8.11", "2", [
    [2022, "22356"],
    [2023, "23201"],
    [2024, "24820"],
    [2025, "26288"],
    [2026, "25845"],
  ]),
});
export const akMaximum = parameter({
  name: "arbeidskorting_maximum",
  label: "Arbeidskorting: onderdelen a, b en c samen ten hoogste dit bedrag (de hoogste arbeidskorting)",
  unit: "EUR",
  values: byYear("8.11", "2", [
    [2022, "4260"],
    [2023, "5052"],
    [2024, "5532"],
    [2025, "5599"],
    [2026, "5685"],
  ]),
});
export const akAfbouwPercentage = parameter({
  name: "arbeidskorting_afbouw_percentage",
  label: "Arbeidskorting, onderdeel d: afbouw in procenten van het arbeidsinkomen boven de afbouwgrens",
  unit: "procent",
  values: byYear("8.11", "2", [
    [2022, "5.86"],
    [2023, "6.51"],
    [2024, "6.51"],
    [2025, "6.51"],
    [2026, "6.51"],
  ]),
});
export const akAfbouwGrens = parameter({
  name: "arbeidskorting_afbouw_grens",
  label: "Arbeidskorting, onderdeel d: afbouw over het arbeidsinkomen boven dit bedrag",
  unit: "EUR",
  values: byYear("8.11", "2", [
    [2022, "36649"],
    [2023, "37691"],
    [2024, "39957"],
    [2025, "43071"],
    [2026, "45592"],
  ]),
});

export const iackGrens = parameter({
  name: "combinatiekorting_grens",
  label: "Inkomensafhankelijke combinatiekorting: over het arbeidsinkomen boven dit bedrag",
  unit: "EUR",
  values: byYear("8.14a", "2", [
    [2022, "5219"],
    [2023, "5547"],
    [2024, "6073"],
    [2025, "6145"],
    [2026, "6239"],
  ]),
});
export const iackPercentage = parameter({
  name: "combinatiekorting_percentage",
  label: "Inkomensafhankelijke combinatiekorting: percentage van het arbeidsinkomen boven de grens",
  unit: "procent",
  values: byYear("8.14a", "2", [
    [2022, "11.45"],
    [2023, "11.45"],
    [2024, "11.45"],
    [2025, "11.45"],
    [2026, "11.45"],
  ]),
});
export const iackMaximum = parameter({
  name: "combinatiekorting_maximum",
  label: "Inkomensafhankelijke combinatiekorting: ten hoogste dit bedrag",
  unit: "EUR",
  values: byYear("8.14a", "2", [
    [2022, "2534"],
    [2023, "2694"],
    [2024, "2950"],
    [2025, "2986"],
    [2026, "3032"],
  ]),
});

export const ouderenkortingBedrag = parameter({
  name: "ouderenkorting",
  label: "Ouderenkorting: het bedrag vóór afbouw",
  unit: "EUR",
  values: byYear("8.17", "2", [
    [2022, "1726"],
    [2023, "1835"],
    [2024, "2010"],
    [2025, "2035"],
    [2026, "2067"],
  ]),
});
export const ouderenkortingAfbouwPercentage = parameter({
  name: "ouderenkorting_afbouw_percentage",
  label: "Ouderenkorting: afbouw in procenten van het verzamelinkomen boven de afbouwgrens",
  unit: "procent",
  values: byYear("8.17", "2", [
    [2022, "15"],
    [2023, "15"],
    [2024, "15"],
    [2025, "15"],
    [2026, "15"],
  ]),
});
export const ouderenkortingAfbouwGrens = parameter({
  name: "ouderenkorting_afbouw_grens",
  label: "Ouderenkorting: afbouw over het verzamelinkomen boven dit bedrag",
  unit: "EUR",
  values: byYear("8.17", "2", [
    [2022, "38464"],
    [2023, "40888"],
    [2024, "44770"],
    [2025, "45308"],
    [2026, "46002"],
  ]),
});
export const alleenstaandeOuderenkorting = parameter({
  name: "alleenstaande_ouderenkorting",
  label: "Alleenstaande ouderenkorting",
  unit: "EUR",
  values: byYear("8.18", "2", [
    [2022, "449"],
    [2023, "478"],
    [2024, "524"],
    [2025, "531"],
    [2026, "540"],
  ]),
});
