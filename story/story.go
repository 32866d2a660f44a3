// Package story does sitrep's cross-document work over annotated articles:
// it finds near-duplicates and syndicated copies, groups articles into
// stories incrementally, resolves entities across articles, merges the
// event mentions of many reports into incidents, and keeps tallies (killed,
// wounded, strikes) as low/best/high ranges with the sources behind each
// number and their history.
//
// Where the rules are written: Index (copies and stories), Entities (names
// across articles), Incidents (which reports are one incident), Figure,
// Series and StoryTally (how low, best and high are reached and how a
// campaign and its strikes are counted once), QuoteDrift.
//
// It reads sitrep.Docs and returns plain values; it does not fetch, annotate
// or store anything. The store keeps what the index decides (memberships,
// features, entity links) so that the index can be restored without
// rereading every article.
package story

import "time"

// Membership is where the index put one article.
type Membership struct {
	Article string // the article's content ID
	// Story is the ID of the story the article belongs to: "s" and the ID of
	// the story's first article, so it never changes once given.
	Story string
	// DuplicateOf is the ID of the earlier article this one reprints (a wire
	// story in another outlet, a lightly edited copy); empty for an original.
	// Copies are kept as reports but never count as independent sources.
	DuplicateOf string
	// Similarity is the estimated Jaccard similarity of the article's word
	// shingles to its original, or its best similarity to the story it
	// joined; 0 for the first article of a story.
	Similarity float64
	Source     string
	Published  time.Time // zero when unknown
}

// Entity is one real-world person, organization or place as known across
// articles: "Geoff Garmany" and "Gharmani", "U.S." and "United States".
type Entity struct {
	// Key is stable and readable: the type and a slug of the first canonical
	// name seen, "person:geoff-garmany".
	Key     string   `json:"key"`
	Name    string   `json:"name"`
	Type    string   `json:"type"` // PERSON, ORG, LOC, MISC
	Aliases []string `json:"aliases"`
}
