#!/usr/bin/env bash
# bench/run.sh: the figures of BENCHMARKS.md, side by side in one run.
#
#   bash bench/run.sh            # from anywhere in the repository; ~7 minutes on 2 cores
#
# 1. Builds sitrep, bench/trafilatura-alone and bench/mkpages into a fresh
#    temporary directory, and writes PAGES (1000) generated news pages.
# 2. Command lines: ROUNDS (5) rounds; in each, for W = 1 and W = all cores,
#    the three commands once each, in an order rotated every round so none
#    always goes first: go-trafilatura alone (bench/trafilatura-alone),
#    `sitrep extract --format jsonl`, and `sitrep ingest` of the directory
#    into a fresh database. Each runs with GOMAXPROCS=W and W workers under
#    /usr/bin/time (wall time, user+system CPU time, peak RSS). Prints the
#    medians, and the medians of the per-round ratios to trafilatura alone.
# 3. Go benchmarks: ingest's (trafilatura alone, Extract, the store part
#    alone, the whole ingest) at -cpu 1,all, and article's ParseHTML and
#    TrafilaturaAlone: COUNT (6) interleaved `go test -count 1` runs, so that
#    a noisy minute hits every benchmark alike (equivalent to -count 6
#    otherwise). Then the micro-benchmarks (text Tokenize; store/sqlite
#    Put, PutParallel, ListFTS) at -count COUNT. Medians and per-run ratios
#    computed here; benchstat summaries when it can be fetched.
# 4. CPU profiles of BenchmarkExtract (where sitrep's own time goes) and of
#    BenchmarkIngestStoreOnly (where a Put goes), at -cpu 1.
#
# Environment: PAGES, ROUNDS, COUNT as above; SKIP_CLI=1 skips step 2,
# SKIP_GO=1 steps 3 and 4. Raw outputs stay in the directory printed at
# the start and the end (the pages and databases are removed).
set -euo pipefail

cd "$(dirname "$0")/.."
repo=$(pwd)
PAGES=${PAGES:-1000}
ROUNDS=${ROUNDS:-5}
COUNT=${COUNT:-6}
NCPU=$(nproc)
CPUS="1"
if [ "$NCPU" -gt 1 ]; then CPUS="1,$NCPU"; fi

if [ ! -x /usr/bin/time ]; then
	echo "== installing GNU time (for wall time, CPU time and peak RSS)"
	if [ "$(id -u)" = 0 ]; then
		apt-get install -y time >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y time >/dev/null; }
	else
		echo "bench/run.sh: /usr/bin/time is missing: apt-get install time" >&2
		exit 1
	fi
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-bench.XXXXXX")
trap 'rm -rf "$work/pages" "$work"/fresh.db*' EXIT
echo "== machine: $NCPU cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(go version | cut -d' ' -f3-), $(date -u +%Y-%m-%dT%H:%MZ)"
echo "== commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== raw outputs in $work"

# median: the median of the numbers on standard input, one per line.
awk_median='
function median(list,   a, n, i, j, t) {
	n = split(list, a, " ")
	for (i = 1; i <= n; i++) a[i] += 0
	for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j+1] = a[j]; a[j+1] = t }
	return n % 2 ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2
}
function minimum(list,   a, n, i, m) { n = split(list, a, " "); m = a[1] + 0; for (i = 2; i <= n; i++) if (a[i] + 0 < m) m = a[i] + 0; return m }
function maximum(list,   a, n, i, m) { n = split(list, a, " "); m = a[1] + 0; for (i = 2; i <= n; i++) if (a[i] + 0 > m) m = a[i] + 0; return m }
'

echo "== building"
go build -o "$work/sitrep" ./cmd/sitrep
go build -o "$work/trafilatura-alone" ./bench/trafilatura-alone
go build -o "$work/mkpages" ./bench/mkpages
"$work/mkpages" -n "$PAGES" -out "$work/pages"
echo "   $(du -sk "$work/pages" | cut -f1) KB on disk, $(($(cat "$work"/pages/*.html | wc -c) / PAGES)) bytes per page on average"

