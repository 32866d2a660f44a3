package ner

// The tagger decodes BILOU labels (Begin, Inside, Last, Unit-length, Outside),
// which separate one-word names from the edges of longer ones and are known
// to tag better than BIO (Ratinov and Roth 2009); the API speaks BIO.

// Types are the entity types, in the order of label ids.
var types = [...]string{"PER", "ORG", "LOC", "MISC"}

const (
	nTypes  = len(types)
	nLabels = 1 + 4*nTypes // O, then B I L U for each type
	labelO  = 0
)

type position uint8

const (
	posB position = iota
	posI
	posL
	posU
)

func label(typ int, p position) int { return 1 + typ*4 + int(p) }

func labelType(l int) int          { return (l - 1) / 4 }
func labelPosition(l int) position { return position((l - 1) % 4) }

// allowed[a][b] says whether label b may follow label a.
// start[b] and end[a] say whether b may open a sentence and a close one.
var allowed, allowedStart, allowedEnd = transitions()

func transitions() (tr [nLabels][nLabels]bool, start, end [nLabels]bool) {
	opensOK := func(b int) bool { return b == labelO || labelPosition(b) == posB || labelPosition(b) == posU }
	closesOK := func(a int) bool { return a == labelO || labelPosition(a) == posL || labelPosition(a) == posU }
	for a := 0; a < nLabels; a++ {
		start[a] = opensOK(a)
		end[a] = closesOK(a)
		for b := 0; b < nLabels; b++ {
			switch {
			case closesOK(a):
				tr[a][b] = opensOK(b)
			default: // inside an entity: continue it with I or L of its type
				tr[a][b] = b != labelO && labelType(b) == labelType(a) &&
					(labelPosition(b) == posI || labelPosition(b) == posL)
			}
		}
	}
	return
}

// toBILOU converts BIO tags to label ids; unknown types become O.
func toBILOU(tags []string) []int {
	out := make([]int, len(tags))
	for i, t := range tags {
		typ := typeIndex(t)
		if typ < 0 {
			out[i] = labelO
			continue
		}
		begins := t[0] == 'B' || i == 0 || typeIndex(tags[i-1]) != typ
		ends := i+1 == len(tags) || tags[i+1][0] != 'I' || typeIndex(tags[i+1]) != typ
		switch {
		case begins && ends:
			out[i] = label(typ, posU)
		case begins:
			out[i] = label(typ, posB)
		case ends:
			out[i] = label(typ, posL)
		default:
			out[i] = label(typ, posI)
		}
	}
	return out
}

func typeIndex(tag string) int {
	if len(tag) < 3 || tag[1] != '-' {
		return -1
	}
	for i, t := range types {
		if tag[2:] == t {
			return i
		}
	}
	return -1
}

// bioTags holds the BIO tag of each label, so that Tag returns shared strings.
var bioTags = func() [nLabels]string {
	var out [nLabels]string
	out[labelO] = "O"
	for t, name := range types {
		out[label(t, posB)] = "B-" + name
		out[label(t, posU)] = "B-" + name
		out[label(t, posI)] = "I-" + name
		out[label(t, posL)] = "I-" + name
	}
	return out
}()
