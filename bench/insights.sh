#!/usr/bin/env bash
# Operations dashboards benchmark (issue 8, item 6): with N activity events in the log, every dashboard query answers
# with p99 <= 200 ms. `bench insights` generates the events with set-based SQL (generate_series on PostgreSQL, a
# recursive CTE on SQLite), builds the aggregates the way `insights rebuild` does, and times each dashboard query
# (R requests, each in its own scope) next to a trivial query of the same run; then the app is started and the
# reach API and the dashboard page are timed over HTTP with wrk, next to /healthz.
# Usage: bench/insights.sh [events] [users] [months] [requests]     (defaults 50000000 1000000 24 200)
# SQLite in a temporary directory by default (KEPU_BENCH_DATA=DIR keeps and reuses it);
# KEPU_BENCH_NOBUILD=1 skips the Release build (when it was just built). KEPU_BENCH_PG="Host=...;Username=...;Database=..." uses that PostgreSQL database instead (filled on the first run, reused after).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
events="${1:-50000000}"; users="${2:-1000000}"; months="${3:-24}"; requests="${4:-200}"
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
[ -n "${KEPU_BENCH_NOBUILD:-}" ] || dotnet build "$root/src/Kepu.Web" -c Release -nologo -v q >/dev/null
dll="$root/src/Kepu.Web/bin/Release/net10.0/Kepu.Web.dll"
data="${KEPU_BENCH_DATA:-$(mktemp -d /tmp/kepu-bench-insights.XXXXXX)}"
export ASPNETCORE_ENVIRONMENT=Production Data__Directory="$data" RateLimits__AuthPerMinute=100000 Insights__Projector=true
if [ -n "${KEPU_BENCH_PG:-}" ]; then
  export Database__Provider=Postgres ConnectionStrings__Postgres="$KEPU_BENCH_PG"
fi
cd "$root/src/Kepu.Web"
echo "== bench insights: $events events, $users people, $months months, $requests requests per query (${Database__Provider:-Sqlite}, $data)"
/usr/bin/time -f "bench insights: %e s, max RSS %M KB" dotnet "$dll" bench insights --events "$events" --users "$users" --months "$months" \
  --requests "$requests" --out "$data/bench-insights.json" || status=$?

# Over HTTP: an administrator's token, then wrk (1 thread, 2 connections: latency, not throughput; 10 s after a 3 s warm-up) per URL.
KEPU_ADMIN_PASSWORD=Bench-admin-2026 dotnet "$dll" admin create --user benchadmin >/dev/null 2>&1 || true
port=5399
dotnet "$dll" --urls "http://127.0.0.1:$port" >"$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
until curl -fs "http://127.0.0.1:$port/readyz" >/dev/null; do sleep 0.2; done
token="$(curl -fs -X POST "http://127.0.0.1:$port/api/v1/auth/token" -H 'content-type: application/json' \
  -d '{"userName":"benchadmin","password":"Bench-admin-2026"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')"
run() { # name path [auth]
  local auth=(); [ -n "${3:-}" ] && auth=(-H "Authorization: Bearer $token")
  wrk -t1 -c2 -d3s "${auth[@]}" "http://127.0.0.1:$port$2" >/dev/null
  local out; out="$(wrk -t1 -c2 -d10s --latency "${auth[@]}" "http://127.0.0.1:$port$2")"
  printf "%-44s %10s %10s %10s %8s\n" "$1" "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" "$(awk '$1=="50%" {print $2}' <<<"$out")" \
    "$(awk '$1=="99%" {print $2}' <<<"$out")" "$(awk '/Non-2xx/ {print $5}' <<<"$out")"
}
echo "== HTTP (wrk 1 thread, 2 connections, 10 s)"
printf "%-44s %10s %10s %10s %8s\n" "endpoint" "req/s" "p50" "p99" "non-2xx"
run "baseline /healthz" /healthz
run "GET /api/v1/insights/reach?groupBy=district" "/api/v1/insights/reach?groupBy=district" auth
run "GET /api/v1/insights/reach?groupBy=month (24)" "/api/v1/insights/reach?groupBy=month&from=$(date -d "-23 months" +%Y-%m)" auth
run "GET /api/v1/insights/reach?district=500242" "/api/v1/insights/reach?district=500242&groupBy=audience" auth
run "baseline /healthz" /healthz
exit "${status:-0}"
