package geo

import (
	"fmt"
	"math"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/gazetteer"
	"github.com/sitrep/sitrep/ner"
	"github.com/sitrep/sitrep/text"
)

const seedPath = "../demo/corpus/strikes-mexico-2025-11-18.txt"

// annotate runs text, ner and geo over s, as the pipeline does.
func annotate(t testing.TB, s string) *sitrep.Doc {
	t.Helper()
	d := sitrep.NewDoc(sitrep.Article{Text: s, Published: time.Date(2025, 11, 18, 0, 0, 0, 0, time.UTC)})
	for _, a := range []sitrep.Annotator{text.Annotator{}, ner.Annotator{}, Annotator{}} {
		if err := a.Annotate(d); err != nil {
			t.Fatal(err)
		}
	}
	return d
}

// describe writes a place as "text=name/kind/country".
func describe(p sitrep.Place) string {
	return fmt.Sprintf("%s=%s/%s/%s", p.Text, p.Name, p.Kind, p.Country)
}

func describeAll(ps []sitrep.Place) string {
	var out []string
	for _, p := range ps {
		out = append(out, describe(p))
	}
	return strings.Join(out, "; ")
}

func TestResolution(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // places, in order, as describe writes them
	}{
		{"a name the tagger cut short on the left is read whole",
			"Officials in the People's Republic of China said on Monday that Beijing would act.",
			[]string{"People's Republic of China=China/country/CN", "Beijing=Beijing/city/CN"}},
		{"a name the tagger cut short on the right is read whole",
			"Floods hit Rio Grande do Sul in southern Brazil on Monday.",
			[]string{"Rio Grande do Sul=Rio Grande do Sul/admin1/BR", "Brazil=Brazil/country/BR"}},
		{"the longest name around a fragment wins, and the fragment goes",
			"The Democratic People's Republic of Korea fired missiles.",
			[]string{"Democratic People's Republic of Korea=North Korea/country/KP"}},
		{"a name does not grow across a comma",
			"He toured the West, Virginia and Ohio.",
			[]string{"Virginia=Virginia/admin1/US", "Ohio=Ohio/admin1/US"}},
		{"a country followed by \"state\" stays the country",
			"The Mexico state oil company Pemex said output fell.",
			[]string{"Mexico=Mexico/country/MX"}},
		{"an article opening a sentence is not part of the name",
			"The US has so far pledged $3 million.",
			[]string{"US=United States/country/US"}},
		{"a name followed by \"state\" is the state; alone it is still the capital",
			"The cow came from a Washington state farm. Officials in Washington said the herd was culled.",
			[]string{"Washington=Washington/admin1/US", "Washington=Washington, D.C./city/US"}},
		{"a state in a list of states is not a town in the next one",
			"Cases were found in Virginia, Washington, West Virginia and Wyoming. Offices in Arlington, Virginia, and Bethesda, Maryland, closed.",
			[]string{"Virginia=Virginia/admin1/US", "Washington=Washington/admin1/US", "West Virginia=West Virginia/admin1/US",
				"Wyoming=Wyoming/admin1/US", "Arlington=Arlington/city/US", "Virginia=Virginia/admin1/US", "Bethesda=Bethesda/city/US", "Maryland=Maryland/admin1/US"}},
		{"English counties are counties, and their towns English",
			"Fires spread across Suffolk and Norfolk on Monday, and police in Ipswich urged calm.",
			[]string{"Suffolk=Suffolk/admin2/GB", "Norfolk=Norfolk/admin2/GB", "Ipswich=Ipswich/city/GB"}},
		{"a town beside its county is the county's",
			"Flooding hit Boston, Lincolnshire, and York on Monday.",
			[]string{"Boston=Boston/city/GB", "Lincolnshire=Lincolnshire/admin2/GB", "York=York/city/GB"}},
		{"a county's bare name is no place where it is a word or a person's",
			"Antique dealers and Plaza officials said on Monday that VAR had overturned the penalty.",
			[]string{}},
		{"a Philippine province, not a Californian town",
			"Floods hit Laguna and Pangasinan north of Manila.",
			[]string{"Laguna=Laguna/admin2/PH", "Pangasinan=Pangasinan/admin2/PH", "Manila=Manila/city/PH"}},
		{"a city known by the short form of its official name",
			"Gunmen fired on a bus between Iguala and Acapulco in Guerrero.",
			[]string{"Iguala=Iguala de la Independencia/city/MX", "Acapulco=Acapulco de Juárez/city/MX", "Guerrero=Guerrero/admin1/MX"}},
		{"a valley and a city under a spelling of its name the data lacks",
			"Troops moved into the Swat Valley, and refugees crossed to Mbanza Congo in Angola.",
			[]string{"Swat Valley=Swat Valley/region/PK", "Mbanza Congo=Mbanza Kongo/city/AO", "Angola=Angola/country/AO"}},
		{"a gang named for its home state is no mention of it",
			"The Sinaloa Cartel smuggled the drugs into Arizona.",
			[]string{"Arizona=Arizona/admin1/US"}},
		{"a compass point alone is no place",
			"North Korea said the South had provoked it, and the North put its troops on alert.",
			[]string{"North Korea=North Korea/country/KP"}},
		{"a newspaper is not its city",
			"The New York Times and the Texas Tribune reported the raid in El Paso.",
			[]string{"El Paso=El Paso/city/US"}},
		{"a city beside its state",
			"The film festival in Paris, Texas, drew a small crowd on Friday.",
			[]string{"Paris=Paris/city/US", "Texas=Texas/admin1/US"}},
		{"the larger city alone",
			"Talks resumed in Paris on Friday after a week of strikes.",
			[]string{"Paris=Paris/city/FR"}},
		{"Georgia beside Atlanta is the state",
			"Health officials in Atlanta said the outbreak in Georgia had spread to two more counties.",
			[]string{"Atlanta=Atlanta/city/US", "Georgia=Georgia/admin1/US"}},
		{"Georgia with Tbilisi is the country",
			"Protesters gathered in Tbilisi as Georgia prepared for the vote.",
			[]string{"Tbilisi=Tbilisi/city/GE", "Georgia=Georgia/country/GE"}},
		{"a country name alone is the country",
			"Georgia said on Monday it would hold talks with Russia.",
			[]string{"Georgia=Georgia/country/GE", "Russia=Russia/country/RU"}},
		{"Victoria beside British Columbia is the city",
			"Ferries to Victoria, British Columbia, were cancelled.",
			[]string{"Victoria=Victoria/city/CA", "British Columbia=British Columbia/admin1/CA"}},
		{"Victoria alone is the Australian state",
			"Bushfires forced evacuations across Victoria on Sunday.",
			[]string{"Victoria=Victoria/admin1/AU"}},
		{"a town beside its province",
			"Hogs were culled at a farm in Pandi, Bulacan on Sunday.",
			[]string{"Pandi=Pandi/city/PH", "Bulacan=Bulacan/city/PH"}},
		{"a city that is the seat of its state",
			"Prices rose in São Paulo last month.",
			[]string{"São Paulo=São Paulo/city/BR"}},
		{"a name untagged but known to the gazetteer",
			"the flights from kenya stopped, and then flights from Nairobi stopped too.",
			[]string{"Nairobi=Nairobi/city/KE"}},
		{"a part of a place the gazetteer lacks is the place",
			"Cases rose sharply in Eastern China last winter.",
			[]string{"China=China/country/CN"}},
		{"a country opening an agency's name",
			"The U.S. Food and Drug Administration said the recall was voluntary.",
			[]string{"U.S.=United States/country/US"}},
		{"a name listed with states is the state",
			"Cases were found in Utah, Washington and Wyoming.",
			[]string{"Utah=Utah/admin1/US", "Washington=Washington/admin1/US", "Wyoming=Wyoming/admin1/US"}},
		{"a city listed with a state of a village's name does not make it the village",
			"Letters were sent to the media in New York City and Florida.",
			[]string{"New York City=New York City/city/US", "Florida=Florida/admin1/US"}},
		{"small towns listed together stay together abroad",
			"Mercury spilled in Peru, in the communities of Choropampa and Magdalena.",
			[]string{"Peru=Peru/country/PE", "Choropampa=Choropampa/city/PE", "Magdalena=Magdalena/city/PE"}},
		{"Washington alone is the capital",
			"Washington imposed new sanctions on Monday.",
			[]string{"Washington=Washington, D.C./city/US"}},
		{"a division opening an agency's name",
			"A spokesman for the California Department of Public Health said so.",
			[]string{"California=California/admin1/US"}},
		{"seas and oceans",
			"The strikes targeted boats in the Caribbean and the Pacific Ocean.",
			[]string{"Caribbean=Caribbean Sea/sea/", "Pacific Ocean=Pacific Ocean/ocean/"}},
		{"off the coast of a country",
			"A boat was struck off the coast of Venezuela on Tuesday.",
			[]string{"off the coast of Venezuela=waters off Venezuela/sea/VE"}},
		{"off a country's coast",
			"A boat was struck off Colombia’s coast on Tuesday.",
			[]string{"off Colombia’s coast=waters off Colombia/sea/CO"}},
		{"off a demonym's coast",
			"A boat was struck off the Venezuelan coast on Tuesday.",
			[]string{"off the Venezuelan coast=waters off Venezuela/sea/VE"}},
		{"international waters",
			"The vessel was seized in international waters.",
			[]string{"international waters=international waters/sea/"}},
		{"an institution's place is not a place of events",
			"Geoff Garmany, associate professor at the University of Melbourne, said so.",
			nil},
		{"demonyms are not places",
			"Mexican cartels and Latin American governments disagreed.",
			nil},
		{"a building standing for a government is not a place",
			"The White House said the Pentagon would respond.",
			nil},
		{"a small town abroad is not what a name in a story set elsewhere means",
			"Officials in London and Manchester said the man, who had flown in from Moscow, met a source at a sushi bar in Piccadilly where papers were exchanged. " +
				"Police visited the Itsu sushi restaurant in Piccadilly.",
			[]string{"London=London/city/GB", "Manchester=Manchester/city/GB", "Moscow=Moscow/city/RU"}},
		{"a weather pattern named like a town is not a place",
			"Officials fear the looming El Nino phenomenon and La Niña after it.",
			nil},
		{"a currency's country is not a place",
			"The deal is worth US$5 million.",
			nil},
		{"a virus's namesake is not a place",
			"Workers were infected with Reston ebolavirus at the farm.",
			nil},
		{"a virus named after a region is not the river beside it",
			"About 60 percent of West Nile cases in the U.S. happen in Texas.",
			[]string{"U.S.=United States/country/US", "Texas=Texas/admin1/US"}},
		{"islands, which the tagger calls MISC or ORG, or not at all",
			"Floods hit Java and Sumatra on Monday, fighting went on in Mindanao, and protesters gathered on Hong Kong Island.",
			[]string{"Java=Java/region/ID", "Sumatra=Sumatra/region/ID", "Mindanao=Mindanao/region/PH", "Hong Kong Island=Hong Kong Island/region/HK"}},
		{"an island after \"the island of\"",
			"A tsunami hit the Indonesian island of Java on Monday.",
			[]string{"Java=Java/region/ID"}},
		{"an island after a preposition and a compass point",
			"Clashes broke out in northern Java on Monday.",
			[]string{"Java=Java/region/ID"}},
		{"an island after \"on\"",
			"Thousands were evacuated on Java after the eruption.",
			[]string{"Java=Java/region/ID"}},
		{"an island's one-word name is no place where nothing says one stands there",
			"Oracle released a Java update on Monday.",
			nil},
		{"rivers, camps and bases",
			"Floods along the Indus River displaced thousands in Sindh, refugees in Dadaab, Kenya, went hungry, and scientists at Fort Detrick were questioned.",
			[]string{"Indus River=Indus River/region/PK", "Sindh=Sindh/admin1/PK", "Dadaab=Dadaab/region/KE", "Kenya=Kenya/country/KE", "Fort Detrick=Fort Detrick/region/US"}},
		{"a camp named with what it is",
			"Somali refugees in Kenya's overcrowded Dadaab camps need protection.",
			[]string{"Kenya=Kenya/country/KE", "Dadaab camps=Dadaab/region/KE"}},
		{"a facility named for its city is in the city",
			"Thousands rallied outside Seoul City Hall, and flights resumed at Kabul International Airport and Da Nang International Airport.",
			[]string{"Seoul=Seoul/city/KR", "Kabul=Kabul/city/AF", "Da Nang=Da Nang/city/VN"}},
		{"an airport named for a person is not a town of the person's name",
			"Passengers at Logan International Airport were delayed.",
			nil},
		{"gangs named for their home states, in the plural and lower case too",
			"Violence between the Sinaloa and Gulf cartels spread to Sonora. The Jalisco cartel denied it.",
			[]string{"Sonora=Sonora/admin1/MX"}},
		{"a newspaper the tagger splits from its country's name",
			"The reporter from The New Zealand Herald fell ill in Auckland.",
			[]string{"Auckland=Auckland/city/NZ"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := annotate(t, tt.text)
			got := describeAll(d.Places)
			if want := strings.Join(tt.want, "; "); got != want {
				t.Errorf("places\n got: %s\nwant: %s\nentities: %v", got, want, d.Entities)
			}
			checkPlaces(t, d.Text, d.Places)
		})
	}
}

