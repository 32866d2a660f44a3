package sourcing

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/internal/annotatetest"
)

func ptr[T any](v T) *T { return &v }

// TestPatterns specifies the attribution read from each pattern of
// reporting: its phrase, its source and whom it cites.
func TestPatterns(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []sitrep.Attribution // Span is ignored; Text is the phrase
	}{
		{
			name: "two outlets reporting, trailing: each cites the speaker it reports",
			text: "Trump said he may expand the strikes, Reuters and television network NBC reported.",
			want: []sitrep.Attribution{
				{Text: "Trump said", Source: sitrep.Source{Text: "Trump", Name: "Trump"}},
				{Text: "Reuters and television network NBC reported", Source: sitrep.Source{Text: "Reuters", Name: "Reuters"}, Cites: []sitrep.Cited{{Text: "Trump"}}},
				{Text: "Reuters and television network NBC reported", Source: sitrep.Source{Text: "NBC", Name: "NBC"}, Cites: []sitrep.Cited{{Text: "Trump"}}},
			},
		},
		{
			name: "outlet citing anonymous officials with a count",
			text: "Two weeks ago NBC reported, citing two administration officials, that the White House was preparing an operation.",
			want: []sitrep.Attribution{{
				Text:   "NBC reported, citing two administration officials",
				Source: sitrep.Source{Text: "NBC", Name: "NBC"},
				Cites:  []sitrep.Cited{{Text: "two administration officials", Anonymous: true, Count: ptr[int64](2), Description: "administration officials"}},
			}},
		},
		{
			name: "vague count is nil",
			text: "The agency reported, citing several senior officials, that the talks had failed.",
			want: []sitrep.Attribution{{
				Text:   "The agency reported, citing several senior officials",
				Source: sitrep.Source{Text: "The agency", Name: "agency"},
				Cites:  []sitrep.Cited{{Text: "several senior officials", Anonymous: true, Description: "senior officials"}},
			}},
		},
		{
			name: "named person told an outlet: the outlet cites one named person",
			text: "Geoff Garmany, associate professor of Latin American studies at the University of Melbourne, told Al Jazeera that the plan may fail.",
			want: []sitrep.Attribution{{
				Text:   "Geoff Garmany, associate professor of Latin American studies at the University of Melbourne, told Al Jazeera",
				Source: sitrep.Source{Text: "Al Jazeera", Name: "Al Jazeera"},
				Cites:  []sitrep.Cited{{Text: "Geoff Garmany", Count: ptr[int64](1)}},
			}},
		},
		{
			name: "anonymous sources told an outlet",
			text: "Sources told Reuters that the convoy had been hit.",
			want: []sitrep.Attribution{{
				Text:   "Sources told Reuters",
				Source: sitrep.Source{Text: "Reuters", Name: "Reuters"},
				Cites:  []sitrep.Cited{{Text: "Sources", Anonymous: true, Description: "Sources"}},
			}},
		},
		{
			name: "according to, leading",
			text: "According to a person familiar with the matter, the order was signed on Friday.",
			want: []sitrep.Attribution{{
				Text:   "According to a person familiar with the matter",
				Source: sitrep.Source{Text: "a person familiar with the matter", Name: "person familiar with the matter"},
				Cites:  []sitrep.Cited{{Text: "a person familiar with the matter", Anonymous: true, Count: ptr[int64](1), Description: "person familiar with the matter"}},
			}},
		},
		{
			name: "organization in a statement is named, not anonymous",
			text: "The Pentagon said in a statement that the vessel was destroyed.",
			want: []sitrep.Attribution{{
				Text:   "The Pentagon said in a statement",
				Source: sitrep.Source{Text: "Pentagon", Name: "Pentagon"},
			}},
		},
		{
			name: "state media",
			text: "State media reported that the army had entered the city.",
			want: []sitrep.Attribution{{Text: "State media reported", Source: sitrep.Source{Text: "State media", Name: "state media"}}},
		},
		{
			name: "inverted subject after a quote",
			text: "“We will not leave,” said a local official.",
			want: []sitrep.Attribution{{
				Text:   "said a local official",
				Source: sitrep.Source{Text: "a local official", Name: "local official"},
				Cites:  []sitrep.Cited{{Text: "a local official", Anonymous: true, Count: ptr[int64](1), Description: "local official"}},
			}},
		},
		{
			name: "the report refers to the outlet that reported last",
			text: "NBC reported that troops were ready. The report said the operation would focus on laboratories.",
			want: []sitrep.Attribution{
				{Text: "NBC reported", Source: sitrep.Source{Text: "NBC", Name: "NBC"}},
				{Text: "The report said", Source: sitrep.Source{Text: "The report", Name: "NBC"}},
			},
		},
		{
			name: "the report with no outlet before it keeps its own name",
			text: "The report said the camps were full.",
			want: []sitrep.Attribution{{Text: "The report said", Source: sitrep.Source{Text: "The report", Name: "report"}}},
		},
		{
			name: "passive agent",
			text: "The plan, first reported by Axios, was approved on Monday.",
			want: []sitrep.Attribution{{Text: "reported by Axios", Source: sitrep.Source{Text: "Axios", Name: "Axios"}}},
		},
		{
			name: "a document seen by an outlet: the outlet reports, citing the document",
			text: "The report, seen by Reuters, said 12 civilians were killed.",
			want: []sitrep.Attribution{{
				Text:   "The report, seen by Reuters, said",
				Source: sitrep.Source{Text: "Reuters", Name: "Reuters"},
				Cites:  []sitrep.Cited{{Text: "The report"}},
			}},
		},
		{
			name: "a document obtained by an outlet is not the outlet's own",
			text: "A memo obtained by the Associated Press shows that 30 people were detained.",
			want: []sitrep.Attribution{{
				Text:   "A memo obtained by the Associated Press shows",
				Source: sitrep.Source{Text: "Associated Press", Name: "Associated Press"},
				Cites:  []sitrep.Cited{{Text: "A memo"}},
			}},
		},
		{
			name: "the subject of a reported clause is no inverted source",
			text: "The ministry, in its weekly update, said 12 civilians were killed.",
			want: []sitrep.Attribution{{Text: "The ministry, in its weekly update, said", Source: sitrep.Source{Text: "The ministry", Name: "ministry"}}},
		},
		{
			name: "the subject of a clause after the verb is no inverted source",
			text: "The watchdog, in its update, said 12 civilians were killed.",
		},
		{
			name: "figures show what they report",
			text: "Figures from the health ministry show that 40 people have died.",
			want: []sitrep.Attribution{{Text: "Figures from the health ministry show", Source: sitrep.Source{Text: "Figures from the health ministry", Name: "figures from the health ministry"}}},
		},
		{
			name: "only a document shows what it reports",
			text: "Police showed reporters the site where the bodies were found.",
		},
		{
			name: "outlet quoting a named person",
			text: "The BBC quoted Sudan's army chief as saying the war would go on.",
			want: []sitrep.Attribution{{
				Text:   "The BBC quoted Sudan's army chief as saying",
				Source: sitrep.Source{Text: "BBC", Name: "BBC"},
				Cites:  []sitrep.Cited{{Text: "Sudan's army chief", Count: ptr[int64](1)}},
			}},
		},
		{
			name: "negated verb attributes nothing",
			text: "President Trump did not say when such an attack might occur.",
		},
		{
			name: "passive without agent attributes nothing",
			text: "The reporters were told to leave the building.",
		},
		{
			name: "a subject that cannot speak is no source",
			text: "The strikes said more about the policy than any speech.",
		},
		{
			name: "pronoun subjects are left to the quote annotator",
			text: "He said the strikes would go on.",
		},
		{
			name: "outlet quoting a pronoun as saying: the outlet is the source",
			text: "“It depends,” AP quoted him as saying.",
			want: []sitrep.Attribution{{
				Text:   "AP quoted him as saying",
				Source: sitrep.Source{Text: "AP", Name: "AP"},
				Cites:  []sitrep.Cited{{Text: "him", Count: ptr[int64](1)}},
			}},
		},
		{
			name: "maintained with a noun phrase object reports nothing",
			text: "Malaysia and Indonesia have maintained a policy of turning boats away.",
		},
		{
			name: "insisted on reports nothing",
			text: "Libya insisted on further concessions.",
		},
		{
			name: "insisted before a clause reports",
			text: "Libya insisted the concessions were needed.",
			want: []sitrep.Attribution{{Text: "Libya insisted", Source: sitrep.Source{Text: "Libya", Name: "Libya"}}},
		},
		{
			name: "inverted: the person named after a title is the source",
			text: "The roads were open, said the governor of Sonora, Alfonso Durazo.",
			want: []sitrep.Attribution{{
				Text:   "said the governor of Sonora, Alfonso Durazo",
				Source: sitrep.Source{Text: "Alfonso Durazo", Name: "Alfonso Durazo"},
			}},
		},
		{
			name: "according to a phrase holding a date with a comma",
			text: "According to a May, 2007 report by MSF's research centre, 20 percent of children are malnourished.",
			want: []sitrep.Attribution{{
				Text:   "According to a May, 2007 report by MSF's research centre",
				Source: sitrep.Source{Text: "a May, 2007 report by MSF's research centre", Name: "MSF"},
			}},
		},
		{
			name: "an and inside a post-modifier joins no sources",
			text: "According to a report by MSF's research and survey centre, 20 percent of children are malnourished.",
			want: []sitrep.Attribution{{
				Text:   "According to a report by MSF's research and survey centre",
				Source: sitrep.Source{Text: "a report by MSF's research and survey centre", Name: "MSF"},
			}},
		},
		{
			name: "a document, not a word inside it, is the source",
			text: "The site was down, according to an Internet posting made 24 hours ago.",
			want: []sitrep.Attribution{{
				Text:   "according to an Internet posting made 24 hours ago",
				Source: sitrep.Source{Text: "an Internet posting", Name: "Internet posting"},
			}},
		},
		{
			name: "report after one name is the noun, not a second attribution",
			text: "The UN report said five people died.",
			want: []sitrep.Attribution{{Text: "The UN report said", Source: sitrep.Source{Text: "The UN report", Name: "UN"}}},
		},
		// Parenthetical attributions (a pronoun is named by the quote
		// annotator's resolution, see TestQuoteMerges, else as written).
		{
			name: "parenthetical pronoun subject is read as officials are",
			text: "In the aftermath of the Cold War, she said, NATO must be ready.",
			want: []sitrep.Attribution{{Text: "she said", Source: sitrep.Source{Text: "she", Name: "she"}}},
		},
		{
			name: "parenthetical plural pronoun subject",
			text: "If you are not Cuban, they said, you just would not understand.",
			want: []sitrep.Attribution{{Text: "they said", Source: sitrep.Source{Text: "they", Name: "they"}}},
		},
		{
			name: "parenthetical possessive phrase with a role word of people",
			text: "It grew out of a desire, its proponents said, to cement the gains.",
			want: []sitrep.Attribution{{
				Text:   "its proponents said",
				Source: sitrep.Source{Text: "its proponents", Name: "its proponents"},
				Cites:  []sitrep.Cited{{Text: "its proponents", Anonymous: true, Description: "proponents"}},
			}},
		},
		// Junk sources.
		{
			name: "an infinitive is wanted, not reported",
			text: "He also urged Madeleine Albright to tell Americans that Tanzania is safe.",
		},
		{
			name: "an infinitive after declined is not reported",
			text: "The minister declined to say whether 12 people died.",
		},
		{
			name: "told a news conference: the conference is no outlet",
			text: "Meissner told a news conference that the boy belongs with his father.",
			want: []sitrep.Attribution{{Text: "Meissner told a news conference", Source: sitrep.Source{Text: "Meissner", Name: "Meissner"}}},
		},
		{
			name: "what follows told is the addressee, never an inverted source",
			text: "The talks had failed, told reporters on Monday.",
		},
		{
			name: "states before an auxiliary is the plural noun",
			text: "All NATO member states have approved the plan, the minister said.",
			want: []sitrep.Attribution{{Text: "the minister said", Source: sitrep.Source{Text: "the minister", Name: "minister"}}},
		},
		{
			name: "states before and is the plural noun",
			text: "He has been arrested a dozen times in seven states and Italy.",
		},
		{
			name: "states before that is the verb",
			text: "The report states that 12 people died.",
			want: []sitrep.Attribution{{Text: "The report states", Source: sitrep.Source{Text: "The report", Name: "report"}}},
		},
		{
			name: "a clause between commas is no apposition: the inverted subject speaks",
			text: "James Kopp, meanwhile, may have approached the border, but it is unknown whether he crossed, said Louis Freeh.",
			want: []sitrep.Attribution{{Text: "said Louis Freeh", Source: sitrep.Source{Text: "Louis Freeh", Name: "Louis Freeh"}}},
		},
		{
			name: "a name right after who is the subject of the cue",
			text: "He met the boy's father, who Doris Meissner said is anxious to see him.",
			want: []sitrep.Attribution{{Text: "Doris Meissner said", Source: sitrep.Source{Text: "Doris Meissner", Name: "Doris Meissner"}}},
		},
		// Anonymity: people described by role are anonymous, a body is not.
		{
			name: "authorities are unnamed people: anonymous",
			text: "Authorities have said the weapon was buried in advance.",
			want: []sitrep.Attribution{{
				Text:   "Authorities have said",
				Source: sitrep.Source{Text: "Authorities", Name: "authorities"},
				Cites:  []sitrep.Cited{{Text: "Authorities", Anonymous: true, Description: "Authorities"}},
			}},
		},
		{
			name: "police speak as a body: not anonymous",
			text: "Another man has been arrested, police said today.",
			want: []sitrep.Attribution{{Text: "police said", Source: sitrep.Source{Text: "police", Name: "police"}}},
		},
		{
			name: "a definite singular role noun is one person",
			text: "The first tests established a high probability, the official said.",
			want: []sitrep.Attribution{{
				Text:   "the official said",
				Source: sitrep.Source{Text: "the official", Name: "official"},
				Cites:  []sitrep.Cited{{Text: "the official", Anonymous: true, Count: ptr[int64](1), Description: "official"}},
			}},
		},
		{
			name: "an ordinal after the article belongs to the phrase, which is one person",
			text: "The tests could enable a match, the first law enforcement official said.",
			want: []sitrep.Attribution{{
				Text:   "the first law enforcement official said",
				Source: sitrep.Source{Text: "the first law enforcement official", Name: "first law enforcement official"},
				Cites:  []sitrep.Cited{{Text: "the first law enforcement official", Anonymous: true, Count: ptr[int64](1), Description: "first law enforcement official"}},
			}},
		},
		{
			name: "consultants and advisers are unnamed people",
			text: "The race is close, say political consultants and some campaign advisers.",
			want: []sitrep.Attribution{
				{Text: "say political consultants and some campaign advisers", Source: sitrep.Source{Text: "political consultants", Name: "political consultants"},
					Cites: []sitrep.Cited{{Text: "political consultants", Anonymous: true, Description: "political consultants"}}},
				{Text: "say political consultants and some campaign advisers", Source: sitrep.Source{Text: "some campaign advisers", Name: "some campaign advisers"},
					Cites: []sitrep.Cited{{Text: "some campaign advisers", Anonymous: true, Description: "campaign advisers"}}},
			},
		},
		// Reports nobody is named for.
		{
			name: "reports with a participle after them are anonymous",
			text: "Reports reaching here said a massive blast damaged the embassy.",
			want: []sitrep.Attribution{{
				Text:   "Reports reaching here said",
				Source: sitrep.Source{Text: "Reports reaching here", Name: "reports reaching here"},
				Cites:  []sitrep.Cited{{Text: "Reports reaching here", Anonymous: true, Description: "Reports reaching here"}},
			}},
		},
		{
			name: "according to unnamed media reports is anonymous",
			text: "The group might come on Tuesday, according to unconfirmed media reports.",
			want: []sitrep.Attribution{{
				Text:   "according to unconfirmed media reports",
				Source: sitrep.Source{Text: "unconfirmed media reports", Name: "unconfirmed media reports"},
				Cites:  []sitrep.Cited{{Text: "unconfirmed media reports", Anonymous: true, Description: "unconfirmed media reports"}},
			}},
		},
		{
			name: "a place after in says where the reports are, not who reports",
			text: "Reports in Kenya said the bomb was moved by road.",
			want: []sitrep.Attribution{{
				Text:   "Reports in Kenya said",
				Source: sitrep.Source{Text: "Reports in Kenya", Name: "reports in Kenya"},
				Cites:  []sitrep.Cited{{Text: "Reports in Kenya", Anonymous: true, Description: "Reports in Kenya"}},
			}},
		},
		{
			name: "quoted with a time before the agent: the outlet cites the quoted official",
			text: "A senior government official who saw the confessions was quoted Friday by local media as saying that a group planned the attacks.",
			want: []sitrep.Attribution{{
				Text:   "A senior government official who saw the confessions was quoted Friday by local media as saying",
				Source: sitrep.Source{Text: "local media", Name: "local media"},
				Cites:  []sitrep.Cited{{Text: "A senior government official", Anonymous: true, Count: ptr[int64](1), Description: "senior government official"}},
			}},
		},
		// Coordination.
		{
			name: "a body and unnamed people joined by and are two sources",
			text: "On Sunday, Tanzanian police and FBI agents said they had made discoveries.",
			want: []sitrep.Attribution{
				{Text: "Tanzanian police and FBI agents said", Source: sitrep.Source{Text: "Tanzanian police", Name: "Tanzanian police"}},
				{Text: "Tanzanian police and FBI agents said", Source: sitrep.Source{Text: "FBI agents", Name: "FBI agents"},
					Cites: []sitrep.Cited{{Text: "FBI agents", Anonymous: true, Description: "FBI agents"}}},
			},
		},
		{
			name: "two groups of unnamed people joined by and are two sources",
			text: "Cuba experts and child custody lawyers said the ruling was appropriate.",
			want: []sitrep.Attribution{
				{Text: "Cuba experts and child custody lawyers said", Source: sitrep.Source{Text: "Cuba experts", Name: "Cuba experts"},
					Cites: []sitrep.Cited{{Text: "Cuba experts", Anonymous: true, Description: "Cuba experts"}}},
				{Text: "Cuba experts and child custody lawyers said", Source: sitrep.Source{Text: "child custody lawyers", Name: "child custody lawyers"},
					Cites: []sitrep.Cited{{Text: "child custody lawyers", Anonymous: true, Description: "child custody lawyers"}}},
			},
		},
		// An outlet reporting what someone said cites them.
		{
			name: "an outlet reporting a named speaker's words cites the speaker",
			text: "Foreign Ministry spokesman Mahmoud Mohammadi said that Iran condemns the attacks, the official news agency IRNA reported.",
			want: []sitrep.Attribution{
				{Text: "Foreign Ministry spokesman Mahmoud Mohammadi said", Source: sitrep.Source{Text: "Mahmoud Mohammadi", Name: "Mahmoud Mohammadi"}},
				{Text: "the official news agency IRNA reported", Source: sitrep.Source{Text: "IRNA", Name: "IRNA"},
					Cites: []sitrep.Cited{{Text: "Mahmoud Mohammadi", Count: ptr[int64](1)}}},
			},
		},
		{
			name: "an outlet reporting unnamed officials' words cites them, anonymous",
			text: "Officials said 12 people died, Reuters reported.",
			want: []sitrep.Attribution{
				{Text: "Officials said", Source: sitrep.Source{Text: "Officials", Name: "officials"},
					Cites: []sitrep.Cited{{Text: "Officials", Anonymous: true, Description: "Officials"}}},
				{Text: "Reuters reported", Source: sitrep.Source{Text: "Reuters", Name: "Reuters"},
					Cites: []sitrep.Cited{{Text: "Officials", Anonymous: true, Description: "Officials"}}},
			},
		},
		// A place or a phrase inside the subject is not the source.
		{
			name: "and between prepositions joins no sources",
			text: "Elected officials in and around Miami warned that they should expect little help.",
			want: []sitrep.Attribution{{
				Text:   "Elected officials in and around Miami warned",
				Source: sitrep.Source{Text: "Elected officials in and around Miami", Name: "elected officials in and around Miami"},
				Cites:  []sitrep.Cited{{Text: "Elected officials in and around Miami", Anonymous: true, Description: "Elected officials in and around Miami"}},
			}},
		},
		{
			name: "the commas of a town and its state do not end the subject",
			text: "Since then, the authorities in the Buffalo, N.Y., area say they have gathered enough evidence.",
			want: []sitrep.Attribution{{
				Text:   "the authorities in the Buffalo, N.Y., area say",
				Source: sitrep.Source{Text: "the authorities in the Buffalo, N.Y., area", Name: "authorities in the Buffalo, N.Y., area"},
				Cites:  []sitrep.Cited{{Text: "the authorities in the Buffalo, N.Y., area", Anonymous: true, Description: "authorities in the Buffalo, N.Y., area"}},
			}},
		},
		{
			name: "the object of a relative clause before the verb is not the source",
			text: "Residents who fled Kenya said the army had shelled the town.",
			want: []sitrep.Attribution{{
				Text:   "Residents who fled Kenya said",
				Source: sitrep.Source{Text: "Residents", Name: "residents"},
				Cites:  []sitrep.Cited{{Text: "Residents", Anonymous: true, Description: "Residents"}},
			}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := annotatetest.Prepare(t, tt.text)
			annotate(t, d)
			if len(d.Sourcing) != len(tt.want) {
				t.Fatalf("got %d attributions %v, want %d", len(d.Sourcing), renderAll(d.Sourcing), len(tt.want))
			}
			for i, got := range d.Sourcing {
				want := tt.want[i]
				if got.Text != want.Text || got.Source != want.Source || render(got) != render(want) ||
					descriptions(got) != descriptions(want) {
					t.Errorf("attribution %d:\n got  %q %+v %s [%s]\n want %q %+v %s [%s]", i,
						got.Text, got.Source, render(got), descriptions(got),
						want.Text, want.Source, render(want), descriptions(want))
				}
				if got.Text != got.In(tt.text) {
					t.Errorf("attribution %d: Text %q is not the text of its span %q", i, got.Text, got.In(tt.text))
				}
			}
		})
	}
}

