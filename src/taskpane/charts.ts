/**
 * Two small SVG charts, drawn at the pane's own width (so their text is the pane's 12 px, not a
 * scaled-down picture): the KIA curve of a year with the client's total marked, and totals per
 * scenario as grouped bars with a legend. The numbers come from the rules core.
 */
import Decimal from "decimal.js";
import { kia } from "../rules/kia";
import { officialValue } from "../rules/officialValue";
import { untraced } from "../rules/trace";
import { el } from "./dom";
import { formatEuroWhole } from "./format";
import type { Lang } from "./i18n";

const NS = "http://www.w3.org/2000/svg";
const TEXT = { "font-size": 12, fill: "#616161" };
const AXIS = "#8a8886";

function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The smallest of 1, 2, 2,5 and 5 times a power of ten that is at least `raw`: a round axis step. */
export function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((m) => m * power).find((step) => step >= raw) ?? 10 * power;
}

/**
 * A chart drawn for the width its figure has: drawn first for the pane's width as it is, and again
 * when the figure turns out (or becomes) wider or narrower.
 */
export function atPaneWidth(figure: HTMLElement, draw: (width: number) => SVGElement): void {
  let drawn = Math.max(240, Math.min(document.documentElement.clientWidth - 40, 640));
  let chart = draw(drawn);
  figure.append(chart);
  if (typeof ResizeObserver === "undefined") return;
  const observer = new ResizeObserver(() => {
    // A figure the pane has replaced is let go.
    if (!figure.isConnected) return observer.disconnect();
    const width = Math.round(figure.clientWidth);
    if (width < 120 || width === drawn) return;
    drawn = width;
    const next = draw(width);
    chart.replaceWith(next);
    chart = next;
  });
  observer.observe(figure);
}

export interface KiaCurve {
  readonly draw: (width: number) => SVGElement;
  readonly atTotal: number;
}

/** The KIA over every total from 0 to a round amount beyond the upper limit, the client's total marked. */
export function kiaCurve(year: number, total: number, title: string, markerText: string, lang: Lang): KiaCurve {
  const value = (name: string) => officialValue(year, name).value.toNumber();
  const at = (x: number) => untraced(() => kia({ year, investeringen: [new Decimal(x.toFixed(2))] }).value.toNumber());
  // A round axis (0, 100.000, ... 400.000) that leaves room right of the client's total.
  const stepX = niceStep(Math.max(value("kia_bovengrens"), total * 1.1) / 4);
  const maxX = Math.ceil(Math.max(value("kia_bovengrens"), total * 1.1) / stepX) * stepX;
  const vast = value("kia_vast_bedrag");
  const stepY = 10 ** Math.floor(Math.log10(vast)) / 5;
  const maxY = Math.ceil((vast * 1.08) / stepY) * stepY;
  const edges = ["kia_ondergrens", "kia_einde_percentage", "kia_einde_vast", "kia_bovengrens"].map(value);
  const atTotal = at(total);

  const draw = (W: number) => {
    const H = 170;
    const pad = { l: 8, r: 14, t: 22, b: 26 };
    const px = (x: number) => pad.l + (x / maxX) * (W - pad.l - pad.r);
    const py = (y: number) => H - pad.b - (y / maxY) * (H - pad.t - pad.b);
    const xs = new Set<number>([0, maxX, ...edges.flatMap((e) => [e, e + 0.01])]);
    const samples = Math.max(60, Math.round(W / 2));
    for (let i = 0; i <= samples; i++) xs.add((maxX * i) / samples);
    const points = [...xs].sort((a, b) => a - b).map((x) => `${px(x).toFixed(1)},${py(at(x)).toFixed(1)}`);

    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: "img", "aria-label": title });
    root.append(svg("title", {}, title));
    root.append(svg("line", { x1: pad.l, y1: py(maxY), x2: W - pad.r, y2: py(maxY), stroke: "#e0e0e0" }));
    root.append(svg("line", { x1: pad.l, y1: H - pad.b, x2: W - pad.r, y2: H - pad.b, stroke: AXIS }));
    root.append(svg("line", { x1: pad.l, y1: pad.t, x2: pad.l, y2: H - pad.b, stroke: AXIS }));
    root.append(svg("text", { ...TEXT, x: pad.l + 4, y: py(maxY) - 6 }, formatEuroWhole(maxY, lang)));
    // Ticks at every step, amounts where they fit (at least 90 px apart).
    const ticks = Math.round(maxX / stepX);
    const every = Math.max(1, Math.ceil(90 / ((W - pad.l - pad.r) / ticks)));
    for (let i = 0; i <= ticks; i++) {
      const x = px(i * stepX);
      root.append(svg("line", { x1: x, y1: H - pad.b, x2: x, y2: H - pad.b + 4, stroke: AXIS }));
      if (i % every !== 0 && i !== ticks) continue;
      if (i !== ticks && ticks - i < every) continue; // the last amount is always shown; no overlap
      const anchor = i === 0 ? "start" : i === ticks ? "end" : "middle";
      root.append(svg("text", { ...TEXT, x, y: H - 8, "text-anchor": anchor }, formatEuroWhole(i * stepX, lang)));
    }
    root.append(svg("polyline", { points: points.join(" "), fill: "none", stroke: "#0f6cbd", "stroke-width": 2 }));
    for (const e of [edges[0], edges[2]]) {
      root.append(
        svg("line", { x1: px(e), y1: pad.t, x2: px(e), y2: H - pad.b, stroke: "#c50f1f", "stroke-dasharray": "3 3" }),
      );
    }
    if (total > 0) {
      const marker = svg("circle", {
        class: "marker",
        cx: px(total),
        cy: py(atTotal),
        r: 6,
        fill: "#e97548",
        stroke: "#fff",
        "stroke-width": 2,
      });
      marker.append(svg("title", {}, markerText));
      root.append(marker);
    }
    return root;
  };
  return { draw, atTotal };
}

