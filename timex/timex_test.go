package timex_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/eval"
	"github.com/sitrep/sitrep/internal/annotatetest"
	"github.com/sitrep/sitrep/internal/shareddata"
	"github.com/sitrep/sitrep/text"
	"github.com/sitrep/sitrep/timex"
)

// tuesday is the seed article's publication date, Tuesday 18 November 2025.
var tuesday = time.Date(2025, 11, 18, 0, 0, 0, 0, time.UTC)

func annotate(t testing.TB, s string, published time.Time) []sitrep.Time {
	t.Helper()
	d := sitrep.NewDoc(sitrep.Article{Text: s, Published: published})
	if err := (text.Annotator{}).Annotate(d); err != nil {
		t.Fatal(err)
	}
	if err := (timex.Annotator{}).Annotate(d); err != nil {
		t.Fatal(err)
	}
	return d.Times
}

// want is an expected expression; fields left empty are not checked
// except Mod, From and Until, which must then be empty.
type want struct {
	text, typ, value, mod, from, until string
}

func checkTimes(t *testing.T, got []sitrep.Time, wants []want) {
	t.Helper()
	for _, w := range wants {
		i := slices.IndexFunc(got, func(x sitrep.Time) bool { return x.Text == w.text })
		if i < 0 {
			t.Errorf("no expression %q in %+v", w.text, got)
			continue
		}
		g := got[i]
		if g.Type != w.typ || g.Value != w.value || g.Mod != w.mod || g.From != w.from || g.Until != w.until {
			t.Errorf("%q = %s %s mod %q from %q until %q, want %s %s mod %q from %q until %q",
				w.text, g.Type, g.Value, g.Mod, g.From, g.Until, w.typ, w.value, w.mod, w.from, w.until)
		}
	}
}

