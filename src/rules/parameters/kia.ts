/**
 * Kleinschaligheidsinvesteringsaftrek: the table of art. 3.41 lid 2 (lid 1 is the choice to apply it) and the per-asset minimum of
 * art. 3.45 lid 2 Wet IB 2001. The law's rows read "meer dan X, maar niet meer dan Y": every upper
 * bound is inclusive. The phase-out is measured from the end of the fixed band.
 */
import { parameter, wetIb } from "./parameter";

const art = "3.41";

export const kiaOndergrens = parameter({
  name: "kia_ondergrens",
  label: "KIA: investeringsbedrag tot en met dit bedrag geeft geen aftrek",
  unit: "EUR",
  values: {
    2022: wetIb("2400", 2022, art, "2"),
    2023: wetIb("2600", 2023, art, "2"),
    2024: wetIb("2800", 2024, art, "2"),
    2025: wetIb("2900", 2025, art, "2"),
    2026: wetIb("2900", 2026, art, "2"),
  },
});

export const kiaPercentage = parameter({
  name: "kia_percentage",
  label: "KIA: percentage van het investeringsbedrag in de eerste schijf",
  unit: "procent",
  values: {
    2022: wetIb("28", 2022, art, "2"),
    2023: wetIb("28", 2023, art, "2"),
    2024: wetIb("28", 2024, art, "2"),
    2025: wetIb("28", 2025, art, "2"),
    2026: wetIb("28", 2026, art, "2"),
  },
});

export const kiaEindePercentage = parameter({
  name: "kia_einde_percentage",
  label: "KIA: hoogste investeringsbedrag waarover het percentage geldt",
  unit: "EUR",
  values: {
    2022: wetIb("59939", 2022, art, "2"),
    2023: wetIb("63716", 2023, art, "2"),
    2024: wetIb("69765", 2024, art, "2"),
    2025: wetIb("70602", 2025, art, "2"),
    2026: wetIb("71683", 2026, art, "2"),
  },
});

export const kiaVastBedrag = parameter({
  name: "kia_vast_bedrag",
  label: "KIA: vast bedrag in de tweede schijf (ook het beginpunt van de afbouw)",
  unit: "EUR",
  values: {
    2022: wetIb("16784", 2022, art, "2"),
    2023: wetIb("17841", 2023, art, "2"),
    2024: wetIb("19535", 2024, art, "2"),
    2025: wetIb("19769", 2025, art, "2"),
    2026: wetIb("20072", 2026, art, "2"),
  },
});

export const kiaEindeVast = parameter({
  name: "kia_einde_vast",
  label: "KIA: hoogste investeringsbedrag met het vaste bedrag; de afbouw telt vanaf hier",
  unit: "EUR",
  values: {
    2022: wetIb("110998", 2022, art, "2"),
    2023: wetIb("117991", 2023, art, "2"),
    2024: wetIb("129194", 2024, art, "2"),
    2025: wetIb("130744", 2025, art, "2"),
    2026: wetIb("132746", 2026, art, "2"),
  },
});

export const kiaAfbouwPercentage = parameter({
  name: "kia_afbouw_percentage",
  label: "KIA: afbouwpercentage over het deel boven het einde van de tweede schijf",
  unit: "procent",
  values: {
    2022: wetIb("7.56", 2022, art, "2"),
    2023: wetIb("7.56", 2023, art, "2"),
    2024: wetIb("7.56", 2024, art, "2"),
    2025: wetIb("7.56", 2025, art, "2"),
    2026: wetIb("7.56", 2026, art, "2"),
  },
});

export const kiaBovengrens = parameter({
  name: "kia_bovengrens",
  label: "KIA: boven dit investeringsbedrag is er geen aftrek",
  unit: "EUR",
  values: {
    2022: wetIb("332994", 2022, art, "2"),
    2023: wetIb("353973", 2023, art, "2"),
    2024: wetIb("387580", 2024, art, "2"),
    2025: wetIb("392230", 2025, art, "2"),
    2026: wetIb("398236", 2026, art, "2"),
  },
});

export const kiaMinimumBedrijfsmiddel = parameter({
  name: "kia_minimum_bedrijfsmiddel",
  label: "KIA: een bedrijfsmiddel van minder dan dit bedrag telt niet mee",
  unit: "EUR",
  values: {
    2022: wetIb("450", 2022, "3.45", "2"),
    2023: wetIb("450", 2023, "3.45", "2"),
    2024: wetIb("450", 2024, "3.45", "2"),
    2025: wetIb("450", 2025, "3.45", "2"),
    2026: wetIb("450", 2026, "3.45", "2"),
  },
});
