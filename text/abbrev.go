package text

// abbreviations are words whose following period is part of the word. Case
// matters: "No." is an abbreviation, "no." ends a sentence.
var abbreviations = map[string]struct{}{
	// titles and ranks
	"Mr": {}, "Mrs": {}, "Ms": {}, "Dr": {}, "Prof": {}, "Rev": {}, "Fr": {}, "Sr": {}, "Jr": {}, "St": {},
	"Gen": {}, "Lt": {}, "Col": {}, "Maj": {}, "Capt": {}, "Cmdr": {}, "Sgt": {}, "Cpl": {}, "Pvt": {}, "Adm": {},
	"Brig": {}, "Gov": {}, "Sen": {}, "Rep": {}, "Pres": {}, "Amb": {}, "Hon": {}, "Supt": {}, "Insp": {},
	// months
	"Jan": {}, "Feb": {}, "Mar": {}, "Apr": {}, "Jun": {}, "Jul": {}, "Aug": {}, "Sep": {}, "Sept": {},
	"Oct": {}, "Nov": {}, "Dec": {},
	// organizations and places
	"Inc": {}, "Corp": {}, "Ltd": {}, "Co": {}, "Bros": {}, "Dept": {}, "Univ": {}, "Assn": {},
	"Mt": {}, "Ft": {}, "Ave": {}, "Blvd": {}, "Rd": {},
	// US states as the wires abbreviate them
	"Ala": {}, "Ariz": {}, "Ark": {}, "Calif": {}, "Colo": {}, "Conn": {}, "Del": {}, "Fla": {}, "Ga": {},
	"Ill": {}, "Ind": {}, "Kan": {}, "Ky": {}, "La": {}, "Md": {}, "Mass": {}, "Mich": {}, "Minn": {},
	"Miss": {}, "Mo": {}, "Mont": {}, "Neb": {}, "Nev": {}, "Okla": {}, "Ore": {}, "Pa": {}, "Tenn": {},
	"Tex": {}, "Va": {}, "Vt": {}, "Wash": {}, "Wis": {}, "Wyo": {},
	// other
	"No": {}, "Nos": {}, "vs": {}, "etc": {}, "approx": {}, "est": {}, "Vol": {}, "pp": {}, "ca": {}, "al": {},
}

// canEndSentence are abbreviations that often stand last in a sentence, so
// their period may also end it when a sentence-like word follows.
var canEndSentence = map[string]struct{}{
	"Inc.": {}, "Corp.": {}, "Ltd.": {}, "Co.": {}, "Jr.": {}, "Sr.": {}, "etc.": {}, "Bros.": {},
}
