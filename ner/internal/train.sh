#!/usr/bin/env sh
# Retrains the shipped model from the gold data: $SITREP_DATA, or
# ../shared/data beside the repository. Run from the repository root, or by
# `go generate ./ner`.
set -eu
root=$(git rev-parse --show-toplevel)
data=${SITREP_DATA:-$root/../shared/data}
cd "$root"
go run ./cmd/sitrep train ner \
  --train "$data/ner/conll2003/train.txt" \
  --dev "$data/ner/conll2003/dev.txt" \
  --out ner/model/ner.model
