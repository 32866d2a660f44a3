package quote

import (
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
)

// want describes one expected quote. Speaker is the speaker mention as
// written; SpeakerOf, when set, is a mention in the text whose entity the
// speaker must resolve to (same Key), so that the test does not depend on
// how the tagger spells canonical names.
type want struct {
	Text      string
	Direct    bool
	Cue       string
	Speaker   string
	SpeakerOf string
	Addressee string
}

// checkQuotes fails t unless each wanted quote is in d.Quotes as described.
func checkQuotes(t *testing.T, d *sitrep.Doc, wants []want) {
	t.Helper()
	for _, w := range wants {
		q := findQuote(d, w.Text)
		if q == nil {
			t.Errorf("no quote %q; have:\n%s", w.Text, dump(d))
			continue
		}
		if q.Direct != w.Direct {
			t.Errorf("%q: Direct %v, want %v", w.Text, q.Direct, w.Direct)
		}
		if q.Cue != w.Cue {
			t.Errorf("%q: Cue %q, want %q", w.Text, q.Cue, w.Cue)
		}
		switch {
		case w.Speaker == "" && q.Speaker != nil:
			t.Errorf("%q: speaker %q, want none", w.Text, q.Speaker.Text)
		case w.Speaker != "" && q.Speaker == nil:
			t.Errorf("%q: no speaker, want %q", w.Text, w.Speaker)
		case w.Speaker != "" && q.Speaker.Text != w.Speaker:
			t.Errorf("%q: speaker %q, want %q", w.Text, q.Speaker.Text, w.Speaker)
		}
		if w.SpeakerOf != "" && q.Speaker != nil {
			key := keyOf(d, w.SpeakerOf)
			if key == "" || q.Speaker.Key != key {
				t.Errorf("%q: speaker key %q, want the key of %q (%q)", w.Text, q.Speaker.Key, w.SpeakerOf, key)
			}
			if q.Speaker.Name == "" {
				t.Errorf("%q: speaker has no name", w.Text)
			}
		}
		got := ""
		if q.Addressee != nil {
			got = *q.Addressee
		}
		if got != w.Addressee {
			t.Errorf("%q: addressee %q, want %q", w.Text, got, w.Addressee)
		}
	}
}

func findQuote(d *sitrep.Doc, text string) *sitrep.Quote {
	for i := range d.Quotes {
		if d.Quotes[i].Text == text {
			return &d.Quotes[i]
		}
	}
	return nil
}

// keyOf returns the Key of the first entity mention written as text.
func keyOf(d *sitrep.Doc, text string) string {
	for _, e := range d.Entities {
		if e.Text == text {
			return e.Key
		}
	}
	return ""
}

func dump(d *sitrep.Doc) string {
	var b strings.Builder
	for _, q := range d.Quotes {
		sp := "-"
		if q.Speaker != nil {
			sp = q.Speaker.Text + "→" + q.Speaker.Key
		}
		b.WriteString("  " + q.Cue + " | " + sp + " | " + q.Text + "\n")
	}
	return b.String()
}

func TestSeedArticle(t *testing.T) {
	d := seedDoc(t)
	checkInvariants(t, d)
	checkQuotes(t, d, []want{
		{Text: "he may expand his unprecedented attack on drug cartels in Latin America to include Mexico", Cue: "said", Speaker: "Donald Trump", SpeakerOf: "Donald Trump"},
		{Text: "Will we go on strike in Mexico to stop drugs? That’s fine. I’m talking to Mexico. They know my position", Direct: true, Cue: "told", Speaker: "he", SpeakerOf: "Donald Trump", Addressee: "reporters"},
		// The second quote of the paragraph has no cue of its own.
		{Text: "We’ve lost hundreds of thousands of people to drugs, so now we’re shutting down the waterways, but we know all the routes.", Direct: true, Cue: "told", Speaker: "he", SpeakerOf: "Donald Trump", Addressee: "reporters"},
		{Text: "she opposes such attacks on her country’s soil", Cue: "said", Speaker: "Claudia Sheinbaum", SpeakerOf: "Claudia Sheinbaum"},
		{Text: "Mexico City’s opposition may fall on deaf ears", Cue: "told", Speaker: "Geoff Garmany", SpeakerOf: "Geoff Garmany", Addressee: "Al Jazeera"},
		{Text: "There are several legal hurdles in the way, some domestic, some international. There are also fundamental protocols of international diplomacy that are probably not bound by law but are generally respected by UN member states", Direct: true, Cue: "said", Speaker: "he", SpeakerOf: "Geoff Garmany"},
		// A quote paragraph without a cue continues the previous speaker's.
		{Text: "But there is nothing about Trump’s second term in office that suggests he will abide by these laws and protocols. So, no, I would be surprised if Trump really wanted to carry out an attack in Mexico and wait for President Sheinbaum’s approval.", Direct: true, Cue: "said", Speaker: "he", SpeakerOf: "Geoff Garmany"},
		{Text: "the White House was preparing for the initial stages of a ground operation in Mexico that would be conducted jointly with U.S. intelligence agencies", Cue: "reported", Speaker: "NBC", SpeakerOf: "NBC"},
		{Text: "the operation would focus on drone attacks on pharmaceutical laboratories and cartel members in Mexico", Cue: "said", Speaker: "The report"},
		{Text: "the United States already had a final list of targets", Cue: "suggested", Speaker: "Trump", SpeakerOf: "Donald Trump"},
		{Text: "We know all the routes. We know the addresses of all the drug cartels", Direct: true, Cue: "told", Speaker: "Trump", SpeakerOf: "Donald Trump", Addressee: "reporters"},
		{Text: "We know their addresses. We know their front doors. We know everything about each and every one of them.", Direct: true, Cue: "told", Speaker: "Trump", SpeakerOf: "Donald Trump", Addressee: "reporters"},
		// Partial quotes: the subject of "described" said these words.
		{Text: "war-like", Direct: true, Cue: "described", Speaker: "He", SpeakerOf: "Donald Trump"},
		{Text: "hundreds of thousands", Direct: true, Cue: "described", Speaker: "He", SpeakerOf: "Donald Trump"},
		{Text: "given the strength of Mexico’s drug cartels, U.S. attacks on Mexico are likely to be minimal", Cue: "told", Speaker: "Gharmani", SpeakerOf: "Gharmani", Addressee: "Al Jazeera"},
		{Text: "Mexican cartels are among the strongest and most organized criminal organizations in the world. They have extensive resources and occupy a unique geographic position between the United States and other Latin American countries. Carrying out targeted military attacks would be more of a PR stunt than anything else. There is no stopping one of the world’s most lucrative illicit supply chains", Direct: true, Cue: "said", Speaker: "he", SpeakerOf: "Gharmani"},
		// Attributed content with embedded quoted terms is one reported quote.
		{Text: "the strikes were a “non-international armed conflict” targeting “narco-terrorists” and “illegal combatants,”", Cue: "said", Speaker: "The Trump administration"},
	})
	// Scare quotes, negated cues and the writer's own words are not quotes.
	for _, not := range []string{"foreign terrorist organizations", "war", "non-international armed conflict", "narco-terrorists", "war on terror"} {
		if findQuote(d, not) != nil {
			t.Errorf("scare quote %q taken for speech", not)
		}
	}
	for _, q := range d.Quotes {
		if strings.Contains(q.Text, "when or how such an attack") {
			t.Errorf("negated cue taken for speech: %q", q.Text)
		}
	}
	if len(d.Quotes) != 17 {
		t.Errorf("%d quotes, want 17:\n%s", len(d.Quotes), dump(d))
	}
}

