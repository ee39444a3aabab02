/**
 * Task pane entry. Kept tiny: the custom functions (functions.js) load before it, and the UI
 * itself is loaded on demand, so showing the pane never delays the registration of the functions.
 */
function officeReady(): Promise<{ host: unknown } | null> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return Promise.resolve(null);
  return Office.onReady().then((info) => (info && info.host ? info : null));
}

/**
 * Whether Office opened this page, whether or not office.js loaded: Office passes its host
 * information in the page's address (`_host_Info`), in the window name (Excel on the web) or
 * through `window.external` (the desktop webviews), where office.js itself looks for it.
 */
function openedByOffice(): boolean {
  try {
    if (/[?&]_host_Info=/i.test(window.location.search)) return true;
    if (/hostInfo|_host_Info/i.test(window.name)) return true;
    if (sessionStorage.getItem("hostInfoValue")) return true;
    const external = (window as unknown as { external?: { GetHostInfo?: unknown } }).external;
    return typeof external?.GetHostInfo === "function";
  } catch {
    return false;
  }
}

function showError(root: HTMLElement, lines: string[]): void {
  const box = document.createElement("div");
  box.className = "error";
  box.id = "start-error";
  box.setAttribute("role", "alert");
  for (const line of lines) {
    const p = document.createElement("p");
    p.textContent = line;
    box.append(p);
  }
  root.replaceChildren(box);
}

async function start(): Promise<void> {
  const root = document.getElementById("app");
  if (!root) return;
  if (typeof Office === "undefined" && openedByOffice()) {
    // Inside Excel without office.js: the formulas cannot register either. Say so, not "browser".
    showError(root, [
      "NL Aftrek kon office.js niet laden van Microsofts server (appsforoffice.microsoft.com). Zonder dat bestand werken het taakvenster en de NL-formules niet (#NAAM?).",
      "Controleer de internetverbinding, of vraag uw beheerder appsforoffice.microsoft.com toe te laten (proxy of firewall). Sluit daarna de werkmap en open hem opnieuw.",
    ]);
    return;
  }
  try {
    const [info, ui] = await Promise.all([officeReady(), import(/* webpackChunkName: "ui" */ "./app")]);
    ui.mount(root, { inExcel: info !== null });
  } catch (error) {
    // Never stay on "wordt geladen…": say what happened.
    showError(root, [`NL Aftrek kon niet starten: ${error instanceof Error ? error.message : String(error)}`]);
  }
}

void start();
