// Package sourcing finds who reports what an article says, and whom they
// cite: "Reuters and television network NBC reported", "NBC reported, citing
// two administration officials, that ...", "according to the ministry",
// "a person familiar with the matter said", "X told Al Jazeera". It fills
// Doc.Sourcing and points every quantity stated under an attribution at it
// (Quantity.Sourcing), so a reader can see on whose word a number rests.
//
// The annotator reads the tokens, sentences and entities (packages text and
// ner) and the quotes (package quote), and runs after the quantity
// annotator. It works one sentence at a time with bounded windows around
// each cue: reporting verbs (said, reported, told, ...; lexicon/cues.txt),
// "according to", and "citing"/"quoting" clauses. The phrase naming the
// source is the subject before the verb (with its apposition skipped:
// "Geoff Garmany, associate professor ..., told"), the subject after it
// ("..., said the ministry", but not ", said 12 civilians were killed",
// whose phrase is the subject of the reported clause), or the agent of a
// passive ("as reported by NBC"). A phrase is accepted as a source only when its head is a person,
// organization or place entity, a word of the lexicons (officials,
// ministry, president, state media, report, ...) or a short capitalized
// name the entity tagger missed; this keeps "the strikes said" out. A
// negated verb ("did not say"), a passive without agent ("were told"), a
// relative clause with no clause after the verb ("which Islamic State
// claimed,") and "reports" after an unnamed phrase ("media reports", a
// noun) attribute nothing; nor does "report" after one name or "a" ("the
// UN report said": the noun). "insisted", "maintained", "argued" and
// "contended" report only before a clause or quote ("insisted that",
// "maintained it was"), not before a noun phrase or a preposition
// ("maintained a policy", "insisted on concessions"). The comma of a date
// does not end a phrase ("according to a May, 2007 report by MSF"), nor
// do the commas of a town and its state ("the authorities in the Buffalo,
// N.Y., area say"), nor does an "and" whose second part names no source
// after a post-modifier ("a report by MSF's research and survey centre") or
// that joins prepositions ("Elected officials in and around Miami warned":
// one source, not Miami). A relative clause on "who" between subject and
// verb is skipped, its object is not the source ("Residents who fled the
// town said"; but in "who Meissner said is" the name speaks), and commas
// around a clause with a finite verb are no apposition ("Kopp, meanwhile,
// may have ..., said Freeh"). A reporting verb in a relative clause on
// "which" or "who" after a comma has the phrase before the comma as its
// source ("Harbor Telecom, which has maintained that ...,"; the
// object of a preposition when the whole phrase is none: "heard by the
// ministry, which said"), and attributes nothing without a complement.
// "denied" is no cue: a denial does not vouch for its clause. A verb after
// "to" is wanted, not reported
// ("urged Albright to tell Americans", "declined to say"); what follows
// "told" is whom it was told to, never an inverted subject ("...,
// told reporters"), and a preposition never opens one ("Reports in Kenya
// said"). "states" is the plural noun ("all NATO member states have") unless
// "that", a colon, a quotation or the sentence's end follows it. A media
// word that modifies a noun names no outlet ("told a news conference":
// the speaker is the source).
//
// A pronoun is the source only of a parenthetical ("In the aftermath, she
// said, NATO must", "If you are not Cuban, they said, you"; he, she, they,
// it), which the quote annotator makes no quote of: its Text is the pronoun
// and its Name the quote annotator's resolution when a quote of that
// speaker mention has one (see the quotes below), else the pronoun as
// written: a source never has an empty Name, and a claim whose speaker is
// unknown is kept for the reader to trace rather than dropped. Such a
// pronoun is no person an outlet cites. Its scope, like that of "The
// strike, officials said Tuesday, killed", is the whole sentence.
//
// Anonymity. People described by their role and not named are anonymous:
// "officials", "authorities", "investigators", "FBI agents", "lawyers",
// "critics", "a law enforcement official" (anonymous.txt). An institution
// speaking as a body is not: "police said", "the army", "the ministry"
// (bodies.txt) give the body as Source and no Cites, as a named
// organization ("the FBI") does; the line is the head word, so "police
// officers said" is anonymous and "police said" is not. Reports that nobody is named for are
// anonymous too ("Reports reaching here said", "according to unconfirmed
// media reports", "press reports"); a place after "in" only says where
// they are ("Reports in Kenya said": the reports, not Kenya).
//
// The conventions of the output:
//
//   - One Attribution per source. "Reuters and NBC reported" gives two items
//     with the same Span; so do "officials and witnesses said". The same
//     source is never given twice for one Span: readings that find it
//     again are merged into one item.
//   - Source is who the sentence says is reporting: the outlet, person or
//     body. Its Name is the entity's canonical name when the source is an
//     entity ("NBC", "Donald Trump"), else the phrase without a leading
//     article and without the capital only the sentence's start gave it
//     ("Trump administration", "state media", "witnesses"). "The report"
//     and "the newspaper" take the Name of the outlet that reported last,
//     within a bounded look-back. A person named after a title or between
//     commas after one is the source ("Secretary of State Marco Rubio",
//     "the president of France, Nicolas Sarkozy, said"), and so is one named
//     after a comma that ends the title ("said a UNHCR protection officer,
//     Yolande Ditewig", "according to the governor of Sonora, Alfonso
//     Durazo"); a spokesman or a
//     document speaks for the organization it names ("a Pentagon
//     spokesman", "a UN report"). A document that an outlet obtained or saw
//     is the outlet's report, citing the document ("a memo obtained by AP
//     shows", "The report, seen by Reuters, said": AP, Reuters). Only a
//     document "shows" ("figures show", not "police showed reporters").
//     A participle without "by" after a document says when or how it was
//     made, not who speaks: "an Internet posting made 24 hours ago" has the
//     Source "an Internet posting", and the attribution spans the whole.
//   - Cites are the people or bodies the source relies on. "NBC reported,
//     citing two administration officials" cites {two administration
//     officials, anonymous, count 2}. "X told Al Jazeera" has Source Al
//     Jazeera citing X, named, Count 1 (a named person, or an office holder
//     such as "the governor of Sinaloa", is one person; a named organization
//     has Count nil). "AP quoted him as saying" has Source AP citing him,
//     by the name the quote annotator resolved the pronoun to when it did.
//     An unnamed source that speaks for itself
//     ("officials said", "according to a person familiar with the matter")
//     is both the Source and its only Cited, so that its anonymity and count
//     are always found in Cites: a consumer asks Cites first, then Source.
//   - Count comes from a number word or digits ("two" 2, "a senior official"
//     1, "a dozen" 12); a singular after "the" or a possessive is one person
//     too ("the official said", "the first law enforcement official",
//     "his aide"); vague words ("several", "some") and plurals give nil.
//     Description is the cited phrase without its article or count.
//   - An outlet cites the sources whose attribution lies in its scope:
//     "Mohammadi said ..., IRNA reported" has IRNA citing Mohammadi (named,
//     1), "Officials said ..., Reuters reported" Reuters citing the
//     officials (anonymous), one level deep as with "citing". A passive
//     "X was quoted [Friday] by Y as saying" has Source Y citing X.
//   - Every quote with a speaker (Doc.Quotes) yields an attribution, its scope
//     the quote: Source is the speaker (Text as written, Name the mention's
//     canonical name, else its text), or the outlet when the addressee is
//     or names one ("told the Reuters news agency": Reuters), citing the
//     speaker. A
//     quote whose speaker is already the source or a cited person of an
//     attribution found in the text ("Trump told reporters"), or whose cue
//     word is that attribution's verb, adds its content to that
//     attribution's scope instead of making a second item: the text's
//     reading of the subject wins over a speaker mention found inside it.
//     A speaker mention that cannot speak makes no attribution: the object
//     of a preposition of place or time ("at the Buffalo Shooting Club in
//     Amherst said", "from Friday theorized"), a place after any
//     preposition before its cue ("who oppose the boy's return to Cuba
//     say"), or a phrase naming nothing that speaks before a cue that is
//     no verb of reporting and is followed by a preposition of place ("A
//     rifle found near the home": a participle).
//   - Scope, the text an attribution covers, is written to Attribution.Scope
//     and used to point quantities. It is the clause after "that" or after the
//     verb ("NBC reported ... that <scope>", "Trump said <scope>"), the text
//     before a trailing attribution ("<scope>, Reuters reported.", also
//     when a date ends the sentence: "reported Friday."), the
//     clause after "According to X," and the whole sentence around a
//     parenthetical one ("The strike, officials said, killed ..."), and
//     a relative clause's complement up to the comma that closes the clause
//     ("X, which said that <scope>, declined"), which a quote of the same
//     speech does not reach past either. A
//     quantity in several scopes points to the innermost; a quantity inside
//     the attribution phrase itself ("two administration officials") is not
//     in that attribution's scope. A quote's scope takes in its quotation
//     marks, and a count that starts in a scope is under it. A quote merged
//     into an attribution does not bring the attribution phrase into its
//     scope, and an attribution's overlapping scopes are written as one.
//
// The package does not: resolve pronoun subjects itself ("he said" is left to
// the quote annotator, whose speaker mentions carry the resolution; a
// pronoun no quote resolves is named as written); follow
// an attribution's scope past its sentence, except through a quote; judge
// whether a source is credible; find attributions without a cue word
// ("In a statement, the army ..."), nor nested reporting beyond one level of
// citing.
package sourcing
