package story

import (
	"slices"
	"testing"

	"github.com/sitrep/sitrep"
)

// entDoc is a doc whose entities are the given (text, type, name) triples,
// keyed as the ner package keys them.
func entDoc(t *testing.T, id string, ents ...[3]string) *sitrep.Doc {
	t.Helper()
	text := ""
	for _, e := range ents {
		text += e[0] + " said. "
	}
	b := newTDoc(t, id, "outlet", "2025-11-18", text)
	for _, e := range ents {
		b.entity(e[0], e[1], e[2])
	}
	return b.d
}

func TestEntitiesAcrossDocuments(t *testing.T) {
	tests := []struct {
		name   string
		first  [][3]string // entities of the first document
		second [3]string   // one entity of the second document
		same   string      // the first document's name it must resolve to, "" for a new entity
		key    string      // the global key of the second's entity
	}{
		{"a spelling variant of a surname joins the full name",
			[][3]string{{"Geoff Garmany", "PERSON", "Geoff Garmany"}}, [3]string{"Gharmani", "PERSON", "Gharmani"}, "Geoff Garmany", "person:geoff-garmany"},
		{"a transliterated organization name joins the usual spelling",
			[][3]string{{"Tren de Aragua", "ORG", "Tren de Aragua"}}, [3]string{"Torren de Aragua", "ORG", "Torren de Aragua"}, "Tren de Aragua", "org:tren-de-aragua"},
		{"a country's abbreviation is the country",
			[][3]string{{"United States", "LOC", "United States"}}, [3]string{"U.S.", "LOC", "U.S."}, "United States", "loc:united-states"},
		{"a surname joins the one full name that has it",
			[][3]string{{"Claudia Sheinbaum", "PERSON", "Claudia Sheinbaum"}, {"Donald Trump", "PERSON", "Donald Trump"}}, [3]string{"Sheinbaum", "PERSON", "Sheinbaum"}, "Claudia Sheinbaum", "person:claudia-sheinbaum"},
		{"a surname two known people share stays apart",
			[][3]string{{"Donald Trump", "PERSON", "Donald Trump"}, {"Melania Trump", "PERSON", "Melania Trump"}}, [3]string{"Trump", "PERSON", "Trump"}, "", "person:trump"},
		{"another given name is another person",
			[][3]string{{"Donald Trump", "PERSON", "Donald Trump"}}, [3]string{"Eric Trump", "PERSON", "Eric Trump"}, "", "person:eric-trump"},
		{"a short organization name joins the one longer name it begins",
			[][3]string{{"Sinaloa Cartel", "ORG", "Sinaloa Cartel"}}, [3]string{"Sinaloa", "ORG", "Sinaloa"}, "Sinaloa Cartel", "org:sinaloa-cartel"},
		{"names link only within a type",
			[][3]string{{"Sinaloa Cartel", "ORG", "Sinaloa Cartel"}}, [3]string{"Sinaloa", "LOC", "Sinaloa"}, "", "loc:sinaloa"},
		{"an acronym joins its expansion",
			[][3]string{{"Drug Enforcement Administration", "ORG", "Drug Enforcement Administration"}}, [3]string{"DEA", "ORG", "DEA"}, "Drug Enforcement Administration", "org:drug-enforcement-administration"},
		{"short words are not spelling variants",
			[][3]string{{"George Bush", "PERSON", "George Bush"}}, [3]string{"Busch", "PERSON", "Busch"}, "", "person:busch"},
		{"a place name beginning another place's name is another place when the gazetteer knows both apart",
			[][3]string{{"Mexico", "LOC", "Mexico"}}, [3]string{"Mexico City", "LOC", "Mexico City"}, "", "loc:mexico-city"},
		{"a short place name joins the longer name of the same place",
			[][3]string{{"Caribbean Sea", "LOC", "Caribbean Sea"}}, [3]string{"Caribbean", "LOC", "Caribbean"}, "Caribbean Sea", "loc:caribbean-sea"},
		{"accents and case do not matter",
			[][3]string{{"Andrés Manuel López Obrador", "PERSON", "Andrés Manuel López Obrador"}}, [3]string{"ANDRES MANUEL LOPEZ OBRADOR", "PERSON", "ANDRES MANUEL LOPEZ OBRADOR"}, "Andrés Manuel López Obrador", "person:andres-manuel-lopez-obrador"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := NewEntities()
			first := e.Add(entDoc(t, "one", tt.first...))
			links := e.Add(entDoc(t, "two", tt.second))
			if len(links) != 1 {
				t.Fatalf("%d links for one entity", len(links))
			}
			got := links[0].Global
			if got != tt.key {
				t.Errorf("global key %q, want %q", got, tt.key)
			}
			for _, l := range first {
				if l.Name == tt.same && l.Global != got {
					t.Errorf("%q resolved to %s, not to %s of %q", tt.second[0], got, l.Global, tt.same)
				}
				if tt.same == "" && l.Global == got {
					t.Errorf("%q joined %q (%s); want an entity of its own", tt.second[0], l.Name, got)
				}
			}
			ent, ok := e.Lookup("two", links[0].Local)
			if !ok || ent.Key != got {
				t.Errorf("Lookup(two, %s) = %+v, %v", links[0].Local, ent, ok)
			}
		})
	}
}

