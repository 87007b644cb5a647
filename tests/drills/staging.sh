#!/usr/bin/env bash
# Staging drill: the suite against an environment it did not start, as a QA team points it at their staging.
# A sandbox is started apart (`./e2e sandbox`) with its retry button's test id renamed on the website and in the app
# (the contract-retry-id-renamed switch of docs/defects.md). Then, in the staging profile, with the locator map
# runsettings/renamed-retry.locators.json and Environment:Lacks=clock,faults,outbox:
#   - ./e2e contract finds every catalogued element (the map's selector for retry) and reports the lacks it was told of;
#   - the smoke scenarios pass where they need nothing lacked, and the one that needs the clock is skipped with the
#     reason on both platforms (exit 0: a skip does not fail the gate unless KYCE2E_SKIPS_FAIL=true);
#   - a map with an unknown name stops the run with exit 2 and one line (every other fault of a map takes the same
#     path; tests/KycE2E.UnitTests/Automation/LocatorMapTests.cs has their lines).
#
# Usage: tests/drills/staging.sh      Prints one line per case; exits 1 if any case fails.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
failures=0
out="$(mktemp)"; err="$(mktemp)"; maps="$(mktemp -d)"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
key="staging-drill-$RANDOM$RANDOM"

fail() { printf 'staging drill: FAILED %s\n' "$*" >&2; failures=$((failures + 1)); }

SANDBOX_DEFECTS=contract-retry-id-renamed KYCE2E_SANDBOX_KEY="$key" setsid ./e2e sandbox --port "$port" > "$maps/sandbox.log" 2>&1 < /dev/null &
sandbox=$!
stop() { kill -TERM -- "-$sandbox" 2>/dev/null; wait "$sandbox" 2>/dev/null; rm -rf "$out" "$err" "$maps"; }
trap stop EXIT

# Ready when /health answers (curl asks again each second while the port is closed); the sandbox's own build comes first.
if ! curl -sf --retry 240 --retry-delay 1 --retry-connrefused --retry-max-time 240 "http://127.0.0.1:$port/health" > /dev/null; then
  fail "the sandbox did not answer on port $port:"; sed 's/^/  /' "$maps/sandbox.log" >&2
  exit 1
fi

staging=(KYCE2E_Environment__BaseUrl="http://127.0.0.1:$port" KYCE2E_Environment__TestApiKey="$key"
  KYCE2E_Environment__Lacks=clock,faults,outbox CI=true)

# e2e ARGS...: ./e2e in the staging profile with the map given in $map; sets code and seconds.
e2e() {
  local t0; t0="$(date +%s%N)"
  env "${staging[@]}" KYCE2E_Environment__LocatorMap="$map" ./e2e "$@" > "$out" 2> "$err" < /dev/null
  code=$?
  seconds="$(awk -v ns="$(( $(date +%s%N) - t0 ))" 'BEGIN { printf "%.1f", ns / 1e9 }')"
}

map=runsettings/renamed-retry.locators.json
e2e contract --env staging
retry="$(grep -E '^  [a-z]+ +element retry\b' "$out" | head -1)"
if [ "$code" != 0 ]; then
  fail "contract with the map: exit $code, not 0"; grep -E '^  (missing|wrong) ' "$out" >&2; head -3 "$err" >&2
elif [[ "$retry" != "  present"* ]]; then
  fail "contract with the map: retry not present: '$retry'"
else
  printf 'staging drill: contract with the map: exit 0 after %s s: %s\n' "$seconds" "$(grep -E '^e2e: contract 1: ' "$out" | tail -1)"
fi

e2e run --env staging --tags @smoke
skips="$(grep -c -E "^SKIPPED \[(web|mobile)\] .*: needs the clock moved \('clock'\), which this environment lacks \(Environment:Lacks\)$" "$out")"
totals="$(grep -E '^e2e: [0-9]+ passed, ' "$out" | tail -1)"
if [ "$code" != 0 ]; then
  fail "smoke with the map: exit $code, not 0"; grep -E '^(FAILED|       step)' "$out" >&2
elif [ "$totals" != "e2e: 2 passed, 0 failed, 2 skipped" ] || [ "$skips" != 2 ]; then
  fail "smoke with the map: '$totals', $skips skips for the clock (expected 2 passed, 2 skipped for the clock)"; sed 's/^/  /' "$out" >&2
else
  printf 'staging drill: smoke with the map: exit 0 after %s s: %s (the clock scenario skipped on web and mobile)\n' "$seconds" "$totals"
fi

# bad MAP_JSON EXPECTED_LINE: a map the run cannot use stops it with exit 2 and that line, before any scenario.
bad() {
  map="$maps/bad.locators.json"
  printf '%s' "$1" > "$map"
  e2e run --env staging --platform web --tags @smoke
  local line; line="$(grep -F -e "$2" "$err" | head -1)"
  if [ "$code" != 2 ] || [ -z "$line" ]; then
    fail "$3: exit $code, stderr: $(head -3 "$err")"
  else
    printf 'staging drill: %s: exit 2 after %s s: %s\n' "$3" "$seconds" "$line"
  fi
}
bad '{"web": {"retyr": "#x"}}' '"retyr" is not a catalogued element (did you mean "retry"?' "map with an unknown name"

exit $((failures > 0))
