package ner

// docStats is what the first stage found in a whole document: for each
// capitalized word, how often it was tagged as each type or left outside any
// name, and which words also occur in lower case. The second stage reads it
// as features, so that a name recognized with confidence in one sentence
// ("Claudia Sheinbaum said") helps label its repeats and its parts
// ("Sheinbaum", "SHEINBAUM" in a headline) — the non-local consistency of
// Krishnan and Manning (2006) and Ratinov and Roth (2009).
type docStats struct {
	counts map[string]*[nTypes + 1]int32 // by lowercased word; index nTypes counts "outside"
	// multi counts the word's places in names of two or more words, whose
	// type the first stage gets right more often ("Donald Trump" beside a
	// lone "Trump").
	multi map[string]*[nTypes]int32
	lower map[string]bool // lowercased words written in lower case somewhere
}

func newDocStats() *docStats {
	return &docStats{counts: map[string]*[nTypes + 1]int32{}, multi: map[string]*[nTypes]int32{}, lower: map[string]bool{}}
}

// add records one sentence of the document with its first-stage labels.
func (ds *docStats) add(info []tokenInfo, labels []int) {
	for i := range info {
		ti := &info[i]
		if !ti.upperInitial {
			if ti.lower != "" && !noLetters(ti.lower) {
				ds.lower[ti.lower] = true
			}
			continue
		}
		c := ds.counts[ti.lower]
		if c == nil {
			c = new([nTypes + 1]int32)
			ds.counts[ti.lower] = c
		}
		c[typeOf(labels[i])]++
		if l := labels[i]; l != labelO && labelPosition(l) != posU {
			m := ds.multi[ti.lower]
			if m == nil {
				m = new([nTypes]int32)
				ds.multi[ti.lower] = m
			}
			m[labelType(l)]++
		}
	}
}

// typeOf returns a label's entity type, or nTypes for outside.
func typeOf(l int) int {
	if l == labelO {
		return nTypes
	}
	return labelType(l)
}

func noLetters(s string) bool {
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r > 127 {
			return false
		}
	}
	return true
}

// appendFeatures adds the document features of one token, not counting the
// token's own first-stage label.
func (ds *docStats) appendFeatures(feats []uint64, ti *tokenInfo, own int) []uint64 {
	if !ti.upperInitial {
		return feats
	}
	if ds.lower[ti.lower] {
		feats = append(feats, mix(fDocLower))
	}
	if m := ds.multi[ti.lower]; m != nil {
		others := *m
		if own != labelO && labelPosition(own) != posU {
			others[labelType(own)]--
		}
		for t, n := range others {
			if n > 0 {
				feats = append(feats, feat(fDocMulti, uint64(t)))
			}
		}
	}
	c := ds.counts[ti.lower]
	if c == nil {
		return feats
	}
	others := *c
	others[typeOf(own)]--
	best, bestN := -1, int32(0)
	for t, n := range others[:nTypes] {
		if n > 0 {
			feats = append(feats, feat(fDocType, uint64(t)))
		}
		if n > bestN {
			best, bestN = t, n
		}
	}
	switch {
	case best >= 0:
		feats = append(feats, feat(fDocMajor, uint64(best)))
	case others[nTypes] > 0:
		feats = append(feats, mix(fDocNone))
	}
	return feats
}
