#!/usr/bin/env bash
# Issue 4's rollout measurements (docs/benchmarks.md, "Rollouts"). Builds the CLI (./airlock), the test service and the
# harness in Release, then: 20 faulty canaries, then 2 x 25 healthy canaries in parallel on distinct ports.
# Each invocation stops every process it started (serve, the proxy, the revisions) by pid before it exits.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root/bench/rollouts"
"$root/airlock" --version >/dev/null
dotnet build "$root/test/Airlock.TestService" -c Release --nologo -v quiet >/dev/null
dotnet build "$root/bench/Airlock.Bench.Rollouts" -c Release --nologo -v quiet >/dev/null
bench=("dotnet" "$root/bench/Airlock.Bench.Rollouts/bin/Release/net10.0/Airlock.Bench.Rollouts.dll")
cli="$root/.airlock-build/bin/airlock.dll"
svc="$root/test/Airlock.TestService/bin/Release/net10.0/Airlock.TestService.dll"
{ uptime; "${bench[@]}" fault "${FAULT_RUNS:-20}" 28180 "$cli" "$svc"; uptime; } > "$out/fault.txt" 2>&1
{ uptime; "${bench[@]}" healthy "${HEALTHY_RUNS:-25}" 28280 "$cli" "$svc"; uptime; } > "$out/healthy-a.txt" 2>&1 &
{ uptime; "${bench[@]}" healthy "${HEALTHY_RUNS:-25}" 28380 "$cli" "$svc"; uptime; } > "$out/healthy-b.txt" 2>&1 &
wait
