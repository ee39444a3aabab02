/**
 * Two small SVG charts: the KIA curve of a year with the client's total marked, and the chain per
 * scenario as grouped bars. The numbers come from the rules core.
 */
import Decimal from "decimal.js";
import { kia } from "../rules/kia";
import { officialValue } from "../rules/officialValue";
import { untraced } from "../rules/trace";
import { formatEuroWhole } from "./format";
import type { Lang } from "./i18n";

const NS = "http://www.w3.org/2000/svg";

function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

export interface KiaCurve {
  readonly element: SVGElement;
  readonly atTotal: number;
}

/** The KIA over every total from 0 to beyond the upper limit, the client's total marked. */
export function kiaCurve(year: number, total: number, title: string, markerText: string, lang: Lang): KiaCurve {
  const upper = officialValue(year, "kia_bovengrens").value.toNumber();
  const maxX = Math.max(upper * 1.08, total * 1.05);
  const at = (x: number) => untraced(() => kia({ year, investeringen: [new Decimal(x.toFixed(2))] }).value.toNumber());
  const W = 300;
  const H = 150;
  const pad = { l: 46, r: 8, t: 14, b: 22 };
  const maxY = officialValue(year, "kia_vast_bedrag").value.toNumber() * 1.1;
  const px = (x: number) => pad.l + (x / maxX) * (W - pad.l - pad.r);
  const py = (y: number) => H - pad.b - (y / maxY) * (H - pad.t - pad.b);
  const points: string[] = [];
  const edges = ["kia_ondergrens", "kia_einde_percentage", "kia_einde_vast", "kia_bovengrens"].map((n) =>
    officialValue(year, n).value.toNumber(),
  );
  const xs = new Set<number>([0, maxX, ...edges.flatMap((e) => [e, e + 0.01])]);
  for (let i = 0; i <= 120; i++) xs.add((maxX * i) / 120);
  for (const x of [...xs].sort((a, b) => a - b)) points.push(`${px(x).toFixed(1)},${py(at(x)).toFixed(1)}`);

  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: "100%", role: "img", "aria-label": title });
  root.append(svg("title", {}, title));
  root.append(svg("line", { x1: pad.l, y1: H - pad.b, x2: W - pad.r, y2: H - pad.b, stroke: "#8a8886" }));
  root.append(svg("line", { x1: pad.l, y1: pad.t, x2: pad.l, y2: H - pad.b, stroke: "#8a8886" }));
  root.append(svg("polyline", { points: points.join(" "), fill: "none", stroke: "#0f6cbd", "stroke-width": 2 }));
  for (const e of [edges[0], edges[2]]) {
    root.append(
      svg("line", { x1: px(e), y1: pad.t, x2: px(e), y2: H - pad.b, stroke: "#c50f1f", "stroke-dasharray": "3 3" }),
    );
  }
  // Axis amounts in the pane's own format, rounded to thousands: "€ 22.000".
  const thousands = (v: number) => formatEuroWhole(Math.round(v / 1000) * 1000, lang);
  root.append(svg("text", { x: 2, y: pad.t + 8, "font-size": 9, fill: "#605e5c" }, thousands(maxY)));
  root.append(
    svg("text", { x: W - pad.r, y: H - 6, "font-size": 9, fill: "#605e5c", "text-anchor": "end" }, thousands(maxX)),
  );
  const atTotal = at(total);
  const marker = svg("circle", {
    cx: px(total),
    cy: py(atTotal),
    r: 5,
    fill: "#e97548",
    stroke: "#fff",
    "stroke-width": 1.5,
  });
  marker.append(svg("title", {}, markerText));
  root.append(marker);
  return { element: root, atTotal };
}

export interface BarSeries {
  readonly name: string;
  readonly values: readonly number[];
}

const COLORS = ["#0f6cbd", "#e97548", "#107c10", "#8764b8"];

/** Grouped bars: one group per measure, one bar per scenario. */
export function barChart(measures: readonly string[], series: readonly BarSeries[], title: string): SVGElement {
  const W = 300;
  const rowH = 14 * series.length + 18;
  const H = measures.length * rowH + 10;
  const maxV = Math.max(1, ...series.flatMap((s) => s.values.map((v) => Math.abs(v))));
  const labelW = 110;
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: "100%", role: "img", "aria-label": title });
  root.append(svg("title", {}, title));
  measures.forEach((m, i) => {
    const y0 = i * rowH + 12;
    root.append(svg("text", { x: 0, y: y0, "font-size": 9, fill: "#242424" }, m));
    series.forEach((s, k) => {
      const v = s.values[i];
      const w = (Math.abs(v) / maxV) * (W - labelW - 10);
      const bar = svg("rect", {
        x: labelW,
        y: y0 + 3 + k * 14 - 10,
        width: Math.max(w, 1),
        height: 11,
        fill: COLORS[k % 4],
      });
      bar.append(svg("title", {}, `${s.name}: ${v.toFixed(2)}`));
      root.append(bar);
    });
  });
  return root;
}
