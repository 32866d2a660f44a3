package event

import (
	"strings"
	"testing"
)

// TestOpposedActs specifies the modality of an act of violence by what the
// sentence says of it, a statement of opposition included: opposing an
// act does not make it unreal, but "opposes such attacks" speaks of acts
// that have not happened.
func TestOpposedActs(t *testing.T) {
	tests := []struct {
		text, trigger, modality string
	}{
		{"Such attacks have killed 300 civilians.", "attacks", "occurred"},
		{"The UN opposed the airstrikes that killed 40 people.", "airstrikes", "occurred"},
		{"Villagers opposed the airstrikes, which destroyed 12 homes.", "airstrikes", "occurred"},
		{"Russia opposed the US airstrikes on Syria.", "airstrikes", "occurred"},
		{"Gunmen carry out an attack on a village.", "attack", "occurred"},
		{"Rebels wanted to end the siege after the attack on the town.", "attack", "occurred"},
		{"Residents who opposed the plan decried the attack on the clinic.", "attack", "occurred"},
		{"She opposes such attacks on her country's soil.", "attacks", "hypothetical"},
		{"The government opposes any airstrikes on the capital.", "airstrikes", "hypothetical"},
		{"The minister opposed such airstrikes in the north.", "airstrikes", "hypothetical"},
		{"I would be surprised if Trump really wanted to carry out an attack in Mexico.", "attack", "hypothetical"},
		{"Analysts said US attacks on Mexico are likely to be minimal.", "attacks", "hypothetical"},
		{"Officials said an attack is likely to follow.", "attack", "hypothetical"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			d := annotate(t, tt.text)
			e := eventAt(t, d, tt.text[:1], tt.trigger)
			if e.Modality != tt.modality {
				t.Errorf("modality %s, want %s; events: %s", e.Modality, tt.modality, describe(d))
			}
		})
	}
}

// TestOppositionStillFound keeps the statement of opposition itself: it is
// an event of its own, by whoever opposes.
func TestOppositionStillFound(t *testing.T) {
	d := annotate(t, "Claudia Sheinbaum said she opposes such attacks on her country's soil.")
	e := eventAt(t, d, "she opposes", "opposes")
	if e.Subtype != "Opposition" || e.Modality != "occurred" {
		t.Errorf("%s %s, want an Opposition that occurred", e.Subtype, e.Modality)
	}
	if a := eventAt(t, d, "such attacks", "attacks"); a.Actor != nil {
		t.Errorf("the opposed attacks have actor %q, want none", a.Actor.Name)
	}
}

// TestStrikeSense specifies when "strike" is an act of war and when a
// stoppage of work, which ACLED codes as a peaceful protest.
func TestStrikeSense(t *testing.T) {
	tests := []struct {
		text, context, subtype, cameo string
	}{
		{"Teachers will go on strike in Lagos.", "go on", "Peaceful protest", "143"},
		{"Nurses are on strike.", "on strike", "Peaceful protest", "143"},
		{"The union called a strike.", "called", "Peaceful protest", "143"},
		{"Bus drivers called a general strike over unpaid wages.", "called", "Peaceful protest", "143"},
		{"A strike by dock workers shut the port.", "A strike", "Peaceful protest", "143"},
		{"A US strike on a boat killed three people.", "US strike", "Air/drone strike", "195"},
		{"The army carried out a strike on rebel positions.", "a strike", "Air/drone strike", "195"},
		// In an article of war, "the strikes" are the war's.
		{"Troops shelled the town. The strikes lasted all night.", "The strikes", "Air/drone strike", "195"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			d := annotate(t, tt.text)
			var e *struct{ subtype, cameo string }
			for _, ev := range d.Events {
				if ev.Start >= indexOf(t, d.Text, tt.context) && (strings.HasSuffix(ev.Text, "strike") || strings.HasSuffix(ev.Text, "strikes")) {
					e = &struct{ subtype, cameo string }{ev.Subtype, ev.Cameo}
					break
				}
			}
			if e == nil {
				t.Fatalf("no strike event; events: %s", describe(d))
			}
			if e.subtype != tt.subtype || e.cameo != tt.cameo {
				t.Errorf("%s (CAMEO %s), want %s (CAMEO %s)", e.subtype, e.cameo, tt.subtype, tt.cameo)
			}
		})
	}
}

