#!/usr/bin/env python3
"""Engine fidelity through the real CLI: gitleaks-cases.jsonl against gitleaks-default.toml.

Each case becomes one file of a git repository (cases of rules restricted to a path are placed at their
matching path) and `./airlock check REPO --only secrets --rules CONFIG --format json` scans it. A tp case
counts when the JSON names its file with its own rule id; an fp case counts when it does not.

Two runs, as gitleaks has two behaviours:
  full      one repository with every case, the whole config loaded (what a user's `--rules` does;
            like gitleaks, a generic rule yields to a specific rule that found the same secret on the line)
  per-rule  one repository and one config per rule (the config's global allowlists plus that rule only),
            which is how gitleaks' own rule tests assert their tp/fp cases
"""
import json, os, re, subprocess, sys, tempfile, time

root, rules_path, cases_path, mode = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
cases = [dict(json.loads(line), n=n) for n, line in enumerate(open(cases_path), 1)]


def build_repo(repo, selected):
    os.makedirs(repo)
    for c in selected:
        c['file'] = f"paths/{c['n']}/{c['path']}" if c.get('path') else f"cases/case-{c['n']}.txt"
        full = os.path.join(repo, c['file'])
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, 'w') as f:
            f.write(c['text'])
    for args in (['init', '-q', '-b', 'main'], ['add', '-A'],
                 ['-c', 'user.email=b@example.com', '-c', 'user.name=bench', 'commit', '-qm', 'cases']):
        subprocess.run(['git', '-C', repo] + args, check=True)


def scan(repo, config):
    out = subprocess.run([os.path.join(root, 'airlock'), 'check', repo, '--only', 'secrets', '--rules', config,
                          '--format', 'json', '--no-progress'], capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(f"airlock check failed ({out.returncode}): {out.stderr}")
    found = set()
    for row in json.loads(out.stdout)['rows']:
        for e in row['evidence']:
            if e.get('file') and e.get('ruleId'):
                found.add((e['file'], e['ruleId']))
    return found


def split_config(text):
    """The text before the first [[rules]] (global allowlists) and each [[rules]] block by its id."""
    parts = re.split(r'(?m)^(?=\[\[rules\]\])', text)
    header, blocks = parts[0], {}
    for block in parts[1:]:
        m = re.search(r"(?m)^id\s*=\s*['\"]([^'\"]+)['\"]", block)
        if m:
            blocks[m.group(1)] = block
    return header, blocks


def tally(selected, found, label, seconds):
    tp = [c for c in selected if c['kind'] == 'tp']
    fp = [c for c in selected if c['kind'] == 'fp']
    tp_missed = [c for c in tp if (c['file'], c['rule']) not in found]
    fp_reported = [c for c in fp if (c['file'], c['rule']) in found]
    print(f"{label}: tp reported under own rule {len(tp) - len(tp_missed)}/{len(tp)}; "
          f"fp silent under own rule {len(fp) - len(fp_reported)}/{len(fp)}  ({seconds:.1f} s)")
    for c in tp_missed:
        others = sorted(r for f, r in found if f == c['file'])
        print(f"  missed tp #{c['n']} {c['rule']}" + (f" (reported as {', '.join(others)})" if others else ""))
    for c in fp_reported:
        print(f"  reported fp #{c['n']} {c['rule']}")


with tempfile.TemporaryDirectory() as work:
    if mode in ('full', 'both'):
        start = time.monotonic()
        repo = os.path.join(work, 'full')
        build_repo(repo, cases)
        tally(cases, scan(repo, rules_path), 'full config', time.monotonic() - start)
    if mode in ('per-rule', 'both'):
        start = time.monotonic()
        header, blocks = split_config(open(rules_path).read())
        found, selected = set(), []
        for rule in sorted({c['rule'] for c in cases}):
            subset = [c for c in cases if c['rule'] == rule]
            selected += subset
            if rule not in blocks:
                for c in subset:
                    c['file'] = None
                continue
            repo = os.path.join(work, 'rule-' + rule)
            build_repo(repo, subset)
            config = os.path.join(work, rule + '.toml')
            with open(config, 'w') as f:
                f.write(header + blocks[rule])
            found |= scan(repo, config)
        missing = sorted({c['rule'] for c in cases if c['rule'] not in blocks})
        tally(selected, found, 'per rule', time.monotonic() - start)
        if missing:
            print(f"  rules with cases but absent from the config (cannot be found): {', '.join(missing)}")
