/**
 * Whole numbers of cents for property tests of how amounts cross the Excel boundary: small ones
 * (every size near zero) and large ones up to `largest` (where doubles stop holding every cent).
 */
import fc from "fast-check";

export function wholeCents(small: number, largest: number): fc.Arbitrary<number> {
  return fc.oneof(
    fc.integer({ min: -small, max: small }),
    fc.double({ min: -largest, max: largest, noNaN: true }).map(Math.trunc),
  );
}
