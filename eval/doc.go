// Package eval holds readers for gold-standard formats and the scorers that
// compare sitrep's output with them; `sitrep eval` runs them.
//
// It starts with the Zyte article-extraction benchmark (ReadZyte,
// ScoreExtraction, EvalZyte), scored exactly as the benchmark's own
// evaluate.py scores it, so that figures are comparable with the published
// ones. Later issues add NER (CoNLL), timex (TimeML), geo (GeoVirus),
// quotes (brat attribution) and events (CASE 2021).
//
// Readers return plain values and scorers are pure functions; nothing here
// imports the pipeline or the store, so a scorer can be checked by hand.
package eval