// Open water names no point: no coordinates rather than a made-up one.
func TestOpenWaterHasNoPoint(t *testing.T) {
	d := annotate(t, "The tanker was boarded on the high seas.")
	if len(d.Places) != 1 {
		t.Fatalf("places %s, want the high seas", describeAll(d.Places))
	}
	p := d.Places[0]
	if p.Text != "the high seas" || p.Kind != "sea" || p.Lat != nil || p.Lon != nil || p.Country != "" || p.ID != "" {
		t.Errorf("got %+v, want the high seas as a sea with no point, country or id", p)
	}
}

// A country's point is its centre, not its capital.
func TestCountryPointIsItsCentre(t *testing.T) {
	d := annotate(t, "Troops were sent to the border of the United States.")
	if len(d.Places) != 1 || d.Places[0].Lat == nil {
		t.Fatalf("places %s", describeAll(d.Places))
	}
	lat, lon := *d.Places[0].Lat, *d.Places[0].Lon
	if lat < 37 || lat > 42 || lon < -104 || lon > -94 {
		t.Errorf("United States at %.2f,%.2f, want the middle of the contiguous states", lat, lon)
	}
}

// An area's point is the one its Wikipedia page gives, where
// lexicon/page_points.tsv has it; a city keeps the gazetteer's point.
func TestAreaPointIsItsPagePoint(t *testing.T) {
	tests := []struct {
		text, name string
		lat, lon   float64
	}{
		{"Exports from China fell.", "China", 35, 103},
		{"Snow fell across Canada.", "Canada", 60, -95},
		{"Aid reached Africa.", "Africa", 7.18, 21.09},
		{"Talks were held in Beijing.", "Beijing", 39.9075, 116.39723},
	}
	for _, tt := range tests {
		d := annotate(t, tt.text)
		if len(d.Places) != 1 || d.Places[0].Name != tt.name || d.Places[0].Lat == nil {
			t.Errorf("%q: places %s, want %s", tt.text, describeAll(d.Places), tt.name)
			continue
		}
		if lat, lon := *d.Places[0].Lat, *d.Places[0].Lon; math.Abs(lat-tt.lat) > 1e-4 || math.Abs(lon-tt.lon) > 1e-4 {
			t.Errorf("%s at %.4f,%.4f, want %.4f,%.4f", tt.name, lat, lon, tt.lat, tt.lon)
		}
	}
}

