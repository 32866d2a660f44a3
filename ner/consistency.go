package ner

// Rules applied after the second stage, where a curated list or the
// document itself is surer than the model:
//
//   - A known organization of two or more words, or a one-word misspelling
//     of one ("Torren de Aragua" for "Tren de Aragua"), is an organization,
//     unless the model found a name that straddles its edge.
//   - A capitalized word that is the surname of a person named in full
//     elsewhere in the document is that person when it stands alone:
//     "Donald Trump ... the Trump administration" tags "Trump" as a person,
//     as CoNLL-2003 does ("the Clinton administration").
func (t *Tagger) consistent(sentences [][]string, labels [][]int) {
	if t.f.lex == nil {
		return
	}
	var lower []string
	for i, words := range sentences {
		lower = lower[:0]
		for _, w := range words {
			lower = append(lower, lowerASCII(w))
		}
		for j := 0; j < len(words); j++ {
			upper := isUpperInitial(words[j])
			m := t.f.lex.org(lower[j:], upper)
			if m < 2 || !upper && !t.f.lex.orgs.lowerFirst(lower[j:j+m]) {
				continue
			}
			if straddles(labels[i], j, j+m) {
				continue
			}
			org := typeIndex("B-ORG")
			labels[i][j] = label(org, posB)
			for k := j + 1; k < j+m-1; k++ {
				labels[i][k] = label(org, posI)
			}
			labels[i][j+m-1] = label(org, posL)
			j += m - 1
		}
	}

	surnames := map[string]bool{}
	per := typeIndex("B-PER")
	for i, ls := range labels {
		for j, l := range ls {
			if l == label(per, posL) {
				surnames[sentences[i][j]] = true
			}
		}
	}
	if len(surnames) == 0 {
		return
	}
	for i, ls := range labels {
		for j, l := range ls {
			if (l == labelO || labelPosition(l) == posU) && surnames[sentences[i][j]] {
				ls[j] = label(per, posU)
			}
		}
	}
}

// straddles reports whether an entity in labels crosses the edge of the
// token range [from, to).
func straddles(labels []int, from, to int) bool {
	starts := func(l int) bool { return l == labelO || labelPosition(l) == posB || labelPosition(l) == posU }
	ends := func(l int) bool { return l == labelO || labelPosition(l) == posL || labelPosition(l) == posU }
	return !starts(labels[from]) || !ends(labels[to-1])
}

func isUpperInitial(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }

// lowerASCII lowercases ASCII letters only, allocating only when needed;
// the organization list is ASCII.
func lowerASCII(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' {
			b := []byte(w)
			for k := i; k < len(b); k++ {
				if b[k] >= 'A' && b[k] <= 'Z' {
					b[k] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return w
}