func TestNormalization(t *testing.T) {
	for _, c := range []struct {
		name string
		text string
		want []want
	}{
		{"a weekday in a past clause is the one before", "The president said on Monday that talks had failed.",
			[]want{{text: "Monday", typ: "DATE", value: "2025-11-17"}}},
		{"a weekday in a future clause is the one after", "The president will travel to Mexico on Monday.",
			[]want{{text: "Monday", typ: "DATE", value: "2025-11-24"}}},
		{"the publication day's own name is that day", "Officials said Tuesday the strike killed three.",
			[]want{{text: "Tuesday", typ: "DATE", value: "2025-11-18"}}},
		{"last Tuesday is a week back", "The boat was hit last Tuesday.",
			[]want{{text: "last Tuesday", typ: "DATE", value: "2025-11-11"}}},
		{"yesterday, today, tomorrow", "It rained yesterday, it is dry today and snow is due tomorrow.",
			[]want{{text: "yesterday", typ: "DATE", value: "2025-11-17"}, {text: "today", typ: "DATE", value: "2025-11-18"}, {text: "tomorrow", typ: "DATE", value: "2025-11-19"}}},
		{"a weekday night is a time of that day", "The strike hit Monday night.",
			[]want{{text: "Monday night", typ: "TIME", value: "2025-11-17TNI"}}},
		{"this morning", "Troops moved in this morning.",
			[]want{{text: "this morning", typ: "TIME", value: "2025-11-18TMO"}}},
		{"a clock time falls on the day in focus", "The blast came at 10:30 a.m.",
			[]want{{text: "10:30 a.m.", typ: "TIME", value: "2025-11-18T10:30"}}},
		{"a clock time with its day", "Voting closes at 5 p.m. Monday.",
			[]want{{text: "5 p.m. Monday", typ: "TIME", value: "2025-11-17T17:00"}}},
		{"a full date", "The order was signed on Nov. 3, 2025, and published 18 November 2025.",
			[]want{{text: "Nov. 3, 2025", typ: "DATE", value: "2025-11-03"}, {text: "18 November 2025", typ: "DATE", value: "2025-11-18"}}},
		{"a month and year", "The truce collapsed in March 2024.",
			[]want{{text: "March 2024", typ: "DATE", value: "2024-03"}}},
		{"in January, past clause", "The law was passed in January.",
			[]want{{text: "January", typ: "DATE", value: "2025-01"}}},
		{"in January, future clause", "The law will take effect in January.",
			[]want{{text: "January", typ: "DATE", value: "2026-01"}}},
		{"since September opens a range to publication", "Strikes have continued since September.",
			[]want{{text: "September", typ: "DATE", value: "2025-09", from: "2025-09", until: "2025-11-18"}}},
		{"last year, this year, next year", "Deaths rose last year and this year, and may fall next year.",
			[]want{{text: "last year", typ: "DATE", value: "2024"}, {text: "this year", typ: "DATE", value: "2025"}, {text: "next year", typ: "DATE", value: "2026"}}},
		{"earlier this month", "Talks broke down earlier this month.",
			[]want{{text: "earlier this month", typ: "DATE", value: "2025-11"}}},
		{"weeks are ISO weeks", "The navy struck last week and again this week.",
			[]want{{text: "last week", typ: "DATE", value: "2025-W46"}, {text: "this week", typ: "DATE", value: "2025-W47"}}},
		{"a season", "The offensive began last summer.",
			[]want{{text: "last summer", typ: "DATE", value: "2025-SU"}}},
		{"a quarter", "Exports fell in the third quarter.",
			[]want{{text: "the third quarter", typ: "DATE", value: "2025-Q3"}}},
		{"a quarter of a named year", "Exports fell in the third quarter of 2019.",
			[]want{{text: "the third quarter of 2019", typ: "DATE", value: "2019-Q3"}}},
		{"a decade", "The cartel grew in the 1990s and again in the mid-2000s.",
			[]want{{text: "the 1990s", typ: "DATE", value: "199"}, {text: "the mid-2000s", typ: "DATE", value: "200", mod: "MID"}}},
		{"the past three years is a duration", "Violence has grown over the past three years.",
			[]want{{text: "the past three years", typ: "DURATION", value: "P3Y"}}},
		{"the period in focus", "The ceasefire is due to expire at the end of the month; early in the year the front had moved.",
			[]want{{text: "the end of the month", typ: "DATE", value: "2025-11", mod: "END"}, {text: "early in the year", typ: "DATE", value: "2025", mod: "START"}}},
		{"the period of the last date named", "The siege began on March 3, 2024. Later in the week the town fell, and by the end of the year it was rebuilt.",
			[]want{{text: "Later in the week", typ: "DATE", value: "2024-W09"}, {text: "the end of the year", typ: "DATE", value: "2024", mod: "END"}}},
		{"a part of the day after or on the day named", "Militants seized the bridge on Friday. That night the army shelled it; the next morning it was retaken.",
			[]want{{text: "That night", typ: "TIME", value: "2025-11-14TNI"}, {text: "the next morning", typ: "TIME", value: "2025-11-15TMO"}}},
		{"counted durations", "The siege lasted 18 months, then a two-week truce held for several days.",
			[]want{{text: "18 months", typ: "DURATION", value: "P18M"}, {text: "two-week", typ: "DURATION", value: "P2W"}, {text: "several days", typ: "DURATION", value: "PXD"}}},
		{"hours", "The fight lasted three hours.",
			[]want{{text: "three hours", typ: "DURATION", value: "PT3H"}}},
		{"two decades ago is approximate", "The war on drugs began two decades ago.",
			[]want{{text: "two decades ago", typ: "DATE", value: "2005", mod: "APPROX"}}},
		{"days ago", "The boat sank three days ago.",
			[]want{{text: "three days ago", typ: "DATE", value: "2025-11-15"}}},
		{"a modifier is kept", "The talks lasted nearly two years.",
			[]want{{text: "nearly two years", typ: "DURATION", value: "P2Y", mod: "LESS_THAN"}}},
		{"a year earlier counts from the last date named", "Exports rose in March 2024, up from a year earlier.",
			[]want{{text: "a year earlier", typ: "DATE", value: "2023-03"}}},
		{"the next day counts from the last date named", "Troops landed on Nov. 3. The next day they withdrew.",
			[]want{{text: "The next day", typ: "DATE", value: "2025-11-04"}}},
		{"that day is the day last named", "Troops landed on Nov. 3. Later that day they withdrew.",
			[]want{{text: "Later that day", typ: "DATE", value: "2025-11-03"}}},
		{"holidays", "The ceasefire ends at Christmas; talks resume after Thanksgiving.",
			[]want{{text: "Christmas", typ: "DATE", value: "2025-12-25"}, {text: "Thanksgiving", typ: "DATE", value: "2025-11-27"}}},
		{"two weeks after an event, with no date before it, is a bare duration", "Trump spoke two weeks after NBC reported the plan.",
			[]want{{text: "two weeks", typ: "DURATION", value: "P2W"}}},
		{"n units after an event: the earlier event lies n units before the last date", "Trump spoke on Monday. The remarks came two weeks after NBC reported the plan.",
			[]want{{text: "two weeks", typ: "DURATION", value: "P2W", from: "2025-11-03", until: "2025-11-17"}}},
		{"n units before an event: the later event lies n units after the last date", "The army left on Nov. 3, three days before the election.",
			[]want{{text: "three days", typ: "DURATION", value: "P3D", from: "2025-11-03", until: "2025-11-06"}}},
		{"months after a month", "The strikes began in September, two months after the order was signed.",
			[]want{{text: "two months", typ: "DURATION", value: "P2M", from: "2025-07", until: "2025-09"}}},
		{"a reference coarser than the unit fixes no range", "In 2024, three days after the vote, talks resumed.",
			[]want{{text: "three days", typ: "DURATION", value: "P3D"}}},
		{"hours after a day fix no range", "Troops landed on Nov. 3. Six hours after the landing they withdrew.",
			[]want{{text: "Six hours", typ: "DURATION", value: "PT6H"}}},
		{"next to is a place, not the future", "Bombs exploded next to the embassy on Friday.",
			[]want{{text: "Friday", typ: "DATE", value: "2025-11-14"}}},
		{"set to is the future", "Talks are set to resume Monday in Belfast.",
			[]want{{text: "Monday", typ: "DATE", value: "2025-11-24"}}},
		{"a modal far back in a long sentence still tells", "She will be named commander of the space shuttle Columbia for a long mission in the Pacific in March.",
			[]want{{text: "March", typ: "DATE", value: "2026-03"}}},
		{"an adjective in -ed is no past", "The split would be paid on a still unspecified date in January.",
			[]want{{text: "January", typ: "DATE", value: "2026-01"}}},
		{"a present passive is scheduled", "The appeal is heard in February.",
			[]want{{text: "February", typ: "DATE", value: "2026-02"}}},
		{"plans as a noun tell nothing", "On Friday, when she set aside vacation plans, the trip began.",
			[]want{{text: "Friday", typ: "DATE", value: "2025-11-14"}}},
		{"planned to is what was then ahead", "The team planned to leave Nairobi on Thursday.",
			[]want{{text: "Thursday", typ: "DATE", value: "2025-11-20"}}},
		{"a participle planned for a day leaves the tense to the clause", "A memorial service planned for Saturday was canceled.",
			[]want{{text: "Saturday", typ: "DATE", value: "2025-11-15"}}},
		{"what was agreed to happen lies after the agreement", "The ministry agreed to lease two more ferries in June.",
			[]want{{text: "June", typ: "DATE", value: "2026-06"}}},
		{"likely to looks ahead too", "Donors are likely to pledge more aid in June.",
			[]want{{text: "June", typ: "DATE", value: "2026-06"}}},
		{"agreed to a noun keeps its past", "The rebels agreed to a truce in February.",
			[]want{{text: "February", typ: "DATE", value: "2025-02"}}},
		{"an agreement in the past perfect tells no tense", "The port had agreed to lease the cranes in February, but the deal collapsed.",
			[]want{{text: "February", typ: "DATE", value: "2025-02"}}},
		{"a verb late in a long sentence still tells", "In March, three weeks after the start of the ceasefire talks in the Qatari capital of Doha, the rebels shelled the port.",
			[]want{{text: "March", typ: "DATE", value: "2025-03"}}},
		{"set without to is a past", "The court ruled that he must be returned and set Friday as the deadline.",
			[]want{{text: "Friday", typ: "DATE", value: "2025-11-14"}}},
		{"a clock time falls on the last day named", "Troops landed on Nov. 3. The first shots came at 6 a.m. near the port.",
			[]want{{text: "6 a.m.", typ: "TIME", value: "2025-11-03T06:00"}}},
		{"an irregular past", "The king met Saddam Thursday.",
			[]want{{text: "Thursday", typ: "DATE", value: "2025-11-13"}}},
		{"a year ago after a reported quarter is that quarter a year back", "Net rose in the third quarter ended Sept. 30, from $5 million a year ago.",
			[]want{{text: "the third quarter", typ: "DATE", value: "2025-Q3"}, {text: "a year ago", typ: "DATE", value: "2024-Q3"}}},
		{"the nine months make the year the reference", "Net rose in the third quarter. For the nine months, net fell from a year earlier.",
			[]want{{text: "the nine months", typ: "DURATION", value: "P9M"}, {text: "a year earlier", typ: "DATE", value: "2024"}}},
		{"a year named by its end is a duration", "Revenue was $76 million for the year ended March 31.",
			[]want{{text: "the year", typ: "DURATION", value: "P1Y"}}},
		{"the full year and the current fiscal year", "It forecast growth for the full year and in the current fiscal year.",
			[]want{{text: "the full year", typ: "DATE", value: "2025"}, {text: "the current fiscal year", typ: "DATE", value: "2025"}}},
		{"years said in words", "In January nineteen ninety-seven, and in the winter of nineteen ninety-four, before the year two thousand.",
			[]want{{text: "January nineteen ninety-seven", typ: "DATE", value: "1997-01"}, {text: "the winter of nineteen ninety-four", typ: "DATE", value: "1994-WI"}, {text: "the year two thousand", typ: "DATE", value: "2000"}}},
		{"year-end is the end of the year", "The deal should close by year-end; sales have risen since year-end.",
			[]want{{text: "year-end", typ: "DATE", value: "2025", mod: "END"}}},
		{"a season with the article is the one nearest in the clause's tense", "Demand was weak into the summer, but growth will return in the spring.",
			[]want{{text: "the summer", typ: "DATE", value: "2025-SU"}, {text: "the spring", typ: "DATE", value: "2026-SP"}}},
		{"the near future and the short term are the future", "No deal is likely in the near future or the short term.",
			[]want{{text: "the near future", typ: "DATE", value: "FUTURE_REF"}, {text: "the short term", typ: "DATE", value: "FUTURE_REF"}}},
		{"sets", "Patrols run every week, briefings happen daily and markets close every Monday.",
			[]want{{text: "every week", typ: "SET", value: "P1W"}, {text: "daily", typ: "SET", value: "P1D"}, {text: "every Monday", typ: "SET", value: "XXXX-WXX-1"}}},
		{"present and past references", "The port is now closed; it was recently bombed, as it was in the past.",
			[]want{{text: "now", typ: "DATE", value: "PRESENT_REF"}, {text: "recently", typ: "DATE", value: "PAST_REF"}, {text: "the past", typ: "DATE", value: "PAST_REF"}}},
		{"digits", "Filed 1998-08-07 and 11/02/89.",
			[]want{{text: "1998-08-07", typ: "DATE", value: "1998-08-07"}, {text: "11/02/89", typ: "DATE", value: "1989-11-02"}}},
		{"clock times in words", "We heard at four o'clock in the morning and left at quarter to six; talks began at half past seven and ended at a quarter past 10 p.m.",
			[]want{{text: "four o'clock in the morning", typ: "TIME", value: "2025-11-18T04:00"}, {text: "quarter to six", typ: "TIME", value: "2025-11-18T05:45"},
				{text: "half past seven", typ: "TIME", value: "2025-11-18T07:30"}, {text: "a quarter past 10 p.m.", typ: "TIME", value: "2025-11-18T22:15"}}},
		{"a clock time takes the day named right after it", "Voting ended on Sunday, but the last ballot was cast at 2:30 the next day.",
			[]want{{text: "Sunday", typ: "DATE", value: "2025-11-16"}, {text: "2:30 the next day", typ: "TIME", value: "2025-11-17T02:30"}}},
		{"a year alone", "The treaty dates from 1901.",
			[]want{{text: "1901", typ: "DATE", value: "1901"}}},
		{"effective with a day is ahead, whatever the clause's tense", "The union signed a pact effective June 1.",
			[]want{{text: "June 1", typ: "DATE", value: "2026-06-01"}}},
		{"until yields to a past clause after it", "Until Monday, police had not named a suspect.",
			[]want{{text: "Monday", typ: "DATE", value: "2025-11-17", until: "2025-11-17"}}},
		{"until alone speaks of the future", "The border stays closed until Monday.",
			[]want{{text: "Monday", typ: "DATE", value: "2025-11-24", until: "2025-11-24"}}},
		{"a weekday before a date is that date", "The raid came on Friday Oct. 31 at dawn.",
			[]want{{text: "Friday Oct. 31", typ: "DATE", value: "2025-10-31"}}},
		{"last with a day of the month", "He was shot last Oct. 23 at his home.",
			[]want{{text: "last Oct. 23", typ: "DATE", value: "2025-10-23"}}},
		{"weekday nights are a set", "Flights leave on Tuesday nights.",
			[]want{{text: "Tuesday nights", typ: "SET", value: "XXXX-WXX-2TNI"}}},
		{"halves", "The siege lasted 2 1/2 years; the talk took 5 1/2 hours and a minute and a half.",
			[]want{{text: "2 1/2 years", typ: "DURATION", value: "P2Y6M"}, {text: "5 1/2 hours", typ: "DURATION", value: "PT5H30M"},
				{text: "a minute and a half", typ: "DURATION", value: "PT1M30S"}}},
		{"the following month counts from a month named", "The army pulled out in March. The following month, fighting resumed.",
			[]want{{text: "March", typ: "DATE", value: "2025-03"}, {text: "The following month", typ: "DATE", value: "2025-04"}}},
		{"a fiscal quarter", "Net rose in the fiscal first quarter and the fiscal-second quarter.",
			[]want{{text: "the fiscal first quarter", typ: "DATE", value: "2025-Q1"}, {text: "the fiscal-second quarter", typ: "DATE", value: "2025-Q2"}}},
		{"a fiscal quarter ended in another calendar quarter is a year back from that quarter",
			"Net rose to $5 million for the fiscal first quarter ended Sept. 30. It lost $2 million a year earlier.",
			[]want{{text: "a year earlier", typ: "DATE", value: "2024-Q1"}}},
		{"a quarter still running is not the one reported on in a clause about the future",
			"Net fell in the third quarter. The storm will mean a fourth-quarter charge. Sales were lower than a year ago.",
			[]want{{text: "a year ago", typ: "DATE", value: "2024-Q3"}}},
		{"a quarter still running is the one reported on in a past clause (a fiscal quarter)",
			"The company reported a decline in fourth-quarter earnings. It earned $5 million a year earlier.",
			[]want{{text: "a year earlier", typ: "DATE", value: "2024-Q4"}}},
		{"a decade in words", "Prices rose in the nineties.",
			[]want{{text: "the nineties", typ: "DATE", value: "199"}}},
		{"a couple of units after next", "Sales should double over the next couple of years.",
			[]want{{text: "the next couple of years", typ: "DURATION", value: "P2Y"}}},
		{"-long compounds are durations", "A day-long meeting ended a decades-long feud.",
			[]want{{text: "day-long", typ: "DURATION", value: "P1D"}, {text: "decades-long", typ: "DURATION", value: "PXY"}}},
		{"US Election Day ahead", "Voters will go to the polls on Election Day.",
			[]want{{text: "Election Day", typ: "DATE", value: "2026-11-03"}}},
		{"US Election Day behind", "The results of Election Day surprised many.",
			[]want{{text: "Election Day", typ: "DATE", value: "2025-11-04"}}},
		{"Thanksgiving in a past clause", "Talks collapsed on Thanksgiving.",
			[]want{{text: "Thanksgiving", typ: "DATE", value: "2024-11-28"}}},
		{"a plan in the past perfect is past", "The bid had been due to expire Friday evening; the other had been scheduled to expire at midnight Thursday.",
			[]want{{text: "Friday evening", typ: "TIME", value: "2025-11-14TEV"}, {text: "midnight Thursday", typ: "TIME", value: "2025-11-13T24:00"}}},
		{"a past perfect without a plan keeps the clause's tense", "The sale, which had been expected, will close on Friday.",
			[]want{{text: "Friday", typ: "DATE", value: "2025-11-21"}}},
		{"an earlier quarter named for comparison does not replace the one reported on",
			"Net rose in the third quarter. After a flat second quarter, sales grew. Net was $5 million a year ago.",
			[]want{{text: "second quarter", typ: "DATE", value: "2025-Q2"}, {text: "a year ago", typ: "DATE", value: "2024-Q3"}}},
		{"a part of the day alone falls on the day in focus", "Prices fell Friday. Dealers placed heavy orders in the morning.",
			[]want{{text: "the morning", typ: "TIME", value: "2025-11-14TMO"}}},
		{"mid-afternoon with a day after it", "At mid-afternoon yesterday, shares were up; by mid afternoon today they were down.",
			[]want{{text: "mid-afternoon yesterday", typ: "TIME", value: "2025-11-17TAF", mod: "MID"}, {text: "mid afternoon today", typ: "TIME", value: "2025-11-18TAF", mod: "MID"}}},
		{"a part of the day in the future with no day named is the next one", "He will call back in the morning.",
			[]want{{text: "the morning", typ: "TIME", value: "2025-11-19TMO"}}},
		{"midnight alone starts the day; before a day it ends that day", "He was killed shortly after midnight. The talks will end at midnight Friday.",
			[]want{{text: "midnight", typ: "TIME", value: "2025-11-18T00:00"}, {text: "midnight Friday", typ: "TIME", value: "2025-11-21T24:00"}}},
		{"a while ago is a past time, a little while a length", "A while ago they left; they will stay a little while.",
			[]want{{text: "A while ago", typ: "DATE", value: "PAST_REF"}, {text: "a little while", typ: "DURATION", value: "PXX"}}},
		{"a headline in title case keeps its times", "Hostages Freed After 444 Days",
			[]want{{text: "444 Days", typ: "DURATION", value: "P444D"}}},
		{"each month before a day is that day every year", "The city holds a parade each July 4.",
			[]want{{text: "each July 4", typ: "SET", value: "XXXX-07-04"}}},
		{"an hour in the morning", "He will leave at 4 in the morning and return at 8 in the evening.",
			[]want{{text: "4 in the morning", typ: "TIME", value: "2025-11-18T04:00"}, {text: "8 in the evening", typ: "TIME", value: "2025-11-18T20:00"}}},
		{"lengths given without a number", "They will live without power for a while, and prices may fall in the weeks ahead.",
			[]want{{text: "a while", typ: "DURATION", value: "PXX"}, {text: "the weeks ahead", typ: "DURATION", value: "PXW"}}},
		{"additional units and trading days", "The loan may run for an additional year. Eight trading days later, prices fell for two more weeks.",
			[]want{{text: "an additional year", typ: "DURATION", value: "P1Y"}, {text: "Eight trading days later", typ: "DATE", value: "2025-11-26"},
				{text: "two more weeks", typ: "DURATION", value: "P2W"}}},
		{"a compound before a noun leaves the article out", "The 23-year veteran quit after the two-week strike.",
			[]want{{text: "23-year", typ: "DURATION", value: "P23Y"}, {text: "two-week", typ: "DURATION", value: "P2W"}}},
		{"a half of a named year or decade", "Earnings will fall in the last half of 2026 and the first two quarters of 2027, as in the last half of the '80s.",
			[]want{{text: "the last half of 2026", typ: "DATE", value: "2026-H2"}, {text: "the first two quarters of 2027", typ: "DATE", value: "2027-H1"},
				{text: "the last half of the '80s", typ: "DATE", value: "198", mod: "END"}}},
		{"a day counted from a day named after it", "The day before last Tuesday's hearing, he flew home. A hearing is set for the week of Dec. 1.",
			[]want{{text: "The day before last Tuesday", typ: "DATE", value: "2025-11-10"}, {text: "the week of Dec. 1", typ: "DATE", value: "2025-W49"}}},
		{"about the future is not approximate", "Residents are worried about the future.",
			[]want{{text: "the future", typ: "DATE", value: "FUTURE_REF"}}},
		{"vague counts and years before or after in compounds", "He followed a several-year tenure in a multi-year deal shaped by post-1959 politics and pre-1990s rules.",
			[]want{{text: "several-year", typ: "DURATION", value: "PXY"}, {text: "multi-year", typ: "DURATION", value: "PXY"},
				{text: "post-1959", typ: "DATE", value: "1959", mod: "AFTER"}, {text: "pre-1990s", typ: "DATE", value: "199", mod: "BEFORE"}}},
		{"last May is the month", "Prices fell last May.",
			[]want{{text: "last May", typ: "DATE", value: "2025-05"}}},
		{"each month and every season are sets", "Marchers parade each July and ski every winter.",
			[]want{{text: "each July", typ: "SET", value: "XXXX-07"}, {text: "every winter", typ: "SET", value: "XXXX-WI"}}},
		{"a weekday shares a plural part of the day after it", "Flights leave on Monday and Tuesday nights.",
			[]want{{text: "Monday", typ: "SET", value: "XXXX-WXX-1TNI"}, {text: "Tuesday nights", typ: "SET", value: "XXXX-WXX-2TNI"}}},
		{"n units later counts from the day last named", "The dam burst on June 2, 2024. Two days later the valley flooded, and three months later it was drained.",
			[]want{{text: "Two days later", typ: "DATE", value: "2024-06-04"}, {text: "three months later", typ: "DATE", value: "2024-09-04"}}},
		{"hours later count whole days from a day named", "The dam burst on June 2, 2024. Thirty hours later the valley flooded; six hours later the roads closed.",
			[]want{{text: "Thirty hours later", typ: "DATE", value: "2024-06-03"}, {text: "six hours later", typ: "DATE", value: "2024-06-03"}}},
		{"afterward is later", "The dam burst on June 2, 2024. A week afterward the valley was drained.",
			[]want{{text: "A week afterward", typ: "DATE", value: "2024-06-09"}}},
		{"n units after that lie after the day last named", "The dam burst on June 2, 2024. A month after that, the valley was drained.",
			[]want{{text: "A month", typ: "DURATION", value: "P1M", from: "2024-06-02", until: "2024-07-02"}}},
		{"bare plurals joined to a length are lengths", "Repairs could take months and even years; crews worked for days, if not weeks.",
			[]want{{text: "months", typ: "DURATION", value: "PXM"}, {text: "years", typ: "DURATION", value: "PXY"},
				{text: "days", typ: "DURATION", value: "PXD"}, {text: "weeks", typ: "DURATION", value: "PXW"}}},
		{"over a count after a word asking for a length is more than", "The feud has lasted over eight years; the port was shut for over a week.",
			[]want{{text: "over eight years", typ: "DURATION", value: "P8Y", mod: "MORE_THAN"}, {text: "over a week", typ: "DURATION", value: "P1W", mod: "MORE_THAN"}}},
		{"over across a length or in take over stays out", "Rents rose 40 percent over six years. The junta took over two years ago.",
			[]want{{text: "six years", typ: "DURATION", value: "P6Y"}, {text: "two years ago", typ: "DATE", value: "2023"}}},
		{"over the years is a vague length", "Over the years the village emptied.",
			[]want{{text: "the years", typ: "DURATION", value: "PXY"}}},
		{"or so makes a count approximate", "The well dried up a month or so ago, after two weeks or so of heat.",
			[]want{{text: "a month or so ago", typ: "DATE", value: "2025-10", mod: "APPROX"}, {text: "two weeks or so", typ: "DURATION", value: "P2W", mod: "APPROX"}}},
		{"a vague count later is a length without later", "The dam broke on Monday. A few days later the valley drained, and several hours earlier a siren had sounded.",
			[]want{{text: "A few days", typ: "DURATION", value: "PXD"}, {text: "several hours", typ: "DURATION", value: "PTXH"}}},
		{"a bare plural between two events is a length", "Days later, the bridge reopened. Weeks earlier, engineers had warned of cracks.",
			[]want{{text: "Days", typ: "DURATION", value: "PXD"}, {text: "Weeks", typ: "DURATION", value: "PXW"}}},
		{"a bare plural before after or before an event", "Months after the flood, farmers replanted. The driver died hours after the crash, only days before his wedding.",
			[]want{{text: "Months", typ: "DURATION", value: "PXM"}, {text: "hours", typ: "DURATION", value: "PTXH"}, {text: "days", typ: "DURATION", value: "PXD"}}},
		{"a bare plural ago is a length back", "The mill, which just months ago employed 300, is shut.",
			[]want{{text: "months ago", typ: "DURATION", value: "PXM"}}},
		{"these days is now", "Fuel is scarce these days in the north.",
			[]want{{text: "these days", typ: "DATE", value: "PRESENT_REF"}}},
		{"the then current is a past, not now", "Shares were swapped at the then current price.",
			[]want{{text: "then current", typ: "DATE", value: "PAST_REF"}}},
		{"about or around before a possessive is a preposition", "Lawyers sought a way around Friday's ruling and argued about Monday's vote.",
			[]want{{text: "Friday", typ: "DATE", value: "2025-11-14"}, {text: "Monday", typ: "DATE", value: "2025-11-17"}}},
		{"an unknown count of quarters keeps its unit", "Sales have slipped for several quarters.",
			[]want{{text: "several quarters", typ: "DURATION", value: "PXQ"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			checkTimes(t, annotate(t, c.text, tuesday), c.want)
		})
	}
}

// TestHoursAgo specifies hours and minutes counted back from the
// publication time: to its clock when it has one, else from its midday.
func TestHoursAgo(t *testing.T) {
	morning := time.Date(2025, 11, 18, 9, 30, 0, 0, time.UTC)
	for _, c := range []struct {
		name      string
		published time.Time
		text      string
		value     string
	}{
		{"whole days of hours", tuesday, "Fighting resumed 48 hours ago.", "2025-11-16"},
		{"a day of hours", tuesday, "Fighting resumed 24 hours ago.", "2025-11-17"},
		{"a few hours on a day with no clock stay on it", tuesday, "Fighting resumed three hours ago.", "2025-11-18"},
		{"hours back past midnight of the publication clock", morning, "Fighting resumed 12 hours ago.", "2025-11-17"},
		{"minutes before the publication clock", morning, "The convoy left 45 minutes ago.", "2025-11-18"},
		{"hours later from the publication clock", morning, "The convoy will arrive 20 hours later.", "2025-11-19"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := annotate(t, c.text, c.published)
			if len(got) != 1 || got[0].Type != "DATE" || got[0].Value != c.value {
				t.Fatalf("got %+v, want one DATE %s", got, c.value)
			}
		})
	}
}