cd "$work"
# `sitrep extract` takes files, not directories: the glob is expanded once,
# with relative names to keep the argument list short. Check it fits.
files=(pages/*.html)
arglen=$(printf '%s ' "${files[@]}" | wc -c)
if [ "$arglen" -gt $(($(getconf ARG_MAX) / 4)) ]; then
	echo "bench/run.sh: $arglen bytes of file names is too long an argument list; lower PAGES" >&2
	exit 1
fi

# run NAME W: runs one command; appends "W NAME wall peakKB user sys" to times.txt.
run() {
	local name=$1 w=$2
	rm -f fresh.db fresh.db-wal fresh.db-shm
	case $name in
	trafilatura) cmd=(./trafilatura-alone -workers "$w" pages) ;;
	extract) cmd=(./sitrep extract --format jsonl --workers "$w" "${files[@]}") ;;
	ingest) cmd=(./sitrep --db fresh.db ingest --workers "$w" pages) ;;
	esac
	if ! GOMAXPROCS=$w /usr/bin/time -f '%e %M %U %S' -o time.out "${cmd[@]}" >/dev/null 2>cmd.err; then
		echo "bench/run.sh: $name (W=$w) failed:" >&2
		tail -5 cmd.err >&2
		exit 1
	fi
	echo "$w $name $(tail -1 time.out)" >>times.txt
}

if [ "${SKIP_CLI:-}" != 1 ]; then
	echo "== checking the commands (untimed; also warms the page cache)"
	./trafilatura-alone -workers "$NCPU" pages
	./sitrep extract --format jsonl --workers "$NCPU" "${files[@]}" >extract.jsonl
	n=$(grep -c '"text"' extract.jsonl || true)
	[ "$n" = "$PAGES" ] || { echo "sitrep extract gave $n articles of $PAGES" >&2; exit 1; }
	# The pages' boilerplate must not reach the output (bench/pages tests this too).
	kept=$(grep -c -e 'Share this article' -e 'We use cookies' -e 'Recommended stories' -e 'Get the morning briefing' -e 'All rights reserved' extract.jsonl || true)
	echo "   sitrep extract: $n articles, $kept of them keeping boilerplate of the page"
	rm -f fresh.db*
	./sitrep --db fresh.db ingest --workers "$NCPU" pages 2>/dev/null >ingest.out
	head -1 ingest.out
	grep -q "^stored $PAGES, unchanged 0, duplicates 0, failed 0" ingest.out || { echo "sitrep ingest did not store every page" >&2; exit 1; }

	: >times.txt
	names=(trafilatura extract ingest)
	for r in $(seq 0 $((ROUNDS - 1))); do
		for w in ${CPUS//,/ }; do
			for k in 0 1 2; do
				run "${names[$(((r + k) % 3))]}" "$w"
			done
		done
		printf '   round %d of %d done (load %s)\n' $((r + 1)) "$ROUNDS" "$(cut -d' ' -f1 /proc/loadavg)"
	done

	echo
	echo "== command lines: $PAGES pages, $ROUNDS interleaved rounds, GOMAXPROCS = workers = W"
	echo "   (ratios and overheads are medians of the per-round ratios; CPU is user+system time of the process)"
	echo
	# times.txt: "W name wall peakKB user sys"; for each W, three lines a round.
	awk -v pages="$PAGES" "$awk_median"'
	{
		w = $1; nm = $2; wall = $3 + 0; kb = $4 + 0; cpu = $5 + $6
		if (!(w in seenw)) { seenw[w] = 1; ws[++nw] = w }
		walls[w, nm] = walls[w, nm] " " wall
		cpus[w, nm] = cpus[w, nm] " " cpu
		rss[w, nm] = rss[w, nm] " " kb
		cw[w, nm] = wall; cc[w, nm] = cpu
		if (++lines[w] % 3 == 0) { # a round of W is complete
			for (k = 1; k <= 2; k++) {
				x = k == 1 ? "extract" : "ingest"
				rw[w, x] = rw[w, x] " " cw[w, x] / cw[w, "trafilatura"]
				rc[w, x] = rc[w, x] " " cc[w, x] / cc[w, "trafilatura"]
			}
			sw[w] = sw[w] " " cw[w, "ingest"] / cw[w, "extract"]
			sc[w] = sc[w] " " cc[w, "ingest"] / cc[w, "extract"]
			sms[w] = sms[w] " " 1000 * (cc[w, "ingest"] - cc[w, "extract"]) / pages
		}
	}
	END {
		print "| W | command | wall s, median (min–max) | articles/s | × trafilatura alone | wall over trafilatura alone | CPU ms/article | CPU over trafilatura alone | peak RSS MB |"
		print "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
		for (i = 1; i <= nw; i++) {
			w = ws[i]
			for (k = 0; k < 3; k++) {
				nm = k == 0 ? "trafilatura" : k == 1 ? "extract" : "ingest"
				label = k == 0 ? "trafilatura-alone" : k == 1 ? "sitrep extract" : "sitrep ingest"
				m = median(walls[w, nm])
				if (k == 0) { x = "1"; ow = "—"; oc = "—" } else {
					q = median(rw[w, nm]); x = sprintf("%.2f", 1 / q); ow = sprintf("%+.0f%%", 100 * (q - 1))
					oc = sprintf("%+.0f%%", 100 * (median(rc[w, nm]) - 1))
				}
				printf "| %s | %s | %.2f (%.2f–%.2f) | %.0f | %s | %s | %.2f | %s | %.0f |\n", w, label, m, minimum(walls[w, nm]), maximum(walls[w, nm]), pages / m, x, ow, 1000 * median(cpus[w, nm]) / pages, oc, median(rss[w, nm]) / 1024
			}
		}
		print ""
		print "Storage part of an ingest (sitrep ingest over sitrep extract, medians of per-round figures):"
		print ""
		print "| W | wall | CPU | CPU ms/article |"
		print "| ---: | ---: | ---: | ---: |"
		for (i = 1; i <= nw; i++) { w = ws[i]; printf "| %s | %+.0f%% | %+.0f%% | %+.2f |\n", w, 100 * (median(sw[w]) - 1), 100 * (median(sc[w]) - 1), median(sms[w]) }
	}' times.txt | tee cli-table.md
fi

cd "$repo"
if [ "${SKIP_GO:-}" = 1 ]; then
	exit 0
fi

echo
echo "== go benchmarks: ingest at -cpu $CPUS -benchtime 3x, article; $COUNT interleaved runs of -count 1"
: >"$work/ingest-bench.txt"
: >"$work/article-bench.txt"
for i in $(seq 1 "$COUNT"); do
	# -benchtime 3x: the first, one-iteration probe of a benchmark runs before
	# go test applies -cpu (golang/go#49980); with Nx it is always discarded.
	go test -run '^$' -bench 'IngestHTML|IngestStoreOnly|Extract|TrafilaturaAlone' -cpu "$CPUS" -benchtime 3x -count 1 ./ingest/ >>"$work/ingest-bench.txt"
	go test -run '^$' -bench 'ParseHTML|TrafilaturaAlone' -count 1 ./article/ >>"$work/article-bench.txt"
	echo "   run $i of $COUNT done (load $(cut -d' ' -f1 /proc/loadavg))"
done
echo "== micro-benchmarks (-count $COUNT)"
go test -run '^$' -bench 'Tokenize' -count "$COUNT" ./text/ >"$work/text-bench.txt"
go test -run '^$' -bench 'Put|ListFTS' -count "$COUNT" ./store/sqlite/ >"$work/store-bench.txt"

echo
echo "== ingest benchmarks: medians over $COUNT runs; ratios to TrafilaturaAlone are medians of the per-run ratios at the same -cpu"
echo
awk "$awk_median"'
/^Benchmark.*articles\/s/ {
	name = $1; cpu = 1
	if (match(name, /-[0-9]+$/)) { cpu = substr(name, RSTART + 1); name = substr(name, 1, RSTART - 1) }
	sub(/^Benchmark/, "", name)
	r = ""; c = ""
	for (i = 1; i < NF; i++) { if ($(i+1) == "articles/s") r = $i; if ($(i+1) == "cpu-ms/article") c = $i }
	run = ++seen[name, cpu]
	rate[name, cpu, run] = r; cpums[name, cpu, run] = c
	rates[name, cpu] = rates[name, cpu] " " r
	cms[name, cpu] = cms[name, cpu] " " c
	if (!(cpu in seencpu)) { seencpu[cpu] = 1; cpus[++nc] = cpu }
	if (run > runs) runs = run
}
END {
	split("TrafilaturaAlone Extract IngestStoreOnly IngestHTML", names, " ")
	print "| benchmark | -cpu | articles/s | × TrafilaturaAlone | wall over TrafilaturaAlone | CPU ms/article | CPU over TrafilaturaAlone |"
	print "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
	for (ci = 1; ci <= nc; ci++) for (k = 1; k <= 4; k++) {
		n = names[k]; cpu = cpus[ci]
		if (!((n, cpu) in rates)) continue
		x = "—"; ow = "—"; oc = "—"
		if (k == 2 || k == 4) {
			qr = ""; qc = ""
			for (j = 1; j <= runs; j++) if ((n, cpu, j) in rate && ("TrafilaturaAlone", cpu, j) in rate) {
				qr = qr " " rate["TrafilaturaAlone", cpu, j] / rate[n, cpu, j]
				if (cpums[n, cpu, j] != "") qc = qc " " cpums[n, cpu, j] / cpums["TrafilaturaAlone", cpu, j]
			}
			q = median(qr); x = sprintf("%.2f", 1 / q); ow = sprintf("%+.0f%%", 100 * (q - 1))
			if (qc != "") oc = sprintf("%+.0f%%", 100 * (median(qc) - 1))
		}
		printf "| %s | %s | %.0f | %s | %s | %.3f | %s |\n", n, cpu, median(rates[n, cpu]), x, ow, median(cms[n, cpu]), oc
	}
}' "$work/ingest-bench.txt" | tee "$work/go-table.md"

echo
if go run golang.org/x/perf/cmd/benchstat@latest -h >/dev/null 2>&1; then
	for f in ingest article text store; do
		echo "== benchstat $f"
		go run golang.org/x/perf/cmd/benchstat@latest "$work/$f-bench.txt" | sed "s|$work/||"
		echo
	done
else
	echo "== benchstat unavailable (go run golang.org/x/perf/cmd/benchstat@latest failed); raw results:"
	grep -h '^Benchmark' "$work"/*-bench.txt
fi

echo "== CPU profile of BenchmarkExtract (-cpu 1 -benchtime 10x)"
go test -run '^$' -bench '^BenchmarkExtract$' -cpu 1 -benchtime 10x -o "$work/ingest.test" -cpuprofile "$work/extract.prof" ./ingest/ >/dev/null
pprof() { go tool pprof "$@" "$work/ingest.test" "$work/extract.prof" 2>/dev/null; }
echo "-- $(pprof -top | grep -m1 'Total samples')"
echo "-- what article.parse and article.parseHTML spend their time on (cumulative seconds, share of the caller):"
pprof -peek 'article\.(parse|parseHTML)$' | grep -E '^ +[0-9.]+m?s +[0-9.]+% \|' | grep -v 'ingest.Benchmark\|article.Parse$\|article.parse$'
echo "-- the pipeline (tokens, sentences):"
pprof -top -cum -focus 'pipeline\.\(\*Pipeline\)\.Run' | grep -m1 'pipeline.(\*Pipeline).Run'
echo "-- trafilatura's own whatlanggo call (inside ExtractDocument, in the floor too):"
pprof -top -cum | grep -m1 'go-trafilatura.languageClassifier' || true
echo
echo "== CPU profile of BenchmarkIngestStoreOnly (-cpu 1 -benchtime 10x): where a Put goes"
go test -run '^$' -bench '^BenchmarkIngestStoreOnly$' -cpu 1 -benchtime 10x -o "$work/ingest.test" -cpuprofile "$work/store.prof" ./ingest/ >/dev/null
echo "-- cumulative seconds in DB.Put and in its parts: raw gzip (rawEncoder), FTS5 (insert and flush at commit), WAL writes"
go tool pprof -top -cum -nodecount 400 -focus 'sqlite\.\(\*DB\)\.Put$' "$work/ingest.test" "$work/store.prof" 2>/dev/null |
	grep -E 'sqlite\.\(\*DB\)\.Put$|rawEncoder\)\.encode|Tx\)\.Commit$|Tx\)\.ExecContext$|_sqlite3Fts5StorageSync|_fts5StorageInsert$|_sqlite3WalFrames|urlVersion|marshalLayers'
echo
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== raw outputs: $work"