func renderAll(as []sitrep.Attribution) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Text+" => "+render(a))
	}
	return out
}

func descriptions(a sitrep.Attribution) string {
	var ds []string
	for _, c := range a.Cites {
		ds = append(ds, c.Description)
	}
	return strings.Join(ds, "|")
}

// TestQuantityScope specifies on whose word each count rests: the
// innermost attribution whose scope holds it, or none.
func TestQuantityScope(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		quantity string // its first occurrence is the quantity
		want     string // Source.Name of the attribution it points to, "" for nil
	}{
		{"trailing attribution", "At least 80 people have been killed since September, the United Nations said.", "At least 80 people", "United Nations"},
		{"reported clause after that", "NBC reported, citing two administration officials, that 300 troops were ready.", "300 troops", "NBC"},
		{"count in the attribution phrase is not under it", "NBC reported, citing two administration officials, that 300 troops were ready.", "two administration officials", ""},
		{"according to, leading", "According to the ministry, 42 people died in the floods.", "42 people", "ministry"},
		{"according to, trailing", "The strikes have killed at least 83 people, according to an Associated Press count.", "at least 83 people", "Associated Press"},
		{"parenthetical", "The strike, officials said, killed 12 people.", "12 people", "officials"},
		{"article's own voice", "The White House has launched at least 20 airstrikes since September, killing at least 80 people.", "at least 80 people", ""},
		{"innermost attribution wins", "Trump said 5,000 troops would be sent, Reuters reported.", "5,000 troops", "Trump"},
		{"scope ends with the sentence", "The ministry said 40 soldiers were wounded. Another 12 were missing.", "12", ""},
		{"quote before an inverted attribution", "“We lost 30 men last night,” said a local commander.", "30 men", "local commander"},
		{"told an outlet", "Gharmani told Al Jazeera that 15 cartels operate in the region.", "15 cartels", "Al Jazeera"},
		{"trailing attribution with a date", "Two men died of an overdose, the Los Angeles Times reported Friday.", "Two men", "Los Angeles Times"},
		{"trailing passive agent", "Two isotopes were found in his urine, as reported by the Health Protection Agency.", "Two isotopes", "Health Protection Agency"},
		{"parenthetical with a time after the verb covers the sentence", "The strike on 3 towns, officials said Tuesday, killed 12 people.", "3 towns", "officials"},
		{"relative clause: a count in its complement", "The Pentagon, which has claimed that 11 boats were destroyed, released 12 videos.", "11 boats", "Pentagon"},
		{"relative clause: a count in the main clause after it", "The Pentagon, which has claimed that 11 boats were destroyed, released 12 videos.", "12 videos", ""},
		{"relative clause with an abbreviated date before that", "The ministry, which said on Nov. 5, 2025, that 12 soldiers died, gave no new toll.", "12 soldiers", "ministry"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := annotatetest.Prepare(t, tt.text)
			d.Quantities = []sitrep.Quantity{{Span: spanOf(t, tt.text, tt.quantity, 0), Text: tt.quantity}}
			annotate(t, d)
			got := ""
			if p := d.Quantities[0].Sourcing; p != nil {
				got = d.Sourcing[*p].Source.Name
			}
			if got != tt.want {
				t.Errorf("%q rests on %q, want %q (attributions %v)", tt.quantity, got, tt.want, renderAll(d.Sourcing))
			}
		})
	}
}

