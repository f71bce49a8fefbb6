#!/usr/bin/env bash
# Secrets history scan vs. git's own floor.
#
# For each history size (default 10000 and 20000 commits; generated once under /tmp by make-history.sh),
# times `git log -p --all > /dev/null` (git producing every diff, nothing reading them) and Airlock's
# history scan (git log -U0 + streaming parse + detection on the other cores, through bench/Airlock.Bench),
# ROUNDS times each, alternating so both see the same machine load. Reports the best and the median
# wall time of each, their ratio (target <= 1.5), the scan's CPU time, and peak RSS of the Airlock
# process itself (VmHWM; git's RSS is git's) to show memory stays flat as history doubles.
#
# Usage: bench/secrets/history-speed.sh [SIZES...]      env: ROUNDS=3, RULES=path/to/gitleaks.toml
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
rounds=${ROUNDS:-3}
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(10000 20000)

dotnet build "$root/bench/Airlock.Bench" -c Release -v quiet -nologo >/dev/null
bench="$root/bench/Airlock.Bench/bin/Release/net10.0/Airlock.Bench"
rules_args=()
[[ -z ${RULES:-} ]] || rules_args=("$RULES")

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
best() { sort -n | head -n 1; }

printf '%-8s %9s %10s %10s %10s %10s %7s %7s %9s %9s\n' commits diff-MB git-best scan-best git-med scan-med ratio ratio-med scan-cpu rss-MB
for size in "${sizes[@]}"; do
    repo=$("$here/make-history.sh" "$size")
    diff_mb=$(git -C "$repo" log -p --all | wc -c | awk '{ printf "%.0f", $1 / 1e6 }')   # also warms the page cache
    git_times=() scan_times=() cpu_times=() rss=()
    for ((i = 0; i < rounds; i++)); do
        git_times+=("$( { /usr/bin/time -f %e sh -c "git -C '$repo' log -p --all > /dev/null"; } 2>&1 )")
        out=$( { /usr/bin/time -f 'cpu=%U+%S' "$bench" history "$repo" "${rules_args[@]}"; } 2>&1 )
        scan_times+=("$(sed -n 's/.*history seconds=\([0-9.]*\).*/\1/p' <<<"$out")")
        cpu_times+=("$(sed -n 's/^cpu=\(.*\)$/\1/p' <<<"$out" | bc)")
        rss+=("$(sed -n 's/.*bench-peak-rss-MB=\([0-9]*\).*/\1/p' <<<"$out")")
        echo "  round $((i + 1)): git ${git_times[-1]} s, scan ${scan_times[-1]} s ($(grep -o 'rules=.*timeouts=[0-9]*' <<<"$out"))" >&2
    done
    gb=$(printf '%s\n' "${git_times[@]}" | best); sb=$(printf '%s\n' "${scan_times[@]}" | best)
    gm=$(printf '%s\n' "${git_times[@]}" | median); sm=$(printf '%s\n' "${scan_times[@]}" | median)
    printf '%-8s %9s %10s %10s %10s %10s %7.2f %7.2f %9s %9s\n' "$size" "$diff_mb" "$gb" "$sb" "$gm" "$sm" \
        "$(bc -l <<<"$sb / $gb")" "$(bc -l <<<"$sm / $gm")" "$(printf '%s\n' "${cpu_times[@]}" | median)" "$(printf '%s\n' "${rss[@]}" | sort -n | tail -n 1)"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores" >&2
