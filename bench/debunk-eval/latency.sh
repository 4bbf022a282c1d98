#!/usr/bin/env bash
# 查一查 latency with many entries (issue 4, item 2: p95 ≤ 10 ms with 100,000 entries). Loads the 175 real entries
# plus synthetic ones (halves of two real claims joined, with a serial number, so the character pairs are as dense
# as real ones), then times `debunks match` over every evaluation query and unrelated text, in process.
# Usage: bench/debunk-eval/latency.sh [entries]   (default 100000)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/bench/debunk-eval"
total="${1:-100000}"
work="$(mktemp -d /tmp/kepu-debunk-latency.XXXXXX)"
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
dotnet build "$root/src/Kepu.Web" -c Release -nologo -v q >/dev/null
dll="$root/src/Kepu.Web/bin/Release/net10.0/Kepu.Web.dll"
export ASPNETCORE_ENVIRONMENT=Production Data__Directory="$work"
cat "$root"/src/Kepu.Web/Features/Debunk/Demo/debunks-*.jsonl "$here"/entries-*.jsonl >"$work/real.jsonl"
python3 - "$work/real.jsonl" "$work/entries.jsonl" "$total" <<'PY'
import json, random, sys
real = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
out, total = open(sys.argv[2], "w", encoding="utf-8"), int(sys.argv[3])
rng = random.Random(4)
for e in real:
    out.write(json.dumps(e, ensure_ascii=False) + "\n")
def mix(a, b, n):
    return a[: max(2, len(a) // 2)] + b[len(b) // 2 :] + f"（{n}）"
for n in range(total - len(real)):
    a, b = rng.sample(real, 2)
    out.write(json.dumps({"id": f"syn-{n}", "claim": mix(a["claim"], b["claim"], n), "verdict": rng.choice(["rumor", "misleading", "unproven", "true"]),
        "title": mix(a["title"], b["title"], n), "body": a["conclusion"], "category": a["category"],
        "phrasings": [mix(p, q, n) for p, q in zip(a.get("phrasings", [])[:2], b.get("phrasings", [])[:2])]}, ensure_ascii=False) + "\n")
PY
cat "$here"/queries-*.jsonl "$here"/unrelated-*.jsonl >"$work/all.jsonl"
cd "$root/src/Kepu.Web"
/usr/bin/time -f "import: %e s" dotnet "$dll" debunks import "$work/entries.jsonl"
/usr/bin/time -f "match: %e s, peak memory %M KB (index built on the first query)" dotnet "$dll" debunks match --in "$work/all.jsonl" --out "$work/results.jsonl" --top 10
