/**
 * The pane's frame: title, a message about where it runs (closable), the tabs in one row with the
 * ones that do not fit in an overflow menu, a settings menu with the language, and the footer.
 *
 * Microsoft's layout guidance for add-ins (office-js-docs-pr, docs/design/add-in-layout.md): 20 px
 * margins, spacing on a 4 px grid; task-pane-add-ins.md: Office's own "personality" menu covers the
 * top right corner (Windows 12 x 32 px, Mac 34 x 32 px), so no control of the pane sits there; the
 * tabs and the settings button are on the row below the title.
 */
import { ENGINE_VERSION, PARAMETERS_CHECKED_ON } from "../rules/version";
import { el } from "./dom";
import type { Lang, Strings } from "./i18n";
import { menuButton } from "./menu";

export type Tab = "scenario" | "compare" | "explain" | "insert" | "check";
export const TABS: readonly Tab[] = ["scenario", "compare", "explain", "insert", "check"];

export interface FrameOptions {
  readonly t: Strings;
  readonly lang: Lang;
  readonly tab: Tab;
  readonly inExcel: boolean;
  readonly bannerClosed: boolean;
  selectTab(tab: Tab, focus: boolean): void;
  setLang(lang: Lang): void;
  closeBanner(): void;
}

const NS = "http://www.w3.org/2000/svg";
function icon(draw: (svg: SVGSVGElement) => void): SVGSVGElement {
  const svg = document.createElementNS(NS, "svg");
  for (const [k, v] of Object.entries({ width: "16", height: "16", viewBox: "0 0 16 16", "aria-hidden": "true" })) {
    svg.setAttribute(k, v);
  }
  svg.setAttribute("focusable", "false");
  draw(svg);
  return svg;
}
const shape = (tag: string, attrs: Record<string, string | number>) => {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
};

/** Three dots: "more". */
const moreIcon = () =>
  icon((svg) => [3, 8, 13].forEach((cx) => svg.append(shape("circle", { cx, cy: 8, r: 1.6, fill: "currentColor" }))));

/** A gear of eight teeth: "settings". */
const gearIcon = () =>
  icon((svg) => {
    const points: string[] = [];
    for (let i = 0; i < 32; i++) {
      const angle = (i / 32) * 2 * Math.PI;
      const r = i % 4 < 2 ? 7.5 : 5.6;
      points.push(`${(8 + r * Math.cos(angle)).toFixed(2)},${(8 + r * Math.sin(angle)).toFixed(2)}`);
    }
    svg.append(
      shape("polygon", { points: points.join(" "), fill: "none", stroke: "currentColor", "stroke-width": 1.2 }),
    );
    svg.append(shape("circle", { cx: 8, cy: 8, r: 2.2, fill: "none", stroke: "currentColor", "stroke-width": 1.2 }));
  });

const closeIcon = () =>
  icon((svg) =>
    svg.append(shape("path", { d: "M4 4 L12 12 M12 4 L4 12", stroke: "currentColor", "stroke-width": 1.5 })),
  );

function banner(o: FrameOptions): HTMLElement | null {
  if (o.bannerClosed) return null;
  const close = el("button", {
    type: "button",
    id: "banner-close",
    class: "icon",
    "aria-label": o.t.closeBanner,
    title: o.t.closeBanner,
  });
  close.append(closeIcon());
  close.addEventListener("click", () => o.closeBanner());
  return el(
    "div",
    { class: o.inExcel ? "status" : "status browser", id: "banner" },
    el("p", { id: "host-status" }, o.inExcel ? o.t.inExcel : o.t.inBrowser),
    close,
  );
}

/**
 * The tabs in one row. fit() hides the tabs that do not fit (never the selected one) behind the
 * overflow menu; call it once the row is in the page and whenever the pane changes width.
 */
function navigation(o: FrameOptions): { node: HTMLElement; fit(): void } {
  const { t } = o;
  const list = el("div", { role: "tablist", "aria-label": t.title, class: "tabs" });
  const buttons = TABS.map((tab, i) => {
    const b = el("button", {
      type: "button",
      role: "tab",
      id: `tab-${tab}`,
      "aria-selected": o.tab === tab ? "true" : "false",
      "aria-controls": "panel",
      tabindex: o.tab === tab ? "0" : "-1",
    });
    b.textContent = t.tabs[tab];
    b.addEventListener("click", () => o.selectTab(tab, false));
    b.addEventListener("keydown", (e) => {
      const to =
        e.key === "ArrowRight"
          ? i + 1
          : e.key === "ArrowLeft"
            ? i - 1
            : e.key === "Home"
              ? 0
              : e.key === "End"
                ? -1
                : null;
      if (to === null) return;
      e.preventDefault();
      o.selectTab(TABS[(to + TABS.length) % TABS.length], true);
    });
    return b;
  });
  list.append(...buttons);
  const more = menuButton({ id: "tabs-more", label: t.moreTabs, content: moreIcon(), items: [] });
  const settings = menuButton({
    id: "settings",
    label: t.settings,
    content: gearIcon(),
    items: (["nl", "en"] as const).map((lang) => ({
      id: `lang-${lang}`,
      label: t.languages[lang],
      checked: o.lang === lang,
      select: () => o.setLang(lang),
    })),
  });
  const fit = () => {
    buttons.forEach((b) => (b.hidden = false));
    more.node.hidden = true;
    if (list.scrollWidth <= list.clientWidth) return;
    more.node.hidden = false;
    const hidden: Tab[] = [];
    for (let i = TABS.length - 1; i >= 0 && list.scrollWidth > list.clientWidth; i--) {
      if (TABS[i] === o.tab) continue;
      buttons[i].hidden = true;
      hidden.unshift(TABS[i]);
    }
    more.setItems(
      hidden.map((tab) => ({ id: `more-${tab}`, label: t.tabs[tab], select: () => o.selectTab(tab, true) })),
    );
  };
  return { node: el("nav", { class: "nav" }, list, more.node, settings.node), fit };
}

export function renderFrame(o: FrameOptions): { top: HTMLElement[]; footer: HTMLElement; fit(): void } {
  const nav = navigation(o);
  const top = [
    el(
      "header",
      {},
      el("img", { src: "assets/icon-32.png", alt: "", width: "20", height: "20" }),
      el("h1", {}, o.t.title),
    ),
    ...[banner(o)].filter((x): x is HTMLElement => x !== null),
    nav.node,
  ];
  const footer = el(
    "footer",
    {},
    el(
      "p",
      { class: "note", id: "about" },
      `${o.t.hostShort(o.inExcel)} ${o.t.about(ENGINE_VERSION, PARAMETERS_CHECKED_ON)}`,
    ),
  );
  return { top, footer, fit: nav.fit };
}
