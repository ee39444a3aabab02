/**
 * The two ways a rule can refuse to answer. The functions layer maps them to Excel errors:
 * `InvalidInputError` -> #VALUE!, `NotCoveredError` -> #N/A. Messages are Dutch: users read them.
 */
export class InvalidInputError extends Error {
  constructor(
    readonly argument: string,
    message: string,
  ) {
    super(message);
    this.name = "InvalidInputError";
  }
}

export class NotCoveredError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotCoveredError";
  }
}

/** "2022–2026" for a contiguous list, "2022, 2024" otherwise. */
export function describeYears(years: readonly number[]): string {
  if (years.length === 0) return "geen";
  const sorted = [...years].sort((a, b) => a - b);
  const contiguous = sorted.every((y, i) => i === 0 || y === sorted[i - 1] + 1);
  if (contiguous && sorted.length > 2) return `${sorted[0]}–${sorted[sorted.length - 1]}`;
  return sorted.join(", ");
}
