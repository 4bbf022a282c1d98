#!/usr/bin/env bash
# Adds one migration to both providers, so SQLite and PostgreSQL never drift apart.
# Usage: scripts/add-migration.sh NAME
set -euo pipefail
name="${1:?usage: scripts/add-migration.sh NAME}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
dotnet tool restore >/dev/null
project=src/Kepu.Web
dotnet build "$project" -nologo -v q
for provider in Sqlite Postgres; do
  echo "== ${provider}: ${name}"
  dotnet tool run dotnet-ef migrations add "$name" \
    --project "$project" --no-build \
    --context "${provider}AppDbContext" \
    --output-dir "Infrastructure/Data/${provider}/Migrations"
done
rm -f "$project/design-time.db"
echo "Added ${name} to both providers. Run scripts/test.sh to check both databases."
