#!/usr/bin/env bash
# bench/nerpeers/accuracy.sh: entity-tagging accuracy of sitrep next to
# prose v2 (Go) and compromise (npm) on CoNLL-2003 dev, exact-span
# (conlleval) precision, recall and F1 for PER, ORG, LOC and all three; and,
# held out, recall of the named person, place and organization mentions of
# GUM's Wikinews documents.
#
#   bash bench/nerpeers/accuracy.sh     # from anywhere; about a minute
#
# 1. Builds bench/nerpeers/accuracy (the nested Go module of this folder).
# 2. Writes the dev sentences, words joined by single spaces, one a line,
#    and GUM's paragraphs, one a line.
# 3. Installs compromise (the version run.sh pins) with npm into a temporary
#    folder and runs accuracy/compromise.mjs on both files.
# 4. accuracy tags the sentences, then the GUM documents, with sitrep and
#    prose, reads compromise's entities, scores all three and prints the
#    tables, which go to OUT/summary.md.
#
# Environment: SITREP_DATA, the gold data folder (default ../shared/data
# beside the repository), which must hold ner/conll2003/dev.txt and should
# hold ner/gum-news (GUM's Wikinews .conllu files; without them the GUM
# section is skipped, and says so);
# COMPROMISE_VERSION (default: run.sh's); OUT, the results folder (default
# bench/results/<UTC date>-ner-accuracy; a rerun on the same day replaces its
# summary: the figures do not change from run to run).
set -Eeuo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
die() { echo "bench/nerpeers/accuracy.sh: $*" >&2; exit 1; }

data=${SITREP_DATA:-$repo/../shared/data}
dev=$data/ner/conll2003/dev.txt
[ -s "$dev" ] || die "CoNLL-2003 dev not found at $dev (set SITREP_DATA to the folder holding ner/conll2003/dev.txt)"
gum=$data/ner/gum-news
gum_wanted=$gum
if compgen -G "$gum/*.conllu" >/dev/null; then
	gum=$(cd "$gum" && pwd)
else
	echo "bench/nerpeers/accuracy.sh: no GUM .conllu files in $gum: the GUM comparison is skipped" >&2
	gum=
fi

# One pin for both benchmarks: run.sh's default.
pinned=$(sed -n 's/^COMPROMISE_VERSION=\${COMPROMISE_VERSION:-\([^}]*\)}$/\1/p' "$here/run.sh")
COMPROMISE_VERSION=${COMPROMISE_VERSION:-$pinned}
[ -n "$COMPROMISE_VERSION" ] || die "cannot read the pinned compromise version from run.sh; set COMPROMISE_VERSION"

command -v go >/dev/null || die "go is missing"
command -v node >/dev/null && command -v npm >/dev/null ||
	die "node and npm are needed to run compromise: apt-get install -y nodejs npm"

OUT=${OUT:-$repo/bench/results/$(date -u +%F)-ner-accuracy}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-neracc.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'echo "bench/nerpeers/accuracy.sh: failed at line $LINENO" >&2' ERR

echo "== building bench/nerpeers/accuracy"
cd "$here"
if ! go build -o "$tmp/accuracy" ./accuracy 2>"$tmp/build.err"; then
	# The nested module's requirements can lag behind the root's.
	grep -q -e 'go mod tidy' -e 'go.sum' -e 'updates to go.mod' -e 'go get' "$tmp/build.err" ||
		{ cat "$tmp/build.err" >&2; die "cannot build accuracy"; }
	echo "   go build failed on the module's requirements; running go mod tidy in bench/nerpeers"
	go mod tidy && go build -o "$tmp/accuracy" ./accuracy
fi

"$tmp/accuracy" -conll "$dev" -sentences "$tmp/sentences.txt"
echo "   $(wc -l <"$tmp/sentences.txt") sentences from $dev"
if [ -n "$gum" ]; then
	"$tmp/accuracy" -gum "$gum" -paragraphs "$tmp/paragraphs.txt"
	echo "   $(wc -l <"$tmp/paragraphs.txt") paragraphs from $gum"
fi

echo "== installing compromise@$COMPROMISE_VERSION into a temporary folder (npm $(npm --version))"
mkdir -p "$tmp/npm"
npm install --no-save --no-audit --no-fund --no-package-lock --loglevel=error \
	--prefix "$tmp/npm" "compromise@$COMPROMISE_VERSION" >/dev/null
cp "$here/accuracy/compromise.mjs" "$tmp/npm/compromise.mjs"

echo "== compromise"
node "$tmp/npm/compromise.mjs" "$tmp/sentences.txt" >"$tmp/compromise.jsonl"
[ -z "$gum" ] || node "$tmp/npm/compromise.mjs" "$tmp/paragraphs.txt" >"$tmp/compromise-gum.jsonl"

echo "== sitrep and prose v2, and scoring"
"$tmp/accuracy" -conll "$dev" -compromise "$tmp/compromise.jsonl" >"$tmp/tables.md"
[ -z "$gum" ] || "$tmp/accuracy" -gum "$gum" -compromise "$tmp/compromise-gum.jsonl" >"$tmp/gum.md"

