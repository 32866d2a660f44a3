package event

import (
	"bufio"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/annotatetest"
	"github.com/sitrep/sitrep/internal/shareddata"
)

// TestSeed checks the events issue 5 asks of the seed article.
func TestSeed(t *testing.T) {
	d := annotate(t, annotatetest.SeedText(t))

	t.Run("the strike campaign", func(t *testing.T) {
		e := eventAt(t, d, "The White House has launched", "airstrikes")
		if e.Subtype != "Air/drone strike" || e.Plover != "ASSAULT" || e.Cameo != "195" {
			t.Errorf("typed %s / %s / %s", e.Subtype, e.Plover, e.Cameo)
		}
		if e.Modality != "occurred" || e.Negated || !e.Aggregate {
			t.Errorf("modality %s, negated %v, aggregate %v; want occurred, a campaign", e.Modality, e.Negated, e.Aggregate)
		}
		if !hasCount(d, e, "strikes", 20) || !hasCount(d, e, "killed", 80) {
			t.Errorf("counts %q, want ≥20 strikes and ≥80 killed", countsOf(d, e))
		}
		if e.Place == nil || d.Places[*e.Place].Kind != "sea" {
			t.Errorf("place %v, want a sea", e.Place)
		}
		if e.Evidence != "none_public" {
			t.Errorf("evidence %q, want none_public", e.Evidence)
		}
		if e.Actor == nil || e.Actor.Name != "United States government" || e.Actor.Text != "White House" {
			t.Errorf("actor %+v, want the White House as the United States government", e.Actor)
		}
		if e.Time == nil || d.Times[*e.Time].From != "2025-09" {
			t.Errorf("time %v, want the range since September", e.Time)
		}
	})

	t.Run("the threatened strike in Mexico", func(t *testing.T) {
		e := eventAt(t, d, "Will we go on strike", "strike")
		if e.Modality != "threatened" {
			t.Errorf("modality %s, want threatened", e.Modality)
		}
		// The president speaking as "we" acts for his government, so the
		// threat links to the government's strikes.
		if e.Actor == nil || e.Actor.Key != "person:donald trump" || e.Actor.Name != "United States government" {
			t.Errorf("actor %+v, want Donald Trump acting as the US government", e.Actor)
		}
		if e.Place == nil || d.Places[*e.Place].Name != "Mexico" {
			t.Errorf("place %v, want Mexico", e.Place)
		}
	})

	t.Run("the planned ground operation", func(t *testing.T) {
		e := eventAt(t, d, "the White House was preparing", "ground operation")
		if e.Modality != "planned" {
			t.Errorf("modality %s, want planned", e.Modality)
		}
		if e.Sourcing == nil {
			t.Fatal("no sourcing")
		}
		at := d.Sourcing[*e.Sourcing]
		if at.Source.Name != "NBC" || len(at.Cites) != 1 || !at.Cites[0].Anonymous || at.Cites[0].Count == nil || *at.Cites[0].Count != 2 {
			t.Errorf("sourcing %+v, want NBC citing two anonymous officials", at)
		}
		if e.Place == nil || d.Places[*e.Place].Name != "Mexico" {
			t.Errorf("place %v, want Mexico", e.Place)
		}
	})

	t.Run("the designation of six cartels", func(t *testing.T) {
		e := eventAt(t, d, "These include designating", "designating")
		if e.Type != "Strategic developments" || e.Subtype != "Designation" || e.Plover != "COERCE" || e.Cameo != "172" {
			t.Errorf("typed %s / %s / %s / %s", e.Type, e.Subtype, e.Plover, e.Cameo)
		}
		if len(e.Counts) != 1 || d.Quantities[e.Counts[0]].Text != "six drug cartels" {
			t.Errorf("counts %q, want the six cartels", countsOf(d, e))
		}
	})

	t.Run("Sheinbaum's opposition to attacks that have not happened", func(t *testing.T) {
		opp := eventAt(t, d, "she opposes", "opposes")
		if opp.Subtype != "Opposition" || opp.Actor == nil || opp.Actor.Key != "person:claudia sheinbaum" {
			t.Errorf("opposition %+v, want one by Claudia Sheinbaum", opp)
		}
		att := eventAt(t, d, "she opposes", "attacks")
		if att.Modality != "hypothetical" || att.Actor != nil {
			t.Errorf("the opposed attack: modality %s, actor %+v; want hypothetical, no actor", att.Modality, att.Actor)
		}
	})

	t.Run("no event where none is told", func(t *testing.T) {
		for _, e := range d.Events {
			switch strings.ToLower(e.Text) {
			case "war", "war-like", "stunt", "conflict", "action", "killing":
				t.Errorf("event on %q at %d", e.Text, e.Start)
			}
			if e.Modality == "occurred" && e.Subtype == "Attack" {
				t.Errorf("an attack told as having occurred at %d %q: every attack in the seed is possible, opposed or threatened", e.Start, e.Text)
			}
		}
	})
}

