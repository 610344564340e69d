#!/usr/bin/env bash
# Torrent throughput of medfetch against aria2c, both leeching the same payload in the same run.
#
# One payload (512 MiB by default) is seeded by aria2c on 127.0.0.1 and announced through a local
# opentracker; then, RUNS times and in alternating order, medfetch ('get' of the .torrent, whole
# process: JVM start, tracker, download, SHA-256 of the result) and aria2c (leecher, --seed-time=0) each
# fetch it into an empty folder. Every result is checked against the payload's SHA-256. Prints each run,
# the medians, the throughput ratio medfetch / aria2c (the goal is >= 1.0) and each one's peak RSS.
# Each run also times 'medfetch status' on an empty workspace: the fixed cost of starting the CLI (JVM,
# catalog), so the report can also say what medfetch's transfer alone takes.
#
# Needs: aria2c, opentracker, mktorrent (Debian: aria2 opentracker mktorrent), GNU time (/usr/bin/time),
# java 17, and target/medfetch.jar (built with 'mvn -B package -DskipTests' when missing).
# Settings (environment): SIZE_MIB (512), RUNS (5), PIECE_EXP (20 = 1 MiB pieces), BENCH_DIR (a new
# temporary folder), KEEP=1 keeps that folder.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE_MIB=${SIZE_MIB:-512}
RUNS=${RUNS:-5}
PIECE_EXP=${PIECE_EXP:-20}
JAR=target/medfetch.jar

for tool in aria2c opentracker mktorrent java /usr/bin/time sha256sum; do
  command -v "$tool" >/dev/null || { echo "bench/torrent.sh needs $tool" >&2; exit 2; }
done
[ -f "$JAR" ] || mvn -B -q package -DskipTests
JAR=$(pwd)/$JAR

DIR=${BENCH_DIR:-$(mktemp -d /tmp/medfetch-bench.XXXXXX)}
mkdir -p "$DIR"
chmod 755 "$DIR"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ "${KEEP:-0}" = 1 ] || rm -rf "$DIR"
}
trap cleanup EXIT

# a port nothing listens on (bash's /dev/tcp connects; a refusal means free)
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
}

wait_listening() { # port, pid, log
  for _ in $(seq 1 600); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { echo "process $2 exited:" >&2; cat "$3" >&2; exit 1; }
    sleep 0.1
  done
  echo "nothing listens on port $1" >&2; exit 1
}

echo "payload: ${SIZE_MIB} MiB in $DIR" >&2
mkdir -p "$DIR/seed"
head -c "$((SIZE_MIB * 1024 * 1024))" /dev/urandom > "$DIR/seed/payload.bin"
EXPECTED=$(sha256sum "$DIR/seed/payload.bin" | cut -d' ' -f1)

TRACKER_PORT=$(free_port)
mktorrent -l "$PIECE_EXP" -a "http://127.0.0.1:$TRACKER_PORT/announce" -o "$DIR/payload.torrent" \
  "$DIR/seed/payload.bin" >/dev/null
INFO_HASH=$(aria2c -S "$DIR/payload.torrent" | awk '/Info Hash/ {print $3}')

# opentracker (Debian) tracks only whitelisted hashes; as root it chroots into its folder
mkdir -p "$DIR/tracker"
chmod 755 "$DIR/tracker"
echo "$INFO_HASH" > "$DIR/tracker/whitelist.txt"
chmod 644 "$DIR/tracker/whitelist.txt"
if [ "$(id -u)" = 0 ]; then
  printf 'tracker.rootdir %s\naccess.whitelist /whitelist.txt\n' "$DIR/tracker" > "$DIR/tracker/opentracker.conf"
else
  printf 'access.whitelist %s\n' "$DIR/tracker/whitelist.txt" > "$DIR/tracker/opentracker.conf"
fi
printf 'listen.tcp 127.0.0.1:%s\nlisten.udp 127.0.0.1:%s\n' "$TRACKER_PORT" "$TRACKER_PORT" >> "$DIR/tracker/opentracker.conf"
opentracker -f "$DIR/tracker/opentracker.conf" > "$DIR/tracker/log.txt" 2>&1 &
PIDS+=($!)
wait_listening "$TRACKER_PORT" "$!" "$DIR/tracker/log.txt"