func TestStyles(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"inverted cue with a title", "“We will respond to this attack,” said President Emmanuel Macron.",
			[]want{{Text: "We will respond to this attack", Direct: true, Cue: "said", Speaker: "Emmanuel Macron", SpeakerOf: "Emmanuel Macron"}}},
		{"a name after its title", "“The ceasefire holds,” the defence minister of Chad, Issa Mahamat, said on Monday. The governor of Sonora, Alfonso Durazo, said the roads were open.",
			[]want{
				{Text: "The ceasefire holds", Direct: true, Cue: "said", Speaker: "Issa Mahamat", SpeakerOf: "Issa Mahamat"},
				{Text: "the roads were open", Cue: "said", Speaker: "Alfonso Durazo", SpeakerOf: "Alfonso Durazo"},
			}},
		{"a person of an organization", `Jan Egeland of the Norwegian Refugee Council said: "The camps are full." A resident said: “We have nothing left."`,
			[]want{
				{Text: "The camps are full.", Direct: true, Cue: "said", Speaker: "Jan Egeland", SpeakerOf: "Jan Egeland"},
				{Text: "We have nothing left.", Direct: true, Cue: "said", Speaker: "A resident"},
			}},
		{"a quote that ends its sentence keeps the cue before it", `Keefe stated, "The claims have no merit." Water expert Ben Carter wrote the wells were dirty.`,
			[]want{
				{Text: "The claims have no merit.", Direct: true, Cue: "stated", Speaker: "Keefe"},
				{Text: "the wells were dirty", Cue: "wrote", Speaker: "Ben Carter", SpeakerOf: "Ben Carter"},
			}},
		{"a cue before that opens its own clause", `The firm found "no evidence of harm." Ken May, a former engineer, said that the wells were dirty.`,
			[]want{
				{Text: "no evidence of harm.", Direct: true, Cue: "found", Speaker: "The firm"},
				{Text: "the wells were dirty", Cue: "said", Speaker: "Ken May", SpeakerOf: "Ken May"},
			}},
		{"a date is no speaker", `"The water at the base camp was never treated at all," reads a July 15, 2005 memo.`,
			[]want{{Text: "The water at the base camp was never treated at all", Direct: true}}},
		{"a line ending in a comma introduces the quote below", "Rathbun stated,\n\"Daniel was picked up by an investigator.\"",
			[]want{{Text: "Daniel was picked up by an investigator.", Direct: true, Cue: "stated", Speaker: "Rathbun"}}},
		{"an inverted cue with a title and its holder", "“Food is running out,” said the head of the WFP, Cindy McCain.",
			[]want{{Text: "Food is running out", Direct: true, Cue: "said", Speaker: "Cindy McCain", SpeakerOf: "Cindy McCain"}}},
		{"according to, before the quote", "According to the army's spokesman, Daniel Hagari, “the tunnel was destroyed.”",
			[]want{{Text: "the tunnel was destroyed.", Direct: true, Cue: "According to", Speaker: "Daniel Hagari", SpeakerOf: "Daniel Hagari"}}},
		{"straight quotes, common-noun speaker", `"Nobody told us anything," a resident said.`,
			[]want{{Text: "Nobody told us anything", Direct: true, Cue: "said", Speaker: "a resident"}}},
		{"guillemets and an addressee", "«The talks have failed completely,» the minister told reporters.",
			[]want{{Text: "The talks have failed completely", Direct: true, Cue: "told", Speaker: "the minister", Addressee: "reporters"}}},
		{"LaTeX quotes", "``We are ready for anything,'' the spokesman said.",
			[]want{{Text: "We are ready for anything", Direct: true, Cue: "said", Speaker: "the spokesman"}}},
		{"single curly quotes", "‘The road is closed,’ the officer said.",
			[]want{{Text: "The road is closed", Direct: true, Cue: "said", Speaker: "the officer"}}},
		{"quote split by its attribution", "“The border is closed,” the governor said, “and nobody will cross it this week.”",
			[]want{
				{Text: "The border is closed", Direct: true, Cue: "said", Speaker: "the governor"},
				{Text: "and nobody will cross it this week.", Direct: true, Cue: "said", Speaker: "the governor"},
			}},
		{"cue before the quote", "The general told reporters: “We have taken the city.”",
			[]want{{Text: "We have taken the city.", Direct: true, Cue: "told", Speaker: "The general", Addressee: "reporters"}}},
		{"she resolves past a man", "Maria Lopez met John Smith in Geneva on Monday.\n“We agreed on nothing at all,” she said.",
			[]want{{Text: "We agreed on nothing at all", Direct: true, Cue: "said", Speaker: "she", SpeakerOf: "Maria Lopez"}}},
		{"gender learnt from pronouns", "Jordan Okafor said he would stay. Kim Tanaka said she would leave.\n“I am done here,” he said.",
			[]want{
				{Text: "he would stay", Cue: "said", Speaker: "Jordan Okafor", SpeakerOf: "Jordan Okafor"},
				{Text: "she would leave", Cue: "said", Speaker: "Kim Tanaka", SpeakerOf: "Kim Tanaka"},
				{Text: "I am done here", Direct: true, Cue: "said", Speaker: "he", SpeakerOf: "Jordan Okafor"},
			}},
		{"an organization speaks as it", "Amnesty International published its findings on Monday. “The evidence is overwhelming,” it said.",
			[]want{{Text: "The evidence is overwhelming", Direct: true, Cue: "said", Speaker: "it", SpeakerOf: "Amnesty International"}}},
		{"told X that", "Officials told Reuters that the dam had been breached overnight.",
			[]want{{Text: "the dam had been breached overnight", Cue: "told", Speaker: "Officials", Addressee: "Reuters"}}},
		{"trailing attribution", "The strike killed 12 people in the market, the health ministry said.",
			[]want{{Text: "The strike killed 12 people in the market", Cue: "said", Speaker: "the health ministry"}}},
		{"according to, after", "The convoy was attacked near the border, according to the Red Cross.",
			[]want{{Text: "The convoy was attacked near the border", Cue: "according to", Speaker: "Red Cross"}}},
		{"according to, before", "According to the army, the rebels have withdrawn from the town.",
			[]want{{Text: "the rebels have withdrawn from the town", Cue: "According to", Speaker: "the army"}}},
		{"said that, after a time", "The mayor said on Tuesday that the water supply was safe.",
			[]want{{Text: "the water supply was safe", Cue: "said", Speaker: "The mayor"}}},
		{"unclosed quote introduced by its cue", "The coach said, \"We played well in the first half.\nThe second half was another story.",
			[]want{{Text: "We played well in the first half.", Direct: true, Cue: "said", Speaker: "The coach"}}},
		{"straight quote right after a comma", "The curator said,\"He liked the way the flash looked\".",
			[]want{{Text: "He liked the way the flash looked", Direct: true, Cue: "said", Speaker: "The curator"}}},
		{"appositive with commas of its own", "Kim Tanaka, a lawyer, and chair of the bar association, says the ruling is unlawful.",
			[]want{{Text: "the ruling is unlawful", Cue: "says", Speaker: "Kim Tanaka", SpeakerOf: "Kim Tanaka"}}},
		{"acronym in parentheses", "The World Health Organization (WHO) recommends that every country should iodise salt.",
			[]want{{Text: "every country should iodise salt", Cue: "recommends", Speaker: "World Health Organization", SpeakerOf: "World Health Organization"}}},
		{"according to without a comma", "According to Amnesty International the prisoners were tortured.",
			[]want{{Text: "the prisoners were tortured", Cue: "According to", Speaker: "Amnesty International", SpeakerOf: "Amnesty International"}}},
		{"as X told Y", "As Kim Tanaka told the BBC, the court has no jurisdiction.",
			[]want{{Text: "the court has no jurisdiction", Cue: "told", Speaker: "Kim Tanaka", SpeakerOf: "Kim Tanaka", Addressee: "BBC"}}},
		{"partial quote of a named speaker", "Kim Tanaka called the ruling “a disgrace” on Friday.",
			[]want{{Text: "a disgrace", Direct: true, Cue: "called", Speaker: "Kim Tanaka", SpeakerOf: "Kim Tanaka"}}},
		{"participle cue before a quote", "Comments poured in, one poster writing \"How can anyone see both sides if one side is gone?\"",
			[]want{{Text: "How can anyone see both sides if one side is gone?", Direct: true, Cue: "writing", Speaker: "one poster"}}},
		{"credit line after a dash", "Sources\n\"Document found on street not secret\" — The Canadian Press, August 15, 2008\n\"So far the internet leads.\" - Matthew Ingram",
			[]want{
				{Text: "Document found on street not secret", Direct: true, Cue: "—", Speaker: "The Canadian Press"},
				{Text: "So far the internet leads.", Direct: true, Cue: "-", Speaker: "Matthew Ingram", SpeakerOf: "Matthew Ingram"},
			}},
		{"quotation inside a clause with an adverbial opening", "Kim Tanaka said although the two are known to matter, “nobody has looked at these together”.",
			[]want{
				{Text: "although the two are known to matter", Cue: "said", Speaker: "Kim Tanaka", SpeakerOf: "Kim Tanaka"},
				{Text: "nobody has looked at these together", Direct: true, Cue: "said", Speaker: "Kim Tanaka", SpeakerOf: "Kim Tanaka"},
			}},
		{"leftmost name of an appositive", "Cynthia Thompson, director of exhibits at the University of Arkansas, Fayetteville, said the images were rare.",
			[]want{{Text: "the images were rare", Cue: "said", Speaker: "Cynthia Thompson", SpeakerOf: "Cynthia Thompson"}}},
		{"appositive without an opening comma", "Lydia Buchtmann for Food Standards Australia, says they are looking at new rules.",
			[]want{{Text: "they are looking at new rules", Cue: "says", Speaker: "Lydia Buchtmann", SpeakerOf: "Lydia Buchtmann"}}},
		{"coordinated verbs share the subject", "Mark Zuckerberg tweeted to Mohamed and said the boy was welcome to visit.",
			[]want{{Text: "the boy was welcome to visit", Cue: "said", Speaker: "Mark Zuckerberg", SpeakerOf: "Mark Zuckerberg"}}},
		{"a pronoun means the subject of its antecedent's sentence", "For Kevin Allton, a teacher of English, Andy Warhol was a legend.\n“He changed how we see everything around us,” he said.",
			[]want{{Text: "He changed how we see everything around us", Direct: true, Cue: "said", Speaker: "he", SpeakerOf: "Kevin Allton"}}},
		{"quote split over paragraphs without a reopening mark", "After the match, coach Nabil Maaloul said, \"We were playing against a very strong team.\nBut hopefully this will help us in the coming games.\" The team flies home on Monday.",
			[]want{
				{Text: "We were playing against a very strong team.", Direct: true, Cue: "said", Speaker: "Nabil Maaloul", SpeakerOf: "Nabil Maaloul"},
				{Text: "But hopefully this will help us in the coming games.", Direct: true, Cue: "said", Speaker: "Nabil Maaloul", SpeakerOf: "Nabil Maaloul"},
			}},
		{"a clause without that after a that-only cue", "A new study of school children has revealed many are not getting enough iodine.",
			[]want{{Text: "many are not getting enough iodine", Cue: "revealed", Speaker: "A new study of school children"}}},
		{"a common-noun speaker with a complement", "A spokesperson for the ministry said the talks had failed.",
			[]want{{Text: "the talks had failed", Cue: "said", Speaker: "A spokesperson for the ministry"}}},
		{"passive: quoted as saying", "The general was quoted as saying the city would fall within days.",
			[]want{{Text: "the city would fall within days", Cue: "saying", Speaker: "The general"}}},
		{"according to a possessor's body: the body speaks", "The storm killed 12 people, according to Saudi Arabia's Civil Defense Authority.",
			[]want{{Text: "The storm killed 12 people", Cue: "according to", Speaker: "Civil Defense Authority", SpeakerOf: "Civil Defense Authority"}}},
		{"a place after a preposition locates the speakers", "Officials in London and Manchester said the man had flown in from Moscow.",
			[]want{{Text: "the man had flown in from Moscow", Cue: "said", Speaker: "Officials"}}},
		{"a place alone speaks for its government", "Washington said it would respond.",
			[]want{{Text: "it would respond", Cue: "said", Speaker: "Washington", SpeakerOf: "Washington"}}},
		{"active: an outlet quoted him as saying", "President Susilo Bambang Yudhoyono spoke on Tuesday. “We want a warning system,” AP quoted him as saying.",
			[]want{{Text: "We want a warning system", Direct: true, Cue: "saying", Speaker: "him", SpeakerOf: "Susilo Bambang Yudhoyono"}}},
		{"sentence-initial common noun before an aside", "Officials, speaking on condition of anonymity, said the strike killed 12 people.",
			[]want{{Text: "the strike killed 12 people", Cue: "said", Speaker: "Officials"}}},
		{"comma before the auxiliary", "The security firm Secunia.com, has said that the browser has 277 flaws.",
			[]want{{Text: "the browser has 277 flaws", Cue: "said", Speaker: "Secunia", SpeakerOf: "Secunia"}}},
		{"a finding reported inside a speaker's clause is the speaker's", "The spokesman, Ali Hassan, said that initial surveys found that most wells were dry.",
			[]want{{Text: "initial surveys found that most wells were dry", Cue: "said", Speaker: "Ali Hassan", SpeakerOf: "Ali Hassan"}}},
		{"an addressee named with its kind", "Maria Lopez works at the camp. She told the Reuters news agency that “the camps are full of people who have not eaten.”",
			[]want{{Text: "the camps are full of people who have not eaten.", Direct: true, Cue: "told", Speaker: "She", SpeakerOf: "Maria Lopez", Addressee: "the Reuters news agency"}}},
		{"a place after a preposition locates the speaker before an aside", "The BBC reports of a farmer in Pakistan-administered Kashmir, who has lost his home, saying “We have nothing left.”",
			[]want{{Text: "We have nothing left.", Direct: true, Cue: "saying", Speaker: "a farmer"}}},
		{"a web address names its site", "Other sites such as Gawker.com have stated that they will keep the video online.",
			[]want{{Text: "they will keep the video online", Cue: "stated", Speaker: "Gawker", SpeakerOf: "Gawker"}}},
		{"a person named after a capitalized title, according to", `The court was closed on Monday. According to Springfield Fire Chief, Ann Marlow, "a call was placed to 911 by a clerk working on the third floor."`,
			[]want{{Text: "a call was placed to 911 by a clerk working on the third floor.", Direct: true, Cue: "According to", Speaker: "Ann Marlow", SpeakerOf: "Ann Marlow"}}},
		{"a participle after a comma speaks for the subject of the cue before it", "One poster admitted to taking part in the attacks, writing in a blog post “I have myself loaded the program and let it run.”",
			[]want{{Text: "I have myself loaded the program and let it run.", Direct: true, Cue: "writing", Speaker: "One poster"}}},
		{"a participle after a comma speaks for a name opening the sentence", "Marta Ruiz walked to the podium, saying “We will rebuild every home.”",
			[]want{{Text: "We will rebuild every home.", Direct: true, Cue: "saying", Speaker: "Marta Ruiz", SpeakerOf: "Marta Ruiz"}}},
		{"a long quote after as is the subject's", "Ann Marlow wrote on her blog. She characterized the dispute as “another small skirmish in a war that has gone on for almost fifteen years.”",
			[]want{{Text: "another small skirmish in a war that has gone on for almost fifteen years.", Direct: true, Cue: "characterized", Speaker: "She", SpeakerOf: "Ann Marlow"}}},
		{"a time between the cue and its clause", "The judge said today there was a real risk. The minister said last week the army would withdraw.",
			[]want{{Text: "there was a real risk", Cue: "said", Speaker: "The judge"}, {Text: "the army would withdraw", Cue: "said", Speaker: "The minister"}}},
		{"an addressee ends at the clause's subject", "Ali told his trial he had found guns for sale.",
			[]want{{Text: "he had found guns for sale", Cue: "told", Speaker: "Ali", Addressee: "his trial"}}},
		{"testified and complained report speech", "Experts testified at the trials that the infections began early. The charity complained that it had no permit. Authorities report that four people died.",
			[]want{{Text: "the infections began early", Cue: "testified", Speaker: "Experts"}, {Text: "it had no permit", Cue: "complained", Speaker: "The charity"},
				{Text: "four people died", Cue: "report", Speaker: "Authorities"}}},
		{"a word that cues only before that does not own a clause", "There have been no reports of outbreaks so far, but the situation is dire, Jan Vandemoortele said.",
			[]want{{Text: "There have been no reports of outbreaks so far, but the situation is dire", Cue: "said", Speaker: "Jan Vandemoortele"}}},
		{"a person alone between the last commas holds the title before, whatever names it holds", "The UN's Chief of Humanitarian Affairs and Emergency Relief, John Holmes, says the funds are needed.",
			[]want{{Text: "the funds are needed", Cue: "says", Speaker: "John Holmes", SpeakerOf: "John Holmes"}}},
		{"a name that modifies a title whose holder follows", "“We need help,” said a UNHCR protection officer, Yolande Ditewig.",
			[]want{{Text: "We need help", Direct: true, Cue: "said", Speaker: "Yolande Ditewig", SpeakerOf: "Yolande Ditewig"}}},
		{"an organization before its member's title and name", "According to Marine Corps Major Tim Keefe – a military spokesman – the water was tested.",
			[]want{{Text: "the water was tested", Cue: "According to", Speaker: "Tim Keefe", SpeakerOf: "Tim Keefe"}}},
		{"an aside between spaced hyphens", "According to Marine Corps Major Tim Keefe - a military spokesman - the water was tested.",
			[]want{{Text: "the water was tested", Cue: "According to", Speaker: "Tim Keefe", SpeakerOf: "Tim Keefe"}}},
		{"a nationality before an organization", "According to the Saudi Interior Ministry over 345 pilgrims have been killed.",
			[]want{{Text: "over 345 pilgrims have been killed", Cue: "According to", Speaker: "Interior Ministry", SpeakerOf: "Interior Ministry"}}},
		{"the agency is the organization named before", "The UN refugee agency UNHCR warned of a crisis. The agency said the camps were full.",
			[]want{{Text: "the camps were full", Cue: "said", Speaker: "The agency", SpeakerOf: "UNHCR"}}},
		{"the ministry is the organization named a ministry", "The Interior Ministry banned the rally. Reuters reported the ban. The ministry said the roads were open.",
			[]want{{Text: "the roads were open", Cue: "said", Speaker: "The ministry", SpeakerOf: "Interior Ministry"}}},
		{"in the words of", "In the words of the Crown prosecutor, Mark Tedeschi, QC, “Gloria spent months in pain.”",
			[]want{{Text: "Gloria spent months in pain.", Direct: true, Cue: "In the words of", Speaker: "Mark Tedeschi", SpeakerOf: "Mark Tedeschi"}}},
		{"an acronym is a name", "Experts at the WHO say iodine deficiency is easy to prevent.",
			[]want{{Text: "iodine deficiency is easy to prevent", Cue: "say", Speaker: "Experts at the WHO"}}},
		{"a name that modifies a noun after the cue is not the speaker", "“It was definitely a bomb,” said a U.S. Embassy official in Nairobi. “It was a bomb,” said Tanzanian police officers.",
			[]want{
				{Text: "It was definitely a bomb", Direct: true, Cue: "said", Speaker: "a U.S. Embassy official"},
				{Text: "It was a bomb", Direct: true, Cue: "said", Speaker: "Tanzanian police officers"},
			}},
		{"a person after a title a name modifies", "“We will rebuild,” said Kenyan police spokesman Charles Owino. “We will not,” said U.S. Secretary of State Marco Rubio.",
			[]want{
				{Text: "We will rebuild", Direct: true, Cue: "said", Speaker: "Charles Owino", SpeakerOf: "Charles Owino"},
				{Text: "We will not", Direct: true, Cue: "said", Speaker: "Marco Rubio", SpeakerOf: "Marco Rubio"},
			}},
		{"a rank left out of the name", "“It was a bomb,” said a Pentagon spokesman, Lt. Col. Mark Ballesteros. The army's spokesman, Brig. Gen. Ahmed Hassan, said the strike was legal.",
			[]want{
				{Text: "It was a bomb", Direct: true, Cue: "said", Speaker: "Mark Ballesteros", SpeakerOf: "Mark Ballesteros"},
				{Text: "the strike was legal", Cue: "said", Speaker: "Ahmed Hassan", SpeakerOf: "Ahmed Hassan"},
			}},
		{"a trailing subject after its article or title", "The suspect was arrested in France, the FBI said. Poland can now join fully, German defense minister Rudolf Scharping said Saturday. Two people died, Red Cross and ambulance officials said.",
			[]want{
				{Text: "The suspect was arrested in France", Cue: "said", Speaker: "FBI"},
				{Text: "Poland can now join fully", Cue: "said", Speaker: "Rudolf Scharping", SpeakerOf: "Rudolf Scharping"},
				{Text: "Two people died", Cue: "said", Speaker: "ambulance officials"},
			}},
		{"a trailing cue before its subject", "The car had been in the lot for two weeks, said Greg Trevor, a spokesman. The suspect fled, reported the Washington Post on Monday.",
			[]want{
				{Text: "The car had been in the lot for two weeks", Cue: "said", Speaker: "Greg Trevor", SpeakerOf: "Greg Trevor"},
				{Text: "The suspect fled", Cue: "reported", Speaker: "Washington Post", SpeakerOf: "Washington Post"},
			}},
		{"a clause of its own or a relative clause before the cue is not a trailing subject", "The bomb exploded, and police said. Chad fought an insurgency, which it claims was backed by Sudan. Officials, speaking on condition of anonymity, said the strike killed 12 people.",
			[]want{{Text: "the strike killed 12 people", Cue: "said", Speaker: "Officials"}}},
		{"a speech-long quote that goes on with its sentence is the cue's subject's", "John Smith said the war “is no longer the driving issue in this campaign.” The governor told reporters the vote “will go ahead as planned next month.”",
			[]want{
				{Text: "is no longer the driving issue in this campaign.", Direct: true, Cue: "said", Speaker: "John Smith", SpeakerOf: "John Smith"},
				{Text: "will go ahead as planned next month.", Direct: true, Cue: "told", Speaker: "The governor", Addressee: "reporters"},
			}},
		{"he after a trailing attribution is its speaker, not the sentence's first name", "The two men attended a vigil for Barnett Slepian last week, FBI agent Paul Moskal said. “They were being sought as witnesses,” he said.",
			[]want{
				{Text: "The two men attended a vigil for Barnett Slepian last week", Cue: "said", Speaker: "Paul Moskal", SpeakerOf: "Paul Moskal"},
				{Text: "They were being sought as witnesses", Direct: true, Cue: "said", Speaker: "he", SpeakerOf: "Paul Moskal"},
			}},
		{"a name that completes a role does not speak; the role's holder does", "The grandmother of Elian Gonzalez said she is willing to travel. A spokesman for Kenya Airways said the flights would resume.",
			[]want{
				{Text: "she is willing to travel", Cue: "said", Speaker: "The grandmother of Elian Gonzalez"},
				{Text: "the flights would resume", Cue: "said", Speaker: "A spokesman for Kenya Airways"},
			}},
		{"a name between commas before the cue keeps its clause after it", "The head of the FBI inquiry in Nairobi, Kenneth Piernick, said the search continues.",
			[]want{{Text: "the search continues", Cue: "said", Speaker: "Kenneth Piernick", SpeakerOf: "Kenneth Piernick"}}},
		{"an addressee's name modifies no clause subject", "Enver Solomon told Sky News any process “must be well thought out”.",
			[]want{{Text: "any process “must be well thought out”", Cue: "told", Speaker: "Enver Solomon", SpeakerOf: "Enver Solomon", Addressee: "Sky News"}}},
	}
	runCases(t, tests)
}

