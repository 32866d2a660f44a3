// Shared by desk.mjs and hostile.mjs: launching the system's chromium the
// way the test machines need it, named steps that fail loudly, and the
// page errors every step is checked for.

import { chromium } from "playwright-core";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// The flags the issue names. The test machines have no internet: nothing
// may phone home (component updates, sync, QUIC probes), and there is no
// GPU and no user namespace for the sandbox.
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function config() {
  const need = (name) => {
    const v = process.env[name];
    if (!v) {
      console.error(`environment variable ${name} is not set`);
      process.exit(2);
    }
    return v;
  };
  const artifacts = process.env.ARTIFACTS || join(process.cwd(), "artifacts");
  mkdirSync(artifacts, { recursive: true });
  return {
    base: need("BASE_URL").replace(/\/+$/, ""),
    chromium: process.env.CHROMIUM || "/usr/bin/chromium",
    user: process.env.USER_NAME || "",
    password: process.env.PASSWORD || "",
    artifacts,
  };
}

// launch starts chromium with a fresh profile directory, removed on close.
// Playwright passes the directory as --user-data-dir itself (it refuses the
// flag in args), so a persistent context on a new temporary directory is
// how a fresh one is given.
export async function launch(cfg, options = {}) {
  const profile = mkdtempSync(join(tmpdir(), "sitrep-e2e-profile-"));
  // Removed however the script ends, a crash included.
  process.on("exit", () => rmSync(profile, { recursive: true, force: true }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: cfg.chromium,
    headless: true,
    args: CHROMIUM_FLAGS,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    timeout: 30_000,
    ...options,
  });
  context.setDefaultTimeout(10_000);
  // Loading a page may take longer than finding an element in it: the
  // hostile article's 50,000-character line takes chromium seconds to lay
  // out on a slow machine.
  context.setDefaultNavigationTimeout(30_000);
  const close = async () => {
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, close };
}

// watch records what must never happen on a page: script errors, console
// errors (chromium reports CSP violations there) and dialogs. A missing
// favicon is the browser's own request, not the page's, and is let through.
export function watch(page, problems) {
  page.on("pageerror", (err) => problems.push(`page error on ${page.url()}: ${err.message}`));
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    const where = msg.location()?.url || "";
    if (/\/favicon\.ico$/.test(where)) return;
    problems.push(`console error on ${page.url()}: ${msg.text()}${where ? ` (${where})` : ""}`);
  });
  page.on("dialog", async (d) => {
    problems.push(`dialog (${d.type()}) on ${page.url()}: ${d.message()}`);
    await d.dismiss().catch(() => {});
  });
}

// Steps run in order; a failed step is reported by name with a screenshot
// and the steps that depend on it are not run. Independent groups of steps
// each get a fresh chance.
export class Steps {
  constructor(cfg) {
    this.cfg = cfg;
    this.failed = [];
    this.passed = [];
    this.skipped = [];
  }

  // group runs fns in order until one fails.
  async group(name, page, steps) {
    for (let i = 0; i < steps.length; i++) {
      const [stepName, fn] = steps[i];
      const started = Date.now();
      try {
        await fn();
        this.passed.push(stepName);
        console.log(`ok   ${stepName} (${Date.now() - started} ms)`);
      } catch (err) {
        this.failed.push(stepName);
        console.log(`FAIL ${stepName}: ${(err && err.message) || err}`);
        if (page) {
          const shot = join(this.cfg.artifacts, `FAIL-${stepName.replace(/[^a-z0-9-]+/gi, "_")}.png`);
          await page.screenshot({ path: shot, timeout: 5_000 }).catch(() => {});
          console.log(`     page: ${page.url()}  screenshot: ${shot}`);
        }
        for (const [later] of steps.slice(i + 1)) {
          this.skipped.push(later);
          console.log(`skip ${later} (after ${stepName} failed in ${name})`);
        }
        return false;
      }
    }
    return true;
  }

  // finish prints the tally and ends the process: non-zero on any failure.
  finish(problems) {
    if (problems.length > 0) {
      this.failed.push("no-page-errors");
      console.log(`FAIL no-page-errors: ${problems.length} problem(s):`);
      for (const p of problems) console.log(`     ${p}`);
    } else {
      this.passed.push("no-page-errors");
      console.log("ok   no-page-errors");
    }
    console.log(`passed ${this.passed.length}, failed ${this.failed.length}, skipped ${this.skipped.length}`);
    if (this.failed.length > 0) {
      console.log(`failed steps: ${this.failed.join(", ")}`);
      process.exitCode = 1;
    }
  }
}

export function expect(cond, message) {
  if (!cond) throw new Error(message);
}

// shot saves the whole page, or only the window when the page is taller
// than chromium can capture in one piece.
export async function shot(page, cfg, name) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.screenshot({ path: join(cfg.artifacts, name), fullPage: height <= 12_000 });
}
