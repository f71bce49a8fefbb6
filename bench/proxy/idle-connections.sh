#!/usr/bin/env bash
# Memory per idle keep-alive connection: opens COUNT client connections (default 10,000) to `airlock proxy`, each
# making one request and then staying idle, and reads the proxy's RSS before and after; then the same against
# nginx configured as a reverse proxy. Both proxy the same nginx upstream on loopback.
# Usage: bench/proxy/idle-connections.sh [COUNT]. Needs nginx, python3 (Debian). Installs nothing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
count="${1:-10000}"
base="${PORT_BASE:-18300}"
up_port=$base nginx_port=$((base + 1)) airlock_port=$((base + 2))
for tool in nginx python3 curl; do
  command -v "$tool" >/dev/null || { echo "idle-connections.sh: missing $tool (apt-get install -y nginx python3 curl)" >&2; exit 2; }
done
# Every connection is a descriptor on both ends: the client and each proxy need COUNT of them and some more.
ulimit -n "$(ulimit -Hn)"
if [ "$(ulimit -n)" -lt $((count + 1000)) ]; then
  echo "idle-connections.sh: open-file limit $(ulimit -n) is too low for $count connections" >&2
  exit 2
fi

for port in $up_port $nginx_port $airlock_port; do
  if ss -Htln "sport = :$port" | grep -q .; then
    echo "$(basename "$0"): port $port is in use (another run?); set PORT_BASE to use others" >&2
    exit 2
  fi
done
work="$(mktemp -d)"
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$work"' EXIT
"$root/airlock" --help >/dev/null   # build first (Release)

cat >"$work/nginx.conf" <<CONF
worker_processes 1;
worker_rlimit_nofile $((count * 2 + 1000));
daemon off;
pid $work/nginx.pid;
error_log $work/error.log warn;
# Twice the count: the worker also holds both ends of its upstream connections, and nginx closes idle keep-alive
# connections (reusable ones) when its connection table runs low, which would undercount it.
events { worker_connections $((count * 2 + 1000)); }
http {
  access_log off;
  keepalive_timeout 600s;   # Kestrel's default is 130 s; 75 s (nginx's) can expire before 10,000 are open on a busy machine
  client_body_temp_path $work/body; proxy_temp_path $work/proxy;
  fastcgi_temp_path $work/fcgi; uwsgi_temp_path $work/uwsgi; scgi_temp_path $work/scgi;
  server { listen 127.0.0.1:$up_port; default_type text/plain; location / { return 200 "hello, world\n"; } }
  upstream revision { server 127.0.0.1:$up_port; keepalive 128; }
  server {
    listen 127.0.0.1:$nginx_port;
    location / { proxy_pass http://revision; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
CONF
nginx -c "$work/nginx.conf" -p "$work" & pids+=($!)
cat >"$work/routes.yaml" <<YAML
version: 1
routes:
  - name: bench
    revisions:
      - { name: v1, upstream: "http://127.0.0.1:$up_port", weight: 1 }
YAML
dotnet "$root/.airlock-build/bin/airlock.dll" proxy --routes "$work/routes.yaml" --listen "http://127.0.0.1:$airlock_port" 2>"$work/airlock.log" &
pids+=($!)
airlock_pid=$!
for port in $up_port $nginx_port $airlock_port; do
  for _ in $(seq 150); do curl -fs "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.1; done
done
# nginx's one worker serves both the upstream and the proxy server blocks: its growth is the proxy's connections
# (upstream connections stay in the keepalive pool of at most 128).
nginx_worker="$(pgrep -P "$(cat "$work/nginx.pid")" | head -1)"
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }

measure() {
  local name=$1 pid=$2 port=$3
  for _ in $(seq 200); do curl -fs "http://127.0.0.1:$port/" >/dev/null; done   # warm: JIT, pools
  sleep 1
  local before after
  before="$(rss_kb "$pid")"
  python3 "$root/bench/proxy/idle_clients.py" 127.0.0.1 "$port" "$count" >"$work/$name.clients" 2>&1 &
  local clients=$!
  for _ in $(seq 600); do grep -q ready "$work/$name.clients" && break; kill -0 $clients 2>/dev/null || break; sleep 0.2; done
  if ! grep -q "ready $count" "$work/$name.clients"; then
    echo "idle-connections.sh: the clients did not all get an answer from $name:" >&2
    cat "$work/$name.clients" >&2
    kill $clients 2>/dev/null || true
    exit 1
  fi
  sleep 2
  after="$(rss_kb "$pid")"
  local established
  established="$(ss -Htn state established "( sport = :$port )" | wc -l)"
  kill $clients 2>/dev/null || true
  wait $clients 2>/dev/null || true
  printf '| %s | %s | %d | %d | %d | %.1f |\n' "$name" "$count" "$established" "$before" "$after" "$(awk -v a="$after" -v b="$before" -v n="$established" 'BEGIN { print (a - b) / n }')"
}

# kB per connection divides by the connections still established when RSS was read (a keep-alive timeout
# may close some if opening them all took long).
echo "| proxy | idle connections opened | established at the proxy | RSS before (kB) | RSS with them open (kB) | kB per connection |"
echo "|---|---|---|---|---|---|"
measure airlock "$airlock_pid" "$airlock_port"
measure nginx "$nginx_worker" "$nginx_port"
