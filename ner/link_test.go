package ner

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/demo"
	"github.com/sitrep/sitrep/text"
)

// linkMention is a mention to find in a test text: its type and the text it
// covers. The mentions of a test are found in order, each after the end of
// the one before.
type linkMention struct{ typ, text string }

// findMentions finds ms in doc, in order, and returns them as the tagger would.
func findMentions(t testing.TB, doc string, ms []linkMention) []sitrep.Entity {
	t.Helper()
	var out []sitrep.Entity
	from := 0
	for _, m := range ms {
		i := strings.Index(doc[from:], m.text)
		if i < 0 {
			t.Fatalf("mention %q not found after byte %d of %q", m.text, from, doc)
		}
		s := from + i
		out = append(out, sitrep.Entity{Span: sitrep.Span{Start: s, End: s + len(m.text)}, Text: m.text, Type: m.typ})
		from = s + len(m.text)
	}
	return out
}

// showLinked writes a linked mention as "Text → Name = key", with its titles.
func showLinked(e sitrep.Entity, titles []string) string {
	s := e.Text + " → " + e.Name + " = " + e.Key
	if len(titles) > 0 {
		s += " [" + strings.Join(titles, "; ") + "]"
	}
	return s
}

func linkAll(t testing.TB, doc string, ms []linkMention, canon Canonicalizer) []string {
	t.Helper()
	ents := LinkWith(doc, text.Tokenize(doc), findMentions(t, doc, ms), canon)
	var got []string
	for _, e := range ents {
		got = append(got, showLinked(e, e.Titles))
	}
	return got
}

