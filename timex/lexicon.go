package timex

import "strings"

// Read-only word tables. Keys are lower case; abbreviations are listed with
// and without their period because the tokenizer keeps it on some.

var monthWords = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan.": 1, "feb.": 2, "mar.": 3, "apr.": 4, "jun.": 6, "jul.": 7, "aug.": 8,
	"sep.": 9, "sept.": 9, "oct.": 10, "nov.": 11, "dec.": 12,
	"jan": 1, "feb": 2, "apr": 4, "aug": 8, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// weekdayWords map to ISO numbers, Monday 1.
var weekdayWords = map[string]int{
	"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
	"mon.": 1, "tue.": 2, "tues.": 2, "wed.": 3, "thu.": 4, "thur.": 4, "thurs.": 4, "fri.": 5, "sat.": 6, "sun.": 7,
}

var seasonWords = map[string]int{ // first month
	"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12,
}

var dayPartWords = map[string]string{
	"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
}

var unitWords = map[string]unit{
	"second": uSecond, "seconds": uSecond, "minute": uMinute, "minutes": uMinute,
	"hour": uHour, "hours": uHour, "day": uDay, "days": uDay,
	"week": uWeek, "weeks": uWeek, "weekend": uWeekend, "weekends": uWeekend,
	"month": uMonth, "months": uMonth, "quarter": uQuarter, "quarters": uQuarter,
	"year": uYear, "years": uYear, "decade": uDecade, "decades": uDecade,
	"century": uCentury, "centuries": uCentury,
}

// isPluralUnit tells "years" from "year": a bare plural is an unspecified
// amount.
var pluralUnit = map[string]bool{
	"seconds": true, "minutes": true, "hours": true, "days": true, "weeks": true, "weekends": true,
	"months": true, "quarters": true, "years": true, "decades": true, "centuries": true,
}

var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}

var ordinalWords = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
	"eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
	"1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8, "9th": 9,
	"10th": 10, "11th": 11, "12th": 12, "13th": 13, "14th": 14, "15th": 15, "16th": 16,
	"17th": 17, "18th": 18, "19th": 19, "20th": 20, "21st": 21, "22nd": 22, "23rd": 23,
	"24th": 24, "25th": 25, "26th": 26, "27th": 27, "28th": 28, "29th": 29, "30th": 30, "31st": 31,
}

// vagueAmounts are quantity words that leave the number unspecified.
var vagueAmounts = map[string]bool{
	"several": true, "few": true, "many": true, "some": true, "numerous": true, "dozens": true,
	"hundreds": true,
}

// refWords are single words with a fixed TIMEX3 value.
var refWords = map[string]struct{ typ, value string }{
	"now":       {"DATE", "PRESENT_REF"},
	"currently": {"DATE", "PRESENT_REF"},
	"current":   {"DATE", "PRESENT_REF"},
	"presently": {"DATE", "PRESENT_REF"},
	"nowadays":  {"DATE", "PRESENT_REF"},
	"recently":  {"DATE", "PAST_REF"},
	"lately":    {"DATE", "PAST_REF"},
	"formerly":  {"DATE", "PAST_REF"},
}

// setWords are adverbs of frequency.
// spelledDecades are decades said in words, read in the 1900s.
var spelledDecades = map[string]int{
	"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
	"seventies": 70, "eighties": 80, "nineties": 90,
}

var setWords = map[string]string{
	"hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
	"quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y",
}

// modWords open an expression and give it a TIMEX3 mod.
var modWords = map[string]string{
	"about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
	"nearly": "LESS_THAN", "almost": "LESS_THAN", "early": "START", "late": "END",
	"mid": "MID", "mid-": "MID",
}

// futureCues mark a clause about the future; pastCues one about the past.
// Words whose reading depends on the next word ("plans to", "set to",
// "next week" but not "next to") are decided in scanner.cue.
var futureCues = map[string]bool{
	"will": true, "'ll": true, "’ll": true, "shall": true, "wo": true, "going": true,
	"scheduled": true, "expected": true, "expects": true, "upcoming": true, "would": true,
	"soon": true, "intends": true, "aims": true, "hopes": true, "may": true,
	"might": true, "postponed": true, "delayed": true, "adjourned": true, "until": true,
	"tomorrow": true, "planning": true,
}

