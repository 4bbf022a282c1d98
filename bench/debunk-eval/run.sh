#!/usr/bin/env bash
# Matching quality (issue 4, item 8): loads the demo debunks and the evaluation-only entries into a fresh database,
# runs `debunks match` on every query and unrelated text, and prints MAP@5, Recall@1, Recall@5 and the wrong-answer
# rate, next to a plain BM25 over character bigrams computed in the same run.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/bench/debunk-eval"
work="$(mktemp -d /tmp/kepu-debunk-eval.XXXXXX)"
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
dotnet build "$root/src/Kepu.Web" -c Release -nologo -v q >/dev/null
dll="$root/src/Kepu.Web/bin/Release/net10.0/Kepu.Web.dll"
export ASPNETCORE_ENVIRONMENT=Production Data__Directory="$work"
cat "$root"/src/Kepu.Web/Features/Debunk/Demo/debunks-*.jsonl "$here"/entries-*.jsonl >"$work/entries.jsonl"
cat "$here"/queries-*.jsonl >"$work/queries.jsonl"
cat "$here"/unrelated-*.jsonl >"$work/unrelated.jsonl"
cat "$work/queries.jsonl" "$work/unrelated.jsonl" >"$work/all.jsonl"
cd "$root/src/Kepu.Web"
dotnet "$dll" debunks import "$work/entries.jsonl"
dotnet "$dll" debunks match --in "$work/all.jsonl" --out "$work/results.jsonl" --top 10
python3 "$here/evaluate.py" "$work/entries.jsonl" "$work/queries.jsonl" "$work/unrelated.jsonl" "$work/results.jsonl"
