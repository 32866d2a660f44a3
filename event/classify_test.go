package event

import "testing"

// TestClassify specifies the rules on snippets written for this test (none
// is in the development files): the more specific act wins, a protest is
// told apart by what was done to it, and what is said about an attack is
// not the attack.
func TestClassify(t *testing.T) {
	tests := []struct{ snippet, want string }{
		{"On 4 June, a suicide bomber detonated his vest at a market in Gao, killing 9 civilians.", "SUIC_BOMB"},
		{"A drone strike hit a house in Mogadishu. 3 fatalities.", "AIR_STRIKE"},
		{"Military forces clashed with JNIM militants near Dori. 5 fatalities.", "ARMED_CLASH"},
		{"Unidentified gunmen shot dead two farmers in their fields near Ouahigouya.", "ATTACK"},
		{"Police fired tear gas to disperse teachers protesting unpaid wages in Abidjan.", "PROTEST_WITH_INTER"},
		{"Soldiers opened fire on protesters demanding the release of a cleric in Kano, killing 4.", "FORCE_AGAINST_PROTEST"},
		{"Traders marched peacefully to the governor's office in Blantyre over new market fees.", "PEACE_PROTEST"},
		{"A roadside bomb exploded under a police vehicle in Kirkuk, wounding 2 officers.", "REM_EXPLOS"},
		{"The army shelled rebel positions around Sake overnight.", "ART_MISS_ATTACK"},
		{"Police arrested the leader of an opposition party in Conakry.", "ARREST"},
		{"Al Shabaab claimed responsibility for the bombing of a hotel in Kismayo.", "ATTRIB"},
		{"Soldiers defused a landmine planted on the road to Djibo.", "DISR_WEAP"},
		{"A cyclone made landfall in Mozambique, killing 30 people.", "NATURAL_DISASTER"},
	}
	for _, tt := range tests {
		if got := Classify(tt.snippet); got != tt.want {
			t.Errorf("Classify(%q) = %s, want %s", tt.snippet, got, tt.want)
		}
	}
}