// TestHeMeansRole: "he" or "she" refers to the last unnamed speaker named
// by a role ("an official") when no one has been named since, the word
// agrees ("a spokeswoman" is not "he"), and the role is not the title of
// the person named before ("the president" after "President Bush").
func TestHeMeansRole(t *testing.T) {
	tests := []struct {
		name, text, quote, speakerName string
	}{
		{"an official", "An official said the men were sought. He added that they had fled.", "they had fled", "official"},
		{"a name since", "An official said the men were sought. Paul Moskal met them. He added that they had fled.", "they had fled", "Paul Moskal"},
		{"a word of the other gender", "A company spokeswoman said the men were sought. He added that they had fled.", "they had fled", ""},
		{"not a role", "Hewlett announced the plan. He added that it was late.", "it was late", ""},
		{"a title of the person before", "President George Bush met them. The president said the men were sought. He added that they had fled.", "they had fled", "George Bush"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := annotate(t, tt.text)
			q := findQuote(d, tt.quote)
			if q == nil || q.Speaker == nil {
				t.Fatalf("no quote %q with a speaker; have:\n%s", tt.quote, dump(d))
			}
			if q.Speaker.Name != tt.speakerName {
				t.Errorf("speaker name %q, want %q", q.Speaker.Name, tt.speakerName)
			}
		})
	}
}