func TestContains(t *testing.T) {
	// entry is the gazetteer's place of this name, kind and country (and
	// admin1 division, when given).
	entry := func(name string, kind gazetteer.Kind, country, admin1 string) gazetteer.Entry {
		for _, e := range gazetteer.Default().Lookup(name) {
			if e.Kind == kind && e.Country == country && (admin1 == "" || e.Admin1 == admin1) {
				return e
			}
		}
		t.Fatalf("no %v %s in %s %s", kind, name, admin1, country)
		return gazetteer.Entry{}
	}
	indiana := entry("Indiana", gazetteer.Admin1, "US", "")
	lincs := entry("Lincolnshire", gazetteer.Admin2, "GB", "")
	for _, tc := range []struct {
		out, in gazetteer.Entry
		want    bool
	}{
		{indiana, entry("Scott County", gazetteer.Admin2, "US", "Indiana"), true},
		{indiana, entry("Scott County", gazetteer.Admin2, "US", "Iowa"), false},
		{lincs, entry("Boston", gazetteer.City, "GB", ""), true},
		{lincs, entry("Lincoln", gazetteer.City, "GB", ""), true},
		{lincs, entry("York", gazetteer.City, "GB", ""), false}, // in England, but far from Lincolnshire
		{lincs, entry("Boston", gazetteer.City, "US", ""), false},
		{entry("United Kingdom", gazetteer.Country, "GB", ""), lincs, true},
		{lincs, entry("England", gazetteer.Admin1, "GB", ""), false},
	} {
		if got := contains(tc.out, tc.in); got != tc.want {
			t.Errorf("contains(%s, %s in %s) = %v, want %v", tc.out.Name, tc.in.Name, tc.in.Admin1, got, tc.want)
		}
	}
}

