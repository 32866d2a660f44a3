// hostile.mjs opens the pages of articles written to attack the reader
// (e2e_test.go ingests them: script tags, event handlers, javascript: URLs,
// a 50,000-character unbroken string, right-to-left overrides) and checks
// they render inert and legible: nothing runs, no dialog opens, no link
// leads to script, and the page does not scroll sideways. It also takes the
// overview on a phone-sized screen.
//
// Environment: BASE_URL, ARTIFACTS, CHROMIUM, and MARKER, a word every
// hostile article's title carries (to find them through the API).

import { config, launch, watch, Steps, expect, shot } from "./lib.mjs";

const cfg = config();
const marker = process.env.MARKER || "x7hostile";
const steps = new Steps(cfg);
const problems = [];
const { context, close } = await launch(cfg);
const page = context.pages()[0] || (await context.newPage());
watch(page, problems);
const at = (path) => cfg.base + path;

// inertness is evaluated in the page: what the hostile text could have
// turned into if it had been pasted in as HTML.
function inspect() {
  const found = [];
  if (window.__pwned !== undefined) found.push(`window.__pwned is ${String(window.__pwned)}`);
  for (const s of document.querySelectorAll("script")) {
    const src = s.getAttribute("src");
    const type = s.getAttribute("type");
    if (src ? !new URL(src, location.href).pathname.startsWith("/assets/") : type !== "application/json") {
      found.push(`script element ${s.outerHTML.slice(0, 80)}`);
    }
  }
  for (const el of document.querySelectorAll("*")) {
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) found.push(`${el.tagName.toLowerCase()} has ${a.name}`);
      if (/^(href|src|action|formaction|xlink:href)$/i.test(a.name) && /^\s*javascript:/i.test(a.value)) {
        found.push(`${el.tagName.toLowerCase()} ${a.name}=${a.value.slice(0, 60)}`);
      }
    }
  }
  for (const tag of ["iframe", "object", "embed", "img[src='x']"]) {
    if (document.querySelector(`#main ${tag}`)) found.push(`a ${tag} element in the page`);
  }
  // A right-to-left override may only show inside an inline isolate (bdi,
  // or an inline element with dir=auto or unicode-bidi isolate/plaintext),
  // so that it cannot reorder the rest of its paragraph; better still, it
  // is shown as a visible mark. Blocks isolate too, but a whole paragraph
  // is what "gnp.exe" tricks reorder.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!/[\u202A-\u202E\u2066-\u2069]/.test(n.data)) continue;
    let isolated = false;
    for (let e = n.parentElement; e && !isolated; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.display !== "inline") break;
      const ub = style.unicodeBidi;
      isolated = e.tagName === "BDI" || ub === "isolate" || ub === "plaintext" || ub === "isolate-override";
    }
    if (!isolated) found.push(`a bidi control character shown unisolated in <${n.parentElement.tagName.toLowerCase()}>: ${JSON.stringify(n.data.slice(0, 40))}`);
  }
  return {
    found,
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    text: document.body.innerText,
  };
}

let hostile = [];
await steps.group("hostile", page, [
  ["07-find-hostile", async () => {
    const res = await page.request.get(at(`/api/articles?q=${encodeURIComponent(marker)}&limit=20`));
    expect(res.ok(), `GET /api/articles?q=${marker} answered ${res.status()}`);
    hostile = ((await res.json()).articles || []).filter((a) => String(a.title).includes(marker));
    expect(hostile.length > 0, `no stored article has ${marker} in its title`);
  }],
  ["07-hostile-inert", async () => {
    for (const [i, a] of hostile.entries()) {
      const res = await page.goto(at(`/articles/${encodeURIComponent(a.id)}`));
      expect(res && res.ok(), `GET /articles/${a.id} answered ${res && res.status()}`);
      await page.locator("#article-text").waitFor();
      // Give any injected script or failed image a moment to fire.
      await page.waitForLoadState("networkidle");
      const r = await page.evaluate(inspect);
      expect(r.found.length === 0, `${a.title.slice(0, 40)}: ${r.found.join("; ")}`);
      expect(r.scrollWidth <= r.innerWidth + 4, `${a.id}: the page scrolls sideways (${r.scrollWidth}px wide in a ${r.innerWidth}px window): long strings do not wrap`);
      // Legible: the markup shows as the text it is, not dropped silently.
      expect(r.text.includes("window.__pwned"), `${a.id}: the hostile markup is not shown as text`);
      const suffix = i === 0 ? "" : `-${i + 1}`;
      await shot(page, cfg, `07-hostile${suffix}.png`);
      // The long string wrapped, in the window.
      const long = page.locator("#article-text :text-matches('AAAAAAAAAA')").first();
      if ((await long.count()) > 0) {
        await long.evaluate((e) => e.scrollIntoView({ block: "start" }));
        await page.screenshot({ path: `${cfg.artifacts}/07-hostile${suffix}-long.png` });
      }
    }
  }],
]);

const { context: phone, close: closePhone } = await launch(cfg, {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
});
const small = phone.pages()[0] || (await phone.newPage());
watch(small, problems);
await steps.group("phone", small, [
  ["08-phone", async () => {
    const res = await small.goto(at("/"));
    expect(res && res.ok(), `GET / answered ${res && res.status()}`);
    await small.locator("article.story-card").first().waitFor();
    const r = await small.evaluate(inspect);
    expect(r.scrollWidth <= r.innerWidth + 4, `the overview scrolls sideways on a phone (${r.scrollWidth}px in ${r.innerWidth}px)`);
    await shot(small, cfg, "08-phone.png");
  }],
]);

await closePhone();
await close();
steps.finish(problems);
