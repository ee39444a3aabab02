/**
 * A question asked in the pane itself (Office add-ins have no window.confirm): a title, what would
 * happen, and two buttons; Escape and the second button say no. Focus starts on "no".
 */
import { el } from "./dom";

export interface Question {
  /** Prefix of the ids: `<id>` for the dialog, `<id>-title`, `<id>-yes`, `<id>-no`. */
  readonly id: string;
  readonly title: string;
  readonly body: Node;
  readonly yes: string;
  readonly no: string;
}

export function askInPane(host: HTMLElement, q: Question): Promise<boolean> {
  return new Promise((resolve) => {
    const yes = el("button", { type: "button", class: "danger", id: `${q.id}-yes` }, q.yes);
    const no = el("button", { type: "button", id: `${q.id}-no` }, q.no);
    const dialog = el(
      "div",
      {
        role: "alertdialog",
        id: q.id,
        "aria-labelledby": `${q.id}-title`,
        ...(q.body instanceof Element && q.body.id ? { "aria-describedby": q.body.id } : {}),
        class: "confirm",
      },
      el("p", { id: `${q.id}-title` }, q.title),
      q.body,
      el("div", { class: "buttons" }, yes, no),
    );
    const done = (answer: boolean) => {
      dialog.remove();
      resolve(answer);
    };
    yes.addEventListener("click", () => done(true));
    no.addEventListener("click", () => done(false));
    dialog.addEventListener("keydown", (e) => e.key === "Escape" && done(false));
    host.append(dialog);
    no.focus();
  });
}
