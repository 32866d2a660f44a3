package web

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/story"
)

// The charts are SVG drawn on the server: no script is needed to see
// them, and their text alternatives (aria-label, <title>, the tally
// table) are written beside the geometry from the same figures.

// sparkView is a toll's history drawn small: a line through each day's
// best figure.
type sparkView struct {
	Label  string // for screen readers: the figures in words
	Points string // polyline points
	Last   point  // the latest figure, marked with a dot
	Empty  bool
}

type point struct{ X, Y string }

const (
	sparkW, sparkH = 96.0, 24.0
	sparkPad       = 3.0
)

// figureValue is the one number a figure is drawn at: its best estimate,
// else its lower bound, else its upper one.
func figureValue(f story.Figure) (int64, bool) {
	for _, p := range []*int64{f.Best, f.Low, f.High} {
		if p != nil {
			return *p, true
		}
	}
	return 0, false
}

// newSparkline draws the history of series; what is the category's name
// for the label ("killed").
func newSparkline(what string, s story.Series) sparkView {
	var vals []int64
	var words []string
	for _, v := range s.History {
		n, ok := figureValue(v.Figure)
		if !ok {
			continue
		}
		vals = append(vals, n)
		words = append(words, fmt.Sprintf("%d %s", n, dateWords(v.Date)))
	}
	if len(vals) == 0 {
		return sparkView{Empty: true, Label: "No " + what + " figures reported"}
	}
	hi := max(vals[0], 1)
	for _, v := range vals {
		hi = max(hi, v)
	}
	var pts []string
	var last point
	for i, v := range vals {
		x := sparkPad
		if len(vals) > 1 {
			x += float64(i) * (sparkW - 2*sparkPad) / float64(len(vals)-1)
		} else {
			x = sparkW / 2
		}
		y := sparkH - sparkPad - float64(v)/float64(hi)*(sparkH-2*sparkPad)
		last = point{num(x), num(y)}
		pts = append(pts, last.X+","+last.Y)
	}
	return sparkView{
		Label:  fmt.Sprintf("%s over time: %s", capitalize(what), strings.Join(words, "; ")),
		Points: strings.Join(pts, " "),
		Last:   last,
	}
}

// chartView is one category's tally over time: for each day's version a
// bar from low to high with a dot at the best figure.
type chartView struct {
	Category string
	Label    string
	W, H     string
	Axis     []axisTick
	Points   []chartPoint
	Baseline string // y of zero
	Right    string // x where the axis ends
}

type axisTick struct {
	Y, Label string
}

type chartPoint struct {
	X, Low, High, Best string
	HasBest            bool
	OpenHigh           bool // no source bounds it from above: the bar runs off the top
	Date               string
	Title              string // the figure and its sources, shown on hover
}

const (
	chartW, chartH        = 480.0, 200.0
	chartLeft, chartRight = 48.0, 16.0
	chartTop, chartBottom = 16.0, 32.0
)

// newTallyChart draws s, a category's series; titles maps article IDs to
// titles for counts whose outlet is unknown.
func newTallyChart(category string, s story.Series, titles map[string]string) chartView {
	top := int64(1)
	for _, v := range s.History {
		for _, p := range []*int64{v.Low, v.Best, v.High} {
			if p != nil {
				top = max(top, *p)
			}
		}
	}
	top = niceCeil(top)
	plotH := chartH - chartTop - chartBottom
	plotW := chartW - chartLeft - chartRight
	y := func(n int64) float64 { return chartTop + plotH - float64(n)/float64(top)*plotH }
	cv := chartView{Category: category, W: num(chartW), H: num(chartH), Baseline: num(y(0)), Right: num(chartW - chartRight)}
	for i := int64(0); i <= 4; i++ {
		n := top * i / 4
		cv.Axis = append(cv.Axis, axisTick{Y: num(y(n)), Label: strconv.FormatInt(n, 10)})
	}
	var words []string
	for i, v := range s.History {
		x := chartLeft + plotW/2
		if len(s.History) > 1 {
			x = chartLeft + plotW*(float64(i)+0.5)/float64(len(s.History))
		}
		p := chartPoint{X: num(x), Date: shortDate(v.Date)}
		lo, hi := int64(0), top
		if v.Low != nil {
			lo = *v.Low
		}
		if v.High != nil {
			hi = *v.High
		} else {
			p.OpenHigh = true
		}
		p.Low, p.High = num(y(lo)), num(y(hi))
		if n, ok := figureValue(v.Figure); ok {
			p.Best, p.HasBest = num(y(n)), true
		}
		p.Title = fmt.Sprintf("%s, %s: %s. Sources: %s", capitalize(category), dateWords(v.Date), figureWords(v.Figure),
			strings.Join(countSources(v.Counts, titles), "; "))
		words = append(words, fmt.Sprintf("%s %s", figureWords(v.Figure), dateWords(v.Date)))
		cv.Points = append(cv.Points, p)
	}
	cv.Label = fmt.Sprintf("%s over time: %s. The table below lists each figure's sources.", capitalize(category), strings.Join(words, "; "))
	return cv
}

// niceCeil rounds n up to 1, 2 or 5 times a power of ten, for axis ticks.
func niceCeil(n int64) int64 {
	if n >= 1e18 {
		return n
	}
	for p := int64(1); ; p *= 10 {
		for _, m := range []int64{1, 2, 5} {
			if m*p >= n {
				return m * p
			}
		}
	}
}

// figureWords says a figure as a range: "80–83 (best 83)", "at least 80".
func figureWords(f story.Figure) string {
	if f.Low == nil && f.High == nil && f.Best == nil {
		return "no figure"
	}
	s := tallyText(f)
	if f.Contradiction {
		s += ", sources contradict each other"
	}
	return s
}

// tallyText is the overview's "low–high (best N)"; an open bound is "?".
func tallyText(f story.Figure) string {
	b := "?"
	if f.Best != nil {
		b = strconv.FormatInt(*f.Best, 10)
	}
	return fmt.Sprintf("%s–%s (best %s)", bound(f.Low), bound(f.High), b)
}

func bound(p *int64) string {
	if p == nil {
		return "?"
	}
	return strconv.FormatInt(*p, 10)
}

// countSources names where each count comes from: its outlet, the chain
// of sources it is told under, and its own words.
func countSources(cs []story.Count, titles map[string]string) []string {
	out := make([]string, 0, len(cs))
	for _, c := range cs {
		out = append(out, countSource(c, titles))
	}
	if len(out) == 0 {
		out = append(out, "none listed")
	}
	return out
}

func countSource(c story.Count, titles map[string]string) string {
	outlet := c.Source
	if outlet == "" {
		outlet = "an unnamed outlet"
		if t := titles[c.Article]; t != "" {
			outlet = "the article “" + t + "”"
		}
	}
	s := outlet
	if c.Sourcing != "" && c.Sourcing != outlet {
		s += " — " + c.Sourcing
	}
	s += ": “" + c.Text + "”"
	if c.Copy {
		s += " (a copy of an earlier report)"
	}
	return s
}

// num writes a coordinate with one decimal.
func num(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
