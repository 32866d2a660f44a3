package ner

import "strings"

// The title and role lexicon Link uses to keep titles out of person names:
// "US President Donald Trump", "said associate professor Geoff Garmany",
// "Defense Secretary Pete Hegseth", "Mr Trump". Phrases are matched word by
// word on normalized words (lowercase, accents folded, periods dropped,
// hyphenated words split), so "Gen." matches "gen", "Vice-President" matches
// "vice president" and "then-President" is the modifier "then" and the title
// "president".

// titleFlag qualifies a title phrase.
type titleFlag uint8

const (
	// titleCapOnly: the phrase counts as a title only when written with a
	// capital ("Father Smith", not "her father John"; "Gen." not "gen.").
	titleCapOnly titleFlag = 1 << iota
	// titleHonorific: a courtesy title ("Mr", "Mrs") that is kept out of the
	// name but not recorded as a role.
	titleHonorific
	// titleNameLike: the word is also a common given name ("Dean", "Earl"),
	// so it is recognized before a mention but never cut off the start of one.
	titleNameLike
)

// titleHeads are the title phrases, lowercase, words separated by one space.
var titleHeads = map[string]titleFlag{
	// heads of state and government, legislators, officials
	"president": 0, "vice president": 0, "prime minister": 0, "premier": 0, "chancellor": 0,
	"minister": 0, "secretary": 0, "secretary general": 0, "undersecretary": 0, "under secretary": 0,
	"attorney general": 0, "solicitor general": 0, "surgeon general": 0, "inspector general": 0,
	"governor": 0, "gov": titleCapOnly, "lieutenant governor": 0, "lt gov": titleCapOnly,
	"senator": 0, "sen": titleCapOnly, "representative": titleCapOnly, "rep": titleCapOnly,
	"congressman": 0, "congresswoman": 0, "congressmember": 0, "lawmaker": 0, "legislator": 0,
	"mp": titleCapOnly, "mep": titleCapOnly, "mayor": 0, "speaker": 0, "house speaker": 0,
	"ambassador": 0, "amb": titleCapOnly, "envoy": 0, "commissioner": 0, "high commissioner": 0,
	"chief of staff": 0, "press secretary": 0, "spokesman": 0, "spokeswoman": 0, "spokesperson": 0,
	"adviser": 0, "advisor": 0, "national security adviser": 0, "national security advisor": 0,
	"counselor": 0, "councillor": 0, "councilman": 0, "councilwoman": 0, "alderman": 0,
	"leader": 0, "opposition leader": 0, "party leader": 0, "supreme leader": 0, "first lady": 0,
	"chairman": 0, "chairwoman": 0, "chairperson": 0, "chair": titleCapOnly,
	"director": 0, "director general": 0, "executive director": 0, "managing director": 0,
	"chief executive": 0, "ceo": 0, "cfo": 0, "coo": 0, "founder": 0, "co founder": 0,
	"head": 0, "boss": 0, "chief": 0, "police chief": 0, "army chief": 0, "commander": 0,
	"commander in chief": 0, "officer": 0, "agent": 0, "special counsel": 0,
	// royalty, nobility, religion
	"king": 0, "queen": 0, "prince": 0, "princess": 0, "crown prince": 0, "emperor": 0, "empress": 0,
	"emir": 0, "sultan": 0, "sheikh": 0, "sheik": 0, "shaikh": 0, "ayatollah": 0, "imam": 0,
	"mullah": 0, "rabbi": 0, "pope": 0, "cardinal": 0, "archbishop": 0, "bishop": 0,
	"reverend": 0, "rev": titleCapOnly, "father": titleCapOnly, "pastor": 0, "cleric": 0,
	"sister": titleCapOnly, "brother": titleCapOnly, "mother": titleCapOnly,
	"lord": titleCapOnly, "lady": titleCapOnly | titleNameLike, "sir": titleCapOnly, "dame": titleCapOnly,
	"duke": titleCapOnly | titleNameLike, "duchess": 0, "earl": titleCapOnly | titleNameLike,
	"baron": titleCapOnly, "baroness": 0, "count": titleCapOnly, "countess": 0,
	// armed forces and police
	"general": titleCapOnly, "gen": titleCapOnly, "lieutenant general": 0, "lt gen": titleCapOnly,
	"major general": 0, "maj gen": titleCapOnly, "brigadier general": 0, "brig gen": titleCapOnly,
	"brigadier": 0, "admiral": 0, "adm": titleCapOnly, "vice admiral": 0, "rear admiral": 0,
	"colonel": 0, "col": titleCapOnly, "lieutenant colonel": 0, "lt col": titleCapOnly,
	"major": titleCapOnly, "maj": titleCapOnly, "captain": 0, "capt": titleCapOnly,
	"lieutenant": 0, "lt": titleCapOnly, "sergeant": 0, "sgt": titleCapOnly, "staff sergeant": 0,
	"corporal": 0, "cpl": titleCapOnly, "private": titleCapOnly, "pvt": titleCapOnly,
	"cmdr": titleCapOnly, "lieutenant commander": 0, "lt cmdr": titleCapOnly, "lt commander": titleCapOnly,
	"rear adm": titleCapOnly, "vice adm": titleCapOnly, "sergeant major": 0, "sgt maj": titleCapOnly,
	"staff sgt": titleCapOnly, "master sergeant": 0, "master sgt": titleCapOnly,
	"first sergeant": 0, "first sgt": titleCapOnly, "petty officer": 0, "warrant officer": 0,
	"marshal": 0, "field marshal": 0, "air marshal": 0, "air chief marshal": 0,
	"commodore": 0, "detective": 0, "inspector": 0, "insp": titleCapOnly, "superintendent": 0,
	"supt": titleCapOnly, "sheriff": 0, "constable": 0, "trooper": 0, "warden": 0,
	// law
	"judge": 0, "justice": titleCapOnly, "chief justice": 0, "magistrate": 0, "prosecutor": 0,
	"district attorney": 0, "attorney": 0, "lawyer": 0, "counsel": 0, "barrister": 0,
	// academia and professions that precede names in news copy
	"professor": 0, "prof": titleCapOnly, "dr": titleCapOnly, "doctor": 0, "lecturer": 0,
	"dean": titleCapOnly | titleNameLike, "researcher": 0, "scientist": 0, "analyst": 0,
	"economist": 0, "historian": 0, "expert": 0, "scholar": 0, "research fellow": 0, "senior fellow": 0,
	"visiting fellow": 0, "journalist": 0,
	"reporter": 0, "correspondent": 0, "editor": 0, "columnist": 0, "author": 0, "activist": 0,
	"campaigner": 0, "coach": 0,
	// courtesy titles
	"mr": titleCapOnly | titleHonorific, "mrs": titleCapOnly | titleHonorific,
	"ms": titleCapOnly | titleHonorific, "miss": titleCapOnly | titleHonorific,
	"mx": titleCapOnly | titleHonorific, "messrs": titleCapOnly | titleHonorific,
	"mme": titleCapOnly | titleHonorific, "mlle": titleCapOnly | titleHonorific,
	"herr": titleCapOnly | titleHonorific, "frau": titleCapOnly | titleHonorific,
	"señor": titleCapOnly | titleHonorific, "senor": titleCapOnly | titleHonorific,
	"señora": titleCapOnly | titleHonorific, "senora": titleCapOnly | titleHonorific,
}

