#!/usr/bin/env python3
"""Generates a synthetic git history for the secrets history-scan benchmark.

Writes a `git fast-import` stream to stdout: COMMITS commits on `main` (plus a short side branch
merged back every 1,000 commits, and a tag on a commit no branch reaches), each rewriting a block
of LINES lines in one of FILES source-like files, so that `git log -p --all` prints roughly
COMMITS x LINES x 2 lines of diff (about 26 KB per commit at the defaults). Every line is unique
(so git's diff cannot align old and new blocks), one commit in 250 adds a fake credential, and
lines mention "token", "key", "password" often enough that keyword prefilters let rules run (but
no string literal is assigned to a key-named identifier, so generic rules have little to report).

Usage: generate-history.py COMMITS [FILES] [LINES] | git fast-import --quiet
"""
import random
import sys

COMMITS = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
FILES = int(sys.argv[2]) if len(sys.argv) > 2 else 400
LINES = int(sys.argv[3]) if len(sys.argv) > 3 else 135
BLOCKS = 4  # each file holds BLOCKS blocks of LINES lines; a commit rewrites one block

rng = random.Random(20261121)
out = sys.stdout.buffer

WORDS = ("request", "response", "session", "token", "key", "user", "config", "handler", "cache",
         "password", "client", "model", "prompt", "retry", "limit", "budget", "stream", "route")
TEMPLATES = (
    "        var {a}{n} = await {b}Service.Load{c}Async({a}Id, cancellationToken); // {n}\n",
    "        if ({a}{n} is null || {b}.Count > {n}) {{ return Results.{c}(\"{a} {b} {n}\"); }}\n",
    "    private const int {c}{n}Limit = {n} % 97; // {a} {b}\n",
    "        logger.LogInformation(\"{a} {b} took {{Elapsed}} ms ({n})\", stopwatch.ElapsedMilliseconds);\n",
    "        options.{c}Timeout = TimeSpan.FromSeconds({n} % 60); // {b} {a}\n",
    "    public {c}Result {c}{n}({a}Options {b}) => new({b}.{c}, {n});\n",
)
ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"

counter = 0


def line():
    global counter
    counter += 1
    a, b = rng.choice(WORDS), rng.choice(WORDS)
    return rng.choice(TEMPLATES).format(a=a, b=b, c=b.capitalize(), n=counter)


def block():
    return "".join(line() for _ in range(LINES))


def fake_secret():
    # Built from parts so that no credential-shaped literal sits in this file.
    kind = rng.randrange(3)
    if kind == 0:
        return '    aws_access_key_id = "' + "AK" + "IA" + "".join(rng.choice(UPPER) for _ in range(16)) + '"\n'
    if kind == 1:
        return '    const string GitHubToken = "' + "gh" + "p_" + "".join(rng.choice(ALNUM) for _ in range(36)) + '";\n'
    return '    slack_webhook = "https://hooks.slack.com/services/T' + "".join(rng.choice(UPPER) for _ in range(8)) \
        + "/B" + "".join(rng.choice(UPPER) for _ in range(8)) + "/" + "".join(rng.choice(ALNUM) for _ in range(24)) + '"\n'


files = {}
mark = 0


def emit_commit(ref, message, changes, parents):
    """changes: list of (path, text). parents: list of marks (first is 'from')."""
    global mark
    mark += 1
    when = 1767225600 + mark * 60
    head = [f"commit {ref}\nmark :{mark}\n",
            f"author Bench <bench@example.com> {when} +0000\n",
            f"committer Bench <bench@example.com> {when} +0000\n"]
    msg = message.encode()
    out.write("".join(head).encode())
    out.write(b"data %d\n" % len(msg) + msg + b"\n")
    if parents:
        out.write(b"from :%d\n" % parents[0])
        for other in parents[1:]:
            out.write(b"merge :%d\n" % other)
    for path, text in changes:
        data = text.encode()
        out.write(f"M 100644 inline {path}\n".encode())
        out.write(b"data %d\n" % len(data) + data + b"\n")
    out.write(b"\n")
    return mark


def change(number):
    path = f"src/Feature{number % FILES:03d}/Service{number % FILES:03d}.cs"
    blocks = files.get(path)
    if blocks is None:
        blocks = files[path] = [block() for _ in range(BLOCKS)]
    else:
        blocks[rng.randrange(BLOCKS)] = block()
    if number % 250 == 125:
        blocks[0] = fake_secret() + blocks[0]
    return path, "".join(blocks)


main = None
made = 0
tagged = False
while made < COMMITS:
    main = emit_commit("refs/heads/main", f"change {made}", [change(made)], [main] if main else [])
    made += 1
    if made % 1000 == 500 and made + 12 < COMMITS:
        side = main
        for _ in range(10):
            side = emit_commit(f"refs/heads/side{made}", f"side change {made}", [change(made)], [side])
            made += 1
        main = emit_commit("refs/heads/main", f"merge side{made}", [], [main, side])
        made += 1
    if not tagged and made >= COMMITS // 2:
        emit_commit("refs/tags/only-a-tag", "reachable from a tag only", [change(made)], [main])
        tagged = True
        made += 1

out.write(b"reset refs/heads/main\nfrom :%d\n\n" % main)
out.write(b"done\n")