// TestQuotes specifies the attributions made of the quote layer: a new one
// for a speaker not yet attributed, the quote added to the scope of one
// that is.
func TestQuotes(t *testing.T) {
	text := "“We lost 30 men,” he told reporters. Donald Trump told Al Jazeera that “200 boats” were destroyed. " +
		"“We found 12 bodies,” she told the Reuters news agency."
	d := annotatetest.Prepare(t, text)
	he := spanOf(t, text, "he", 0)
	trump := spanOf(t, text, "Donald Trump", 0)
	she := spanOf(t, text, "she", 0)
	reporters := "reporters"
	aj := "Al Jazeera"
	agency := "the Reuters news agency"
	d.Quotes = []sitrep.Quote{
		{Span: spanOf(t, text, "We lost 30 men,", 0), Direct: true, Cue: "told", Addressee: &reporters,
			Speaker: &sitrep.Mention{Span: he, Text: "he", Name: "Ali Hassan", Key: "ali-hassan"}},
		{Span: spanOf(t, text, "200 boats", 0), Direct: true, Cue: "told", Addressee: &aj,
			Speaker: &sitrep.Mention{Span: trump, Text: "Donald Trump", Name: "Donald Trump"}},
		{Span: spanOf(t, text, "We found 12 bodies,", 0), Direct: true, Cue: "told", Addressee: &agency,
			Speaker: &sitrep.Mention{Span: she, Text: "she", Name: "Maria Lopez", Key: "maria-lopez"}},
	}
	d.Quantities = []sitrep.Quantity{
		{Span: spanOf(t, text, "30 men", 0), Text: "30 men"},
		{Span: spanOf(t, text, "200 boats", 0), Text: "200 boats"},
		{Span: spanOf(t, text, "12 bodies", 0), Text: "12 bodies"},
	}
	annotate(t, d)
	want := []string{
		"he told => Ali Hassan",
		"Donald Trump told Al Jazeera => Al Jazeera <- Donald Trump (named 1)",
		"she told => Reuters <- Maria Lopez (named 1)",
	}
	if got := renderAll(d.Sourcing); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("attributions\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if d.Sourcing[0].Source.Text != "he" {
		t.Errorf("source text %q, want the mention as written", d.Sourcing[0].Source.Text)
	}
	for i, q := range d.Quantities {
		if q.Sourcing == nil || *q.Sourcing != i {
			t.Errorf("quantity %q points to %v, want attribution %d", q.Text, q.Sourcing, i)
		}
	}
}