func TestEntitiesKeepTheFirstKeyAndTheLongestName(t *testing.T) {
	e := NewEntities()
	short := e.Add(entDoc(t, "one", [3]string{"Sheinbaum", "PERSON", "Sheinbaum"}))[0]
	long := e.Add(entDoc(t, "two", [3]string{"Claudia Sheinbaum", "PERSON", "Claudia Sheinbaum"}))[0]
	if short.Global != "person:sheinbaum" || long.Global != short.Global {
		t.Fatalf("keys %s and %s, want person:sheinbaum for both", short.Global, long.Global)
	}
	ent, _ := e.Entity(short.Global)
	if ent.Name != "Claudia Sheinbaum" || !slicesContains(ent.Aliases, "Sheinbaum") {
		t.Errorf("entity %+v: want the full name and the surname as an alias", ent)
	}
}

func TestEntitiesRestore(t *testing.T) {
	e := NewEntities()
	e.Restore(Link{Article: "old", Local: "person:geoff garmany", Global: "person:geoff-garmany", Name: "Geoff Garmany", Type: "PERSON"})
	if ent, ok := e.Lookup("old", "person:geoff garmany"); !ok || ent.Name != "Geoff Garmany" {
		t.Fatalf("Lookup after Restore: %+v, %v", ent, ok)
	}
	links := e.Add(entDoc(t, "new", [3]string{"Gharmani", "PERSON", "Gharmani"}))
	if links[0].Global != "person:geoff-garmany" {
		t.Errorf("a variant after Restore resolved to %s", links[0].Global)
	}
	if e.Len() != 1 {
		t.Errorf("%d entities, want 1", e.Len())
	}
}

func TestEventActorsResolve(t *testing.T) {
	// Event actors are normalized by the event annotator: "the White House"
	// and "U.S. forces" both act as the United States government.
	docs := seedStory(t)
	ds, ms := pick(docs, "a", "b")
	e := NewEntities()
	for _, d := range ds {
		e.Add(d)
	}
	incs := Incidents("s1", ds, ms, e)
	c := find(t, incs, "occurred", true, "a")
	if c.Actor == nil || c.Actor.Key != "org:united-states-government" {
		t.Fatalf("campaign actor %+v, want org:united-states-government", c.Actor)
	}
	if _, ok := e.Entity("org:united-states-government"); !ok {
		t.Error("the actor is not in the registry")
	}
}