// A county inside its state is that state's, not a bigger county of its
// name elsewhere.
func TestCountyInItsState(t *testing.T) {
	d := annotate(t, "Austin, in Scott County, Indiana, was the epicenter of the outbreak. Cases in Scott County rose past 140.")
	n := 0
	for _, p := range d.Places {
		if p.Text != "Scott County" {
			continue
		}
		n++
		// Scott County, Indiana lies near 38.7 N, 85.7 W; the other Scott
		// Counties are hundreds of kilometres away.
		if p.Kind != "admin2" || p.Lat == nil || math.Abs(*p.Lat-38.7) > 0.5 || math.Abs(*p.Lon+85.7) > 0.5 {
			t.Errorf("Scott County = %s", describeAll([]sitrep.Place{p}))
		}
	}
	if n != 2 {
		t.Errorf("%d mentions of Scott County placed, want 2: %s", n, describeAll(d.Places))
	}
}

func TestSeedArticle(t *testing.T) {
	b, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	d := annotate(t, string(b))
	checkPlaces(t, d.Text, d.Places)
	found := map[string]sitrep.Place{}
	for _, p := range d.Places {
		found[p.Text] = p
	}
	tests := []struct {
		text, name, kind, country string
	}{
		{"Mexico", "Mexico", "country", "MX"},
		{"Latin America", "Latin America", "region", ""},
		{"Mexico City", "Mexico City", "city", "MX"},
		{"United States", "United States", "country", "US"},
		{"U.S.", "United States", "country", "US"},
		{"Caribbean", "Caribbean Sea", "sea", ""},
		{"Pacific Ocean", "Pacific Ocean", "ocean", ""},
		{"Venezuela", "Venezuela", "country", "VE"},
	}
	for _, tt := range tests {
		p, ok := found[tt.text]
		if !ok {
			t.Errorf("%q not found; places: %s", tt.text, describeAll(d.Places))
			continue
		}
		if p.Name != tt.name || p.Kind != tt.kind || p.Country != tt.country || p.Lat == nil || p.ID == "" {
			t.Errorf("%q = %s, id %q, want %s/%s/%s with a point", tt.text, describe(p), p.ID, tt.name, tt.kind, tt.country)
		}
	}
	for _, not := range []string{"Melbourne", "University of Melbourne", "White House", "Mexican", "Latin American", "Americans"} {
		if _, ok := found[not]; ok {
			t.Errorf("%q should not be a place", not)
		}
	}
	// The Mexico mentions all resolve alike (the file has 9, headline included).
	n := 0
	for _, p := range d.Places {
		if p.Text == "Mexico" {
			n++
			if p.Name != "Mexico" || p.Kind != "country" {
				t.Errorf("Mexico at %d: %s", p.Start, describe(p))
			}
		}
	}
	if want := strings.Count(d.Text, "Mexico") - strings.Count(d.Text, "Mexico City"); n != want {
		t.Errorf("%d mentions of Mexico, want all %d", n, want)
	}
}

