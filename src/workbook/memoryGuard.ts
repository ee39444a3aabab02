/**
 * A check before the reader's big allocations (a part inflated and decoded: a few hundred MB in
 * one native call, which nothing can interrupt half-way). By default there is none; the CLI's file
 * workers install one that refuses what would take the process over its memory budget
 * (src/cli/memoryBudget.ts), before it is allocated.
 */
let guard: (bytes: number) => void = () => undefined;

export function setMemoryGuard(check: (bytes: number) => void): void {
  guard = check;
}

/** Throws (the guard's error) when `bytes` more would not fit. */
export function beforeAllocating(bytes: number): void {
  guard(bytes);
}
