#!/usr/bin/env bash
# HTTP benchmark of issues 3 and 16: medfetch against curl and aria2c on a loopback nginx, in one run.
#   (a) one file, one connection each              goal: medfetch >= 0.90 x curl's throughput, SHA-256 verified
#   (b) the same file behind a per-connection limit_rate, 8 connections
#                                                  goal: medfetch >= 1.0 x aria2c -x8 -s8
#   (c) peak RSS of medfetch during (a)            goal: <= 200 MiB
# The goals are on whole-process wall time, JVM start included.
# Each measurement runs RUNS times; the table shows medians. Outputs are deleted between runs.
#
# Settings (environment):
#   RUNS=5          runs per tool and case
#   SIZE=1G         size of the test file (head -c syntax)
#   RATE=20m        nginx limit_rate per connection for (b)
#   CONNECTIONS=8   connections for (b)
#   OUT_DIR=...     where downloads are written; default a tmpfs (/dev/shm) when it has room, because the
#                   VM disk's write-back makes file writes vary from 1.2 s to 3.4 s per GiB even for curl
#   JAR=target/medfetch.jar
#   BASELINE_JAR=   also run this jar (e.g. one built from the branch merged into), in turn with the others in
#                   every run, and print its rows too: a before/after under the same load
#   LAUNCHER=       run medfetch through this launcher (target/medfetch: class-data sharing, a capped heap)
#                   instead of 'java -jar $JAR'; its archive is recorded before the first measurement
#
# Needs nginx (Debian: sudo apt-get install nginx), curl, aria2c (sudo apt-get install aria2), GNU time
# (/usr/bin/time; sudo apt-get install time), java 17 and, to build the jar, maven.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
SIZE=${SIZE:-1G}
RATE=${RATE:-20m}
CONNECTIONS=${CONNECTIONS:-8}
JAR=${JAR:-target/medfetch.jar}
LAUNCHER=${LAUNCHER:-}
BASELINE_JAR=${BASELINE_JAR:-}

