#!/usr/bin/env bash
# Agreement of the dockerfile.* rows with hadolint's rule specs, on the hadolint rules that test the same thing.
# The cases are read in place from the shared benchmarks folder (never copied into the repository).
# Usage: bench/dockerfile/hadolint-agreement.sh [path/to/hadolint-cases.jsonl]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cases="${1:-$repo/../shared/benchmarks/dockerfile/hadolint-cases.jsonl}"
if [[ ! -f "$cases" ]]; then
  echo "hadolint cases not found: $cases" >&2
  exit 2
fi
exec dotnet run --project "$repo/bench/Airlock.Bench.Docker" -c Release -- "$cases"