// TestSeed checks the seed article: its six reporting attributions, the
// speech around them, and its counts stated in its own voice.
func TestSeed(t *testing.T) {
	text := annotatetest.SeedText(t)
	d := annotatetest.Prepare(t, text)
	counts := []string{"at least 20 airstrikes", "at least 80 people", "two administration officials", "six drug cartels"}
	for _, c := range counts {
		d.Quantities = append(d.Quantities, sitrep.Quantity{Span: spanOf(t, text, c, 0), Text: c})
	}
	annotate(t, d)
	want := []string{
		"US President Donald Trump said => Donald Trump",
		"Reuters and television network NBC reported => Reuters <- Donald Trump (named 1)",
		"Reuters and television network NBC reported => NBC <- Donald Trump (named 1)",
		"Mexican President Claudia Sheinbaum has previously said => Claudia Sheinbaum",
		"Geoff Garmany, associate professor of Latin American studies at the University of Melbourne, told Al Jazeera => Al Jazeera <- Geoff Garmany (named 1)",
		"NBC reported, citing two administration officials => NBC <- two administration officials (anon 2)",
		"The report said => NBC",
		"President Trump suggested => Donald Trump",
		"Trump told reporters => Donald Trump",
		"Gharmani told Al Jazeera => Al Jazeera <- Gharmani (named 1)",
		"The Trump administration has said => Trump administration",
	}
	got := renderAll(d.Sourcing)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("attributions\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, q := range d.Quantities {
		if q.Sourcing != nil {
			t.Errorf("%q rests on %q, want the article's own voice", q.Text, d.Sourcing[*q.Sourcing].Source.Name)
		}
	}
}

