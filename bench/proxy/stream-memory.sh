#!/usr/bin/env bash
# Streams 1 GiB down and 1 GiB up through `airlock proxy` on loopback and prints the proxy's peak RSS
# (VmHWM) before and after: a proxy that buffered bodies would grow by about a gigabyte.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"
up_port=18091
proxy_port=18090
python3 "$root/bench/proxy/upstream.py" "$up_port" v1 & up_pid=$!
cat >"$work/routes.yaml" <<YAML
version: 1
routes:
  - name: bench
    revisions:
      - { name: v1, upstream: "http://127.0.0.1:$up_port", weight: 1 }
YAML
"$root/airlock" --help >/dev/null   # build first, so the proxy's pid below is the server's
dotnet "$root/.airlock-build/bin/airlock.dll" proxy --routes "$work/routes.yaml" --listen "http://127.0.0.1:$proxy_port" 2>"$work/proxy.log" & proxy_pid=$!
trap 'kill $proxy_pid $up_pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$proxy_port/" >/dev/null && break; sleep 0.1; done
hwm() { awk '/VmHWM/ {print $2 " kB"}' "/proc/$proxy_pid/status"; }
echo "peak RSS after warm-up:  $(hwm)"
curl -fs "http://127.0.0.1:$proxy_port/bytes/1073741824" -o /dev/null -w 'download: %{size_download} bytes in %{time_total} s\n'
echo "peak RSS after download: $(hwm)"
head -c 1073741824 /dev/zero | curl -fs -T - -X POST "http://127.0.0.1:$proxy_port/upload" -w ' (bytes the upstream counted) upload in %{time_total} s\n'
echo "peak RSS after upload:   $(hwm)"
