#!/usr/bin/env bash
# bench/nerpeers/run.sh: entity tagging speed of sitrep next to compromise
# (npm) and prose v2 (Go), on the same text, in one run.
#
#   bash bench/nerpeers/run.sh        # from anywhere; ~8 minutes with the defaults
#
# 1. Builds bench/nerpeers/mkcorpus and bench/nerpeers/tagbench (the nested
#    Go module of this folder) and writes the corpus: the main text of the 31
#    bundled demo articles, repeated to CORPUS_BYTES (1500000), one paragraph
#    a line, articles separated by an empty line.
# 2. Installs compromise@COMPROMISE_VERSION (14.17.0) with npm into a
#    temporary folder (not the repository) and runs compromise.mjs there.
# 3. REPS (5) repetitions; in each, every tool once, in an order rotated every
#    repetition, each pinned to one core (taskset -c CORE, CORE=0) under
#    /usr/bin/time (process wall and CPU time, peak RSS). Each tool loads its
#    model, tags the first WARMUP_BYTES (100000) untimed, then times a pass over
#    the whole corpus and prints its own token count, entity count, and the
#    wall and CPU seconds of that pass. Tools:
#      compromise    nlp(p) per paragraph, then .people() .places() .organizations()
#      prose         prose v2 NewDocument per paragraph, default steps, one shared model
#      prose-noseg   the same without sentence segmentation (unused by its NER)
#      sitrep-text   text.Annotator per article: tokens and sentences only
#      sitrep        text.Annotator then ner.Annotator per article
#    prose-default (NewDocument(p) as prose's README shows it, which decodes
#    the models again for every document) runs once, on the first
#    PROSE_DEFAULT_BYTES (20000) only: it is ~0.2 s a paragraph.
#    Fast tools repeat the timed pass until MIN_SECONDS (1) have passed and
#    report the mean pass.
# 4. Prints and writes the summary: medians over the repetitions, rates on the
#    tool's own tokens and on whitespace-separated words (the same for every
#    tool: the fair denominator), and sitrep's speed over each peer's.
#
# Environment: CORPUS_BYTES, REPS, WARMUP_BYTES, CORE, COMPROMISE_VERSION,
# PROSE_DEFAULT_BYTES, MIN_SECONDS as above; OUT, the results folder (default
# bench/results/<UTC date>-ner, with -2, -3... when it exists), which gets
# raw.tsv, summary.md and run.log.
set -Eeuo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
CORPUS_BYTES=${CORPUS_BYTES:-1500000}
REPS=${REPS:-5}
WARMUP_BYTES=${WARMUP_BYTES:-100000}
CORE=${CORE:-0}
COMPROMISE_VERSION=${COMPROMISE_VERSION:-14.17.0}
PROSE_DEFAULT_BYTES=${PROSE_DEFAULT_BYTES:-20000}
MIN_SECONDS=${MIN_SECONDS:-1}

die() { echo "bench/nerpeers/run.sh: $*" >&2; exit 1; }

command -v go >/dev/null || die "go is missing"
command -v node >/dev/null && command -v npm >/dev/null ||
	die "node and npm are needed to run compromise: apt-get install -y nodejs npm"
command -v taskset >/dev/null || die "taskset is missing (util-linux): apt-get install -y util-linux"
if [ ! -x /usr/bin/time ]; then
	echo "== installing GNU time (for process CPU time and peak RSS)"
	if [ "$(id -u)" = 0 ]; then
		apt-get install -y time >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y time >/dev/null; }
	else
		die "/usr/bin/time is missing: apt-get install time"
	fi
fi
taskset -c "$CORE" true 2>/dev/null || die "cannot pin to core $CORE (taskset -c $CORE); set CORE"

if [ -z "${OUT:-}" ]; then
	OUT=$repo/bench/results/$(date -u +%F)-ner
	base=$OUT
	for i in 2 3 4 5 6 7 8 9; do
		[ -e "$OUT" ] || break
		OUT=$base-$i
	done
fi
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-nerpeers.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'echo "bench/nerpeers/run.sh: failed at line $LINENO" >&2' ERR
exec > >(tee "$OUT/run.log") 2>&1

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(go version | cut -d' ' -f3-), node $(node --version)"
echo "== date: $(date -u +%Y-%m-%dT%H:%MZ); commit: $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$repo" diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== load average before: $load_before"
echo "== results in $OUT"

