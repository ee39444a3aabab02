/**
 * Task pane entry. Kept tiny: the custom functions (functions.js) load before it, and the UI
 * itself is loaded on demand, so showing the pane never delays the registration of the functions.
 */
function officeReady(): Promise<{ host: unknown } | null> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return Promise.resolve(null);
  return Office.onReady().then((info) => (info && info.host ? info : null));
}

async function start(): Promise<void> {
  const root = document.getElementById("app");
  if (!root) return;
  try {
    const [info, ui] = await Promise.all([officeReady(), import(/* webpackChunkName: "ui" */ "./app")]);
    ui.mount(root, { inExcel: info !== null });
  } catch (error) {
    // Never stay on "wordt geladen…": say what happened.
    const p = document.createElement("p");
    p.className = "error";
    p.textContent = `NL Aftrek kon niet starten: ${error instanceof Error ? error.message : String(error)}`;
    root.replaceChildren(p);
  }
}

void start();
