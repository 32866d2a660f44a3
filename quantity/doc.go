// Package quantity finds counts in news text and keeps each as a qualified
// interval with what was counted and what happened to it: "killing at least
// 80 people" is Low 80, High nil, Qualifier at_least, Unit people, Category
// killed. It fills Doc.Quantities; Sourcing is left nil for the sourcing
// annotator.
//
// # Numbers
//
// Digits ("80", "3,500", "1.2 million", "10-15"), words ("six",
// "twenty-five", "thirty four", "a hundred", "two hundred and thirty four",
// "two hundred and fifty thousand", "a dozen", "half a dozen", and fractions
// of a scale, "half a million", "a quarter of a million", read as round
// figures, qualifier about), ranges ("20 to 30", "two or three", "between 20
// and 30", "10-15", "10–15") and vague amounts. A fraction is read only
// before a scale ("1.2 million"); "2.5 tons" is not read, since bounds are
// whole numbers. Each scale larger than the one before multiplies the whole
// ("300 thousand", "two thousand million" = 2 × 10^9, "several hundred
// thousand" = 300,000); a scale not larger than the one before ("several
// thousand hundred") makes the number no count. A scale after a range serves
// both ends ("20 to 30 million", "10-15 million", "two or three hundred"),
// unless the low end is already the larger figure unscaled ("500 to 1
// million"). Two number words side by side that make no one number are a
// year ("nineteen ninety-seven", "twenty twenty"), and no part of them is a
// count.
//
// Every bound emitted lies in [1, 10^15]. Figures above 10^15, digit
// strings that overflow, and intervals that leave it after the qualifier or
// the vague product ("more than 1,000,000,000,000,000", "millions of
// billions") are not counts. Nor is zero: "0 people", "zero", "no people",
// "fewer than 1 person" and ranges from 0 ("0-5") say nothing happened to
// anyone, which is no count to record.
//
// # Qualifiers and bounds
//
//	written                                    Low     High    Qualifier
//	80, a total of 80                          80      80      exact
//	at least / no fewer than / a minimum of 80 80      nil     at_least
//	another / a further / an additional 15,
//	  15 more / 15 additional (a toll)         15      nil     at_least
//	more than / over / above / upwards of 80   81      nil     more_than
//	  exceeding / topped / exceeded 80 (the verb is in the span)
//	up to / as many as / nearly / almost /
//	  close to / no more than / at most 80     nil     80      at_most
//	fewer than / less than / under / below 80  nil     79      less_than
//	about / around / roughly / some /
//	  approximately / an estimated 80          80      80      about
//	a dozen, two dozen, half a dozen           12..    same    about (counts in dozens are round figures)
//	between 20 and 30, 20 to 30, 20-30         20      30      range
//
// A change states one count, its new value: "the toll rose from 40 to 52"
// and "rose by 12 to 52" are 52 (exact), and neither the old value nor the
// step is read, since neither is the toll as it stands. "from" or "by" after
// a verb of change (rose, climbed, revised, up, ...) marks them.
//
// An increment ("another 15 bodies were found") is not the toll, but the
// toll is at least as large: counted as killed, wounded, strikes, arrested,
// seized or displaced it is at_least; of anything else ("two additional
// shares") it is the number as written.
//
// "about 80" keeps the figure as stated (Low = High = 80) and says it is
// approximate in the qualifier, rather than inventing a band. "nearly 80"
// bounds the count from above only.
//
// Vague amounts get a conservative lower bound and an open upper bound
// (High nil), Qualifier vague, whatever qualifier stands before them:
//
//	a few, a handful, a couple (of)        2
//	several                                3
//	dozens                                 24
//	scores (of)                            40
//	hundreds                               200
//	thousands                              2,000
//	tens of thousands                      20,000
//	hundreds of thousands                  200,000
//	millions                               2,000,000
//	several hundred / a few thousand       3 × 100 / 2 × 1,000 (the word's bound times the scale)
//	several hundred thousand               300,000 (times each larger scale that follows)
//	a few / a couple of hundred thousand   200,000
//	several million                        3,000,000
//
// "many", "numerous" and "countless" are not read.
//
// # Unit
//
// Unit is the head noun of the count, lowercased, in the plural, from
// lexicon/units.txt: words that only say "human beings" (people, persons,
// individuals, victims, lives, bodies, the dead) and nationalities ("12
// Americans") collapse to "people"; words that say who they were stay as
// their own noun (civilians, soldiers, children, migrants, police officers,
// ...), since analysts separate civilians from combatants. Peoples the
// gazetteer does not list as demonyms (Tutsis, Hutus, Soviets) are in
// lexicon/units.txt as people. Killing nouns count their victims: "two
// killings", "three murders" are Unit people, Category killed, unless
// "attempted" ("a dozen attempted murders": Unit murders, other). Strikes
// and air strikes are "strikes"; boats and ships are "vessels"; masses are
// "tons", "kg", "pounds" ("2 tons of cocaine": Unit tons, the span covers
// "of cocaine"); pounds are a mass only when the substance follows ("1,300
// pounds (600 kg) of explosives"), else money ("6 million pounds"). An
// unknown noun is kept as written, lowercased. A casualty count with no noun
// ("At least 82 were killed", "1,700 injured") has Unit people; an elliptic
// count takes the unit of the count before it ("killed 257 people in Nairobi
// and 10 in Tanzania"). "others" is its own unit ("wounded six others"), as
// the fixtures label it.
//
// # Category
//
// killed, wounded, strikes, arrested, seized, displaced, or other, decided
// in this order: a strike noun (strikes, raids, attacks, missiles, drones,
// ...) makes strikes; a casualty noun ("83 dead", "deaths", "lives",
// "injuries") makes killed or wounded; then a participle before the noun
// ("30 wounded soldiers"); then a verb after it, read through auxiliaries
// ("12 people were killed", "were hospitalized", "10,000 fled", "forced from
// their homes", "forced to flee", "placed under arrest", "were in custody",
// "5,500 prisoners were taken", "were captured"; "protesters and police
// officers were injured": a noun joined by "and" shares the verb) and over a
// name or short noun phrase after "in", "from", "at" or "near" ("six aid
// workers in South Sudan were killed", "six suspects in the bombing inquiry
// are in custody") or a parenthesis between dashes; then a verb or noun
// before it within the sentence and at most eight words back ("killing at
// least 80 people", "the death toll rose to 83", "the bodies of 19
// soldiers", "detained 14 suspects", "seized 2 tons", "the slayings of 14
// women", "the genocide of 500,000 Tutsis", "the exodus of 2 million
// Hutus"), but not into a clause the count opens ("killed when two robbers
// opened fire": who, when, while, because, if, ...) nor past a preposition
// whose object the count is ("arrested in several states", "killed by three
// gunmen", "from the company's two shipyards"; not "of" or "to", nor the
// "from" and "by" of a change, "rose by 12"); then what the noun implies
// ("refugees" are displaced); then the category of the count just before,
// for a count joined to it by "and", "including", ... ("including 12
// Americans"), or by "along with" or "as well as" up to eight words on. A
// count that is the subject of a verb of its own ("and 20 remain missing",
// "and 30 surrendered") borrows neither the verb nor the category of the
// clause before it. "lost" right before a count of people is a death ("the
// army lost 12 soldiers"). A count of people "killed or wounded" ("dead or
// injured") says how many were hurt, not how many died: it is other, and
// kept with Unit people even without a noun. The strike verbs (struck, hit,
// bombed, shelled, targeted) only count things ("struck 3 boats"), never
// people. A death toll of drugs, disease or accidents ("lost hundreds of
// thousands of people to drugs", "died from typhoid", "drowned", "died when
// their boat sank", "were killed when two helicopters crashed": an accident
// verb in a clause opened by when, after or as, with no weapon or attack in
// it) is other, not killed, as are lives saved ("save a few more lives"); so
// is a toll that did not happen ("the death toll would have been more than a
// thousand", "the potential to kill about 1,400", "could kill 1,400"),
// though an uncertain one still counts ("could have been killed", "may have
// died"), as does a killing a noun names under a plain "would" ("said it
// would investigate the genocide of 500,000"; but "would have caused the
// deaths of 1,000" did not happen). What befell people who were fleeing wins
// over their flight ("10 people fleeing Cuba drowned" is other, "300 people
// fleeing the fighting were killed" killed). A surrender is no arrest: it
// may end in detention or in amnesty. Displacement is read from the verb on
// either side ("evacuate hundreds of thousands of people", "thousands that
// were recently expelled", "made homeless"). Everything else is other
// ("designating six drug cartels").
//
// # What is not a count
//
// Dates ("Aug. 7", "7 August"), years ("in 1998", "in nineteen
// ninety-one"), clock times ("10:35", "10 a.m."), durations ("two weeks",
// "two decades ago"), distances, money ("$5 million", "580 million
// shillings", "549,000 marks", "235 million guilders", "billions of
// investors' dollars"), percentages, ordinals, ages ("a
// 34-year-old", "aged 34", "Kopp, 44,"), identifiers ("Flight 103",
// "Resolution 2334", "No. 10"), phone numbers, addresses ("10 Downing
// Street"), sports scores ("won 3-1"), the bases of ratios ("one in three
// children", "2 out of 5 homes", "6 of 10 Americans", "one right for each
// 105 shares", "two for every five"; but "one of 14 journalists" and "four
// of six projects" name real groups), numbers inside an entity's name, the
// pronoun "one" ("one of the", "no one"), partitives ("two of its
// nationals"), a count of a known group with a determiner and nothing
// happening to it ("the two countries"), and a bare number with no noun and
// no casualty word. Such counts are skipped, never given a category.
//
// # What it does not do
//
// It does not resolve a count against other sentences (a toll revised from
// 10 to 12 across clauses is two counts), add up counts, decide who caused
// the casualties, or tell a count stated from a count denied ("no one was
// killed" is simply not read). Spans never cross a sentence, never overlap,
// and come sorted by Start.
package quantity
