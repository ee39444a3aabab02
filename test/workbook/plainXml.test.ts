/**
 * The fast path for plain XML reports exactly what saxes reports, or steps aside. Held to saxes
 * on hand-picked documents (everything the subset leaves out, every reference form, positions),
 * on the parts of the fixture workbooks, and on generated documents.
 */
import fc from "fast-check";
import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { scanPlainXml } from "../../src/workbook/plainXml";
import { decodeXml, parseWithSaxes, parseXml, XmlHandlers } from "../../src/workbook/xml";
import { inflateEntry, readZipEntries } from "../../src/workbook/zip";

type Event = readonly (string | number | boolean)[];

/** Every report as a flat list; text inside the root joined, text outside it left out. */
function recorder(): { handlers: XmlHandlers; events: Event[] } {
  const events: Event[] = [];
  let depth = 0;
  let text = "";
  const flush = () => {
    if (text !== "") events.push(["text", text]);
    text = "";
  };
  const handlers: XmlHandlers = {
    open(name, attributes, start, end, selfClosing) {
      flush();
      depth++;
      const attrs = Object.entries(attributes).flat();
      events.push(["open", name, ...attrs, start, end, selfClosing]);
    },
    close(name, start, end) {
      flush();
      depth--;
      events.push(["close", name, start, end]);
    },
    text(t) {
      if (depth > 0) text += t;
    },
  };
  return { handlers, events };
}

function bySaxes(xml: string): Event[] | "error" {
  const r = recorder();
  try {
    parseWithSaxes(xml, r.handlers);
    return r.events;
  } catch {
    return "error";
  }
}

function byFastPath(xml: string): Event[] | "declined" {
  if (!scanPlainXml(xml, null)) return "declined";
  const r = recorder();
  expect(scanPlainXml(xml, r.handlers)).toBe(true);
  return r.events;
}

/** The fast path agrees with saxes, or declines; returns what it did. */
function agrees(xml: string): "read" | "declined" {
  const fast = byFastPath(xml);
  if (fast === "declined") return "declined";
  expect(fast).toEqual(bySaxes(xml));
  return "read";
}

