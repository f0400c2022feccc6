#!/usr/bin/env bash
# Prints whole-process coding throughput of bin/egret on raw text with the full
# Phoenix dictionaries: the GigaWord sample repeated to >= 10,000 sentences and
# the VOA corpus, on one worker and on all cores, with peak memory; then the
# CPU time of start-up alone.
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
# Start-up alone: the whole process on an empty input, one core, in CPU
# seconds (the gazetteer is loaded by the first document with events, so
# only a run that codes some pays for it: the GigaWord lines above do).
: > "$tmp/empty.jsonl"
TIMEFORMAT='%U s user + %S s system'
for dicts in "--dicts $shared/petrarch/phoenix" ""; do
  printf 'start-up %-20s ' "$([ -n "$dicts" ] && echo Phoenix || echo defaults)"
  { time GOMAXPROCS=1 "$bin" code $dicts --workers 1 -q "$tmp/empty.jsonl" >/dev/null; } 2>&1 | tail -1
done
