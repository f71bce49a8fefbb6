#!/usr/bin/env bash
# Recall of Airlock's own default secret rules on leaky-repo (a public repository of planted secrets).
# Clones ../shared/benchmarks/secrets/leaky-repo.bundle to a temp dir, runs
# `./airlock check CLONE --only secrets --format json` (history and working tree, Airlock's default rules),
# and compares the files named by the findings with .leaky-meta/secrets.csv:
#   recall  = files with >= 1 risk line that get >= 1 finding / files with >= 1 risk line
#   noise   = findings in files the CSV lists with 0 risk lines (and, separately, in files it does not list)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
bundle="${1:-$root/../shared/benchmarks/secrets/leaky-repo.bundle}"
if [[ ! -f "$bundle" ]]; then
  echo "leaky-repo bundle not found at $bundle (benchmark data lives outside the project)" >&2
  exit 2
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git clone -q "$bundle" "$work/leaky"
"$root/airlock" check "$work/leaky" --only secrets --format json --no-progress -o "$work/report.json" || true
python3 - "$work/report.json" > "$work/findings.jsonl" <<'PY'
import json, sys
for row in json.load(open(sys.argv[1]))['rows']:
    for e in row['evidence']:
        if e.get('file') and e.get('ruleId'):
            print(json.dumps({'file': e['file'], 'rule': e['ruleId']}))
PY
python3 - "$work/leaky/.leaky-meta/secrets.csv" "$work/findings.jsonl" <<'PY'
import collections, csv, json, sys
expected = {}
for row in csv.reader(l for l in open(sys.argv[1]) if l.strip() and not l.startswith('#')):
    expected[row[0].strip()] = int(row[1])
found = collections.Counter()
rules = collections.defaultdict(set)
for line in open(sys.argv[2]):
    f = json.loads(line)
    found[f['file']] += 1
    rules[f['file']].add(f['rule'])
risky = [f for f, n in expected.items() if n > 0]
clean = [f for f, n in expected.items() if n == 0]
hit = [f for f in risky if found[f] > 0]
print(f"files with risk lines: {len(risky)}; with >= 1 finding: {len(hit)}; recall {len(hit) / len(risky):.1%}")
for f in sorted(set(risky) - set(hit)):
    print(f"  missed: {f} ({expected[f]} risk lines)")
print(f"findings in files listed as clean ({', '.join(clean)}): {sum(found[f] for f in clean)}")
unlisted = {f: n for f, n in found.items() if f not in expected and not f.startswith('.leaky-meta/')}
print(f"findings in files the CSV does not list: {sum(unlisted.values())} {dict(unlisted) if unlisted else ''}")
print(f"total findings: {sum(found.values())}; rules that fired: {len(set().union(*rules.values())) if rules else 0}")
PY
