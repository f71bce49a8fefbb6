#!/usr/bin/env bash
# Secrets history scan vs. git's own floor.
#
# For each history size (default 10000 and 20000 commits; generated once under /tmp by make-history.sh),
# times `git log -p --all > /dev/null` (git producing every diff, nothing reading them) and the whole
# secrets check as a user runs it: `./airlock check REPO --only secrets --format json` (process start,
# git log -U0, streaming parse, detection on the other core, the working tree, the report), ROUNDS times
# each, alternating so both see the same machine load. Reports the best and the median wall time of each,
# their ratio (target <= 1.5), the CPU time of the check (its git included), and the peak RSS of the
# airlock process to show memory stays flat as history doubles. The peak RSS is the airlock process's own VmHWM,
# sampled every 50 ms (git's memory is git's).
#
# Usage: bench/secrets/history-speed.sh [SIZES...]      env: ROUNDS=3, RULES=path/to/gitleaks.toml
set -euo pipefail
for tool in /usr/bin/time bc python3; do command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install -y time bc python3)" >&2; exit 2; }; done
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
rounds=${ROUNDS:-3}
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(10000 20000)

"$root/airlock" --version >/dev/null   # builds once, outside the timings
rules_args=()
[[ -z ${RULES:-} ]] || rules_args=(--rules "$RULES")

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
best() { sort -n | head -n 1; }

printf '%-8s %9s %10s %10s %10s %10s %7s %7s %9s %9s\n' commits diff-MB git-best scan-best git-med scan-med ratio ratio-med scan-cpu rss-MB
for size in "${sizes[@]}"; do
    repo=$("$here/make-history.sh" "$size")
    diff_mb=$(git -C "$repo" log -p --all | wc -c | awk '{ printf "%.0f", $1 / 1e6 }')   # also warms the page cache
    git_times=() scan_times=() cpu_times=() rss=()
    for ((i = 0; i < rounds; i++)); do
        git_times+=("$( { /usr/bin/time -f %e sh -c "git -C '$repo' log -p --all > /dev/null"; } 2>&1 )")
        /usr/bin/time -o /tmp/airlock-history-speed.time -f 'wall=%e cpu=%U+%S' "$root/airlock" check "$repo" --only secrets \
            --format json --no-progress "${rules_args[@]}" -o /tmp/airlock-history-speed.json 2>/dev/null &
        timer=$!
        hwm=0 child=""
        # The airlock process's own peak RSS (VmHWM is a high-water mark, so sampling every 0.25 s with
        # shell builtins only is enough and costs the measured run almost nothing).
        while kill -0 "$timer" 2>/dev/null; do
            [[ -n $child ]] || child=$(pgrep -P "$timer" | head -n 1 || true)
            if [[ -n $child && -r /proc/$child/status ]]; then
                while read -r key value _; do [[ $key == VmHWM: ]] && hwm=$value; done < "/proc/$child/status" 2>/dev/null || true
            fi
            sleep 0.25
        done
        wait "$timer" || true
        out=$(cat /tmp/airlock-history-speed.time)
        scan_times+=("$(sed -n 's/.*wall=\([0-9.]*\).*/\1/p' <<<"$out")")
        cpu_times+=("$(sed -n 's/.*cpu=\([0-9.+]*\).*/\1/p' <<<"$out" | bc)")
        rss+=("$((hwm / 1024))")
        findings=$(python3 -c "import json,sys; print(sum(len(r['evidence']) for r in json.load(open('/tmp/airlock-history-speed.json'))['rows'] if r['id']=='secrets.history'))")
        echo "  round $((i + 1)): git ${git_times[-1]} s, airlock ${scan_times[-1]} s, ${findings} findings in history" >&2
    done
    gb=$(printf '%s\n' "${git_times[@]}" | best); sb=$(printf '%s\n' "${scan_times[@]}" | best)
    gm=$(printf '%s\n' "${git_times[@]}" | median); sm=$(printf '%s\n' "${scan_times[@]}" | median)
    printf '%-8s %9s %10s %10s %10s %10s %7.2f %7.2f %9s %9s\n' "$size" "$diff_mb" "$gb" "$sb" "$gm" "$sm" \
        "$(bc -l <<<"$sb / $gb")" "$(bc -l <<<"$sm / $gm")" "$(printf '%s\n' "${cpu_times[@]}" | median)" "$(printf '%s\n' "${rss[@]}" | sort -n | tail -n 1)"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores" >&2
