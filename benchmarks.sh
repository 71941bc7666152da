#!/usr/bin/env bash
# Runs the project's benchmarks and prints one table: figure, baseline, ratio, goal, met or not.
# Each benchmark is a plain `main` that prints its figures as `BENCHMARK|...` lines
# (io.brandsignal.testsupport.benchmark.BenchmarkFigure); this script collects them. Full output of
# each benchmark goes to target/benchmarks/<name>.log.
#   ./benchmarks.sh                 every benchmark (about 20 minutes on 2 cores)
#   ./benchmarks.sh ingest scoring  only those (names: see BENCHMARKS below)
set -euo pipefail
cd "$(dirname "$0")"

# name, then the Maven arguments that run it
BENCHMARKS=(
	"ingest|-pl ingest-service test-compile exec:java"
	"scoring|-pl scoring-service test-compile exec:java"
	"recompute|-pl scoring-service test-compile exec:java -Dbenchmark=RecomputeBenchmark"
	"dashboard|-pl dashboard-service test-compile exec:java"
	"latency|-pl system-tests -DskipTests -Pbenchmark package"
	"startup|-pl system-tests -DskipTests -Pbenchmark package -Dbenchmark=StartupBenchmark"
)

selected=("$@")

# The ingest benchmark drives ingest with wrk (Debian's package), a native load generator in its own process.
if [ ${#selected[@]} -eq 0 ] || [[ " ${selected[*]} " == *" ingest "* ]]; then
	scripts/require-debian-tools.sh "the ingest benchmark" ./benchmarks.sh wrk:wrk
fi

logs=target/benchmarks
mkdir -p "$logs"

echo "Building and installing the modules the benchmarks run on (mvn -DskipTests install) ..."
mvn -B -q -DskipTests install

failed=()
ran=()
for entry in "${BENCHMARKS[@]}"; do
	name="${entry%%|*}"
	arguments="${entry#*|}"
	if [ ${#selected[@]} -gt 0 ] && [[ " ${selected[*]} " != *" $name "* ]]; then
		continue
	fi
	ran+=("$name")
	echo "Running the $name benchmark (log: $logs/$name.log) ..."
	# shellcheck disable=SC2086 # the arguments are meant to split into words
	if ! mvn -B -q $arguments >"$logs/$name.log" 2>&1; then
		failed+=("$name")
		echo "  the $name benchmark failed; see $logs/$name.log" >&2
	fi
done

echo
{
	echo "figure|measured|unit|baseline|ratio|goal|met"
	for name in "${ran[@]}"; do
		grep -h '^BENCHMARK|' "$logs/$name.log" | cut -d'|' -f2- || true
	done
} | column -t -s '|'

if [ ${#failed[@]} -gt 0 ]; then
	echo "Failed: ${failed[*]}" >&2
	exit 1
fi
