// Builds ../assets/map.js from src/map.js: one minified IIFE holding d3-geo,
// topojson-client and the world-atlas 1:110m countries, with a header naming
// them and carrying their licence texts (taken from node_modules, for the
// packages esbuild actually bundled). Run `npm ci && npm run build` here.
//
// The output is deterministic: no timestamps, sorted package list, pinned
// versions (package-lock.json), so a rebuild of the same tree gives the same
// bytes and the committed file can be checked against its source.

import { build } from "esbuild";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "assets", "map.js");

// The countries' names and ids are not drawn; dropping them saves a fifth of
// the atlas.
const leanAtlas = {
  name: "lean-atlas",
  setup(b) {
    b.onLoad({ filter: /world-atlas[\\/]countries-110m\.json$/ }, (args) => {
      const topo = JSON.parse(readFileSync(args.path, "utf8"));
      for (const obj of Object.values(topo.objects)) {
        for (const g of obj.geometries || []) {
          delete g.properties;
          delete g.id;
        }
      }
      return { contents: JSON.stringify(topo), loader: "json" };
    });
  },
};

const result = await build({
  entryPoints: [join(here, "src", "map.js")],
  bundle: true,
  format: "iife",
  minify: true,
  target: ["es2020"],
  legalComments: "none",
  charset: "utf8",
  metafile: true,
  write: false,
  plugins: [leanAtlas],
});

// Which packages ended up in the bundle, from esbuild's own account.
const packages = new Set();
for (const input of Object.keys(result.metafile.inputs)) {
  const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (m) packages.add(m[1]);
}
const names = [...packages].sort();
for (const required of ["d3-geo", "topojson-client", "world-atlas"]) {
  if (!packages.has(required)) throw new Error(`build: ${required} is missing from the bundle`);
}

const pkgDir = (name) => join(here, "node_modules", name);
const manifest = (name) => JSON.parse(readFileSync(join(pkgDir(name), "package.json"), "utf8"));
const licenceText = (name) => {
  for (const f of ["LICENSE", "LICENSE.md", "LICENSE.txt", "license"]) {
    try {
      return readFileSync(join(pkgDir(name), f), "utf8").trim();
    } catch {
      // try the next spelling
    }
  }
  throw new Error(`build: ${name} has no licence file`);
};

// A comment must not be closed early by the text it quotes.
const safe = (s) => s.replaceAll("*/", "* /");

let header = "/*! sitrep incident map (web/assets/map.js). Generated from web/js by `npm ci && npm run build`; do not edit.\n";
header += " * Bundles d3-geo (ISC), topojson-client (ISC), world-atlas (ISC; map data from Natural Earth, public domain).\n";
header += " * Packages bundled: " + names.map((n) => `${n}@${manifest(n).version} (${manifest(n).license})`).join(", ") + ".\n";
for (const n of names) {
  header += " *\n * ---- " + n + " ----\n";
  for (const line of safe(licenceText(n)).split("\n")) header += (" * " + line).trimEnd() + "\n";
}
header += " */\n";

const code = result.outputFiles[0].text;
writeFileSync(out, header + code);
console.log(`wrote ${out}: ${(header.length + Buffer.byteLength(code)) / 1000} kB (${names.join(", ")})`);
