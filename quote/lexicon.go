package quote

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed lexicon/cues.txt
var cuesTxt string

//go:embed lexicon/male.txt
var maleTxt string

//go:embed lexicon/female.txt
var femaleTxt string

//go:embed lexicon/roles.txt
var rolesTxt string

// cueKind says how a cue verb introduces what was said.
type cueKind uint8

const (
	noCue    cueKind = iota
	cueSay           // "said (that) ...", "..., he said"
	cueTell          // "told X (that) ...": an addressee comes first
	cueThat          // only "reported that ...", not "reported a rise"
	cueQuote         // "described ... as “…”": direct or partial quotes only
)

type gender uint8

const (
	unknownGender gender = iota
	male
	female
)

// lexicon holds the embedded word lists; read-only once built.
type lexicon struct {
	cues  map[string]cueKind // lowercase and capitalized forms
	names map[string]gender  // lowercase given names
	roles map[string]gender  // lowercase nouns naming a person by role
}

var defaultLexicon = sync.OnceValue(func() *lexicon {
	lx := &lexicon{cues: map[string]cueKind{}, names: map[string]gender{}, roles: map[string]gender{}}
	for _, line := range strings.Split(rolesTxt, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		g := unknownGender
		if len(f) == 2 {
			g = map[string]gender{"m": male, "f": female}[f[1]]
		}
		if len(f) > 2 || len(f) == 2 && g == unknownGender {
			panic("quote: lexicon/roles.txt: bad line " + line)
		}
		lx.roles[f[0]] = g
	}
	for _, line := range strings.Split(cuesTxt, "\n") {
		f := strings.Fields(line)
		if len(f) != 2 || strings.HasPrefix(f[0], "#") {
			continue
		}
		k := map[string]cueKind{"say": cueSay, "tell": cueTell, "that": cueThat, "quote": cueQuote}[f[1]]
		if k == noCue {
			panic("quote: lexicon/cues.txt: unknown kind " + f[1])
		}
		lx.cues[f[0]] = k // lowercase only: "States" and "Reports" are not cues
	}
	for _, list := range []struct {
		txt string
		g   gender
	}{{maleTxt, male}, {femaleTxt, female}} {
		for _, line := range strings.Split(list.txt, "\n") {
			if strings.HasPrefix(line, "#") {
				continue
			}
			for _, w := range strings.Fields(line) {
				lx.names[w] = list.g
			}
		}
	}
	return lx
})

