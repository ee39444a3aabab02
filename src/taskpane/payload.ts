/**
 * The size of what goes to and comes from Excel in one request. Excel on the web refuses a request
 * or a response larger than 5 MB (RequestPayloadSizeLimitExceeded /
 * ResponsePayloadSizeLimitExceeded), and every Excel a read of more than 5.000.000 cells; so big
 * reads and writes go in batches measured in bytes, not in a fixed number of rows.
 */

/** What one batch may carry: 4 MB, under the 5 MB of Excel on the web with room for the envelope. */
export const PAYLOAD_BUDGET = 4_000_000;

/** Cells one read may hold (Excel: at most 5.000.000 per read). */
export const CELLS_PER_READ = 1_000_000;

/** The bytes of a value as JSON in UTF-8, as it travels between the page and Excel. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? "";
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) bytes += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
  }
  return bytes;
}

/** Whether Excel refused a request for its size (so a smaller batch may go through). */
export function refusedForSize(error: unknown): boolean {
  const code = error && typeof error === "object" ? String((error as { code?: unknown }).code ?? "") : "";
  return /PayloadSizeLimitExceeded|RangeExceedsLimit|OperationCellsExceedLimit/i.test(code);
}

/**
 * How many rows the next read takes, from what earlier reads of this range measured: the largest
 * size per row seen so far (a later part of a sheet may have longer texts), and half as many after
 * a refusal.
 */
export class RowBatches {
  private bytesPerRow: number;
  private guessed = true;

  constructor(
    private readonly columns: number,
    /** A first guess of the bytes of one cell, before anything is measured. */
    bytesPerCell = 64,
    private readonly budget = PAYLOAD_BUDGET,
  ) {
    this.bytesPerRow = Math.max(1, columns) * bytesPerCell;
  }

  /** Rows for the next read, at most `left`. */
  next(left: number): number {
    const byBytes = Math.floor(this.budget / this.bytesPerRow);
    const byCells = Math.floor(CELLS_PER_READ / Math.max(1, this.columns));
    return Math.max(1, Math.min(left, byBytes, byCells));
  }

  /** What a read of `rows` rows measured. */
  measured(rows: number, bytes: number): void {
    const perRow = Math.max(1, bytes / Math.max(1, rows));
    this.bytesPerRow = this.guessed ? perRow : Math.max(this.bytesPerRow, perRow);
    this.guessed = false;
  }

  /** Excel refused a read of `rows` rows: next time half as many. */
  refused(rows: number): void {
    this.bytesPerRow = Math.max(this.bytesPerRow, (this.budget / Math.max(1, rows)) * 2);
    this.guessed = false;
  }
}

/**
 * Items cut into batches that each stay under the budget, by the size `bytes` gives each item
 * (and at most `count` items a batch).
 */
export function batchesBySize<T>(items: readonly T[], bytes: (item: T) => number, count = Infinity): T[][] {
  const batches: T[][] = [];
  let batch: T[] = [];
  let size = 0;
  for (const item of items) {
    const b = bytes(item);
    if (batch.length && (size + b > PAYLOAD_BUDGET || batch.length >= count)) {
      batches.push(batch);
      batch = [];
      size = 0;
    }
    batch.push(item);
    size += b;
  }
  if (batch.length) batches.push(batch);
  return batches;
}
