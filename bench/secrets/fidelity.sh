#!/usr/bin/env bash
# Engine fidelity against gitleaks' own rule tests: with gitleaks' default config loaded as a --rules
# file, every "tp" text of gitleaks-cases.jsonl must be reported under its own rule id and no "fp" text
# under its rule id. Each case is scanned as one file (cases restricted to a path keep their path).
#
# Default: through the CLI (bench/secrets/fidelity.py): `--cli [full|per-rule|both]`.
# `--harness`: the bench-only harness feeds each case to SecretDetector directly (for engine work).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="$root/../shared/benchmarks/secrets"
rules="$data/gitleaks-default.toml"
cases="$data/gitleaks-cases.jsonl"
if [[ ! -f "$rules" || ! -f "$cases" ]]; then
  echo "benchmark data not found under $data (it lives outside the project)" >&2
  exit 2
fi

if [[ "${1:-}" == "--harness" ]]; then
  dotnet build -c Release "$root/bench/secrets/SecretsBench" -v q -nologo >/dev/null
  bench=(dotnet run --no-build -c Release --project "$root/bench/secrets/SecretsBench" --)
  echo "== with gitleaks' generic-rule precedence filter"
  "${bench[@]}" fidelity "$rules" "$cases" || true
  echo "== without it (single-rule semantics of gitleaks' rule tests)"
  "${bench[@]}" fidelity "$rules" "$cases" --no-precedence
  exit $?
fi

exec python3 "$root/bench/secrets/fidelity.py" "$root" "$rules" "$cases" "${2:-both}"
