#!/usr/bin/env bash
# Torrent throughput of medfetch against aria2c, both leeching the same payload in the same run.
#
# Two cases, each with one payload (512 MiB by default):
#  peers:    seeded by aria2c on 127.0.0.1 and announced through a local opentracker;
#  web seed: a second torrent of the same payload whose only source is its web seed (url-list, made with
#            mktorrent -w) on a local nginx: no tracker, no peer.
# RUNS times per case and in alternating order, medfetch ('get' of the .torrent, whole process: JVM
# start, tracker, download, SHA-256 of the result) and aria2c (leecher, --seed-time=0, its defaults
# otherwise) each fetch it into an empty folder. Every result is checked against the payload's SHA-256.
# Prints each run (wall time, throughput, peak RSS, CPU time = user + system), the medians, the
# throughput ratio medfetch / aria2c per case (goals: >= 1.3 with peers, >= 1.0 from the web seed) and
# each one's peak RSS (goal: medfetch <= 200 MiB). CPU time and RSS stay meaningful on a loaded machine;
# wall times do not: the load average is printed with the results.
# Each run also times 'medfetch status' on an empty workspace: the fixed cost of starting the CLI (JVM,
# catalog), so the report can also say what medfetch's transfer alone takes.
#
# Needs: aria2c, opentracker, mktorrent, nginx (Debian: aria2 opentracker mktorrent nginx), GNU time
# (/usr/bin/time), java 17, and target/medfetch.jar (built with 'mvn -B package -DskipTests' when missing).
# Settings (environment): SIZE_MIB (512), RUNS (5), PIECE_EXP (20 = 1 MiB pieces), BENCH_DIR (a new
# temporary folder), KEEP=1 keeps that folder, CASES ("peers webseed"), JAR (another build to compare).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE_MIB=${SIZE_MIB:-512}
RUNS=${RUNS:-5}
PIECE_EXP=${PIECE_EXP:-20}
CASES=${CASES:-peers webseed}
JAR=${JAR:-target/medfetch.jar}

for tool in aria2c opentracker mktorrent nginx java /usr/bin/time sha256sum; do
  command -v "$tool" >/dev/null || { echo "bench/torrent.sh needs $tool" >&2; exit 2; }
done
[ -f "$JAR" ] || mvn -B -q package -DskipTests
JAR=$(realpath "$JAR")

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

# nginx serves the payload as the second torrent's web seed
NGINX_PORT=$(free_port)
mkdir -p "$DIR/nginx"
{
  [ "$(id -u)" = 0 ] && echo "user root;"
  cat <<CONF
daemon off;
worker_processes 1;
pid $DIR/nginx/nginx.pid;
error_log $DIR/nginx/error.log;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path $DIR/nginx/body;
  proxy_temp_path $DIR/nginx/proxy;
  fastcgi_temp_path $DIR/nginx/fastcgi;
  uwsgi_temp_path $DIR/nginx/uwsgi;
  scgi_temp_path $DIR/nginx/scgi;
  sendfile on;
  server { listen 127.0.0.1:$NGINX_PORT; root $DIR/seed; }
}
CONF
} > "$DIR/nginx/nginx.conf"
nginx -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf" > "$DIR/nginx/stdout.txt" 2>&1 &
PIDS+=($!)
wait_listening "$NGINX_PORT" "$!" "$DIR/nginx/stdout.txt"
mkdir -p "$DIR/ws"
mktorrent -l "$PIECE_EXP" -w "http://127.0.0.1:$NGINX_PORT/payload.bin" -o "$DIR/ws/payload.torrent" \
  "$DIR/seed/payload.bin" >/dev/null
echo "nginx serves the web seed on 127.0.0.1:$NGINX_PORT" >&2

