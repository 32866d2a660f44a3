package ner

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// model is a trained linear model over BILOU labels: a weight row per feature
// hash and a transition matrix, decoded with Viterbi.
type model struct {
	trans      [nLabels][nLabels]float32
	start, end [nLabels]float32

	// Open-addressing table from feature hash to weight row. Empty slots
	// have key 0 (no feature hashes to 0 in practice; one that did would
	// simply be ignored). Weights are int16 times scale: a row of 17 fits a
	// cache line, and sums are exact integer additions.
	slots []slot
	mask  uint64
	w     []int16 // nLabels per row
	scale float32
}

type slot struct {
	key uint64
	row uint32
}

// newModel quantizes the weight rows (len(w) == len(hashes)*nLabels) to
// int16 with one scale and builds the lookup table.
func newModel(hashes []uint64, w []float32) *model {
	var maxAbs float32
	for _, v := range w {
		maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	q := make([]int16, len(w))
	for i, v := range w {
		q[i] = int16(math.Round(float64(v / scale)))
	}
	return newQuantized(hashes, q, scale)
}

func newQuantized(hashes []uint64, w []int16, scale float32) *model {
	size := 1
	for size < 2*len(hashes)+1 {
		size <<= 1
	}
	m := &model{slots: make([]slot, size), mask: uint64(size - 1), w: w, scale: scale}
	for r, h := range hashes {
		if h == 0 {
			continue
		}
		i := h & m.mask
		for m.slots[i].key != 0 {
			i = (i + 1) & m.mask
		}
		m.slots[i] = slot{h, uint32(r)}
	}
	return m
}

// row returns the weights of feature h, or nil if the model has none.
func (m *model) row(h uint64) []int16 {
	for i := h & m.mask; ; i = (i + 1) & m.mask {
		switch s := m.slots[i]; s.key {
		case h:
			r := int(s.row) * nLabels
			return m.w[r : r+nLabels : r+nLabels]
		case 0:
			return nil
		}
	}
}

// emissions fills sc[i] with the label scores of token i.
func (m *model) emissions(s *scratch, sc [][nLabels]float32) {
	for i := range sc {
		var sum [nLabels]int32
		for _, h := range s.feats[s.start[i]:s.start[i+1]] {
			if r := m.row(h); r != nil {
				addRow(&sum, r)
			}
		}
		scaleRow(&sc[i], &sum, m.scale)
	}
}

func addRow(sum *[nLabels]int32, r []int16) {
	r = r[:nLabels]
	for l := range nLabels {
		sum[l] += int32(r[l])
	}
}

func scaleRow(dst *[nLabels]float32, sum *[nLabels]int32, scale float32) {
	for l := range nLabels {
		dst[l] = float32(sum[l]) * scale
	}
}

// joint is one lookup table for the features of both stages: the first
// pass over a document finds each feature's rows in both with one probe.
type joint struct {
	slots []jointSlot
	mask  uint64
}

type jointSlot struct {
	key    uint64
	r1, r2 uint32 // row+1 in each stage's weights; 0 when the stage lacks the feature
}

func newJoint(m1, m2 *model) *joint {
	// The union of the two stages' features is at most n; a table of 1.5n
	// slots or more keeps probes short and the table small enough to stay
	// mostly in cache.
	n := (len(m1.w) + len(m2.w)) / nLabels
	size := 1
	for size < n+n/2+1 {
		size <<= 1
	}
	j := &joint{slots: make([]jointSlot, size), mask: uint64(size - 1)}
	for stage, m := range []*model{m1, m2} {
		for _, s := range m.slots {
			if s.key == 0 {
				continue
			}
			i := s.key & j.mask
			for j.slots[i].key != 0 && j.slots[i].key != s.key {
				i = (i + 1) & j.mask
			}
			j.slots[i].key = s.key
			if stage == 0 {
				j.slots[i].r1 = s.row + 1
			} else {
				j.slots[i].r2 = s.row + 1
			}
		}
	}
	return j
}

func (j *joint) get(h uint64) (r1, r2 uint32) {
	for i := h & j.mask; ; i = (i + 1) & j.mask {
		switch s := &j.slots[i]; s.key {
		case h:
			return s.r1, s.r2
		case 0:
			return 0, 0
		}
	}
}

// preds lists, for each label, the labels allowed before it.
var preds = func() (out [nLabels][]uint8) {
	for b := range nLabels {
		for a := range nLabels {
			if allowed[a][b] {
				out[b] = append(out[b], uint8(a))
			}
		}
	}
	return out
}()

// viterbi returns the best label sequence allowed by the BILOU transitions.
func (m *model) viterbi(sc [][nLabels]float32, back [][nLabels]uint8, out []int) {
	n := len(sc)
	if n == 0 {
		return
	}
	inf := float32(math.Inf(-1))
	var cur, nxt [nLabels]float32
	for l := range nLabels {
		cur[l] = inf
		if allowedStart[l] {
			cur[l] = m.start[l] + sc[0][l]
		}
	}
	for i := 1; i < n; i++ {
		for b := range nLabels {
			best, arg := inf, uint8(0)
			for _, a := range preds[b] {
				if v := cur[a] + m.trans[a][b]; v > best {
					best, arg = v, a
				}
			}
			nxt[b] = best + sc[i][b]
			back[i][b] = arg
		}
		cur = nxt
	}
	best, arg := inf, labelO
	for l := range nLabels {
		if allowedEnd[l] && cur[l] != inf {
			if v := cur[l] + m.end[l]; v > best {
				best, arg = v, l
			}
		}
	}
	out[n-1] = arg
	for i := n - 1; i > 0; i-- {
		out[i-1] = int(back[i][out[i]])
	}
}

const magic = "sitrep-ner\n"

// saveModels writes a header (format, feature version, label count, number
// of stages), then each stage: its transition scores, its feature hashes in
// increasing order as varint deltas, and its weight rows quantized to int16
// with one scale per stage, as varints. Averaged perceptron weights are
// mostly small and zero-heavy, so this is about 1 byte per weight.
func saveModels(w io.Writer, stages ...*model) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(magic)
	n := 0
	for _, m := range stages {
		if m != nil {
			n++
		}
	}
	binary.Write(bw, binary.LittleEndian, [3]uint32{featureVersion, uint32(nLabels), uint32(n)})
	for _, m := range stages[:n] {
		m.write(bw)
	}
	return bw.Flush()
}