// TestTheyMeansGroup: "they" refers to the last plural common-noun
// speaker unless an organization is mentioned after it.
func TestTheyMeansGroup(t *testing.T) {
	for _, tt := range []struct {
		text, name, keyOf string
	}{
		{"Residents of the town said the water had been cut. They said food was running out.", "Residents of the town", ""},
		{"Residents said the water had been cut. Amnesty International sent a team on Monday. They said food was running out.", "", "Amnesty International"},
	} {
		t.Run(tt.text, func(t *testing.T) {
			d := annotate(t, tt.text)
			checkInvariants(t, d)
			q := findQuote(d, "food was running out")
			if q == nil || q.Speaker == nil {
				t.Fatalf("no quote with a speaker:\n%s", dump(d))
			}
			if tt.keyOf != "" {
				if k := keyOf(d, tt.keyOf); k == "" || q.Speaker.Key != k {
					t.Errorf("speaker key %q, want the key of %q", q.Speaker.Key, tt.keyOf)
				}
				return
			}
			if q.Speaker.Name != tt.name || q.Speaker.Key != "" {
				t.Errorf("speaker name %q key %q, want name %q and no key", q.Speaker.Name, q.Speaker.Key, tt.name)
			}
		})
	}
}

func TestNotQuotes(t *testing.T) {
	for _, s := range []string{
		"The group calls itself a “liberation front” and controls the north.",
		"The so-called “peace plan” was rejected by both sides.",
		"The minister did not say when the talks would resume.",
		"He never said the war was over.",
		"NBC reported a rise in attacks.",
		"The army told residents to leave the area.",
		"“Unbalanced quote marks open here and never close\nNext paragraph.",
		"He said.",
		"Trump’s remarks came two weeks after the vote.",
		"The agency revealed plans to build a wall that would run along the border.",
		"\"Not a credit\" - a phrase that goes on with the sentence, said nobody.",
	} {
		t.Run(s, func(t *testing.T) {
			d := annotate(t, s)
			checkInvariants(t, d)
			if len(d.Quotes) != 0 {
				t.Errorf("found quotes in text with none:\n%s", dump(d))
			}
		})
	}
}