// Small closed word classes, matched case-insensitively by the helpers below.
var (
	// skippable between a subject and its cue: "Sheinbaum has previously said".
	auxAdverbs = set("has have had also previously later earlier repeatedly again then recently once would will reportedly publicly privately separately further just already often frequently has since first last afterwards subsequently")
	negations  = set("not n't never no")
	// stand after a name they stress: "Putin himself said".
	reflexives = set("himself herself themselves itself")
	// words that cannot be part of a speaker noun phrase.
	npStop = set("in on at of for with by from to into about after before since during as than over under between against without through within across " +
		"and that which who whom whose what when where why how if because while although though unless whereas but or so not also nor yet " +
		"is are was were be been being has have had do does did will would can could may might must should shall " +
		"him her them me us it's there here this these those")
	determiners = set("the a an this that these those its his her their our one two three four five six seven eight nine ten several many some any both all another other each every no")
	// object-like words that name an addressee: "told reporters".
	// quotingVerbs take the speaker as object: "AP quoted him as saying".
	quotingVerbs = set("quoted cited")
	// Time adverbials that may stand between a cue and its clause: "said
	// today there was", "said last week it would".
	timeAdverbs  = set("today yesterday tonight earlier later previously recently again repeatedly")
	timeDeictics = set("last this next")
	timePeriods  = set("week month year night weekend")
	// follow a demonstrative "that" after a cue: "said that day".
	thatTimes = set("day night week weekend month year morning afternoon evening time")
	// end in -ly but are no adverbs: "The family said".
	lyNouns = set("family assembly ally rally daily weekly monthly supply reply italy")
	// orgNouns head a definite description of any organization named
	// before ("The agency said"); orgKindNouns one whose name holds the
	// word ("the ministry" after "the Interior Ministry").
	orgNouns       = set("agency organisation organization group")
	orgKindNouns   = set("ministry department company commission council committee army police")
	nobody         = set("nobody noone none")
	objectPronouns = set("him her them me us you reporters journalists")
	// media are what words are said in: "in a blog post", "in a statement".
	media = set("post statement tweet interview letter message email e-mail video speech note broadcast release blog")
	// kindNouns end a phrase after a name that says what the name is:
	// "the Reuters news agency", "the state broadcaster".
	kindNouns = set("agency newspaper daily weekly broadcaster network channel station programme program magazine website service outlet paper")
	// name a day or month, written with a capital: a phrase holding one is
	// a date, never a speaker ("reads a July 15 memo").
	calendarWords = set("january february march april june july august september october november december jan. feb. aug. sept. oct. nov. dec. monday tuesday wednesday thursday friday saturday sunday")
	weekdays      = set("monday tuesday wednesday thursday friday saturday sunday yesterday today tonight earlier later last this")
	prepositions  = set("in on at of for with by from to into about after before since during over under between against without through within across")
	// auxiliaries and modals that show a clause after a cue without "that".
	clauseAux = set("is are was were will would may might can could should must has have had")
	// end the subject a bare clause may have before its auxiliary: "plans
	// to build", "a wall that would".
	bareClauseStop = set("that which who whom whose to")
	// stand before "quoted as saying".
	passiveAux = set("was were is are been")
	// join a speaker's head noun to the noun after it: "a spokesperson for X".
	phraseLinks = set("of for at from")
	// open a relative clause after the noun it modifies: "Residents who live ...".
	relativePronouns = set("who whom whose which")
	// common irregular past forms that end a subject shared with a later
	// cue: "He met the envoy and said".
	pastVerbs = set("met went came left took made gave held fled ran stood sat saw got sent led won lost kept began brought fought heard paid rose fell flew drove threw knew grew wore hid struck sought caught felt spent built spoke broke chose")
	// name words said, not who says them: "the same slogan chanted at rallies".
	saidNouns = set("cry chant refrain motto mantra catchphrase phrase words")
	// take a phrase after them that a participle may still have as its
	// subject: "saw protesters chanting", "with the crowd chanting".
	notObjectOf = set("of and or but nor with among amid like as saw see sees seen heard hear hears watched watch filmed joined")
	// bear written words, which are no one's speech: "a banner reading “…”".
	// Not "poster", which is also who posts online.
	inscriptionNouns = set("banner placard sign billboard graffiti slogan t-shirt shirt sticker plaque inscription mural")
	// Only after such a noun: "signs demanding “…”", "a banner calling for “…”".
	inscriptionVerbs = set("read reads reading said says saying bore bearing proclaimed proclaiming declared declaring " +
		"demanded demanding urged urging called calling")
	// open a reported clause that starts with its adverbial: "said although ...".
	subordinators = set("although though because unless whereas if")
	gerundsNotCut = set("including according during regarding concerning following bring thing king ring sing nothing something anything everything morning evening building spring")
)

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// in reports whether w, lowercased when ASCII-capitalized, is in m. It does
// not allocate for the ASCII words the closed classes hold.
func in(m map[string]bool, w string) bool {
	v, _ := lookup(m, w)
	return v
}

// lookup returns m[w], with w lowercased when ASCII-capitalized and not
// found as written, without allocating for short words.
func lookup[V any](m map[string]V, w string) (V, bool) {
	if v, ok := m[w]; ok {
		return v, true
	}
	if len(w) > 0 && len(w) <= 16 && w[0] >= 'A' && w[0] <= 'Z' {
		var buf [16]byte
		n := copy(buf[:], w)
		for i := 0; i < n; i++ {
			if buf[i] >= 'A' && buf[i] <= 'Z' {
				buf[i] += 'a' - 'A'
			}
		}
		v, ok := m[string(buf[:n])] // the compiler does not allocate for this lookup
		return v, ok
	}
	var zero V
	return zero, false
}
