/** How the command line writes numbers and durations: Dutch, as a bookkeeper reads them. */
import Decimal from "decimal.js";
import { dutchNumber } from "../rules/dutch";

/**
 * A count as Dutch text (300.000), as the rules spell their numbers. Not through toLocaleString:
 * loading the locale data costs some 20 ms, a tenth of a small recalculation.
 */
export const nl = (n: number): string => dutchNumber(new Decimal(n));

/** Seconds with at most one decimal, Dutch (1,5; 2). */
export const seconds = (ms: number): string => String(Math.round(ms / 100) / 10).replace(".", ",");