# one leecher run into an empty folder: name, folder, command...; leaves "seconds peak_rss_kib cpu_seconds"
# in folder.time
leech() {
  local name=$1 out=$2
  shift 2
  rm -rf "$out"
  mkdir -p "$out"
  if ! /usr/bin/time -f '%e %M %U %S' -o "$out.time" "$@" > "$out.log" 2>&1; then
    echo "$name failed:" >&2; cat "$out.log" >&2; exit 1
  fi
  awk '{printf "%s %s %.2f\n", $1, $2, $3 + $4}' "$out.time" > "$out.time.tmp" && mv "$out.time.tmp" "$out.time"
}

check() { # file
  local got
  got=$(sha256sum "$1" | cut -d' ' -f1)
  [ "$got" = "$EXPECTED" ] || { echo "SHA-256 mismatch for $1" >&2; exit 1; }
}

TORRENT=$DIR/payload.torrent

medfetch_run() {
  leech medfetch "$DIR/medfetch" java -jar "$JAR" --workspace "$DIR/medfetch" get "$TORRENT" --no-progress
  check "$DIR/medfetch/downloads/payload/payload.bin"
}

startup_run() {
  leech startup "$DIR/startup" java -jar "$JAR" --workspace "$DIR/startup" status
}

aria2c_run() {
  leech aria2c "$DIR/aria2c" aria2c "${ARIA_COMMON[@]}" --seed-time=0 --listen-port="$(free_port)" \
    --dir="$DIR/aria2c" "$TORRENT"
  check "$DIR/aria2c/payload.bin"
}

calc() { awk "BEGIN {printf \"%.2f\", $1}"; }

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
printf '%-8s %-4s %-9s %9s %8s %8s %8s\n' case run client seconds MiB/s RSS_MiB CPU_s
: > "$DIR/results.txt"
for case in $CASES; do
  if [ "$case" = webseed ]; then TORRENT=$DIR/ws/payload.torrent; else TORRENT=$DIR/payload.torrent; fi
  for run in $(seq 1 "$RUNS"); do
    if [ $((run % 2)) = 1 ]; then order="medfetch aria2c"; else order="aria2c medfetch"; fi
    for client in startup $order; do
      "${client}_run"
      read -r seconds rss cpu < "$DIR/$client.time"
      echo "$case $client $seconds $rss $cpu" >> "$DIR/results.txt"
      printf '%-8s %-4s %-9s %9s %8s %8s %8s\n' "$case" "$run" "$client" "$seconds" "$(calc "$SIZE_MIB / $seconds")" \
        "$(calc "$rss / 1024")" "$cpu"
    done
  done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

median() { # case, client, column
  awk -v k="$1" -v c="$2" -v n="$3" '$1 == k && $2 == c {print $n}' "$DIR/results.txt" | sort -g \
    | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}
peak() { awk -v k="$1" -v c="$2" '$1 == k && $2 == c && $4 > m {m = $4} END {print m}' "$DIR/results.txt"; }
echo
echo "load average: $LOAD_BEFORE before, $LOAD_AFTER after"
for case in $CASES; do
  M=$(median "$case" medfetch 3)
  A=$(median "$case" aria2c 3)
  S=$(median "$case" startup 3)
  goal=1.30; [ "$case" = webseed ] && goal=1.00
  echo "[$case] median medfetch $M s = $(calc "$SIZE_MIB / $M") MiB/s (CPU $(median "$case" medfetch 5) s)," \
    "aria2c $A s = $(calc "$SIZE_MIB / $A") MiB/s (CPU $(median "$case" aria2c 5) s)"
  echo "[$case] ratio medfetch / aria2c throughput = $(calc "$A / $M") (goal >= $goal);" \
    "without medfetch's CLI start-up ($S s): $(calc "$A / ($M - $S)")"
  echo "[$case] peak RSS medfetch $(calc "$(peak "$case" medfetch) / 1024") MiB (goal <= 200)," \
    "aria2c $(calc "$(peak "$case" aria2c) / 1024") MiB (highest of $RUNS runs)"
done
