/**
 * Excel's limits on a formula, the depth of tree this thread can walk, and the errors of a formula
 * that cannot be read: FormulaSyntaxError (with where in the text), FormulaTooDeep (fine for a
 * thread with a larger stack).
 */
export class FormulaSyntaxError extends Error {
  constructor(
    message: string,
    /** Where in the formula text (0-based); -1 when the whole formula is meant. */
    readonly position: number,
  ) {
    super(message);
    this.name = "FormulaSyntaxError";
  }
}

/**
 * A formula deeper than the thread that reads it can walk: the tree is fine, the stack is not (see
 * allowDeepFormulas). Readers that can move the work to a thread with a larger stack do so.
 */
export class FormulaTooDeep extends FormulaSyntaxError {}

/**
 * Excel's own limits on a formula (Microsoft, "Excel specifications and limits", calculation
 * specifications: "Length of formula contents 8,192 characters", "Internal length of formula
 * 16,384 bytes", "Arguments in a function 255", "Nested levels of functions 64";
 * https://support.microsoft.com/en-us/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
 * A file may hold more (a generated or hostile one): such a formula is not one Excel can have, and
 * it is refused with a message that names Excel's limit. Operators are not limited by Excel other
 * than by the length: a chain of 4.000 additions is a legal formula, and is read and computed.
 */
export const FORMULA_LIMITS = {
  /** Characters of a formula as a user sees it in Excel. */
  excelLength: 8192,
  /**
   * Characters of a formula as stored: the file spells out more than a user sees (`_xlfn.`,
   * `_xldudf_NL_`, sheet names in quotes), so Excel's internal 16.384 rather than its 8.192.
   */
  length: 16384,
  /** Functions inside functions (IF(IF(…)) is two levels). */
  functions: 64,
  /** Arguments of one function. */
  arguments: 255,
  /**
   * Levels of the tree (a chain of 600 additions is 600 deep; parentheses and prefix operators
   * are levels too) that a thread with Node's default stack walks safely: every walker recurses,
   * HyperFormula's evaluator too. A deeper formula is read by a thread with a larger stack.
   */
  depth: 500,
  /**
   * Of those, the parentheses, arguments and prefix operators the parser itself descends into on
   * such a thread (some fifteen calls each).
   */
  nesting: 128,
  /** The levels of either kind in a thread started with DEEP_STACK_MB (no formula within `length` is this deep). */
  deepDepth: 20000,
} as const;

/** The levels this thread walks (FORMULA_LIMITS.depth, or deepDepth after allowDeepFormulas). */
let stackDepth: number = FORMULA_LIMITS.depth;
/** The nesting the parser descends into on this thread (FORMULA_LIMITS.nesting, or deepDepth). */
let parserDepth: number = FORMULA_LIMITS.nesting;

/** The levels of a tree this thread walks: describe refuses a deeper one. */
export function treeDepthLimit(): number {
  return stackDepth;
}

/** The nesting the parser descends into on this thread. */
export function parserNestingLimit(): number {
  return parserDepth;
}

/**
 * For a thread started with a large stack (DEEP_STACK_MB): every formula within Excel's length is
 * read, however deep its tree.
 */
export function allowDeepFormulas(): void {
  stackDepth = parserDepth = FORMULA_LIMITS.deepDepth;
}

/** Whether this thread reads formulas of any depth (see allowDeepFormulas). */
export function deepFormulasAllowed(): boolean {
  return stackDepth === FORMULA_LIMITS.deepDepth;
}

/** The stack a thread needs to walk every formula of FORMULA_LIMITS.deepDepth levels (measured: 64 MB held 16.384 nested parentheses). */
export const DEEP_STACK_MB = 256;

/** The error for a formula deeper than this thread reads (`levels`: its limit). */
export const tooDeep = (levels: number) =>
  new FormulaTooDeep(
    `de formule is dieper dan ${levels.toLocaleString("nl-NL")} niveaus (haakjes, bewerkingen of tekens voor een getal in elkaar) en is hier niet te rekenen`,
    -1,
  );
