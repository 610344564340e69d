# Helpers the bench scripts share, so each script holds only its own measurement: source it with
#   . "$(dirname "$0")/lib.sh"

# Exits 2 unless command $1 is on the PATH or executable; $2 says how to install it.
need() {
  command -v "$1" >/dev/null 2>&1 || [ -x "$1" ] || { echo "bench/${0##*/}: $1 is missing; $2" >&2; exit 2; }
}

# A free TCP port on 127.0.0.1 (the kernel's choice for a socket bound to port 0).
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# Waits until something listens on port $1 of 127.0.0.1; exits 1, printing the log $3, when process $2 ends
# first or nothing listens after a minute.
wait_listening() {
  for _ in $(seq 1 600); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { echo "process $2 exited:" >&2; cat "$3" >&2; exit 1; }
    sleep 0.1
  done
  echo "nothing listens on port $1" >&2; exit 1
}

# start_nginx WWW_DIR WORKERS [DIRECTIVES]: nginx ($NGINX, else nginx from the PATH) in the foreground
# serving WWW_DIR on a free loopback port with WORKERS worker processes and DIRECTIVES added to its server
# block (access_log is off; "access_log FILE sent;" logs "$uri $status $body_bytes_sent"). Its files go to
# the folder nginx next to WWW_DIR. Returns once it listens; sets PORT and NGINX_PID.
start_nginx() {
  local www=$1 workers=$2 directives=${3:-} dir
  dir=$(dirname "$www")/nginx
  mkdir -p "$dir"
  PORT=$(free_port)
  {
    [ "$(id -u)" = 0 ] && echo "user root;"
    cat <<EOF
daemon off;
worker_processes $workers;
pid $dir/nginx.pid;
error_log $dir/error.log;
events { worker_connections 256; }
http {
  log_format sent '\$uri \$status \$body_bytes_sent';
  access_log off;
  client_body_temp_path $dir/body;
  proxy_temp_path $dir/proxy;
  fastcgi_temp_path $dir/fastcgi;
  uwsgi_temp_path $dir/uwsgi;
  scgi_temp_path $dir/scgi;
  sendfile on;
  server {
    listen 127.0.0.1:$PORT;
    root $www;
    $directives
  }
}
EOF
  } > "$dir/nginx.conf"
  "${NGINX:-nginx}" -p "$dir" -c "$dir/nginx.conf" > "$dir/stdout.txt" 2>&1 &
  NGINX_PID=$!
  wait_listening "$PORT" "$NGINX_PID" "$dir/stdout.txt"
}

# The median of the numbers on stdin, one a line: printed as awk prints a number, or with printf format $1.
median() {
  sort -g | awk -v format="${1:-}" '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    if (format == "") print m; else printf format, m }'
}

# The 1, 5 and 15 minute load averages.
load_average() {
  cut -d' ' -f1-3 /proc/loadavg
}

# The line that ends a report: the load average $1 (from load_average at the start), now, and the CPUs.
load_line() {
  echo "load average before: $1, after: $(load_average) ($(nproc) CPUs)"
}
