/**
 * What the user entered is kept: in the workbook (Office document settings) inside Excel, so the
 * scenarios travel with the file; in localStorage in a plain browser.
 */
const KEY = "nlAftrek.pane";
/** Where data that could not be read is kept, untouched, before anything is saved over it. */
export const BACKUP_KEY = "nlAftrek.pane.onleesbaar";

export interface Storage {
  /** What was saved, as it was (it may be anything: the reader validates it). */
  load(): unknown;
  save(value: Record<string, unknown>): Promise<void>;
  /** Keeps `raw` apart; a copy kept earlier is not replaced. */
  backup(raw: unknown): Promise<void>;
}

export function workbookStorage(): Storage {
  const settings = Office.context.document.settings;
  const persist = () =>
    new Promise<void>((resolve, reject) =>
      settings.saveAsync((result) =>
        result.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(result.error),
      ),
    );
  return {
    load: () => settings.get(KEY) ?? null,
    save: (value) => {
      settings.set(KEY, value);
      return persist();
    },
    backup: (raw) => {
      if (settings.get(BACKUP_KEY) !== null && settings.get(BACKUP_KEY) !== undefined) return Promise.resolve();
      settings.set(BACKUP_KEY, raw);
      return persist();
    },
  };
}

export function browserStorage(): Storage {
  return {
    load: () => {
      const text = window.localStorage.getItem(KEY);
      if (!text) return null;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return text; // not JSON: unreadable, and kept by backup()
      }
    },
    save: async (value) => {
      window.localStorage.setItem(KEY, JSON.stringify(value));
    },
    backup: async (raw) => {
      if (window.localStorage.getItem(BACKUP_KEY) !== null) return;
      window.localStorage.setItem(BACKUP_KEY, typeof raw === "string" ? raw : JSON.stringify(raw));
    },
  };
}

/**
 * The user's own view of the pane on this computer, never in a workbook: the language, the open tab
 * and a closed message. Switching them must not change the workbook (Excel would ask to save it on
 * close).
 */
export interface Preferences {
  readonly lang?: "nl" | "en";
  readonly tab?: string;
  readonly bannerClosed: boolean;
}

const PREFERENCES_KEY = "nlAftrek.voorkeuren";

export function preferences(): { get(): Preferences; set(p: Partial<Preferences>): void } {
  let current: Preferences = { bannerClosed: false };
  try {
    const stored = JSON.parse(window.localStorage.getItem(PREFERENCES_KEY) ?? "{}") as Record<string, unknown>;
    current = {
      lang: stored.lang === "en" || stored.lang === "nl" ? stored.lang : undefined,
      tab: typeof stored.tab === "string" ? stored.tab : undefined,
      bannerClosed: stored.bannerClosed === true,
    };
  } catch {
    // no storage (or not readable): the defaults
  }
  return {
    get: () => current,
    set: (p) => {
      current = { ...current, ...p };
      try {
        window.localStorage.setItem(PREFERENCES_KEY, JSON.stringify(current));
      } catch {
        // kept for this session only
      }
    },
  };
}
