#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks, builds, runs every test project,
# and ends with one line: "N passed, N failed". Safe to run twice; quick when nothing is missing.
set -uo pipefail
cd "$(dirname "$0")"

say() { printf '== %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. System packages, only when missing.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
    || { echo "could not install ${missing[*]}"; echo "0 passed, 1 failed"; exit 1; }
fi

# 2. npm packages from the lock file, only when the lock file changed.
stamp=node_modules/.package-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error || { echo "npm ci failed"; echo "0 passed, 1 failed"; exit 1; }
  echo "$want" > "$stamp"
fi

# 3. Build once, then every test project.
say "building"
if ! dotnet build Escalation.sln -c Release -nologo -v quiet; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

results=.test-results
rm -rf "$results"
say "testing"
if [ $# -gt 0 ]; then
  dotnet test Escalation.sln -c Release --no-build -nologo --logger trx --results-directory "$results" "$@"
  status=$?
else
  # The cluster tests start and kill real copies of the service; they run after the others rather than beside the
  # browser tests, so two cores are not shared four ways.
  dotnet test Escalation.sln -c Release --no-build -nologo --logger trx --results-directory "$results" --filter "Category!=Cluster"
  status=$?
  dotnet test tests/Escalation.Cluster.Tests -c Release --no-build -nologo --logger trx --results-directory "$results"
  [ $? -eq 0 ] || status=1
fi

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
# A test host that crashed reports no counts: count it as a failure rather than a pass.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