// TestCarriedYear specifies the year a day or month without one takes from
// the fully dated day before it, in an article published long after.
func TestCarriedYear(t *testing.T) {
	published := time.Date(2026, 1, 20, 12, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name string
		text string
		want []want
	}{
		{"a day in the same month", "On March 4, 2024, the council voted. On March 6, the mayor resigned.",
			[]want{{text: "March 6", typ: "DATE", value: "2024-03-06"}}},
		{"a chain of days and the next month", "On Nov. 28, 2024, the council voted. On Nov. 30 the mayor resigned, and by Dec. 3 a deputy had taken over.",
			[]want{{text: "Nov. 30", typ: "DATE", value: "2024-11-30"}, {text: "Dec. 3", typ: "DATE", value: "2024-12-03"}}},
		{"across the turn of the year", "On Dec. 30, 2024, the council voted. On Jan. 25 the mayor resigned.",
			[]want{{text: "Jan. 25", typ: "DATE", value: "2025-01-25"}}},
		{"not a day of the publication's year already past", "On Dec. 30, 2024, the council voted. On Jan. 2 the mayor resigned.",
			[]want{{text: "Jan. 2", typ: "DATE", value: "2026-01-02"}}},
		{"not a day the publication's year has already seen", "The war began on Dec. 27, 2024. On Jan. 10, strikes killed 20 people.",
			[]want{{text: "Jan. 10", typ: "DATE", value: "2026-01-10"}}},
		{"not a month far from it", "On March 4, 2024, the council voted. In October the mayor resigned.",
			[]want{{text: "October", typ: "DATE", value: "2025-10"}}},
		{"not into a future clause", "On Dec. 30, 2024, the council voted. The mayor will resign on Jan. 28.",
			[]want{{text: "Jan. 28", typ: "DATE", value: "2026-01-28"}}},
		{"not across a day without a written year", "On Dec. 30, 2024, the council voted. On Monday it said the mayor resigned on Dec. 31.",
			[]want{{text: "Dec. 31", typ: "DATE", value: "2025-12-31"}}},
		{"not from a month and year", "The December 2024 vote was annulled. On Dec. 31 the mayor resigned.",
			[]want{{text: "Dec. 31", typ: "DATE", value: "2025-12-31"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			checkTimes(t, annotate(t, c.text, published), c.want)
		})
	}
}

func TestNotTimes(t *testing.T) {
	for _, s := range []string{
		"The 10-year-old boy was 12 years old.",
		"They paid $2000 for 1500 rounds and 2000 people fled.",
		"You may go. We will march on.",
		"The daily newspaper and the quarterly report.",
		"He had a second chance.",
		"This matters to the future of our peoples.",
		"Bombs went off next to the embassy.",
		`The minister told ABC's "This Week" the talks had failed.`,
		`He said on CBS's "60 Minutes" that he was innocent.`,
		"For Poland, high noon has come.",
		"Once in a while it rains.",
		"The future looks bleak to him.",
		"He had no rational approach to the future.",
		"He was seen the day before authorities issued a warrant.",
		"She read the morning paper and watched the evening news.",
		"He worked on The Morning Show.",
		"Every winter storm closes the pass; each summer camp fills up.",
		"The striker scored 4 in the morning session.",
		"Aid is needed for the future generations.",
		"Over the past two harvests the rains failed.",
		"At the end of the day, voters decide.",
		"A quarter of a million people fled, three quarters of the 40 victims were women and a quarter million marched.",
		"That morning paper sold out; they met at the next evening class.",
		"They hold such events every now and again, and now and then a rally.",
		"Odds of quarter to six percent were quoted; he was one in the morning crowd.",
		"Shops keep longer hours before the holiday; the days before the vote were calm.",
		"One of these days the river will flood.",
		"Office hours after lunch are short.",
	} {
		if got := annotate(t, s, tuesday); len(got) != 0 {
			t.Errorf("%q: got %+v, want no expressions", s, got)
		}
	}
}

// Without a publication date a narrative is read from the dates it gives:
// a day or month without a year takes the last year written, "later"
// counts on from the day before it, and a part of the day joins the
// unresolved day it names.
func TestWithoutPublicationDateNarrative(t *testing.T) {
	got := annotate(t, "He fell ill on November 1, 2006. By November 11, he was in hospital. A week later he was moved. "+
		"A week later he died. In October he had become a citizen. A tsunami hit on Monday afternoon. "+
		"A vigil was set for Sunday, and protesters gathered that night.", time.Time{})
	checkTimes(t, got, []want{
		{text: "November 11", typ: "DATE", value: "2006-11-11"},
		{text: "October", typ: "DATE", value: "2006-10"},
		{text: "Monday afternoon", typ: "TIME", value: "XXXX-WXX-1TAF"},
		{text: "that night", typ: "TIME", value: "XXXX-WXX-7TNI"},
	})
	var later []string
	for _, x := range got {
		if x.Text == "A week later" {
			later = append(later, x.Value)
		}
	}
	if !slices.Equal(later, []string{"2006-11-18", "2006-11-25"}) {
		t.Errorf(`"A week later" twice = %v, want [2006-11-18 2006-11-25]`, later)
	}
}

func TestWithoutPublicationDateRelativeIsUnderspecified(t *testing.T) {
	got := annotate(t, "He said on Monday that last year strikes began in September, two days ago and yesterday; the deal of Nov. 3, 2025 stands.", time.Time{})
	checkTimes(t, got, []want{
		{text: "Monday", typ: "DATE", value: "XXXX-WXX-1"},
		{text: "last year", typ: "DATE", value: "XXXX"},
		{text: "September", typ: "DATE", value: "XXXX-09"},
		{text: "two days ago", typ: "DATE", value: "XXXX-XX-XX"},
		{text: "yesterday", typ: "DATE", value: "XXXX-XX-XX"},
		{text: "Nov. 3, 2025", typ: "DATE", value: "2025-11-03"},
	})
}

func TestSeedArticle(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "demo", "corpus", "strikes-mexico-2025-11-18.txt"))
	if err != nil {
		t.Fatal(err)
	}
	got := annotate(t, string(b), tuesday)
	checkTimes(t, got, []want{
		{text: "Monday", typ: "DATE", value: "2025-11-17"},
		// "Trump's remarks came two weeks after NBC reported": the
		// remarks are Monday's, so NBC's report was two weeks before.
		{text: "two weeks", typ: "DURATION", value: "P2W", from: "2025-11-03", until: "2025-11-17"},
		{text: "two decades ago", typ: "DATE", value: "2005", mod: "APPROX"},
		{text: "January", typ: "DATE", value: "2025-01"},
		{text: "September", typ: "DATE", value: "2025-09", from: "2025-09", until: "2025-11-18"},
	})
	checkInvariants(t, string(b), got)
}

