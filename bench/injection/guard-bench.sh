#!/usr/bin/env bash
# The ChatAgent's input guard on the injection benchmark: recall per attack kind (development half, held-out half,
# whole set) on ../shared/benchmarks/injection/attacks.jsonl, false positives on bench/injection/benign.jsonl, speed.
# The attacks are read where they live, at run time, and never copied into the repository or printed (they contain
# offensive text): --list prints only the ids of missed development attacks, plus every benign message a rule fired on.
#
#   bench/injection/guard-bench.sh [--threshold 1.0] [--list]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
attacks="$root/../shared/benchmarks/injection/attacks.jsonl"
benign="$root/bench/injection/benign.jsonl"
if [[ ! -f "$attacks" ]]; then
  echo "benchmark data not found: $attacks (it lives outside the project, in ../shared/benchmarks)" >&2
  exit 2
fi

dotnet build -c Release "$root/bench/injection/GuardBench" -v q -nologo >/dev/null
exec dotnet run --no-build -c Release --project "$root/bench/injection/GuardBench" -- "$attacks" "$benign" "$@"
