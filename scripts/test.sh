#!/usr/bin/env bash
# The one test command (README, .ci/run): installs what is missing, starts a throwaway PostgreSQL on
# 127.0.0.1, runs the whole suite on SQLite and again on PostgreSQL (HTTP, command-line and browser
# tests), prints the totals and exits non-zero on any failure.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# --- 1. Packages: chromium (browser tests), CJK fonts (Chinese glyphs in screenshots), PostgreSQL,
#        R with the survey package (the reference the survey estimator is compared with).
need=()
for pkg in chromium fonts-noto-cjk fonts-droid-fallback postgresql r-cran-survey; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "== installing: ${need[*]}"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# --- 2. A throwaway PostgreSQL cluster on 127.0.0.1 (removed on exit).
pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
pgdir="$(mktemp -d /tmp/kepu-pg.XXXXXX)"
pgport="${KEPU_PG_PORT:-55432}"
chmod 755 "$pgdir"
chown postgres:postgres "$pgdir" 2>/dev/null || true
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pgdir"
}
trap cleanup EXIT
as_pg "$pgbin/initdb" -D "$pgdir/data" -A trust -E UTF8 --locale=C.UTF-8 -U postgres >/dev/null
as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -o "-c listen_addresses=127.0.0.1 -p $pgport -k $pgdir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" -w -l "$pgdir/pg.log" start >/dev/null
echo "== PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pgport"

# --- 3. Build once, then run the suite on both databases.
dotnet build Kepu.slnx -c Release -nologo -v q
mkdir -p test-results
status=0
passed=0; failed=0; skipped=0
run() {
  local name="$1"; shift
  echo "== tests on $name"
  local log="test-results/$name.log"
  set +e
  env "$@" dotnet test tests/Kepu.Tests -c Release --no-build --nologo 2>&1 | tee "$log" | awk '/^ +(Failed|Skipped) |^(Passed|Failed)!/ { print; next } /Error Message/ { n = 16 } n > 0 { print; n-- }' 
  local rc=${PIPESTATUS[0]}
  set -e
  local line; line="$(grep -E "^(Passed|Failed)!" "$log" | tail -1)"
  if [ -z "$line" ]; then echo "no test summary for $name"; status=1; return; fi
  passed=$((passed + $(sed -E 's/.*Passed: *([0-9]+).*/\1/' <<<"$line")))
  failed=$((failed + $(sed -E 's/.*Failed: *([0-9]+).*/\1/' <<<"$line")))
  skipped=$((skipped + $(sed -E 's/.*Skipped: *([0-9]+).*/\1/' <<<"$line")))
  [ "$rc" -eq 0 ] || status=1
}
run sqlite KEPU_TEST_DB=Sqlite
run postgres KEPU_TEST_DB=Postgres "KEPU_TEST_PG=Host=127.0.0.1;Port=$pgport;Username=postgres;Database=postgres"

echo "Screenshots: test-results/screenshots/"
echo "Total: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] || status=1
exit $status
