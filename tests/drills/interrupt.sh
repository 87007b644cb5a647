#!/usr/bin/env bash
# Ctrl-C drill for `./e2e run`: starts a run in its own process group, waits until its scenarios are under way,
# interrupts it the way a terminal's Ctrl-C does (SIGINT to the whole foreground process group), and checks that
#   - every process the run started is gone within 5 s (the e2e script, dotnet test, testhost, the sandbox,
#     Playwright's driver and Chromium, Appium, chromedriver),
#   - artifacts/<run>/index.html was written, and
#   - ./e2e exited with 130.
# The run's processes are told apart from anything else on the machine by a marker environment variable that every
# one of them inherits, and by the run's process group.
#
# Usage: tests/drills/interrupt.sh [./e2e run options]    (default: --env ci --platform web)
# The default selection is long enough that scenarios are still running when the first one has finished (the two
# @smoke scenarios run side by side and may both be done before the interrupt lands); --platform mobile drills Appium.
# Prints one line with the seconds from SIGINT until the last of the run's processes was gone; exits 1 on failure.
set -euo pipefail
set -m # job control: the run gets its own process group, and SIGINT is not ignored in it as in a plain background job

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

LIMIT=5                                           # seconds from SIGINT until everything must be gone
START_TIMEOUT="${DRILL_START_TIMEOUT:-900}"       # build, sandbox and the first scenario, on a busy machine
RUN_ID="drill-interrupt-$(date -u +%Y%m%d-%H%M%S)-$$"
MARK="KYCE2E_DRILL_RUN=$RUN_ID"
[ $# -gt 0 ] || set -- --env ci --platform web
OUT="$ROOT/artifacts/$RUN_ID.console.log"
mkdir -p "$ROOT/artifacts"

say() { printf 'interrupt drill: %s\n' "$*"; }
fail() {
  printf 'interrupt drill: FAILED: %s\n' "$*" >&2
  local left; left="$(run_processes)"
  if [ -n "$left" ]; then
    printf 'interrupt drill: still running, now killed:\n' >&2
    describe $left >&2
    kill -KILL $left 2>/dev/null || true
  fi
  printf 'interrupt drill: console output of the run: %s\n' "$OUT" >&2
  exit 1
}

# The run's living processes: those carrying the marker (inherited by everything the run starts, also by what
# leaves the run's process group: Chromium under Playwright, Appium under setsid), and every process of their process
# groups (Chromium's helpers, forked by its zygote with a clean environment, stay in the browser's group). RUN_GROUPS
# remembers the groups seen before the interrupt, for helpers that outlive their browser.
# Zombies count as gone: they have ended and only wait for their parent to collect them.
RUN_GROUPS=""
run_processes() {
  local marked
  marked="$(grep -lzxF "$MARK" /proc/[0-9]*/environ 2>/dev/null | tr -dc '0-9\n' || true)"
  ps -eo pid=,pgid=,stat= | awk -v groups="${PGID:-} $RUN_GROUPS" -v m="$marked" '
    BEGIN { n = split(groups, g, " "); for (i = 1; i <= n; i++) grp[g[i]] = 1
            n = split(m, a, "\n"); for (i = 1; i <= n; i++) if (a[i] != "") mine[a[i]] = 1 }
    { pid[NR] = $1; pg[NR] = $2; st[NR] = $3; if ($1 in mine) grp[$2] = 1 }
    END { for (i = 1; i <= NR; i++) if (st[i] !~ /^Z/ && ((pid[i] in mine) || (pg[i] in grp))) print pid[i] }'
}

describe() {
  local pid
  for pid in "$@"; do
    printf '  %s %s\n' "$pid" "$(tr '\0' ' ' 2>/dev/null < "/proc/$pid/cmdline" | cut -c1-140)"
  done
}

trap 'fail "the drill itself stopped at line $LINENO"' ERR

now() { date +%s.%N; }
# Running, as opposed to gone or ended and not yet collected by its parent (a zombie).
alive() { case "$(ps -o stat= -p "$1" 2>/dev/null)" in "" | Z*) return 1 ;; *) return 0 ;; esac; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }

say "run $RUN_ID: ./e2e run $* (console: $OUT)"
env "$MARK" RUN_ID="$RUN_ID" ./e2e run "$@" < /dev/null > "$OUT" 2>&1 &
E2E=$!
PGID="$(ps -o pgid= -p "$E2E" | tr -d ' ')"
[ "$PGID" = "$E2E" ] || fail "the run did not get its own process group (pgid $PGID, pid $E2E)"

# The first scenario's progress line: one scenario has finished (the report has something to show) and the
# others of the selection are running. No sleeping: grep ends as soon as the line is written.
if ! timeout "$START_TIMEOUT" grep -m1 -q -E '^\[(web|mobile) *\] ' <(tail -n +1 --pid="$E2E" -f "$OUT"); then
  kill -INT -- "-$PGID" 2>/dev/null || true
  fail "no scenario finished within $START_TIMEOUT s (or the run ended first); see the console output"
fi
alive "$E2E" || fail "the run ended before it could be interrupted: choose a longer selection"

STARTED="$(run_processes)"
RUN_GROUPS="$(ps -o pgid= -p "$(echo $STARTED | tr ' ' ,)" | sort -u | tr -s '\n ' ' ')"
count="$(echo "$STARTED" | wc -w)"
seen="$(for pid in $STARTED; do tr '\0' ' ' 2>/dev/null < "/proc/$pid/cmdline"; echo; done)"
for what in KycE2E.Sandbox.dll testhost.dll chromium; do
  [[ "$seen" == *"$what"* ]] || fail "the drill cannot see the run's $what process (marker or process group missing)"
done

T0="$(now)"
kill -INT -- "-$PGID" # what the terminal does on Ctrl-C: SIGINT to every process of the foreground group

# Wait for ./e2e itself (it writes the report after the test run has stopped), bounded by the limit.
timeout "$LIMIT" tail -s 0.05 --pid="$E2E" -f /dev/null || true
if alive "$E2E"; then
  fail "./e2e was still running $LIMIT s after SIGINT"
fi
code=0; wait "$E2E" || code=$?
E2E_SECONDS="$(since "$T0")"

# What it started and does not wait for (Appium's group, a browser) may outlive it by a moment: poll, bounded.
deadline="$(awk -v a="$T0" -v l="$LIMIT" 'BEGIN { printf "%.3f", a + l }')"
while [ -n "$(run_processes)" ] && awk -v d="$deadline" -v n="$(now)" 'BEGIN { exit !(n < d) }'; do
  sleep 0.05
done
GONE_SECONDS="$(since "$T0")"
left="$(run_processes)"
[ -z "$left" ] || fail "$(echo "$left" | wc -w) of the run's $count processes still running $LIMIT s after SIGINT"
[ "$code" = 130 ] || fail "./e2e exited with $code, not 130"
[ -s "artifacts/$RUN_ID/index.html" ] || fail "no artifacts/$RUN_ID/index.html"

say "passed: all $count processes of the run gone ${GONE_SECONDS} s after SIGINT (./e2e exited 130 after ${E2E_SECONDS} s); report artifacts/$RUN_ID/index.html"
