/** MKB-winstvrijstelling: art. 3.79a Wet IB 2001, a percentage of the winst after ondernemersaftrek. */
import { parameter, wetIb } from "./parameter";

const art = "3.79a";

export const mkbPercentage = parameter({
  name: "mkb_winstvrijstelling_percentage",
  label: "MKB-winstvrijstelling: percentage van de winst na ondernemersaftrek",
  unit: "procent",
  values: {
    2022: wetIb("14", 2022, art),
    2023: wetIb("14", 2023, art),
    2024: wetIb("13.31", 2024, art),
    2025: wetIb("12.7", 2025, art),
    2026: wetIb("12.7", 2026, art),
    2027: wetIb("12.7", 2027, art, undefined, "Geen wijziging vastgesteld voor 2027; de wet van 2026 geldt voort."),
  },
});
