// Package event finds the events an article tells of: acts of political
// violence and protest typed as ACLED types them, and the non-violent acts a
// conflict story is made of (threats, designations, deployments, statements
// of opposition), each with its modality, actor, target, place, time,
// counts, sourcing and evidence. It fills Doc.Events.
//
// The annotator reads the tokens and sentences (package text), entities
// (ner), times (timex), places (geo), counts (quantity), quotes (quote) and
// sourcing (sourcing), and runs after all of them. It works one sentence at
// a time, with bounded windows around each trigger:
//
//   - Triggers are the words and phrases of lexicon/triggers.tsv, longest
//     first, outside entities and not capitalized inside a sentence
//     ("March"). Each carries a label (a CASE 2021 label, or THREAT,
//     DESIGNATION, DEPLOYMENT, OPPOSITION), a CAMEO code and, through
//     lexicon/cameo.tsv, a PLOVER category. A weak trigger of violence
//     ("killed", "attack") gives way to a stronger one in its sentence:
//     "airstrikes ..., killing at least 80 people" is one event with its
//     toll. A designation needs "terrorist", "sanction" or "blacklist" after
//     it; a statement of opposition needs an act of violence as its object
//     ("opposes such attacks", not "opposed the plan"), a threat an act of
//     violence or force; "battle", "fought", "clashes" need someone armed
//     in their sentence ("a custody battle" is none). "war", "conflict" and
//     "war-like" are not triggers. A bare "strike" is an act of war when
//     its actor is a government or its forces, or when, with no word of
//     labour around it ("on strike", "called a strike", unions, workers),
//     its sentence or the article speaks of war; otherwise workers' strikes
//     are peaceful protests (CAMEO 143), as ACLED codes them, and a strike
//     of nothing said is no event. Of two adjacent triggers the first, if
//     singular, modifies the second and is dropped ("bomb blasts", "car
//     bomb attack").
//   - A trigger of violence that is a noun is read in its noun phrase
//     (back to its determiner) and by how the phrase stands in its clause:
//     its subject ("The bombings killed 224"), the object of a verb of
//     doing ("launched airstrikes", "claimed responsibility for the
//     bombing", "was preparing for a ground operation"), or embedded
//     anywhere else ("condemned the bombing", "paid tribute to bombing
//     victims", "at the blast scene"): such a phrase usually recalls an
//     earlier act, so it does not take the clause's subject as actor, nor
//     the clause's time ("condemned the bombing on Thursday"), nor a place
//     after another verb.
//   - Modality is occurred unless a cue of lexicon/modality.tsv says
//     otherwise: in the ten words before the trigger ("threatened to",
//     "was preparing for", "denied carrying out", "reportedly", "if",
//     "could") the nearest cue wins, except that a hedge ("would") gives
//     way to a threat, plan or denial further back ("warned it would
//     strike"); else a modal right after it ("an attack might occur", "are
//     likely to"). An act that is the object of a verb of opposing ("she
//     opposes such attacks") is hypothetical unless the text says it
//     happened: a toll, a relative clause in the past ("the airstrikes
//     that killed 40"), or a past verb of opposing with a definite object
//     ("Russia opposed the US airstrikes"). Inside a direct quote, the first person and
//     the future ("Will we go on strike in Mexico?") make a threat by the
//     quote's speaker; its place and time are within the quote. Negated
//     marks "did not strike", "no attack".
//   - Actor: the agent of a passive ("killed by gunmen"), a state written
//     right before the trigger ("US strikes"), else the nearest subject
//     before it in its clause: a person or organization entity, a phrase
//     of lexicon/actors.tsv ("the White House", "the Pentagon", "the
//     Kremlin": Name is the state's government), or a phrase headed by an
//     actor noun ("security forces"; "Israeli jets" are the Israeli
//     government's). A pronoun subject after a reporting verb is the
//     source of the attribution covering the event ("Trump said he may
//     expand his attack"). A subject separated from a violent trigger by a
//     statement of opposition or a designation is not its actor ("she
//     opposes such attacks"), nor is the subject of a passive, nor a place
//     (the dateline "DAR ES SALAAM, Tanzania (AP) _"), nor, for a noun
//     phrase that is not the object of a verb of doing, anyone outside it
//     ("the group's attack" names its actor). A head of state or
//     government threatening as "we", or carrying out an act of violence,
//     acts for the state: Name is its government, from the state his
//     titles or the words around his name give ("US President Donald
//     Trump", "President Yoweri Museveni of Uganda"). Key is the entity's
//     key.
//   - Target: the phrase after "on", "against", "targeting" (and "with" for
//     clashes), the object of a verb trigger ("arrested three men"), or
//     the subject of a passive one ("three soldiers were killed"). An
//     attack whose target is armed (soldiers, a police checkpoint) is an
//     armed clash, as ACLED codes it; a protest is typed by what was done
//     to it or by it (tear gas: Protest with intervention).
//   - Place and Time: the first place or date after the trigger and before
//     the next trigger's phrase in its sentence, else one before it ("in
//     Gao, ..."; a time only within its clause), or one in its noun phrase
//     ("the Kenya embassy bombing", "last week's bombings"). A time after a
//     word that opens another clause ("officials said Saturday") is not
//     the event's; an embedded noun phrase takes a time after it only when
//     it ended before the day of publication. Seas count. Relative
//     references ("now") and sets are not times of events.
//   - Counts: every count of the sentence goes to one event: the one whose
//     trigger it holds ("at least 20 airstrikes"), whose target it is ("six
//     drug cartels"), else the nearest event its category fits (killed,
//     wounded, displaced to violence; arrested to arrests), preferring
//     events that occurred.
//   - Sourcing: the innermost attribution whose scope covers the trigger.
//   - Evidence: none_public ("has yet to produce public evidence", "without
//     providing evidence"), disputed, confirmed ("claimed responsibility"),
//     documented ("released video", "satellite images"), claimed, in that
//     order of precedence, from the event's sentence or, when that has none
//     and the next sentence has no event of its own, from the next.
//   - Aggregate: a plural trigger with a count of strikes of two or more
//     ("at least 20 airstrikes"), or running over a range of time ("since
//     September"), or called a campaign or a series; a plural noun trigger
//     ("the bombings"), and the verb whose subject it is ("Two bombs
//     exploded"); a trigger whose phrase puts the acts at places apart
//     ("the bombing of the embassies in Kenya and Tanzania"). Such an
//     aggregate has no place: its counts are the total of several
//     incidents, not one city's.
//
// Classify labels an ACLED-style event snippet with one CASE 2021 label:
// an averaged perceptron (weights embedded in model/, trained on
// eval/testdata/case tune.tsv and plover.tsv by `go generate`) over the
// label of hand-written rules, the triggers and the cues of
// lexicon/snippets.tsv the snippet holds, and its lower-case words. ACLED
// and Label map between those labels and ACLED's event types.
//
// The package does not: follow an event across sentences (a pronoun
// subject has an actor only after a reporting verb; "These include
// designating ..." has none), merge mentions of one event (the story package
// does), read the event of a nominal without a trigger word ("the
// operation"), or judge who is right when sources disagree.
package event