func TestMissingLayers(t *testing.T) {
	// Without tokens or entities the annotator tokenizes itself and finds
	// quotes, with speakers it cannot resolve left without a key.
	d := sitrep.NewDoc(sitrep.Article{Text: "“We will not leave,” he said."})
	if err := (Annotator{}).Annotate(d); err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, d)
	if len(d.Quotes) != 1 || d.Quotes[0].Speaker == nil || d.Quotes[0].Speaker.Key != "" {
		t.Errorf("got:\n%s", dump(d))
	}
	if err := (Annotator{}).Annotate(nil); err == nil {
		t.Error("nil doc: no error")
	}
}

// runCases annotates each case's text and checks that it holds exactly the
// quotes wanted.
func runCases(t *testing.T, tests []struct {
	name, text string
	want       []want
}) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := annotate(t, tt.text)
			checkInvariants(t, d)
			checkQuotes(t, d, tt.want)
			if len(d.Quotes) != len(tt.want) {
				t.Errorf("%d quotes, want %d:\n%s", len(d.Quotes), len(tt.want), dump(d))
			}
		})
	}
}

// TestRelativeClauseSubject: the noun a relative clause modifies speaks,
// not a noun inside the clause.
func TestRelativeClauseSubject(t *testing.T) {
	runCases(t, []struct {
		name, text string
		want       []want
	}{
		{"who", "Residents who live near the market said the shelling began at dawn.",
			[]want{{Text: "the shelling began at dawn", Cue: "said", Speaker: "Residents"}}},
		{"whose", "Farmers whose fields were burned said the army had come at night.",
			[]want{{Text: "the army had come at night", Cue: "said", Speaker: "Farmers"}}},
		{"a determiner and an addressee", "Two doctors who treated the wounded at the clinic told reporters that the shells carried chlorine.",
			[]want{{Text: "the shells carried chlorine", Cue: "told", Speaker: "Two doctors", Addressee: "reporters"}}},
		{"a cue inside the clause", "The woman who said she saw the attack told police that it lasted an hour.",
			[]want{{Text: "it lasted an hour", Cue: "told", Speaker: "The woman", Addressee: "police"}}},
		{"trailing", "The shelling began at dawn, residents who live near the market said.",
			[]want{{Text: "The shelling began at dawn", Cue: "said", Speaker: "residents"}}},
		{"after a quote", "“We heard the first shell at five,” a man who lives near the market said.",
			[]want{{Text: "We heard the first shell at five", Direct: true, Cue: "said", Speaker: "a man"}}},
		{"between commas", "Officials, who spoke on condition of anonymity, said the convoy was hit twice.",
			[]want{{Text: "the convoy was hit twice", Cue: "said", Speaker: "Officials"}}},
		// The cue's own subject after the pronoun makes it an object.
		{"an object relative", "Police seized several parcels holding a grey paste which investigators say turned out to be clay.",
			[]want{{Text: "turned out to be clay", Cue: "say", Speaker: "investigators"}}},
		{"an object relative with a determiner", "Police seized a parcel which the company says held only flour.",
			[]want{{Text: "held only flour", Cue: "says", Speaker: "the company"}}},
		{"whom and a verb", "The man whom police arrested said he was innocent.",
			[]want{{Text: "he was innocent", Cue: "said", Speaker: "The man"}}},
		{"a person and others", "Tom Reyes lives by the river. He and others who oppose the dam say that it will ruin the valley.",
			[]want{{Text: "it will ruin the valley", Cue: "say", Speaker: "He", SpeakerOf: "Tom Reyes"}}},
		{"an adverb before the cue", "Officials quickly denied that the plant was damaged.",
			[]want{{Text: "the plant was damaged", Cue: "denied", Speaker: "Officials"}}},
	})
}

