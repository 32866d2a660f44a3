package gazetteer

import "math/bits"

// table maps key hashes to what the index knows of each key. It is an
// open-addressing hash table with linear probing, faster than a Go map for
// the one lookup per token that Prefix makes, and holding what Prefix needs
// (kinds, more) in the same 16 bytes as the key. Hash 0 marks an empty cell,
// so a key that hashes to 0 is stored as 1 (a collision of no practical
// consequence).
type table struct {
	cells []cell
	shift uint8
	n     int
}

type cell struct {
	key   uint64
	id    uint32  // slot id: the key's postings are slots[id]
	kinds KindSet // kinds Prefix reports for this key
	more  bool    // some longer key begins with this one
}

// newTable returns a table sized for about hint keys.
func newTable(hint int) table {
	size := 1 << bits.Len(uint(hint*3/2))
	if size < 8 {
		size = 8
	}
	return table{cells: make([]cell, size), shift: uint8(64 - bits.TrailingZeros(uint(size)))}
}

func (t *table) home(h uint64) uint64 { return (h * 0x9E3779B97F4A7C15) >> t.shift }

// get returns the cell of key h, or nil.
func (t *table) get(h uint64) *cell {
	if h == 0 {
		h = 1
	}
	if len(t.cells) == 0 {
		return nil
	}
	mask := uint64(len(t.cells) - 1)
	for i := t.home(h); ; i = (i + 1) & mask {
		c := &t.cells[i]
		if c.key == h {
			return c
		}
		if c.key == 0 {
			return nil
		}
	}
}

// ref returns the cell of key h, adding it if missing (with id 0, and added
// true). The pointer is good until the next call of ref.
func (t *table) ref(h uint64) (c *cell, added bool) {
	if h == 0 {
		h = 1
	}
	if (t.n+1)*10 > len(t.cells)*7 { // keep the load under 0.7
		t.grow()
	}
	mask := uint64(len(t.cells) - 1)
	for i := t.home(h); ; i = (i + 1) & mask {
		c := &t.cells[i]
		if c.key == h {
			return c, false
		}
		if c.key == 0 {
			*c = cell{key: h}
			t.n++
			return c, true
		}
	}
}

func (t *table) grow() {
	old := t.cells
	*t = newTable(len(old))
	mask := uint64(len(t.cells) - 1)
	for _, c := range old {
		if c.key == 0 {
			continue
		}
		i := t.home(c.key)
		for t.cells[i].key != 0 {
			i = (i + 1) & mask
		}
		t.cells[i] = c
		t.n++
	}
}