// TestSeedScopes checks what the seed's reported clauses cover, through
// quantities placed in them.
func TestSeedScopes(t *testing.T) {
	text := annotatetest.SeedText(t)
	tests := []struct {
		inside string // a phrase of the seed standing in for a count
		want   string // the attribution phrase it rests on, "" for none
	}{
		{"unprecedented attack on drug cartels", "US President Donald Trump said"},
		{"US President Donald Trump", "Reuters and television network NBC reported"},
		{"the initial stages of a ground operation", "NBC reported, citing two administration officials"},
		{"drone attacks on pharmaceutical laboratories", "The report said"},
		{"Mexico City’s opposition", "Geoff Garmany, associate professor of Latin American studies at the University of Melbourne, told Al Jazeera"},
		{"U.S. attacks on Mexico are likely to be minimal", "Gharmani told Al Jazeera"},
		{"non-international armed conflict", "The Trump administration has said"},
		{"long and deadly conflict", ""},
	}
	for _, tt := range tests {
		t.Run(tt.inside, func(t *testing.T) {
			d := annotatetest.Prepare(t, text)
			d.Quantities = []sitrep.Quantity{{Span: spanOf(t, text, tt.inside, 0), Text: tt.inside}}
			annotate(t, d)
			got := ""
			if p := d.Quantities[0].Sourcing; p != nil {
				got = d.Sourcing[*p].Text
			}
			if got != tt.want {
				t.Errorf("rests on %q, want %q", got, tt.want)
			}
		})
	}
}

