package eval

import (
	"encoding/xml"
	"fmt"
	"io"
	"math"
	neturl "net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/gazetteer"
)

// GeoVirus (Gritta et al. 2018, https://github.com/milangritta/Pragmatic-Guide-to-Geoparsing-Evaluation)
// is 229 Wikinews articles about disease outbreaks with their place names
// marked and given the coordinates of the Wikipedia page they mean. The file
// also holds nine commented-out empty article templates, which an XML
// reader skips (so 229 articles, not the 238 <article> tags a grep counts).
//
// Offsets: <start> and <end> count Unicode code points (not bytes) from 1:
// the name is the code points [start-1, end-1) of <text>, as all 2,170
// locations of the release read. ReadGeoVirus turns them into byte offsets.
// A location whose name is not at its offsets is looked for within 2,000
// bytes (the closest occurrence), so that a shifted annotation still
// counts; one whose name is not there keeps its offsets as given. The
// release also nests three <location> elements inside a fourth (an opening
// tag written twice); each is read as a location of its own.

// GeoArticle is one GeoVirus article.
type GeoArticle struct {
	Source    string // the Wikinews URL
	Text      string
	Locations []GeoLocation // in file order
}

// GeoLocation is one gold place name.
type GeoLocation struct {
	sitrep.Span        // byte offsets into GeoArticle.Text
	Name        string // as annotated
	Lat, Lon    float64
	Page        string // the Wikipedia page the name means
}

// ReadGeoVirus reads a GeoVirus XML file.
func ReadGeoVirus(path string) ([]GeoArticle, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read geovirus: %w", err)
	}
	defer f.Close()
	arts, err := ParseGeoVirus(f)
	if err != nil {
		return nil, fmt.Errorf("read geovirus %s: %w", path, err)
	}
	return arts, nil
}

// ParseGeoVirus reads GeoVirus XML from r. It reads the file token by
// token rather than into a fixed tree because the release nests some
// <location> elements inside another (an open tag written twice); each
// <location> with a <name> is a location, its fields the ones written
// directly inside it.
func ParseGeoVirus(r io.Reader) ([]GeoArticle, error) {
	type rawLocation struct{ name, start, end, lat, lon, page string }
	type rawArticle struct {
		source, text string
		locs         []rawLocation
	}
	var arts []rawArticle
	var art *rawArticle
	var open []*rawLocation // the <location> elements being read, innermost last
	var chars strings.Builder
	dec := xml.NewDecoder(r)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("parse: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			chars.Reset()
			switch t.Name.Local {
			case "article":
				arts = append(arts, rawArticle{})
				art = &arts[len(arts)-1]
				open = open[:0]
			case "location":
				open = append(open, &rawLocation{})
			}
		case xml.CharData:
			chars.Write(t)
		case xml.EndElement:
			v := chars.String()
			chars.Reset()
			if art == nil {
				continue
			}
			var loc *rawLocation
			if len(open) > 0 {
				loc = open[len(open)-1]
			}
			switch t.Name.Local {
			case "source":
				art.source = v
			case "text":
				art.text = v
			case "location":
				if loc != nil {
					if loc.name != "" {
						art.locs = append(art.locs, *loc)
					}
					open = open[:len(open)-1]
				}
			case "name":
				if loc != nil {
					loc.name = v
				}
			case "start":
				if loc != nil {
					loc.start = v
				}
			case "end":
				if loc != nil {
					loc.end = v
				}
			case "lat":
				if loc != nil {
					loc.lat = v
				}
			case "lon":
				if loc != nil {
					loc.lon = v
				}
			case "page":
				if loc != nil {
					loc.page = v
				}
			case "article":
				art = nil
			}
		}
	}
	out := make([]GeoArticle, 0, len(arts))
	for i, a := range arts {
		if a.text == "" && len(a.locs) == 0 {
			continue
		}
		ga := GeoArticle{Source: strings.TrimSpace(a.source), Text: a.text}
		runeStarts := codePointOffsets(a.text)
		for j, l := range a.locs {
			loc := GeoLocation{Name: strings.TrimSpace(l.name), Page: strings.TrimSpace(l.page)}
			start, err1 := strconv.Atoi(strings.TrimSpace(l.start))
			end, err2 := strconv.Atoi(strings.TrimSpace(l.end))
			lat, err3 := strconv.ParseFloat(strings.TrimSpace(l.lat), 64)
			lon, err4 := strconv.ParseFloat(strings.TrimSpace(l.lon), 64)
			for _, err := range []error{err1, err2, err3, err4} {
				if err != nil {
					return nil, fmt.Errorf("article %d, location %d (%q): %w", i+1, j+1, loc.Name, err)
				}
			}
			loc.Lat, loc.Lon = lat, lon
			loc.Span = alignGeo(a.text, runeStarts, start-1, end-1, loc.Name)
			ga.Locations = append(ga.Locations, loc)
		}
		out = append(out, ga)
	}
	return out, nil
}

