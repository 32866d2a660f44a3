package sitrep

// Doc is an article with its annotation layers. Annotators add layers; none
// of them changes Text.
type Doc struct {
	Article

	Tokens     []Token       `json:"-"`
	Sentences  []Span        `json:"-"`
	Entities   []Entity      `json:"entities"`
	Quotes     []Quote       `json:"quotes"`
	Quantities []Quantity    `json:"quantities"`
	Times      []Time        `json:"times"`
	Places     []Place       `json:"places"`
	Sourcing   []Attribution `json:"sourcing"`
	Events     []Event       `json:"events"`
}

// NewDoc returns a Doc over the article with every layer empty.
func NewDoc(a Article) *Doc { return &Doc{Article: a} }

// Annotator adds one layer to a Doc. Annotate must not change d.Text and
// must not keep d after it returns; it may read the layers of the annotators
// that ran before it.
type Annotator interface {
	Name() string
	Annotate(d *Doc) error
}
