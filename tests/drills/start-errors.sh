#!/usr/bin/env bash
# Start-up error drill for `./e2e run`: a setting the run cannot start with, or an environment that does not
# answer, ends the run with exit code 2 and one line that names the setting (or address) and the fix, before any
# scenario runs. Each case is a real ./e2e run; the drill checks the exit code, the line, and that no scenario ran.
#
# Usage: tests/drills/start-errors.sh      Prints one line per case; exits 1 if any case fails.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
failures=0

# A loopback port nobody listens on: bind one, note it, let it go.
closed_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

# check NAME EXPECTED_LINE_REGEX ENV... -- ./e2e ARGS...
check() {
  local name="$1" expected="$2"; shift 2
  local envs=()
  while [ "$1" != -- ]; do envs+=("$1"); shift; done
  shift
  local id="drill-start-errors-$(date -u +%Y%m%d-%H%M%S)-$RANDOM" out err code t0 seconds line
  out="$(mktemp)"; err="$(mktemp)"
  t0="$(date +%s%N)"
  env "${envs[@]}" RUN_ID="$id" ./e2e "$@" > "$out" 2> "$err" < /dev/null
  code=$?
  seconds="$(awk -v ns="$(( $(date +%s%N) - t0 ))" 'BEGIN { printf "%.1f", ns / 1e9 }')"
  line="$(grep -E -e "$expected" "$err" | head -1)"
  if [ "$code" != 2 ]; then
    printf 'start-errors drill: FAILED %s: exit %s, not 2\n' "$name" "$code" >&2; failures=$((failures + 1))
  elif [ -z "$line" ]; then
    printf 'start-errors drill: FAILED %s: no line matching /%s/ on stderr:\n' "$name" "$expected" >&2; sed 's/^/  /' "$err" >&2
    failures=$((failures + 1))
  elif [ -n "$(find "artifacts/$id/results" -name '*.json' 2>/dev/null | head -1)" ]; then
    printf 'start-errors drill: FAILED %s: scenarios ran (artifacts/%s/results)\n' "$name" "$id" >&2; failures=$((failures + 1))
  else
    printf 'start-errors drill: %s: exit 2 after %s s: %s\n' "$name" "$seconds" "$line"
  fi
  rm -f "$out" "$err"
}

port="$(closed_port)"
check "environment down" "environment unreachable: http://127.0.0.1:$port/health.*KYCE2E_Environment__BaseUrl" \
  "KYCE2E_Environment__BaseUrl=http://127.0.0.1:$port" -- run --platform web --tags @smoke
check "unknown profile" "--env: no runsettings/nosuch.runsettings; use one of: ci device-farm local staging" \
  -- run --env nosuch
check "malformed runsettings value" "Run:Screenshots 'sometimes' is unknown: use off, on-failure or every-step" \
  "KYCE2E_Run__Screenshots=sometimes" -- run --env ci --platform web --tags @smoke
check "staging without its address and key" "staging.*Environment:BaseUrl" \
  -- run --env staging --platform web --tags @smoke

# An address that answers /health, so the run gets as far as its settings: the missing key is what stops it.
health_port="$(closed_port)"
python3 -c '
import http.server, sys
class Ok(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200); self.end_headers(); self.wfile.write(b"{}")
    def log_message(self, *args): pass
server = http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), Ok)
print("ready", flush=True)
server.serve_forever()
' "$health_port" > "$ROOT/artifacts/drill-health-$$.log" 2>&1 &
health_pid=$!
trap 'kill $health_pid 2>/dev/null; rm -f "$ROOT/artifacts/drill-health-$$.log"' EXIT
timeout 10 grep -m1 -q ready <(tail -n +1 --pid="$health_pid" -f "$ROOT/artifacts/drill-health-$$.log") \
  || { echo "start-errors drill: the stand-in environment did not start" >&2; exit 1; }
check "staging key missing" "Environment:TestApiKey is missing for http://127.0.0.1:$health_port.*KYCE2E_Environment__TestApiKey" \
  "KYCE2E_Environment__BaseUrl=http://127.0.0.1:$health_port" -- run --env staging --platform web --tags @smoke

[ "$failures" = 0 ] || { printf 'start-errors drill: %s case(s) failed\n' "$failures" >&2; exit 1; }
echo "start-errors drill: passed"
