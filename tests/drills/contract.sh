#!/usr/bin/env bash
# Contract drill for `./e2e contract`: against the clean sandbox every capability is present (exit 0); with the two
# contract defects of docs/defects.md switched on, exactly their two capabilities are reported (exit 1); a wrong
# profile and an environment that does not answer stop it with exit 2 and one line. Each case is a real ./e2e contract.
#
# Usage: tests/drills/contract.sh      Prints one line per case; exits 1 if any case fails.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
failures=0
out="$(mktemp)"; err="$(mktemp)"
trap 'rm -f "$out" "$err"' EXIT

fail() { printf 'contract drill: FAILED %s\n' "$*" >&2; failures=$((failures + 1)); }

# run NAME ENV... -- ARGS...: ./e2e contract with those variables; sets code and seconds.
run() {
  local envs=() t0
  while [ "$1" != -- ]; do envs+=("$1"); shift; done
  shift
  t0="$(date +%s%N)"
  env "${envs[@]}" ./e2e contract "$@" > "$out" 2> "$err" < /dev/null
  code=$?
  seconds="$(awk -v ns="$(( $(date +%s%N) - t0 ))" 'BEGIN { printf "%.1f", ns / 1e9 }')"
}

# The lines that are not "present", without their details.
not_present() { grep -E '^  (missing|wrong) ' "$out" | sed -E 's/^  (missing|wrong) +([^:(]*[^:( ]).*/\1 \2/' | sort; }
summary() { grep -E '^e2e: contract 1: ' "$out" | tail -1; }

run "SANDBOX_DEFECTS=" -- --env ci
if [ "$code" != 0 ]; then
  fail "clean sandbox: exit $code, not 0"; sed 's/^/  /' "$out" "$err" >&2
elif [ -n "$(not_present)" ]; then
  fail "clean sandbox: $(not_present | tr '\n' ';')"
else
  printf 'contract drill: clean sandbox: exit 0 after %s s: %s\n' "$seconds" "$(summary)"
fi

expected="$(printf 'missing element retry\nmissing outbox\n')"
run "SANDBOX_DEFECTS=contract-outbox-removed,contract-retry-id-renamed" -- --env ci
if [ "$code" != 1 ]; then
  fail "contract defects: exit $code, not 1"; sed 's/^/  /' "$out" "$err" >&2
elif [ "$(not_present)" != "$expected" ]; then
  fail "contract defects: reported [$(not_present | tr '\n' ';')], expected [$(tr '\n' ';' <<< "$expected")]"
else
  printf 'contract drill: contract-outbox-removed,contract-retry-id-renamed: exit 1 after %s s, exactly:\n' "$seconds"
  grep -E '^  (missing|wrong) ' "$out"
fi

run "SANDBOX_DEFECTS=" -- --env nosuch
line="$(grep -E -e '--env: no runsettings/nosuch.runsettings' "$err" | head -1)"
if [ "$code" != 2 ] || [ -z "$line" ]; then fail "unknown profile: exit $code, stderr: $(head -1 "$err")"; else printf 'contract drill: unknown profile: exit 2: %s\n' "$line"; fi

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
run "KYCE2E_Environment__BaseUrl=http://127.0.0.1:$port" "KYCE2E_Environment__TestApiKey=any" -- --env staging
line="$(grep -E "environment unreachable: http://127.0.0.1:$port/health" "$err" | head -1)"
if [ "$code" != 2 ] || [ -z "$line" ]; then fail "environment down: exit $code, stderr: $(head -1 "$err")"; else printf 'contract drill: environment down: exit 2 after %s s: %s\n' "$seconds" "$line"; fi

[ "$failures" = 0 ] || { printf 'contract drill: %s case(s) failed\n' "$failures" >&2; exit 1; }
echo "contract drill: passed"
