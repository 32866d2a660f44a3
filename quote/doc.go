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
// Marks of another family nest inside an open quote and are ignored. A
// quote never crosses a paragraph: one left open at a paragraph's end is
// kept, running to that end, only when the next paragraph opens with a
// mark of the same family (the newswire convention for quotes continued
// over paragraphs), or when a cue introduces it (He said, "In the first
// half ...); otherwise its mark is taken for a stray one and dropped. A quote's Span
// is its content without the marks and without the comma the attribution
// leaves inside them (“…,” he said), so gold spans that include the marks
// match after trimming them.
//
// A quoted stretch is speech when a cue is attached to it (after it:
// “…,” he told reporters / “…,” said Trump / “…,” Garmany, a professor at
// ..., said; before it: Trump told reporters: “…”), or when it reads as a
// sentence (at least six words, or ending in . ? !). A quote split by its
// attribution is two quotes, each with its own exact span and the same
// speaker and cue. A speech quote without a cue takes the speaker, cue and
// addressee of the last quote before it in the same paragraph, or of the
// previous paragraph's last quote when it opens its paragraph.
//
// Scare quotes and partial quotes. A short quoted term that is not speech
// ("narco-terrorists", a “war” on drugs) is dropped, unless a cue with a
// named or pronoun subject precedes it in its sentence (He described the
// situation as “war-like”): it is then a partial quote, Direct, of that
// subject. Quoted terms inside a reported clause are not quotes of their
// own: the clause is (see overlaps below).
//
// Reported speech (Direct false). SUBJECT CUE [ADDRESSEE] [that] CLAUSE
// ("Sheinbaum has previously said she opposes ...", "Garmany told Al
// Jazeera that ...", "NBC reported, citing two officials, that ..."),
// CLAUSE, SUBJECT CUE. ("..., the health ministry said."), and "according
// to X" before or after its clause. Some cues count only before "that"
// ("reported that", not "reported a rise"). The subject may stand a few
// auxiliaries and adverbs before the cue ("has previously said"), before
// an appositive between commas, or be "who" after a name. A negated cue
// ("did not say") reports nothing. The clause runs to its sentence's end,
// cut before a trailing attribution, ", according to", a participle clause
// in the writer's voice (", reviving a controversial concept") or a quote
// that reads as speech; it excludes "that".
//
// Overlaps. The layer has no overlapping quotes: of overlapping
// candidates, speech in quotation marks beats a reported clause, which
// beats a partial quote; between equals the shorter wins (so in "Trump
// said he may ..., Reuters reported" Trump's clause is kept).
//
// Speakers. Speaker is the mention as written (Span, Text); for an entity
// mention Name and Key are the entity's. A pronoun (he, she; it, they for
// organizations) resolves to the nearest earlier entity mention outside
// direct quotes whose type fits and whose gender does not conflict; a
// person's gender comes from an embedded list of given names, from a
// title (Mr, Ms, Mrs), or from the he/she pronouns that follow its
// mentions in their sentences. An unresolved pronoun keeps an empty Name
// and Key; a speaker that is no entity ("The report", "a resident") has
// its text without a leading determiner as Name and no Key. Cue is the cue
// as written ("told", "According to"); Addressee the phrase after a
// "tell" verb, or nil.
package quote
