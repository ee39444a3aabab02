/**
 * Every rule returns `{ value, trace }`. The trace is what the task pane shows as "Uitleg": the
 * steps in Dutch, the parameters used with their source, the year and the engine version.
 */
import Decimal from "decimal.js";
import { describeYears, NotCoveredError } from "./errors";
import { coveredYears, Parameter, resolvedValue, Source } from "./parameters/parameter";
import { Money } from "./money";
import { ENGINE_VERSION, PARAMETERS_CHECKED_ON } from "./version";

export interface TraceStep {
  /** One line in Dutch, e.g. "Totaal investeringen die meetellen". */
  readonly label: string;
  /** The value as an exact decimal string ("812.28"), or "WAAR"/"ONWAAR". */
  readonly value: string;
  /** Where a step that is not a parameter comes from (a rule of practice, e.g. the aanslag's rounding). */
  readonly source?: Source;
}

export interface TraceParameter {
  readonly name: string;
  readonly label: string;
  readonly year: number;
  readonly value: string;
  readonly source: Source;
}

export interface Trace {
  /** Stable rule id, e.g. "kia". */
  readonly rule: string;
  /** Dutch title, e.g. "Kleinschaligheidsinvesteringsaftrek". */
  readonly title: string;
  readonly article: string;
  readonly year: number | null;
  readonly steps: readonly TraceStep[];
  readonly parameters: readonly TraceParameter[];
  /** Traces of the rules this one was built from (the chain). */
  readonly parts: readonly Trace[];
  readonly engineVersion: string;
  readonly parametersCheckedOn: string;
}

export interface RuleResult<T> {
  readonly value: T;
  readonly trace: Trace;
}

/** A rule's result with more fields beside value and trace (cheaper than spreading the result). */
export function resultWith<T, X extends object>(result: RuleResult<T>, extra: X): RuleResult<T> & X {
  return Object.assign({ value: result.value, trace: result.trace }, extra);
}

export function show(value: Decimal | boolean): string {
  if (typeof value === "boolean") return value ? "WAAR" : "ONWAAR";
  return value.toString();
}

let tracing = true;
let capturing = false;

/**
 * Runs `fn` without collecting traces: for callers that only need the value (the Excel functions;
 * the task pane asks for the trace when it explains a cell). Rules give the same values either way.
 */
export function untraced<T>(fn: () => T): T {
  // Inside captureTrace the trace is what is asked for.
  if (capturing) return fn();
  const before = tracing;
  tracing = false;
  try {
    return fn();
  } finally {
    tracing = before;
  }
}

let lastTrace: Trace | null = null;

/** The trace of a rule evaluated without tracing: empty, shared. */
const UNTRACED: Trace = Object.freeze({
  rule: "",
  title: "",
  article: "",
  year: null,
  steps: [],
  parameters: [],
  parts: [],
  engineVersion: ENGINE_VERSION,
  parametersCheckedOn: PARAMETERS_CHECKED_ON,
});

/**
 * Runs `fn` with tracing on and returns the trace of the outermost rule it evaluated (the last one
 * to finish). Used to explain a cell after the fact.
 */
export function captureTrace(fn: () => unknown): Trace | null {
  const before = tracing;
  const wasCapturing = capturing;
  tracing = true;
  capturing = true;
  lastTrace = null;
  try {
    fn();
    return lastTrace;
  } finally {
    tracing = before;
    capturing = wasCapturing;
  }
}

/** A step label, built only when the trace is collected. */
export type Label = string | (() => string);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const NONE: any[] = Object.freeze([]) as unknown as any[];

/** Collects the steps and parameters of one rule evaluation. */
export class TraceBuilder {
  private readonly on = tracing;
  // Only collected when tracing is on: the Excel path creates no arrays.
  private readonly steps: TraceStep[] = this.on ? [] : NONE;
  private readonly parameters: TraceParameter[] = this.on ? [] : NONE;
  private readonly parts: Trace[] = this.on ? [] : NONE;

  /** Whether this evaluation collects a trace (else steps need not be worked out). */
  get collecting(): boolean {
    return this.on;
  }

  constructor(
    private readonly rule: string,
    private readonly title: string,
    private readonly article: string,
    private readonly year: number | null,
  ) {}

  /** Looks up a parameter for the trace's year (or `year`) and records it. */
  param(p: Parameter, year: number = this.requireYear()): Money {
    const resolved = resolvedValue(p, year);
    if (!resolved) {
      const years = describeYears(coveredYears(p));
      throw new NotCoveredError(`${this.title}: geen gegevens voor jaar ${year}. Beschikbare jaren: ${years}.`);
    }
    if (this.on && !this.parameters.some((x) => x.name === p.name && x.year === year)) {
      this.parameters.push({
        name: p.name,
        label: p.label,
        year,
        value: resolved.value.toString(),
        source: resolved.source,
      });
    }
    return resolved.value;
  }

  step(label: Label, value: Decimal | boolean, source?: Source): void {
    if (!this.on) return;
    const text = typeof label === "string" ? label : label();
    this.steps.push(source ? { label: text, value: show(value), source } : { label: text, value: show(value) });
  }

  part<T>(result: RuleResult<T>): T {
    if (this.on) this.parts.push(result.trace);
    return result.value;
  }

  done<T>(value: T): RuleResult<T> {
    if (!this.on) return { value, trace: UNTRACED };
    const result = {
      value,
      trace: {
        rule: this.rule,
        title: this.title,
        article: this.article,
        year: this.year,
        steps: [...this.steps],
        parameters: [...this.parameters],
        parts: [...this.parts],
        engineVersion: ENGINE_VERSION,
        parametersCheckedOn: PARAMETERS_CHECKED_ON,
      },
    };
    lastTrace = result.trace;
    return result;
  }

  private requireYear(): number {
    if (this.year === null) throw new Error(`rule ${this.rule} has no year`);
    return this.year;
  }
}