func TestNameAndVersion(t *testing.T) {
	var a sitrep.Annotator = Annotator{}
	if a.Name() != "sourcing" {
		t.Errorf("Name() = %q, want sourcing", a.Name())
	}
	if (Annotator{}).Version() == "" {
		t.Error("Version() is empty")
	}
}

// TestIdempotent checks that annotating twice gives the same layers and
// clears a stale pointer.
func TestIdempotent(t *testing.T) {
	text := "The strike killed 12 people, officials said. The army struck 3 towns."
	d := annotatetest.Prepare(t, text)
	stale := 7
	d.Quantities = []sitrep.Quantity{
		{Span: spanOf(t, text, "12 people", 0), Text: "12 people"},
		{Span: spanOf(t, text, "3 towns", 0), Text: "3 towns", Sourcing: &stale},
	}
	annotate(t, d)
	first := renderAll(d.Sourcing)
	annotate(t, d)
	if got := renderAll(d.Sourcing); strings.Join(got, "|") != strings.Join(first, "|") {
		t.Errorf("second run %v, first %v", got, first)
	}
	if d.Quantities[0].Sourcing == nil || *d.Quantities[0].Sourcing != 0 {
		t.Errorf("12 people: Sourcing %v, want 0", d.Quantities[0].Sourcing)
	}
	if d.Quantities[1].Sourcing != nil {
		t.Errorf("3 towns: Sourcing %v, want nil", *d.Quantities[1].Sourcing)
	}
}

// TestUnresolvedPronounNamedAsWritten specifies that a pronoun source no
// quote resolves keeps its attribution, named by the pronoun as written:
// a source never has an empty Name, and it is never taken for a cited
// person of an outlet reporting it.
func TestUnresolvedPronounNamedAsWritten(t *testing.T) {
	quoted := "“The boats were carrying fuel,” he said."
	he := strings.Index(quoted, "he said")
	tests := []struct {
		name, text string
		quotes     []sitrep.Quote
		want       []string // rendered attributions
		source     sitrep.Source
	}{
		{
			name: "a quote whose speaker the quote annotator could not resolve",
			text: quoted,
			quotes: []sitrep.Quote{{Span: sitrep.Span{Start: len("“"), End: strings.Index(quoted, ",”")}, Direct: true, Cue: "said",
				Speaker: &sitrep.Mention{Span: sitrep.Span{Start: he, End: he + 2}, Text: "he"}}},
			want:   []string{"he said => he"},
			source: sitrep.Source{Text: "he", Name: "he"},
		},
		{
			name:   "a parenthetical with no antecedent and no quote",
			text:   "The convoy, she said, was hit twice.",
			want:   []string{"she said => she"},
			source: sitrep.Source{Text: "she", Name: "she"},
		},
		{
			name: "a parenthetical whose quote left the pronoun unresolved",
			text: "The convoy, she said, was hit twice.",
			quotes: []sitrep.Quote{{Span: sitrep.Span{Start: 22, End: 35}, Cue: "said",
				Speaker: &sitrep.Mention{Span: sitrep.Span{Start: 12, End: 15}, Text: "she"}}},
			want:   []string{"she said => she"},
			source: sitrep.Source{Text: "she", Name: "she"},
		},
		{
			name:   "a parenthetical with no antecedent is no person an outlet cites",
			text:   "The convoy, they said, was hit twice, Reuters reported.",
			want:   []string{"they said => they", "Reuters reported => Reuters"},
			source: sitrep.Source{Text: "they", Name: "they"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := annotatetest.Prepare(t, tt.text)
			d.Quotes = tt.quotes
			annotate(t, d)
			if got := renderAll(d.Sourcing); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Fatalf("attributions\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if d.Sourcing[0].Source != tt.source {
				t.Errorf("source %+v, want %+v", d.Sourcing[0].Source, tt.source)
			}
		})
	}
}

