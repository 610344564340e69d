#!/usr/bin/env bash
# Crash soak of issue 9: `medfetch get` of a large file from a local nginx, killed with SIGKILL KILLS times,
# each time once it has recorded more progress, then finished with `medfetch run`. Checks that the file
# ends byte-identical (SHA-256 of the source, and medfetch's recorded SHA-256) and prints what the kills
# cost: the bytes nginx sent beyond one copy of the file, from its access log. Stops by itself.
#
# Settings (environment):
#   KILLS=20          how many times the download is killed
#   SIZE=1G           size of the test file (head -c syntax)
#   CONNECTIONS=8     --connections of every medfetch run
#   CHECKPOINT=16M    --checkpoint-every (what one kill may cost per connection)
#   RATE=8m           nginx limit_rate per connection, so that the download outlasts the kills
#   JAR=target/medfetch.jar
#
# Needs nginx (Debian: sudo apt-get install nginx), sqlite3 (sudo apt-get install sqlite3, to see the
# recorded progress without starting a JVM), python3, sha256sum, java 17 and, to build the jar, maven.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/.."

KILLS=${KILLS:-20}
SIZE=${SIZE:-1G}
CONNECTIONS=${CONNECTIONS:-8}
CHECKPOINT=${CHECKPOINT:-16M}
RATE=${RATE:-8m}
JAR=${JAR:-target/medfetch.jar}

NGINX=$(command -v nginx || echo /usr/sbin/nginx)
need "$NGINX" "install it with: sudo apt-get install nginx"
need sqlite3 "install it with: sudo apt-get install sqlite3"
need sha256sum "install coreutils"
need java "install a Java 17 runtime"
if [ ! -f "$JAR" ]; then
  echo "building $JAR ..." >&2
  mvn -B -q package -DskipTests
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/medfetch-soak.XXXXXX")
NGINX_PID=""
CHILD=""
cleanup() {
  [ -n "$CHILD" ] && kill -9 "$CHILD" 2>/dev/null || true
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

bytes=$(numfmt --from=iec "$SIZE")
LOAD_BEFORE=$(load_average)
mkdir -p "$WORK/www" "$WORK/ws"
echo "creating a $SIZE random file ..." >&2
head -c "$SIZE" /dev/urandom > "$WORK/www/data.bin"
SOURCE_SHA=$(sha256sum "$WORK/www/data.bin" | cut -d' ' -f1)
start_nginx "$WORK/www" 2 "access_log $WORK/nginx/access.log sent; limit_rate $RATE;"
URL="http://127.0.0.1:$PORT/data.bin"
DB="$WORK/ws/downloads/.medfetch/state.db"

# Bytes medfetch has recorded as on disk (0 before the database exists or while it is busy).
recorded() {
  [ -f "$DB" ] || { echo 0; return; }
  sqlite3 -cmd ".timeout 2000" "file:$DB?mode=ro" "SELECT COALESCE(SUM(done), 0) FROM segments" 2>/dev/null || echo 0
}

# Kill i comes once i/(KILLS+2) of the file is recorded (and at least 1 MiB more than before it), so the
# kills spread over the file however fast each round went.
killed=0
start=$(date +%s)
for i in $(seq "$KILLS"); do
  target=$(( i * bytes / (KILLS + 2) ))
  least=$(( $(recorded) + (1 << 20) ))
  [ "$target" -ge "$least" ] || target=$least
  java -jar "$JAR" --workspace "$WORK/ws" get "$URL" --no-progress --connections "$CONNECTIONS" \
    --checkpoint-every "$CHECKPOINT" > "$WORK/get.out" 2> "$WORK/get.err" &
  CHILD=$!
  while kill -0 "$CHILD" 2>/dev/null && [ "$(recorded)" -lt "$target" ]; do sleep 0.05; done
  if ! kill -9 "$CHILD" 2>/dev/null; then
    echo "bench/soak.sh: the download ended before kill $i (lower RATE or use a larger SIZE)" >&2
    cat "$WORK/get.err" >&2
    exit 1
  fi
  wait "$CHILD" 2>/dev/null || true
  CHILD=""
  killed=$((killed + 1))
  echo "kill $i: $(recorded) of $bytes bytes recorded" >&2
done

echo "finishing with medfetch run ..." >&2
if ! java -jar "$JAR" --workspace "$WORK/ws" run --no-progress --connections "$CONNECTIONS" > "$WORK/run.out" \
    2> "$WORK/run.err"; then
  echo "bench/soak.sh: the final run failed:" >&2
  cat "$WORK/run.err" >&2
  exit 1
fi
elapsed=$(( $(date +%s) - start ))
FILE="$WORK/ws/downloads/data/data.bin"
GOT_SHA=$(sha256sum "$FILE" | cut -d' ' -f1)
RECORDED_SHA=$(sqlite3 "file:$DB?mode=ro" "SELECT sha256 FROM files WHERE path = 'downloads/data/data.bin'")
# nginx writes a log line when each answer ends, also when medfetch was killed in the middle of it.
sent=$(awk '$1 == "/data.bin" { s += $3 } END { printf "%.0f", s }' "$WORK/nginx/access.log")
refetched=$((sent - bytes))

echo
echo "medfetch crash soak: $SIZE from nginx on 127.0.0.1 (limit_rate $RATE per connection), $CONNECTIONS connections,"
echo "--checkpoint-every $CHECKPOINT, $killed kill -9, then one run; ${elapsed} s in all"
load_line "$LOAD_BEFORE"
echo "bytes nginx sent:     $sent"
echo "bytes re-fetched:     $refetched ($(awk -v r="$refetched" -v k="$killed" 'BEGIN { printf "%.1f", r / k / 1048576 }') MiB per kill)"
echo "bound per kill:       $CONNECTIONS x $CHECKPOINT (one unrecorded batch per connection) plus what sat in buffers"
if [ "$GOT_SHA" = "$SOURCE_SHA" ] && [ "$RECORDED_SHA" = "$SOURCE_SHA" ]; then
  echo "SHA-256:              $GOT_SHA, identical to the source and as recorded: OK"
else
  echo "SHA-256:              MISMATCH: source $SOURCE_SHA, file $GOT_SHA, recorded $RECORDED_SHA" >&2
  exit 1
fi