// checkInvariants holds for any input: spans inside the text on rune
// boundaries, Text the text they cover, sorted and not overlapping,
// Type and Value filled.
func checkInvariants(t *testing.T, s string, got []sitrep.Time) {
	t.Helper()
	end := 0
	for _, x := range got {
		if x.Start < end || x.End <= x.Start || x.End > len(s) {
			t.Fatalf("span [%d,%d) after %d in text of %d bytes", x.Start, x.End, end, len(s))
		}
		if !isRuneStart(s, x.Start) || !isRuneStart(s, x.End) {
			t.Fatalf("span [%d,%d) splits a rune", x.Start, x.End)
		}
		if x.Text != s[x.Start:x.End] {
			t.Fatalf("Text %q, text has %q", x.Text, s[x.Start:x.End])
		}
		switch x.Type {
		case "DATE", "TIME", "DURATION", "SET":
		default:
			t.Fatalf("%q: type %q", x.Text, x.Type)
		}
		if x.Value == "" {
			t.Fatalf("%q: empty value", x.Text)
		}
		end = x.End
	}
}

// isRuneStart reports whether offset i does not cut a valid multi-byte
// rune (a stray continuation byte of invalid UTF-8 is not a rune).
func isRuneStart(s string, i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		r, size := utf8.DecodeRuneInString(s[j:])
		if r != utf8.RuneError && j+size > i {
			return false
		}
	}
	return true
}

