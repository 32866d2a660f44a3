package main

import (
	"strings"
	"testing"
)

const geoFixture = "../../eval/testdata/geovirus/mini.xml"

func TestEvalGeo(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"report", []string{"eval", "geo", "--geovirus", geoFixture},
			[]string{"all articles\narticles 2, gold 5,", "acc@161km", "first half (articles 1-1)", "second half (articles 2-2)"}},
		{"verbose lists misses", []string{"eval", "geo", "--geovirus", geoFixture, "--verbose"},
			[]string{"article 2\t\"Texas\"\t", "https://en.wikipedia.org/wiki/Texas\n"}}, // 222 km from the gazetteer's Texas if found
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, "", tt.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
		})
	}
}

func TestEvalGeoMissingFile(t *testing.T) {
	code, _, errOut := runCLI(t, "", "eval", "geo", "--geovirus", "no-such-file.xml")
	if code == 0 || !strings.Contains(errOut, "no-such-file.xml") {
		t.Errorf("exit %d, stderr %q: want a failure naming the file", code, errOut)
	}
}
