package sourcing

import (
	"embed"
	"strings"
	"sync"
)

//go:embed lexicon/*.txt
var lexiconFiles embed.FS

// class is a set of roles a lower-cased word can play in an attribution.
type class uint32

const (
	cCue       class = 1 << iota // reporting verb: said, reported, told
	cTell                        // takes an addressee: told, tells, tell
	cQuoteVerb                   // takes the cited source as object: quoted, cited
	cCiting                      // introduces cited sources: citing, quoting
	cAccording                   // "according" (to)
	cAux                         // may stand between subject and verb: has, also, previously
	cPassive                     // a form of "be": the verb is passive, the subject not the source
	cNeg                         // not, never: "did not say" attributes nothing
	cDet                         // the, a, an
	cCount                       // number words and vague quantifiers: two, several
	cBoundary                    // starts a clause: that, after, when, because
	cPrep                        // starts a post-modifier: of, for, at, familiar
	cPronoun                     // he, she, they: the quote annotator resolves these
	cTime                        // Monday, week, earlier: not part of a source's name
	cAnon                        // unnamed people: officials, sources, witnesses
	cBody                        // institutions and offices: ministry, police
	cRole                        // one office holder: minister, president
	cMedia                       // outlet words: media, newspaper, TV
	cReport                      // documents: report, statement
	cStatement                   // adjunct nouns after a cue: "in a statement", "in an interview"
	cAnd                         // and, &
	cHeld                        // obtained, seen (by): who holds a document
	cShow                        // show, showed: a cue only for a document ("figures show")
	cClausal                     // a cue only before a clause: "insisted that", not "insisted on"
	cMonth                       // month names, which a date's comma follows: "a May, 2007 report"
	cNounVerb                    // a cue that is mostly a plural noun: "member states"
	cLocative                    // prepositions of place and time: "in Amherst", "at the club"
	cSingular                    // an unnamed person in the singular: official, witness
)

// nounClasses are the classes that make a word a possible head of a source.
const nounClasses = cAnon | cBody | cRole | cMedia | cReport

// lexicon is the read-only word table built once from the embedded files.
type lexicon struct {
	words   map[string]class
	counts  map[string]int64 // exact counts of number words; vague ones are absent
	outlets map[string]bool  // lower-cased outlet names without a leading "the"
	// maxOutletWords bounds the look-ahead when matching outlet names.
	maxOutletWords int
	// maxWordLen is the length of the longest word in words: longer
	// tokens need no look-up.
	maxWordLen int
}

// lexOf returns the word lists, read on first use rather than when the
// package loads, so that commands that annotate nothing do not pay for them.
var lexOf = sync.OnceValue(loadLexicon)