// TestSentences specifies the rules on sentences written for this test in
// the style of wire reports.
func TestSentences(t *testing.T) {
	tests := []struct {
		name, text, trigger string
		subtype, modality   string
		negated             bool
		actor               string // Name; "" for none
		place, time         string // the texts of Place and Time; "" for none
		counts              []string
		evidence            string
		sourced             bool
	}{
		{name: "suicide bombing beats the killing it caused",
			text:    "A suicide bomber blew himself up at a crowded market in Maiduguri on Friday, killing at least 12 civilians and wounding 30 others, police said.",
			trigger: "suicide bomber", subtype: "Suicide bomb", modality: "occurred", place: "Maiduguri", time: "Friday",
			counts: []string{"at least 12 civilians", "30 others"}, sourced: true},
		{name: "protest dispersed with tear gas",
			text:    "Police fired tear gas to disperse hundreds of protesters in Nairobi on Tuesday.",
			trigger: "protesters", subtype: "Protest with intervention", modality: "occurred", actor: "Police",
			place: "Nairobi", time: "Tuesday", counts: []string{"hundreds of protesters"}},
		{name: "arrest",
			text:    "Security forces arrested 15 suspected militants in Kano on Sunday, the army said.",
			trigger: "arrested", subtype: "Arrests", modality: "occurred", actor: "Security forces",
			place: "Kano", time: "Sunday", counts: []string{"15 suspected militants"}, sourced: true},
		{name: "denial",
			text:    "The Rapid Support Forces denied carrying out the attack on the camp, which killed 40 people.",
			trigger: "attack", subtype: "Attack", modality: "denied", actor: "Rapid Support Forces",
			counts: []string{"40 people"}},
		{name: "negation",
			text:    "The army did not strike the village, officials said.",
			trigger: "strike", subtype: "Air/drone strike", modality: "occurred", negated: true, actor: "army", sourced: true},
		{name: "threat to attack",
			text:    "The militia threatened to attack the town if troops did not withdraw.",
			trigger: "attack", subtype: "Attack", modality: "threatened", actor: "militia"},
		{name: "reported but unconfirmed",
			text:    "Rebels reportedly shelled the town of Goma overnight.",
			trigger: "shelled", subtype: "Shelling/artillery/missile attack", modality: "unconfirmed", actor: "Rebels", place: "Goma"},
		{name: "responsibility claimed",
			text:    "The Islamic State claimed responsibility for the bombing in Kabul.",
			trigger: "bombing", subtype: "Remote explosive/landmine/IED", modality: "occurred", actor: "Islamic State",
			place: "Kabul", evidence: "confirmed", sourced: true},
		{name: "a state's seat stands for its government",
			text:    "The Kremlin ordered new missile strikes on Kyiv on Monday.",
			trigger: "missile strikes", subtype: "Shelling/artillery/missile attack", modality: "occurred",
			actor: "Russian government", place: "Kyiv", time: "Monday"},
		{name: "deployment",
			text:    "The Pentagon deployed two warships to the Caribbean last month.",
			trigger: "deployed", subtype: "Deployment", modality: "occurred", actor: "United States government",
			place: "Caribbean", time: "last month"},
		{name: "evidence shown",
			text:    "The group released video of the attack on a convoy in Mali.",
			trigger: "attack", subtype: "Attack", modality: "occurred", actor: "group", place: "Mali", evidence: "documented"},
		{name: "evidence in the next sentence",
			text:    "Israeli jets carried out an airstrike on a house in Rafah on Sunday. The army offered no evidence for its claim.",
			trigger: "airstrike", subtype: "Air/drone strike", modality: "occurred", actor: "Israeli government",
			place: "Rafah", time: "Sunday", evidence: "none_public"},
		{name: "a plan",
			text:    "The government plans to launch airstrikes on rebel positions next week.",
			trigger: "airstrikes", subtype: "Air/drone strike", modality: "planned", actor: "government", time: "next week"},
		{name: "a threat in the speaker's own words",
			text:    "“We will attack the town tomorrow,” the rebel commander told reporters.",
			trigger: "attack", subtype: "Attack", modality: "threatened", actor: "rebel commander", time: "tomorrow", sourced: true},
		{name: "responsibility claimed for the attack itself",
			text:    "The group claimed the attack on a market in Mopti, which killed 9 people.",
			trigger: "attack", subtype: "Attack", modality: "occurred", actor: "group", place: "Mopti",
			counts: []string{"9 people"}, evidence: "confirmed", sourced: true},
		{name: "a claim of a toll",
			text:    "Officials claimed that 20 militants died in the strike.",
			trigger: "strike", subtype: "Air/drone strike", modality: "occurred", counts: []string{"20 militants"},
			evidence: "claimed", sourced: true},
		{name: "a condition",
			text:    "Officials said an attack could follow if talks fail.",
			trigger: "attack", subtype: "Attack", modality: "hypothetical", sourced: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := annotate(t, tt.text)
			e := eventAt(t, d, tt.text[:1], tt.trigger)
			if e.Subtype != tt.subtype || e.Modality != tt.modality || e.Negated != tt.negated {
				t.Errorf("%s %s negated=%v, want %s %s negated=%v", e.Subtype, e.Modality, e.Negated, tt.subtype, tt.modality, tt.negated)
			}
			actor := ""
			if e.Actor != nil {
				actor = e.Actor.Name
			}
			if actor != tt.actor {
				t.Errorf("actor %q, want %q", actor, tt.actor)
			}
			place, tm := "", ""
			if e.Place != nil {
				place = d.Places[*e.Place].Text
			}
			if e.Time != nil {
				tm = d.Times[*e.Time].Text
			}
			if place != tt.place || tm != tt.time {
				t.Errorf("place %q, time %q; want %q, %q", place, tm, tt.place, tt.time)
			}
			if got := countsOf(d, e); strings.Join(got, "|") != strings.Join(tt.counts, "|") {
				t.Errorf("counts %q, want %q", got, tt.counts)
			}
			if e.Evidence != tt.evidence {
				t.Errorf("evidence %q, want %q", e.Evidence, tt.evidence)
			}
			if (e.Sourcing != nil) != tt.sourced {
				t.Errorf("sourcing %v, want sourced=%v", e.Sourcing, tt.sourced)
			}
		})
	}
}

