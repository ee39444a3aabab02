/**
 * The exit codes of `nl-aftrek`, as `--help` and the README list them. Each command gives 0 when
 * all went well; what 1 means is the command's own (eval: the result is an error value; controleer:
 * there are findings; recalc: refused before anything was written); 2 is a file or folder that
 * could not be read or written (the others are done).
 */

/** `recalc`: every file was written, but some cells kept their old value (they are listed). */
export const NOT_ALL_RECALCULATED = 3;

/** What every command may end with besides its own codes: an error in NL Aftrek itself. */
export const EXIT_INTERNAL = 4;
