package event

import (
	"strings"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/text"
)

// labelOrder breaks ties between triggers of the same rank: the more
// specific act comes first, as ACLED codes an event by its most specific
// form (a suicide bombing that kills civilians is a suicide bomb, a drone
// strike is no generic attack).
var labelOrder = []string{
	"SUIC_BOMB", "CHEM_WEAP", "AIR_STRIKE", "GRENADE", "REM_EXPLOS", "ART_MISS_ATTACK",
	"GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER", "SEX_VIOL", "ABDUCT_DISSAP",
	"MOB_VIOL", "VIOL_DEMONSTR", "ARMED_CLASH", "ATTACK", "DISR_WEAP", "PROPERTY_DISTRUCT",
	"ARREST", "AGREEMENT", "NON_VIOL_TERRIT_TRANSFER", "HQ_ESTABLISHED", "CHANGE_TO_GROUP_ACT",
	"PEACE_PROTEST", "THREAT", "DESIGNATION", "DEPLOYMENT", "OPPOSITION",
}

// snippet is a tokenized snippet with the words Classify looks for.
type snippet struct {
	lower []string
	has   map[string]bool
}

func newSnippet(s string) snippet {
	toks := text.Tokenize(s)
	sn := snippet{lower: make([]string, len(toks)), has: map[string]bool{}}
	for i, t := range toks {
		w := strings.ToLower(t.In(s))
		sn.lower[i] = w
		if t.Kind == sitrep.Word {
			sn.has[w] = true
		}
	}
	return sn
}

// any reports whether the snippet has one of the words or, for entries
// ending in "*", a word starting with the rest.
func (sn snippet) any(words ...string) bool {
	for _, w := range words {
		if p, ok := strings.CutSuffix(w, "*"); ok {
			for h := range sn.has {
				if strings.HasPrefix(h, p) {
					return true
				}
			}
		} else if sn.has[w] {
			return true
		}
	}
	return false
}

