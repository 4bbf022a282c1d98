#!/usr/bin/env bash
# Reads the 智慧助老 demo lessons aloud into small Opus files (wwwroot/audio/elder/lesson-N.ogg) with espeak-ng's
# Mandarin voice, slowly, and points each lesson's mediaUrl at its file. Machine speech: clear enough to follow, and
# phones' own read-aloud (朗读) remains on the page. Run it again after editing the lessons.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
command -v espeak-ng >/dev/null && command -v opusenc >/dev/null || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends espeak-ng opus-tools >/dev/null; }
course="$root/src/Kepu.Web/Features/Learning/Demo/course-elder.json"
out="$root/src/Kepu.Web/wwwroot/audio/elder"
mkdir -p "$out"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
python3 - "$course" "$work" <<'PY'
import json, re, sys
course, work = sys.argv[1], sys.argv[2]
doc = json.load(open(course, encoding="utf-8"))
n = 0
for chapter in doc["chapters"]:
    for lesson in chapter["lessons"]:
        n += 1
        text = lesson["title"] + "。\n" + re.sub(r"[#*`>|_\-]+", " ", lesson["body"])
        open(f"{work}/lesson-{n}.txt", "w", encoding="utf-8").write(text)
        lesson["mediaUrl"] = f"/audio/elder/lesson-{n}.ogg"
json.dump(doc, open(course, "w", encoding="utf-8"), ensure_ascii=False, indent=2)
open(course, "a", encoding="utf-8").write("\n")
PY
for text in "$work"/lesson-*.txt; do
  name="$(basename "$text" .txt)"
  espeak-ng -v cmn -s 165 -f "$text" -w "$work/$name.wav"
  opusenc --quiet --bitrate 12 --downmix-mono "$work/$name.wav" "$out/$name.ogg"
done
ls -la "$out"
