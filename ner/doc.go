// Package ner finds the names in news text (people, organizations, places
// and other names, the four types of CoNLL-2003) and links the mentions of
// each entity within a document.
//
// The tagger is an averaged structured perceptron over BILOU labels with
// Viterbi decoding, trained on CoNLL-2003 English (Reuters, 1996) by
// Train or `sitrep train ner`; the model ships embedded and Default loads it
// on first use. It runs in two stages: the first tags each sentence alone,
// the second again with what the first found in the whole document. Its
// features are hashed (no strings are built while tagging) and include the
// gazetteer's places, given names and demonyms, a list of well-known
// organizations, title words and how common a word is in English.
//
// Link (used by Annotator) groups the mentions of one entity in a document
// under a canonical name and key, with titles kept apart from names.
//
// The package does not tokenize (package text does), does not resolve
// entities across documents (that needs evidence from many reports), does
// not geocode places, and knows nothing of coreference by pronoun. It tags
// as CoNLL-2003 does: "White House" is a place and "Mexican" is MISC.
package ner