// TestCoordinatedCue: a cue after "and" shares the subject of the verb
// before it, cue or not.
func TestCoordinatedCue(t *testing.T) {
	runCases(t, []struct {
		name, text string
		want       []want
	}{
		{"a common noun", "The families gathered outside the court and said they hoped for justice.",
			[]want{{Text: "they hoped for justice", Cue: "said", Speaker: "The families"}}},
		{"a pronoun", "John Carver met the mayor on Monday. He arrived late and told reporters that the deal was off.",
			[]want{{Text: "the deal was off", Cue: "told", Speaker: "He", SpeakerOf: "John Carver", Addressee: "reporters"}}},
		{"a name", "Maria Lopez visited the camp and said conditions were dire.",
			[]want{{Text: "conditions were dire", Cue: "said", Speaker: "Maria Lopez", SpeakerOf: "Maria Lopez"}}},
		{"an adverb before the cue", "Police arrived at the scene and later said the fire was arson.",
			[]want{{Text: "the fire was arson", Cue: "said", Speaker: "Police"}}},
		{"after a quote", "“We will appeal the ruling,” she paused and added.",
			[]want{{Text: "We will appeal the ruling", Direct: true, Cue: "added", Speaker: "she"}}},
	})
}

// TestInscriptions: the words of a banner or sign are no one's speech:
// they take no speaker, not even by carrying one over, and inside a
// reported clause they belong to the clause. A chant is the chanters'.
func TestInscriptions(t *testing.T) {
	runCases(t, []struct {
		name, text string
		want       []want
	}{
		{"no speaker carried over", "“We will not leave this square until they go,” said Ahmed Karimi. Marchers carried a banner reading “No to war, no to hunger, no to occupation.”",
			[]want{{Text: "We will not leave this square until they go", Direct: true, Cue: "said", Speaker: "Ahmed Karimi", SpeakerOf: "Ahmed Karimi"}}},
		{"inside a reported clause", "Ahmed Karimi said protesters carried signs that read “Peace now, bread now, freedom now and forever.”",
			[]want{{Text: "protesters carried signs that read “Peace now, bread now, freedom now and forever.”", Cue: "said", Speaker: "Ahmed Karimi", SpeakerOf: "Ahmed Karimi"}}},
		{"reads, said", "One banner reads “No more war in our country, ever again.” Another banner said “Bread and freedom for everyone here.”", nil},
		{"after the quote", "“Peace now and bread for all of us,” read the hand-painted signs. “Bring our sons home from the front,” one placard said.", nil},
		{"bearing the words", "Marchers carried placards bearing the words “Bring our sons home from the front now.”", nil},
		{"a speaker holding signs still speaks", "“We want peace and bread for all,” said protesters holding signs.",
			[]want{{Text: "We want peace and bread for all", Direct: true, Cue: "said", Speaker: "protesters holding signs"}}},
		{"a chant", "“We will not leave this square,” said Ahmed Karimi. Protesters chanted “Down with the regime, down with the army, down with them all”.",
			[]want{
				{Text: "We will not leave this square", Direct: true, Cue: "said", Speaker: "Ahmed Karimi", SpeakerOf: "Ahmed Karimi"},
				{Text: "Down with the regime, down with the army, down with them all", Direct: true, Cue: "chanted", Speaker: "Protesters"},
			}},
		{"a short chant", "Protesters chanted “Down with the regime” outside the embassy.",
			[]want{{Text: "Down with the regime", Direct: true, Cue: "chanted", Speaker: "Protesters"}}},
		{"signs demanding", "Marchers carried signs demanding “Freedom for every prisoner in the country.”", nil},
		{"banners calling for", "Marchers waved banners calling for “an end to the war and the return of every soldier.”", nil},
		{"a slogan chanted is no speaker", "The crowd roared “Freedom now,” the same slogan regularly chanted at rallies across the country.", nil},
	})
}

