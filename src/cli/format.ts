/** How the command line writes numbers and durations: Dutch, as a bookkeeper reads them. */
import { dutchCount } from "../rules/dutch";

/** A count as Dutch text (300.000), as the rules spell their numbers. */
export const nl = dutchCount;

/** Seconds with at most one decimal, Dutch (1,5; 2). */
export const seconds = (ms: number): string => String(Math.round(ms / 100) / 10).replace(".", ",");
