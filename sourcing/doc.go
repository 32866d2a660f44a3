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
// does an "and" whose second part names no source after a post-modifier
// ("a report by MSF's research and survey centre").
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
//     1, "a dozen" 12); vague words ("several", "some") and bare plurals give
//     nil. Description is the cited phrase without its article or count.
//   - Every quote with a speaker (Doc.Quotes) yields an attribution, its scope
//     the quote: Source is the speaker (Text as written, Name the mention's
//     canonical name), or the outlet when the addressee is or names one
//     ("told the Reuters news agency": Reuters), citing the speaker. A
//     quote whose speaker is already the source or a cited person of an
//     attribution found in the text ("Trump told reporters") adds its
//     content to that attribution's scope instead of making a second item.
//   - Scope, the text an attribution covers, is written to Attribution.Scope
//     and used to point quantities. It is the clause after "that" or after the
//     verb ("NBC reported ... that <scope>", "Trump said <scope>"), the text
//     before a trailing attribution ("<scope>, Reuters reported.", also
//     when a date ends the sentence: "reported Friday."), the
//     clause after "According to X," and the whole sentence around a
//     parenthetical one ("The strike, officials said, killed ..."). A
//     quantity in several scopes points to the innermost; a quantity inside
//     the attribution phrase itself ("two administration officials") is not
//     in that attribution's scope. A quote's scope takes in its quotation
//     marks, and a count that starts in a scope is under it. A quote merged
//     into an attribution does not bring the attribution phrase into its
//     scope, and an attribution's overlapping scopes are written as one.
//
// The package does not: resolve pronoun subjects itself ("he said" is left to
// the quote annotator, whose speaker mentions carry the resolution); follow
// an attribution's scope past its sentence, except through a quote; judge
// whether a source is credible; find attributions without a cue word
// ("In a statement, the army ..."), nor nested reporting beyond one level of
// citing.
package sourcing
