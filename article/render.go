package article

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blockTags end a line before and after them. Everything else is inline:
// its text runs on within the line.
var blockTags = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Body: true, atom.Caption: true, atom.Dd: true, atom.Details: true, atom.Div: true,
	atom.Dl: true, atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true,
	atom.Figure: true, atom.Footer: true, atom.Form: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Header: true,
	atom.Hr: true, atom.Li: true, atom.Main: true, atom.Nav: true, atom.Ol: true,
	atom.P: true, atom.Pre: true, atom.Section: true, atom.Summary: true, atom.Table: true,
	atom.Tbody: true, atom.Tfoot: true, atom.Thead: true, atom.Tr: true, atom.Ul: true,
}

// skipTags hold no readable text.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Head: true, atom.Iframe: true, atom.Object: true, atom.Svg: true, atom.Math: true,
	atom.Select: true, atom.Button: true,
}

// blockText renders extracted content as text, the way a browser lays it
// out: a line per block element or <br>, runs of white space inside a line
// collapsed to one space (kept as they are inside <pre>), table cells
// separated by a tab. Trafilatura's own ContentText runs all paragraphs
// together, so the paragraph structure sitrep keeps is rebuilt here.
func blockText(n *html.Node) string {
	if n == nil {
		return ""
	}
	r := renderer{}
	r.node(n, false)
	return r.b.String()
}

type renderer struct {
	b       strings.Builder
	lineLen int  // bytes written on the current line
	space   bool // white space seen since the last text on the line
}

func (r *renderer) newline() {
	if r.lineLen > 0 {
		r.b.WriteByte('\n')
	}
	r.lineLen, r.space = 0, false
}

func (r *renderer) write(s string) {
	if s == "" {
		return
	}
	if r.space && r.lineLen > 0 {
		r.b.WriteByte(' ')
		r.lineLen++
	}
	r.space = false
	r.b.WriteString(s)
	r.lineLen += len(s)
}

func (r *renderer) node(n *html.Node, pre bool) {
	switch n.Type {
	case html.TextNode:
		r.text(n.Data, pre)
		return
	case html.ElementNode:
		if skipTags[tag(n)] {
			return
		}
		switch tag(n) {
		case atom.Br:
			r.b.WriteByte('\n')
			r.lineLen, r.space = 0, false
			return
		case atom.Td, atom.Th:
			if r.lineLen > 0 {
				r.b.WriteByte('\t')
				r.lineLen++
				r.space = false
			}
		case atom.Pre:
			pre = true
		}
	case html.CommentNode, html.DoctypeNode:
		return
	}
	block := n.Type == html.ElementNode && blockTags[tag(n)]
	if block {
		r.newline()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.node(c, pre)
	}
	if block {
		r.newline()
	}
}

func (r *renderer) text(s string, pre bool) {
	if pre {
		for i, line := range strings.Split(s, "\n") {
			if i > 0 {
				r.b.WriteByte('\n')
				r.lineLen, r.space = 0, false
			}
			r.write(line)
		}
		return
	}
	for len(s) > 0 {
		i := strings.IndexFunc(s, isHTMLSpace)
		if i < 0 {
			r.write(s)
			return
		}
		r.write(s[:i])
		r.space = true
		s = s[i+1:]
	}
}

// isHTMLSpace is HTML's ASCII white space; a no-break space is text.
func isHTMLSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f'
}

// tag is the element's atom. Elements that extractors create rather than
// parse (trafilatura's, readability's) have only their name set.
func tag(n *html.Node) atom.Atom {
	if n.DataAtom != 0 {
		return n.DataAtom
	}
	return atom.Lookup([]byte(strings.ToLower(n.Data)))
}

// walk visits n and its descendants in document order; visit returns
// whether to descend into the node's children.
func walk(n *html.Node, visit func(*html.Node) bool) {
	if !visit(n) {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, visit)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func textContent(n *html.Node) string {
	var b strings.Builder
	walk(n, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
			b.WriteByte(' ')
		}
		return true
	})
	return b.String()
}