func FuzzAnnotate(f *testing.F) {
	for _, seed := range []string{
		"He said on Monday that since September, two decades ago, the past three years...",
		// Small seeds: the fuzzer minimizes what it finds, and big inputs
		// make that slow. TestHostileInputs runs the megabyte ones.
		strings.Repeat("“unbalanced quote ", 20),
		strings.Repeat("1998 2,000 10:30 ", 50),
		strings.Repeat("x", 1<<10),
		"\xff\xfe Monday \xc3 night 5 p.m. \xe2\x80",
		"the the the the of the end of the the past the last the next",
		"a a a a couple of of few years ago earlier later from now",
		"Feb. 29, 2023 Feb. 30 13/45/99 99999999 00-00-00 0000EDT 2599s '99s mid- -year",
		"every every each per twenty-four-hour twenty- -week year-earlier the year-ago quarter",
		"Monday, Nov. 17 10 p.m. Wednesday noon Thursday midnight , ,",
	} {
		f.Add(seed, int64(0))
		f.Add(seed, tuesday.Unix())
	}
	f.Fuzz(func(t *testing.T, s string, unix int64) {
		var pub time.Time
		if unix != 0 {
			pub = time.Unix(unix%(1<<36), 0).UTC()
		}
		checkInvariants(t, s, annotate(t, s, pub))
	})
}

