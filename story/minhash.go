package story

import (
	"hash/fnv"
	"unicode"
	"unicode/utf8"
)

// MinHash over word shingles: the near-duplicate test of the index.
//
// Text is reduced to lower-case words (letters and digits; apostrophes
// inside a word and separators inside a number are dropped, every other
// character, quotes of any style included, separates words), so that typography
// and punctuation changes between outlets do not change the shingles. A
// shingle is mhShingle consecutive words; the signature keeps, for each of
// mhSize hash functions, the smallest hash over the article's shingles. The
// share of equal positions in two signatures estimates the Jaccard
// similarity of the two shingle sets (standard error sqrt(J(1-J)/mhSize):
// 0.04 at J = 0.6).
//
// The figures were chosen by measurement (TestShingleSizeSeparatesCopies,
// over the 73 AQUAINT reports and a copy of each with another headline and
// dateline, its middle paragraph cut and a credit line added): with 4-word
// shingles the copies score 0.84 on average and 72 of 73 are judged copies,
// while of 619 pairs of different reports of one story the highest scores
// 0.29 and the 99th percentile 0.05. Shorter shingles bring different
// reports closer (0.38 at 3 words, 0.58 at 1), longer ones lose copies.
const (
	mhShingle = 4
	mhSize    = 128
	// LSH banding: mhBands bands of mhRows rows. Two articles become
	// candidates when one band is equal; the probability 1-(1-J^r)^b is 0.99
	// at J = 0.6 and 0.35 at J = 0.3, so candidates are few and copies are
	// hardly ever missed.
	mhRows  = 4
	mhBands = mhSize / mhRows
	// mhMinShingles is the fewest shingles an article needs to be compared:
	// a few words shared say nothing of copying.
	mhMinShingles = 8
	// A text whose shingles are at least mhContained inside another's
	// (estimated from the Jaccard and the two sizes) is a copy too, when
	// the Jaccard is at least mhContainMinJ: four fifths of its text comes
	// from the other, the rest being a dateline, a credit line, a new top.
	mhContained   = 0.8
	mhContainMinJ = 0.3
)

// mhWords splits s into normalized words, calling fn for the FNV-64a hash of
// each.
func mhWords(s string, fn func(word uint64)) {
	const (
		offset = 14695981039346656037
		prime  = 1099511628211
	)
	h := uint64(offset)
	inWord := false
	var prev rune
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			r = unicode.ToLower(r)
			var buf [utf8.UTFMax]byte
			n := utf8.EncodeRune(buf[:], r)
			for _, b := range buf[:n] {
				h ^= uint64(b)
				h *= prime
			}
			inWord = true
			prev = r
			continue
		case inWord && isApostrophe(r) && i < len(s) && nextIsLetter(s[i:]):
			continue // "Mexico’s" and "Mexico's" are one word
		case inWord && (r == ',' || r == '.') && unicode.IsDigit(prev) && i < len(s) && nextIsDigit(s[i:]):
			continue // "1,200" is one number
		case inWord && r == '.' && unicode.IsLetter(prev) && i < len(s) && nextIsLetter(s[i:]):
			continue // "U.S." is "US"
		}
		if inWord {
			fn(h)
			h = offset
			inWord = false
		}
		prev = r
	}
	if inWord {
		fn(h)
	}
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' || r == '‘' }

func nextIsLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

func nextIsDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsDigit(r)
}

// mhSignature returns the MinHash signature of s's k-word shingles and how
// many shingles it has (counted with repeats, which is what costs time; the
// estimate is about sets). A text shorter than k words is one shingle.
func mhSignature(s string, k int) (sig []uint32, shingles int) {
	sig = make([]uint32, mhSize)
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	ring := make([]uint64, k)
	n := 0
	add := func(x uint64) {
		shingles++
		for i := range sig {
			// One 64-bit hash per shingle, then mhSize cheap, independent
			// mixes of it (splitmix64 of the hash plus the function's seed).
			v := uint32(mhMix(x+uint64(i)*0x9e3779b97f4a7c15) >> 32)
			if v < sig[i] {
				sig[i] = v
			}
		}
	}
	mhWords(s, func(w uint64) {
		ring[n%k] = w
		n++
		if n >= k {
			add(mhShingleHash(ring, n, k))
		}
	})
	if n > 0 && n < k {
		add(mhShingleHash(ring, n, n))
	}
	return sig, shingles
}

// mhShingleHash combines the last k words of the ring (n words read so far)
// in order.
func mhShingleHash(ring []uint64, n, k int) uint64 {
	h := uint64(0x84222325cbf29ce4)
	for j := n - k; j < n; j++ {
		h = mhMix(h ^ ring[j%len(ring)])
	}
	return h
}

// mhMix is splitmix64's finalizer: a bijection that spreads every input bit.
func mhMix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// mhJaccard estimates the Jaccard similarity of two signatures' shingle sets.
func mhJaccard(a, b []uint32) float64 {
	if len(a) != len(b) || len(a) == 0 {
		return 0
	}
	eq := 0
	for i := range a {
		if a[i] == b[i] {
			eq++
		}
	}
	return float64(eq) / float64(len(a))
}

// mhBandKeys returns the LSH bucket key of each band of sig; the band's
// number is mixed in so that equal rows in different bands do not collide.
func mhBandKeys(sig []uint32) []uint64 {
	if len(sig) != mhSize {
		return nil
	}
	keys := make([]uint64, mhBands)
	for b := range keys {
		h := fnv.New64a()
		var buf [4]byte
		buf[0] = byte(b)
		h.Write(buf[:1])
		for _, v := range sig[b*mhRows : (b+1)*mhRows] {
			buf[0], buf[1], buf[2], buf[3] = byte(v), byte(v>>8), byte(v>>16), byte(v>>24)
			h.Write(buf[:])
		}
		keys[b] = h.Sum64()
	}
	return keys
}
