package event

import (
	"testing"
)

// TestReferences specifies how events a sentence only mentions are read:
// a noun phrase recalling an earlier act does not take the time or the
// subject of the clause around it, a plural noun over several places is an
// aggregate at no single place, a dateline or a bystander is no actor, and a
// head of state speaking as "we" acts for the state. The articles are
// dated Tuesday 18 November 2025.
func TestReferences(t *testing.T) {
	tests := []struct {
		name, text, context, trigger string
		actor                        string // Name; "" for none
		place, time                  string // texts; "" for none
		aggregate                    bool
	}{
		{name: "a condemnation's day is not the bombing's",
			text:    "The Security Council condemned the bombing of the U.S. embassies in Kenya and Tanzania on Tuesday.",
			trigger: "bombing", aggregate: true},
		{name: "the day before the clause's verb is not the bombing's either",
			text:    "President Joseph Estrada on Tuesday condemned the bombing in Nairobi.",
			trigger: "bombing", place: "Nairobi"},
		{name: "a time within the phrase is its own",
			text:    "Officials recalled last week's bombing in Nairobi.",
			trigger: "bombing", place: "Nairobi", time: "last week"},
		{name: "a recalled bombing keeps an earlier time after it",
			text:    "Police questioned two men about the bombing of the embassy last month.",
			trigger: "bombing", time: "last month"},
		{name: "a bombing that opens its clause keeps its time",
			text:    "In all, the bombings in Kenya and Tanzania last week claimed at least 217 lives.",
			trigger: "bombings", time: "last week", aggregate: true},
		{name: "a plural over two countries is an aggregate at no place",
			text:    "Two bombs exploded outside U.S. embassies in Kenya and Tanzania, killing at least 81 people.",
			trigger: "exploded", aggregate: true},
		{name: "a plural at one place keeps it",
			text:    "The attacks in Kabul killed 12 people.",
			trigger: "attacks", place: "Kabul", aggregate: true},
		{name: "the dateline is no actor",
			text:    "DAR ES SALAAM, Tanzania (AP) _ A bomb exploded outside the U.S. Embassy on Monday.",
			context: "A bomb", trigger: "exploded", time: "Monday"},
		{name: "a visitor is no actor",
			text:    "U.S. Secretary of State Madeleine Albright paid tribute on Tuesday to bombing victims in Nairobi.",
			trigger: "bombing", place: "Nairobi"},
		{name: "the wounded are no actor",
			text:    "Ambassador Prudence Bushnell was cut on her lip in the blast.",
			trigger: "blast"},
		{name: "a mourner is no actor",
			text:    "Bill Clinton mourned the victims of the bombing.",
			trigger: "bombing"},
		{name: "a doer of an act named by a noun is its actor",
			text:    "U.S. forces on Thursday launched cruise missile strikes against camps in Afghanistan.",
			trigger: "cruise missile strikes", actor: "United States government", place: "Afghanistan", time: "Thursday", aggregate: true},
		{name: "a head of state speaking as we acts for the state",
			text:    "“Will we go on strike in Mexico?” US President Donald Trump told reporters.",
			trigger: "strike", actor: "United States government", place: "Mexico"},
		{name: "a president of a country named after him",
			text:    "President Yoweri Museveni of Uganda spoke in Kampala. “We will attack the rebels tomorrow,” Museveni told reporters.",
			context: "“We", trigger: "attack", actor: "Uganda government", time: "tomorrow"},
		{name: "anyone else speaking as we stays themself",
			text:    "“We will attack the town tomorrow,” said rebel spokesman John Smith.",
			trigger: "attack", actor: "John Smith", time: "tomorrow"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := annotate(t, tt.text)
			context := tt.context
			if context == "" {
				context = tt.text[:1]
			}
			e := eventAt(t, d, context, tt.trigger)
			actor, place, tm := "", "", ""
			if e.Actor != nil {
				actor = e.Actor.Name
			}
			if e.Place != nil {
				place = d.Places[*e.Place].Text
			}
			if e.Time != nil {
				tm = d.Times[*e.Time].Text
			}
			if actor != tt.actor || place != tt.place || tm != tt.time || e.Aggregate != tt.aggregate {
				t.Errorf("actor %q, place %q, time %q, aggregate %v; want %q, %q, %q, %v",
					actor, place, tm, e.Aggregate, tt.actor, tt.place, tt.time, tt.aggregate)
			}
		})
	}
}
