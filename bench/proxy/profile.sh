#!/usr/bin/env bash
# Cost per proxied request inside the proxy process: allocated bytes, CPU time and GCs per request, measured by
# bench/Airlock.Bench.ProxyProfile (the real ProxyServer in-process) under wrk against an nginx upstream.
# CPU per request is far less sensitive to other load on a shared machine than requests/s: use it to compare
# forwarder changes. Usage: bench/proxy/profile.sh [CONNECTIONS] [DURATION]   (defaults 64 10s)
# Env: PROFILE_ENV="DOTNET_gcServer=1 ..." extra environment for the proxy process.
#      PERF=1 also samples the proxy with Linux perf during the measured run (JIT frames named through
#      DOTNET_PerfMapEnabled=1) and prints the hottest symbols.
#      STRACE=1 counts the proxy's system calls during the measured run instead (strace -c; slows it a lot, but
#      the calls per request are what a flush policy changes, and they do not depend on other load). Needs wrk, nginx, taskset (and perf for PERF=1).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
connections="${1:-64}"
duration="${2:-10s}"
base="${PORT_BASE:-18285}"
up_port=$base proxy_port=$((base + 1))
for tool in wrk nginx taskset; do
  command -v "$tool" >/dev/null || { echo "profile.sh: missing $tool (apt-get install -y wrk nginx util-linux)" >&2; exit 2; }
done
for port in $up_port $proxy_port; do
  if ss -Htln "sport = :$port" | grep -q .; then
    echo "$(basename "$0"): port $port is in use (another run?); set PORT_BASE to use others" >&2
    exit 2
  fi
done
work="$(mktemp -d)"
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$work"' EXIT
dotnet build "$root/bench/Airlock.Bench.ProxyProfile" -c Release -o "$work/bin" --nologo -v quiet >/dev/null
cat >"$work/upstream.conf" <<CONF
worker_processes 1; daemon off; pid $work/nginx.pid; error_log $work/error.log warn;
events { worker_connections 4096; }
http { access_log off; client_body_temp_path $work/body; proxy_temp_path $work/proxy;
  fastcgi_temp_path $work/fcgi; uwsgi_temp_path $work/uwsgi; scgi_temp_path $work/scgi;
  server { listen 127.0.0.1:$up_port; default_type text/plain; location / { return 200 "hello, world\n"; } } }
CONF
taskset -c 0 nginx -c "$work/upstream.conf" -p "$work" & pids+=($!)
# shellcheck disable=SC2086 # PROFILE_ENV is a list of NAME=VALUE words
perf_env=""
[ "${PERF:-0}" = 1 ] && perf_env="DOTNET_PerfMapEnabled=1"
taskset -c 1 env ${PROFILE_ENV:-} $perf_env dotnet "$work/bin/Airlock.Bench.ProxyProfile.dll" "http://127.0.0.1:$up_port" "http://127.0.0.1:$proxy_port" 1 \
  >"$work/profile.out" 2>&1 & pids+=($!)
proxy_pid=$!
for _ in $(seq 150); do curl -fs "http://127.0.0.1:$proxy_port/" >/dev/null && break; sleep 0.1; done
taskset -c 0 wrk -t1 -c"$connections" -d3s -H "Cookie: airlock_uid=bench-user-1" "http://127.0.0.1:$proxy_port/" >/dev/null
sleep 1.5
if [ "${STRACE:-0}" = 1 ]; then
  strace -f -c -o "$work/strace.txt" -p "$proxy_pid" 2>/dev/null &
  strace_pid=$!
  sleep 1
fi
if [ "${PERF:-0}" = 1 ]; then
  perf record -F 999 -g -p "$proxy_pid" -o "$work/perf.data" -- sleep "${duration%s}" >/dev/null 2>&1 &
  perf_pid=$!
fi
taskset -c 0 wrk -t1 -c"$connections" -d"$duration" -H "Cookie: airlock_uid=bench-user-1" "http://127.0.0.1:$proxy_port/" | grep -E 'Requests/sec|Non-2xx|errors'
[ "${STRACE:-0}" = 1 ] && { sleep 0.5; kill -INT "$strace_pid"; wait "$strace_pid" || true; head -25 "$work/strace.txt"; }
for _ in $(seq 50); do grep -q 'requests:' "$work/profile.out" && break; sleep 0.2; done
cat "$work/profile.out"
if [ "${PERF:-0}" = 1 ]; then
  wait "$perf_pid" || true
  perf report -i "$work/perf.data" --no-children --sort dso,symbol --stdio 2>/dev/null | grep -E '^ +[0-9]' | head -60
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