// TestQuoteMerges specifies how a quote joins the attribution found in the
// text for its speaker: one attribution per phrase, a cited pronoun named
// by the quote's resolution, and a scope that neither takes in the
// attribution phrase nor repeats itself.
func TestQuoteMerges(t *testing.T) {
	tests := []struct {
		name, text, speaker, speakerName, quote string
		cue                                     string   // "said" when empty
		want                                    []string // rendered attributions
		scope                                   []string // the first attribution's scope
	}{
		{
			name: "a pronoun quoted as saying cites the person it refers to",
			text: "“It depends,” AP quoted him as saying.", speaker: "him", speakerName: "Ali Hassan", quote: "It depends,",
			want:  []string{"AP quoted him as saying => AP <- Ali Hassan (named 1)"},
			scope: []string{"“It depends,”"},
		},
		{
			name: "the person after a title is the one source of the quote",
			text: "“We need help,” said a UNHCR protection officer, Yolande Ditewig.", speaker: "Yolande Ditewig", speakerName: "Yolande Ditewig", quote: "We need help,",
			want:  []string{"said a UNHCR protection officer, Yolande Ditewig => Yolande Ditewig"},
			scope: []string{"“We need help,”"},
		},
		{
			name: "the person after a title is the source past a rank left out of the name",
			text: "“It was a bomb,” said a Pentagon spokesman, Lt. Col. Mark Ballesteros.", speaker: "Mark Ballesteros", speakerName: "Mark Ballesteros", quote: "It was a bomb,",
			want:  []string{"said a Pentagon spokesman, Lt. Col. Mark Ballesteros => Mark Ballesteros"},
			scope: []string{"“It was a bomb,”"},
		},
		{
			name: "a quote scope starting in the attribution phrase is cut after it",
			text: "According to the fire chief, Don Mcfeely, the letter was harmless.", speaker: "Don Mcfeely", speakerName: "Don Mcfeely", quote: "Don Mcfeely, the letter was harmless",
			want:  []string{"According to the fire chief, Don Mcfeely => Don Mcfeely"},
			scope: []string{"the letter was harmless"},
		},
		{
			name: "a parenthetical pronoun source is named by the quote's resolution",
			text: "The NATO summit, she said, would produce an initiative.", speaker: "she", speakerName: "Madeleine Albright", quote: "would produce an initiative",
			want:  []string{"she said => Madeleine Albright"},
			scope: []string{"The NATO summit, she said, would produce an initiative"},
		},
		{
			name: "a quote whose speaker is the object in a relative clause joins the subject's attribution",
			text: "Residents who fled the town said the army had shelled it.", speaker: "the town", speakerName: "town", quote: "the army had shelled it",
			want:  []string{"Residents who fled the town said => residents <- Residents (anon)"},
			scope: []string{"the army had shelled it"},
		},
		{
			name: "a quote whose cue the text attributed joins that attribution, whoever its speaker",
			text: "The vote, say political consultants, was close.", speaker: "The vote", speakerName: "vote", quote: "was close", cue: "say",
			want:  []string{"say political consultants => political consultants <- political consultants (anon)"},
			scope: []string{"The vote, say political consultants, was close"},
		},
		{
			name: "overlapping scopes of one attribution are merged",
			text: "The chief said the letter “was harmless” and “no one was hurt.”", speaker: "The chief", speakerName: "chief", quote: "no one was hurt.",
			want:  []string{"The chief said => chief"},
			scope: []string{"the letter “was harmless” and “no one was hurt.”"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := annotatetest.Prepare(t, tt.text)
			cue := tt.cue
			if cue == "" {
				cue = "said"
			}
			d.Quotes = []sitrep.Quote{{Span: spanOf(t, tt.text, tt.quote, 0), Direct: true, Cue: cue,
				Speaker: &sitrep.Mention{Span: spanOf(t, tt.text, tt.speaker, 0), Text: tt.speaker, Name: tt.speakerName}}}
			annotate(t, d)
			if got := renderAll(d.Sourcing); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Fatalf("attributions\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			var scope []string
			for _, s := range d.Sourcing[0].Scope {
				scope = append(scope, s.In(tt.text))
			}
			if strings.Join(scope, "|") != strings.Join(tt.scope, "|") {
				t.Errorf("scope %q, want %q", scope, tt.scope)
			}
		})
	}
}

// TestRelativeClauseSource specifies the source of a reporting verb in a
// relative clause set off by commas: the phrase before the comma, whose
// word covers the verb's complement up to the comma that closes the clause,
// not the main clause after it, even when a quote of the same speech reads
// past that comma.
func TestRelativeClauseSource(t *testing.T) {
	tests := []struct {
		name, text string
		quote      []string // speaker, content, cue of a quote the quote annotator made; none when empty
		want       []string // rendered attributions
		scope      []string // the first attribution's scope
	}{
		{
			name:  "a body, which has said that",
			text:  "The ministry, which has said that 40 people died, did not publish their names.",
			want:  []string{"The ministry, which has said => ministry"},
			scope: []string{"40 people died"},
		},
		{
			name:  "unnamed people, who said, without that",
			text:  "Residents, who said they saw 12 bodies, were questioned by the police.",
			want:  []string{"Residents, who said => residents <- Residents (anon)"},
			scope: []string{"they saw 12 bodies"},
		},
		{
			name:  "a quote reading past the clause is cut at its comma",
			text:  "Harbor Telecom, which has maintained that the outage was caused by a storm, declined to comment further.",
			quote: []string{"Harbor Telecom", "the outage was caused by a storm, declined to comment further", "maintained"},
			want:  []string{"Harbor Telecom, which has maintained => Harbor Telecom"},
			scope: []string{"the outage was caused by a storm"},
		},
		{
			name:  "the object of a verb before the comma speaks, not the verb",
			text:  "The plan angered farmers, who said that the road would cut their fields in two.",
			want:  []string{"farmers, who said => farmers <- farmers (anon)"},
			scope: []string{"the road would cut their fields in two"},
		},
		{
			name:  "a clause the sentence ends leaves the scope open to its end",
			text:  "The blast was heard by the ministry, which said that the depot had burned.",
			want:  []string{"the ministry, which said => ministry"},
			scope: []string{"the depot had burned"},
		},
		{
			name:  "a name that is an object: the verb before it is no part of the phrase",
			text:  "The coach decided not to pick Mauro Silva, who had claimed that he lost his passport.",
			want:  []string{"Mauro Silva, who had claimed => Mauro Silva"},
			scope: []string{"he lost his passport"},
		},
		{
			name: "a relative clause with no complement attributes nothing",
			text: "The bombing, which the ministry reported, killed 30 people.",
		},
		{
			name: "a negated verb in a relative clause attributes nothing",
			text: "The ministry, which has not said that anyone died, closed the road.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := annotatetest.Prepare(t, tt.text)
			if len(tt.quote) > 0 {
				d.Quotes = []sitrep.Quote{{Span: spanOf(t, tt.text, tt.quote[1], 0), Cue: tt.quote[2],
					Speaker: &sitrep.Mention{Span: spanOf(t, tt.text, tt.quote[0], 0), Text: tt.quote[0], Name: tt.quote[0]}}}
			}
			annotate(t, d)
			if got := renderAll(d.Sourcing); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Fatalf("attributions\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if len(d.Sourcing) == 0 {
				return
			}
			var scope []string
			for _, s := range d.Sourcing[0].Scope {
				scope = append(scope, s.In(tt.text))
			}
			if strings.Join(scope, "|") != strings.Join(tt.scope, "|") {
				t.Errorf("scope %q, want %q", scope, tt.scope)
			}
		})
	}
}