// titlePortfolios combine with "minister" and "secretary" (and "chief"):
// "Defense Secretary", "Foreign Minister", "Secretary of State", "Minister
// for Home Affairs".
var titlePortfolios = []string{
	"defense", "defence", "foreign", "interior", "finance", "justice", "health", "treasury",
	"commerce", "energy", "trade", "economy", "education", "security", "homeland security",
	"war", "state", "transport", "transportation", "agriculture", "labor", "labour",
	"environment", "home", "culture", "foreign affairs", "home affairs", "internal affairs",
	"information", "communications", "housing", "immigration", "public security", "navy",
	"army", "air force", "cabinet", "economic affairs", "veterans affairs",
}

func init() {
	for _, p := range titlePortfolios {
		for _, head := range []string{"minister", "secretary"} {
			titleHeads[p+" "+head] = 0
			titleHeads[head+" of "+p] = 0
			titleHeads[head+" for "+p] = 0
		}
		titleHeads[p+" chief"] = 0
	}
	for phrase := range titleHeads {
		titleMaxWords = max(titleMaxWords, strings.Count(phrase, " ")+1)
	}
	// Words of a portfolio or a qualifier may name an organization on
	// their own ("Homeland Security", "House"); the others never do.
	other := map[string]bool{}
	for _, p := range titlePortfolios {
		for _, w := range strings.Fields(p) {
			other[w] = true
		}
	}
	for q := range titleQualifiers {
		for _, w := range strings.Fields(q) {
			other[w] = true
		}
	}
	titleWords = map[string]bool{}
	for phrase, f := range titleHeads {
		if f&titleNameLike != 0 {
			continue
		}
		for _, w := range strings.Fields(phrase) {
			if !other[w] && w != "of" && w != "for" && w != "in" {
				titleWords[w] = true
			}
		}
	}
	for w := range titleModifiers {
		titleWords[w] = true
	}
}

// titleWords are the words of titles and their modifiers that name nothing
// by themselves: a mention made only of them, inside or just before the
// title of a person, is dropped ("Lt." of "Lt. Col. John Smith").
var titleWords map[string]bool

