/**
 * The parts of one .xlsx/.xlsm package as the readers need them: an entry by its part name, its
 * text (inflated within the zip-bomb budget), its XML parsed with a Dutch message naming the file,
 * and the relationships that lead from one part to the next.
 */
import { basename } from "path";
import { refuse, WorkbookError } from "./errors";
import { decodeXml, PartText } from "./partText";
import { parseXml, XmlProblem } from "./xml";
import { beforeAllocating } from "./memoryGuard";
import { inflateEntry, LIMITS, partKey, ZipEntry, ZipProblem } from "./zip";

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

/** One package's parts, read on demand; all of them together no more than LIMITS.totalBytes. */
export class PartReader {
  private readonly byKey = new Map<string, ZipEntry>();
  private readBytes = 0;

  constructor(
    readonly file: string,
    readonly data: Buffer,
    readonly entries: readonly ZipEntry[],
  ) {
    for (const entry of entries) if (!this.byKey.has(entry.key)) this.byKey.set(entry.key, entry);
  }

  fail(what: string): WorkbookError {
    return refuse(basename(this.file), what);
  }

  entry(part: string): ZipEntry | undefined {
    return this.byKey.get(partKey(part));
  }

  text(entry: ZipEntry): PartText {
    this.readBytes += entry.uncompressedSize;
    if (this.readBytes > LIMITS.totalBytes) {
      throw this.fail(`de onderdelen pakken samen uit tot meer dan ${LIMITS.totalBytes} bytes (een zip-bom?)`);
    }
    // The inflated bytes and the text decoded from them (a character per byte, for XML as Excel
    // writes it) are both held for a moment.
    beforeAllocating(2 * entry.uncompressedSize);
    try {
      return decodeXml(inflateEntry(this.data, entry));
    } catch (error) {
      if (error instanceof ZipProblem) throw this.fail(error.message);
      throw error;
    }
  }

  parse(entry: ZipEntry, text: string, handlers: Parameters<typeof parseXml>[1]): void {
    try {
      parseXml(text, handlers);
    } catch (error) {
      if (error instanceof XmlProblem) throw this.fail(`onderdeel ${entry.name} ${error.message}`);
      throw error;
    }
  }

  relationships(part: string): Relationship[] {
    const slash = part.lastIndexOf("/");
    const relsPart = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
    const entry = this.entry(relsPart);
    if (!entry) return [];
    const { text } = this.text(entry);
    const rels: Relationship[] = [];
    this.parse(entry, text, {
      open: (name, attrs) => {
        if (name !== "Relationship") return;
        rels.push({
          id: attrs.Id ?? "",
          type: attrs.Type ?? "",
          target: attrs.Target ?? "",
          external: (attrs.TargetMode ?? "").toLowerCase() === "external",
        });
      },
    });
    return rels;
  }
}

/** A relationship target as a part name, relative to the folder of the part that points to it. */
export function resolveTarget(source: string, target: string): string {
  const clean = target.replace(/\\/g, "/");
  const base = clean.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const segment of clean.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") base.pop();
    else base.push(segment);
  }
  return base.join("/");
}

/** Whether a relationship is of a type, by the last segment of the type URI. */
export const isType = (rel: Relationship, suffix: string) => rel.type.endsWith(`/${suffix}`);

/** Excel writes control characters (and a literal `_xHHHH_`) in text as `_xHHHH_`. */
export function decodeEscapes(text: string): string {
  return text.indexOf("_x") < 0
    ? text
    : text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