// TestQuoteSpeakers specifies which quote speakers make an attribution
// and how: none for a speaker that is the object of a preposition of place
// or time, or a thing before a participle that reports nothing; the phrase
// as written for a person no lexicon knows or a coordinated group.
func TestQuoteSpeakers(t *testing.T) {
	tests := []struct {
		name, text, speaker, cue, quote string
		want                            []string // rendered attributions
	}{
		{
			name:    "a place inside the subject is no speaker",
			text:    "Men smoking cigars at the Buffalo Shooting Club in Amherst said their feelings were mixed.",
			speaker: "Buffalo Shooting Club", cue: "said", quote: "their feelings were mixed",
		},
		{
			name:    "a time after a preposition is no speaker",
			text:    "Posts on the message board from Friday theorized that the site was down.",
			speaker: "Friday", cue: "theorized", quote: "the site was down",
		},
		{
			name:    "a thing before a participle of place is no speaker",
			text:    "A rifle found near the home may yield clues.",
			speaker: "A rifle", cue: "found", quote: "near the home may yield clues",
		},
		{
			name:    "a person the lexicons do not know still speaks",
			text:    "“We have no food,” a local undertaker said.",
			speaker: "a local undertaker", cue: "said", quote: "We have no food,",
			want: []string{"a local undertaker said => a local undertaker"},
		},
		{
			name:    "coordinated unnamed speakers are cited together",
			text:    "Nurses and doctors left the ward chanting “Pay us now!”",
			speaker: "Nurses and doctors", cue: "chanting", quote: "Pay us now!",
			want: []string{"Nurses and doctors left the ward chanting => Nurses and doctors <- Nurses and doctors (anon)"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := annotatetest.Prepare(t, tt.text)
			d.Quotes = []sitrep.Quote{{Span: spanOf(t, tt.text, tt.quote, 0), Direct: true, Cue: tt.cue,
				Speaker: &sitrep.Mention{Span: spanOf(t, tt.text, tt.speaker, 0), Text: tt.speaker, Name: tt.speaker}}}
			annotate(t, d)
			if got := renderAll(d.Sourcing); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("attributions\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestDedup specifies that one phrase never yields the same source twice,
// however many readings found it: their cites and scopes are joined.
func TestDedup(t *testing.T) {
	span, other := sitrep.Span{Start: 0, End: 10}, sitrep.Span{Start: 20, End: 30}
	nbc, ap := sitrep.Source{Text: "NBC", Name: "NBC"}, sitrep.Source{Text: "AP", Name: "AP"}
	officials := sitrep.Cited{Text: "officials", Anonymous: true}
	tests := []struct {
		name  string
		cands []candidate
		want  []string // source name, cites and scope count of each result
	}{
		{"same phrase, same source", []candidate{
			{span: span, source: nbc, scopes: []sitrep.Span{{Start: 11, End: 15}}},
			{span: span, source: nbc, cites: []sitrep.Cited{officials}, scopes: []sitrep.Span{{Start: 12, End: 18}}},
		}, []string{"NBC <- officials (anon) 2"}},
		{"same phrase, two sources", []candidate{{span: span, source: nbc}, {span: span, source: ap}},
			[]string{"NBC 0", "AP 0"}},
		{"same source, two phrases", []candidate{{span: span, source: nbc}, {span: other, source: nbc}},
			[]string{"NBC 0", "NBC 0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, c := range dedup(tt.cands) {
				got = append(got, fmt.Sprintf("%s %d", render(sitrep.Attribution{Source: c.source, Cites: c.cites}), len(c.scopes)))
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