NGINX=$(command -v nginx || echo /usr/sbin/nginx)
need "$NGINX" "install it with: sudo apt-get install nginx"
need curl "install it with: sudo apt-get install curl"
need aria2c "install it with: sudo apt-get install aria2"
need /usr/bin/time "install GNU time with: sudo apt-get install time"
need openssl "install it with: sudo apt-get install openssl"
need java "install a Java 17 runtime"
if [ -n "$LAUNCHER" ]; then
  [ -x "$LAUNCHER" ] || { echo "bench/http.sh: LAUNCHER=$LAUNCHER is not an executable file" >&2; exit 2; }
  # The launcher runs the jar beside it unless told otherwise; its class-data-sharing archive is recorded now.
  export MEDFETCH_JAR=${MEDFETCH_JAR:-$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")}
  MEDFETCH_CDS=wait "$LAUNCHER" --version >/dev/null
elif [ ! -f "$JAR" ]; then
  echo "building $JAR ..." >&2
  mvn -B -q package -DskipTests
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/medfetch-bench.XXXXXX")
NGINX_PID=""
cleanup() {
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null || true
  rm -rf "$WORK" "${OUT:-}"
}
trap cleanup EXIT

bytes=$(numfmt --from=iec "$SIZE")
if [ -z "${OUT_DIR:-}" ]; then
  shm_free=$(df --output=avail -B1 /dev/shm 2>/dev/null | tail -1 || echo 0)
  if [ "$shm_free" -gt $((bytes * 2 + (256 << 20))) ]; then OUT_DIR=/dev/shm; else OUT_DIR=$WORK; fi
fi
OUT=$(mktemp -d "$OUT_DIR/medfetch-bench-out.XXXXXX")
fs=$(df --output=fstype "$OUT" | tail -1)

LOAD_BEFORE=$(load_average)
mkdir -p "$WORK/www"
echo "creating a $SIZE random file ..." >&2
head -c "$SIZE" /dev/urandom > "$WORK/www/data.bin"
head -c 1 /dev/urandom > "$WORK/www/tiny.bin"
start_nginx "$WORK/www" 2 "location /slow/ { alias $WORK/www/; limit_rate $RATE; }"
FAST="http://127.0.0.1:$PORT/data.bin"
SHA256=$(openssl dgst -sha256 -r "$WORK/www/data.bin" | cut -d' ' -f1)
SLOW="http://127.0.0.1:$PORT/slow/data.bin"

# Runs one command once into an empty output folder, appends its seconds to $WORK/times.NAME and checks
# the file it wrote (unless NAME starts with "startup"). With RSS=1 it runs under GNU time and its peak RSS (KiB)
# is appended to $WORK/rss.
once() {
  local name=$1 start end prefix=(); shift
  [ "${RSS:-0}" = 1 ] && prefix=(/usr/bin/time -f %M -a -o "${RSS_FILE:-$WORK/rss}")
  rm -rf "${OUT:?}"/* && sync
  start=$(date +%s.%N)
  if ! "${prefix[@]}" "$@" >/dev/null 2>"$WORK/errors"; then
    { echo "bench/http.sh: failed: $*"; tail -5 "$WORK/errors"; } >&2
    exit 1
  fi
  end=$(date +%s.%N)
  echo "$start $end" | awk '{ printf "%.3f\n", $2 - $1 }' >> "$WORK/times.$name"
  if [ "${name#startup}" = "$name" ]; then
    cmp -s "$(find "$OUT" -type f -name data.bin | head -1)" "$WORK/www/data.bin" \
      || { echo "bench/http.sh: $name produced a wrong file" >&2; exit 1; }
  fi
}
medfetch() { # URL CONNECTIONS [JAR]: the medfetch command line, as a command GNU time can run
  if [ -n "${3:-}" ]; then
    MF=(java -jar "$3" --workspace "$OUT/ws" get "$1" --connections "$2" --no-progress)
  elif [ -n "$LAUNCHER" ]; then
    MF=("$LAUNCHER" --workspace "$OUT/ws" get "$1" --connections "$2" --no-progress)
  else
    MF=(java -jar "$JAR" --workspace "$OUT/ws" get "$1" --connections "$2" --no-progress)
  fi
}

# The tools take turns within each run, so a load that comes and goes on a shared machine is spread
# over all of them rather than landing on one.
: > "$WORK/rss"
: > "$WORK/rss_base"
for i in $(seq "$RUNS"); do
  echo "run $i of $RUNS: (a) $SIZE over one connection, (b) $CONNECTIONS connections at $RATE each, start-up" >&2
  once a_curl curl -sS -o "$OUT/data.bin" "$FAST"
  once a_curl_sha sh -c 'curl -sS -o "$1/data.bin" "$2" && openssl dgst -sha256 "$1/data.bin"' - "$OUT" "$FAST"
  once a_aria2c aria2c -q -x1 -s1 --file-allocation=none --allow-overwrite=true -d "$OUT" -o data.bin "$FAST"
  medfetch "$FAST" 1
  RSS=1 once a_medfetch "${MF[@]}"
  once b_aria2c aria2c -q -x"$CONNECTIONS" -s"$CONNECTIONS" -k1M --file-allocation=none --allow-overwrite=true \
    -d "$OUT" -o data.bin "$SLOW"
  once b_aria2c_sha aria2c -q -x"$CONNECTIONS" -s"$CONNECTIONS" -k1M --file-allocation=none --allow-overwrite=true \
    --checksum=sha-256="$SHA256" -d "$OUT" -o data.bin "$SLOW"
  medfetch "$SLOW" "$CONNECTIONS"
  once b_medfetch "${MF[@]}"
  medfetch "http://127.0.0.1:$PORT/tiny.bin" 1
  once startup "${MF[@]}"
  if [ -n "$BASELINE_JAR" ]; then
    medfetch "$FAST" 1 "$BASELINE_JAR"
    RSS=1 RSS_FILE=$WORK/rss_base once a_base "${MF[@]}"
    medfetch "$SLOW" "$CONNECTIONS" "$BASELINE_JAR"
    once b_base "${MF[@]}"
    medfetch "http://127.0.0.1:$PORT/tiny.bin" 1 "$BASELINE_JAR"
    once startup_base "${MF[@]}"
  fi
done
declare -A T
names=(a_curl a_curl_sha a_aria2c a_medfetch b_aria2c b_aria2c_sha b_medfetch startup)
[ -n "$BASELINE_JAR" ] && names+=(a_base b_base startup_base)
for name in "${names[@]}"; do
  T[$name]=$(median < "$WORK/times.$name")
done
rss_kib=$(median < "$WORK/rss")

mibs() { awk -v b="$bytes" -v t="$1" 'BEGIN { printf "%.0f", b / t / 1048576 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b / a }'; }

net() { awk -v t="$1" -v s="${2:-${T[startup]}}" 'BEGIN { printf "%.3f", t - s }'; }
row() { printf '%-4s %-46s %8s %7s %14s %8s %15s\n' "$@"; }

echo
echo "medfetch HTTP benchmark: $SIZE file, nginx $("$NGINX" -v 2>&1 | sed 's/.*\///') on 127.0.0.1, medians of $RUNS runs"
echo "medfetch run as: ${LAUNCHER:-java -jar $JAR}"
load_line "$LOAD_BEFORE"
echo "output folder: $OUT_DIR ($fs)$([ "$fs" = tmpfs ] && echo ', a tmpfs: set OUT_DIR to measure a disk')"
echo "medfetch forces its data to disk before recording progress (durability) and hashes every byte (SHA-256);"
echo "plain curl and aria2c do neither (the 'verified' rows hash too). 'net' subtracts medfetch's fixed cost: a 'get' of a 1-byte file, ${T[startup]} s"
echo "(JVM start, SQLite, catalog, queue)."
echo
row case tool seconds MiB/s ratio "net s" "net ratio"
row a curl "${T[a_curl]}" "$(mibs "${T[a_curl]}")" "" "" ""
row a "curl, then openssl dgst -sha256 (verified)" "${T[a_curl_sha]}" "$(mibs "${T[a_curl_sha]}")" "" "" ""
row a "aria2c -x1 -s1" "${T[a_aria2c]}" "$(mibs "${T[a_aria2c]}")" "" "" ""
row a "medfetch --connections 1" "${T[a_medfetch]}" "$(mibs "${T[a_medfetch]}")" \
  "$(ratio "${T[a_medfetch]}" "${T[a_curl]}")x curl" "$(net "${T[a_medfetch]}")" \
  "$(ratio "$(net "${T[a_medfetch]}")" "${T[a_curl]}")x curl"
row b "aria2c -x$CONNECTIONS -s$CONNECTIONS -k1M (limit_rate $RATE)" "${T[b_aria2c]}" "$(mibs "${T[b_aria2c]}")" "" "" ""
row b "aria2c, same, --checksum=sha-256 (verified)" "${T[b_aria2c_sha]}" "$(mibs "${T[b_aria2c_sha]}")" "" "" ""
row b "medfetch --connections $CONNECTIONS (limit_rate $RATE)" "${T[b_medfetch]}" "$(mibs "${T[b_medfetch]}")" \
  "$(ratio "${T[b_medfetch]}" "${T[b_aria2c]}")x aria2c" "$(net "${T[b_medfetch]}")" \
  "$(ratio "$(net "${T[b_medfetch]}")" "${T[b_aria2c]}")x aria2c"
row a "medfetch vs the verified curl pipeline" "" "" "$(ratio "${T[a_medfetch]}" "${T[a_curl_sha]}")x" "" ""
row b "medfetch vs aria2c --checksum" "" "" "$(ratio "${T[b_medfetch]}" "${T[b_aria2c_sha]}")x" "" ""
if [ -n "$BASELINE_JAR" ]; then
  echo
  echo "baseline $BASELINE_JAR (java -jar), start-up ${T[startup_base]} s, in turn with the rows above:"
  row a "baseline --connections 1" "${T[a_base]}" "$(mibs "${T[a_base]}")" \
    "$(ratio "${T[a_base]}" "${T[a_curl]}")x curl" "$(net "${T[a_base]}" "${T[startup_base]}")" \
    "$(ratio "$(net "${T[a_base]}" "${T[startup_base]}")" "${T[a_curl]}")x curl"
  row b "baseline --connections $CONNECTIONS (limit_rate $RATE)" "${T[b_base]}" "$(mibs "${T[b_base]}")" \
    "$(ratio "${T[b_base]}" "${T[b_aria2c]}")x aria2c" "$(net "${T[b_base]}" "${T[startup_base]}")" \
    "$(ratio "$(net "${T[b_base]}" "${T[startup_base]}")" "${T[b_aria2c]}")x aria2c"
  echo "c    baseline peak RSS during (a): $(median < "$WORK/rss_base" | awk '{ printf "%.0f", $1 / 1024 }') MiB"
fi
echo
echo "c    medfetch peak RSS during (a): $(awk -v k="$rss_kib" 'BEGIN { printf "%.0f", k / 1024 }') MiB"
echo "goals: (a) ratio >= 0.90, (b) ratio >= 1.0, (c) <= 200 MiB"
