package event

import (
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/eval"
	"github.com/sitrep/sitrep/internal/shareddata"
	"github.com/sitrep/sitrep/ner"
	"github.com/sitrep/sitrep/text"
)

// TestAQUAINT runs the annotator over the AQUAINT TimeML articles (AP, NYT
// and Xinhua reports of the August 1998 embassy bombings in Nairobi and Dar
// es Salaam and of the US missile strikes on Afghanistan and Sudan), when
// the gold data is present, and checks properties any reader of them would
// expect: the bombings are found as explosions with death tolls, and the
// strikes of 20 August (one AP report tells of them) as missile or air
// strikes by the United States on Afghanistan or Sudan.
func TestAQUAINT(t *testing.T) {
	if testing.Short() {
		t.Skip("annotates 73 articles")
	}
	docs, err := eval.ReadTimeMLDir(shareddata.Path(t, "timex/tbaq/AQUAINT"))
	if err != nil {
		t.Fatal(err)
	}
	annotators := append(append([]sitrep.Annotator{text.Annotator{}, ner.Annotator{}}, before...), Annotator{})
	var bombingsWithToll, usStrikes, events int
	for _, g := range docs {
		d := sitrep.NewDoc(sitrep.Article{Text: g.Text, Published: g.DCT})
		for _, a := range annotators {
			if err := a.Annotate(d); err != nil {
				t.Fatalf("%s: %s: %v", g.ID, a.Name(), err)
			}
		}
		checkInvariants(t, d)
		events += len(d.Events)
		for _, e := range d.Events {
			trigger := strings.ToLower(e.Text)
			if e.Type == "Explosions/Remote violence" && strings.Contains(trigger, "bomb") && hasCount(d, &e, "killed", 10) {
				bombingsWithToll++
			}
			if (e.Subtype == "Shelling/artillery/missile attack" || e.Subtype == "Air/drone strike") &&
				e.Actor != nil && e.Actor.Name == "United States government" && e.Modality == "occurred" &&
				(e.Place != nil && (d.Places[*e.Place].Name == "Afghanistan" || d.Places[*e.Place].Name == "Sudan") ||
					e.Place == nil && e.Aggregate && placesAfter(d, &e, "Afghanistan", "Sudan")) {
				// The strikes on both countries told at once are one
				// aggregate event at no single place.
				usStrikes++
			}
		}
	}
	t.Logf("%d articles, %d events; %d bombings with a toll of ten or more, %d US strikes on Afghanistan or Sudan (or both)",
		len(docs), events, bombingsWithToll, usStrikes)
	if bombingsWithToll < 5 {
		t.Errorf("%d bombings with a death toll of ten or more, want at least 5", bombingsWithToll)
	}
	if usStrikes < 2 {
		t.Errorf("%d strikes by the United States government on Afghanistan or Sudan, want at least 2", usStrikes)
	}
}

// placesAfter reports whether every one of names is a place of d in the
// event's sentence after its trigger.
func placesAfter(d *sitrep.Doc, e *sitrep.Event, names ...string) bool {
	end := len(d.Text)
	for _, s := range d.Sentences {
		if s.Start <= e.Start && e.Start < s.End {
			end = s.End
		}
	}
	for _, n := range names {
		found := false
		for _, p := range d.Places {
			found = found || p.Name == n && p.Start >= e.End && p.End <= end
		}
		if !found {
			return false
		}
	}
	return true
}
