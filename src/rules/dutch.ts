/**
 * Numbers in the text a Dutch reader sees (the steps of an "Uitleg", the messages of an error): a
 * decimal comma and a point between thousands, as in the law and in Dutch Excel (2.470, 12,7,
 * 1.225 uur, -1.000,5). Exact: every digit the value has, never rounded, never an exponent.
 */
import Decimal from "decimal.js";

export function dutchNumber(value: Decimal): string {
  const [whole, fraction] = value.abs().toFixed().split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const sign = value.isNegative() && !value.isZero() ? "-" : "";
  return `${sign}${grouped}${fraction === undefined ? "" : `,${fraction}`}`;
}

/**
 * A text with its Decimal values written as dutchNumber writes them; other values (years, counts,
 * names) as they are: nl`${percentage}% van ${inkomen}` is "12,7% van 38.441".
 */
export function nl(strings: TemplateStringsArray, ...values: unknown[]): string {
  let text = strings[0];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    text += (Decimal.isDecimal(v) ? dutchNumber(v as Decimal) : String(v)) + strings[i + 1];
  }
  return text;
}
