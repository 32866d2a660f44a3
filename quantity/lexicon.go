package quantity

import (
	"embed"
	"fmt"
	"strings"
	"sync"
)

//go:embed lexicon/*.txt
var lexiconFS embed.FS

// Kinds of head noun (lexicon/units.txt).
const (
	kindThing uint8 = iota
	kindPerson
	kindStrike
	kindMeasure
	kindSkip
)

// Sides a cue word may stand on relative to the count (lexicon/cues.txt).
const (
	sideLeft  uint8 = 1 << iota // "killing 80 people"
	sideRight                   // "80 people were killed"
)

// unitInfo describes a head noun.
type unitInfo struct {
	unit     string
	kind     uint8
	category string // implied by the noun alone, "" when none
}

// cueInfo describes a word that says what happened to what was counted.
type cueInfo struct {
	category string
	sides    uint8
}

// lexicon holds the read-only word tables, keyed by ASCII-lowercased form.
type lexicon struct {
	units map[string]unitInfo
	cues  map[string]cueInfo
	stop  map[string]bool
}

var loadLexicon = sync.OnceValues(func() (*lexicon, error) {
	lx := &lexicon{units: map[string]unitInfo{}, cues: map[string]cueInfo{}, stop: map[string]bool{}}
	err := eachLine("lexicon/units.txt", func(f []string) error {
		if len(f) < 3 {
			return fmt.Errorf("want form, unit, kind: %q", f)
		}
		kinds := map[string]uint8{"thing": kindThing, "person": kindPerson, "strike": kindStrike, "measure": kindMeasure, "skip": kindSkip}
		k, ok := kinds[f[2]]
		if !ok {
			return fmt.Errorf("unknown kind %q", f[2])
		}
		u := unitInfo{unit: f[1], kind: k}
		if len(f) > 3 {
			u.category = f[3]
		}
		lx.units[f[0]] = u
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachLine("lexicon/cues.txt", func(f []string) error {
		if len(f) != 3 {
			return fmt.Errorf("want form, category, side: %q", f)
		}
		sides := map[string]uint8{"left": sideLeft, "right": sideRight, "both": sideLeft | sideRight}
		s, ok := sides[f[2]]
		if !ok {
			return fmt.Errorf("unknown side %q", f[2])
		}
		lx.cues[f[0]] = cueInfo{category: f[1], sides: s}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachLine("lexicon/stop.txt", func(f []string) error {
		lx.stop[f[0]] = true
		return nil
	})
	if err != nil {
		return nil, err
	}
	return lx, nil
})

// eachLine calls fn with the tab-separated fields of every line of an
// embedded lexicon that is neither blank nor a # comment.
func eachLine(name string, fn func([]string) error) error {
	b, err := lexiconFS.ReadFile(name)
	if err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	for i, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(strings.Split(line, "\t")); err != nil {
			return fmt.Errorf("%s:%d: %w", name, i+1, err)
		}
	}
	return nil
}

// Number words. Values are read-only tables.
var smallNumbers = map[string]int64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// scales multiply the number before them: "1.2 million", "two dozen".
var scales = map[string]int64{
	"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000,
	"billion": 1_000_000_000, "trillion": 1_000_000_000_000,
}

// vagueAmounts are the conservative lower bounds of plural scale words:
// "dozens" is at least two dozen. The upper bound is left open.
var vagueAmounts = map[string]int64{
	"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000,
	"millions": 2_000_000, "billions": 2_000_000_000, "tens": 20,
}

// fewWords are vague amounts that can also multiply a scale ("several
// hundred" is at least 300): their lower bound.
var fewWords = map[string]int64{"several": 3, "few": 2, "handful": 2, "couple": 2}

// qualifiers are the words before a number that bound it, longest first
// where one is the end of another ("no more than" before "more than").
var qualifiers = []struct {
	words     []string
	qualifier string
}{
	{[]string{"no", "more", "than"}, qAtMost},
	{[]string{"not", "more", "than"}, qAtMost},
	{[]string{"no", "fewer", "than"}, qAtLeast},
	{[]string{"no", "less", "than"}, qAtLeast},
	{[]string{"as", "many", "as"}, qAtMost},
	{[]string{"as", "much", "as"}, qAtMost},
	{[]string{"in", "excess", "of"}, qMoreThan},
	{[]string{"a", "minimum", "of"}, qAtLeast},
	{[]string{"a", "maximum", "of"}, qAtMost},
	{[]string{"a", "total", "of"}, qExact},
	{[]string{"a", "further"}, qIncrement},
	{[]string{"an", "additional"}, qIncrement},
	{[]string{"another"}, qIncrement},
	{[]string{"at", "least"}, qAtLeast},
	{[]string{"at", "most"}, qAtMost},
	{[]string{"more", "than"}, qMoreThan},
	{[]string{"upwards", "of"}, qMoreThan},
	{[]string{"well", "over"}, qMoreThan},
	{[]string{"just", "over"}, qMoreThan},
	{[]string{"just", "under"}, qLessThan},
	{[]string{"fewer", "than"}, qLessThan},
	{[]string{"less", "than"}, qLessThan},
	{[]string{"up", "to"}, qAtMost},
	{[]string{"close", "to"}, qAtMost},
	{[]string{"an", "estimated"}, qAbout},
	{[]string{"nearly"}, qAtMost},
	{[]string{"almost"}, qAtMost},
	{[]string{"over"}, qMoreThan},
	{[]string{"above"}, qMoreThan},
	{[]string{"exceeding"}, qMoreThan},
	{[]string{"exceeded"}, qMoreThan},
	{[]string{"exceeds"}, qMoreThan},
	{[]string{"topped"}, qMoreThan},
	{[]string{"tops"}, qMoreThan},
	{[]string{"topping"}, qMoreThan},
	{[]string{"surpassed"}, qMoreThan},
	{[]string{"surpassing"}, qMoreThan},
	{[]string{"under"}, qLessThan},
	{[]string{"below"}, qLessThan},
	{[]string{"about"}, qAbout},
	{[]string{"around"}, qAbout},
	{[]string{"roughly"}, qAbout},
	{[]string{"approximately"}, qAbout},
	{[]string{"some"}, qAbout},
	{[]string{"estimated"}, qAbout},
	{[]string{"circa"}, qAbout},
	{[]string{"between"}, qRange},
}

var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true, "october": true,
	"november": true, "december": true, "jan": true, "jan.": true, "feb": true,
	"feb.": true, "mar.": true, "apr.": true, "jun.": true, "jul.": true,
	"aug": true, "aug.": true, "sep.": true, "sept": true, "sept.": true,
	"oct": true, "oct.": true, "nov": true, "nov.": true, "dec": true, "dec.": true,
}

// determiners before a number make it a reference to a known group ("the two
// countries"), not a new count, unless something happened to the group.
var determiners = map[string]bool{
	"the": true, "these": true, "those": true, "both": true, "its": true,
	"their": true, "his": true, "her": true, "our": true, "my": true,
	"your": true, "whose": true, "first": true, "last": true, "top": true,
	"next": true, "other": true,
}

// auxiliaries may stand between a count and the participle that says what
// happened to it: "were reportedly killed", "are feared dead".
var auxiliaries = map[string]bool{
	"were": true, "was": true, "are": true, "is": true, "be": true, "been": true,
	"being": true, "have": true, "has": true, "had": true, "reportedly": true,
	"also": true, "all": true, "later": true, "believed": true, "feared": true,
	"reported": true, "thought": true, "said": true, "to": true, "confirmed": true,
	"presumed": true, "known": true, "now": true, "still": true, "already": true, "either": true,
	"allegedly": true, "subsequently": true, "got": true, "found": true, "recently": true,
	"may": true, "might": true, "could": true, "would": true, "will": true,
	"must": true, "aboard": true, "onboard": true, "inside": true,
	"remain": true, "remained": true, "remains": true,
}

// finiteVerbs after a count make it the subject of a clause of its own
// ("and 20 remain missing"); so does a past tense (see ownVerb).
var finiteVerbs = map[string]bool{
	"were": true, "was": true, "are": true, "is": true, "have": true, "has": true,
	"had": true, "remain": true, "remained": true, "remains": true, "may": true,
	"might": true, "could": true, "would": true, "will": true, "must": true,
}

// clauseJoiners join two clauses: "four were killed and 20 remain missing".
var clauseJoiners = map[string]bool{"and": true, "but": true, "while": true, "whereas": true, "yet": true}

// nonViolentCauses: a death "to drugs" or "from disease" is not a conflict
// toll.
var nonViolentCauses = map[string]bool{
	"drugs": true, "drug": true, "overdoses": true, "overdose": true,
	"fentanyl": true, "disease": true, "diseases": true, "cholera": true,
	"covid": true, "covid-19": true, "coronavirus": true, "cancer": true,
	"accidents": true, "accident": true, "crashes": true, "crash": true,
	"flu": true, "malaria": true, "earthquake": true, "floods": true,
	"heat": true, "opioids": true, "typhoid": true, "ebola": true, "measles": true,
	"influenza": true, "h1n1": true, "dengue": true, "tuberculosis": true, "virus": true,
}

// causeOpeners start the clause that says how a death came about: "died
// when their boat sank".
var causeOpeners = map[string]bool{"when": true, "after": true, "as": true}

// accidentVerbs in that clause make the death an accident, no conflict
// toll: "when their boat sank", "when two helicopters crashed".
var accidentVerbs = map[string]bool{
	"sank": true, "sunk": true, "capsized": true, "crashed": true, "collided": true,
	"collapsed": true, "overturned": true, "derailed": true, "drowned": true,
	"plunged": true, "skidded": true, "flipped": true, "caved": true,
}

// violentCauses in the clause of a death's cause make it violence, even
// beside an accident verb: "when their helicopter was shot down and crashed".
var violentCauses = map[string]bool{
	"shot": true, "downed": true, "fire": true, "fired": true, "gunfire": true,
	"attacked": true, "ambushed": true, "exploded": true, "blew": true, "rammed": true,
	"gunmen": true, "rebels": true, "militants": true, "troops": true, "soldiers": true,
}

// nonViolentSubjects: a disease or a disaster that kills ("Cholera has
// killed 12") makes no conflict toll. Not "drug", which opens "drug cartel".
var nonViolentSubjects = map[string]bool{
	"disease": true, "diseases": true, "outbreak": true, "epidemic": true, "pandemic": true,
	"cholera": true, "typhoid": true, "ebola": true, "measles": true, "malaria": true,
	"flu": true, "influenza": true, "h1n1": true, "covid": true, "covid-19": true,
	"coronavirus": true, "virus": true, "dengue": true, "tuberculosis": true,
	"earthquake": true, "quake": true, "floods": true, "flooding": true, "flood": true,
	"tsunami": true, "storm": true, "hurricane": true, "typhoon": true, "cyclone": true,
	"landslide": true, "landslides": true, "heatwave": true, "drought": true, "famine": true,
	"crash": true, "accident": true, "overdoses": true, "fentanyl": true,
}

// changeVerbs say a figure changed: "rose from 10 to 12", "rose by 12".
var changeVerbs = map[string]bool{
	"rose": true, "risen": true, "rising": true, "increased": true, "climbed": true,
	"jumped": true, "grew": true, "went": true, "raised": true, "revised": true,
	"fell": true, "dropped": true, "up": true, "down": true,
}

// subordinators open a clause; a cue before one is not about a count after
// it: "was killed when two robbers opened fire".
var subordinators = map[string]bool{
	"when": true, "while": true, "whilst": true, "because": true, "although": true,
	"though": true, "whereas": true, "unless": true, "if": true, "where": true,
	"whether": true, "who": true, "whom": true, "whose": true,
}

// governingPrepositions take the count right after them as their own
// object: "arrested in several states", "killed after two robbers fired".
var governingPrepositions = map[string]bool{
	"in": true, "on": true, "into": true, "across": true, "near": true,
	"inside": true, "outside": true, "within": true, "throughout": true,
	"during": true, "for": true, "after": true, "before": true, "since": true,
	"until": true, "as": true, "like": true,
}

// attempted before a casualty noun says the killing did not happen: "a
// dozen attempted murders".
var attempted = map[string]bool{"attempted": true, "failed": true, "foiled": true, "thwarted": true, "botched": true}

// streetWords end an address: "10 Downing Street".
var streetWords = map[string]bool{
	"street": true, "st.": true, "avenue": true, "ave.": true, "road": true,
	"rd.": true, "boulevard": true, "blvd.": true, "lane": true, "drive": true,
	"square": true, "way": true, "plaza": true,
}