// phrase reports whether the snippet has the words in a row.
func (sn snippet) phrase(words ...string) bool {
	for i := 0; i+len(words) <= len(sn.lower); i++ {
		ok := true
		for j, w := range words {
			if sn.lower[i+j] != w {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// classifyRules returns the label the hand-written rules give a snippet:
// the most specific trigger of the lexicon (rank, then labelOrder); a
// protest is told apart by what was done to it or by it (tear gas →
// PROTEST_WITH_INTER, protesters shot dead → FORCE_AGAINST_PROTEST,
// protesters torching cars → VIOL_DEMONSTR); an attack on armed men is a
// clash; a snippet with no trigger, or only a non-violent act outside
// ACLED, is OTHER.
func classifyRules(sn snippet) string {
	lex := lexOf()
	best, bestRank, bestOrder := "", -1, len(labelOrder)
	protest := false
	for i := 0; i < len(sn.lower); i++ {
		for k := range lex.triggers[sn.lower[i]] {
			t := &lex.triggers[sn.lower[i]][k]
			if !sn.wordsAt(i, t.words) {
				continue
			}
			if t.label == "PEACE_PROTEST" {
				protest = true
			}
			o := order(t.label)
			if t.rank > bestRank || t.rank == bestRank && o < bestOrder {
				best, bestRank, bestOrder = t.label, t.rank, o
			}
			i += len(t.words) - 1
			break
		}
	}
	cues := sn.cues()
	weapon := sn.any("bomb", "bombs", "ied", "ieds", "explosive", "explosives", "mine", "mines", "landmine",
		"landmines", "rocket", "rockets", "missile", "missiles", "drone", "drones", "weapons", "arms",
		"cache", "grenades", "rifles", "ammunition", "detonators", "vest", "device", "ordnance")
	switch {
	case cues["ATTRIB"] > 0 && best != "" && violent(best):
		// "JNIM claimed responsibility for the attack": who did it, not the attack.
		return "ATTRIB"
	case weapon && (cues["DISR_WEAP"] > 0 || sn.phrase("shot", "down")):
		return "DISR_WEAP"
	case sn.any("suicide") || sn.phrase("blew", "himself", "up") || sn.phrase("blew", "herself", "up") ||
		sn.phrase("explosive", "belt") || sn.phrase("explosive", "vest"):
		return "SUIC_BOMB"
	case (best == "NON_STATE_ACTOR_OVERTAKES_TER" || cues["NON_STATE_ACTOR_OVERTAKES_TER"] > 0) &&
		(cues["NON_VIOL_TERRIT_TRANSFER"] > 0 || sn.any("left", "vacated")):
		// A town taken after the other side left changed hands without a fight.
		return "NON_VIOL_TERRIT_TRANSFER"
	case cues["CHEM_WEAP"] > 0:
		return "CHEM_WEAP"
	case protest && (bestRank <= 2 || best == "PEACE_PROTEST" || best == "VIOL_DEMONSTR" || best == "MOB_VIOL"):
		return sn.protest()
	case cues["AIR_STRIKE"] > 0 && (best == "" || violent(best)) && best != "ART_MISS_ATTACK":
		// An aircraft or a drone that fires or drops anything strikes from the air.
		return "AIR_STRIKE"
	}
	switch best {
	case "", "THREAT", "DESIGNATION", "DEPLOYMENT", "OPPOSITION":
		// No act of violence: the label with the most cues, if any.
		label, n := "OTHER", 0
		for _, l := range caseLabels {
			if cues[l] > n {
				label, n = l, cues[l]
			}
		}
		return label
	case "ATTACK":
		if sn.any("soldiers", "troops", "forces", "army", "military", "police", "policemen", "base",
			"checkpoint", "militants", "rebels", "militia", "insurgents", "fighters", "position", "positions", "post", "convoy", "patrol") &&
			!sn.any("civilians", "civilian", "villagers", "residents", "unarmed", "farmers", "worshippers", "passengers") {
			return "ARMED_CLASH"
		}
	}
	return best
}

// cues counts the snippet cues of lexicon/snippets.tsv by label.
func (sn snippet) cues() map[string]int {
	lex := lexOf()
	n := map[string]int{}
	for i := 0; i < len(sn.lower); i++ {
		for k := range lex.snippetCues[sn.lower[i]] {
			c := &lex.snippetCues[sn.lower[i]][k]
			if sn.wordsAt(i, c.words) {
				n[c.value]++
				break
			}
		}
	}
	return n
}

// wordsAt reports whether the snippet has the words from token i.
func (sn snippet) wordsAt(i int, words []string) bool {
	if i+len(words) > len(sn.lower) {
		return false
	}
	for j, w := range words {
		if sn.lower[i+j] != w {
			return false
		}
	}
	return true
}

// protest tells the kinds of protest apart by what was done to or by it.
func (sn snippet) protest() string {
	switch {
	case sn.any("mob", "lynched", "lynching", "vigilantes"):
		return "MOB_VIOL"
	case sn.any("killed", "killing", "shot", "shooting", "live", "fatalities", "fatality", "dead", "died", "hospitalised",
		"hospitalized", "fractures", "wounded", "injured", "injuring", "blinding", "stabbed") &&
		sn.any("police", "forces", "troops", "soldiers", "security", "army", "gunmen", "militiamen", "men", "bomb"):
		return "FORCE_AGAINST_PROTEST"
	case sn.any("rioters", "riot", "riots", "rioting", "torched", "vandalized", "vandalised", "stones", "stone", "pelted",
		"looted", "burned", "burnt", "set", "clashed", "attacked", "damaged", "smashed", "violent"):
		return "VIOL_DEMONSTR"
	case sn.any("tear", "teargas", "dispersed", "disperse", "arrested", "detained", "cannon", "rubber", "baton",
		"batons", "beat", "intervened", "prevented", "blocked"):
		return "PROTEST_WITH_INTER"
	}
	return "PEACE_PROTEST"
}

// order is the position of label in labelOrder, past its end when absent.
func order(label string) int {
	for i, l := range labelOrder {
		if l == label {
			return i
		}
	}
	return len(labelOrder)
}