func (m *model) write(bw *bufio.Writer) {
	type entry struct {
		h uint64
		r int32
	}
	var es []entry
	for _, s := range m.slots {
		if s.key != 0 {
			es = append(es, entry{s.key, int32(s.row)})
		}
	}
	slices.SortFunc(es, func(a, b entry) int { return cmp.Compare(a.h, b.h) })
	le := binary.LittleEndian
	binary.Write(bw, le, uint32(len(es)))
	binary.Write(bw, le, m.scale)
	binary.Write(bw, le, m.trans)
	binary.Write(bw, le, m.start)
	binary.Write(bw, le, m.end)
	prev := uint64(0)
	var vb [binary.MaxVarintLen64]byte
	for _, e := range es {
		bw.Write(vb[:binary.PutUvarint(vb[:], e.h-prev)])
		prev = e.h
	}
	for _, e := range es {
		for _, v := range m.w[int(e.r)*nLabels : int(e.r+1)*nLabels] {
			bw.Write(vb[:binary.PutVarint(vb[:], int64(v))])
		}
	}
}

var errFormat = errors.New("not a sitrep entity model")

// loadModels reads what saveModels wrote: one or two stages.
func loadModels(data []byte) (m1, m2 *model, err error) {
	if !bytes.HasPrefix(data, []byte(magic)) {
		return nil, nil, errFormat
	}
	r := bytes.NewReader(data[len(magic):])
	var hdr [3]uint32
	if err := binary.Read(r, binary.LittleEndian, &hdr); err != nil {
		return nil, nil, fmt.Errorf("model header: %w", err)
	}
	if hdr[0] != featureVersion || int(hdr[1]) != nLabels {
		return nil, nil, fmt.Errorf("model has feature version %d with %d labels; this build needs version %d with %d: retrain it",
			hdr[0], hdr[1], featureVersion, nLabels)
	}
	if hdr[2] < 1 || hdr[2] > 2 {
		return nil, nil, fmt.Errorf("model has %d stages, want 1 or 2", hdr[2])
	}
	if m1, err = readModel(r); err != nil {
		return nil, nil, fmt.Errorf("model stage 1: %w", err)
	}
	if hdr[2] == 2 {
		if m2, err = readModel(r); err != nil {
			return nil, nil, fmt.Errorf("model stage 2: %w", err)
		}
	}
	if r.Len() != 0 {
		return nil, nil, fmt.Errorf("model has %d trailing bytes", r.Len())
	}
	return m1, m2, nil
}

func readModel(r *bytes.Reader) (*model, error) {
	le := binary.LittleEndian
	var hdr struct {
		Features uint32
		Scale    float32
	}
	if err := binary.Read(r, le, &hdr); err != nil {
		return nil, err
	}
	// Each feature takes at least one byte of hash and nLabels of weights.
	if int64(hdr.Features)*int64(1+nLabels) > int64(r.Len()) {
		return nil, fmt.Errorf("%d features claimed in %d bytes", hdr.Features, r.Len())
	}
	var m model
	for _, v := range []any{&m.trans, &m.start, &m.end} {
		if err := binary.Read(r, le, v); err != nil {
			return nil, fmt.Errorf("transitions: %w", err)
		}
	}
	hashes := make([]uint64, hdr.Features)
	h := uint64(0)
	for i := range hashes {
		d, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, fmt.Errorf("feature %d: %w", i, err)
		}
		// Save writes strictly increasing hashes; a repeated or wrapped one
		// would make the table's probes long (a hostile file could make
		// loading quadratic).
		if d == 0 || h+d < h {
			return nil, fmt.Errorf("feature %d: hashes not strictly increasing", i)
		}
		h += d
		hashes[i] = h
	}
	w := make([]int16, len(hashes)*nLabels)
	for i := range w {
		q, err := binary.ReadVarint(r)
		if err != nil {
			return nil, fmt.Errorf("weights: %w", err)
		}
		if q < math.MinInt16 || q > math.MaxInt16 {
			return nil, fmt.Errorf("weight %d out of range", q)
		}
		w[i] = int16(q)
	}
	if !(hdr.Scale > 0) || math.IsInf(float64(hdr.Scale), 0) {
		return nil, fmt.Errorf("bad weight scale %v", hdr.Scale)
	}
	mm := newQuantized(hashes, w, hdr.Scale)
	mm.trans, mm.start, mm.end = m.trans, m.start, m.end
	return mm, nil
}
