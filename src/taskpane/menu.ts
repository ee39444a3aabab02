/**
 * A menu button (WAI-ARIA menu button pattern): Enter, Space or Arrow Down opens it on the first
 * item, Arrow Up on the last; the arrows, Home and End move; Escape closes it and returns to the
 * button; Tab or a click elsewhere closes it. Choosing an item closes the menu and puts the focus
 * back on the button before the item's action runs (which may re-render the pane).
 */
import { el } from "./dom";

export interface MenuItem {
  readonly id: string;
  readonly label: string;
  /** For a choice among items (menuitemradio): whether this one is chosen. */
  readonly checked?: boolean;
  readonly disabled?: boolean;
  select(): void;
}

export interface MenuButton {
  readonly node: HTMLElement;
  readonly button: HTMLButtonElement;
  setItems(items: readonly MenuItem[]): void;
}

export function menuButton(o: {
  id: string;
  label: string;
  content: Node | string;
  className?: string;
  items: readonly MenuItem[];
}): MenuButton {
  const button = el("button", {
    type: "button",
    id: o.id,
    class: o.className ?? "icon",
    "aria-haspopup": "menu",
    "aria-expanded": "false",
    "aria-controls": `${o.id}-menu`,
    "aria-label": o.label,
    title: o.label,
  });
  button.append(o.content);
  const menu = el("div", { role: "menu", id: `${o.id}-menu`, "aria-label": o.label, class: "menu", hidden: true });
  const node = el("div", { class: "menu-host" }, button, menu);
  let items: HTMLButtonElement[] = [];

  const enabled = () => items.filter((i) => i.getAttribute("aria-disabled") !== "true");
  const close = (focusButton: boolean) => {
    if (menu.hidden) return;
    menu.hidden = true;
    button.setAttribute("aria-expanded", "false");
    document.removeEventListener("pointerdown", outside, true);
    if (focusButton) button.focus();
  };
  const outside = (e: Event) => {
    if (!node.contains(e.target as Node)) close(false);
  };
  const open = (at: "first" | "last") => {
    menu.hidden = false;
    button.setAttribute("aria-expanded", "true");
    document.addEventListener("pointerdown", outside, true);
    const list = enabled();
    (at === "first" ? list[0] : list[list.length - 1])?.focus();
  };

  button.addEventListener("click", () => (menu.hidden ? open("first") : close(true)));
  button.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      open(e.key === "ArrowDown" ? "first" : "last");
    }
  });
  menu.addEventListener("keydown", (e) => {
    const list = enabled();
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    const go = (i: number) => list[(i + list.length) % list.length]?.focus();
    if (e.key === "ArrowDown") go(at + 1);
    else if (e.key === "ArrowUp") go(at - 1);
    else if (e.key === "Home") go(0);
    else if (e.key === "End") go(list.length - 1);
    else if (e.key === "Escape") close(true);
    else if (e.key === "Tab") {
      close(false);
      return;
    } else return;
    e.preventDefault();
  });

  const setItems = (list: readonly MenuItem[]) => {
    items = list.map((item) => {
      const b = el("button", {
        type: "button",
        id: item.id,
        role: item.checked === undefined ? "menuitem" : "menuitemradio",
        "aria-checked": item.checked === undefined ? undefined : String(item.checked),
        "aria-disabled": item.disabled ? "true" : undefined,
        tabindex: "-1",
      });
      b.textContent = item.label;
      b.addEventListener("click", () => {
        if (item.disabled) return;
        close(true);
        item.select();
      });
      return b;
    });
    menu.replaceChildren(...items);
  };
  setItems(o.items);
  return { node, button, setItems };
}