// pastCues are auxiliaries and common irregular past tenses (regular ones
// end in -ed and are found by their suffix).
var pastCues = map[string]bool{
	"said": true, "was": true, "were": true, "had": true, "did": true, "told": true,
	"ago": true, "last": true, "since": true, "killed": true, "yesterday": true,
	"met": true, "came": true, "went": true, "took": true, "made": true, "gave": true,
	"began": true, "left": true, "held": true, "saw": true, "sent": true, "brought": true,
	"found": true, "fell": true, "rose": true, "won": true, "lost": true, "struck": true,
	"spoke": true, "wrote": true, "ran": true, "led": true, "fled": true, "shot": true,
	"stood": true, "heard": true, "kept": true, "paid": true, "sold": true, "quit": true,
	"got": true, "became": true, "knew": true, "thought": true, "felt": true, "flew": true,
	"broke": true, "drove": true, "threw": true, "caught": true, "fought": true, "bought": true,
	"taught": true, "chose": true, "swore": true, "sank": true, "blew": true, "tore": true,
	"arrived": true, "announced": true, "ended": true,
}

// planWords point to the future only before "to" or "for" ("set to
// resume", "due for Monday"); alone they are nouns or past participles.
var planWords = map[string]bool{
	"set": true, "due": true, "supposed": true,
	"ready": true, "poised": true, "prepared": true, "prepares": true, "preparing": true,
}

// commitWords look ahead when an infinitive follows: what was agreed,
// promised or is likely "to" happen lies after the agreement ("agreed to
// lease two more ferries in June"); otherwise they keep their own tense.
var commitWords = map[string]bool{
	"agree": true, "agrees": true, "agreed": true, "agreement": true, "agreements": true,
	"likely": true, "unlikely": true, "promised": true, "pledged": true, "vowed": true,
	"offered": true, "intend": true, "intended": true,
}

// triggers are the words an expression can start with; any other word
// that is not a number or a hyphenated compound is skipped with one lookup.
var triggers = func() map[string]bool {
	t := map[string]bool{}
	for _, m := range []map[string]int{monthWords, weekdayWords, seasonWords, numberWords, ordinalWords} {
		for w := range m {
			t[w] = true
		}
	}
	for w := range unitWords {
		t[w] = true
	}
	for w := range vagueAmounts {
		t[w] = true
	}
	for w := range refWords {
		t[w] = true
	}
	for w := range setWords {
		t[w] = true
	}
	for w := range modWords {
		t[w] = true
	}
	for _, w := range []string{
		"a", "an", "the", "this", "last", "next", "past", "previous", "preceding", "coming",
		"following", "upcoming", "current", "present", "recent", "earlier", "later",
		"today", "yesterday", "tomorrow", "tonight", "noon", "midday", "midnight",
		"every", "each", "per", "fiscal", "more", "less", "fewer", "at", "up", "no", "end",
		"dozens", "hundreds", "that", "christmas", "new", "halloween", "thanksgiving", "election",
		"mid-morning", "midmorning", "mid-afternoon", "midafternoon", "half", "over", "these",
	} {
		t[w] = true
	}
	return t
}()

// closedClass are words that may follow a time without making it an
// adjective ("in the morning, he", "the morning before"): articles,
// pronouns, prepositions, conjunctions, auxiliaries and words of time. A
// lower-case word outside it after a part of the day is read as the noun
// the part qualifies ("the morning paper").
var closedClass = func() map[string]bool {
	t := map[string]bool{}
	for _, w := range strings.Fields(`a an the this that these those and or but nor so yet if
		of in on at to for from by with without as than when while before after until till since
		about around near into onto over under through during between against among across
		i you he she it we they me him her us them his its our their my your who which what
		is was are were be been being am will would shall should can could may might must
		has have had do does did not no also then there here now again still just only even
		yesterday today tomorrow tonight local time hours hour`) {
		t[w] = true
	}
	return t
}()
