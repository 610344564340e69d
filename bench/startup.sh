#!/usr/bin/env bash
# Start-up benchmark of issue 16: the fixed cost every command pays, as whole-process wall time.
#   goals: --version <= 0.15 s, catalog (bundled) <= 0.30 s, status (empty workspace) <= 0.25 s,
#          get of a 1-byte file from a loopback nginx <= 0.50 s
# Each command runs RUNS times with `java -jar`, then RUNS times with the launcher target/medfetch (its
# class-data-sharing archive recorded first, MEDFETCH_CDS=wait), tools in turn in one run; a Java
# hello-world gives the floor of any JVM start on this machine. Prints medians, each goal and its ratio.
#
# Settings (environment): RUNS (10), JAR (target/medfetch.jar), LAUNCHER (target/medfetch)
# Needs java 17 (javac for the hello-world), nginx (Debian: apt-get install nginx), curl; maven to build.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-10}
JAR=${JAR:-target/medfetch.jar}
LAUNCHER=${LAUNCHER:-target/medfetch}
need() { command -v "$1" >/dev/null || { echo "bench/startup.sh needs $1: $2" >&2; exit 2; }; }
need java "install Java 17"
need javac "install a JDK 17"
need curl "apt-get install curl"
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$NGINX" ] || { echo "bench/startup.sh needs nginx: apt-get install nginx" >&2; exit 2; }
if [ ! -f "$JAR" ] || [ ! -f "$LAUNCHER" ]; then
  echo "building $JAR ..." >&2
  mvn -B -q package -DskipTests
fi
JAR=$(realpath "$JAR")
LAUNCHER=$(realpath "$LAUNCHER")

WORK=$(mktemp -d "${TMPDIR:-/tmp}/medfetch-bench-startup.XXXXXX")
NGINX_PID=
cleanup() { [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

# A cache of its own: the launcher's archive is recorded here, never in the user's cache.
export XDG_CACHE_HOME=$WORK/cache

mkdir -p "$WORK/www" "$WORK/nginx" "$WORK/hello"
printf 'x' > "$WORK/www/tiny.bin"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
USER_LINE=""
[ "$(id -u)" = 0 ] && USER_LINE="user root;"
cat > "$WORK/nginx/nginx.conf" <<EOF
$USER_LINE
daemon off;
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  server { listen 127.0.0.1:$PORT; root $WORK/www; }
}
EOF
"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" &
NGINX_PID=$!
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/tiny.bin" && break; sleep 0.1; done
TINY="http://127.0.0.1:$PORT/tiny.bin"

cat > "$WORK/hello/Hello.java" <<'EOF'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
EOF
javac -d "$WORK/hello" "$WORK/hello/Hello.java"

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
seconds() { local start end; start=$(date +%s.%N); "$@" > /dev/null 2>&1; end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f\n", b - a }'; }

# The commands, by name; $1 is how medfetch is started ("jar" or "launcher"), $2 a fresh folder.
mf() { if [ "$1" = jar ]; then java -jar "$JAR" "${@:2}"; else "$LAUNCHER" "${@:2}"; fi; }
cmd_version() { mf "$1" --version; }
cmd_catalog() { mf "$1" --workspace "$2" catalog; }
cmd_status() { mf "$1" --workspace "$2" status; }
cmd_get() { mf "$1" --workspace "$2" get "$TINY" --no-progress; }

# The launcher's archive first, before any launcher run starts a training of its own in the background
# (which would hold the training lock and share the CPUs with the timed runs).
echo "recording the launcher's class-data-sharing archive ..." >&2
MEDFETCH_CDS=wait "$LAUNCHER" --version > /dev/null
ls "$XDG_CACHE_HOME"/medfetch/cds/*.jsa > /dev/null 2>&1 || { echo "bench/startup.sh: no CDS archive was recorded" >&2; exit 1; }

# Checks each command does its job once before timing it (a fast failure is no result).
for how in jar launcher; do
  [ "$(mf "$how" --workspace "$WORK/check-$how" get "$TINY" --no-progress | cut -d' ' -f1)" = \
    "$(sha256sum "$WORK/www/tiny.bin" | cut -d' ' -f1)" ] || { echo "bench/startup.sh: get failed ($how)" >&2; exit 1; }
  mf "$how" --workspace "$WORK/check-$how" catalog | grep -q . || { echo "catalog printed nothing ($how)" >&2; exit 1; }
done 2>/dev/null

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A RESULT
hello=$(for i in $(seq "$RUNS"); do seconds java -cp "$WORK/hello" Hello; done | median)
for name in version catalog status get; do
  for how in jar launcher; do
    RESULT[$name.$how]=$(for i in $(seq "$RUNS"); do
      seconds "cmd_$name" "$how" "$WORK/ws-$name-$how-$i"; done | median)
  done
done

echo "medfetch start-up: medians of $RUNS runs, whole process; java hello-world $hello s"
printf '%-10s %8s %10s %10s %12s %12s\n' command goal "java -jar" launcher "jar/goal" "launcher/goal"
for row in "version 0.15" "catalog 0.30" "status 0.25" "get 0.50"; do
  set -- $row
  j=${RESULT[$1.jar]}; l=${RESULT[$1.launcher]}
  printf '%-10s %8s %10s %10s %12s %12s\n' "$1" "$2" "$j" "$l" \
    "$(awk -v a="$j" -v g="$2" 'BEGIN { printf "%.2fx%s", a / g, a <= g ? " met" : "" }')" \
    "$(awk -v a="$l" -v g="$2" 'BEGIN { printf "%.2fx%s", a / g, a <= g ? " met" : "" }')"
done
echo "(ratio = measured / goal; at most 1.00x meets the goal)"
echo "load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) CPUs)"