// titleMaxWords is the number of words in the longest title phrase.
var titleMaxWords int

// titleModifiers may precede a title and belong to it: "former President",
// "associate professor", "acting Defense Secretary", "then-President".
var titleModifiers = map[string]bool{
	"former": true, "ex": true, "then": true, "acting": true, "interim": true, "outgoing": true,
	"incoming": true, "deputy": true, "vice": true, "assistant": true, "associate": true,
	"senior": true, "chief": true, "junior": true, "principal": true, "special": true,
	"grand": true, "retired": true, "late": true, "top": true, "lead": true, "regional": true,
	"visiting": true, "adjunct": true, "emeritus": true, "co": true,
}

// titleHyphenModifiers are modifiers only when joined to the title by a
// hyphen: "then-President", "ex-President", "co-founder".
var titleHyphenModifiers = map[string]bool{"then": true, "ex": true, "co": true}

// titlePostModifiers follow a title and belong to it: "President-elect".
var titlePostModifiers = map[string]bool{"elect": true, "designate": true}

// nameSuffixes end a person's name without being a name part: "Martin
// Luther King Jr.", "Louis III". Names differing only by a suffix are
// different people ("Donald Trump" and "Donald Trump Jr.").
var nameSuffixes = map[string]string{
	"jr": "jr", "jnr": "jr", "junior": "jr", "sr": "sr", "snr": "sr", "senior": "sr",
	"ii": "ii", "iii": "iii", "iv": "iv",
}

// nameParticles are parts of a name that never identify a person alone:
// "al" in "Abu Bakr al-Baghdadi", "van" in "Vincent van Gogh".
var nameParticles = map[string]bool{
	"al": true, "el": true, "bin": true, "ibn": true, "bint": true, "abu": true, "abd": true,
	"de": true, "del": true, "della": true, "der": true, "den": true, "di": true, "da": true,
	"do": true, "dos": true, "das": true, "du": true, "la": true, "le": true, "van": true,
	"von": true, "y": true, "e": true, "st": true,
}

// nameQualifiers may stand before a title without belonging to it or to the
// name ("US President", "Mexican President", "UN Secretary-General"), and
// before an organization's name without changing what it names ("US Navy",
// "UN Security Council"). They are skipped, not recorded. Country names and
// their aliases (see lkCountries) qualify too.
var nameQualifiers = map[string]bool{
	"us": true, "u s": true, "usa": true, "uk": true, "un": true, "eu": true, "nato": true,
	"american": true, "mexican": true, "british": true, "french": true, "german": true,
	"russian": true, "chinese": true, "israeli": true, "iranian": true, "ukrainian": true,
	"venezuelan": true, "colombian": true, "canadian": true, "brazilian": true, "argentine": true,
	"cuban": true, "spanish": true, "italian": true, "japanese": true, "indian": true,
	"pakistani": true, "afghan": true, "iraqi": true, "syrian": true, "lebanese": true,
	"palestinian": true, "egyptian": true, "saudi": true, "turkish": true, "polish": true,
	"dutch": true, "belgian": true, "swedish": true, "norwegian": true, "danish": true,
	"finnish": true, "australian": true, "korean": true, "south korean": true, "north korean": true,
	"taiwanese": true, "filipino": true, "indonesian": true, "nigerian": true, "kenyan": true,
	"ethiopian": true, "sudanese": true, "south african": true, "peruvian": true, "chilean": true,
	"ecuadorian": true, "bolivian": true, "haitian": true, "guatemalan": true, "honduran": true,
	"salvadoran": true, "nicaraguan": true, "panamanian": true, "dominican": true, "irish": true,
	"scottish": true, "welsh": true, "greek": true, "portuguese": true, "austrian": true,
	"swiss": true, "hungarian": true, "romanian": true, "serbian": true, "belarusian": true,
	"georgian": true, "armenian": true, "azerbaijani": true, "kazakh": true, "yemeni": true,
	"jordanian": true, "qatari": true, "emirati": true, "kuwaiti": true, "libyan": true,
	"tunisian": true, "algerian": true, "moroccan": true, "somali": true, "congolese": true,
	"vietnamese": true, "thai": true, "burmese": true, "bangladeshi": true, "sri lankan": true,
	"nepali": true, "malaysian": true, "singaporean": true, "new zealand": true,
}

// titleQualifiers may stand before a title, like nameQualifiers, but not
// before an organization's name: "White House Press Secretary", "opposition
// leader", "state prosecutor".
var titleQualifiers = map[string]bool{
	"white house": true, "pentagon": true, "state department": true, "kremlin": true,
	"federal": true, "state": true, "opposition": true, "government": true, "police": true,
	"military": true, "army": true, "navy": true, "party": true, "union": true, "company": true,
	"cartel": true, "rebel": true, "militia": true, "campaign": true, "team": true,
}