describe("plain XML is read exactly as saxes reads it", () => {
  test.each([
    ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<a><b x="1" y=\'2\'/>tekst</a>'],
    ["\ufeff<?xml version='1.0'?><a/>"],
    ['<x:a xmlns:x=\'urn:x\'><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:a>'],
    ['<a b = "1"\n\tc="2" ></a >'],
    ["<a>&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&#x1F600;</a>"],
    ['<a t="&amp;&#10;x&lt;"/>'],
    ['<a t="tab\there\nnewline"/>'],
    ["<a>  <b/>\n  <c>1 &amp; 2</c>  </a>  \n"],
    ["<a>😀 é</a>"],
    ['<?xml version="1.0" encoding="UTF-8"?>\r\n<a/>\r\n'],
    // A name followed by CR LF: saxes reads the two as one line end; the tag still starts at its `<`.
    ['<a\r\n x="1"><b\r\n/></a>'],
    ['<a x="1\r\n2\r3"\r\ny="4">\r\nx\ry\r\n&amp;\r</a>'],
    // A name with two colons (XML allows it): the local part is what follows the first, as saxes's is.
    ["<x:y:a><x:y:b/></x:y:a>"],
  ])("%j", (xml) => {
    expect(agrees(xml)).toBe("read");
  });

  test.each([
    ["a comment", "<a><!-- x --></a>"],
    ["CDATA", "<a><![CDATA[x]]></a>"],
    ["a processing instruction", "<a><?pi x?></a>"],
    ["a DTD", '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>'],
    ["a non-ASCII name", "<café/>"],
    ["an undefined entity", "<a>&nbsp;</a>"],
    ["a reference to a character XML forbids", "<a>&#1;</a>"],
    ["a control character", "<a>\u0001</a>"],
    ["a lone surrogate", "<a>\ud800</a>"],
    ["]]> in text", "<a>]]></a>"],
    ["a duplicate attribute", '<a x="1" x="2"/>'],
    ["attributes without space between them", '<a x="1"y="2"/>'],
    ["an unquoted attribute", "<a x=1/>"],
    ["< in an attribute", '<a x="<"/>'],
    ["mismatched tags", "<a><b></a></b>"],
    ["an unclosed element", "<a><b></b>"],
    ["two roots", "<a/><b/>"],
    ["text outside the root", "x<a/>"],
    ["no root", "   "],
    ["an XML 1.1 declaration", '<?xml version="1.1"?><a/>'],
    ["a declaration after whitespace", ' <?xml version="1.0"?><a/>'],
    ["& without ;", "<a>&amp</a>"],
    ["__proto__ as an attribute", '<a __proto__="x"/>'],
  ])("declines %s (saxes reads it, or refuses it)", (_what, xml) => {
    expect(agrees(xml)).toBe("declined");
  });

  test("every XML part of the fixture workbooks, all on the fast path", async () => {
    const dir = join(__dirname, "../fixtures");
    let read = 0;
    let parts = 0;
    for (const name of readdirSync(dir).filter((n) => n.endsWith(".xlsx"))) {
      const data = readFileSync(join(dir, name));
      for (const entry of await readZipEntries(data)) {
        if (!/\.(xml|rels)$/.test(entry.name)) continue;
        parts++;
        if (agrees(decodeXml(inflateEntry(data, entry)).text) === "read") read++;
      }
    }
    expect(parts).toBeGreaterThan(20);
    expect(read).toBe(parts);
  });

  test("generated documents: read as saxes reads them, or declined", () => {
    const name = fc.constantFrom("a", "c", "x:c", "row", "v", "f", "b-1", "_n");
    const chars = fc.constantFrom(
      "x",
      " ",
      "\n",
      "\t",
      "&amp;",
      "&#33;",
      "&bad;",
      "<",
      ">",
      "é",
      "\r",
      "]]>",
      '"',
      "'",
    );
    const content = fc.array(chars, { maxLength: 6 }).map((c) => c.join(""));
    const attr = fc.tuple(fc.constantFrom("r", "t", "s", "x:y"), content, fc.constantFrom('"', "'"));
    const element: fc.Arbitrary<string> = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        content,
        fc
          .tuple(name, fc.array(attr, { maxLength: 3 }), fc.array(tie("node"), { maxLength: 3 }), fc.boolean())
          .map(([n, attrs, children, self]) => {
            const a = attrs.map(([k, v, q]) => ` ${k}=${q}${v.replaceAll(q, "")}${q}`).join("");
            return self && children.length === 0 ? `<${n}${a}/>` : `<${n}${a}>${children.join("")}</${n}>`;
          }),
      ),
    })).node;
    const outcomes = { read: 0, declined: 0 };
    fc.assert(
      fc.property(element, fc.boolean(), (body, declaration) => {
        const xml = `${declaration ? '<?xml version="1.0"?>' : ""}<root>${body}</root>`;
        outcomes[agrees(xml)]++;
      }),
      { numRuns: 3000 },
    );
    // Both sides are exercised: many documents are read, many declined.
    expect(outcomes.read).toBeGreaterThan(300);
    expect(outcomes.declined).toBeGreaterThan(300);
  });

  test("with handlers that start afresh, a document the fast path declines halfway is read by saxes from the start", () => {
    const xml = "<a><b x='1'/><b x='2'/><!-- here the fast path stops --><b x='3'/></a>";
    let made = 0;
    let last: ReturnType<typeof recorder> | null = null;
    parseXml(xml, () => {
      made++;
      last = recorder();
      return last.handlers;
    });
    expect(made).toBe(2);
    expect(last!.events).toEqual(bySaxes(xml));
  });
});