// alignWindow is how far from its offsets, in bytes, a misplaced name is
// looked for.
const alignWindow = 2000

// alignGeo turns code-point offsets [start, end) into a byte span, moving it
// to the closest occurrence of name when the name is not there.
func alignGeo(text string, starts []int, start, end int, name string) sitrep.Span {
	clamp := func(i int) int { return min(max(i, 0), len(starts)-1) }
	sp := sitrep.Span{Start: starts[clamp(start)], End: starts[clamp(end)]}
	if sp.End < sp.Start {
		sp.End = sp.Start
	}
	if name == "" || sp.In(text) == name {
		return sp
	}
	// Look only near the given offsets, so that many misplaced names in a
	// long text cost no more than a bounded scan each.
	lo, hi := max(0, sp.Start-alignWindow), min(len(text), sp.End+alignWindow)
	best, bestDist := -1, math.MaxInt
	for from := lo; from < hi; {
		k := strings.Index(text[from:hi], name)
		if k < 0 {
			break
		}
		k += from
		if d := absInt(k - sp.Start); d < bestDist {
			best, bestDist = k, d
		}
		_, size := utf8.DecodeRuneInString(text[k:])
		from = k + size
	}
	if best < 0 {
		return sp
	}
	return sitrep.Span{Start: best, End: best + len(name)}
}

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// AccuracyRadiusKm is the conventional radius within which a resolved place
// counts as right (100 miles).
const AccuracyRadiusKm = 161

// maxErrorKm is half the Earth's circumference: the error given to a matched
// name resolved to no coordinates, and the top of the AUC's log scale.
const maxErrorKm = 20039

// GeoReport scores predicted places against GeoVirus gold.
//
// A gold location and a predicted place match when their spans overlap; each
// is matched at most once, the pairs with the most overlap first.
// Recognition (Precision, Recall, F1) counts matches; resolution (accuracy,
// errors, AUC) is measured on the matched pairs only, as in Gritta et al.
// A matched place without coordinates counts with the maximum error.
type GeoReport struct {
	Articles  int
	Gold      int // gold locations
	Predicted int // predicted places
	Matched   int // matched pairs

	Precision, Recall, F1 float64

	Within161   int     // matched pairs within AccuracyRadiusKm
	Accuracy161 float64 // Within161 / Matched
	MeanKm      float64 // mean error of matched pairs
	MedianKm    float64
	// SamePage counts the matched pairs beyond AccuracyRadiusKm whose
	// predicted name is the title of the gold Wikipedia page ("China",
	// "Texas", "Africa"): the right place, with a point other than the
	// page's (a country's centre drawn differently, an admin1 division's
	// mean position). AccuracyPlace is (Within161 + SamePage) / Matched.
	SamePage      int
	AccuracyPlace float64
	// AUC is the area under the curve of the sorted log errors,
	// ln(1+km)/ln(1+20039) (Gritta et al. 2018): 0 is perfect, lower is
	// better.
	AUC float64

	// Misses lists the gold locations not matched and the matched pairs
	// beyond AccuracyRadiusKm, for --verbose.
	Misses []GeoMiss
}

// GeoMiss is one gold location that was not found or was placed too far.
type GeoMiss struct {
	Article int // index in the gold slice
	Gold    GeoLocation
	// Predicted is the matched place, nil when none matched.
	Predicted *sitrep.Place
	ErrorKm   float64
}

