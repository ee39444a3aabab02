/**
 * Numbers in the text a Dutch reader sees (the steps of an "Uitleg", the messages of an error): a
 * decimal comma and a point between thousands, as in the law and in Dutch Excel (2.470, 12,7,
 * 1.225 uur, -1.000,5). Exact: every digit the value has, never rounded, never an exponent.
 */
import Decimal from "decimal.js";

/** Decimals that write every digit as it is: no exponent however small or large (and no rounding). */
const Written = Decimal.clone({ toExpNeg: -9e15, toExpPos: 9e15 });

export function dutchNumber(value: Decimal): string {
  // Decimal's own text, unless that has an exponent (below 10^-7, from 10^21 on): then written out.
  let text = value.toString();
  if (text.includes("e")) text = new Written(value).toString();
  const negative = text.charCodeAt(0) === 45; // "-"
  const dot = text.indexOf(".");
  const whole = text.slice(negative ? 1 : 0, dot < 0 ? text.length : dot);
  // A point before every third digit from the right (a loop: this runs for every step of an Uitleg).
  let grouped = whole;
  if (whole.length > 3) {
    let i = whole.length % 3 || 3;
    grouped = whole.slice(0, i);
    for (; i < whole.length; i += 3) grouped += `.${whole.slice(i, i + 3)}`;
  }
  const sign = negative && !value.isZero() ? "-" : "";
  return dot < 0 ? sign + grouped : `${sign}${grouped},${text.slice(dot + 1)}`;
}

/**
 * A count (or any other JS number) as Dutch text, as dutchNumber writes it: 300.000, 2,5. Not
 * through toLocaleString: the first use of the locale data costs some 20 ms, on the path of every
 * recalculation.
 */
export function dutchCount(n: number): string {
  return dutchNumber(new Decimal(n));
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
