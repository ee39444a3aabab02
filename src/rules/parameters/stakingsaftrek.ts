/**
 * Stakingsaftrek (art. 3.79) and the desinvesteringsbijtelling (art. 3.47) Wet IB 2001.
 * 2027 is left out: a cut of the stakingsaftrek is announced but not enacted.
 */
import { everyYear, parameter, wetIb, YEARS_2022_2026 } from "./parameter";

const years = (value: string, art: string) => everyYear(wetIb, value, art);

export const stakingsaftrekMaximum = parameter({
  name: "stakingsaftrek",
  label: "Stakingsaftrek: hoogstens dit bedrag, verminderd met eerder genoten stakingsaftrek",
  unit: "EUR",
  values: years("3630", "3.79"),
});

export const desinvesteringDrempel = parameter({
  name: "desinvestering_drempel",
  label: "Desinvesteringsbijtelling alleen als de overdrachtsprijzen van het jaar samen meer zijn dan dit bedrag",
  unit: "EUR",
  values: {
    // Earlier years too: by art. 3.51 a disposal in 2024 of a 2020 investment follows the rules of 2020.
    2020: wetIb("2400", 2020, "3.47", "1"),
    2021: wetIb("2400", 2021, "3.47", "1"),
    2022: wetIb("2400", 2022, "3.47", "1"),
    2023: wetIb("2600", 2023, "3.47", "1"),
    2024: wetIb("2800", 2024, "3.47", "1"),
    2025: wetIb("2900", 2025, "3.47", "1"),
    2026: wetIb("2900", 2026, "3.47", "1"),
  },
});

export const desinvesteringTermijn = parameter({
  name: "desinvestering_termijn",
  label: "Desinvesteringsbijtelling bij vervreemding binnen zoveel jaren na het begin van het investeringsjaar",
  unit: "jaren",
  values: everyYear(wetIb, "5", "3.47", [2020, 2021, ...YEARS_2022_2026]),
});
