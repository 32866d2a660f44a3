// a11y.mjs checks the desk's pages for accessibility in a real browser, as
// e2e_test.go starts it. It runs axe-core's WCAG 2.1 A and AA rules on one
// page of each kind (overview, search, the seed's story, an incident, an
// article with and without its facts panel filled, an entity, sign-in, the
// review queue and form, the audit log, the export) and fails on any
// violation axe rates serious or critical; moderate and minor ones are
// printed as warnings; it also fails on duplicate ids, which axe 4 no
// longer reports. It then checks by keyboard alone: the skip link is the
// first stop and moves focus to the main content; every stop on an article
// page shows a focus indicator; a highlighted passage can be reached with
// Tab and opened with Enter into the facts panel; and on a phone, passages
// reached by Tab are not hidden under the pinned facts panel.
//
// It does not judge what axe cannot (reading order, whether a label makes
// sense, zoom), nor the hostile articles (hostile.mjs does).
//
// Environment: BASE_URL, USER_NAME and PASSWORD (an editor), ARTIFACTS,
// CHROMIUM, MARKER (the hostile articles' title word, to avoid them).

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { config, launch, watch, Steps, expect } from "./lib.mjs";

const cfg = config();
const marker = process.env.MARKER || "x7hostile";
const steps = new Steps(cfg);
const problems = [];
const at = (path) => cfg.base + path;
const started = Date.now();

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const WCAG21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const FAILING = new Set(["serious", "critical"]);

// The audit context bypasses the pages' Content-Security-Policy, which
// forbids inline scripts: that is the only way to inject axe-core into the
// page. Nothing but the audit runs in it; the keyboard checks below use a
// context with the CSP in force, as a reader's browser has it.
const audit = await launch(cfg, { bypassCSP: true });
const page = audit.context.pages()[0] || (await audit.context.newPage());
watch(page, problems);

// Counts of violations by impact over every page, for the summary.
const tally = { critical: 0, serious: 0, moderate: 0, minor: 0 };

// check loads nothing itself: it runs axe on the page as it stands and
// throws when a serious or critical violation is found.
async function check(name) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }),
    WCAG21_AA,
  );
  const failing = [];
  for (const v of result.violations) {
    const impact = v.impact || "minor";
    tally[impact] = (tally[impact] || 0) + v.nodes.length;
    const targets = v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ");
    const more = v.nodes.length > 3 ? ` (+${v.nodes.length - 3} more)` : "";
    const line = `${v.id} [${impact}] ${v.help}: ${v.nodes.length} node(s): ${targets}${more}`;
    if (FAILING.has(impact)) {
      failing.push(line);
      console.log(`     ${name}: ${line}`);
      // The first node's summary says what is wrong with it, e.g. the
      // contrast measured.
      const why = (v.nodes[0].failureSummary || "").split("\n").slice(1, 2).join("").trim();
      if (why) console.log(`       ${why}`);
    } else {
      console.log(`warn ${name}: ${line}`);
    }
  }
  // axe 4 no longer checks that ids are unique (browsers cope), but a
  // label's for, aria-labelledby and the skip link name an element by id,
  // and a duplicate makes them name the wrong one.
  const dupes = await page.evaluate(() => {
    const seen = new Map();
    for (const e of document.querySelectorAll("[id]")) seen.set(e.id, (seen.get(e.id) || 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id, n]) => `#${id} ×${n}`);
  });
  if (dupes.length > 0) {
    tally.serious += dupes.length;
    failing.push(`duplicate ids: ${dupes.slice(0, 5).join(", ")}`);
    console.log(`     ${name}: duplicate ids [serious]: ${dupes.slice(0, 5).join(", ")}`);
  }
  expect(failing.length === 0, `${failing.length} serious or critical violation(s) on ${page.url()}`);
}

// visit loads path and waits until it has settled: htmx and the map are
// deferred scripts, and the story's map draws after load.
async function visit(path) {
  const res = await page.goto(path.startsWith("http") ? path : at(path));
  expect(res && res.ok(), `GET ${path} answered ${res && res.status()}`);
  await page.waitForLoadState("load");
}

// hrefOf returns the first matching link's address, made absolute.
async function hrefOf(locator, what) {
  expect((await locator.count()) > 0, `no ${what} on ${page.url()}`);
  const href = await locator.first().getAttribute("href");
  return new URL(href, page.url()).toString();
}

