/** Number formats for the task pane: € 1.234,56 in Dutch, €1,234.56 in English. */
import type { Lang } from "./i18n";

const formatters: Record<Lang, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR", minimumFractionDigits: 2 }),
  en: new Intl.NumberFormat("en-GB", { style: "currency", currency: "EUR", minimumFractionDigits: 2 }),
};

const whole: Record<Lang, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR", maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat("en-GB", { style: "currency", currency: "EUR", maximumFractionDigits: 0 }),
};
const percent: Record<Lang, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat("nl-NL", { style: "percent", maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 1 }),
};

/** Whole euros, for chart axes: € 22.000 in Dutch, €22,000 in English. */
export function formatEuroWhole(value: number, lang: Lang = "nl"): string {
  return whole[lang].format(value).replace(/\u00a0/g, " ");
}

/** A fraction as a percentage: 0,495 is "49,5%" in Dutch. */
export function formatPercent(value: { toNumber(): number } | number, lang: Lang = "nl"): string {
  const n = typeof value === "number" ? value : value.toNumber();
  return percent[lang].format(n).replace(/\u00a0/g, " ");
}

export function formatEuro(value: { toNumber(): number } | number, lang: Lang = "nl"): string {
  const n = typeof value === "number" ? value : value.toNumber();
  return formatters[lang].format(n).replace(/\u00a0/g, " ");
}

/** Reads a typed amount: "1.234,56", "1234,56", "1234.56", "-500", "€ 40.000". Null if it is not one. */
export function parseAmount(text: string): number | null {
  const t = text.trim().replace(/^€\s*/, "").replace(/\s/g, "");
  if (t === "") return null;
  let normal: string;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t) || /^-?\d+(,\d+)?$/.test(t))
    normal = t.replace(/\./g, "").replace(",", ".");
  else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) normal = t.replace(/,/g, "");
  else if (/^-?\d+\.\d+$/.test(t)) normal = t;
  else return null;
  const n = Number(normal);
  return Number.isFinite(n) ? n : null;
}

/** The parts Dutch tax words are compounded of: a line may break there, with a hyphen. */
const JOINTS =
  /(?<=\p{L}{3})(aftrek|korting|investerings|afhankelijke|ongeschiktheid|aanpassing|vrijstelling|bijdrage|inkomen|winst)/gu;

/**
 * A label for a narrow column: soft hyphens at the joints of compound words, so that
 * "Kleinschaligheidsinvesteringsaftrek" breaks as "Kleinschaligheids-/investerings-/aftrek" and never
 * in the middle of a part. Only for display: cells written into a workbook get the plain text.
 */
export function hyphenate(text: string): string {
  return text.replace(JOINTS, "\u00ad$1");
}
