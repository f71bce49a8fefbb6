#!/usr/bin/env bash
# Which live row catches which fault: starts samples/ChatAgent (Release) with each fault switch in turn, runs
# `airlock check --only live --live URL` against it, and prints the failed rows and the run's duration.
# Usage: bench/live/fault-matrix.sh            (results go in docs/benchmarks.md, "Live rubric: fault → row")
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"
port="${PORT:-18391}"
url="http://127.0.0.1:$port"
sample_pid=""
cleanup() { [ -n "$sample_pid" ] && kill "$sample_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

dotnet build "$root/samples/ChatAgent" -c Release -o "$work/sample" --nologo -v quiet >/dev/null || { echo "sample build failed" >&2; exit 2; }
"$root/airlock" --version >/dev/null || exit 2
git -C "$work" init -q repo && git -C "$work/repo" -c user.email=b@e -c user.name=bench commit -q --allow-empty -m bench

faults=(
  ""
  "Faults:ErrorRate=0.5"
  "Faults:ErrorRate=0.5 Faults:NewErrorCode=true"
  "Faults:AddedLatency=00:00:15"
  "Faults:FailHealth=true"
  "Faults:MemoryHogMegabytes=600"
  "Faults:CrashOnStart=true"
)
# Switches of the model work (issue 5), included once the sample has them.
for switch in ToolTimeout UpstreamGarbage; do
  if grep -q "public bool $switch" "$root/samples/ChatAgent/Faults/FaultOptions.cs"; then faults+=("Faults:$switch=true"); fi
done

printf '%-48s %-7s %-6s %s\n' "fault switch" "exit" "time" "failed rows (severity)"
for fault in "${faults[@]}"; do
  args=(--urls "$url" --Agent:Revision=bench-revision)
  for setting in $fault; do args+=("--$setting"); done
  (cd "$work/sample" && exec dotnet ChatAgent.dll "${args[@]}") >"$work/sample.log" 2>&1 &
  sample_pid=$!
  for _ in $(seq 100); do
    curl -fs "$url/health/live" >/dev/null 2>&1 && break
    kill -0 "$sample_pid" 2>/dev/null || break
    sleep 0.1
  done
  start=$(date +%s.%N)
  OPENAI_API_KEY="sk-bench-0123456789abcdefghijklmn" \
    dotnet "$root/.airlock-build/bin/airlock.dll" check "$work/repo" --only live --live "$url" \
    --expect-revision bench-revision --json --no-progress >"$work/report.json" 2>"$work/check.err"
  code=$?
  end=$(date +%s.%N)
  rows=$(python3 - "$work/report.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
failed = [f"{r['id'][5:]} ({r['severity']})" for r in report["rows"] if r["result"] == "fail"]
print(", ".join(failed) or "none")
PY
)
  printf '%-48s %-7s %-6s %s\n' "${fault:-healthy}" "$code" "$(printf '%.1fs' "$(echo "$end - $start" | bc)")" "$rows"
  kill "$sample_pid" 2>/dev/null; wait "$sample_pid" 2>/dev/null; sample_pid=""
done