// The pages to audit are found the way a reader finds them, from the
// overview: the seed's story, and from it an incident, an article and an
// entity.
const urls = {};
await steps.group("find-pages", page, [
  ["a11y-find-pages", async () => {
    await visit("/");
    const stories = page.locator("a.story-link").filter({ hasNotText: marker });
    let story = stories.filter({ hasText: /Mexico/i });
    if ((await story.count()) === 0) story = stories;
    urls.story = await hrefOf(story, "story link (a.story-link)");
    await visit(urls.story);
    urls.incident = await hrefOf(page.locator('main a[href^="/incidents/"]'), "link to an incident");
    urls.article = await hrefOf(page.locator("#timeline a.article-link").filter({ hasNotText: marker }), "article link in #timeline");
    let entity = page.locator('main a[href^="/entities/"]');
    if ((await entity.count()) === 0) {
      await visit(urls.article);
      entity = page.locator('main a[href^="/entities/"]');
    }
    urls.entity = await hrefOf(entity, "link to an entity");
  }],
]);

// Each page is a group of its own, so that one page's violations do not
// hide another's.
const readerPages = [
  ["overview", () => "/"],
  ["search", () => "/search?q=" + encodeURIComponent("strike")],
  ["story", () => urls.story, async () => {
    // The map is drawn by script after load; audit it drawn.
    await page.locator("#map svg").first().waitFor({ timeout: 5_000 }).catch(() => {});
  }],
  ["incident", () => urls.incident],
  ["article", () => urls.article],
  ["article-facts", () => urls.article, async () => {
    // The facts panel filled, as a highlighted passage leaves it.
    const seg = page.locator("#article-text a.seg").first();
    expect((await seg.count()) > 0, "the article has no highlighted passage (#article-text a.seg)");
    await seg.click();
    await page.locator("#facts .facts-title").waitFor();
  }],
  ["entity", () => urls.entity],
  ["login", () => "/login"],
];
for (const [name, url, settle] of readerPages) {
  await steps.group(name, page, [
    [`a11y-${name}`, async () => {
      const u = url();
      expect(u, `the ${name} page was not found (see a11y-find-pages)`);
      await visit(u);
      if (settle) await settle();
      await check(name);
    }],
  ]);
}

// The review pages need an editor; desk.mjs signs in the same way.
const signedIn = await steps.group("sign-in", page, [
  ["a11y-sign-in", async () => {
    expect(cfg.user && cfg.password, "no USER_NAME/PASSWORD: the harness could not create an editor");
    await visit("/login");
    await page.getByLabel(/user ?name/i).fill(cfg.user);
    await page.getByLabel(/password/i).fill(cfg.password);
    await Promise.all([page.waitForURL((u) => !u.pathname.startsWith("/login")), page.getByRole("button", { name: "Sign in" }).click()]);
  }],
]);
const editorPages = [
  ["review-queue", async () => visit("/review")],
  ["review-form", async () => {
    await visit("/review");
    const rows = page.locator("#queue tbody tr").filter({ hasNotText: marker });
    await visit(await hrefOf(rows.locator('a[href^="/review/"]'), "incident in #queue linking to its review form"));
    await page.locator("#review-form").waitFor();
  }],
  ["audit", async () => visit("/audit")],
  ["export", async () => visit("/export")],
];
for (const [name, load] of editorPages) {
  if (!signedIn) {
    steps.skipped.push(`a11y-${name}`);
    console.log(`skip a11y-${name} (not signed in)`);
    continue;
  }
  await steps.group(name, page, [[`a11y-${name}`, async () => { await load(); await check(name); }]]);
}
await audit.close();
console.log(`axe found ${tally.critical} critical, ${tally.serious} serious, ${tally.moderate} moderate, ${tally.minor} minor violation node(s) on ${readerPages.length + editorPages.length} pages`);

// Keyboard checks, with the CSP in force.
const kb = await launch(cfg);
const kpage = kb.context.pages()[0] || (await kb.context.newPage());
watch(kpage, problems);
// focused describes the focused element: whether it is on screen, whether
// something else (the pinned facts panel) covers its middle, and whether
// focus gives it an indicator (an outline of 2px or more, or a box shadow,
// that it lacks unfocused).
const focused = () =>
  kpage.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body) return { tag: "body" };
    // A passage wrapped after its leading space has an empty first box.
    const r = [...e.getClientRects()].find((b) => b.width > 0) || e.getBoundingClientRect();
    const visible = r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight;
    const hit = visible ? document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) : null;
    // The indicator must be something focus adds: a highlighted count is
    // outlined whether focused or not. Focus given back by script after a
    // key press still matches :focus-visible.
    const look = () => {
      const st = getComputedStyle(e);
      return { outline: `${st.outlineStyle} ${st.outlineWidth} ${st.outlineColor}`, shadow: st.boxShadow, strong: (st.outlineStyle !== "none" && parseFloat(st.outlineWidth) >= 2) || st.boxShadow !== "none" };
    };
    const on = look();
    e.blur();
    const off = look();
    e.focus({ preventScroll: true });
    const ring = on.strong && (on.outline !== off.outline || on.shadow !== off.shadow);
    return {
      tag: e.tagName.toLowerCase(), id: e.id, cls: typeof e.className === "string" ? e.className : "",
      text: (e.textContent || "").trim().slice(0, 40), visible, covered: visible && !(hit && (e === hit || e.contains(hit))), ring,
    };
  });