// TestHostileInputs runs inputs built to find quadratic paths (chains of
// words that each start an expression, 1 MB without a space) and checks
// they finish in time linear in their size.
func TestHostileInputs(t *testing.T) {
	for _, c := range []struct {
		name string
		unit string
	}{
		{"no spaces", "x"},
		{"articles", "the "},
		{"clock times", "noon "},
		{"weekdays", "Monday, "},
		{"numbers", "1998 2,000 10:30 "},
		{"amounts", "a couple of "},
		{"nested days", "the day before "},
		{"nested halves", "the first half of "},
		{"parts of days", "mid afternoon the morning "},
		{"quotes", "“"},
		{"invalid UTF-8", "\xff\xc3 "},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := strings.Repeat(c.unit, (1<<20)/len(c.unit))
			d := sitrep.NewDoc(sitrep.Article{Text: s, Published: tuesday})
			if err := (text.Annotator{}).Annotate(d); err != nil {
				t.Fatal(err)
			}
			// Whether the time grows in proportion to the size is for the
			// pipeline's BenchmarkHostile, not for a test on a busy machine.
			if err := (timex.Annotator{}).Annotate(d); err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, s, d.Times)
		})
	}
}

func TestVersionAndName(t *testing.T) {
	a := timex.Annotator{}
	if a.Name() != "timex" || a.Version() == "" {
		t.Errorf("Name %q Version %q", a.Name(), a.Version())
	}
	var _ sitrep.Annotator = a
}

// valueFloor is the value F1 measured on TimeBank + AQUAINT when the
// annotator last changed, less 0.005.
const valueFloor = 0.822

func TestQualityFloorTBAQ(t *testing.T) {
	dir := shareddata.Path(t, "timex/tbaq")
	var docs []eval.TimeMLDoc
	for _, sub := range []string{"TimeBank", "AQUAINT"} {
		d, err := eval.ReadTimeMLDir(filepath.Join(dir, sub))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d...)
	}
	sys := make([][]sitrep.Time, len(docs))
	for i, g := range docs {
		sys[i] = annotate(t, g.Text, g.DCT)
	}
	r, err := eval.ScoreTimex(docs, sys)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("relaxed F1 %.3f, strict F1 %.3f, value F1 %.3f", r.RelaxedF1, r.StrictF1, r.ValueF1)
	if r.ValueF1 < valueFloor {
		t.Errorf("value F1 %.3f below the floor %.3f", r.ValueF1, valueFloor)
	}
}

// BenchmarkAnnotate times the timex annotator alone on a Doc that text and
// ner have already annotated.
func BenchmarkAnnotate(b *testing.B) {
	annotatetest.Benchmark(b, timex.Annotator{}, annotatetest.SeedCases(b))
}
