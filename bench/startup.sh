#!/usr/bin/env bash
# Start-up time: from launching the built app on an empty SQLite database to the first 200 from /readyz,
# against the same measurement for an app that is already migrated (the baseline), N runs each.
# Usage: bench/startup.sh [runs]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
dotnet build "$root/src/Kepu.Web" -c Release -nologo -v q >/dev/null
dll="$root/src/Kepu.Web/bin/Release/net10.0/Kepu.Web.dll"
port=5391
measure() {
  local dir="$1"
  local start end
  start=$(date +%s%N)
  ASPNETCORE_ENVIRONMENT=Production Data__Directory="$dir" dotnet "$dll" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
  local pid=$!
  until curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; do sleep 0.02; done
  end=$(date +%s%N)
  kill $pid; wait $pid 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}
cd "$root/src/Kepu.Web"
warm="$(mktemp -d)"
measure "$warm" >/dev/null # creates and migrates the database once
cold=(); hot=()
for _ in $(seq "$runs"); do
  fresh="$(mktemp -d)"
  cold+=("$(measure "$fresh")")
  rm -rf "$fresh"
  hot+=("$(measure "$warm")")
done
rm -rf "$warm"
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "first 200 from /readyz, empty database (migrate + seed roles): runs ${cold[*]} ms, median $(median "${cold[@]}") ms"
echo "first 200 from /readyz, migrated database (baseline):           runs ${hot[*]} ms, median $(median "${hot[@]}") ms"