// TestTitleGender: a courtesy title or a gendered title written with any
// mention of a person gives the person's gender for "he" and "she".
func TestTitleGender(t *testing.T) {
	runCases(t, []struct {
		name, text string
		want       []want
	}{
		{"Mr on an earlier mention", "Mr. Corby runs the mill in the valley. Corby met Ms. Tanaka on Monday. “We will not sell the mill to anyone,” she said.",
			[]want{{Text: "We will not sell the mill to anyone", Direct: true, Cue: "said", Speaker: "she", SpeakerOf: "Tanaka"}}},
		{"Mrs on an earlier mention", "Mrs. Ferreira runs the clinic in the valley. Ferreira met Mr. Okafor on Monday. “We will not close the clinic this year,” he said.",
			[]want{{Text: "We will not close the clinic this year", Direct: true, Cue: "said", Speaker: "he", SpeakerOf: "Okafor"}}},
		{"a title the role lexicon genders", "Congresswoman Jo Ellery met Kim Park in Ohio. “We will not vote for this bill,” he said.",
			[]want{{Text: "We will not vote for this bill", Direct: true, Cue: "said", Speaker: "he", SpeakerOf: "Kim Park"}}},
	})
}

// TestParticipleAfterObject: a participle cue after the object of a verb
// or preposition is the clause subject's, not the object's.
func TestParticipleAfterObject(t *testing.T) {
	runCases(t, []struct {
		name, text string
		want       []want
	}{
		{"a verb's object", "The minister left the room saying “I have nothing to add.”",
			[]want{{Text: "I have nothing to add.", Direct: true, Cue: "saying", Speaker: "The minister"}}},
		{"a preposition's object", "Thousands of children marched around the square chanting “We will save him!”",
			[]want{{Text: "We will save him!", Direct: true, Cue: "chanting", Speaker: "Thousands of children"}}},
		{"after an opening adverbial", "In the old town, hundreds of pupils marched past the cathedral chanting “Bring him home!”",
			[]want{{Text: "Bring him home!", Direct: true, Cue: "chanting", Speaker: "hundreds of pupils"}}},
		{"the nearest clause's subject", "The embassy asked for an inquiry and Governor Alan Reyes dismissed the claims saying they were baseless.",
			[]want{{Text: "they were baseless", Cue: "saying", Speaker: "Alan Reyes", SpeakerOf: "Alan Reyes"}}},
		{"coordinated subjects speak together", "Nurses and doctors left the ward chanting “Pay us now!”",
			[]want{{Text: "Pay us now!", Direct: true, Cue: "chanting", Speaker: "Nurses and doctors"}}},
		{"a subject still speaks", "Protesters chanting “Down with the regime” blocked the road to the airport.",
			[]want{{Text: "Down with the regime", Direct: true, Cue: "chanting", Speaker: "Protesters"}}},
	})
}