// ScoreGeo scores pred[i], the places predicted for gold[i].Text, against
// gold[i]. pred may be shorter than gold (missing articles predict nothing).
func ScoreGeo(gold []GeoArticle, pred [][]sitrep.Place) GeoReport {
	var r GeoReport
	var errs []float64
	for i, g := range gold {
		var ps []sitrep.Place
		if i < len(pred) {
			ps = pred[i]
		}
		r.Articles++
		r.Gold += len(g.Locations)
		r.Predicted += len(ps)
		type pair struct{ g, p, overlap int }
		var pairs []pair
		for gi, l := range g.Locations {
			for pi, p := range ps {
				if o := min(l.End, p.End) - max(l.Start, p.Start); o > 0 {
					pairs = append(pairs, pair{gi, pi, o})
				}
			}
		}
		slices.SortStableFunc(pairs, func(a, b pair) int { return b.overlap - a.overlap })
		goldUsed := make([]bool, len(g.Locations))
		predUsed := make([]bool, len(ps))
		for _, pr := range pairs {
			if goldUsed[pr.g] || predUsed[pr.p] {
				continue
			}
			goldUsed[pr.g], predUsed[pr.p] = true, true
			r.Matched++
			l, p := g.Locations[pr.g], ps[pr.p]
			km := float64(maxErrorKm)
			if p.Lat != nil && p.Lon != nil {
				km = gazetteer.DistanceKm(l.Lat, l.Lon, *p.Lat, *p.Lon)
			}
			errs = append(errs, km)
			if km <= AccuracyRadiusKm {
				r.Within161++
			} else {
				if p.Name != "" && strings.EqualFold(p.Name, PageTitle(l.Page)) {
					r.SamePage++
				}
				r.Misses = append(r.Misses, GeoMiss{Article: i, Gold: l, Predicted: &p, ErrorKm: km})
			}
		}
		for gi, used := range goldUsed {
			if !used {
				r.Misses = append(r.Misses, GeoMiss{Article: i, Gold: g.Locations[gi]})
			}
		}
	}
	r.Precision = geoRatio(r.Matched, r.Predicted)
	r.Recall = geoRatio(r.Matched, r.Gold)
	if r.Precision+r.Recall > 0 {
		r.F1 = 2 * r.Precision * r.Recall / (r.Precision + r.Recall)
	}
	r.Accuracy161 = geoRatio(r.Within161, r.Matched)
	r.AccuracyPlace = geoRatio(r.Within161+r.SamePage, r.Matched)
	if len(errs) > 0 {
		slices.Sort(errs)
		sum := 0.0
		for _, e := range errs {
			sum += e
		}
		r.MeanKm = sum / float64(len(errs))
		if n := len(errs); n%2 == 1 {
			r.MedianKm = errs[n/2]
		} else {
			r.MedianKm = (errs[n/2-1] + errs[n/2]) / 2
		}
		r.AUC = logErrorAUC(errs)
	}
	return r
}

// PageTitle returns the title of a Wikipedia page URL, "" if it is none:
// ".../wiki/New_South_Wales" → "New South Wales".
func PageTitle(url string) string {
	_, t, ok := strings.Cut(url, "/wiki/")
	if !ok {
		return ""
	}
	if u, err := neturl.PathUnescape(t); err == nil {
		t = u
	}
	return strings.ReplaceAll(t, "_", " ")
}

// logErrorAUC is the area under the sorted, normalized log errors by the
// trapezoid rule over a unit-width x axis; for one error it is that error's
// normalized log.
func logErrorAUC(sorted []float64) float64 {
	norm := math.Log(maxErrorKm + 1)
	y := func(i int) float64 { return math.Log(min(sorted[i], maxErrorKm)+1) / norm }
	if len(sorted) == 1 {
		return y(0)
	}
	area := 0.0
	for i := 1; i < len(sorted); i++ {
		area += (y(i-1) + y(i)) / 2
	}
	return area / float64(len(sorted)-1)
}

func geoRatio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// WriteText writes the report as a few aligned lines.
func (r GeoReport) WriteText(w io.Writer) error {
	_, err := fmt.Fprintf(w,
		"articles %d, gold %d, predicted %d, matched %d\n"+
			"names     P %.3f  R %.3f  F1 %.3f\n"+
			"resolved  acc@161km %.3f (%d/%d)  mean %.0f km  median %.0f km  AUC %.3f\n"+
			"          right place by Wikipedia title or within 161 km %.3f (%d more)\n",
		r.Articles, r.Gold, r.Predicted, r.Matched,
		r.Precision, r.Recall, r.F1,
		r.Accuracy161, r.Within161, r.Matched, r.MeanKm, r.MedianKm, r.AUC,
		r.AccuracyPlace, r.SamePage)
	return err
}
