#!/usr/bin/env bash
# The issue's proxy benchmark: wrk on loopback against the same upstream reached directly, through
# `airlock proxy`, and through nginx as a reverse proxy (upstream keepalive), with the same connections and
# duration, all three in one run, repeated ROUNDS times in turn so that load from other processes hits all three.
#
# Usage: bench/proxy/compare.sh [CONNECTIONS] [DURATION] [ROUNDS]        (defaults 64 10s 3)
# Env:   PIN=0            do not pin processes to cores (default: pin, see below)
#        UPSTREAM=kestrel use bench/Airlock.Bench.ProxyUpstream instead of nginx as the upstream
#        AIRLOCK_ENV="DOTNET_gcServer=0 ..."   extra environment for the airlock proxy (experiments)
#        PORT_BASE=18280  first of the three loopback ports used
# Needs: wrk, nginx, taskset (Debian: apt-get install -y wrk nginx util-linux), the .NET SDK. Installs nothing.
#
# Pinning (2-core machine): wrk and the upstream share core 0; the proxy under test (airlock, or nginx with one
# worker) gets core 1 alone. Both proxies thus get exactly one core, and the direct leg measures what core 0
# (wrk + upstream) can do, the ceiling for the proxied legs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
connections="${1:-64}"
duration="${2:-10s}"
rounds="${3:-3}"
pin="${PIN:-1}"
upstream_kind="${UPSTREAM:-nginx}"
base="${PORT_BASE:-18280}"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
up_port=$base nginx_port=$((base + 1)) airlock_port=$((base + 2))

missing=()
for tool in wrk nginx taskset curl dotnet; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "compare.sh: missing ${missing[*]}; on Debian: apt-get install -y wrk nginx util-linux curl" >&2
  exit 2
fi
if [ "$(nproc)" -lt 2 ] && [ "$pin" = 1 ]; then
  echo "compare.sh: fewer than 2 cores; running unpinned" >&2
  pin=0
fi
# Prefixes, not a shell function: a backgrounded function is a subshell, and $! must be the server's own pid.
core0=() core1=()
[ "$pin" = 1 ] && core0=(taskset -c 0) core1=(taskset -c 1)
wrk_threads=2
[ "$pin" = 1 ] && wrk_threads=1

for port in $up_port $nginx_port $airlock_port; do
  if ss -Htln "sport = :$port" | grep -q .; then
    echo "$(basename "$0"): port $port is in use (another run?); set PORT_BASE to use others" >&2
    exit 2
  fi
done
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

echo "building (Release) ..." >&2
"$root/airlock" --help >/dev/null
body="hello, world"

# Both nginx instances: one worker, no access log (airlock keeps none either), everything under $work.
nginx_conf() {
  cat <<CONF
worker_processes 1;
daemon off;
pid $work/$1.pid;
error_log $work/$1.error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/$1-body;
  proxy_temp_path $work/$1-proxy;
  fastcgi_temp_path $work/$1-fastcgi;
  uwsgi_temp_path $work/$1-uwsgi;
  scgi_temp_path $work/$1-scgi;
  $2
}
CONF
}

if [ "$upstream_kind" = kestrel ]; then
  dotnet build "$root/bench/Airlock.Bench.ProxyUpstream" -c Release -o "$work/upstream" --nologo -v quiet >/dev/null
  "${core0[@]}" dotnet "$work/upstream/Airlock.Bench.ProxyUpstream.dll" "http://127.0.0.1:$up_port" >/dev/null 2>&1 &
  pids+=($!)
else
  nginx_conf upstream "server { listen 127.0.0.1:$up_port; default_type text/plain; location / { return 200 \"$body\n\"; } }" >"$work/upstream.conf"
  "${core0[@]}" nginx -c "$work/upstream.conf" -p "$work" &
  pids+=($!)
fi

# nginx as the reverse proxy, configured like airlock: HTTP/1.1 to the upstream over a keepalive pool, the
# client's Host replaced by the upstream's, and the X-Forwarded-* headers airlock adds.
nginx_conf proxy "upstream revision { server 127.0.0.1:$up_port; keepalive 128; }
  server {
    listen 127.0.0.1:$nginx_port;
    location / {
      proxy_pass http://revision;
      proxy_http_version 1.1;
      proxy_set_header Connection \"\";
      proxy_set_header Host 127.0.0.1:$up_port;
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header X-Forwarded-Host \$http_host;
      proxy_set_header Forwarded \"for=\$remote_addr;proto=\$scheme;host=\$http_host\";
      proxy_buffering off;
    }
  }" >"$work/proxy.conf"
"${core1[@]}" nginx -c "$work/proxy.conf" -p "$work" &
pids+=($!)

cat >"$work/routes.yaml" <<YAML
version: 1
routes:
  - name: bench
    revisions:
      - { name: v1, upstream: "http://127.0.0.1:$up_port", weight: 1 }
