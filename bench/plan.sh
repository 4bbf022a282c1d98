#!/usr/bin/env bash
# Caravan planning benchmark (issue 6, items 5-6): plan cost against the exact optimum (Held–Karp, 17 remote districts,
# one unit) and against the spanning-tree lower bound (3 units; all 1,031 towns of ../shared/data/chongqing-towns.csv),
# with solve times. A fresh SQLite database in a temporary directory; towns imported first.
# Usage: bench/plan.sh [seconds-per-district-run] [seconds-per-town-run] [town-units]     (defaults 5 60 24)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
secs="${1:-5}"; town_secs="${2:-60}"; town_units="${3:-24}"
towns="${KEPU_TOWNS:-$root/../shared/data/chongqing-towns.csv}"
dotnet build "$root/src/Kepu.Web" -c Release -nologo -v q >/dev/null
dll="$root/src/Kepu.Web/bin/Release/net10.0/Kepu.Web.dll"
data="$(mktemp -d /tmp/kepu-bench-plan.XXXXXX)"
export ASPNETCORE_ENVIRONMENT=Production Data__Directory="$data"
cd "$root/src/Kepu.Web"
dotnet "$dll" import towns "$towns" | tail -1
dotnet "$dll" bench plan --seconds "$secs" --town-seconds "$town_secs" --town-units "$town_units"
rm -rf "$data"
