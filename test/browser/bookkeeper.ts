/**
 * The pane as a bookkeeper uses it (issue 33), at both widths of a task pane: every number read
 * the way it was meant or refused, the answer in view, comparing that answers the question, nothing
 * lost, the focus where it belongs, the frame of Microsoft's guidance; the whole pane by keyboard
 * and axe-clean. Registered by taskpane.test.ts, which owns the one build and browser.
 */
import { axeViolations, Harness, openPane, PANE_WIDTHS, screenshot } from "./harness";
import { expectClearOfSummary, expectNoWrappedAmounts, fillClient, rowValue, scenarioAction } from "./steps";

export function bookkeeperTests(harness: () => Harness): void {
  describe.each(PANE_WIDTHS)("the pane as a bookkeeper uses it, %i px wide", (width) => {
    const open = (host: "browser" | "excel" = "browser") => openPane(harness(), host, { width });

    test("every amount is read the way the user meant, or refused with both readings", async () => {
      const { page } = await open();
      // a new scenario is empty, with examples as placeholders, and shows no result yet
      await expect(page.getAttribute("#f-winst", "placeholder")).resolves.toBe("bijv. 40.000");
      await expect(page.getAttribute("#f-urenOnderneming", "placeholder")).resolves.toBe("bijv. 1.400");
      await expect(page.inputValue("#f-winst")).resolves.toBe("");
      await expect(page.textContent("#sum-totaalTeBetalen strong")).resolves.toBe("—");
      await expect(page.textContent("#sum-missing")).resolves.toBe("Nog invullen: Winst, Uren");
      await expect(page.locator("#result-table").count()).resolves.toBe(0);
      // winst alone is not enough: empty uren are not 0 uren
      await page.fill("#f-winst", "60000");
      // how it was read, under the field; written the pane's way on leaving it
      await expect(page.textContent("#f-winst-read")).resolves.toBe("Gelezen als € 60.000");
      await expect(page.textContent("#sum-missing")).resolves.toBe("Nog invullen: Uren");
      await expect(page.textContent("#sum-belastbareWinst strong")).resolves.toBe("—");
      await page.focus("#f-urenOnderneming");
      await expect(page.inputValue("#f-winst")).resolves.toBe("60.000");
      await expect(page.textContent("#f-winst-read")).resolves.toBe("");
      // "1,400" uren: 1,4 or 1.400? Refused, with both readings
      await page.fill("#f-urenOnderneming", "1,400");
      await expect(page.textContent("#f-urenOnderneming-msg")).resolves.toBe(
        '"1,400" is te lezen als 1,4 uur of als 1.400 uur. Typ 1,4 of 1.400.',
      );
      await expect(page.textContent("#sum-invalid")).resolves.toBe("1 veld onjuist: Uren");
      await page.fill("#f-urenOnderneming", "1.400");
      // 2025 winst 60.000 with urencriterium: 14.642,86 to pay, heffingskortingen as the aanslag (nettoKeten.test)
      await expect(page.textContent("#sum-totaalTeBetalen strong")).resolves.toBe("€ 14.642,86");
      // "6.0000": a mistyped 60.000 or 6? Refused; "60,000" in Dutch: 60 or 60.000? Refused
      await page.fill("#f-winst", "6.0000");
      await expect(page.textContent("#f-winst-msg")).resolves.toBe(
        '"6.0000" is te lezen als € 6 of als € 60.000. Typ 6 of 60.000.',
      );
      await expect(page.textContent("#sum-totaalTeBetalen strong")).resolves.toBe("—");
      await page.fill("#f-winst", "60,000");
      await expect(page.textContent("#f-winst-msg")).resolves.toBe(
        '"60,000" is te lezen als € 60 of als € 60.000. Typ 60 of 60.000.',
      );
      // "60.000,-" is sixty thousand whole euros
      await page.fill("#f-winst", "60.000,-");
      await expect(page.textContent("#f-winst-msg")).resolves.toBe("");
      await expect(page.textContent("#sum-totaalTeBetalen strong")).resolves.toBe("€ 14.642,86");
      // each field's message speaks of its kind: an amount, hours, years
      await page.fill("#f-btwKosten", "veel");
      await expect(page.textContent("#f-btwKosten-msg")).resolves.toBe(
        "Vul een bedrag in, bijvoorbeeld 18.000 of 2.500,50.",
      );
      await page.fill("#f-overigArbeidsinkomen", "-5");
      await expect(page.textContent("#f-overigArbeidsinkomen-msg")).resolves.toBe("Vul een bedrag van 0 of meer in.");
      await page.fill("#f-urenPartner", "veel");
      await expect(page.textContent("#f-urenPartner-msg")).resolves.toBe(
        "Vul een aantal uren in, bijvoorbeeld 1.400 of 12,5.",
      );
      await page.fill("#f-kerenZelfstandigenaftrek", "6");
      await expect(page.textContent("#f-kerenZelfstandigenaftrek-msg")).resolves.toBe(
        "Vul een aantal jaren in: een geheel getal van 0 tot en met 5.",
      );
      await expect(page.textContent("#sum-invalid")).resolves.toBe(
        "4 velden onjuist: Uren partner, Zelfstandigenaftrek eerder, Waarvan loon, Btw op kosten",
      );
      // a required field left empty says so once the user has been in it
      await page.fill("#f-winst", "");
      await page.focus("#f-urenOnderneming");
      await expect(page.textContent("#f-winst-msg")).resolves.toBe("Vul de winst in (ook als die 0 is).");
      await screenshot(page, `10-misread-${width}`);
      await page.close();
    });

    test("in English, 60,000 is sixty thousand; 60.000 is refused with both readings", async () => {
      const { page } = await open();
      await page.click("#settings");
      await page.click("#lang-en");
      await expect(page.getAttribute("#f-winst", "placeholder")).resolves.toBe("e.g. 40,000");
      await page.fill("#f-winst", "60,000");
      await page.fill("#f-urenOnderneming", "1,400");
      await expect(page.textContent("#f-winst-msg")).resolves.toBe("");
      await expect(page.textContent("#sum-totaalTeBetalen strong")).resolves.toBe("€14,642.86");
      await page.fill("#f-winst", "60.000");
      await expect(page.textContent("#f-winst-msg")).resolves.toBe(
        '"60.000" can be read as €60 or as €60,000. Type 60 or 60,000.',
      );
      await page.fill("#f-winst", "60,000");
      // back in Dutch the same number, written the Dutch way
      await page.click("#settings");
      await page.click("#lang-nl");
      await expect(page.inputValue("#f-winst")).resolves.toBe("60.000");
      await expect(page.inputValue("#f-urenOnderneming")).resolves.toBe("1.400");
      await expect(page.textContent("#sum-totaalTeBetalen strong")).resolves.toBe("€ 14.642,86");
      await page.close();
    });

    test("the answer stays in view: a wrong field is named in the summary, with a link to it", async () => {
      const { page } = await open();
      await fillClient(page, "60.000", "1.400");
      await page.fill("#f-btwKosten", "6.0000");
      await expect(page.textContent("#sum-belastbareWinst strong")).resolves.toBe("—");
      await expect(page.textContent("#sum-invalid")).resolves.toBe("1 veld onjuist: Btw op kosten");
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.click("#sum-invalid a");
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("f-btwKosten");
      await expectClearOfSummary(page, "#f-btwKosten");
      await page.fill("#f-btwKosten", "600");
      await expect(page.textContent("#sum-totaalTeBetalen strong")).resolves.toBe("€ 14.642,86");
      await expect(page.locator("#sum-invalid").count()).resolves.toBe(0);
      await page.close();
    });

    test("the reason behind a jump is in the summary: urencriterium, KIA threshold, KOR", async () => {
      const { page } = await open();
      await fillClient(page, "40.000", "1.000");
      await expect(page.textContent("#reason-uren")).resolves.toBe(
        "Urencriterium niet gehaald: geen zelfstandigenaftrek",
      );
      await page.fill("#f-urenOnderneming", "1.225");
      await expect(page.locator("#reason-uren").count()).resolves.toBe(0);
      await page.click("#f-inv-add");
      // 2025: no KIA up to € 2.900 of investments (art. 3.41 lid 1)
      await page.fill("#f-inv-1-bedrag", "2.000");
      await expect(page.textContent("#reason-kia")).resolves.toBe("Geen KIA: investeringen tot en met € 2.900");
      // above € 392.230 none either
      await page.fill("#f-inv-1-bedrag", "400.000");
      await expect(page.textContent("#reason-kia")).resolves.toBe("Geen KIA: investeringen boven € 392.230");
      // assets below € 450 do not count (art. 3.45 lid 2)
      await page.fill("#f-inv-1-bedrag", "400");
      await expect(page.textContent("#reason-kia")).resolves.toBe("Geen KIA: geen bedrijfsmiddel van € 450 of meer");
      await page.fill("#f-inv-1-bedrag", "3.000");
      await expect(page.locator("#reason-kia").count()).resolves.toBe(0);
      await page.fill("#f-omzet", "25.000");
      await page.check("#f-kor");
      await expect(page.textContent("#kor-message")).resolves.toBe(
        "KOR niet mogelijk: omzet dit of vorig jaar hoger dan € 20.000",
      );
      await page.close();
    });

    test("lines at € 0,00 fold away; every law link is named for its line; the rate is explained in words", async () => {
      const { page } = await open();
      await fillClient(page, "40.000", "1.400");
      // 2025 winst 40.000: KIA, startersaftrek, meewerkaftrek, AO-startersaftrek and tariefsaanpassing are 0
      const zero = ["kia", "startersaftrek", "meewerkaftrek", "aoStartersaftrek", "tariefsaanpassing"];
      for (const key of zero) await expect(page.isHidden(`#result-table tr[data-key="${key}"]`)).resolves.toBe(true);
      await expect(page.isVisible('#result-table tr[data-key="zelfstandigenaftrek"]')).resolves.toBe(true);
      await expect(page.textContent("#zero-lines")).resolves.toBe("Toon alle regels (5 op € 0,00)");
      await page.click("#zero-lines");
      for (const key of zero) await expect(page.isVisible(`#result-table tr[data-key="${key}"]`)).resolves.toBe(true);
      await expect(page.getAttribute("#zero-lines", "aria-expanded")).resolves.toBe("true");
      // the links' accessible names: "wettekst: <line>", each different
      const names = await page.$$eval("#result-table a", (links) => links.map((a) => a.getAttribute("aria-label")));
      expect(names).toContain("wettekst: Zelfstandigenaftrek");
      expect(new Set(names).size).toBe(names.length);
      await expect(page.getByRole("link", { name: "wettekst: Zelfstandigenaftrek" }).count()).resolves.toBe(1);
      // the marginal rate in words, not only in a tooltip; the summary points to it
      await expect(page.textContent("#marginal-note")).resolves.toMatch(
        /^Marginaal tarief \d+(,\d)?%: van elke euro winst meer gaat \d+(,\d)?% naar belasting, premie en Zvw/,
      );
      await expect(page.getAttribute("#sum-marginaal", "aria-describedby")).resolves.toBe("marginal-note");
      await expect(page.getAttribute("#sum-marginaal", "title")).resolves.toBeNull();
      await page.close();
    });

    test("comparing answers the question first; equal lines fold; the totals are charted with a legend", async () => {
      const { page } = await open();
      await page.click("#tab-compare");
      // one scenario: a hint how to get a second, not an error
      await expect(page.textContent("#compare-hint")).resolves.toContain("Maak een variant met Dupliceren");
      await expect(page.getAttribute("#compare-hint", "class")).resolves.toBe("note");
      await page.click("#tab-scenario");
      await page.fill("#scenario-name", "Basis");
      await fillClient(page, "60.000", "1.400");
      await scenarioAction(page, "scenario-duplicate");
      await page.fill("#scenario-name", "Meer investeren");
      await page.click("#f-inv-add");
      // 28% x 3.571,43 = 1.000,00 KIA (art. 3.41): the chain at winst 59.000
      await page.fill("#f-inv-1-bedrag", "3.571,43");
      await expect(page.textContent(rowValue("kia"))).resolves.toBe("€ 1.000,00");
      await page.click("#tab-compare");
      // the scenario and its copy are chosen at the start
      await expect(page.locator(".picks input:checked").count()).resolves.toBe(2);
      // 2025 winst 60.000: 14.642,86; with 1.000 aftrek 14.148,74 (nettoKeten.test): 494,12 less
      await expect(page.textContent("#compare-answer")).resolves.toBe(
        "Meer investeren: € 494,12 minder te betalen dan Basis",
      );
      const answerBox = await page.locator("#compare-answer").boundingBox();
      expect(answerBox!.y + answerBox!.height).toBeLessThan(900);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, `vergelijken-${width}`, "view");
      // lines equal in both scenarios are folded, the totals always shown
      await expect(page.isHidden('#compare-table tr[data-key="zelfstandigenaftrek"]')).resolves.toBe(true);
      await expect(page.isVisible('#compare-table tr[data-key="kia"]')).resolves.toBe(true);
      await expect(page.isVisible('#compare-table tr[data-key="totaalTeBetalen"]')).resolves.toBe(true);
      await expect(page.textContent("#equal-lines")).resolves.toMatch(
        /^Toon alle regels \(\d+ gelijk in elk scenario\)$/,
      );
      await page.click("#equal-lines");
      await expect(page.isVisible('#compare-table tr[data-key="zelfstandigenaftrek"]')).resolves.toBe(true);
      // the totals charted, with a legend naming the scenarios
      const labels = await page.locator("figure.chart svg[role=img] text").allTextContents();
      expect(labels).toContain("Totaal te betalen");
      expect(labels).toContain("€ 14.643"); // 14.642,86 in whole euros
      await expect(page.locator(".legend li").allTextContents()).resolves.toEqual(["Basis", "Meer investeren"]);
      // amounts are never broken over two lines
      await expectNoWrappedAmounts(page);
      await screenshot(page, `11-compare-${width}`);
      // the choice is the user's: a scenario unticked stays unticked, with a hint (not an error)
      await page.uncheck(".picks input >> nth=1");
      await expect(page.locator(".picks input:checked").count()).resolves.toBe(1);
      await expect(page.textContent("#compare-hint")).resolves.toBe("Kies twee scenario's om ze te vergelijken.");
      await expect(page.locator("#compare-table").count()).resolves.toBe(0);
      await page.close();
    });

    test("deleting a scenario can be undone; after a removal the focus goes to the next control", async () => {
      const { page } = await open();
      await page.fill("#scenario-name", "Eerste");
      await scenarioAction(page, "scenario-new");
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("scenario-name");
      await page.fill("#scenario-name", "Tweede");
      await scenarioAction(page, "scenario-new");
      await page.fill("#scenario-name", "Derde");
      await page.selectOption("#scenario-select", { label: "Tweede" });
      await scenarioAction(page, "scenario-remove");
      await expect(page.textContent("#undo")).resolves.toBe('Scenario "Tweede" verwijderd. Ongedaan maken');
      await expect(page.locator("#scenario-select option").allTextContents()).resolves.toEqual(["Eerste", "Derde"]);
      // the scenario that took its place is chosen, and the focus is on the choice
      await expect(page.inputValue("#scenario-name")).resolves.toBe("Derde");
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("scenario-select");
      await page.click("#scenario-undo");
      await expect(page.locator("#scenario-select option").allTextContents()).resolves.toEqual([
        "Eerste",
        "Tweede",
        "Derde",
      ]);
      await expect(page.inputValue("#scenario-name")).resolves.toBe("Tweede");
      await expect(page.locator("#undo").count()).resolves.toBe(0);
      // investments: removing one moves the focus to the next one, the last one to "add"
      await page.click("#f-inv-add");
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("f-inv-1-bedrag");
      await page.fill("#f-inv-1-bedrag", "1.000");
      await page.click("#f-inv-add");
      await page.fill("#f-inv-2-bedrag", "2.000");
      await page.focus("#f-inv-1-weg");
      await page.keyboard.press("Enter");
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("f-inv-1-bedrag");
      await expect(page.inputValue("#f-inv-1-bedrag")).resolves.toBe("2.000");
      await page.focus("#f-inv-1-weg");
      await page.keyboard.press("Enter");
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("f-inv-add");
      await page.close();
    });

    test("'al betaald' only for an investment not yet in use", async () => {
      const { page } = await open();
      await page.click("#f-inv-add");
      await expect(page.isHidden("#f-inv-1-betaald")).resolves.toBe(true);
      await page.uncheck("#f-inv-1-gebruik");
      await expect(page.isVisible("#f-inv-1-betaald")).resolves.toBe(true);
      await page.check("#f-inv-1-gebruik");
      await expect(page.isHidden("#f-inv-1-betaald")).resolves.toBe(true);
      await page.close();
    });

    test("the frame: tabs in one row with an overflow menu, a closable message, settings away from Office's corner", async () => {
      const { page } = await open();
      const tops = await page.$$eval(".tabs [role=tab]", (tabs) =>
        tabs.filter((t) => t.getClientRects().length).map((t) => Math.round(t.getBoundingClientRect().top)),
      );
      expect(new Set(tops).size).toBe(1);
      const shown = await page.$$eval(".tabs [role=tab]", (tabs) =>
        tabs.filter((t) => t.getClientRects().length).map((t) => t.id),
      );
      const overflow = await page.isVisible("#tabs-more");
      expect(overflow).toBe(shown.length < 5);
      if (overflow) {
        await page.click("#tabs-more");
        const more = await page.$$eval("#tabs-more-menu [role=menuitem]", (items) => items.map((i) => i.textContent));
        expect(more.length + shown.length).toBe(5);
        await page.click("#tabs-more-menu [role=menuitem] >> nth=-1");
        await expect(page.getAttribute("#tab-check", "aria-selected")).resolves.toBe("true");
        await expect(page.isVisible("#tab-check")).resolves.toBe(true);
      }
      // nothing of the pane's own in the top right corner, where Office puts its menu (Mac: 34 x 32 px)
      const corner = await page.evaluate(
        () =>
          [...document.querySelectorAll("button, a, select, input")]
            .filter((e) => e.getClientRects().length)
            .map((e) => e.getBoundingClientRect())
            .filter((r) => r.top < 32 && r.right > document.documentElement.clientWidth - 34).length,
      );
      expect(corner).toBe(0);
      // the message can be closed and stays closed
      await page.click("#banner-close");
      await expect(page.locator("#banner").count()).resolves.toBe(0);
      await page.reload();
      await page.waitForSelector("#panel");
      await expect(page.locator("#banner").count()).resolves.toBe(0);
      await expect(page.textContent("#about")).resolves.toContain("In een browser, geen werkmap.");
      // the summary starts high in the pane
      await page.click("#tab-scenario");
      const summary = await page.locator("#summary").boundingBox();
      expect(summary!.y).toBeLessThan(140);
      await page.close();
    });

    test("margins and sizes of Microsoft's guidance and Fluent 2; the details", async () => {
      const { page } = await open();
      await fillClient(page, "60.000", "1.400");
      await page.click("#f-inv-add");
      await page.fill("#f-inv-1-bedrag", "10.000");
      const sizes = await page.evaluate(() => {
        const body = getComputedStyle(document.body);
        const boxes = [...document.querySelectorAll("input[type=checkbox]")].map((c) => {
          const r = c.getBoundingClientRect();
          return `${r.width}x${r.height}`;
        });
        const small = [...document.querySelectorAll("body *")]
          .filter(
            (e) =>
              e.getClientRects().length && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()),
          )
          .filter((e) => parseFloat(getComputedStyle(e).fontSize) < 12)
          .map((e) => e.textContent);
        const wide = document.documentElement.scrollWidth - document.documentElement.clientWidth;
        return { left: body.paddingLeft, right: body.paddingRight, boxes: [...new Set(boxes)], small, wide };
      });
      expect(sizes).toEqual({ left: "20px", right: "20px", boxes: ["16x16"], small: [], wide: 0 });
      // the KIA chart at the pane's width: its text 12 px, the marker away from the edges
      const chart = await page.evaluate(() => {
        const svg = document.querySelector<SVGSVGElement>("figure.chart svg")!;
        const box = svg.getBoundingClientRect();
        const marker = svg.querySelector("circle.marker")!.getBoundingClientRect();
        const fonts = [...svg.querySelectorAll("text")].map((t) => t.getBoundingClientRect().height);
        return {
          scale: Math.abs(box.width - svg.viewBox.baseVal.width) < 1,
          markerInside: marker.left > box.left + 4 && marker.right < box.right - 4,
          smallest: Math.min(...fonts),
        };
      });
      expect(chart.scale).toBe(true);
      expect(chart.markerInside).toBe(true);
      expect(chart.smallest).toBeGreaterThanOrEqual(12);
      await expectNoWrappedAmounts(page);
      // the footer's date in Dutch: "22 november 2026", not 2026-11-22
      const about = await page.textContent("#about");
      expect(about).toMatch(
        /gecontroleerd op \d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}\./,
      );
      expect(about).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      // the sticky summary never covers the first line of the result
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.focus("#result-table tr:not([hidden]) a");
      await expectClearOfSummary(page, "#result-table tr:not([hidden])");
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, `taakvenster-${width}`, "view");
      await screenshot(page, `12-scenario-${width}`);
      await page.close();
    });

    test("the whole pane by keyboard: every control in order, in view, none twice; menus open and close", async () => {
      const { page } = await open();
      await fillClient(page, "40.000", "1.400");
      await page.click("#f-inv-add");
      await page.fill("#f-inv-1-bedrag", "10.000");
      // from the top of the pane, as after opening it
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.click("h1");
      /** Tab (or Shift+Tab) through the pane until a control comes round again: each in view, none under the summary. */
      const walk = async (key: "Tab" | "Shift+Tab") => {
        const visited: string[] = [];
        for (let i = 0; i < 120; i++) {
          await page.keyboard.press(key);
          const at = await page.evaluate(() => {
            const e = document.activeElement as HTMLElement | null;
            if (!e || e === document.body) return null;
            const r = e.getBoundingClientRect();
            const summary = document.getElementById("summary")?.getBoundingClientRect();
            const inSummary = !!e.closest("#summary");
            const covered = !!summary && !inSummary && r.top < summary.bottom - 1 && summary.top <= 1;
            const inView = r.bottom > 0 && r.top < window.innerHeight && r.width > 0;
            return {
              id: e.id || `${e.tagName.toLowerCase()}:${e.getAttribute("aria-label") ?? e.textContent}`,
              inView,
              covered,
            };
          });
          if (!at || visited.includes(at.id)) break;
          expect([key, at.id, at.inView, at.covered]).toEqual([key, at.id, true, false]);
          visited.push(at.id);
        }
        return visited;
      };
      const visited = await walk("Tab");
      // and back up from the end: what comes into view at the top is not hidden under the sticky summary
      const back = await walk("Shift+Tab");
      expect(back.length).toBeGreaterThan(20);
      const firstFields = [
        "scenario-select",
        "scenario-actions",
        "scenario-name",
        "f-jaar",
        "f-winst",
        "f-urenOnderneming",
      ];
      const start = visited.indexOf("scenario-select");
      expect(visited.slice(start, start + firstFields.length)).toEqual(firstFields);
      // only the selected tab is a Tab stop; the settings and overflow come after the tabs
      expect(visited.filter((id) => id.startsWith("tab-"))).toEqual(["tab-scenario"]);
      expect(visited.indexOf("settings")).toBeGreaterThan(visited.indexOf("tab-scenario"));
      // the investment's "al betaald" is no Tab stop while it is in use; the form ends with the KOR
      expect(visited).not.toContain("f-inv-1-betaald");
      expect(visited.indexOf("f-inv-1-bedrag")).toBeLessThan(visited.indexOf("f-inv-add"));
      expect(visited.indexOf("f-particulierZelfdePrijs")).toBeGreaterThan(visited.indexOf("f-inv-add"));
      expect(visited).toContain("zero-lines");
      expect(visited.some((id) => id.startsWith("a:wettekst"))).toBe(true);
      // tabs by arrow keys
      await page.focus("#tab-scenario");
      await page.keyboard.press("ArrowRight");
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("tab-compare");
      await page.keyboard.press("End");
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("tab-check");
      await page.keyboard.press("Home");
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("tab-scenario");
      // the settings menu: Enter opens it on its first item, arrows move, Escape closes it on the button
      await page.focus("#settings");
      await page.keyboard.press("Enter");
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("lang-nl");
      await page.keyboard.press("ArrowDown");
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("lang-en");
      await page.keyboard.press("Escape");
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("settings");
      await expect(page.getAttribute("#settings", "aria-expanded")).resolves.toBe("false");
      // the scenario actions by keyboard: Arrow Down opens, Enter chooses, the focus lands on the new name
      await page.focus("#scenario-actions");
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("ArrowDown");
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("scenario-duplicate");
      await page.keyboard.press("Enter");
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("scenario-name");
      await expect(page.inputValue("#scenario-name")).resolves.toBe("Scenario 1 (kopie)");
      await page.close();
    });

    test("no serious accessibility violations: empty, wrong, with a result, menus open, comparing", async () => {
      const { page } = await open();
      expect(await axeViolations(page)).toEqual([]);
      await page.fill("#f-winst", "6.0000");
      await page.fill("#f-urenOnderneming", "1.400");
      expect(await axeViolations(page)).toEqual([]);
      await page.fill("#f-winst", "40.000");
      await page.click("#f-inv-add");
      await page.fill("#f-inv-1-bedrag", "10.000");
      await page.click("#zero-lines");
      await page.click("#settings");
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press("Escape");
      await scenarioAction(page, "scenario-duplicate");
      await page.click("#tab-compare");
      await page.waitForSelector("#compare-table");
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  });
}