// TestCueOwnClause: a cue followed by "that", perhaps after adverbs and
// a time, reports its own clause and does not claim the quote before it.
func TestCueOwnClause(t *testing.T) {
	runCases(t, []struct {
		name, text string
		want       []want
	}{
		{"the quote keeps the previous speaker", "“We have nothing to add at this stage,” said a ministry spokesman, speaking on condition of anonymity. “We will keep looking for them.” Border officials who patrol the river said privately on Tuesday that the boat had sunk.",
			[]want{
				{Text: "We have nothing to add at this stage", Direct: true, Cue: "said", Speaker: "a ministry spokesman"},
				{Text: "We will keep looking for them.", Direct: true, Cue: "said", Speaker: "a ministry spokesman"},
				{Text: "the boat had sunk", Cue: "said", Speaker: "Border officials"},
			}},
		{"the clause starts after that", "Residents said privately on Monday that they were afraid of the soldiers.",
			[]want{{Text: "they were afraid of the soldiers", Cue: "said", Speaker: "Residents"}}},
		{"that day is a time", "“We will win this war,” he said that day.",
			[]want{{Text: "We will win this war", Direct: true, Cue: "said", Speaker: "he"}}},
		{"that day, then that", "He said that day that the army had left.",
			[]want{{Text: "the army had left", Cue: "said", Speaker: "He"}}},
		{"a relative that on the medium is not the clause's", "The minister said in an interview that aired on Sunday that the army would withdraw.",
			[]want{{Text: "the army would withdraw", Cue: "said", Speaker: "The minister"}}},
		{"a medium with a relative clause and no report", "The minister said in a statement that was released on Monday.", nil},
		{"a participle after that still opens the clause", "He said in a statement that wounded soldiers deserved care.",
			[]want{{Text: "wounded soldiers deserved care", Cue: "said", Speaker: "He"}}},
	})
}

// TestClauseKeepsWholeMark: a reported clause that ends in a quotation
// keeps its closing mark whole, two tokens for “…”.
func TestClauseKeepsWholeMark(t *testing.T) {
	runCases(t, []struct {
		name, text string
		want       []want
	}{
		{"at the sentence's end", "He says the clinics are listed as ``open,'' ``busy'' or ``closed.''",
			[]want{{Text: "the clinics are listed as ``open,'' ``busy'' or ``closed.''", Cue: "says", Speaker: "He"}}},
		{"before a trailing cue", "She said the men were ``hired guards,'' according to the report.",
			[]want{{Text: "the men were ``hired guards,''", Cue: "said", Speaker: "She"}}},
	})
}
