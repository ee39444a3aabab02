/**
 * Inkomensafhankelijke bijdrage Zorgverzekeringswet for ondernemers (art. 43–45 Zvw): a percentage
 * of the bijdrage-inkomen up to a maximum. The law leaves both to a yearly ministerial regulation
 * (art. 43 and 44 Zvw; Regeling zorgverzekering); the Belastingdienst publishes
 * them per year. The "lage" percentage is the one an ondernemer pays over his belastbare winst.
 * 2027 is not yet known.
 */
import { belastingdienst, parameter } from "./parameter";

const ZVW_PAGE =
  "https://www.belastingdienst.nl/wps/wcm/connect/bldcontentnl/belastingdienst/prive/werk_en_inkomen/zorgverzekeringswet/veranderingen-bijdrage-zvw/";
const at = (value: string, year: number, article: string, regulation: string) =>
  belastingdienst(value, ZVW_PAGE, `${article} Zvw`, `Vastgesteld voor ${year} in de ${regulation}.`);

export const zvwPercentage = parameter({
  name: "zvw_percentage",
  label: "Inkomensafhankelijke bijdrage Zvw voor ondernemers: percentage van het bijdrage-inkomen",
  unit: "procent",
  values: {
    2022: at("5.50", 2022, "art. 43", "Regeling zorgverzekering"),
    2023: at("5.43", 2023, "art. 43", "Regeling zorgverzekering, Stcrt. 2022, 30233"),
    2024: at("5.32", 2024, "art. 43", "Regeling zorgverzekering, Stcrt. 2023, 31461"),
    2025: at("5.26", 2025, "art. 43", "Regeling zorgverzekering"),
    2026: at("4.85", 2026, "art. 43", "Regeling zorgverzekering"),
  },
});
export const zvwMaximumBijdrageInkomen = parameter({
  name: "zvw_maximum_bijdrage_inkomen",
  label: "Inkomensafhankelijke bijdrage Zvw: maximum bijdrage-inkomen",
  unit: "EUR",
  values: {
    2022: at("59706", 2022, "art. 44", "Regeling zorgverzekering"),
    2023: at("66956", 2023, "art. 44", "Regeling zorgverzekering, Stcrt. 2022, 30233"),
    2024: at("71628", 2024, "art. 44", "Regeling zorgverzekering, Stcrt. 2023, 31461"),
    2025: at("75864", 2025, "art. 44", "Regeling zorgverzekering"),
    2026: at("79409", 2026, "art. 44", "Regeling zorgverzekering"),
  },
});
