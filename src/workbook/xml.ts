/**
 * Reading XML parts with saxes (a streaming, non-validating XML parser that never expands
 * external entities). Element names arrive without their namespace prefix (`x:c` is `c`), so
 * prefixed and strict-OOXML files read the same. A document type declaration is refused: OOXML
 * parts never carry one, and it is how entity bombs and external entities get in.
 */
import type { SaxesTag } from "saxes";
import { localName, scanPlainXml } from "./plainXml";

export class XmlProblem extends Error {}

export interface XmlHandlers {
  /** `start` is the index of the tag's `<`, `end` the index after its `>`. */
  open?(
    name: string,
    attributes: Readonly<Record<string, string>>,
    start: number,
    end: number,
    selfClosing: boolean,
  ): void;
  /** `start` is the index of the end tag's `<` (for a self-closing tag: the element's `<`), `end` after its `>`. */
  close?(name: string, start: number, end: number): void;
  text?(text: string): void;
}

export { localName };
export { decodeXml } from "./partText";

/** The value of an attribute whatever its prefix (`r:id`, `ns2:id` ...). */
export function prefixedAttribute(attributes: Readonly<Record<string, string>>, local: string): string | undefined {
  for (const key in attributes) if (key.endsWith(`:${local}`)) return attributes[key];
  return undefined;
}

/**
 * Parses `text`, calling the handlers; an XmlProblem (Dutch) when it is not well-formed XML.
 * Plain XML (what spreadsheet writers produce) is read by the fast path in plainXml.ts, which
 * reports exactly what saxes would; everything else, and every error, goes through saxes.
 *
 * Given handlers, the fast path first checks the whole text, then reads it. Given a function that
 * makes handlers with fresh state, it reads in one pass, and when the text turns out not to be
 * plain XML, saxes reads it again with new handlers (for the big parts: the worksheets).
 */
export function parseXml(text: string, handlers: XmlHandlers | (() => XmlHandlers)): void {
  if (typeof handlers === "function") {
    if (scanPlainXml(text, handlers())) return;
    parseWithSaxes(text, handlers());
    return;
  }
  if (scanPlainXml(text, null)) {
    scanPlainXml(text, handlers);
    return;
  }
  parseWithSaxes(text, handlers);
}

/** Parses `text` with saxes (exported for the test that holds the fast path to saxes). */
export function parseWithSaxes(text: string, handlers: XmlHandlers): void {
  // Loaded when first needed: the parts Excel and other writers produce go the fast path.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { SaxesParser } = require("saxes") as typeof import("saxes");
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  let tagStart = 0;
  parser.on("doctype", () => {
    throw new XmlProblem(
      "bevat een DTD (documenttypedeclaratie): zo komen XML-bommen en externe entiteiten binnen, en een echte werkmap heeft er nooit een",
    );
  });
  parser.on("opentagstart", (tag) => {
    // The `<` before the name (not arithmetic on the position: after the name saxes may have read
    // CR LF, two characters, as one line end).
    tagStart = text.lastIndexOf("<", parser.position - tag.name.length - 1);
  });
  parser.on("opentag", (tag: SaxesTag) => {
    const name = localName(tag.name);
    handlers.open?.(name, tag.attributes as Record<string, string>, tagStart, parser.position, tag.isSelfClosing);
    if (tag.isSelfClosing) handlers.close?.(name, tagStart, parser.position);
  });
  parser.on("closetag", (tag: SaxesTag) => {
    if (tag.isSelfClosing) return;
    const end = parser.position;
    handlers.close?.(localName(tag.name), text.lastIndexOf("<", end - 1), end);
  });
  if (handlers.text) {
    const onText = handlers.text;
    parser.on("text", onText);
    parser.on("cdata", onText);
  }
  try {
    parser.write(text).close();
  } catch (error) {
    // saxes reports "line:column: message"; anything else came from a handler and goes on as it is.
    if (!(error instanceof Error) || error instanceof XmlProblem || !/^(?:[^:\s]*:)?\d+:\d+: /.test(error.message))
      throw error;
    throw new XmlProblem(`is geen geldige XML (${dutchXmlError((error as Error).message)})`);
  }
}

function dutchXmlError(message: string): string {
  const where = /^(?:[^:]*:)?(\d+):(\d+):/.exec(message);
  const place = where ? `regel ${where[1]}, kolom ${where[2]}` : "";
  if (/undefined entity/i.test(message)) return `onbekende entiteit${place ? `, ${place}` : ""}`;
  if (/unexpected end|unclosed/i.test(message)) return `onvolledig${place ? `, ${place}` : ""}`;
  return place || "onleesbaar";
}
