/**
 * Excel's rounding functions for HyperFormula, in place of its own (which work on the binary value:
 * see excelNumbers.ts): ROUND, ROUNDUP, ROUNDDOWN, TRUNC, FLOOR, CEILING, their .MATH and .PRECISE
 * forms and ISO.CEILING, and INT. The signs, defaults and errors are HyperFormula's, which follow
 * Excel's help, except the mode of FLOOR.MATH and CEILING.MATH: any mode but 0 reverses the
 * direction for a negative number, as in Excel (HyperFormula only took a mode of 1), and INT of a
 * negative number, which HyperFormula cut toward zero. INT stays on the binary value (whether Excel
 * takes INT(4766,69 × 100) as 476668 or 476669 could not be checked here). MROUND stays HyperFormula's:
 * LibreOffice, the peer on this machine, takes its binary quotient too (MROUND(1,005; 0,01) is 1
 * there, beside ROUND(1,005; 2) = 1,01), and what Excel does could not be checked here.
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin } from "hyperformula";
import { excelMultiple, excelRound, RoundingMode } from "./excelNumbers";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Ast = { procedureName: string; args: any[] };

const NUMBER = { argumentType: FunctionArgumentType.NUMBER };
const numberOr = (defaultValue: number) => ({ argumentType: FunctionArgumentType.NUMBER, defaultValue });

const distinctSigns = () => new CellError(ErrorType.NUM, "Distinct signs.");

export class ExcelRoundingPlugin extends FunctionPlugin {
  static implementedFunctions = {
    ROUND: { method: "round", parameters: [NUMBER, numberOr(0)] },
    ROUNDUP: { method: "roundup", parameters: [NUMBER, numberOr(0)] },
    ROUNDDOWN: { method: "rounddown", parameters: [NUMBER, numberOr(0)] },
    TRUNC: { method: "trunc", parameters: [NUMBER, numberOr(0)] },
    FLOOR: { method: "floor", parameters: [NUMBER, NUMBER] },
    CEILING: { method: "ceiling", parameters: [NUMBER, NUMBER] },
    "FLOOR.MATH": { method: "floormath", parameters: [NUMBER, numberOr(1), numberOr(0)] },
    "CEILING.MATH": { method: "ceilingmath", parameters: [NUMBER, numberOr(1), numberOr(0)] },
    "FLOOR.PRECISE": { method: "floorprecise", parameters: [NUMBER, numberOr(1)] },
    "CEILING.PRECISE": { method: "ceilingprecise", parameters: [NUMBER, numberOr(1)] },
    "ISO.CEILING": { method: "isoceiling", parameters: [NUMBER, numberOr(1)] },
    INT: { method: "int", parameters: [NUMBER] },
  };

  /** The functions' names, as HyperFormula's translations want them (the file syntax is English). */
  static readonly names = Object.keys(ExcelRoundingPlugin.implementedFunctions);

  private run(name: string, ast: Ast, state: any, fn: (...args: number[]) => number | CellError): unknown {
    return this.runFunction(ast.args, state, this.metadata(name), fn);
  }

  private digits(name: string, mode: RoundingMode, ast: Ast, state: any): unknown {
    return this.run(name, ast, state, (value, places) => excelRound(value, places, mode));
  }

  round(ast: Ast, state: any): unknown {
    return this.digits("ROUND", "half-away-from-zero", ast, state);
  }

  roundup(ast: Ast, state: any): unknown {
    return this.digits("ROUNDUP", "away-from-zero", ast, state);
  }

  rounddown(ast: Ast, state: any): unknown {
    return this.digits("ROUNDDOWN", "toward-zero", ast, state);
  }

  trunc(ast: Ast, state: any): unknown {
    return this.digits("TRUNC", "toward-zero", ast, state);
  }

  /** FLOOR and CEILING: 0 stays 0, a significance of 0 is #DIV/0!, a positive number with a negative one #NUM!. */
  private classic(name: string, mode: "down" | "up", ast: Ast, state: any): unknown {
    return this.run(name, ast, state, (value, significance) => {
      if (value === 0) return 0;
      if (significance === 0) return new CellError(ErrorType.DIV_BY_ZERO);
      if (value > 0 && significance < 0) return distinctSigns();
      return excelMultiple(value, significance, mode);
    });
  }

  floor(ast: Ast, state: any): unknown {
    return this.classic("FLOOR", "down", ast, state);
  }

  ceiling(ast: Ast, state: any): unknown {
    return this.classic("CEILING", "up", ast, state);
  }

  /** The .MATH forms: the significance's sign is ignored; a mode other than 0 reverses the direction for a negative number. */
  private math(name: string, mode: "down" | "up", ast: Ast, state: any): unknown {
    return this.run(name, ast, state, (value, significance, reverse) => {
      if (significance === 0 || value === 0) return 0;
      const step = reverse !== 0 && value < 0 ? -Math.abs(significance) : Math.abs(significance);
      return excelMultiple(value, step, mode);
    });
  }

  floormath(ast: Ast, state: any): unknown {
    return this.math("FLOOR.MATH", "down", ast, state);
  }

  ceilingmath(ast: Ast, state: any): unknown {
    return this.math("CEILING.MATH", "up", ast, state);
  }

  /** The .PRECISE forms and ISO.CEILING: the significance's sign is ignored. */
  private precise(name: string, mode: "down" | "up", ast: Ast, state: any): unknown {
    return this.run(name, ast, state, (value, significance) =>
      significance === 0 || value === 0 ? 0 : excelMultiple(value, Math.abs(significance), mode),
    );
  }

  floorprecise(ast: Ast, state: any): unknown {
    return this.precise("FLOOR.PRECISE", "down", ast, state);
  }

  ceilingprecise(ast: Ast, state: any): unknown {
    return this.precise("CEILING.PRECISE", "up", ast, state);
  }

  isoceiling(ast: Ast, state: any): unknown {
    return this.precise("ISO.CEILING", "up", ast, state);
  }

  /** INT: down to the whole number below, also for a negative number (Excel's INT(-8,9) is -9; HyperFormula cut toward zero: -8). */
  int(ast: Ast, state: any): unknown {
    return this.run("INT", ast, state, (value) => Math.floor(value) || 0);
  }
}
