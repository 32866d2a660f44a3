// compromise.mjs: the entities compromise (npm) finds in each line of a
// file, for bench/nerpeers/accuracy to score: CoNLL-2003 sentences or GUM
// paragraphs.
//
//   node compromise.mjs LINES > OUT
//
// LINES holds one unit a line (a sentence, its words joined by single
// spaces, or a paragraph of raw text). For each, one line of OUT: a JSON
// array of {type, start, length}, where type is PER (.people()), LOC
// (.places()) or ORG (.organizations()) and start and length are in bytes
// of the UTF-8 line. compromise gives offsets in UTF-16 code units
// (JavaScript string indices: "José Müller 😀 met Angela Merkel" gives
// Angela start 19, the emoji counting 2), so the line is sliced at them and
// the slices measured in UTF-8 bytes, which the Go side indexes.
//
// The span runs from the first term's start to the last term's end. The
// match's own offset is not used: it also counts the punctuation the terms
// carry around them ('captain David Platt .' for the match 'captain David
// Platt'; '" Randall' gives start 2 but length 9), which would add
// punctuation words to the span or end it inside the next word.
//
// accuracy.sh copies this file next to the node_modules folder it installs
// compromise into, so that `import 'compromise'` finds it.
import { readFileSync } from 'node:fs'
import nlp from 'compromise'

const [path] = process.argv.slice(2)
if (!path) {
  console.error('usage: node compromise.mjs LINES')
  process.exit(2)
}

const bytes = s => Buffer.byteLength(s, 'utf8')
const kinds = [['PER', 'people'], ['LOC', 'places'], ['ORG', 'organizations']]

const lines = readFileSync(path, 'utf8').split('\n')
if (lines.at(-1) === '') lines.pop() // the file ends with a newline
const out = []
for (const text of lines) {
  const doc = nlp(text)
  const ents = []
  for (const [type, method] of kinds) {
    for (const m of doc[method]().json({ offset: true })) {
      const first = m.terms[0].offset
      const last = m.terms.at(-1).offset
      const end = last.start + last.length
      ents.push({ type, start: bytes(text.slice(0, first.start)), length: bytes(text.slice(first.start, end)) })
    }
  }
  out.push(JSON.stringify(ents))
}
process.stdout.write(out.join('\n') + '\n')
console.error(`compromise ${nlp.version}, node ${process.version}: ${lines.length} lines`)
