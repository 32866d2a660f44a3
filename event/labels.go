package event

import (
	"cmp"
	"slices"
)

// kind is what an event label stands for in ACLED's terms.
type kind struct {
	typ, subtype string
}

// Event types of ACLED, as Event.Type carries them.
const (
	typeBattles    = "Battles"
	typeExplosions = "Explosions/Remote violence"
	typeVAC        = "Violence against civilians"
	typeProtests   = "Protests"
	typeRiots      = "Riots"
	typeStrategic  = "Strategic developments"
)

// acled maps each CASE 2021 label, and the labels of the non-violent acts
// sitrep adds, to ACLED's event type and sub-event type. The CASE labels
// outside ACLED's scope (DIPLO, ATTRIB, ORG_CRIME and the disasters) have
// neither.
var acled = map[string]kind{
	"AIR_STRIKE":                    {typeExplosions, "Air/drone strike"},
	"ART_MISS_ATTACK":               {typeExplosions, "Shelling/artillery/missile attack"},
	"REM_EXPLOS":                    {typeExplosions, "Remote explosive/landmine/IED"},
	"GRENADE":                       {typeExplosions, "Grenade"},
	"SUIC_BOMB":                     {typeExplosions, "Suicide bomb"},
	"CHEM_WEAP":                     {typeExplosions, "Chemical weapon"},
	"ARMED_CLASH":                   {typeBattles, "Armed clash"},
	"GOV_REGAINS_TERIT":             {typeBattles, "Government regains territory"},
	"NON_STATE_ACTOR_OVERTAKES_TER": {typeBattles, "Non-state actor overtakes territory"},
	"ATTACK":                        {typeVAC, "Attack"},
	"ABDUCT_DISSAP":                 {typeVAC, "Abduction/forced disappearance"},
	"SEX_VIOL":                      {typeVAC, "Sexual violence"},
	"PEACE_PROTEST":                 {typeProtests, "Peaceful protest"},
	"PROTEST_WITH_INTER":            {typeProtests, "Protest with intervention"},
	"FORCE_AGAINST_PROTEST":         {typeProtests, "Excessive force against protesters"},
	"VIOL_DEMONSTR":                 {typeRiots, "Violent demonstration"},
	"MOB_VIOL":                      {typeRiots, "Mob violence"},
	"AGREEMENT":                     {typeStrategic, "Agreement"},
	"ARREST":                        {typeStrategic, "Arrests"},
	"CHANGE_TO_GROUP_ACT":           {typeStrategic, "Change to group/activity"},
	"DISR_WEAP":                     {typeStrategic, "Disrupted weapons use"},
	"HQ_ESTABLISHED":                {typeStrategic, "Headquarters or base established"},
	"PROPERTY_DISTRUCT":             {typeStrategic, "Looting/property destruction"},
	"NON_VIOL_TERRIT_TRANSFER":      {typeStrategic, "Non-violent transfer of territory"},
	"OTHER":                         {typeStrategic, "Other"},
	"DIPLO":                         {},
	"ATTRIB":                        {},
	"ORG_CRIME":                     {},
	"NATURAL_DISASTER":              {},
	"MAN_MADE_DISASTER":             {},
	// The acts of a conflict story that ACLED does not code as events.
	"THREAT":      {typeStrategic, "Threat"},
	"DESIGNATION": {typeStrategic, "Designation"},
	"DEPLOYMENT":  {typeStrategic, "Deployment"},
	"OPPOSITION":  {typeStrategic, "Opposition"},
}

// ACLED returns ACLED's event type and sub-event type for a CASE 2021
// label ("AIR_STRIKE" → "Explosions/Remote violence", "Air/drone strike"),
// or for one of sitrep's labels of non-violent acts (THREAT, DESIGNATION,
// DEPLOYMENT, OPPOSITION → "Strategic developments" and Threat,
// Designation, Deployment, Opposition). ok is false for a label it does not
// know; the CASE labels outside ACLED's scope (DIPLO, ATTRIB, ORG_CRIME,
// NATURAL_DISASTER, MAN_MADE_DISASTER) give ok true and empty strings.
func ACLED(label string) (typ, subtype string, ok bool) {
	k, ok := acled[label]
	return k.typ, k.subtype, ok
}

// Label returns the label whose ACLED type and sub-event type are typ and
// subtype: the inverse of ACLED. ok is false when no label has them.
func Label(typ, subtype string) (label string, ok bool) {
	if typ == "" && subtype == "" {
		return "", false
	}
	for l, k := range acled {
		if k.typ == typ && k.subtype == subtype {
			return l, true
		}
	}
	return "", false
}

// violent reports whether events with the label are acts of political
// violence (battles, explosions, violence against civilians, riots,
// repression of protests): those carry killed and wounded counts.
func violent(label string) bool {
	switch acled[label].typ {
	case typeBattles, typeExplosions, typeVAC, typeRiots:
		return true
	}
	return label == "FORCE_AGAINST_PROTEST"
}

// Kind is one ACLED event type and sub-event type.
type Kind struct{ Type, Subtype string }

// Kinds lists every ACLED event type and sub-event type the annotator
// gives, sorted by type then sub-event type: the choices a reviewer may
// correct an event to.
func Kinds() []Kind {
	var out []Kind
	for _, k := range acled {
		if k.typ != "" {
			out = append(out, Kind{k.typ, k.subtype})
		}
	}
	slices.SortFunc(out, func(a, b Kind) int { return cmp.Or(cmp.Compare(a.Type, b.Type), cmp.Compare(a.Subtype, b.Subtype)) })
	return out
}
