#!/usr/bin/env bash
# Learning load test (issue 5, item 11): district leaderboards and 我的进度 over many users and point events, each
# compared in the same run with /healthz of the same app. Both answers read the running totals (learning_learner,
# learning_point_day), never the events. Prints requests/s, p50, p99, non-2xx, the throughput ratio and the target.
# Usage: bench/learning.sh [users] [events] [connections] [seconds]     (defaults 1000000 50000000 32 15)
# KEPU_BENCH_DATA=DIR reuses a data directory: users are generated only when it has no database (bench data),
# events only when it has none yet (bench learning). SQLite.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
users="${1:-1000000}"; events="${2:-50000000}"; conns="${3:-32}"; secs="${4:-15}"
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
dotnet build "$root/src/Kepu.Web" -c Release -nologo -v q >/dev/null
dll="$root/src/Kepu.Web/bin/Release/net10.0/Kepu.Web.dll"
data="${KEPU_BENCH_DATA:-$(mktemp -d /tmp/kepu-bench-learning.XXXXXX)}"
export ASPNETCORE_ENVIRONMENT=Production Data__Directory="$data" RateLimits__AuthPerMinute=100000 KEPU_BENCH_PASSWORD=Bench-pass-2026
cd "$root/src/Kepu.Web"
if [ ! -f "$data/kepu.db" ]; then
  echo "== generating $users users in $data"
  /usr/bin/time -f "bench data: %e s, max RSS %M KB" dotnet "$dll" bench data --items 1000 --users "$users" | grep -vE "^  (用户|内容|已索引)" || true
fi
has_events="$(python3 -c 'import sqlite3, sys
try: print(sqlite3.connect(sys.argv[1]).execute("select exists (select 1 from learning_point_event)").fetchone()[0])
except sqlite3.OperationalError: print(0)' "$data/kepu.db")"
if [ "$has_events" = 0 ]; then
  echo "== generating $events point events in $data"
  /usr/bin/time -f "bench learning: %e s, max RSS %M KB" dotnet "$dll" bench learning --events "$events"
fi
python3 - "$data/kepu.db" <<'PY'
import os, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
q = lambda sql: db.execute(sql).fetchone()[0]
print("== data: %d bench users, %d learners, %d point events, %d day rows; database %.1f GB" % (
    q("select count(*) from accounts_user where UserName like 'bench%'"), q("select count(*) from learning_learner"),
    q("select max(Id) from learning_point_event"), q("select count(*) from learning_point_day"), os.path.getsize(sys.argv[1]) / 1e9))
PY
port=5398
dotnet "$dll" --urls "http://127.0.0.1:$port" >"$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
until curl -fs "http://127.0.0.1:$port/readyz" >/dev/null; do sleep 0.2; done
tokens="$data/tokens.txt"; : >"$tokens"
for n in $(seq 1 50); do
  printf -v name "bench%07d" "$n"
  curl -fs -X POST "http://127.0.0.1:$port/api/v1/auth/token" -H 'content-type: application/json' \
    -d "{\"userName\":\"$name\",\"password\":\"Bench-pass-2026\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])' >>"$tokens"
done
export KEPU_TOKENS="$tokens"
# One answer of each kind, to show what is measured; then every path once (JIT); each measured run also gets a
# 5-second unmeasured run first, so tiered compilation has settled.
token="$(head -1 "$tokens")"
echo "== GET /api/v1/learning/leaderboard?scope=district (bench0000001, own district):"
curl -fs -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/learning/leaderboard?scope=district" | head -c 400; echo
echo "== GET /api/v1/learning/me (bench0000001):"
curl -fs -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/learning/me" | head -c 400; echo
run() { # name script path [KEPU_BOARD]
  export KEPU_BOARD="${4:-anonymous}"
  wrk -t2 -c"$conns" -d5s ${2:+-s "$root/bench/wrk/$2"} "http://127.0.0.1:$port$3" >/dev/null
  local out; out="$(wrk -t2 -c"$conns" -d"${secs}s" --latency ${2:+-s "$root/bench/wrk/$2"} "http://127.0.0.1:$port$3")"
  local rps p50 p99 errors
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1=="50%" {print $2}' <<<"$out")"
  p99="$(awk '$1=="99%" {print $2}' <<<"$out")"
  errors="$(awk '/Non-2xx/ {print $5}' <<<"$out")"
  printf "%-36s %10s %10s %10s %8s\n" "$1" "$rps" "$p50" "$p99" "${errors:-0}"
  echo "$1|$rps|$p50|$p99|${errors:-0}" >>"$data/learning-rps.txt"
}
: >"$data/learning-rps.txt"
echo "== wrk: $conns connections, ${secs}s each, 2 threads"
printf "%-36s %10s %10s %10s %8s\n" "endpoint" "req/s" "p50" "p99" "non-2xx"
run "baseline /healthz" "" /healthz
run "leaderboard, district (anonymous)" leaderboard.lua /api/v1/learning/leaderboard anonymous
run "leaderboard, district (token)" leaderboard.lua /api/v1/learning/leaderboard token
run "baseline /healthz" "" /healthz
run "leaderboard, own district + my rank" leaderboard.lua /api/v1/learning/leaderboard mine
run "my progress /me" me.lua /api/v1/learning/me
run "baseline /healthz" "" /healthz
python3 - "$data/learning-rps.txt" <<'PY'
import sys
def ms(text):
    for unit, factor in (("us", 0.001), ("ms", 1.0), ("s", 1000.0), ("m", 60000.0)):
        if text.endswith(unit):
            return float(text[: -len(unit)]) * factor
    return float(text)
rows = [l.split("|") for l in open(sys.argv[1]).read().splitlines()]
base = [float(r[1]) for r in rows if r[0].startswith("baseline")]
mean = sum(base) / len(base)
print("throughput ratio against the mean /healthz of this run (%.0f req/s) and the target p99 <= 50 ms:" % mean)
for name, rps, p50, p99, errors in rows:
    if not name.startswith("baseline"):
        print("  %-36s ratio %.2f   p99 %8.2f ms  p99 <= 50 ms: %s%s" % (name, float(rps) / mean, ms(p99),
              "met" if ms(p99) <= 50 else "not met", "" if errors == "0" else "   (%s non-2xx)" % errors))
PY
