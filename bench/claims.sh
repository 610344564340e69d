#!/usr/bin/env bash
# Claim benchmark of issue 15: how fast workers take files off the queue, and whether two ever take the
# same one. Queues FILES tiny files, then runs worker processes that claim and finish files until none is
# left (the store alone: no transfer), and reports claims per second over the whole run (first worker's
# start to last worker's end) and wasted claims (a file claimed by more than one worker: must be 0), for
# SQLite with one process and PostgreSQL with each of WORKERS processes.
#
# PostgreSQL: a private cluster made with initdb in a temporary folder on a free loopback port, with the
# server's default durability settings (fsync on), run as the postgres user when this runs as root.
#
# Settings (environment):
#   FILES=10000            queued files per measurement
#   WORKERS="1 2 4 8"      PostgreSQL worker processes per measurement
# Needs java 17, maven (to build), and the Debian postgresql package (initdb, pg_ctl).
set -euo pipefail
cd "$(dirname "$0")/.."

FILES=${FILES:-10000}
WORKERS=${WORKERS:-1 2 4 8}
if [ ! -f target/medfetch.jar ] || [ ! -f target/test-classes/org/medfetch/bench/ClaimBench.class ]; then
  echo "building target/medfetch.jar and the test classes ..." >&2
  mvn -B -q package -DskipTests
fi
CP="target/test-classes:target/medfetch.jar"
bench() { java -cp "$CP" org.medfetch.bench.ClaimBench "$@"; }

BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$BIN/initdb" ] || { echo "bench/claims.sh: no initdb in /usr/lib/postgresql/*/bin (apt-get install postgresql)" >&2; exit 1; }
AS=()
[ "$(id -u)" -eq 0 ] && AS=(runuser -u postgres --)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/medfetch-bench-claims.XXXXXX")
PG="$WORK/pg"
chmod 755 "$WORK"
mkdir -p "$PG"
[ "$(id -u)" -eq 0 ] && chown postgres: "$PG"
cleanup() {
  "${AS[@]}" "$BIN/pg_ctl" -D "$PG/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
export PGPASSWORD=bench-$RANDOM$RANDOM
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
echo "$PGPASSWORD" | "${AS[@]}" sh -c "umask 077; cat > $PG/pw"
"${AS[@]}" "$BIN/initdb" -D "$PG/data" -U medfetch --pwfile="$PG/pw" --auth=scram-sha-256 -E UTF8 --no-locale >/dev/null
"${AS[@]}" "$BIN/pg_ctl" -D "$PG/data" -l "$PG/log" -w -o "-p $PORT -k $PG -c listen_addresses=127.0.0.1" start >/dev/null
psql_db() { "${AS[@]}" env PGPASSWORD="$PGPASSWORD" "$BIN/psql" -q -h 127.0.0.1 -p "$PORT" -U medfetch -d postgres -c "$1"; }

# Runs N workers on STORE at once; prints "claims wasted claims/s".
measure() {
  local store=$1 n=$2 dir=$3 i
  mkdir -p "$dir"
  for i in $(seq "$n"); do
    bench work "$store" "w$i" "$dir/w$i.txt" &
  done
  wait
  cat "$dir"/w*.txt | awk '
    /^start/ { if (first == "" || $2 < first) first = $2; if ($4 > last) last = $4; next }
    { claims++; seen[$1]++ }
    END { for (id in seen) if (seen[id] > 1) wasted += seen[id] - 1
          printf "%d %d %.0f\n", claims, wasted, claims / ((last - first) / 1000) }'
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
printf '%-12s %8s %8s %8s %12s\n' store workers claims wasted claims/s
echo "queueing $FILES files in SQLite ..." >&2
bench seed "$WORK/sqlite/state.db" "$FILES"
read -r claims wasted rate < <(measure "$WORK/sqlite/state.db" 1 "$WORK/sqlite-out")
printf '%-12s %8s %8s %8s %12s\n' sqlite 1 "$claims" "$wasted" "$rate"
for n in $WORKERS; do
  psql_db "CREATE DATABASE claims$n" >/dev/null
  url="postgresql://medfetch@127.0.0.1:$PORT/claims$n"
  echo "queueing $FILES files in PostgreSQL ..." >&2
  bench seed "$url" "$FILES"
  read -r claims wasted rate < <(measure "$url" "$n" "$WORK/pg-out-$n")
  printf '%-12s %8s %8s %8s %12s\n' postgresql "$n" "$claims" "$wasted" "$rate"
done
echo
echo "claims/s: files claimed and finished, first worker start to last worker end (JVM start excluded)"
echo "load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) CPUs)"