func TestAnnotatorIdentity(t *testing.T) {
	var a Annotator
	if a.Name() != "geo" || a.Version() == "" {
		t.Errorf("Name %q, Version %q", a.Name(), a.Version())
	}
	var _ sitrep.Annotator = a
}

// An empty document, and one whose entities point outside the text, give
// no places and no error.
func TestHostileInput(t *testing.T) {
	tests := []struct {
		name string
		doc  *sitrep.Doc
	}{
		{"empty", sitrep.NewDoc(sitrep.Article{})},
		{"entities outside the text", &sitrep.Doc{
			Article:  sitrep.Article{Text: "Mexico"},
			Entities: []sitrep.Entity{{Span: sitrep.Span{Start: 3, End: 99}, Type: "LOC"}, {Span: sitrep.Span{Start: -1, End: 2}, Type: "LOC"}},
		}},
		{"entities without tokens", &sitrep.Doc{
			Article:  sitrep.Article{Text: "Mexico"},
			Entities: []sitrep.Entity{{Span: sitrep.Span{Start: 0, End: 6}, Type: "LOC", Text: "Mexico"}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := (Annotator{}).Annotate(tt.doc); err != nil {
				t.Fatal(err)
			}
			if len(tt.doc.Places) != 0 {
				t.Errorf("places %s, want none", describeAll(tt.doc.Places))
			}
		})
	}
}

// Large hostile texts pass through whole, with a valid layer.
func TestLargeHostileInput(t *testing.T) {
	if testing.Short() {
		t.Skip("tags megabytes")
	}
	tests := []struct {
		name, text string
	}{
		{"1 MB without spaces", strings.Repeat("x", 1<<20)},
		{"10k numbers in a row", strings.Repeat("1,200 ", 10000)},
		{"unbalanced quotes across the article", strings.Repeat("“Troops left Mexico for Texas. ", 5000)},
		{"invalid UTF-8 around names", strings.Repeat("\xffMexico\xc3 City\x80, Georgia\xe2\x80 ", 5000)},
		{"one long list of places", strings.Repeat("Paris, Georgia, Victoria, Washington, off the coast of ", 5000)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := annotate(t, tt.text)
			checkPlaces(t, d.Text, d.Places)
		})
	}
}

