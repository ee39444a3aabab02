/**
 * A problem with a workbook file itself (not with a formula in it). The message is Dutch, names
 * the file and says what is wrong; the CLI shows it and exits with code 2, writing nothing.
 */
export class WorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookError";
  }
}

/** What is wrong with a file, in words for the user (the file name is added by `refuse`). */
export function refuse(file: string, what: string): WorkbookError {
  return new WorkbookError(`${file}: ${what}`);
}
