#!/usr/bin/env bash
# Builds (once) the benchmark repository of COMMITS commits under /tmp and prints its path.
# Usage: make-history.sh COMMITS
set -euo pipefail
commits=${1:-20000}
repo=/tmp/airlock-bench-history-$commits
here=$(cd "$(dirname "$0")" && pwd)
if [[ ! -f $repo/.git/airlock-bench-generated ]]; then
    rm -rf "$repo"
    git init -q -b main "$repo"
    python3 "$here/generate-history.py" "$commits" | git -C "$repo" fast-import --quiet --done
    git -C "$repo" checkout -q main
    touch "$repo/.git/airlock-bench-generated"
fi
echo "$repo"