commit=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)
git -C "$repo" diff --quiet HEAD 2>/dev/null || commit="$commit, uncommitted changes"
{
	echo "# Entity tagging accuracy: sitrep, prose v2 and compromise"
	echo
	echo "Written by \`bench/nerpeers/accuracy.sh\` ($(date -u +%Y-%m-%dT%H:%MZ), commit $commit)."
	echo "$(go version | cut -d' ' -f3-), node $(node --version), compromise $COMPROMISE_VERSION, prose v2.0.0."
	echo
	echo "Two comparisons: CoNLL-2003 dev, in domain for sitrep (trained on CoNLL-2003 train, epoch chosen on dev),"
	echo "then GUM's Wikinews documents, held out for all three."
	echo
	echo "## CoNLL-2003 dev: exact-span precision, recall and F1"
	echo
	echo "Data: \`ner/conll2003/dev.txt\` (sha256 $(sha256sum "$dev" | cut -c1-12))."
	echo
	echo "Exact-span scores in % (conlleval's rule: an entity counts only when its words and its type both match)."
	echo "MISC is not scored: neither peer has the type, so it is turned into O in the gold data and in sitrep's output."
	echo
	cat "$tmp/tables.md"
	cat <<'EOF'

How each tool was run:

- **sitrep**: `ner.Default().TagDocuments`, on the gold tokens, a document
  (a Reuters article, as `eval.Documents` finds them) at a time. Scored with
  `eval.ScoreNER`; the table's scorer is checked against it.
- **prose v2**: `prose.NewDocument(sentence, UsingModel(m),
  WithSegmentation(false))` per sentence, one model `m` shared (as
  tagbench's prose-noseg row); `doc.Entities()` labels mapped PERSON → PER,
  GPE and LOCATION → LOC, ORGANIZATION → ORG; FACILITY and GSP dropped.
  prose's default model is built for PERSON and GPE: ORGANIZATION is rare.
- **compromise**: `nlp(sentence)` per sentence, then `.people()` → PER,
  `.places()` → LOC, `.organizations()` → ORG, spans from the terms'
  offsets (`.json({offset: true})`).
- The peers read each sentence as its words joined by single spaces.
  Entities are mapped back onto the words: one that falls inside a word
  counts as predicted but can never be correct, unless only punctuation the
  peer split off lies between its end and the word's ("Corp" of "Corp.").

Caveats:

- **sitrep is in domain here, the peers are not.** sitrep's model is
  trained on CoNLL-2003 train, and the epoch kept is the one that scores
  best on this very dev set, so dev is not held out for it: its figure is
  somewhat optimistic. The peers were not fit to this data: compromise is
  rules and word lists; prose ships one fixed model with NLTK's labels, not
  CoNLL's. The GUM comparison below is held out for all three.
- The text is CoNLL's tokenization ("Germany 's", "( Reuters )") with
  all-capital headlines, sports tables and datelines; the peers were made
  for running prose, which costs them some.
- Type conventions differ: CoNLL tags sports teams named after places as
  ORG and nationalities as MISC; prose's GPE and compromise's places do not
  follow that.
EOF
	echo
	echo "## Held out: GUM Wikinews, recall of named mentions"
	echo
	if [ -z "$gum" ]; then
		echo "**Skipped: no GUM .conllu files in \`$gum_wanted\`.**"
	else
		echo "Data: \`ner/gum-news\`, GUM's Wikinews documents (sha256 of the .conllu files concatenated in name"
		echo "order $(cat "$gum"/*.conllu | sha256sum | cut -c1-12)), never used to train or tune sitrep."
		echo "Scored with \`eval.ScoreGUM\`, as \`sitrep eval ner --gum\` scores: the share, in %, of GUM's named person,"
		echo "place and organization mentions that a tool's entities find at the exact span (with any type, or with the"
		echo "mapped type: person → PERSON, place → LOC, organization → ORG), or overlap with the mapped type."
		echo
		cat "$tmp/gum.md"
		cat <<'EOF'

GUM has no MISC and marks only some names (those that are whole mentions
of the scored types: not "Indonesian" in "the Indonesian Navy", nor events
or products), so a tool's other entities are not errors and precision
cannot be measured: **only recall means anything**. GUM's spans include
titles and determiners ("English captain Harry Kane", "musician Tiziano
Lugli"; only a leading "the" and a trailing "'s" are dropped before
comparing) where the tools tag the bare name, so **overlap+type is the
fairest column**; the exact columns undercount all three. Like CoNLL,
GUM makes national sports teams organizations ("England", "Sweden" and
"Belgium" in the World Cup report).

How each tool was run, on each document's raw text (paragraphs separated
by `\n`), without the gold tokens:

- **sitrep**: `pipeline.New(text.Annotator{}, ner.Annotator{})` on the
  whole document; its entities are byte spans already.
- **prose v2**: as on CoNLL (one shared model, no segmentation, the same
  label mapping), a paragraph at a time. prose gives an entity as its
  tokens joined by spaces; that is looked up in the paragraph after the
  previous entity, with any or no white space between the tokens and curly
  quotes for straight ones (prose straightens them), never starting or
  ending inside a word.
- **compromise**: as on CoNLL (first term's start to last term's end), a
  paragraph at a time; its offsets are UTF-16 code units, turned into
  UTF-8 byte offsets.
EOF
	fi
} >"$OUT/summary.md"

cat "$OUT/summary.md"
echo
echo "== wrote $OUT/summary.md"