// One name mentioned twice, once plainly and once opening an agency's
// name, resolves each mention by its own candidates, in either order: the
// agency's to the state, the plain one as if alone.
func TestSameNameResolvedPerMention(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // places, in order, as describe writes them
	}{
		{"a plain name before the jurisdiction",
			"Officials in Washington said the boat sank. The Washington Department of Health said it would help.",
			[]string{"Washington=Washington, D.C./city/US", "Washington=Washington/admin1/US"}},
		{"the jurisdiction before a plain name",
			"The Washington Department of Health said it would help. Officials in Washington said the boat sank.",
			[]string{"Washington=Washington/admin1/US", "Washington=Washington, D.C./city/US"}},
		{"a plain name before a longer agency name",
			"Officials in Washington said the boat sank. Washington State Department of Health officials said it would help.",
			[]string{"Washington=Washington, D.C./city/US", "Washington=Washington/admin1/US"}},
		{"a longer agency name before a plain name",
			"Washington State Department of Health officials said it would help. Officials in Washington said the boat sank.",
			[]string{"Washington=Washington/admin1/US", "Washington=Washington, D.C./city/US"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := annotate(t, tt.text)
			got := describeAll(d.Places)
			if want := strings.Join(tt.want, "; "); got != want {
				t.Errorf("places\n got: %s\nwant: %s\nentities: %v", got, want, d.Entities)
			}
			checkPlaces(t, d.Text, d.Places)
		})
	}
}

// Two mentions of one unknown name whose tagger gave each another
// canonical name resolve each by its own canonical name.
func TestSameNameOtherCanonicalNames(t *testing.T) {
	const s = "Troops left Zyxwv on Monday. Aid reached Zyxwv on Friday."
	first := strings.Index(s, "Zyxwv")
	second := strings.LastIndex(s, "Zyxwv")
	tests := []struct {
		name         string
		alt1, alt2   string
		want1, want2 string // as describe writes them
	}{
		{"a capital, then a state", "Washington", "Texas", "Zyxwv=Washington, D.C./city/US", "Zyxwv=Texas/admin1/US"},
		{"a state, then a capital", "Texas", "Washington", "Zyxwv=Texas/admin1/US", "Zyxwv=Washington, D.C./city/US"},
		{"a city, then a state", "Paris", "Texas", "Zyxwv=Paris/city/FR", "Zyxwv=Texas/admin1/US"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := sitrep.NewDoc(sitrep.Article{Text: s})
			if err := (text.Annotator{}).Annotate(d); err != nil {
				t.Fatal(err)
			}
			d.Entities = []sitrep.Entity{
				{Span: sitrep.Span{Start: first, End: first + 5}, Text: "Zyxwv", Type: "LOC", Name: tt.alt1},
				{Span: sitrep.Span{Start: second, End: second + 5}, Text: "Zyxwv", Type: "LOC", Name: tt.alt2},
			}
			if err := (Annotator{}).Annotate(d); err != nil {
				t.Fatal(err)
			}
			if got, want := describeAll(d.Places), tt.want1+"; "+tt.want2; got != want {
				t.Errorf("places\n got: %s\nwant: %s", got, want)
			}
			checkPlaces(t, d.Text, d.Places)
		})
	}
}

