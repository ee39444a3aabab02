/**
 * What the user entered is kept: in the workbook (Office document settings) inside Excel, so the
 * scenarios travel with the file; in localStorage in a plain browser.
 */
const KEY = "nlAftrek.pane";

export interface Storage {
  load(): Record<string, unknown> | null;
  save(value: Record<string, unknown>): Promise<void>;
}

export function workbookStorage(): Storage {
  const settings = Office.context.document.settings;
  return {
    load: () => (settings.get(KEY) as Record<string, unknown> | null) ?? null,
    save: (value) =>
      new Promise((resolve, reject) => {
        settings.set(KEY, value);
        settings.saveAsync((result) =>
          result.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(result.error),
        );
      }),
  };
}

export function browserStorage(): Storage {
  return {
    load: () => {
      try {
        const text = window.localStorage.getItem(KEY);
        return text ? (JSON.parse(text) as Record<string, unknown>) : null;
      } catch {
        return null;
      }
    },
    save: async (value) => {
      window.localStorage.setItem(KEY, JSON.stringify(value));
    },
  };
}
