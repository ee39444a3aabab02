/**
 * Cell addresses: "AB12" <-> (row, column), 1-based as in Excel, within Excel's limits
 * (XFD1048576). A cell's key packs row and column into one number for fast lookups.
 */
export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** One rectangle of cells on one sheet (inclusive bounds, 1-based). */
export interface Area {
  readonly sheet: number;
  readonly r1: number;
  readonly c1: number;
  readonly r2: number;
  readonly c2: number;
}

export function cellKey(row: number, col: number): number {
  return row * 16385 + col;
}

export function columnLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The column number of letters such as "AB" (case-insensitive); 0 when they are not letters. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    const code = letters.charCodeAt(i) | 0x20;
    if (code < 97 || code > 122) return 0;
    n = n * 26 + (code - 96);
  }
  return n;
}

export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** "AB12" as (row, column), or null when it is not an address. Limits are the caller's check. */
export function parseA1(text: string): { row: number; col: number } | null {
  let i = 0;
  let col = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i) | 0x20;
    if (code < 97 || code > 122) break;
    col = col * 26 + (code - 96);
    i++;
  }
  if (i === 0 || i > 3 || i === text.length) return null;
  let row = 0;
  for (; i < text.length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
  }
  return row > 0 ? { row, col } : null;
}

export function withinSheet(row: number, col: number): boolean {
  return row >= 1 && row <= MAX_ROWS && col >= 1 && col <= MAX_COLUMNS;
}

export function areaContains(area: Area, sheet: number, row: number, col: number): boolean {
  return area.sheet === sheet && row >= area.r1 && row <= area.r2 && col >= area.c1 && col <= area.c2;
}

/** How many cells an area spans (a double: a whole sheet is 17 billion). */
export function cellCount(area: Area): number {
  return (area.r2 - area.r1 + 1) * (area.c2 - area.c1 + 1);
}

export function areasOverlap(a: Area, b: Area): boolean {
  return a.sheet === b.sheet && a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

/** "A1:B2" (or "A1") as an area on `sheet`; null when malformed. */
export function parseRange(text: string, sheet: number): Area | null {
  const [from, to = from] = text.split(":");
  const a = parseA1(from.replace(/\$/g, ""));
  const b = parseA1(to.replace(/\$/g, ""));
  if (!a || !b) return null;
  return {
    sheet,
    r1: Math.min(a.row, b.row),
    c1: Math.min(a.col, b.col),
    r2: Math.max(a.row, b.row),
    c2: Math.max(a.col, b.col),
  };
}
