// desk.mjs walks the analyst's desk in a real browser, as e2e_test.go
// starts it: the overview, a story with its tally and map, an article and a
// highlighted quote, review and correction of an incident, and the export.
// Each step is named; a failing step prints its name and the process exits
// non-zero. Screenshots go to $ARTIFACTS.
//
// Environment: BASE_URL (the running sitrep), USER_NAME and PASSWORD (an
// editor), ARTIFACTS (directory), CHROMIUM (executable).

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { config, launch, watch, Steps, expect, shot } from "./lib.mjs";

const cfg = config();
const steps = new Steps(cfg);
const problems = [];
const { context, close } = await launch(cfg);
const page = context.pages()[0] || (await context.newPage());
watch(page, problems);

const at = (path) => cfg.base + path;
const marker = process.env.MARKER || "x7hostile";
let storyTitle = "";
let storyURL = "";

await steps.group("reading", page, [
  ["01-overview", async () => {
    const res = await page.goto(at("/"));
    expect(res && res.ok(), `GET / answered ${res && res.status()}`);
    await page.locator("article.story-card").first().waitFor();
    const cards = await page.locator("article.story-card").count();
    expect(cards > 0, "no article.story-card on the overview");
    await page.getByRole("search").waitFor();
    await shot(page, cfg, "01-overview.png");
  }],
  ["02-story", async () => {
    // The seed's story; the hostile articles make a story of their own,
    // which hostile.mjs visits.
    const stories = page.locator("a.story-link").filter({ hasNotText: marker });
    let link = stories.filter({ hasText: /Mexico/i }).first();
    if ((await link.count()) === 0) link = stories.filter({ hasText: /strikes/i }).first();
    expect((await link.count()) > 0, "no story whose title mentions Mexico or strikes");
    storyTitle = (await link.innerText()).trim();
    await Promise.all([page.waitForURL(/\/stories\/[^/]+$/), link.click()]);
    storyURL = page.url();
    const h1 = (await page.locator("h1").first().innerText()).trim();
    expect(h1 === storyTitle, `story page heading ${JSON.stringify(h1)}, the link said ${JSON.stringify(storyTitle)}`);
    await shot(page, cfg, "02-story.png");
  }],
  ["02-tally-sources", async () => {
    const rows = page.locator("#tally-sources tbody tr");
    const n = await rows.count();
    expect(n > 0, "#tally-sources has no rows");
    let named = 0;
    for (let i = 0; i < n; i++) {
      const sources = (await rows.nth(i).locator("td").last().innerText()).trim();
      if (/\p{L}{2,}/u.test(sources)) named++;
    }
    expect(named > 0, `none of the ${n} rows of #tally-sources names a source`);
    const titles = await page.locator("#tally svg.tally-chart title").allTextContents();
    expect(titles.some((t) => t.trim() !== ""), "the tally chart has no <title> naming a figure's sources");
  }],
  ["03-map", async () => {
    const points = JSON.parse((await page.locator("script#map-data").textContent()) || "[]");
    expect(Array.isArray(points) && points.length > 0, "script#map-data holds no points");
    await page.locator("#map svg circle.map-point").first().waitFor();
    const circles = await page.locator("#map svg circle.map-point").count();
    expect(circles >= 1, "the map drew no circle");
    const label = await page.locator("#map svg.incident-map-svg").getAttribute("aria-label");
    expect(/^Map of \d+ incidents?$/.test(label || ""), `map label ${JSON.stringify(label)}`);
  }],
  ["04-article-quote", async () => {
    const article = page.locator("#timeline a.article-link").filter({ hasNotText: marker }).first();
    expect((await article.count()) > 0, "the story's timeline links no article");
    await Promise.all([page.waitForURL(/\/articles\/[^/?#]+/), article.click()]);
    await page.locator("#article-text").waitFor();
    const quote = page.locator("#article-text .seg.l-quote").first();
    expect((await quote.count()) > 0, "the article has no highlighted quote (.seg.l-quote)");
    // The text names each quote's speaker after it (a.speaker-arrow); the
    // facts panel must name the same speaker once the quote is clicked.
    const arrows = (await page.locator("#article-text a.speaker-arrow").allInnerTexts()).map((t) => t.replace(/^\s*→\s*/, "").trim());
    expect(arrows.length > 0, "the article text names no speaker (a.speaker-arrow)");
    await quote.scrollIntoViewIfNeeded();
    await quote.click();
    const fact = page.locator("#facts .f-quote").first();
    await fact.waitFor();
    const speaker = (await fact.locator("dt:text-is('Speaker') + dd").innerText()).trim();
    expect(speaker !== "", "the facts panel names no speaker for the quote");
    expect(arrows.includes(speaker), `the facts panel names ${JSON.stringify(speaker)}, the text's arrows name ${JSON.stringify([...new Set(arrows)])}`);
    await shot(page, cfg, "03-article-quote.png");
  }],
  ["04-back-to-story", async () => {
    // htmx may have pushed history entries; go back until the story shows.
    for (let i = 0; i < 4 && page.url() !== storyURL; i++) await page.goBack();
    expect(page.url() === storyURL, `back led to ${page.url()}, not the story ${storyURL}`);
    const h1 = (await page.locator("h1").first().innerText()).trim();
    expect(h1 === storyTitle, `after going back the heading is ${JSON.stringify(h1)}`);
  }],
]);

// Review and export need an editor; they do not depend on the reading steps.
let incidentID = "";
const correctedKilled = "77";
await steps.group("editing", page, [
  ["05-sign-in", async () => {
    expect(cfg.user && cfg.password, "no USER_NAME/PASSWORD: the harness could not create an editor");
    await page.goto(at("/login"));
    await page.getByLabel(/user ?name/i).fill(cfg.user);
    await page.getByLabel(/password/i).fill(cfg.password);
    await Promise.all([page.waitForURL((u) => !u.pathname.startsWith("/login")), page.getByRole("button", { name: "Sign in" }).click()]);
    const header = await page.locator("header").innerText();
    expect(header.includes(cfg.user), `after signing in the header does not name ${cfg.user}`);
  }],
  ["05-review-queue", async () => {
    await page.goto(at("/review"));
    await page.locator("#queue").waitFor();
    await shot(page, cfg, "04-review.png");
    // An incident of the seed's story, not of the hostile articles', and
    // preferably one that happened (a threat killed no one).
    const rows = page.locator("#queue tbody tr").filter({ hasNotText: marker });
    const seed = rows.filter({ hasText: /Mexico/i });
    let row = seed.filter({ hasNotText: /threat|plan/i }).first();
    if ((await row.count()) === 0) row = seed.first();
    if ((await row.count()) === 0) row = rows.first();
    const open = row.locator('a[href^="/review/"]').first();
    expect((await open.count()) > 0, "no incident in #queue links to its review form");
    await Promise.all([page.waitForURL(/\/review\/[^/]+$/), open.click()]);
    incidentID = decodeURIComponent(new URL(page.url()).pathname.split("/").pop());
  }],
  ["05-correct-incident", async () => {
    const form = page.locator("#review-form");
    await form.waitFor();
    // Low, best and high together, so that the correction is consistent
    // whatever the machine's figures were.
    for (const f of ["Low", "Best", "High"]) {
      await form.getByRole("group", { name: "Killed" }).getByLabel(f, { exact: true }).fill(correctedKilled);
    }
    await form.getByLabel(/^Note/).fill("e2e: corrected the killed figures");
    // A decision taken leads to the incident's page; a refused one shows
    // the form again with the reason.
    await form.getByRole("button", { name: "Correct" }).click();
    try {
      await page.waitForURL((u) => u.pathname.startsWith("/incidents/"));
    } catch {
      const alert = page.locator('[role="alert"], .error');
      const why = (await alert.count()) > 0 ? (await alert.first().innerText()).trim() : "no reason shown";
      throw new Error(`the correction was not taken (still at ${page.url()}): ${why}`);
    }
    await page.goto(at("/incidents/" + encodeURIComponent(incidentID)));
    await page.locator("#review-state").waitFor();
    await shot(page, cfg, "05-incident-reviewed.png");
  }],
  ["05-incident-shows-correction", async () => {
    const state = await page.locator("#review-state").innerText();
    expect(/corrected/i.test(state), `#review-state says ${JSON.stringify(state)}`);
    const body = await page.locator("main").innerText();
    expect(new RegExp(`\\b${correctedKilled}\\b`).test(body), `the incident page does not show the corrected killed figure ${correctedKilled}`);
  }],
  ["06-export", async () => {
    await page.goto(at("/export"));
    const link = page.locator('a.export-link[href*="format=acled"]').first();
    await link.waitFor();
    await shot(page, cfg, "06-export.png");
    const href = await link.getAttribute("href");
    const res = await page.request.get(new URL(href, page.url()).toString());
    expect(res.ok(), `GET ${href} answered ${res.status()}`);
    const csv = await res.text();
    writeFileSync(join(cfg.artifacts, "export-acled.csv"), csv);
    const [head, ...rows] = parseCSV(csv);
    expect(head, "the ACLED export is empty");
    const col = Object.fromEntries(head.map((name, i) => [name, i]));
    for (const c of ["event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "country", "location", "latitude", "longitude", "source", "notes", "fatalities"]) {
      expect(c in col, `the ACLED header lacks ${c}: ${head.join(",")}`);
    }
    expect(rows.length > 0, "the ACLED export has no rows");
    const row = rows.find((r) => r[col.event_id_cnty] === incidentID);
    expect(row, `no ACLED row has event_id_cnty ${incidentID}`);
    expect(row[col.fatalities] === correctedKilled, `the corrected incident's fatalities are ${row[col.fatalities]}, not ${correctedKilled}`);
    if ("review_state" in col) expect(row[col.review_state] === "corrected", `its review_state is ${row[col.review_state]}`);
  }],
]);

// parseCSV reads RFC 4180 CSV: quoted fields may hold commas, quotes and
// line breaks (the notes column does).
function parseCSV(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else {
      field += c;
    }
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

await close();
steps.finish(problems);