echo "== building (module bench/nerpeers)"
cd "$here"
go build -o "$tmp/mkcorpus" ./mkcorpus 2>"$tmp/build.err" || {
	# The nested module's requirements lag behind the root's: bring them up.
	echo "   go build failed; running go mod tidy in bench/nerpeers"
	go mod tidy && go build -o "$tmp/mkcorpus" ./mkcorpus
}
if ! go build -o "$tmp/tagbench" ./tagbench 2>"$tmp/build.err"; then
	if grep -q -e 'go mod tidy' -e 'go.sum' -e 'updates to go.mod' -e 'go get' "$tmp/build.err"; then
		echo "   go build failed on the module's requirements; running go mod tidy in bench/nerpeers"
		go mod tidy 2>>"$tmp/build.err" || true
	fi
	go build -o "$tmp/tagbench" ./tagbench 2>"$tmp/build.err" || { cat "$tmp/build.err" >&2; die "cannot build tagbench"; }
fi

echo "== corpus"
"$tmp/mkcorpus" -min-bytes "$CORPUS_BYTES" -out "$tmp/corpus.txt"
WORDS=$(wc -w <"$tmp/corpus.txt")
echo "   $(wc -c <"$tmp/corpus.txt") bytes, $WORDS words (wc -w), $(grep -c . "$tmp/corpus.txt") paragraphs"

echo "== installing compromise@$COMPROMISE_VERSION into $tmp/npm (npm $(npm --version))"
mkdir -p "$tmp/npm"
npm install --no-save --no-audit --no-fund --no-package-lock --loglevel=error \
	--prefix "$tmp/npm" "compromise@$COMPROMISE_VERSION" >/dev/null
cp "$here/compromise.mjs" "$tmp/npm/compromise.mjs"

tools=(compromise prose prose-noseg sitrep-text sitrep)

# cmd_of TOOL [LIMIT_BYTES [WARMUP_BYTES [MIN_SECONDS]]]: the command line of a tool.
cmd_of() {
	local limit=${2:-0} warm=${3:-$WARMUP_BYTES} mins=${4:-$MIN_SECONDS}
	case $1 in
	compromise) echo node --expose-gc "$tmp/npm/compromise.mjs" "$tmp/corpus.txt" "$warm" "$limit" "$mins" ;;
	*) echo "$tmp/tagbench" -tool "$1" -corpus "$tmp/corpus.txt" -warmup-bytes "$warm" -limit-bytes "$limit" -min-seconds "$mins" ;;
	esac
}

echo "== checking the tools on the first 2000 bytes (untimed)"
checked=()
for t in "${tools[@]}"; do
	# shellcheck disable=SC2046 # split on purpose; mktemp paths have no spaces
	if out=$($(cmd_of "$t" 2000 0 0) 2>"$tmp/err.txt"); then
		echo "   $t: $out"
		checked+=("$t")
	else
		cat "$tmp/err.txt" >&2
		die "$t failed"
	fi
done
tools=("${checked[@]}")

# jnum KEY FILE: the number KEY of the one-line flat JSON in FILE.
jnum() { grep -o "\"$1\":[-0-9.eE+]*" "$2" | head -1 | cut -d: -f2; }

raw=$OUT/raw.tsv
printf 'rep\torder\ttool\tunits\ttokens\tentities\twords\tbytes\tload_s\tpasses\tseconds\tcpu_s\tproc_wall_s\tpeak_kb\tproc_user_s\tproc_sys_s\n' >"$raw"

# measure REP ORDER TOOL [LIMIT_BYTES [WARMUP_BYTES]]: runs one tool; appends a line to raw.tsv.
measure() {
	local rep=$1 order=$2 tool=$3 limit=${4:-0} warm=${5:-$WARMUP_BYTES}
	# shellcheck disable=SC2046 # the command is split on purpose; no path has spaces (mktemp)
	if ! taskset -c "$CORE" /usr/bin/time -f '%e %M %U %S' -o "$tmp/time.out" $(cmd_of "$tool" "$limit" "$warm") >"$tmp/out.json" 2>"$tmp/err.txt"; then
		echo "bench/nerpeers/run.sh: $tool failed:" >&2
		tail -20 "$tmp/err.txt" >&2
		exit 1
	fi
	local words
	words=$(limit_words "$limit")
	local pwall pkb puser psys
	read -r pwall pkb puser psys < <(tail -1 "$tmp/time.out")
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$rep" "$order" "$tool" \
		"$(jnum units "$tmp/out.json")" "$(jnum tokens "$tmp/out.json")" "$(jnum entities "$tmp/out.json")" \
		"$words" "$(jnum bytes "$tmp/out.json")" "$(jnum load_s "$tmp/out.json")" "$(jnum passes "$tmp/out.json")" \
		"$(jnum seconds "$tmp/out.json")" "$(jnum cpu_s "$tmp/out.json")" \
		"$pwall" "$pkb" "$puser" "$psys" >>"$raw"
	if [ "$rep" = 1 ] || [ "$rep" = once ]; then
		local note
		note=$(grep -o '"note":"[^"]*"' "$tmp/out.json" | cut -d'"' -f4 || true)
		if [ -n "$note" ]; then echo "   $tool: $note"; fi
	fi
}