// TestStrikeWithoutContext gives no event for a strike the text does not
// say is one of war or of work.
func TestStrikeWithoutContext(t *testing.T) {
	d := annotate(t, "The strike lasted three days.")
	if len(d.Events) != 0 {
		t.Errorf("events: %s, want none", describe(d))
	}
}

// TestQuotedStrikeByHeadOfState keeps a head of state's "will we go on
// strike" a threatened strike by his government, even though "on strike"
// is otherwise what workers do.
func TestQuotedStrikeByHeadOfState(t *testing.T) {
	d := annotate(t, "“Will we go on strike in Venezuela? That’s fine,” US President Donald Trump told reporters.")
	e := eventAt(t, d, "Will we", "strike")
	if e.Subtype != "Air/drone strike" || e.Modality != "threatened" {
		t.Errorf("%s %s, want a threatened Air/drone strike; events: %s", e.Subtype, e.Modality, describe(d))
	}
	if e.Actor == nil || e.Actor.Name != "United States government" {
		t.Errorf("actor %+v, want the United States government", e.Actor)
	}
}

// TestAgentAfterBy ends the agent of "by" at its head: the verb of the
// clause is not part of it.
func TestAgentAfterBy(t *testing.T) {
	tests := []struct {
		text, trigger, actor string
	}{
		{"A strike by dock workers shut the port.", "strike", "dock workers"},
		{"An attack by gunmen left five people dead.", "attack", "gunmen"},
		{"An attack by armed men killed the village chief.", "attack", "armed men"},
		{"The bombing by militants destroyed the bridge.", "bombing", "militants"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			d := annotate(t, tt.text)
			e := eventAt(t, d, tt.text[:1], tt.trigger)
			if e.Actor == nil || e.Actor.Text != tt.actor {
				t.Errorf("actor %+v, want %q", e.Actor, tt.actor)
			}
		})
	}
}

// TestWordsOfDoingAreWholeWords keeps the verbs that decide how a noun
// phrase stands in its clause from matching other words that start like them.
func TestWordsOfDoingAreWholeWords(t *testing.T) {
	tests := []struct {
		word            string
		agent, nonAgent bool
	}{
		{"government", false, false},
		{"gold", false, false},
		{"leader", false, false},
		{"plane", false, false},
		{"settlement", false, false},
		{"terminal", false, false},
		{"los", false, false},
		{"launched", true, false},
		{"went", true, false},
		{"led", true, false},
		{"planned", true, false},
		{"setting", true, false},
		{"condemned", false, true},
		{"lost", false, true},
		{"termed", false, true},
	}
	for _, tt := range tests {
		if agentive[tt.word] != tt.agent || nonAgentive[tt.word] != tt.nonAgent {
			t.Errorf("%q: agentive %v, non-agentive %v; want %v, %v", tt.word,
				agentive[tt.word], nonAgentive[tt.word], tt.agent, tt.nonAgent)
		}
	}
}

func indexOf(tb testing.TB, s, sub string) int {
	tb.Helper()
	i := strings.Index(s, sub)
	if i < 0 {
		tb.Fatalf("%q not in %q", sub, s)
	}
	return i
}

// An act in the future tense is planned, negated when the future is; the
// "will" of another verb leaves an act that happened as it is.
func TestFutureActs(t *testing.T) {
	tests := []struct {
		text, trigger, modality string
		negated                 bool
	}{
		{"Teachers will go on strike in Lagos on Monday.", "strike", "planned", false},
		{"The army will launch airstrikes on rebel positions next week, officials said.", "airstrikes", "planned", false},
		{"The militia will not attack the town, its leader said.", "attack", "planned", true},
		{"The militia won't attack the town, its leader said.", "attack", "planned", true},
		{"Police said gunmen who will face trial killed three people in the market.", "killed", "occurred", false},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			e := eventAt(t, annotate(t, tc.text), tc.trigger, tc.trigger)
			if e.Modality != tc.modality || e.Negated != tc.negated {
				t.Errorf("%q: modality %s, negated %v; want %s, %v", e.Text, e.Modality, e.Negated, tc.modality, tc.negated)
			}
		})
	}
}