// Entities cut as the tagger sometimes cuts them, given by hand so that
// the rules for them are tested whatever the model does: a place split
// from the name of a newspaper or a gang, a facility tagged as a place, an
// island named with what it is.
func TestTaggerCuts(t *testing.T) {
	type ent struct{ typ, text string } // the first occurrence of text
	tests := []struct {
		name string
		text string
		ents []ent
		want []string // as describe writes them
	}{
		{"a newspaper split from its country's name",
			"The New Zealand Herald reported floods in Auckland.",
			[]ent{{"LOC", "New Zealand"}, {"LOC", "Auckland"}},
			[]string{"Auckland=Auckland/city/NZ"}},
		{"a gang split from its state's name",
			"Police blamed the Sinaloa cartel for attacks in Sonora.",
			[]ent{{"LOC", "Sinaloa"}, {"LOC", "Sonora"}},
			[]string{"Sonora=Sonora/admin1/MX"}},
		{"an airport tagged as a place",
			"Flights resumed at Kabul International Airport.",
			[]ent{{"LOC", "Kabul International Airport"}},
			[]string{"Kabul=Kabul/city/AF"}},
		{"a camp tagged without what it is",
			"Refugees in the overcrowded Dadaab camps went hungry.",
			[]ent{{"MISC", "Dadaab"}},
			[]string{"Dadaab camps=Dadaab/region/KE"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := sitrep.NewDoc(sitrep.Article{Text: tt.text})
			if err := (text.Annotator{}).Annotate(d); err != nil {
				t.Fatal(err)
			}
			for _, e := range tt.ents {
				i := strings.Index(tt.text, e.text)
				d.Entities = append(d.Entities, sitrep.Entity{Span: sitrep.Span{Start: i, End: i + len(e.text)}, Text: e.text, Type: e.typ, Name: e.text})
			}
			if err := (Annotator{}).Annotate(d); err != nil {
				t.Fatal(err)
			}
			if got, want := describeAll(d.Places), strings.Join(tt.want, "; "); got != want {
				t.Errorf("places\n got: %s\nwant: %s", got, want)
			}
			checkPlaces(t, d.Text, d.Places)
		})
	}
}

// The waters off a coast are not the land: they share its country and
// point but not its ID, which is the land's with a prefix.
func TestWatersHaveTheirOwnID(t *testing.T) {
	tests := []struct {
		name, text, waters, land string
	}{
		{"off the coast of a country",
			"A boat was struck off the coast of Venezuela. Venezuela denied it.",
			"off the coast of Venezuela", "Venezuela"},
		{"off a country's coast",
			"A boat was struck off Colombia’s coast. Colombia denied it.",
			"off Colombia’s coast", "Colombia"},
		{"off a demonym's coast",
			"A boat was struck off the Venezuelan coast. Venezuela denied it.",
			"off the Venezuelan coast", "Venezuela"},
	}
	g := gazetteer.Default()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := annotate(t, tt.text)
			checkPlaces(t, d.Text, d.Places)
			if len(d.Places) != 2 || d.Places[0].Text != tt.waters || d.Places[1].Text != tt.land {
				t.Fatalf("places %s, want %q and %q", describeAll(d.Places), tt.waters, tt.land)
			}
			waters, land := d.Places[0], d.Places[1]
			if land.ID == "" || waters.ID != "waters-off:"+land.ID {
				t.Errorf("waters ID %q, land ID %q: want the waters' to be waters-off: and the land's", waters.ID, land.ID)
			}
			if waters.Kind != "sea" || waters.Country != land.Country || waters.Country == "" {
				t.Errorf("waters %s, land %s: want a sea with the land's country", describe(waters), describe(land))
			}
			// The waters' point is the gazetteer's for the land (a
			// country's capital), not the centre the land itself gets.
			e := g.Lookup(land.Name)[0]
			if waters.Lat == nil || *waters.Lat != e.Lat || *waters.Lon != e.Lon {
				t.Errorf("waters at %v,%v, want the gazetteer's point of %s %v,%v", waters.Lat, waters.Lon, land.Name, e.Lat, e.Lon)
			}
		})
	}
}