func TestLink(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		ms    []linkMention
		canon Canonicalizer
		want  []string
	}{
		{
			name: "a president named with and without his title and first name is one person",
			text: "US President Donald Trump said on Monday he may act. President Trump did not say when. " +
				"“We know all the routes,” Trump told reporters. Mr Trump’s remarks came later.",
			ms: []linkMention{{"LOC", "US"}, {"PERSON", "Donald Trump"}, {"PERSON", "Trump"}, {"PERSON", "Trump"}, {"PERSON", "Trump"}},
			want: []string{
				"US → United States = loc:united states",
				"Donald Trump → Donald Trump = person:donald trump [President]",
				"Trump → Donald Trump = person:donald trump [President]",
				"Trump → Donald Trump = person:donald trump",
				"Trump → Donald Trump = person:donald trump",
			},
		},
		{
			name: "a title the tagger included is cut off the mention and recorded",
			text: "US President Donald Trump spoke. Then President Trump left. Vice-President JD Vance stayed.",
			ms:   []linkMention{{"PERSON", "US President Donald Trump"}, {"PERSON", "President Trump"}, {"PERSON", "Vice-President JD Vance"}},
			want: []string{
				"Donald Trump → Donald Trump = person:donald trump [President]",
				"Trump → Donald Trump = person:donald trump [President]",
				"JD Vance → JD Vance = person:jd vance [Vice-President]",
			},
		},
		{
			name: "a nationality before a title is neither title nor name",
			text: "Mexican President Claudia Sheinbaum has said she opposes such attacks. " +
				"Trump would not wait for President Sheinbaum’s approval. Sheinbaum said no.",
			ms: []linkMention{{"MISC", "Mexican"}, {"PERSON", "Claudia Sheinbaum"}, {"PERSON", "Trump"}, {"PERSON", "Sheinbaum"}, {"PERSON", "Sheinbaum"}},
			want: []string{
				"Mexican → Mexican = misc:mexican",
				"Claudia Sheinbaum → Claudia Sheinbaum = person:claudia sheinbaum [President]",
				"Trump → Trump = person:trump",
				"Sheinbaum → Claudia Sheinbaum = person:claudia sheinbaum [President]",
				"Sheinbaum → Claudia Sheinbaum = person:claudia sheinbaum",
			},
		},
		{
			name: "roles written in lowercase, before a name or in apposition after it",
			text: "“It is unlikely,” said associate professor Geoff Garmany. " +
				"Geoff Garmany, associate professor of Latin American studies at the University of Melbourne, told Al Jazeera. " +
				"Gharmani told Al Jazeera that Garmany was right.",
			ms: []linkMention{{"PERSON", "Geoff Garmany"}, {"PERSON", "Geoff Garmany"}, {"MISC", "Latin American"},
				{"ORG", "University of Melbourne"}, {"ORG", "Al Jazeera"}, {"PERSON", "Gharmani"}, {"ORG", "Al Jazeera"}, {"PERSON", "Garmany"}},
			want: []string{
				"Geoff Garmany → Geoff Garmany = person:geoff garmany [associate professor]",
				"Geoff Garmany → Geoff Garmany = person:geoff garmany [associate professor]",
				"Latin American → Latin American = misc:latin american",
				"University of Melbourne → University of Melbourne = org:university of melbourne",
				"Al Jazeera → Al Jazeera = org:al jazeera",
				// A lone surname spelled another way is the one person it sounds like.
				"Gharmani → Geoff Garmany = person:geoff garmany",
				"Al Jazeera → Al Jazeera = org:al jazeera",
				"Garmany → Geoff Garmany = person:geoff garmany",
			},
		},
		{
			name: "a spelling variant links only when one person's surname fits, and never a short or different-sounding one",
			text: "Mark Johnston met Anna Browne and Anna Brown. Johnson left; Browne stayed. " +
				"Ivan Petrov spoke. Petroff nodded. Lee Chan arrived. Chen waved.",
			ms: []linkMention{{"PERSON", "Mark Johnston"}, {"PERSON", "Anna Browne"}, {"PERSON", "Anna Brown"},
				{"PERSON", "Johnson"}, {"PERSON", "Browne"}, {"PERSON", "Ivan Petrov"}, {"PERSON", "Petroff"},
				{"PERSON", "Lee Chan"}, {"PERSON", "Chen"}},
			want: []string{
				"Mark Johnston → Mark Johnston = person:mark johnston",
				"Anna Browne → Anna Browne = person:anna browne",
				"Anna Brown → Anna Brown = person:anna brown",
				// Johnson is not Johnston: the consonants differ.
				"Johnson → Johnson = person:johnson",
				// An exact surname wins over a variant.
				"Browne → Anna Browne = person:anna browne",
				"Ivan Petrov → Ivan Petrov = person:ivan petrov",
				"Petroff → Ivan Petrov = person:ivan petrov",
				"Lee Chan → Lee Chan = person:lee chan",
				// Four letters are too few to call a variant.
				"Chen → Chen = person:chen",
			},
		},
		{
			name: "full names sharing only a last name are different people; a bare last name is the one mentioned last",
			text: "Trump arrived. Donald Trump spoke, then Melania Trump spoke. Trump thanked the crowd. " +
				"Later Donald Trump left and Trump waved.",
			ms: []linkMention{{"PERSON", "Trump"}, {"PERSON", "Donald Trump"}, {"PERSON", "Melania Trump"}, {"PERSON", "Trump"},
				{"PERSON", "Donald Trump"}, {"PERSON", "Trump"}},
			want: []string{
				"Trump → Donald Trump = person:donald trump", // before both: the first one mentioned
				"Donald Trump → Donald Trump = person:donald trump",
				"Melania Trump → Melania Trump = person:melania trump",
				"Trump → Melania Trump = person:melania trump",
				"Donald Trump → Donald Trump = person:donald trump",
				"Trump → Donald Trump = person:donald trump",
			},
		},
		{
			name: "a title picks the person who bore it",
			text: "President Donald Trump and Melania Trump arrived. President Trump spoke.",
			ms:   []linkMention{{"PERSON", "Donald Trump"}, {"PERSON", "Melania Trump"}, {"PERSON", "Trump"}},
			want: []string{
				"Donald Trump → Donald Trump = person:donald trump [President]",
				"Melania Trump → Melania Trump = person:melania trump",
				"Trump → Donald Trump = person:donald trump [President]",
			},
		},
		{
			name: "a suffix makes another person",
			text: "Donald Trump Jr. defended Donald Trump. Trump Jr. later said Trump was right.",
			ms:   []linkMention{{"PERSON", "Donald Trump Jr."}, {"PERSON", "Donald Trump"}, {"PERSON", "Trump Jr."}, {"PERSON", "Trump"}},
			want: []string{
				"Donald Trump Jr. → Donald Trump Jr. = person:donald trump jr.",
				"Donald Trump → Donald Trump = person:donald trump",
				"Trump Jr. → Donald Trump Jr. = person:donald trump jr.",
				"Trump → Donald Trump = person:donald trump",
			},
		},
		{
			name: "middle names and initials",
			text: "George Walker Bush met George H. W. Bush. George W. Bush smiled; Bush spoke. George Bush left.",
			ms: []linkMention{{"PERSON", "George Walker Bush"}, {"PERSON", "George H. W. Bush"}, {"PERSON", "George W. Bush"},
				{"PERSON", "Bush"}, {"PERSON", "George Bush"}},
			want: []string{
				"George Walker Bush → George Walker Bush = person:george walker bush",
				"George H. W. Bush → George H. W. Bush = person:george h. w. bush",
				"George W. Bush → George Walker Bush = person:george walker bush",
				"Bush → George Walker Bush = person:george walker bush",
				"George Bush → George Walker Bush = person:george walker bush",
			},
		},
		{
			name: "part of a long Spanish name",
			text: "Andrés Manuel López Obrador handed over to Claudia Sheinbaum Pardo. López Obrador praised Sheinbaum. Lopez Obrador left.",
			ms: []linkMention{{"PERSON", "Andrés Manuel López Obrador"}, {"PERSON", "Claudia Sheinbaum Pardo"}, {"PERSON", "López Obrador"},
				{"PERSON", "Sheinbaum"}, {"PERSON", "Lopez Obrador"}},
			want: []string{
				"Andrés Manuel López Obrador → Andrés Manuel López Obrador = person:andrés manuel lópez obrador",
				"Claudia Sheinbaum Pardo → Claudia Sheinbaum Pardo = person:claudia sheinbaum pardo",
				"López Obrador → Andrés Manuel López Obrador = person:andrés manuel lópez obrador",
				"Sheinbaum → Claudia Sheinbaum Pardo = person:claudia sheinbaum pardo",
				"Lopez Obrador → Andrés Manuel López Obrador = person:andrés manuel lópez obrador",
			},
		},
		{
			name: "a possessive or a quote in the span is cut off",
			text: "Trump's remarks echoed “Hegseth” and Defense Secretary Pete Hegseth’s.",
			ms:   []linkMention{{"PERSON", "Trump's"}, {"PERSON", "“Hegseth”"}, {"PERSON", "Pete Hegseth’s"}},
			want: []string{
				"Trump → Trump = person:trump",
				"Hegseth → Pete Hegseth = person:pete hegseth",
				"Pete Hegseth → Pete Hegseth = person:pete hegseth [Defense Secretary]",
			},
		},
		{
			name: "titles of several words, with modifiers",
			text: "Secretary of State Marco Rubio met former President Joe Biden and Gen. Dan Caine, then-President-elect Jones and Mr. Smith.",
			ms: []linkMention{{"PERSON", "Marco Rubio"}, {"PERSON", "Joe Biden"}, {"PERSON", "Dan Caine"},
				{"PERSON", "Jones"}, {"PERSON", "Smith"}},
			want: []string{
				"Marco Rubio → Marco Rubio = person:marco rubio [Secretary of State]",
				"Joe Biden → Joe Biden = person:joe biden [former President]",
				"Dan Caine → Dan Caine = person:dan caine [Gen.]",
				"Jones → Jones = person:jones [then-President-elect]",
				"Smith → Smith = person:smith", // a courtesy title is not a role
			},
		},
		{
			name: "words that are titles only when capitalized, or also given names",
			text: "Her father John Smith met Father Tom Lee. Dean Smith and Earl Jones came.",
			ms:   []linkMention{{"PERSON", "John Smith"}, {"PERSON", "Tom Lee"}, {"PERSON", "Dean Smith"}, {"PERSON", "Earl Jones"}},
			want: []string{
				"John Smith → John Smith = person:john smith",
				"Tom Lee → Tom Lee = person:tom lee [Father]",
				"Dean Smith → Dean Smith = person:dean smith",
				"Earl Jones → Earl Jones = person:earl jones",
			},
		},
		{
			name: "a list of names is not an apposition",
			text: "Trump, President Sheinbaum and Carney met. Carney, chief among them, spoke.",
			ms:   []linkMention{{"PERSON", "Trump"}, {"PERSON", "Sheinbaum"}, {"PERSON", "Carney"}, {"PERSON", "Carney"}},
			want: []string{
				"Trump → Trump = person:trump",
				"Sheinbaum → Sheinbaum = person:sheinbaum [President]",
				"Carney → Carney = person:carney",
				"Carney → Carney = person:carney",
			},
		},
		{
			name: "an acronym defined in parentheses, with and without the",
			text: "The Drug Enforcement Administration (DEA) said the DEA would help. DEA agents and the Pentagon agreed; Pentagon officials too.",
			ms: []linkMention{{"ORG", "Drug Enforcement Administration"}, {"ORG", "DEA"}, {"ORG", "the DEA"}, {"ORG", "DEA"},
				{"ORG", "the Pentagon"}, {"ORG", "Pentagon"}},
			want: []string{
				"Drug Enforcement Administration → Drug Enforcement Administration = org:drug enforcement administration",
				"DEA → Drug Enforcement Administration = org:drug enforcement administration",
				"the DEA → Drug Enforcement Administration = org:drug enforcement administration",
				"DEA → Drug Enforcement Administration = org:drug enforcement administration",
				"the Pentagon → Pentagon = org:pentagon",
				"Pentagon → Pentagon = org:pentagon",
			},
		},
		{
			name: "acronyms by their initials, in either order",
			text: "The Federal Bureau of Investigation and the FBI. The CJNG, or Jalisco New Generation Cartel, and the NBC. " +
				"The Central Bank of Nigeria. Al-Qaeda in the Arabian Peninsula (AQAP).",
			ms: []linkMention{{"ORG", "Federal Bureau of Investigation"}, {"ORG", "FBI"}, {"ORG", "CJNG"}, {"ORG", "Jalisco New Generation Cartel"},
				{"ORG", "NBC"}, {"ORG", "Central Bank of Nigeria"}, {"ORG", "Al-Qaeda in the Arabian Peninsula"}, {"ORG", "AQAP"}},
			want: []string{
				"Federal Bureau of Investigation → Federal Bureau of Investigation = org:federal bureau of investigation",
				"FBI → Federal Bureau of Investigation = org:federal bureau of investigation",
				"CJNG → Jalisco New Generation Cartel = org:jalisco new generation cartel",
				"Jalisco New Generation Cartel → Jalisco New Generation Cartel = org:jalisco new generation cartel",
				"NBC → NBC = org:nbc", // three letters in another order are not enough
				"Central Bank of Nigeria → Central Bank of Nigeria = org:central bank of nigeria",
				"Al-Qaeda in the Arabian Peninsula → Al-Qaeda in the Arabian Peninsula = org:al-qaeda in the arabian peninsula",
				"AQAP → Al-Qaeda in the Arabian Peninsula = org:al-qaeda in the arabian peninsula",
			},
		},
		{
			name: "a short form links to the one longer form it fits, and only then",
			text: "The Sinaloa Cartel and the sinaloa cartel; Sinaloa gunmen. The US Navy and the Navy. " +
				"The Gulf Clan and the Gulf Group; Gulf fighters.",
			ms: []linkMention{{"ORG", "Sinaloa Cartel"}, {"ORG", "sinaloa cartel"}, {"ORG", "Sinaloa"}, {"ORG", "US Navy"}, {"ORG", "Navy"},
				{"ORG", "Gulf Clan"}, {"ORG", "Gulf Group"}, {"ORG", "Gulf"}},
			want: []string{
				"Sinaloa Cartel → Sinaloa Cartel = org:sinaloa cartel",
				"sinaloa cartel → Sinaloa Cartel = org:sinaloa cartel",
				"Sinaloa → Sinaloa Cartel = org:sinaloa cartel",
				"US Navy → US Navy = org:us navy",
				"Navy → US Navy = org:us navy",
				"Gulf Clan → Gulf Clan = org:gulf clan",
				"Gulf Group → Gulf Group = org:gulf group",
				"Gulf → Gulf Group = org:gulf group", // "Clan" is not a generic tail
			},
		},
		{
			name: "two long forms with the same short form leave the short form alone",
			text: "The Sinaloa Cartel and the Sinaloa Group; Sinaloa gunmen.",
			ms:   []linkMention{{"ORG", "Sinaloa Cartel"}, {"ORG", "Sinaloa Group"}, {"ORG", "Sinaloa"}},
			want: []string{
				"Sinaloa Cartel → Sinaloa Cartel = org:sinaloa cartel",
				"Sinaloa Group → Sinaloa Group = org:sinaloa group",
				"Sinaloa → Sinaloa = org:sinaloa",
			},
		},
		{
			name: "country aliases",
			text: "U.S. forces, the United States, the USA and America; the UK, Britain and the United Kingdom. " +
				"Mexico, Mexico City and Mexico’s coast; the Pacific Ocean and the Pacific.",
			ms: []linkMention{{"LOC", "U.S."}, {"LOC", "the United States"}, {"LOC", "USA"}, {"LOC", "America"},
				{"LOC", "UK"}, {"LOC", "Britain"}, {"LOC", "United Kingdom"},
				{"LOC", "Mexico"}, {"LOC", "Mexico City"}, {"LOC", "Mexico’s"}, {"LOC", "Pacific Ocean"}, {"LOC", "Pacific"}},
			want: []string{
				"U.S. → United States = loc:united states",
				"the United States → United States = loc:united states",
				"USA → United States = loc:united states",
				"America → United States = loc:united states",
				"UK → United Kingdom = loc:united kingdom",
				"Britain → United Kingdom = loc:united kingdom",
				"United Kingdom → United Kingdom = loc:united kingdom",
				"Mexico → Mexico = loc:mexico",
				"Mexico City → Mexico City = loc:mexico city",
				"Mexico → Mexico = loc:mexico",
				"Pacific Ocean → Pacific Ocean = loc:pacific ocean",
				"Pacific → Pacific Ocean = loc:pacific ocean",
			},
		},
		{
			name: "a canonicalizer names places first",
			text: "Strikes near CDMX and in Mexico City; the US said so.",
			ms:   []linkMention{{"LOC", "CDMX"}, {"LOC", "Mexico City"}, {"LOC", "US"}},
			canon: func(typ, m string) (string, bool) {
				if typ == "LOC" && m == "CDMX" {
					return "Mexico City", true
				}
				return "", false
			},
			want: []string{
				"CDMX → Mexico City = loc:mexico city",
				"Mexico City → Mexico City = loc:mexico city",
				"US → United States = loc:united states", // the built-in table still applies
			},
		},
		{
			name: "demonyms stay MISC, apart from their country, and are capitalized",
			text: "Mexican cartels kill Mexicans in Mexico; mexican officials and Americans, American drones, thai and Thai food.",
			ms: []linkMention{{"MISC", "Mexican"}, {"MISC", "Mexicans"}, {"LOC", "Mexico"}, {"MISC", "mexican"},
				{"MISC", "Americans"}, {"MISC", "American"}, {"MISC", "thai"}, {"MISC", "Thai"}},
			want: []string{
				"Mexican → Mexican = misc:mexican",
				"Mexicans → Mexican = misc:mexican",
				"Mexico → Mexico = loc:mexico",
				"mexican → Mexican = misc:mexican",
				"Americans → American = misc:american",
				"American → American = misc:american",
				"thai → Thai = misc:thai",
				"Thai → Thai = misc:thai",
			},
		},
		{
			name: "mentions link only within their type",
			text: "Jordan met King Abdullah of Jordan. Trump Tower is not Trump. Jordan said.",
			ms: []linkMention{{"PERSON", "Jordan"}, {"PERSON", "Abdullah"}, {"LOC", "Jordan"}, {"LOC", "Trump Tower"},
				{"PERSON", "Trump"}, {"LOC", "Jordan"}},
			want: []string{
				"Jordan → Jordan = person:jordan",
				"Abdullah → Abdullah = person:abdullah [King]",
				"Jordan → Jordan = loc:jordan",
				"Trump Tower → Trump Tower = loc:trump tower",
				"Trump → Trump = person:trump",
				"Jordan → Jordan = loc:jordan",
			},
		},
		{
			name: "lowercase us is not a country",
			text: "He told us in the US.",
			ms:   []linkMention{{"LOC", "us"}, {"LOC", "US"}},
			want: []string{
				"us → us = loc:us",
				"US → United States = loc:united states",
			},
		},
		{
			name: "a capitalized The is kept within a sentence, dropped at its start",
			text: "It was reported by The New York Times and the New York Times. The Pentagon said so; the Pentagon agreed.",
			ms:   []linkMention{{"ORG", "The New York Times"}, {"ORG", "the New York Times"}, {"ORG", "The Pentagon"}, {"ORG", "the Pentagon"}},
			want: []string{
				"The New York Times → The New York Times = org:the new york times",
				"the New York Times → The New York Times = org:the new york times",
				"The Pentagon → Pentagon = org:pentagon",
				"the Pentagon → Pentagon = org:pentagon",
			},
		},
		{
			name: "a mention that is only a title keeps it",
			text: "The President spoke to the Pope.",
			ms:   []linkMention{{"PERSON", "President"}, {"PERSON", "Pope"}},
			want: []string{
				"President → President = person:president",
				"Pope → Pope = person:pope",
			},
		},
		{
			name: "a name in capitals is not the canonical one when another spelling exists",
			text: "DONALD TRUMP WINS. Donald Trump won.",
			ms:   []linkMention{{"PERSON", "DONALD TRUMP"}, {"PERSON", "Donald Trump"}},
			want: []string{
				"DONALD TRUMP → Donald Trump = person:donald trump",
				"Donald Trump → Donald Trump = person:donald trump",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := linkAll(t, tt.text, tt.ms, tt.canon)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}

// TestLinkDropsRanks specifies that a rank or title the tagger took for a
// name of its own, inside or just before the title of the person after it,
// is no entity; a name inside a title that can name something stays.
func TestLinkDropsRanks(t *testing.T) {
	tests := []struct {
		name string
		text string
		ms   []linkMention
		want []string
	}{
		{
			name: "an abbreviated rank inside the title is no organization",
			text: "Lt. Col. John Smith said the base was hit.",
			ms:   []linkMention{{"ORG", "Lt."}, {"PERSON", "John Smith"}},
			want: []string{"John Smith → John Smith = person:john smith [Lt. Col.]"},
		},
		{
			name: "nor a miscellaneous name",
			text: "Troops led by Brig. Gen. Ahmed Ali crossed the river.",
			ms:   []linkMention{{"MISC", "Brig."}, {"PERSON", "Ahmed Ali"}},
			want: []string{"Ahmed Ali → Ahmed Ali = person:ahmed ali [Brig. Gen.]"},
		},
		{
			name: "nor a person",
			text: "Sgt. Maria Lopez said the patrol was ambushed.",
			ms:   []linkMention{{"PERSON", "Sgt."}, {"PERSON", "Maria Lopez"}},
			want: []string{"Maria Lopez → Maria Lopez = person:maria lopez [Sgt.]"},
		},
		{
			name: "a rank word just before a title the lexicon does not join to it",
			text: "Lt. Insp. Jane Roe led the raid.",
			ms:   []linkMention{{"ORG", "Lt."}, {"PERSON", "Jane Roe"}},
			want: []string{"Jane Roe → Jane Roe = person:jane roe [Insp.]"},
		},
		{
			name: "a compound naval rank is one title",
			text: "Lt. Cmdr. Sarah Kim said the ship was hit.",
			ms:   []linkMention{{"ORG", "Lt."}, {"PERSON", "Sarah Kim"}},
			want: []string{"Sarah Kim → Sarah Kim = person:sarah kim [Lt. Cmdr.]"},
		},
		{
			name: "a department inside a title stays",
			text: "Homeland Security Secretary Kristi Noem said the border was closed.",
			ms:   []linkMention{{"ORG", "Homeland Security"}, {"PERSON", "Kristi Noem"}},
			want: []string{
				"Homeland Security → Homeland Security = org:homeland security",
				"Kristi Noem → Kristi Noem = person:kristi noem [Homeland Security Secretary]",
			},
		},
		{
			name: "an organization before a title stays",
			text: "Pentagon spokesman Col. Ahmed Ali said the raid ended.",
			ms:   []linkMention{{"ORG", "Pentagon"}, {"PERSON", "Ahmed Ali"}},
			want: []string{
				"Pentagon → Pentagon = org:pentagon",
				"Ahmed Ali → Ahmed Ali = person:ahmed ali [Col.]",
			},
		},
		{
			name: "a rank before no person stays as the tagger found it",
			text: "The Lt. said nothing.",
			ms:   []linkMention{{"ORG", "Lt."}},
			want: []string{"Lt. → Lt. = org:lt."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := linkAll(t, tt.text, tt.ms, nil)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}

func TestLinkEmpty(t *testing.T) {
	if got := Link("", nil, nil); len(got) != 0 {
		t.Errorf("Link of nothing = %v", got)
	}
	if got := Link("Trump spoke.", text.Tokenize("Trump spoke."), nil); len(got) != 0 {
		t.Errorf("Link without mentions = %v", got)
	}
}

func TestLinkRobust(t *testing.T) {
	doc := "President Donald Trump met Sheinbaum in México. Trump left."
	toks := text.Tokenize(doc)
	at := func(s string, nth int) sitrep.Span {
		from := 0
		for ; nth > 0; nth-- {
			from += strings.Index(doc[from:], s) + 1
		}
		i := from - 1 + strings.Index(doc[from-1:], s)
		return sitrep.Span{Start: i, End: i + len(s)}
	}
	ents := []sitrep.Entity{
		{Span: at("Trump", 2), Type: "PERSON", Text: "stale text"},
		{Span: at("Donald Trump", 1), Type: "PERSON"},
		{Span: at("President Donald Trump", 1), Type: "PERSON"}, // overlaps the one before
		{Span: at("México", 1), Type: "LOC"},
		{Span: sitrep.Span{Start: at("México", 1).Start + 2, End: at("México", 1).End}, Type: "LOC"}, // inside "é"
		{Span: sitrep.Span{Start: -5, End: 3}, Type: "MISC"},
		{Span: sitrep.Span{Start: 40, End: 10}, Type: "MISC"},
		{Span: sitrep.Span{Start: len(doc) - 2, End: len(doc) + 10}, Type: "MISC"},
		{Span: sitrep.Span{Start: 9, End: 10}, Type: "PERSON"}, // white space only
	}
	orig := append([]sitrep.Entity(nil), ents...)
	for _, toks := range [][]sitrep.Token{toks, nil, toks[:3], {{Span: sitrep.Span{Start: 5, End: 500}}}} {
		got := Link(doc, toks, ents)
		for i, e := range got {
			checkLinked(t, doc, e)
			if i > 0 && e.Start < got[i-1].Start {
				t.Errorf("mentions out of order: %v after %v", e, got[i-1])
			}
		}
		var trump []string
		for _, e := range got {
			if e.Type == "PERSON" {
				trump = append(trump, e.Text+"="+e.Key)
			}
		}
		want := "Donald Trump=person:donald trump|Donald Trump=person:donald trump|Trump=person:donald trump"
		if strings.Join(trump, "|") != want {
			t.Errorf("PERSON mentions = %q, want %q", strings.Join(trump, "|"), want)
		}
		if len(got) != 5 {
			t.Errorf("got %d mentions, want 5 (those outside the text or empty dropped): %v", len(got), got)
		}
	}
	for i := range ents {
		if !reflect.DeepEqual(ents[i], orig[i]) {
			t.Fatalf("Link changed its input: %v became %v", orig[i], ents[i])
		}
	}
}

// checkLinked checks that e is a well-formed linked mention of doc.
func checkLinked(t *testing.T, doc string, e sitrep.Entity) {
	t.Helper()
	if e.Start < 0 || e.End > len(doc) || e.Start >= e.End {
		t.Fatalf("span %v out of text of %d bytes", e.Span, len(doc))
	}
	if !onBoundary(doc, e.Start) || !onBoundary(doc, e.End) {
		t.Fatalf("span %v splits a character of %q", e.Span, doc)
	}
	if e.Text != doc[e.Start:e.End] {
		t.Fatalf("Text %q, span covers %q", e.Text, doc[e.Start:e.End])
	}
	if e.Key == "" || !strings.HasPrefix(e.Key, strings.ToLower(e.Type)+":") {
		t.Fatalf("key %q for a %s mention", e.Key, e.Type)
	}
}

// onBoundary reports whether a character of doc, as range reads them,
// starts at byte i, or doc ends there.
func onBoundary(doc string, i int) bool {
	if i == len(doc) {
		return true
	}
	for j := range doc {
		if j >= i {
			return j == i
		}
	}
	return false
}

func TestLinkKeysAreUniquePerEntity(t *testing.T) {
	l := &linker{doc: "a b"}
	l.ms = []lkMention{
		{Entity: sitrep.Entity{Span: sitrep.Span{Start: 0, End: 1}, Text: "a", Type: "ORG"}, entity: l.newEntity("ORG", "Acme")},
		{Entity: sitrep.Entity{Span: sitrep.Span{Start: 2, End: 3}, Text: "b", Type: "ORG"}, entity: l.newEntity("ORG", "ACME")},
	}
	l.newEntity("ORG", "acme:2")
	l.ms = append(l.ms, lkMention{Entity: sitrep.Entity{Span: sitrep.Span{Start: 2, End: 3}, Text: "b", Type: "ORG"}, entity: 2})
	l.ms[1], l.ms[2] = l.ms[2], l.ms[1]
	got := l.output()
	var keys []string
	for _, e := range got {
		keys = append(keys, e.Key)
	}
	if want := "org:acme|org:acme:2|org:acme:3"; strings.Join(keys, "|") != want {
		t.Errorf("keys %q, want %q", strings.Join(keys, "|"), want)
	}
}

// TestLinkSeedArticle links mentions of the flagship article as a good
// tagger would find them.
func TestLinkSeedArticle(t *testing.T) {
	doc := ""
	arts, err := demo.Corpus()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		if a.Name == "strikes-mexico-2025-11-18.txt" {
			doc = string(a.Body)
		}
	}
	if doc == "" {
		t.Fatal("the seed article is not in the demo corpus")
	}
	ms := []linkMention{
		{"LOC", "US"}, {"PERSON", "Donald Trump"}, {"LOC", "Mexico"},
		{"LOC", "US"}, {"PERSON", "Donald Trump"}, {"LOC", "Latin America"}, {"LOC", "Mexico"}, {"ORG", "Reuters"}, {"ORG", "NBC"},
		{"LOC", "Mexico"}, {"LOC", "Mexico"}, {"LOC", "Oval Office"},
		{"PERSON", "President Trump"}, {"MISC", "Mexican"}, {"PERSON", "Claudia Sheinbaum"},
		{"PERSON", "Geoff Garmany"}, {"MISC", "Latin American"}, {"ORG", "University of Melbourne"}, {"ORG", "Al Jazeera"}, {"LOC", "Mexico City"},
		{"ORG", "UN"}, {"PERSON", "Trump"}, {"PERSON", "Trump"}, {"LOC", "Mexico"}, {"PERSON", "Sheinbaum"},
		{"PERSON", "Trump"}, {"ORG", "NBC"}, {"ORG", "White House"}, {"LOC", "Mexico"}, {"LOC", "U.S."}, {"LOC", "Mexico"},
		{"ORG", "White House"}, {"PERSON", "Trump"}, {"LOC", "United States"}, {"PERSON", "Trump"},
		{"MISC", "Americans"}, {"PERSON", "Gharmani"}, {"ORG", "Al Jazeera"}, {"LOC", "Mexico"}, {"LOC", "U.S."}, {"LOC", "Mexico"},
		{"MISC", "Mexican"}, {"MISC", "Mexican"}, {"LOC", "United States"}, {"MISC", "Latin American"},
		{"PERSON", "Trump"}, {"ORG", "Congressional"}, {"ORG", "White House"}, {"ORG", "White House"},
		{"LOC", "Caribbean"}, {"LOC", "Pacific Ocean"}, {"LOC", "Venezuela"}, {"ORG", "Torren de Aragua"},
		{"PERSON", "Trump"}, {"PERSON", "George W. Bush"}, {"ORG", "al-Qaeda"},
	}
	ents := LinkWith(doc, text.Tokenize(doc), findMentions(t, doc, ms), nil)
	byName := map[string][]string{}
	for _, e := range ents {
		t.Log(showLinked(e, e.Titles))
		checkLinked(t, doc, e)
		byName[e.Key] = append(byName[e.Key], e.Text)
		if e.Type == "PERSON" && strings.Contains(e.Name, "Trump") && e.Name != "Donald Trump" {
			t.Errorf("%q named %q", e.Text, e.Name)
		}
		if e.Text == "Trump" && e.Start < 1500 && len(e.Titles) > 0 && e.Titles[0] != "President" {
			t.Errorf("titles of %q: %q", e.Text, e.Titles)
		}
	}
	for key, n := range map[string]int{
		"person:donald trump": 10, "person:claudia sheinbaum": 2, "person:geoff garmany": 2,
		"loc:united states": 6, "loc:mexico": 9, "misc:mexican": 3, "org:white house": 4, "person:george w. bush": 1,
	} {
		if len(byName[key]) != n {
			t.Errorf("%s: %d mentions %q, want %d", key, len(byName[key]), byName[key], n)
		}
	}
}

// TestLinkManyMentions links a document of 100,000 mentions: each of 25,000
// people is named in full, then by last name, with a courtesy title and with
// a role; last names are shared by many people.
func TestLinkManyMentions(t *testing.T) {
	doc, ents, names := manyLinkMentions(25000)
	got := Link(doc, text.Tokenize(doc), ents)
	if len(got) != len(ents) {
		t.Fatalf("%d mentions, want %d", len(got), len(ents))
	}
	keys := map[string]bool{}
	for i, e := range got {
		if want := names[i/4]; e.Name != want {
			t.Fatalf("mention %d %q named %q, want %q", i, e.Text, e.Name, want)
		}
		keys[e.Key] = true
	}
	if len(keys) != 25000 {
		t.Errorf("%d keys, want 25000", len(keys))
	}
}

// manyLinkMentions builds a document naming n people, four mentions each.
func manyLinkMentions(n int) (string, []sitrep.Entity, []string) {
	word := func(i int) string {
		b := []byte{byte('A' + i%26)}
		for i /= 26; i > 0; i /= 26 {
			b = append(b, byte('a'+i%26))
		}
		return string(b) + "o"
	}
	var sb strings.Builder
	var ents []sitrep.Entity
	var names []string
	add := func(s string) {
		ents = append(ents, sitrep.Entity{Span: sitrep.Span{Start: sb.Len(), End: sb.Len() + len(s)}, Text: s, Type: "PERSON"})
		sb.WriteString(s)
	}
	for i := range n {
		first, last := word(i+1000), word(i%300)
		names = append(names, first+" "+last)
		sb.WriteString("spokesman ")
		add(first + " " + last)
		sb.WriteString(" spoke. ")
		add(last)
		sb.WriteString(" agreed with Mr ")
		add(last)
		sb.WriteString(", and spokesman ")
		add(last)
		sb.WriteString(" left.\n")
	}
	return sb.String(), ents, names
}

func BenchmarkLinkManyMentions(b *testing.B) {
	doc, ents, _ := manyLinkMentions(25000)
	toks := text.Tokenize(doc)
	b.ReportAllocs()
	for b.Loop() {
		Link(doc, toks, ents)
	}
	b.ReportMetric(float64(len(ents))*float64(b.N)/b.Elapsed().Seconds(), "mentions/s")
}

func FuzzLink(f *testing.F) {
	f.Add("US President Donald Trump said Trump’s DEA (Drug Enforcement Administration) ...", []byte{0, 3, 1, 4, 8, 2, 3})
	f.Add("México’s Sheinbaum, associate professor of x. Mr. — “Gen.” U.S.", []byte{1, 2, 0, 0, 5, 9, 7, 7})
	f.Add("a\xffb c-d-e ’s 's ( ) ,", []byte{0, 1, 2, 3, 4, 5, 6, 7, 8})
	f.Add("\x8e", []byte("000"))
	f.Add("é\x8e\xe2\x80 Trump", []byte{0, 0, 0, 1, 1, 0, 2, 2, 0})
	f.Fuzz(func(t *testing.T, doc string, picks []byte) {
		toks := text.Tokenize(doc)
		if len(toks) == 0 {
			return
		}
		types := []string{"PERSON", "ORG", "LOC", "MISC", ""}
		var ents []sitrep.Entity
		for i := 0; i+2 < len(picks) && len(ents) < 50; i += 3 {
			a := int(picks[i]) % len(toks)
			z := min(len(toks)-1, a+int(picks[i+1])%5)
			sp := sitrep.Span{Start: toks[a].Start, End: toks[z].End}
			ents = append(ents, sitrep.Entity{Span: sp, Text: sp.In(doc), Type: types[int(picks[i+2])%len(types)]})
		}
		got := LinkWith(doc, toks, ents, nil)
		if len(got) > len(ents) {
			t.Fatalf("%d mentions from %d", len(got), len(ents))
		}
		for _, e := range got {
			if e.Start < 0 || e.End > len(doc) || e.Start >= e.End {
				t.Fatalf("span %v out of text of %d bytes", e.Span, len(doc))
			}
			if !onBoundary(doc, e.Start) || !onBoundary(doc, e.End) {
				t.Fatalf("span %v splits a character", e.Span)
			}
			if e.Text != doc[e.Start:e.End] || e.Key == "" {
				t.Fatalf("bad mention %+v", e)
			}
		}
	})
}

func ExampleLink() {
	doc := "US President Donald Trump said on Monday that Mexico knew his position. Trump told reporters."
	ents := []sitrep.Entity{
		{Span: sitrep.Span{Start: 3, End: 25}, Type: "PERSON"},  // "President Donald Trump"
		{Span: sitrep.Span{Start: 46, End: 52}, Type: "LOC"},    // "Mexico"
		{Span: sitrep.Span{Start: 72, End: 77}, Type: "PERSON"}, // "Trump"
	}
	for _, e := range Link(doc, text.Tokenize(doc), ents) {
		fmt.Printf("%s → %s (%s)\n", e.Text, e.Name, e.Key)
	}
	// Output:
	// Donald Trump → Donald Trump (person:donald trump)
	// Mexico → Mexico (loc:mexico)
	// Trump → Donald Trump (person:donald trump)
}

// BenchmarkLinkLoneSurnames links a roll of n full names followed by n lone
// surnames that none of them contains, each a spelling variant of a full
// name's surname: the spelling-variant search. ns/op must grow in
// proportion to n (the sizes are 100, 1k, 4k and 16k).
func BenchmarkLinkLoneSurnames(b *testing.B) {
	for _, n := range []int{100, 1000, 4000, 16000} {
		var sb strings.Builder
		var ents []sitrep.Entity
		add := func(s string) {
			ents = append(ents, sitrep.Entity{Span: sitrep.Span{Start: sb.Len(), End: sb.Len() + len(s)}, Text: s, Type: "PERSON"})
			sb.WriteString(s)
			sb.WriteString(". ")
		}
		// Karmanov–Karmanoff, with a tail of two consonants that makes each
		// surname one of 121 with a skeleton of its own; beyond 121 names
		// surnames repeat, so a lone name has several candidates and links
		// to none.
		const cons = "bdgklmnprst"
		tail := func(i int) string { return string([]byte{cons[i%11], cons[i/11%11]}) }
		first := func(i int) string { return fmt.Sprintf("Iv%c%can", 'a'+i%26, 'a'+i/26%26) }
		for i := range n {
			add(first(i) + " Karmanov" + tail(i))
		}
		for i := range n {
			add("Karmanoff" + tail(i))
		}
		doc := sb.String()
		toks := text.Tokenize(doc)
		got := Link(doc, toks, ents)
		if want := first(0) + " Karmanov" + tail(0); n <= 121 && got[n].Name != want || n > 121 && got[n].Name == want {
			b.Fatalf("%d names: %q linked to %q", n, got[n].Text, got[n].Name)
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				Link(doc, toks, ents)
			}
		})
	}
}