func FuzzEntities(f *testing.F) {
	f.Add("Geoff Garmany", "Gharmani", "PERSON")
	f.Add("Tren de Aragua", "Torren de Aragua", "ORG")
	f.Add("U.S.", "the United States", "LOC")
	f.Add("", "\xff\xfe", "")
	f.Fuzz(func(t *testing.T, a, b, typ string) {
		e := NewEntities()
		for i, name := range []string{a, b, a} {
			d := sitrep.NewDoc(sitrep.Article{ID: string(rune('a' + i)), Text: name})
			d.Entities = []sitrep.Entity{{Span: sitrep.Span{Start: 0, End: len(name)}, Text: name, Type: typ, Name: name}}
			for _, l := range e.Add(d) {
				if _, ok := e.Entity(l.Global); !ok {
					t.Fatalf("link to unknown entity %q", l.Global)
				}
			}
		}
	})
}

func TestEntitiesConcurrentUse(t *testing.T) {
	e := NewEntities()
	done := make(chan bool)
	for i := range 8 {
		go func() {
			defer func() { done <- true }()
			d := entDoc(t, string(rune('a'+i)), [3]string{"Geoff Garmany", "PERSON", "Geoff Garmany"}, [3]string{"Gharmani", "PERSON", "Gharmani"})
			for _, l := range e.Add(d) {
				e.Entity(l.Global)
				e.Lookup(l.Article, l.Local)
			}
		}()
	}
	for range 8 {
		<-done
	}
	if e.Len() != 1 {
		t.Errorf("%d entities from eight documents naming one person", e.Len())
	}
}

// A registry restored from the links of Add knows the names each article
// used, so aliases survive a restart.
func TestEntitiesRestoreKeepsAliases(t *testing.T) {
	e := NewEntities()
	links := e.Add(entDoc(t, "a", [3]string{"Geoff Garmany", "PERSON", "Geoff Garmany"}))
	links = append(links, e.Add(entDoc(t, "b", [3]string{"Gharmani", "PERSON", "Gharmani"}))...)
	restored := NewEntities()
	for _, l := range links {
		restored.Restore(l)
	}
	ent, ok := restored.Entity("person:geoff-garmany")
	if !ok || ent.Name != "Geoff Garmany" || !slices.Contains(ent.Aliases, "Gharmani") {
		t.Errorf("restored entity %+v, %v; want Geoff Garmany with alias Gharmani", ent, ok)
	}
}

// A registry restored from the links Add returned resolves the next
// article exactly as the registry that made them.
func TestEntitiesRestoreMatchesAdd(t *testing.T) {
	tests := []struct {
		name   string
		before [][3]string // one document each
		next   [3]string
	}{
		{"an abbreviation first, the full name after", [][3]string{{"U.S.", "LOC", "U.S."}}, [3]string{"United States", "LOC", "United States"}},
		{"a spelling variant after the full name", [][3]string{{"Geoff Garmany", "PERSON", "Geoff Garmany"}}, [3]string{"Gharmani", "PERSON", "Gharmani"}},
		{"a surname first, the full name after", [][3]string{{"Sheinbaum", "PERSON", "Sheinbaum"}}, [3]string{"Claudia Sheinbaum", "PERSON", "Claudia Sheinbaum"}},
		{"a full name first, the surname after", [][3]string{{"Claudia Sheinbaum", "PERSON", "Claudia Sheinbaum"}, {"Donald Trump", "PERSON", "Donald Trump"}}, [3]string{"Sheinbaum", "PERSON", "Sheinbaum"}},
		{"a transliteration", [][3]string{{"Tren de Aragua", "ORG", "Tren de Aragua"}}, [3]string{"Torren de Aragua", "ORG", "Torren de Aragua"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			live := NewEntities()
			var links []Link
			for i, ent := range tc.before {
				links = append(links, live.Add(entDoc(t, string(rune('a'+i)), ent))...)
			}
			restored := NewEntities()
			for _, l := range links {
				restored.Restore(l)
			}
			want := live.Add(entDoc(t, "next", tc.next))
			got := restored.Add(entDoc(t, "next", tc.next))
			if !slices.Equal(got, want) || live.Len() != restored.Len() {
				t.Errorf("restored registry: %+v (%d entities); live: %+v (%d entities)", got, restored.Len(), want, live.Len())
			}
		})
	}
}