func loadLexicon() *lexicon {
	l := &lexicon{words: map[string]class{}, counts: map[string]int64{}, outlets: map[string]bool{}}
	add := func(c class, words ...string) {
		for _, w := range words {
			l.words[w] |= c
		}
	}
	for file, c := range map[string]class{
		"cues.txt": cCue, "anonymous.txt": cAnon, "bodies.txt": cBody,
		"roles.txt": cRole, "media.txt": cMedia, "reports.txt": cReport,
	} {
		add(c, readList(file)...)
	}
	// A word of anonymous.txt whose plural is listed too is a singular:
	// "the official said" is one person, "the officials said" some.
	for w, c := range l.words {
		if c&cAnon == 0 {
			continue
		}
		plural := []string{w + "s", w + "es"}
		if strings.HasSuffix(w, "y") {
			plural = append(plural, w[:len(w)-1]+"ies")
		}
		for _, p := range plural {
			if l.words[p]&cAnon != 0 {
				l.words[w] |= cSingular
			}
		}
	}
	for _, name := range readList("outlets.txt") {
		key := strings.ToLower(name)
		key = strings.TrimPrefix(key, "the ")
		l.outlets[key] = true
		if n := len(strings.Fields(key)); n > l.maxOutletWords {
			l.maxOutletWords = n
		}
	}
	add(cTell, "told", "tells", "tell")
	add(cQuoteVerb, "quoted", "cited")
	add(cCiting, "citing", "quoting")
	add(cAccording, "according")
	add(cAux, "has", "have", "had", "also", "previously", "earlier", "later", "repeatedly",
		"already", "further", "separately", "again", "would", "will", "could", "might",
		"recently", "publicly", "privately", "initially", "first", "then",
		"reportedly", "originally", "did", "does", "do", "subsequently")
	add(cPassive, "was", "were", "been", "being", "is", "are", "be")
	add(cNeg, "not", "n't", "never")
	add(cDet, "the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "another")
	add(cCount, "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "twenty", "dozen", "several", "some", "many", "multiple", "few",
		"numerous", "dozens", "scores", "hundreds", "various", "both", "other", "more")
	for i, w := range []string{"one", "two", "three", "four", "five", "six", "seven", "eight",
		"nine", "ten", "eleven", "twelve"} {
		l.counts[w] = int64(i + 1)
	}
	l.counts["twenty"] = 20
	l.counts["dozen"] = 12
	add(cBoundary, "that", "which", "who", "whom", "whose", "after", "before", "when", "while",
		"as", "because", "but", "or", "if", "although", "though", "where", "than", "so", "until",
		"unless", "whether", "how", "what", "why", "nor", "yet", "amid", "despite")
	add(cPrep, "of", "for", "at", "from", "with", "familiar", "close", "in", "on", "to", "near",
		"inside", "within", "by", "among", "involved", "knowledgeable", "briefed", "speaking",
		"during", "about", "into", "over", "under", "against", "across",
		// participles that open a post-modifier: "figures released by the ministry"
		"released", "published", "compiled", "issued", "provided", "obtained", "seen",
		"reviewed", "gathered", "collected", "viewed", "acquired",
		// and present participles: "reports reaching here", "people living nearby"
		"reaching", "living", "fleeing")
	add(cLocative, "in", "on", "at", "near", "inside", "outside", "within", "among", "around",
		"across", "during", "from", "over", "under")
	add(cPronoun, "he", "she", "they", "it", "we", "i", "you", "one's", "someone", "everyone",
		"him", "them", "us", "me")
	add(cTime, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"yesterday", "today", "tonight", "week", "weeks", "month", "months", "year", "years",
		"weekend", "morning", "afternoon", "evening", "night", "earlier", "later", "ago",
		"january", "february", "march", "april", "june", "july", "august", "september",
		"october", "november", "december", "day", "days", "hours")
	add(cStatement, "statement", "interview", "post", "briefing", "release", "tweet", "letter",
		"message", "video", "speech", "note", "report", "conference", "broadcast", "filing",
		"posting", "email", "e-mail", "text", "op-ed", "column", "podcast", "appearance")
	add(cAnd, "and", "&")
	add(cHeld, "obtained", "seen", "reviewed", "viewed", "acquired")
	add(cShow|cCue, "show", "shows", "showed")
	// With a noun phrase for object these keep or demand something: "maintained
	// a policy", "insisted on concessions".
	add(cClausal, "insisted", "maintained", "argued", "contended")
	// Mostly the plural noun ("member states", "seven states"): a cue only
	// before "that", a colon, a quotation or the sentence's end.
	add(cNounVerb, "states")
	// "May" is left out: it is mostly the verb; dateComma reads it by its capital.
	add(cMonth, "january", "february", "march", "april", "june", "july", "august",
		"september", "october", "november", "december",
		"jan.", "feb.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.") // as news abbreviates them
	for w := range l.words {
		l.maxWordLen = max(l.maxWordLen, len(w))
	}
	return l
}

// readList returns the non-comment lines of an embedded lexicon file.
func readList(file string) []string {
	b, err := lexiconFiles.ReadFile("lexicon/" + file)
	if err != nil {
		panic("sourcing: embedded lexicon " + file + " missing: " + err.Error())
	}
	var out []string
	for line := range strings.SplitSeq(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	return out
}
