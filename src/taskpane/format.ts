/** Dutch number formatting for the task pane: € 1.234,56. */
const euro = new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR", minimumFractionDigits: 2 });

export function formatEuro(value: { toNumber(): number } | number): string {
  const n = typeof value === "number" ? value : value.toNumber();
  return euro.format(n);
}

/** Reads a Dutch or English typed amount: "1.234,56", "1234.56", "-500". Returns null if it is not one. */
export function parseAmount(text: string): number | null {
  const t = text.trim().replace(/^€\s*/, "").replace(/\s/g, "");
  if (t === "") return null;
  let normal = t;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t) || /^-?\d+,\d+$/.test(t)) normal = t.replace(/\./g, "").replace(",", ".");
  else if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(normal);
  return Number.isFinite(n) ? n : null;
}
