#!/usr/bin/env bash
# Engine fidelity against gitleaks' own rule tests: with gitleaks' default config loaded as a --rules
# file, every "tp" text of gitleaks-cases.jsonl must be reported under its own rule id and no "fp" text
# under its rule id. Each case is scanned as one file (cases restricted to a path keep their path).
#
# Mode 1 (default, until `airlock check` is wired): the bench-only harness feeds each case to
#   SecretDetector, twice: with gitleaks' report filter (a generic rule yields to a specific rule that
#   found the same secret on the same line) and without it (as gitleaks' single-rule tests run).
# Mode 2 (`--cli`): builds a git repository with one file per case and runs
#   ./airlock check REPO --rules gitleaks-default.toml --format json, then matches findings to cases.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="$root/../shared/benchmarks/secrets"
rules="$data/gitleaks-default.toml"
cases="$data/gitleaks-cases.jsonl"
if [[ ! -f "$rules" || ! -f "$cases" ]]; then
  echo "benchmark data not found under $data (it lives outside the project)" >&2
  exit 2
fi

if [[ "${1:-}" != "--cli" ]]; then
  dotnet build -c Release "$root/bench/secrets/SecretsBench" -v q -nologo >/dev/null
  bench=(dotnet run --no-build -c Release --project "$root/bench/secrets/SecretsBench" --)
  echo "== with gitleaks' generic-rule precedence filter"
  "${bench[@]}" fidelity "$rules" "$cases" || true
  echo "== without it (single-rule semantics of gitleaks' rule tests)"
  "${bench[@]}" fidelity "$rules" "$cases" --no-precedence
  exit $?
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 - "$cases" "$work/repo" <<'PY'
import json, os, subprocess, sys
cases, repo = sys.argv[1], sys.argv[2]
os.makedirs(repo)
index = []
for n, line in enumerate(open(cases), 1):
    c = json.loads(line)
    path = c.get('path') or f"cases/case-{n}.txt"
    if 'path' in c:
        path = f"paths/{n}/{path}"
    full = os.path.join(repo, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, 'w') as f:
        f.write(c['text'])
    index.append({'n': n, 'rule': c['rule'], 'kind': c['kind'], 'path': path})
json.dump(index, open(os.path.join(repo, '..', 'index.json'), 'w'))
for args in (['init', '-q', '-b', 'main'], ['add', '-A'], ['-c', 'user.email=b@example.com', '-c', 'user.name=bench', 'commit', '-qm', 'cases']):
    subprocess.run(['git', '-C', repo] + args, check=True)
PY
(cd "$root" && ./airlock check "$work/repo" --rules "$rules" --format json > "$work/report.json") || true
python3 - "$work/index.json" "$work/report.json" <<'PY'
import json, sys
index = json.load(open(sys.argv[1]))
report = json.load(open(sys.argv[2]))
found = set()
def walk(node):
    if isinstance(node, dict):
        if node.get('file') and node.get('ruleId'):
            found.add((node['file'], node['ruleId']))
        for v in node.values(): walk(v)
    elif isinstance(node, list):
        for v in node: walk(v)
walk(report)
tp = [c for c in index if c['kind'] == 'tp']; fp = [c for c in index if c['kind'] == 'fp']
tp_ok = [c for c in tp if (c['path'], c['rule']) in found]
fp_ok = [c for c in fp if (c['path'], c['rule']) not in found]
print(f"tp found under own rule: {len(tp_ok)}/{len(tp)}; fp silent under own rule: {len(fp_ok)}/{len(fp)}")
for c in tp:
    if c not in tp_ok: print(f"  MISSED tp #{c['n']} {c['rule']}")
for c in fp:
    if c not in fp_ok: print(f"  REPORTED fp #{c['n']} {c['rule']}")
PY