YAML
# shellcheck disable=SC2086 # AIRLOCK_ENV is a list of NAME=VALUE words
"${core1[@]}" env ${AIRLOCK_ENV:-} dotnet "$root/.airlock-build/bin/airlock.dll" proxy --routes "$work/routes.yaml" \
  --listen "http://127.0.0.1:$airlock_port" 2>"$work/airlock.log" &
pids+=($!)
airlock_pid=$!

for port in $up_port $nginx_port $airlock_port; do
  for _ in $(seq 150); do curl -fs "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.1; done
  curl -fs "http://127.0.0.1:$port/" >/dev/null || { echo "compare.sh: nothing answers on port $port" >&2; cat "$work"/*.log >&2; exit 1; }
done
nginx_worker="$(pgrep -P "$(cat "$work/proxy.pid")" | head -1)"

# CPU time (user + system, all threads) of a process in clock ticks, from /proc/PID/stat fields 14 and 15.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) print v / 1000; else if (v ~ /ms$/) print v + 0; else if (v ~ /s$/) print v * 1000; else print v }'; }

# Returning visitors carry the user-key cookie (a first visit would also get a Set-Cookie back); the same header
# goes to every target.
header="Cookie: airlock_uid=bench-user-1"
declare -A url=([direct]="http://127.0.0.1:$up_port/" [airlock]="http://127.0.0.1:$airlock_port/" [nginx]="http://127.0.0.1:$nginx_port/")
declare -A proc=([airlock]=$airlock_pid [nginx]=$nginx_worker)
for target in direct nginx airlock; do
  "${core0[@]}" wrk -t"$wrk_threads" -c"$connections" -d3s -H "$header" "${url[$target]}" >/dev/null   # warm-up: JIT, pools
done

hz="$(getconf CLK_TCK)"
results="$work/results.tsv"
for round in $(seq "$rounds"); do
  for target in direct nginx airlock; do
    before=0
    [ -n "${proc[$target]:-}" ] && before="$(cpu_ticks "${proc[$target]}")"
    out="$("${core0[@]}" wrk -t"$wrk_threads" -c"$connections" -d"$duration" --latency -H "$header" "${url[$target]}")"
    cpu_us="-"
    rps="$(awk '/^Requests\/sec/ {print $2}' <<<"$out")"
    total="$(awk '/requests in/ {print $1}' <<<"$out")"
    if [ -n "${proc[$target]:-}" ]; then
      cpu_us="$(awk -v t="$(( $(cpu_ticks "${proc[$target]}") - before ))" -v hz="$hz" -v n="$total" 'BEGIN { printf "%.1f", t / hz * 1e6 / n }')"
    fi
    p50="$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")"
    p99="$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")"
    errors="$(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr -s ' ' | tr '\n' ';' || true)"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$target" "$rps" "$p50" "$p99" "$cpu_us" "$errors" >>"$results"
    printf 'round %s %-8s %10s req/s  p50 %7s ms  p99 %7s ms  proxy CPU %6s us/req %s\n' "$round" "$target" "$rps" "$p50" "$p99" "$cpu_us" "$errors" >&2
  done
done

echo
echo "wrk -t$wrk_threads -c$connections -d$duration --latency, $rounds rounds, upstream: $upstream_kind, pinned: $([ "$pin" = 1 ] && echo 'wrk+upstream core 0, proxy core 1' || echo no)"
echo "load average (1/5/15 min) before the run: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)"
# Median per target over the rounds (by req/s; p50/p99 are the medians of their own columns).
awk -F'\t' '
  { rps[$2] = rps[$2] " " $3; p50[$2] = p50[$2] " " $4; p99[$2] = p99[$2] " " $5; cpu[$2] = cpu[$2] " " $6 }
  function median(list,   a, n, i, j, t) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return a[int((n + 1) / 2)]
  }
  END {
    printf "| target | requests/s | p50 ms | p99 ms | proxy CPU us/request |\n|---|---|---|---|---|\n"
    split("direct nginx airlock", order, " ")
    for (k = 1; k <= 3; k++) { t = order[k]; r[t] = median(rps[t]); q50[t] = median(p50[t]); q99[t] = median(p99[t]); c[t] = median(cpu[t])
      printf "| %s | %.0f | %.2f | %.2f | %s |\n", t, r[t], q50[t], q99[t], c[t] }
    printf "\nairlock/nginx throughput: %.2f   airlock/direct: %.2f   nginx/direct: %.2f\n", r["airlock"] / r["nginx"], r["airlock"] / r["direct"], r["nginx"] / r["direct"]
    printf "airlock p99 - nginx p99: %+.2f ms   (goal: throughput ratio >= 1.00, p99 difference <= 1 ms)\n", q99["airlock"] - q99["nginx"]
  }' "$results"
echo "RSS after the run: airlock $(rss_kb "$airlock_pid") kB, nginx worker $(rss_kb "$nginx_worker") kB"
