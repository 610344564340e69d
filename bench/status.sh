#!/usr/bin/env bash
# status benchmark of issue 9 (case 10): how long `medfetch status` takes on a long queue.
#   goal: <= 1 s for 10,000 queued files (whole process, JVM start included)
# Queues COUNTS files (one dataset each, URLs on 127.0.0.1 that are never fetched) with `medfetch add -i`,
# then times `status` and `status --json` RUNS times each, and `status` of an empty workspace (the fixed
# cost of a JVM, picocli and SQLite), and prints medians.
#
# Settings (environment):
#   COUNTS="10000 20000"   queue lengths to measure
#   RUNS=5                 runs per measurement
#   JAR=target/medfetch.jar
# Needs java 17 and, to build the jar, maven.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/.."

COUNTS=${COUNTS:-10000 20000}
RUNS=${RUNS:-5}
JAR=${JAR:-target/medfetch.jar}
if [ ! -f "$JAR" ]; then
  echo "building $JAR ..." >&2
  mvn -B -q package -DskipTests
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/medfetch-bench-status.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# Times one command RUNS times; prints the median seconds.
timed() {
  local i start end
  for i in $(seq "$RUNS"); do
    start=$(date +%s.%N)
    "$@" > /dev/null
    end=$(date +%s.%N)
    echo "$start $end" | awk '{ printf "%.3f\n", $2 - $1 }'
  done | median
}
mf() { java -jar "$JAR" --workspace "$1" "${@:2}"; }

LOAD_BEFORE=$(load_average)
mkdir -p "$WORK/empty"
empty=$(timed mf "$WORK/empty" status)
printf '%-8s %-22s %10s %10s\n' files command seconds "net s"
printf '%-8s %-22s %10s %10s\n' 0 status "$empty" ""
for n in $COUNTS; do
  ws="$WORK/ws-$n"
  seq 1 "$n" | sed 's|^|http://127.0.0.1:9/queue/file-|; s|$|.bin|' > "$WORK/targets-$n.txt"
  echo "queueing $n files ..." >&2
  mf "$ws" add -i "$WORK/targets-$n.txt" > /dev/null
  queued=$(mf "$ws" status --json | wc -l)
  [ "$queued" -eq "$n" ] || { echo "bench/status.sh: expected $n datasets, status lists $queued" >&2; exit 1; }
  for cmd in status "status --json"; do
    # shellcheck disable=SC2086
    t=$(timed mf "$ws" $cmd)
    printf '%-8s %-22s %10s %10s\n' "$n" "$cmd" "$t" "$(awk -v a="$t" -v b="$empty" 'BEGIN { printf "%.3f", a - b }')"
  done
done
echo
echo "medians of $RUNS runs; 'net' subtracts status of an empty workspace"
load_line "$LOAD_BEFORE"
echo "goal: status <= 1 s at 10,000 files"
