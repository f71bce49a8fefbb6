#!/usr/bin/env bash
# A first throughput look (not the issue's full benchmark, which adds nginx): wrk on loopback against a minimal
# Kestrel revision directly, then through `airlock proxy`, same connections and duration.
# Usage: bench/proxy/throughput.sh [CONNECTIONS] [DURATION]   needs wrk (apt-get install wrk)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
connections="${1:-64}"
duration="${2:-10s}"
work="$(mktemp -d)"
up_port=18081
proxy_port=18080
dotnet build "$root/bench/Airlock.Bench.ProxyUpstream" -c Release -o "$work/upstream" --nologo -v quiet >/dev/null
"$root/airlock" --help >/dev/null
dotnet "$work/upstream/Airlock.Bench.ProxyUpstream.dll" "http://127.0.0.1:$up_port" >/dev/null 2>&1 & up_pid=$!
cat >"$work/routes.yaml" <<YAML
version: 1
routes:
  - name: bench
    revisions:
      - { name: v1, upstream: "http://127.0.0.1:$up_port", weight: 1 }
YAML
dotnet "$root/.airlock-build/bin/airlock.dll" proxy --routes "$work/routes.yaml" --listen "http://127.0.0.1:$proxy_port" 2>"$work/proxy.log" & proxy_pid=$!
trap 'kill $proxy_pid $up_pid 2>/dev/null; rm -rf "$work"' EXIT
for port in $up_port $proxy_port; do
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.1; done
done
for target in "direct http://127.0.0.1:$up_port/" "proxy http://127.0.0.1:$proxy_port/"; do
  set -- $target
  wrk -t2 -c"$connections" -d2s "$2" >/dev/null   # warm-up (JIT, connection pools)
  echo "== $1: wrk -t2 -c$connections -d$duration --latency $2"
  wrk -t2 -c"$connections" -d"$duration" --latency ${WRK_HEADER:+-H "$WRK_HEADER"} "$2" | grep -E "Requests/sec|^ +(50|99)%|Non-2xx|Socket errors"
done
echo "proxy peak RSS: $(awk '/VmHWM/ {print $2 " kB"}' "/proc/$proxy_pid/status")"
