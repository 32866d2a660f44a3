// Package quote finds what people and organizations said in an article:
// direct quotations and reported speech, each with the cue that attributes
// it ("said", "told", "according to"), the speaker linked to the
// document's entities, and the addressee ("told reporters"). It fills
// Doc.Quotes, reading the tokens, sentences and entities that the text and
// ner annotators leave.
//
// It does not decide whether a claim is true, does not attribute counts
// or events (the sourcing annotator relates facts to outlets), does not
// link speakers across documents, and does not parse: its rules read
// tokens, quotation marks, a lexicon of cue verbs (lexicon/cues.txt) and
// the entity layer, with every look-back and look-ahead bounded, so a run
// costs time linear in the text.
//
// # The rules
//
// Direct quotes. Quotation marks are paired in one pass: “…”, ‘…’, «…»,
// LaTeX-style pairs of backquotes and of apostrophes, and straight "…"
// (a straight mark opens when it follows a space or
// an opening bracket and precedes a non-space, and closes an open one).
// Marks of another family nest inside an open quote and are ignored,
// except that straight and curly double marks close each other ("…” as
// hand-edited text mixes them). A
// quote never crosses a paragraph: one left open at a paragraph's end is
// kept, running to that end, only when the next paragraph opens with a
// mark of the same family (the newswire convention for quotes continued
// over paragraphs), or when a cue introduces it (He said, "In the first
// half ...); otherwise its mark is taken for a stray one and dropped. A
// quote a cue kept open goes on in the next paragraph when that
// paragraph's first mark of the family is a closing one (text whose
// paragraphs were split inside a quotation): the stretch up to it is a
// quote too. A quote's Span
// is its content without the marks and without the comma the attribution
// leaves inside them (“…,” he said), so gold spans that include the marks
// match after trimming them.
//
// A quoted stretch is speech when a cue is attached to it (after it:
// “…,” he told reporters / “…,” said Trump / “…,” Garmany, a professor at
// ..., said; before it: Trump told reporters: “…”, one poster writing “…”;
// a participle takes the subject of the cue before it and needs no colon
// after a medium: "One poster admitted ..., writing in a blog post “…”";
// a credit line after a dash that ends the paragraph: “…” — CBC.ca,
// August 15, 2008), or when it reads as a
// sentence (at least six words, or ending in . ? !). A cue after the quote
// is not its own when a colon and another quote follow it (“…” A resident
// said: “…”) or "that" does, perhaps after adverbs and a time ("said
// privately on Monday that"; "that day" is a time): it reports its own
// clause, and the quote is left as one without a cue. A quote that
// ends its sentence keeps a cue that introduced it over one in the next
// sentence. A line that ends in a colon or comma introduces a quote that
// opens the next ("Rathbun stated,⏎“…”"). A quote split by its
// attribution is two quotes, each with its own exact span and the same
// speaker and cue. A speech quote without a cue takes the speaker, cue and
// addressee of the last quote before it in the same paragraph, or of the
// previous paragraph's last quote when it opens its paragraph.
//
// Inscriptions and chants. The words a banner, sign or placard bears ("a
// banner reading “No to war”", "signs that read “…”", "“…,” read the
// placards") are written by no one the article names: they are not a
// quote, take no speaker (not even one carried over), and inside a
// reported clause are part of it ("Karimi said protesters carried signs
// that read “…”" is Karimi's clause); after such a noun "demanding",
// "urging" and "calling for" introduce its words too ("signs demanding
// “…”"). A chant or shout is its chanters' ("Protesters chanted “Down
// with the regime”": Protesters). A slogan, cry or the like before a
// participle in -ed says what was chanted, not who chanted it: in "“…,”
// the same slogan regularly chanted at rallies" nobody speaks.
//
// Scare quotes and partial quotes. A short quoted term that is not speech
// ("narco-terrorists", a “war” on drugs) is dropped, unless a cue with a
// named or pronoun subject precedes it in its sentence (He described the
// situation as “war-like”): it is then a partial quote, Direct, of that
// subject. A quote of any length after "as" takes that subject too ("He
// characterized the conflict as “another skirmish in a long war ...”").
// Quoted terms inside a reported clause are not quotes of their own: the
// clause is (see overlaps below).
//
// Reported speech (Direct false). SUBJECT CUE [ADDRESSEE] [that] CLAUSE
// ("Sheinbaum has previously said she opposes ...", "Garmany told Al
// Jazeera that ...", "NBC reported, citing two officials, that ..."),
// CLAUSE, SUBJECT CUE. ("..., the health ministry said."), SUBJECT CUE
// followed by a clause that opens with although, because, if ... ("Heald
// said although ..., “nobody has looked ...”": the quotation then takes the
// clause's speaker as a later quote in its paragraph), and "according
// to X" before or after its clause. Some cues count only before "that"
// ("reported that", not "reported a rise"), unless an auxiliary follows a
// short subject ("The study revealed many are not getting enough
// iodine"). A time may stand between the cue and a clause that opens
// with its subject ("said today there was", "said last week the army
// would"), and an addressee ends at the clause's pronoun subject ("told
// his trial he had"). A word that is a cue only before "that" does not
// claim a clause without it ("no reports of outbreaks ..., Vandemoortele
// said" is Vandemoortele's). The subject may stand a few
// auxiliaries and adverbs before the cue ("has previously said",
// "Officials quickly denied", "Putin himself said"), before
// an appositive between commas (of the names before its commas, the
// leftmost person or organization), a sentence-initial name set off by a
// single comma ("Lydia Buchtmann for FSANZ, says"), the subject of an
// earlier cue joined by "and" ("Zuckerberg tweeted to Mohamed and said"),
// or of the sentence when the verb before "and" is no cue ("The families
// gathered outside the court and said", "He arrived late and told"), the
// noun a relative clause modifies ("Residents who live near the market
// said": Residents), unless the cue's own subject follows the pronoun,
// which is then its object ("a powder which authorities say was flour":
// authorities), the person first in "He and others who ... say", the
// subject of the clause when a participle follows an object ("The
// minister left the room saying": The minister; "In Havana, children
// marched around the square chanting": children; but "Protesters
// chanting ... blocked the road": Protesters),
// a sentence-initial common noun before an aside ("Officials, speaking on
// condition of anonymity, said"), the subject of "was quoted as saying"
// or the object of "quoted him as saying",
// or be "who" after a name. A place after "in", "from", "at" ... locates
// the speakers rather than speaking ("Officials in London and Manchester
// said": Officials; "a man in Pakistan-administered Kashmir, who ...,
// saying": a man); a place alone speaks for its government ("Washington
// said"); a person of an organization speaks for it ("Manuel Bessler of
// the United Nations said": Bessler). A common-noun subject keeps one
// complement ("A spokesperson for the ministry", "the head of the agency",
// not "reports of a man"), unless a
// person's name follows it between commas: then the name speaks ("the
// foreign minister of Libya, Abdel Rahman Shalgham, said"; "said the head
// of UNHCR, Yolande Ditewig"; "According to the army's spokesman, Daniel
// Hagari, “…”"; "said a UNHCR protection officer, Yolande Ditewig"), and a
// person alone between the last two commas before the cue speaks whatever
// names the title before holds ("Chief of Humanitarian Affairs and
// Emergency Relief, John Holmes, says"). A name that only modifies the
// next one gives way to it: an organization before its member's title and
// name ("according to Marine Corps Major Tim Keefe"), a nationality before
// an organization ("the Saudi Interior Ministry"). "In the words of X"
// works as "according to X", and an aside between dashes after the source
// is skipped ("According to X – a military spokesman – CLAUSE"). A
// negated cue
// ("did not say") reports nothing. The clause runs to its sentence's end,
// cut before a trailing attribution, ", according to", a participle clause
// in the writer's voice (", reviving a controversial concept") or a quote
// that reads as speech; it excludes "that" and what stands before it
// ("said privately on Monday that CLAUSE").
//
// Overlaps. The layer has no overlapping quotes: of overlapping
// candidates, speech in quotation marks beats a reported clause, which
// beats a partial quote; between equals the shorter wins (so in "Trump
// said he may ..., Reuters reported" Trump's clause is kept), except that
// a clause whose speaker comes first keeps a clause reported within it
// whose subject names no one ("Hassan said that initial surveys found
// that ..." is Hassan's). A quotation
// without a cue that beats a reported clause takes the clause's speaker.
//
// Speakers. Speaker is the mention as written (Span, Text); for an entity
// mention Name and Key are the entity's. A pronoun (he, she; it, they for
// organizations) resolves to an earlier entity mention outside direct quotes
// whose type fits and whose gender does not conflict: of the sentence that
// holds the nearest such mention, the first (the subject, which English puts
// first: "For Kevin Allton, a teacher, Warhol was a legend. He said" is
// Allton). "they" is the last plural common-noun speaker of its or the
// previous paragraph ("Residents said ... They said"), Name only, unless an
// organization is mentioned after it; a person's gender comes from a title
// written with any of its mentions (Mr, Ms, Mrs; a gendered role such as
// Congresswoman), which the text states, else from an embedded list of given
// names, else from the he/she pronouns that follow its mentions in their
// sentences. An unresolved pronoun keeps an empty Name and Key. A definite
// description of an organization takes the Name and Key of the nearest
// organization mentioned before it: any for "the agency", "the
// organisation", "the group"; one whose name holds the word for "the
// ministry", "the council", "the police" ... An all-capital word ("WHO") is
// a name, not a function word, and a web address ("Gawker.com") is its
// site's name. A speaker that is no entity ("The report", "a resident") has
// its text without a leading determiner as Name and no Key. Cue is the cue
// as written ("told", "According to", the dash of a credit line); Addressee
// the phrase after a "tell" verb ("reporters", "the Reuters news agency"),
// or nil.
package quote
