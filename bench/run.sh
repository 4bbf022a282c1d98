#!/usr/bin/env bash
# Load test (issue 3, item 13): wrk against the logged-in feed, search and an item page, each compared in the
# same run with /healthz of the same app. Prints requests/s, p50, p99 and the throughput ratio.
# Usage: bench/run.sh [items] [users] [connections] [seconds]     (defaults 100000 1000000 32 15)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
items="${1:-100000}"; users="${2:-1000000}"; conns="${3:-32}"; secs="${4:-15}"
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
dotnet build "$root/src/Kepu.Web" -c Release -nologo -v q >/dev/null
dll="$root/src/Kepu.Web/bin/Release/net10.0/Kepu.Web.dll"
data="${KEPU_BENCH_DATA:-$(mktemp -d /tmp/kepu-bench.XXXXXX)}"
export ASPNETCORE_ENVIRONMENT=Production Data__Directory="$data" RateLimits__AuthPerMinute=100000 KEPU_BENCH_PASSWORD=Bench-pass-2026
cd "$root/src/Kepu.Web"
if [ ! -f "$data/kepu.db" ]; then
  echo "== generating $items items and $users users in $data"
  /usr/bin/time -f "generation: %e s, max RSS %M KB" dotnet "$dll" bench data --items "$items" --users "$users" | grep -vE "^  (用户|内容|已索引)" || true
fi
port=5399
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
# Long-tail queries: every 2- to 4-character piece of the item titles; search-longtail.lua joins two at random.
queries="$data/queries.txt"
python3 - "$data/kepu.db" "$queries" <<'PY'
import random, re, sqlite3, sys
titles = {re.sub(r"（\d+）$", "", t) for (t,) in sqlite3.connect(sys.argv[1]).execute("select Title from library_content where Status = 'published'")}
pieces = {t[i:i + n] for t in titles for n in (2, 3, 4) for i in range(len(t) - n + 1)}
pieces = sorted(p for p in pieces if not re.search(r"[\s，。、：；！？（）“”《》]", p))
random.Random(1).shuffle(pieces)
open(sys.argv[2], "w").write("\n".join(pieces) + "\n")
PY
export KEPU_TOKENS="$tokens" KEPU_ITEMS="$items" KEPU_QUERIES="$queries"
echo "== $(wc -l <"$queries") long-tail queries"
# Warm up every path (JIT, the in-memory catalogue, each account's segment); each measured run also gets a
# 5-second unmeasured run first, so tiered compilation has settled.
for path in /healthz "/api/v1/search?q=%E8%AF%88%E9%AA%97" /contents/1; do curl -fs -o /dev/null "http://127.0.0.1:$port$path"; done
while read -r token; do curl -fs -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/feed"; done <"$tokens"
run() { # name script path
  wrk -t2 -c"$conns" -d5s ${2:+-s "$root/bench/wrk/$2"} "http://127.0.0.1:$port$3" >/dev/null
  local out; out="$(wrk -t2 -c"$conns" -d"${secs}s" --latency ${2:+-s "$root/bench/wrk/$2"} "http://127.0.0.1:$port$3")"
  local rps p50 p99 errors
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1=="50%" {print $2}' <<<"$out")"
  p99="$(awk '$1=="99%" {print $2}' <<<"$out")"
  errors="$(awk '/Non-2xx/ {print $5}' <<<"$out")"
  printf "%-28s %10s %10s %10s %8s\n" "$1" "$rps" "$p50" "$p99" "${errors:-0}"
  echo "$1 $rps" >>"$data/rps.txt"
}
: >"$data/rps.txt"
echo "== wrk: $conns connections, ${secs}s each, 2 threads; $items items, $users users"
printf "%-28s %10s %10s %10s %8s\n" "endpoint" "req/s" "p50" "p99" "non-2xx"
run "baseline /healthz" "" /healthz
run "feed (logged in)" feed.lua /api/v1/feed
run "baseline /healthz" "" /healthz
run "search (20 popular)" search.lua /api/v1/search
run "search (long tail)" search-longtail.lua /api/v1/search
run "baseline /healthz" "" /healthz
run "item page (one item)" "" /contents/1
run "item page (uniform)" item.lua /contents/1
run "item page (Zipf)" item-zipf.lua /contents/1
python3 - "$data/rps.txt" <<'PY'
import sys
rows = [l.split(" ") for l in open(sys.argv[1]).read().splitlines()]
rows = [(" ".join(r[:-1]), float(r[-1])) for r in rows]
base = [v for n, v in rows if n.startswith("baseline")]
print("throughput ratio against the mean /healthz of this run (%.0f req/s):" % (sum(base) / len(base)))
for n, v in rows:
    if not n.startswith("baseline"):
        print("  %-20s %.2f" % (n, v / (sum(base) / len(base))))
PY
