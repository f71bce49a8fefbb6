#!/usr/bin/env bash
# Runs every Airlock test project. Installs what the tests need first (on Debian, as root) when missing.
# Prints each project's result line; exits non-zero when any test or build fails.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Tools the tests drive for real: git (repositories), gcc (native ABI fixtures), promtool (the ChatAgent's /metrics),
# Chromium (Airlock.Browser and the ChatAgent widget tests, headless); prometheus (the rollout signals' Prometheus
# server source): promtool and prometheus both come with Debian's prometheus package.
need=()
command -v git >/dev/null || need+=(git)
command -v gcc >/dev/null || need+=(gcc libc6-dev)
{ command -v promtool >/dev/null && command -v prometheus >/dev/null; } || need+=(prometheus)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "test.sh: installing ${need[*]}" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "test.sh: please install: ${need[*]}" >&2
    exit 2
  fi
fi

# Microsoft's SARIF validator (npm package with a self-contained Linux binary), for the SARIF output test.
tools="$root/.tools"
multitool="$tools/node_modules/.bin/sarif-multitool"
if [ ! -x "$multitool" ]; then
  if ! command -v npm >/dev/null && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  fi
  echo "test.sh: installing the SARIF validator (@microsoft/sarif-multitool) into .tools/" >&2
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error @microsoft/sarif-multitool@5.7.0 >/dev/null &&
    chmod u+x "$tools"/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
fi
export AIRLOCK_SARIF_MULTITOOL="$multitool"

dotnet test "$root/Airlock.slnx" --nologo -v quiet "$@"
