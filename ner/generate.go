package ner

// The word list is generated from an npm package (see the script); the
// model is trained after it, since the word list is one of its features.
//go:generate sh internal/genwords/generate.sh

// The shipped model is trained from the gold data beside the repository
// ($SITREP_DATA or ../shared/data); TestTrainReproducesEmbeddedModel checks
// that this gives back the committed file byte for byte.
//go:generate sh internal/train.sh