ARIA_COMMON=(--enable-dht=false --enable-dht6=false --bt-enable-lpd=false --enable-peer-exchange=false
  --disable-ipv6=true --interface=127.0.0.1 --summary-interval=0 --console-log-level=warn)
SEED_PORT=$(free_port)
aria2c "${ARIA_COMMON[@]}" -V --seed-ratio=0.0 --listen-port="$SEED_PORT" --dir="$DIR/seed" \
  "$DIR/payload.torrent" > "$DIR/seeder.log" 2>&1 &
PIDS+=($!)
wait_listening "$SEED_PORT" "$!" "$DIR/seeder.log"
echo "aria2c seeds on 127.0.0.1:$SEED_PORT, opentracker on 127.0.0.1:$TRACKER_PORT, info-hash $INFO_HASH" >&2

# one leecher run into an empty folder: name, folder, command...; leaves "seconds peak_rss_kib" in folder.time
leech() {
  local name=$1 out=$2
  shift 2
  rm -rf "$out"
  mkdir -p "$out"
  if ! /usr/bin/time -f '%e %M' -o "$out.time" "$@" > "$out.log" 2>&1; then
    echo "$name failed:" >&2; cat "$out.log" >&2; exit 1
  fi
}

check() { # file
  local got
  got=$(sha256sum "$1" | cut -d' ' -f1)
  [ "$got" = "$EXPECTED" ] || { echo "SHA-256 mismatch for $1" >&2; exit 1; }
}

medfetch_run() {
  leech medfetch "$DIR/medfetch" java -jar "$JAR" --workspace "$DIR/medfetch" get "$DIR/payload.torrent" --no-progress
  check "$DIR/medfetch/downloads/payload/payload.bin"
}

startup_run() {
  leech startup "$DIR/startup" java -jar "$JAR" --workspace "$DIR/startup" status
}

aria2c_run() {
  leech aria2c "$DIR/aria2c" aria2c "${ARIA_COMMON[@]}" --seed-time=0 --listen-port="$(free_port)" \
    --dir="$DIR/aria2c" "$DIR/payload.torrent"
  check "$DIR/aria2c/payload.bin"
}

calc() { awk "BEGIN {printf \"%.2f\", $1}"; }

printf '%-4s %-9s %9s %8s %8s\n' run client seconds MiB/s RSS_MiB
: > "$DIR/results.txt"
for run in $(seq 1 "$RUNS"); do
  if [ $((run % 2)) = 1 ]; then order="medfetch aria2c"; else order="aria2c medfetch"; fi
  for client in startup $order; do
    "${client}_run"
    read -r seconds rss < "$DIR/$client.time"
    echo "$client $seconds $rss" >> "$DIR/results.txt"
    printf '%-4s %-9s %9s %8s %8s\n' "$run" "$client" "$seconds" "$(calc "$SIZE_MIB / $seconds")" "$(calc "$rss / 1024")"
  done
done

median() { # client, column
  awk -v c="$1" -v k="$2" '$1 == c {print $k}' "$DIR/results.txt" | sort -g \
    | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}
peak() { awk -v c="$1" '$1 == c && $3 > m {m = $3} END {print m}' "$DIR/results.txt"; }
M=$(median medfetch 2)
A=$(median aria2c 2)
echo
echo "median   medfetch $M s = $(calc "$SIZE_MIB / $M") MiB/s, aria2c $A s = $(calc "$SIZE_MIB / $A") MiB/s"
echo "ratio    medfetch / aria2c throughput = $(calc "$A / $M") (goal >= 1.00)"
S=$(median startup 2)
echo "medfetch minus its CLI start-up ($S s, median of 'status' on an empty workspace):" \
  "$(calc "$SIZE_MIB / ($M - $S)") MiB/s, ratio $(calc "$A / ($M - $S)")"
echo "peak RSS medfetch $(calc "$(peak medfetch) / 1024") MiB, aria2c $(calc "$(peak aria2c) / 1024") MiB (highest of $RUNS runs)"