// TestNoEvent lists words that look like events and are not.
func TestNoEvent(t *testing.T) {
	for _, s := range []string{
		"The president described the situation as war-like.",
		"It would be more of a PR stunt than anything else.",
		"The concept was first coined during the war on terror.",
		"Cartels were killing thousands of people with drugs.",
		"The vote is due in March.",
		"He designated a new spokesman for the ministry.",
		"The Strike Force Unit held a press conference.",
	} {
		if d := annotate(t, s); len(d.Events) > 0 {
			t.Errorf("%q: events %s", s, describe(d))
		}
	}
}

func TestACLEDLabels(t *testing.T) {
	for _, l := range caseLabels {
		typ, sub, ok := ACLED(l)
		if !ok {
			t.Errorf("%s: not mapped", l)
			continue
		}
		if typ == "" {
			continue // outside ACLED's scope
		}
		if back, ok := Label(typ, sub); !ok || back != l {
			t.Errorf("%s → %s / %s → %s", l, typ, sub, back)
		}
	}
	if _, _, ok := ACLED("STRIKE"); ok {
		t.Error("an unknown label is mapped")
	}
	if typ, sub, _ := ACLED("DESIGNATION"); typ != "Strategic developments" || sub != "Designation" {
		t.Errorf("DESIGNATION → %s / %s", typ, sub)
	}
}

// TestLexiconMatchesCAMEOMap checks lexicon/cameo.tsv against the
// CAMEO→PLOVER table of the PLOVER manual, when the gold data is present.
func TestLexiconMatchesCAMEOMap(t *testing.T) {
	f, err := os.Open(shareddata.Path(t, "events/CAMEO2PLOVER-2021.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	row := regexp.MustCompile(`^(\d+):\s*([A-Z]+)`)
	want := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if m := row.FindStringSubmatch(sc.Text()); m != nil {
			if _, seen := want[m[1]]; !seen {
				want[m[1]] = m[2]
			}
		}
	}
	for code, plover := range lexOf().plover {
		if want[code] != plover {
			t.Errorf("CAMEO %s: %s in cameo.tsv, %s in the PLOVER table", code, plover, want[code])
		}
	}
}

// TestTargets specifies what an event is done to, and how the target
// decides between a battle and violence against civilians.
func TestTargets(t *testing.T) {
	tests := []struct {
		text, trigger, target, subtype string
	}{
		{"Gunmen attacked a police checkpoint in Kano on Sunday.", "attacked", "police checkpoint", "Armed clash"},
		{"Gunmen attacked a village near Kano on Sunday.", "attacked", "village", "Attack"},
		{"Three soldiers were killed near Gao on Monday.", "killed", "Three soldiers", "Armed clash"},
		{"Police arrested 15 suspected militants in Kano.", "arrested", "15 suspected militants", "Arrests"},
		{"The Kremlin ordered new missile strikes on Kyiv.", "missile strikes", "Kyiv", "Shelling/artillery/missile attack"},
		{"The army shelled the town overnight.", "shelled", "town", "Shelling/artillery/missile attack"},
		{"The army did not strike the village.", "strike", "", "Air/drone strike"},
		{"Troops clashed with rebels of the M23 near Goma.", "clashed", "rebels", "Armed clash"},
		// "on" before a time tells when, not whom; the passive subject is the target.
		{"He was arrested on June 27 near his parents' Algiers home.", "arrested", "He", "Arrests"},
		{"Gunmen attacked on Sunday a village near Kano.", "attacked", "", "Attack"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			d := annotate(t, tt.text)
			e := eventAt(t, d, tt.text[:1], tt.trigger)
			target := ""
			if e.Target != nil {
				target = e.Target.Text
			}
			if target != tt.target || e.Subtype != tt.subtype {
				t.Errorf("target %q, %s; want %q, %s", target, e.Subtype, tt.target, tt.subtype)
			}
		})
	}
}
