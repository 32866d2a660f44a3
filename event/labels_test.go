package event

import (
	"slices"
	"testing"
)

func TestKindsAreTheLabelsACLEDNames(t *testing.T) {
	kinds := Kinds()
	for i, k := range kinds {
		label, ok := Label(k.Type, k.Subtype)
		if !ok {
			t.Errorf("Kinds() gives %q/%q, which no label has", k.Type, k.Subtype)
			continue
		}
		if typ, sub, _ := ACLED(label); typ != k.Type || sub != k.Subtype {
			t.Errorf("%q/%q → %s → %q/%q", k.Type, k.Subtype, label, typ, sub)
		}
		if i > 0 && (kinds[i-1].Type > k.Type || kinds[i-1].Type == k.Type && kinds[i-1].Subtype >= k.Subtype) {
			t.Errorf("Kinds() out of order or repeated at %d: %v then %v", i, kinds[i-1], k)
		}
	}
	for _, want := range []Kind{{"Explosions/Remote violence", "Air/drone strike"}, {"Strategic developments", "Threat"}} {
		if !slices.Contains(kinds, want) {
			t.Errorf("Kinds() lacks %v", want)
		}
	}
	if slices.Contains(kinds, Kind{}) {
		t.Error("Kinds() holds an empty kind (a label outside ACLED's scope)")
	}
}
