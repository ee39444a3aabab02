/** How the command line writes durations, in Dutch (counts: dutchCount in rules/dutch.ts). */

/** Seconds with at most one decimal, Dutch (1,5; 2). */
export const seconds = (ms: number): string => String(Math.round(ms / 100) / 10).replace(".", ",");
