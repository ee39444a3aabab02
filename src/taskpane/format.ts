/** Number formats for the task pane: € 1.234,56 in Dutch, €1,234.56 in English. */
import type { Lang } from "./i18n";

const formatters: Record<Lang, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR", minimumFractionDigits: 2 }),
  en: new Intl.NumberFormat("en-GB", { style: "currency", currency: "EUR", minimumFractionDigits: 2 }),
};

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
