#!/usr/bin/env bash
# Prints whole-process coding throughput of bin/egret on raw text with the full
# Phoenix dictionaries: the GigaWord sample repeated to >= 10,000 sentences and
# the VOA corpus, on one worker and on all cores, with peak memory.
set -euo pipefail
shared=${1:-../shared}
bin=./bin/egret
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[ -d "$shared/petrarch" ] || { echo "bench: $shared not found" >&2; exit 1; }
# GigaWord sample sentences as JSON Lines, repeated 150x (67 records with text x 150 = 10,050 sentences).
go run ./scripts/gigaword2jsonl "$shared/petrarch/GigaWord.sample.PETR.xml" 150 2>/dev/null > "$tmp/giga.jsonl"
for input in "$tmp/giga.jsonl" "$shared/corpus/voa_stories.jsonl"; do
  for w in 1 2; do
    printf '%-28s workers=%d  ' "$(basename "$input")" "$w"
    "$bin" code --dicts "$shared/petrarch/phoenix" --workers "$w" "$input" 2>&1 >/dev/null | tail -1
  done
done
printf '%-28s             ' "default dictionaries (voa)"
"$bin" code --workers 1 "$shared/corpus/voa_stories.jsonl" 2>&1 >/dev/null | tail -1
