/**
 * Steps and checks the browser tests share: filling in a client, the pane's menus and tabs, and
 * what a bookkeeper must be able to rely on (nothing under the sticky summary, no amount broken).
 */
import type { Page } from "playwright-core";

export const rowValue = (key: string) => `#result-table tr[data-key="${key}"] td`;

/** Winst and uren of the client (a new scenario starts empty). */
export async function fillClient(page: Page, winst: string, uren: string): Promise<void> {
  await page.fill("#f-winst", winst);
  await page.fill("#f-urenOnderneming", uren);
}

/** One of the scenario actions (new, duplicate, delete), from its menu. */
export async function scenarioAction(page: Page, id: "scenario-new" | "scenario-duplicate" | "scenario-remove") {
  await page.click("#scenario-actions");
  await page.click(`#${id}`);
}

/** A tab: in the row, or from the overflow menu when it does not fit. */
export async function openTab(page: Page, tab: "scenario" | "compare" | "explain" | "insert" | "check") {
  if (await page.isVisible(`#tab-${tab}`)) await page.click(`#tab-${tab}`);
  else {
    await page.click("#tabs-more");
    await page.click(`#more-${tab}`);
  }
  await page.waitForSelector(`#tab-${tab}[aria-selected=true]`);
}

/** The element is in view and not under the sticky summary. */
export async function expectClearOfSummary(page: Page, selector: string): Promise<void> {
  const { element, summary, height } = await page.evaluate((sel) => {
    const box = (e: Element | null) =>
      e && { top: e.getBoundingClientRect().top, bottom: e.getBoundingClientRect().bottom };
    return {
      element: box(document.querySelector(sel)),
      summary: box(document.getElementById("summary")),
      height: innerHeight,
    };
  }, selector);
  expect(element).not.toBeNull();
  expect(element!.top).toBeGreaterThanOrEqual(summary ? Math.max(summary.bottom, 0) - 1 : 0);
  expect(element!.bottom).toBeLessThanOrEqual(height);
}

/** No amount is broken over two lines (each sits on one line box). */
export async function expectNoWrappedAmounts(page: Page): Promise<void> {
  const wrapped = await page.$$eval(".amount", (amounts) =>
    amounts.filter((a) => a.getClientRects().length > 1).map((a) => a.textContent),
  );
  expect(wrapped).toEqual([]);
  expect(await page.locator(".amount").count()).toBeGreaterThan(0);
}

/** The pane's language, chosen in its settings menu. */
export async function chooseLanguage(page: Page, lang: "nl" | "en"): Promise<void> {
  await page.click("#settings");
  await page.click(`#lang-${lang}`);
}