# limit_words N: whitespace-separated words in the paragraphs a tool reads
# when it stops after N bytes (0: the whole corpus), as tagbench's and
# compromise.mjs's prefix() cut it.
limit_words() {
	if [ "$1" = 0 ]; then echo "$WORDS"; return; fi
	LC_ALL=C awk -v n="$1" '$0 == "" { next } { if (size >= n && i > 0) exit; size += length($0); words += NF; i++ } END { print words }' "$tmp/corpus.txt"
}

echo "== $REPS repetitions of: ${tools[*]} (order rotated each repetition; taskset -c $CORE)"
nt=${#tools[@]}
for r in $(seq 1 "$REPS"); do
	for k in $(seq 0 $((nt - 1))); do
		measure "$r" "$((k + 1))" "${tools[$(((r - 1 + k) % nt))]}"
	done
	printf '   repetition %d of %d done (load %s)\n' "$r" "$REPS" "$(cut -d' ' -f1 /proc/loadavg)"
done
echo "== prose-default once, on the first $PROSE_DEFAULT_BYTES bytes (warm-up: one paragraph; it has nothing to warm)"
measure once 1 prose-default "$PROSE_DEFAULT_BYTES" 0

load_after=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== load average after: $load_after"
echo

# The summary: medians over the repetitions, from raw.tsv.
{
	echo "# Entity tagging: sitrep, compromise and prose v2 side by side"
	echo
	echo "Written by \`bench/nerpeers/run.sh\` ($(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$repo" diff --quiet HEAD 2>/dev/null || echo ', uncommitted changes'))."
	echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); every tool pinned to core $CORE (\`taskset -c $CORE\`)."
	echo "$(go version | cut -d' ' -f3-), node $(node --version), compromise $COMPROMISE_VERSION, prose v2.0.0."
	echo "Load average (1, 5, 15 min) before: $load_before; after: $load_after. Wall times well above CPU times mean other jobs shared the core."
	echo
	echo "Corpus: the 31 demo articles' main text repeated to $(wc -c <"$tmp/corpus.txt") bytes: $WORDS words (\`wc -w\`), $(grep -c . "$tmp/corpus.txt") paragraphs."
	echo "$REPS repetitions, tools in rotated order; each loads its model, tags the first $WARMUP_BYTES bytes untimed, then times passes over the whole corpus (at least one, and until $MIN_SECONDS s have passed; figures are per pass)."
	echo
} >"$OUT/summary.md"

awk -F'\t' '
function median(list,   a, n, i, j, t) {
	n = split(list, a, " ")
	for (i = 1; i <= n; i++) a[i] += 0
	for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j+1] = a[j]; a[j+1] = t }
	return n % 2 ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2
}
function maximum(list,   a, n, i, m) { n = split(list, a, " "); m = a[1] + 0; for (i = 2; i <= n; i++) if (a[i] + 0 > m) m = a[i] + 0; return m }
function fmt(x) { return x >= 1e6 ? sprintf("%.2fM", x / 1e6) : x >= 1e4 ? sprintf("%.0fk", x / 1e3) : x >= 100 ? sprintf("%.0f", x) : sprintf("%.1f", x) }
NR == 1 { next }
{
	rep = $1; t = $3
	if (!(t in seen)) { seen[t] = 1; order[++n] = t }
	units[t] = $4; tokens[t] = $5; ents[t] = $6; words[t] = $7; reps[t]++
	load[t] = load[t] " " $9; passes[t] = passes[t] " " $10; wall[t] = wall[t] " " $11; cpu[t] = cpu[t] " " $12
	pwall[t] = pwall[t] " " $13; rss[t] = rss[t] " " $14; pcpu[t] = pcpu[t] " " ($15 + $16)
	ww[rep, t] = $7 / $11; wc[rep, t] = ($12 > 0 ? $7 / $12 : 0)
	if (rep != "once") { if (!(rep in seenrep)) { seenrep[rep] = 1; repl[++nr] = rep } }
}
END {
	print "| tool | units tagged | own tokens | entities | load s | passes | wall s a pass | CPU s a pass | own tokens/s (wall) | words/s (wall) | words/s (CPU) | process wall s | peak RSS MB (max) |"
	print "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
	for (i = 1; i <= n; i++) {
		t = order[i]; w = median(wall[t]); c = median(cpu[t])
		label = t; if (t == "prose-default") label = t " (once, " words[t] " words)"
		printf "| %s | %d | %d | %d | %.3f | %d | %.4f | %.4f | %s | %s | %s | %.2f | %.0f |\n", label, units[t], tokens[t], ents[t], median(load[t]), median(passes[t]), w, c, fmt(tokens[t] / w), fmt(words[t] / w), (c > 0 ? fmt(words[t] / c) : "—"), median(pwall[t]), maximum(rss[t]) / 1024
	}
	print ""
	print "sitrep over each peer, on words/s (median of the per-repetition ratios):"
	print ""
	print "| sitrep row | over | × by wall time | × by CPU time |"
	print "| --- | --- | ---: | ---: |"
	split("sitrep sitrep-text", mine, " ")
	for (m = 1; m <= 2; m++) {
		s = mine[m]; if (!(s in seen)) continue
		for (i = 1; i <= n; i++) {
			p = order[i]; if (p ~ /^sitrep/) continue
			qw = ""; qc = ""
			if (p == "prose-default") {
				# measured once: against the median sitrep rate
				sw = ""; sc = ""; for (k = 1; k <= nr; k++) { sw = sw " " ww[repl[k], s]; sc = sc " " wc[repl[k], s] }
				qw = median(sw) / ww["once", p]; qc = wc["once", p] > 0 ? median(sc) / wc["once", p] : 0
			} else {
				for (k = 1; k <= nr; k++) { r = repl[k]; qw = qw " " ww[r, s] / ww[r, p]; if (wc[r, p] > 0) qc = qc " " wc[r, s] / wc[r, p] }
				qw = median(qw); qc = qc == "" ? 0 : median(qc)
			}
			printf "| %s | %s | %.1f | %s |\n", s, p, qw, (qc > 0 ? sprintf("%.1f", qc) : "—")
		}
	}
	if ("sitrep" in seen) {
		s = "sitrep"; tw = tokens[s] / median(wall[s]); tc = tokens[s] / median(cpu[s])
		print ""
		print "Goals of the issue, for the `sitrep` row:"
		print ""
		printf "- tokenization + tagging >= 300k tokens/s on one core: %s tokens/s by wall time, %s by CPU time: %s\n", fmt(tw), fmt(tc), (tw >= 300000 ? "met" : "NOT met")
		printf "- peak RSS under 300 MB: %.0f MB: %s\n", maximum(rss[s]) / 1024, (maximum(rss[s]) / 1024 < 300 ? "met" : "NOT met")
		print "- >= 10x compromise and >= 10x prose v2: see the ratios above (prose-noseg is prose at its fastest)."
	}
}' "$raw" | tee -a "$OUT/summary.md"

cat >>"$OUT/summary.md" <<'EOF'

How to read it:

- **words/s is the fair rate.** Each tool counts its own tokens differently:
  compromise's `doc.terms().length` counts words, with punctuation attached
  to them; prose and sitrep count punctuation marks as tokens, and sitrep
  splits clitics ("Kenya" "'s"). "words" is the same for every tool: the
  whitespace-separated words of the text it tagged (`wc -w`), so words/s
  compares the same work. The ratios use words/s.
- **Units.** compromise and prose tag one paragraph (line) per call, the
  way they are used on news text; sitrep one article per Doc (its
  paragraphs joined by newlines), the way its pipeline runs. Same text.
- **prose** shares one model loaded once (`prose.UsingModel`); its default
  `prose.NewDocument(p)` decodes the tagger and NER models again for every
  document, which the prose-default row shows, measured once on a prefix.
  prose-noseg skips sentence segmentation (`WithSegmentation(false)`), which
  NER does not use: same entities, prose at its fastest.
  `WithTagging(false)` changes nothing when extraction is on (prose still
  tags, since its NER reads the tags), so it has no row.
- **Timed pass** = tagging only: after the model load (load s) and an
  untimed warm-up (V8's JIT compiles compromise's hot code), passes over the
  whole corpus, repeated until a minimum time has passed so that the fast
  rows are not timed on a few milliseconds; wall s and CPU s (the process's
  user+system CPU) are per pass, medians over the repetitions. The process
  columns (/usr/bin/time) cover the whole process: start, reading the
  corpus, loading, warm-up and the timed passes. Peak RSS is the largest
  over the repetitions.
- **One core**: `taskset` pins each process and all its threads (Go's GC,
  V8's compiler and GC threads) to the same core; Go then runs with
  GOMAXPROCS=1.
- The corpus is the 31 articles repeated (and sitrep-text's passes repeat
  it again); a tool that cached results across documents would gain from
  that. prose keeps no cache; compromise's caches live in one document
  (`doc.cache()`); sitrep's tagger should be checked for one.
EOF

echo
echo "== wrote $OUT/raw.tsv and $OUT/summary.md"
