package ner

// Rules applied after the second stage, where a curated list or the
// document itself is surer than the model:
//
//   - A known organization of two or more words, or a one-word misspelling
//     of one ("Torren de Aragua" for "Tren de Aragua"), is an organization,
//     unless the model found a name that straddles its edge.
//   - A name does not end in a lower-case word: "Trump administration" is
//     cut to "Trump" (CoNLL-2003 names never end so; connectors such as
//     "de" or "of" sit inside names, not at their end).
//   - A capitalized word that is the surname of a person named in full
//     elsewhere in the document is that person when it stands alone, unless
//     the model took it for a place that is a country or region:
//     "Donald Trump ... the Trump administration" tags "Trump" as a person,
//     as CoNLL-2003 does ("the Clinton administration").
//   - A one-word name opening a sentence is dropped when nothing but its
//     capital says it is a name: it is a common English word, capitalized
//     nowhere else in the document but at sentence starts, and no word list
//     knows it as a place, organization, people or given name ("Cocaine,
//     heroin, methamphetamine, fentanyl.").
//
// forms holds each word as the features saw it (lowercased, digits folded;
// capitalized or not), so that the rules and the features read the word
// lists alike.
func (t *Tagger) consistent(sentences [][]string, forms [][]form, labels [][]int) {
	if t.f.lex == nil {
		return
	}
	t.dropCapitalizedWords(sentences, forms, labels)
	for i, words := range sentences {
		cutLowercaseTails(words, labels[i])
	}
	var lower []string
	for i, words := range sentences {
		lower = lower[:0]
		for _, f := range forms[i] {
			lower = append(lower, f.lower)
		}
		for j := 0; j < len(words); j++ {
			upper := forms[i][j].upper
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
	loc := typeIndex("B-LOC")
	for i, ls := range labels {
		for j, l := range ls {
			if l != labelO && labelPosition(l) != posU || !surnames[sentences[i][j]] {
				continue
			}
			// A country or region keeps its place ("Michael Jordan ...
			// travelled to Jordan"; "Denzel Washington ... talks in
			// Washington").
			if l == label(loc, posU) && t.f.lex.isCountryOrRegion(sentences[i][j]) {
				continue
			}
			ls[j] = label(per, posU)
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

// form is a word as the features saw it.
type form struct {
	lower string // lowercased, digits folded to 0 (tokenInfo.lower)
	upper bool   // starts with a capital
}

// forms describes the words of a sentence as the features do.
func forms(words []string) []form {
	out := make([]form, len(words))
	var buf []byte
	for i, w := range words {
		var ti tokenInfo
		ti, buf = describe(w, buf)
		out[i] = form{ti.lower, ti.upperInitial}
	}
	return out
}

func (t *Tagger) dropCapitalizedWords(sentences [][]string, forms [][]form, labels [][]int) {
	lx := t.f.lex
	// Words capitalized somewhere other than at a sentence start, or within
	// a longer name.
	named := map[string]bool{}
	for i, words := range sentences {
		for j, w := range words {
			if j > 0 && forms[i][j].upper || labels[i][j] != labelO && labelPosition(labels[i][j]) != posU {
				named[w] = true
			}
		}
	}
	for i, words := range sentences {
		if len(words) < 2 || labels[i][0] == labelO || labelPosition(labels[i][0]) != posU {
			continue
		}
		w := words[0]
		lower := forms[i][0].lower
		if named[w] || lx.wordClass(lower) == 0 || lx.wordClass(lower) > 35 {
			continue
		}
		if n, _ := lx.places(words[:1]); n > 0 || lx.org([]string{lower}, true) > 0 || lx.demonym(w) || lx.givenName(w) {
			continue
		}
		labels[i][0] = labelO
	}
}

// cutLowercaseTails shortens entities whose last words are lower case.
func cutLowercaseTails(words []string, labels []int) {
	for j := 0; j < len(labels); j++ {
		l := labels[j]
		if l == labelO || labelPosition(l) != posB {
			continue
		}
		end := j
		for end < len(labels) && labelPosition(labels[end]) != posL {
			end++
		}
		if end == len(labels) {
			return // malformed; leave it
		}
		last := end
		for last > j && isLowerWord(words[last]) {
			labels[last] = labelO
			last--
		}
		typ := labelType(l)
		switch {
		case last == j:
			labels[j] = label(typ, posU)
		case last < end:
			labels[last] = label(typ, posL)
		}
		j = end
	}
}

func isLowerWord(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}