const isSeg = (f) => f.tag === "a" && /\bseg\b/.test(f.cls);

// Each check is a group of its own: they load their own pages.
const keyboardChecks = [
  ["a11y-skip-link", async () => {
    expect(urls.story, "the story page was not found (see a11y-find-pages)");
    await kpage.goto(urls.story);
    await kpage.keyboard.press("Tab");
    const first = await focused();
    expect(first.tag === "a" && /\bskip\b/.test(first.cls), `the first Tab stop is ${JSON.stringify(first)}, not the skip link`);
    expect(first.visible, "the skip link is not visible when focused");
    await kpage.keyboard.press("Enter");
    const after = await focused();
    expect(after.tag === "main" && after.id === "main", `Enter on the skip link focused ${JSON.stringify(after)}, not main#main`);
  }],
  ["a11y-focus-visible", async () => {
    // Every Tab stop on the article page up to a highlighted count (whose
    // own cue is an outline) must show where focus is.
    expect(urls.article, "the article page was not found (see a11y-find-pages)");
    await kpage.goto(urls.article);
    const bare = [];
    let f = { tag: "body" };
    let stops = 0;
    for (; stops < 400 && !(isSeg(f) && /\bl-count\b/.test(f.cls)); stops++) {
      await kpage.keyboard.press("Tab");
      f = await focused();
      if (f.tag !== "body" && !f.ring) bare.push(`${f.tag}.${f.cls} ${JSON.stringify(f.text)}`);
    }
    console.log(`     checked ${stops} Tab stops for a focus indicator`);
    expect(bare.length === 0, `${bare.length} Tab stop(s) show no focus indicator: ${bare.slice(0, 5).join("; ")}`);
  }],
  ["a11y-segment-by-keyboard", async () => {
    expect(urls.article, "the article page was not found (see a11y-find-pages)");
    await kpage.goto(urls.article);
    let stops = 0;
    let f = await focused();
    for (; stops < 300 && !isSeg(f); stops++) {
      await kpage.keyboard.press("Tab");
      f = await focused();
    }
    expect(isSeg(f), `no highlighted passage reached in ${stops} Tab presses (last: ${JSON.stringify(f)})`);
    expect(f.visible, `the focused passage ${JSON.stringify(f.text)} is not on screen`);
    console.log(`     first highlighted passage ${JSON.stringify(f.text)} is Tab stop ${stops}`);
    await kpage.keyboard.press("Enter");
    await kpage.locator("#facts .facts-title").waitFor();
    const facts = (await kpage.locator("#facts").innerText()).trim();
    expect(/At character \d+/.test(facts), `#facts after Enter says ${JSON.stringify(facts.slice(0, 80))}`);
  }],
  ["a11y-phone-focus-clear", async () => {
    // On a phone the facts panel is pinned over the bottom of the text: a
    // passage reached by Tab must be scrolled clear of it, not under it.
    // Tab far enough into the text for the page to have to scroll.
    await kpage.setViewportSize({ width: 375, height: 700 });
    await kpage.goto(urls.article);
    await kpage.locator("#article-text a.seg").first().click();
    await kpage.locator("#facts .facts-title").waitFor();
    const hidden = [];
    for (let i = 0; i < 40; i++) {
      await kpage.keyboard.press("Tab");
      const f = await focused();
      if (f.tag !== "body" && (!f.visible || f.covered)) hidden.push(`${f.tag}.${f.cls} ${JSON.stringify(f.text)}`);
    }
    expect(hidden.length === 0, `${hidden.length} of 40 Tab stops were off screen or under the facts panel: ${hidden.slice(0, 3).join("; ")}`);
  }],
];
for (const check of keyboardChecks) await steps.group(check[0], kpage, [check]);
await kb.close();

console.log(`a11y took ${Date.now() - started} ms`);
steps.finish(problems);