export interface BarSeries {
  readonly name: string;
  readonly values: readonly number[];
}

/** The series' colours (Fluent's brand blue, then orange, green and purple). */
const COLORS = ["#0f6cbd", "#e97548", "#107c10", "#8764b8"];

/** Grouped bars: one group per measure, one bar per scenario, each with its amount. */
export function barChart(
  measures: readonly string[],
  series: readonly BarSeries[],
  title: string,
  lang: Lang,
): (width: number) => SVGElement {
  return (W: number) => {
    const barH = 14;
    const groupH = 20 + series.length * (barH + 4);
    const H = measures.length * groupH + 4;
    const valueW = 84;
    const maxV = Math.max(1, ...series.flatMap((s) => s.values.map((v) => Math.abs(v))));
    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: "img", "aria-label": title });
    root.append(svg("title", {}, title));
    measures.forEach((m, i) => {
      const y0 = i * groupH;
      root.append(svg("text", { "font-size": 12, fill: "#242424", x: 0, y: y0 + 14 }, m));
      series.forEach((s, k) => {
        const v = s.values[i];
        const w = Math.max((Math.abs(v) / maxV) * (W - valueW - 4), 1);
        const y = y0 + 20 + k * (barH + 4);
        const amount = formatEuroWhole(v, lang);
        const bar = svg("rect", { x: 0, y, width: w, height: barH, fill: COLORS[k % COLORS.length] });
        bar.append(svg("title", {}, `${s.name}: ${amount}`));
        root.append(bar, svg("text", { ...TEXT, x: w + 4, y: y + barH - 3 }, amount));
      });
    });
    return root;
  };
}

/** The legend of a bar chart: each series' colour and name. */
export function legend(names: readonly string[], label: string): HTMLElement {
  return el(
    "ul",
    { class: "legend", "aria-label": label },
    ...names.map((name, k) => {
      const swatch = svg("svg", { width: 12, height: 12, "aria-hidden": "true", focusable: "false" });
      swatch.append(svg("rect", { width: 12, height: 12, rx: 2, fill: COLORS[k % COLORS.length] }));
      return el("li", {}, swatch, name);
    }),
  );
}
