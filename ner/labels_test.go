package ner

import (
	"reflect"
	"testing"
)

func TestToBILOU(t *testing.T) {
	per := func(p position) int { return label(0, p) }
	loc := func(p position) int { return label(2, p) }
	tests := []struct {
		tags []string
		want []int
	}{
		{[]string{"O", "B-PER", "O"}, []int{labelO, per(posU), labelO}},
		{[]string{"B-PER", "I-PER", "I-PER"}, []int{per(posB), per(posI), per(posL)}},
		{[]string{"B-PER", "B-PER"}, []int{per(posU), per(posU)}},
		{[]string{"B-PER", "I-PER", "B-LOC"}, []int{per(posB), per(posL), loc(posU)}},
		// An I- that continues nothing opens an entity, as conlleval reads it.
		{[]string{"O", "I-LOC", "I-LOC"}, []int{labelO, loc(posB), loc(posL)}},
		{[]string{"B-DATE"}, []int{labelO}}, // types the tagger does not know are outside
	}
	for _, tt := range tests {
		if got := toBILOU(tt.tags); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("toBILOU(%v) = %v, want %v", tt.tags, got, tt.want)
		}
	}
}

func TestTransitions(t *testing.T) {
	per := func(p position) int { return label(0, p) }
	org := func(p position) int { return label(1, p) }
	tests := []struct {
		a, b int
		want bool
	}{
		{labelO, per(posB), true},
		{labelO, per(posU), true},
		{labelO, per(posI), false}, // I must follow B or I
		{labelO, per(posL), false},
		{per(posB), per(posI), true},
		{per(posB), per(posL), true},
		{per(posB), labelO, false}, // an entity must be closed by L
		{per(posB), org(posL), false},
		{per(posL), org(posU), true},
		{per(posU), per(posU), true},
		{per(posI), per(posU), false},
	}
	for _, tt := range tests {
		if got := allowed[tt.a][tt.b]; got != tt.want {
			t.Errorf("allowed[%s][%s] = %v, want %v", labelName(tt.a), labelName(tt.b), got, tt.want)
		}
	}
	if allowedStart[per(posI)] || !allowedStart[per(posB)] || allowedEnd[per(posB)] || !allowedEnd[per(posL)] {
		t.Error("a sentence must open with O, B or U and close with O, L or U")
	}
}

func labelName(l int) string {
	if l == labelO {
		return "O"
	}
	return string("BILU"[labelPosition(l)]) + "-" + types[labelType(l)]
}
