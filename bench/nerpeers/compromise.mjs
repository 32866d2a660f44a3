// compromise.mjs: times compromise (npm) on the text that
// bench/nerpeers/mkcorpus writes, the way tagbench times prose and sitrep,
// and prints one JSON line.
//
//   node compromise.mjs CORPUS [WARMUP_BYTES] [LIMIT_BYTES] [MIN_SECONDS]
//
// run.sh copies this file next to the node_modules folder it installs
// compromise into (a temporary folder), so that `import 'compromise'` finds it.
//
// Each paragraph (one non-empty line) is one nlp(p) call, which tokenizes and
// tags it; then .people(), .places() and .organizations() find the entities.
// Tokens are compromise's own count, doc.terms().length (words; punctuation
// stays attached to its word). Loading is the import plus a first nlp call;
// then a warm-up pass over the first WARMUP_BYTES (100000) of the text, so
// that V8 has compiled the hot code; then the timed pass over all of it,
// repeated until MIN_SECONDS (1) have passed; seconds and cpu_s are per pass.
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'

const [corpus, warmupArg, limitArg, minArg] = process.argv.slice(2)
if (!corpus) {
  console.error('usage: node compromise.mjs CORPUS [WARMUP_BYTES] [LIMIT_BYTES] [MIN_SECONDS]')
  process.exit(2)
}
const warmupBytes = Number(warmupArg ?? 100000)
const limitBytes = Number(limitArg ?? 0)
const minSeconds = Number(minArg ?? 1)

// prefix returns the first paragraphs holding about n bytes (at least one).
function prefix(ps, n) {
  let size = 0
  for (let i = 0; i < ps.length; i++) {
    if (size >= n && i > 0) return ps.slice(0, i)
    size += Buffer.byteLength(ps[i])
  }
  return ps
}

let paras = readFileSync(corpus, 'utf8').split('\n').map(p => p.trim()).filter(p => p !== '')
if (limitBytes > 0) paras = prefix(paras, limitBytes)

function tag(nlp, p) {
  const doc = nlp(p)
  const tokens = doc.terms().length
  const entities = doc.people().length + doc.places().length + doc.organizations().length
  return [tokens, entities]
}

const t0 = performance.now()
const nlp = (await import('compromise')).default
tag(nlp, 'Ban Ki-moon visited Nairobi, Kenya, on Monday with officials of the United Nations.')
const loadS = (performance.now() - t0) / 1000

for (const p of prefix(paras, warmupBytes)) tag(nlp, p)
if (globalThis.gc) globalThis.gc()

let tokens = 0
let entities = 0
let passes = 0
const c0 = process.cpuUsage()
const start = performance.now()
while (passes === 0 || (performance.now() - start) / 1000 < minSeconds) {
  tokens = 0
  entities = 0
  for (const p of paras) {
    const [n, e] = tag(nlp, p)
    tokens += n
    entities += e
  }
  passes++
}
const seconds = (performance.now() - start) / 1000 / passes
const c = process.cpuUsage(c0)
let bytes = 0
for (const p of paras) bytes += Buffer.byteLength(p)

console.log(JSON.stringify({
  tool: 'compromise',
  units: paras.length,
  tokens,
  entities,
  bytes,
  load_s: loadS,
  passes,
  seconds,
  cpu_s: (c.user + c.system) / 1e6 / passes,
  note: `compromise ${nlp.version}, node ${process.version}`,
}))
