package article

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestDebris(t *testing.T) {
	mustGo := []string{
		"Recommended stories",
		"list of 4 items",
		"list of 4 itemsend of list",
		"list of 1 item end of list",
		"end of list",
		"Read more",
		"Read More:",
		"READ MORE »",
		"Continue reading…",
		"Advertisement",
		"ADVERTISEMENT - SCROLL TO CONTINUE WITH CONTENT",
		"Sponsored",
		"Skip to content",
		"Skip to main content",
		"Share",
		"Share this article",
		"Share on Facebook",
		"Share via Email",
		"Copy link",
		"Subscribe to our newsletter",
		"Sign up for our daily newsletter",
		"Sign up to the Morning Briefing newsletter",
		"Follow us on X and Instagram",
		"Click here to subscribe",
		"Related:",
		"Related stories",
		"More on this story",
		"Most read",
		"You may also like",
		"We use cookies to improve your experience on our site.",
		"This website uses cookies",
		"Accept all cookies",
		"Cookie settings",
		"Please enable JavaScript to view the comments.",
		"  Share   this   article  ",
	}
	mustStay := []string{
		"Read more about the strikes in our report.",
		"Share prices fell sharply on Monday.",
		"Advertisement revenue fell by 20 percent.",
		"Related: the strikes killed at least 80 people",
		"The end of the list of targets was not revealed.",
		"Follow the money, he said.",
		"Subscribers lost access to the service.",
		"Click, click, went the cameras.",
		"Trending topics on social media included the strikes.",
		"A list of 4 items was found on the boat.",
		"He said: “Share the burden.”",
		"Print media is in decline.",
		"Recommended stories from the war, he wrote, would be republished.",
		"We use cookies, the company admitted in a statement to regulators.",
		// A line over 80 characters is text even when it starts like furniture.
		"Sign up for our newsletter to get the latest news on the strikes in the Caribbean sea and the Pacific",
	}
	for _, l := range mustGo {
		if !isDebris(l) {
			t.Errorf("isDebris(%q) = false, want true", l)
		}
	}
	for _, l := range mustStay {
		if isDebris(l) {
			t.Errorf("isDebris(%q) = true, want false: a sentence with content stays", l)
		}
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"CRLF and lone CR", "a\r\nb\rc\n", []string{"a", "b", "c"}},
		{"BOM", "\ufeffa", []string{"a"}},
		{"blank runs become one break", "a\n\n \n\t\nb\n\n", []string{"a", "", "b"}},
		{"leading blank lines", "\n\n a", []string{"a"}},
		{"trailing and leading spaces", "  a \t\nb\u00a0\u2003", []string{"a", "b"}},
		{"control characters", "a\x00b\x07c\x1b[0md\x7fe\u0085f\u009bg", []string{"abc[0mde", "fg"}},
		{"tabs inside a line stay", "a\tb", []string{"a\tb"}},
		{"separators", "a\fb\vc\u2028d\u2029e", []string{"a", "b", "c", "d", "e"}},
		{"invalid bytes become U+FFFD", "a\xffb", []string{"a\uFFFDb"}},
		{"quotes and dashes untouched", "“a” — ‘b’ – c…", []string{"“a” — ‘b’ – c…"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := normalize(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestDateLine(t *testing.T) {
	utc := func(y int, m time.Month, d, hh, mm int) time.Time { return time.Date(y, m, d, hh, mm, 0, 0, time.UTC) }
	tests := []struct {
		line    string
		ok      bool
		want    time.Time
		updated bool
	}{
		{"Published November 18, 2025", true, nov18, false},
		{"Published: 18 Nov 2025", true, nov18, false},
		{"Published On 18 Nov 2025", true, nov18, false},
		{"published on nov. 18th, 2025", true, nov18, false},
		{"Updated 2025-11-18 14:03 GMT", true, utc(2025, 11, 18, 14, 3), true},
		{"Last updated: 2025-11-18T14:03:00Z", true, utc(2025, 11, 18, 14, 3), true},
		{"November 18, 2025", true, nov18, false},
		{"Tuesday, November 18, 2025", true, nov18, false},
		{"Tue 18 Nov 2025 14:03 +01:00", true, utc(2025, 11, 18, 13, 3), false},
		{"Posted November 18, 2025 at 2:03 pm UTC", true, utc(2025, 11, 18, 14, 3), false},
		{"Published November 18, 2025 2:03 PM ET", true, nov18, false}, // ET's offset is not known: the day only
		{"Date: 2025-11-18", true, nov18, false},
		{"Sept 30, 2025", true, time.Date(2025, 9, 30, 0, 0, 0, 0, time.UTC), false},
		{"Updated 5 hours ago", true, time.Time{}, true},
		{"February 30, 2025", false, time.Time{}, false},
		{"2025-13-01", false, time.Time{}, false},
		{"Published in November 2025 by the ministry", false, time.Time{}, false},
		{"On November 18, 2025, the strikes began.", false, time.Time{}, false},
		{"Published", false, time.Time{}, false},
		{"Mayor 18 2025", false, time.Time{}, false},
	}
	for _, tt := range tests {
		got, updated, ok := dateLine(tt.line)
		if ok != tt.ok || !got.Equal(tt.want) || updated != tt.updated {
			t.Errorf("dateLine(%q) = %v, updated %v, %v; want %v, updated %v, %v", tt.line, got, updated, ok, tt.want, tt.updated, tt.ok)
		}
	}
}

func TestHeadline(t *testing.T) {
	tests := []struct {
		line, next string
		blank      bool
		metaAfter  bool // a date line or byline follows within two lines
		want       bool
	}{
		{seedTitle, "US President Donald Trump said", false, true, true},
		{"Trump talks of strikes in Mexico", "US President", false, false, true},
		{"U.S. Strikes Kill 80 in the Caribbean", "The White House", false, false, true},
		{"Why would he do it?", "Analysts", false, true, true},
		{"Trump said he may expand his attacks. Mexico objected.", "More", false, false, false},
		{"Trump said he may expand his attacks. Mexico objected.", "More", false, true, false},
		{"Trump said he may expand his", "attacks on drug cartels.", false, false, false},
		{"Trump said he may expand his", "Attacks", true, false, true},
		{"In remarks at the White House on Monday,", "President Trump", false, false, false},
		{strings.Repeat("x", 201), "Next", false, true, false},
		// A line ending a sentence is a first paragraph unless metadata follows.
		{seedTitle, "US President Donald Trump said", false, false, false},
		{"The military said it struck a vessel in the Caribbean on Monday, killing three people aboard.", "The strike", true, false, false},
		{"Why would he do it?", "Analysts", false, false, false},
		{"Strike on Mexico ‘fine’, Trump says!", "Analysts", false, false, false},
		{"“We will strike.”", "Analysts", false, false, false},
		{"“We will strike,” Trump says", "Analysts", false, false, true},
		{"North Korea puts military in 'quasi-state of war'", "According to", false, false, true},
		{"White powder found at Buffalo, N.Y. courthouse", "A white powder", false, false, true},
	}
	for _, tt := range tests {
		if got := headline(tt.line, tt.next, tt.blank, tt.metaAfter); got != tt.want {
			t.Errorf("headline(%q, %q, blank %v, metaAfter %v) = %v, want %v", tt.line, tt.next, tt.blank, tt.metaAfter, got, tt.want)
		}
	}
}

func TestBylineLine(t *testing.T) {
	tests := map[string]string{
		"By Jane Doe":                        "Jane Doe",
		"BY JANE DOE":                        "JANE DOE",
		"By Jane Doe and John Roe, Reuters":  "Jane Doe and John Roe, Reuters",
		"By Ana de la Cruz":                  "Ana de la Cruz",
		"By Marco Rubio":                     "Marco Rubio",
		"By Monday, the troops had left.":    "",
		"By the time they arrived":           "",
		"By March":                           "",
		"Bypassing the checkpoint":           "",
		"By":                                 "",
		"By Jane Doe? No, by the ministry":   "",
		"Byline: Jane Doe":                   "",
		"By " + strings.Repeat("Name ", 20):  "",
		"by Reuters":                         "Reuters",
		"By Jane Doe and the AP staff, Kyiv": "",
	}
	for line, want := range tests {
		got, ok := bylineLine(line)
		if got != want || ok != (want != "") {
			t.Errorf("bylineLine(%q) = %q, %v; want %q", line, got, ok, want)
		}
	}
}

func TestUnwrap(t *testing.T) {
	tests := []struct {
		name string
		in   []string
		want []string
	}{
		{"paragraph per line is kept", []string{
			"President Trump did not say when or how such an attack might occur.",
			"Mexican President Claudia Sheinbaum has previously said she opposes such attacks.",
		}, nil},
		{"wrapped block", []string{
			"US President Donald Trump said he may expand his unprecedented",
			"attack on drug cartels in Latin America to include Mexico.",
			"",
			"Short one.",
		}, []string{
			"US President Donald Trump said he may expand his unprecedented attack on drug cartels in Latin America to include Mexico.",
			"",
			"Short one.",
		}},
		{"word broken by a hyphen", []string{
			"The strikes were a non-international armed conflict tar-",
			"geting narco-terrorists, the administration said.",
		}, []string{"The strikes were a non-international armed conflict tar-geting narco-terrorists, the administration said."}},
		{"lists are not joined", []string{
			"- the Caribbean strikes, which began in early September 2025",
			"- the Pacific strikes, which began in late October 2025 too",
		}, nil},
		{"short lines are not joined", []string{"Jane Doe", "12 High Street", "London"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := tt.want
			if want == nil {
				want = tt.in
			}
			if got := unwrap(append([]string(nil), tt.in...)); !slices.Equal(got, want) {
				t.Errorf("unwrap =\n%q\nwant\n%q", got, want)
			}
		})
	}
}

func TestBlockText(t *testing.T) {
	page := `<div><h2>Sub  head</h2><p>One <b>bold</b>
	word,<br>next line</p><ul><li>a</li><li>b <i>c</i></li></ul><table><tr><td>x</td><td>y</td></tr></table>` +
		"<pre>  kept\n  as is</pre><p>no\u00a0break</p><script>var x;</script></div>"
	got := normalize(blockText(mustHTML(t, page)))
	want := []string{"Sub head", "One bold word,", "next line", "a", "b c", "x\ty", "kept", "as is", "no\u00a0break"}
	if !slices.Equal(got, want) {
		t.Errorf("blockText lines = %q, want %q", got, want)
	}
}

func TestLanguage(t *testing.T) {
	tests := []struct{ text, want string }{
		{"President Trump did not say when or how such an attack might occur. Mexican President Claudia Sheinbaum has previously said she opposes such attacks on her country's soil, and analysts expect little to change.", "en"},
		{"El presidente Donald Trump dijo que podría ampliar su ataque sin precedentes contra los cárteles de la droga en América Latina para incluir a México, informaron Reuters y la cadena de televisión NBC.", "es"},
		{"Le président américain Donald Trump a déclaré qu'il pourrait étendre son offensive sans précédent contre les cartels de la drogue en Amérique latine au Mexique, selon Reuters et la chaîne NBC.", "fr"},
		{"US-Präsident Donald Trump hat gesagt, er könne seinen beispiellosen Angriff auf Drogenkartelle in Lateinamerika auf Mexiko ausweiten, berichteten Reuters und der Fernsehsender NBC.", "de"},
		// Cyrillic languages are close: whatlanggo wants a paragraph or two.
		{"Президент США Дональд Трамп заявил, что может распространить свою беспрецедентную атаку на наркокартели в Латинской Америке на Мексику, сообщили агентство Рейтер и телеканал NBC. " +
			"Президент Трамп не сказал, когда и как может произойти такое нападение. Президент Мексики Клаудия Шейнбаум ранее заявляла, что выступает против таких нападений на территории своей страны. " +
			"Белый дом с сентября нанёс не менее двадцати авиаударов по судам, подозреваемым в перевозке наркотиков в Карибском море и Тихом океане. " +
			"По словам эксперта, на этом пути есть несколько юридических препятствий, как внутренних, так и международных.", "ru"},
		{"Президент США Дональд Трамп заявил, что может распространить свою атаку на Мексику.", ""},
		{"OK then.", ""}, // too little to be sure of
		{"12345 67890 — 2025-11-18", ""},
	}
	for _, tt := range tests {
		if got := language(tt.text); got != tt.want {
			t.Errorf("language(%.40q…) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestDedupe(t *testing.T) {
	long := "Mexican officials met their US counterparts in Washington on Tuesday."
	in := []string{long, "* * *", "Officials meet", "* * *", long, long + " More."}
	want := []string{long, "* * *", "Officials meet", "* * *", long + " More."}
	if got := dedupe(in); !slices.Equal(got, want) {
		t.Errorf("dedupe = %q, want %q", got, want)
	}
}

func TestCleanMeta(t *testing.T) {
	tests := []struct {
		name, in string
		limit    int
		want     string
	}{
		{"escape sequence and NUL", "T\x1b[31mred\x00", 0, "T[31mred"},
		{"C1 controls and DEL", "a\u0085b\u009bc\x7fd", 0, "a bcd"},
		{"line breaks and tabs collapse", " \tStrikes\r\n\non\u2028Mexico\u00a0 ", 0, "Strikes on Mexico"},
		{"bidi embeddings, overrides and isolates", "\u202aa\u202bb\u202cc\u202dd\u202ee\u2066f\u2067g\u2068h\u2069", 0, "abcdefgh"},
		{"BOM and annotation characters", "\ufeffa\ufff9b\ufffac\ufffb", 0, "abc"},
		{"marks and joiners stay", "می\u200cخواهم \u200fالف\u200e 👩\u200d🚀", 0, "می\u200cخواهم \u200fالف\u200e 👩\u200d🚀"},
		{"invalid UTF-8", "caf\xe9", 0, "caf\uFFFD"},
		{"only controls", "\x00\x1b\u202e", 0, ""},
		{"cut at a word", "one two three four five six seven", 20, "one two three four…"},
		{"cut inside a long word", strings.Repeat("x", 30), 10, "xxxxxxxxx…"},
		{"short enough", "one two", 7, "one two"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := cleanMeta(tt.in, tt.limit)
			if got != tt.want {
				t.Errorf("cleanMeta(%q, %d) = %q, want %q", tt.in, tt.limit, got, tt.want)
			}
			if tt.limit > 0 && utf8.RuneCountInString(got) > tt.limit {
				t.Errorf("cleanMeta(%q, %d) has %d runes", tt.in, tt.limit, utf8.RuneCountInString(got))
			}
		})
	}
}

func TestHTTPURL(t *testing.T) {
	tests := map[string]string{
		"https://example.org/a?b=1#c":       "https://example.org/a?b=1#c",
		" http://example.org ":              "http://example.org",
		"HTTPS://Example.org/a":             "HTTPS://Example.org/a",
		"https://example.org:8443/a":        "https://example.org:8443/a",
		"javascript:alert(1)":               "",
		"JavaScript:alert(1)":               "",
		"data:text/html,x":                  "",
		"ftp://example.org/a":               "",
		"//example.org/a":                   "",
		"/a":                                "",
		"a.html":                            "",
		"https:///a":                        "",
		"https://:443/a":                    "",
		"https://user@example.org/":         "",
		"https://user:pw@example.org/":      "",
		"https://example.org/a b":           "",
		"https://example.org/\x1b[2J":       "",
		"https://example.org/\u202egnp.exe": "",
		"https://example.org/" + "\xff":     "",
		"https://example.org/%zz":           "",
		"https://example.org/" + strings.Repeat("a", maxURL): "",
	}
	for in, want := range tests {
		if got := httpURL(in); got != want {
			t.Errorf("httpURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCleanLanguage(t *testing.T) {
	tests := map[string]string{
		"en": "en", "EN": "en", " pt-BR ": "pt-br", "zh-Hant-TW": "zh-hant-tw", "en_US": "en_us",
		"English": "", "e": "", "en\u202e": "en", "en-": "", "": "", "12": "", "en us": "",
	}
	for in, want := range tests {
		if got := cleanLanguage(in); got != want {
			t.Errorf("cleanLanguage(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMetadataDateLine(t *testing.T) {
	tests := map[string]bool{
		"Published: 2025-11-31":            true,
		"February 30, 2025":                true,
		"2025-13-01":                       true,
		"Published: 18/11/2025":            true,
		"Updated 11.18.2025 14:03 GMT":     true,
		"18/11/25":                         true,
		"Published in November 2025":       false,
		"Trump talks of strikes in Mexico": false,
		"2025 was a year of strikes":       false,
		"Published":                        false,
		"1/2":                              false,
	}
	for line, want := range tests {
		if got := metadataDateLine(line); got != want {
			t.Errorf("metadataDateLine(%q) = %v, want %v", line, got, want)
		}
	}
}

func TestPageTime(t *testing.T) {
	day := nov18
	tests := []struct {
		src, want string // want RFC 3339, "" for none
	}{
		{"2025-11-18T14:03:00+00:00", "2025-11-18T14:03:00Z"},
		{"2025-11-18T14:03:00Z", "2025-11-18T14:03:00Z"},
		{"2025-11-18T23:30:00-05:00", "2025-11-18T23:30:00-05:00"},
		{"2025-11-18T00:30:00+05:30", "2025-11-18T00:30:00+05:30"},
		{"2025-11-18T09:00:00.123+0100", "2025-11-18T09:00:00+01:00"},
		{"2025-11-18T09:00+01:00", "2025-11-18T09:00:00+01:00"},
		{" 2025-11-18 09:00:00+01:00 ", "2025-11-18T09:00:00+01:00"},
		{"2025-11-19T01:00:00+01:00", ""}, // another day, as written
		{"2025-11-18", ""},
		{"2025-11-18T14:03:00", ""},
		{"18 November 2025 14:03 EST", ""},
		{"https://example.org/2025/11/18/a", ""},
	}
	for _, tt := range tests {
		got, ok := pageTime(tt.src, day)
		s := ""
		if ok {
			s = got.Format(time.RFC3339)
		}
		if s != tt.want {
			t.Errorf("pageTime(%q) = %q, want %q", tt.src, s, tt.want)
		}
	}
}
