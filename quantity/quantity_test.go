package quantity

import (
	"strconv"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/annotatetest"
)

func strconvI(v int64) string { return strconv.FormatInt(v, 10) }

// want is one expected count, written as show() writes it:
// text | low | high | qualifier | unit | category.
type want = string

// TestSeedArticle: every count of the flagship article, and nothing else.
func TestSeedArticle(t *testing.T) {
	d := annotated(t, annotatetest.SeedText(t))
	wants := []want{
		"hundreds of thousands of people | 200000 | - | vague | people | other", // lost ... to drugs: not a conflict toll
		"several legal hurdles | 3 | - | vague | hurdles | other",
		"two administration officials | 2 | 2 | exact | officials | other",
		"“hundreds of thousands” of Americans | 200000 | - | vague | people | other", // killing ... with drugs
		"six drug cartels | 6 | 6 | exact | cartels | other",
		"at least 20 airstrikes | 20 | - | at_least | strikes | strikes",
		"at least 80 people | 80 | - | at_least | people | killed",
	}
	var got []string
	for _, q := range d.Quantities {
		got = append(got, show(q))
	}
	if strings.Join(got, "\n") != strings.Join(wants, "\n") {
		t.Errorf("seed article counts:\ngot\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(wants, "\n\t"))
	}
	checkLayer(t, d.Text, d.Quantities)
}

// TestCounts is the specification by example: each sentence and the counts
// it must yield.
func TestCounts(t *testing.T) {
	tests := []struct {
		name, sentence string
		want           []want
	}{
		{"verb before, at least", "The strikes ended, killing at least 80 people.", []want{"at least 80 people | 80 | - | at_least | people | killed"}},
		{"strike noun", "The White House has launched at least 20 airstrikes since September.", []want{"at least 20 airstrikes | 20 | - | at_least | strikes | strikes"}},
		{"exact, other", "These include designating six drug cartels as terrorist organizations.", []want{"six drug cartels | 6 | 6 | exact | cartels | other"}},
		{"passive after", "At least 12 people were killed in the attack.", []want{"At least 12 people | 12 | - | at_least | people | killed"}},
		{"a place between the noun and its verb", "The UN confirmed six aid workers in South Sudan were killed on Saturday.", []want{"six aid workers | 6 | 6 | exact | workers | killed"}},
		{"a verb behind five auxiliaries", "At least 40 villagers are now believed to have been killed.", []want{"At least 40 villagers | 40 | - | at_least | villagers | killed"}},
		{"known to have died, no noun", "Some 120 are known to have died.", []want{"Some 120 | 120 | 120 | about | people | killed"}},
		{"a second noun joined by and shares the verb", "Fifteen protesters and police officers were injured.", []want{"Fifteen protesters | 15 | 15 | exact | protesters | wounded"}},
		{"and a verb is no second noun", "Gunmen shot 20 villagers and wounded 30 more.", []want{"20 villagers | 20 | 20 | exact | villagers | other", "30 | 30 | - | at_least | people | wounded"}},
		{"a disease that kills makes no conflict toll", "Cholera has killed 12 people; an outbreak of measles killed six children.", []want{"12 people | 12 | 12 | exact | people | other", "six children | 6 | 6 | exact | children | other"}},
		{"a death from a disease named after the verb is no conflict toll", "Authorities said 4 people have died from typhoid and 3 children died of measles.",
			[]want{"4 people | 4 | 4 | exact | people | other", "3 children | 3 | 3 | exact | children | other"}},
		{"a drug cartel's killing is one", "The drug cartel killed 12 people.", []want{"12 people | 12 | 12 | exact | people | killed"}},
		{"placed under arrest", "Six men were placed under arrest.", []want{"Six men | 6 | 6 | exact | men | arrested"}},
		{"a fraction of a scale", "A quarter of a million people fled, and half a million more were displaced.", []want{"A quarter of a million people | 250000 | 250000 | about | people | displaced", "half a million | 500000 | 500000 | about | people | displaced"}},
		{"a fraction of something else is no count", "Half of them fled; a third of the vote was lost.", nil},
		{"death toll", "The death toll rose to 83 on Monday.", []want{"83 | 83 | 83 | exact | people | killed"}},
		{"a change's old value is not the toll", "The toll climbed from 40 to 52 overnight.", []want{"52 | 52 | 52 | exact | people | killed"}},
		{"nor is its step", "The death toll rose by 12 to 95, officials said.", []want{"95 | 95 | 95 | exact | people | killed"}},
		{"the new value keeps its qualifier", "The number of dead was revised from about 40 to at least 52.", []want{"at least 52 | 52 | - | at_least | people | killed"}},
		{"killed or wounded is no death toll", "At least 30 people were killed or injured, and hundreds were dead or wounded.",
			[]want{"At least 30 people | 30 | - | at_least | people | other", "hundreds | 200 | - | vague | people | other"}},
		{"a count with a verb of its own borrows none", "Four people were killed and 20 remain missing; troops killed 12 rebels and 30 surrendered.",
			[]want{"Four people | 4 | 4 | exact | people | killed", "12 rebels | 12 | 12 | exact | rebels | killed"}},
		{"an army that lost soldiers lost them in death", "The army lost 12 soldiers in the ambush but lost contact with 30 soldiers.",
			[]want{"12 soldiers | 12 | 12 | exact | soldiers | killed", "30 soldiers | 30 | 30 | exact | soldiers | other"}},
		{"forced to flee", "Over 10,000 people have been forced to flee and 300 families were forced to leave their homes.",
			[]want{"Over 10,000 people | 10001 | - | more_than | people | displaced", "300 families | 300 | 300 | exact | families | displaced"}},
		{"the bodies of a group are its dead", "Divers recovered the bodies of 19 soldiers and the remains of 4 civilians.",
			[]want{"19 soldiers | 19 | 19 | exact | soldiers | killed", "4 civilians | 4 | 4 | exact | civilians | killed"}},
		{"hospitalized are wounded; among them shares the count before", "Seven people died and 15 were hospitalized, among them 5 children.",
			[]want{"Seven people | 7 | 7 | exact | people | killed", "15 | 15 | 15 | exact | people | wounded", "5 children | 5 | 5 | exact | children | wounded"}},
		{"a range after by is no change", "The convoy was attacked by 20 to 30 gunmen.", []want{"20 to 30 gunmen | 20 | 30 | range | gunmen | other"}},
		{"a relative clause states its noun's toll", "The death toll, which stands at 45, is expected to rise.", []want{"45 | 45 | 45 | exact | people | killed"}},
		{"a relative clause after a verb is its object's", "The building was evacuated, which had 200 people in it.", []want{"200 people | 200 | 200 | exact | people | other"}},
		{"a clause after a comma is not the toll's", "After the death toll was announced, 45 soldiers arrived.", []want{"45 soldiers | 45 | 45 | exact | soldiers | other"}},
		{"dead", "The shelling left 83 dead.", []want{"83 dead | 83 | 83 | exact | people | killed"}},
		{"wounding", "A bomb exploded, wounding 30.", []want{"30 | 30 | 30 | exact | people | wounded"}},
		{"injured", "Officials said 30 injured were taken to hospital.", []want{"30 injured | 30 | 30 | exact | people | wounded"}},
		{"participle after", "Police said 30 injured in the blast.", []want{"30 injured | 30 | 30 | exact | people | wounded"}},
		{"detained", "Police detained 14 suspects on Friday.", []want{"14 suspects | 14 | 14 | exact | suspects | arrested"}},
		{"seized", "The navy seized 2 tons of cocaine.", []want{"2 tons of cocaine | 2 | 2 | exact | tons | seized"}},
		{"displaced", "The fighting forced 10,000 from their homes.", []want{"10,000 | 10000 | 10000 | exact | people | displaced"}},
		{"evacuated and expelled as objects and in relative clauses", "Troops rushed to evacuate hundreds of people; thousands of Angolans that were recently expelled need aid.",
			[]want{"hundreds of people | 200 | - | vague | people | displaced", "thousands of Angolans | 2000 | - | vague | people | displaced"}},
		{"made homeless", "The quake killed 23,000, and 4 million have been made homeless.", []want{"4 million | 4000000 | 4000000 | exact | people | displaced"}},
		{"a toll that did not happen is none", "Had it struck earlier, the death toll would have been more than 90 people; the vial could kill 1,400 people; 50 people would have died.",
			[]want{"more than 90 people | 91 | - | more_than | people | other", "1,400 people | 1400 | 1400 | exact | people | other", "50 people | 50 | 50 | exact | people | other"}},
		{"an uncertain toll is still a toll", "As many as 20 people could have been killed, and 12 soldiers may have died.",
			[]want{"As many as 20 people | - | 20 | at_most | people | killed", "12 soldiers | 12 | 12 | exact | soldiers | killed"}},
		{"a dose with the potential to kill", "He bought enough poison to kill 300 people, with the potential to kill 1,400 children.",
			[]want{"300 people | 300 | 300 | exact | people | other", "1,400 children | 1400 | 1400 | exact | children | other"}},
		{"more than", "More than 80 people died.", []want{"More than 80 people | 81 | - | more_than | people | killed"}},
		{"about", "About 80 people died.", []want{"About 80 people | 80 | 80 | about | people | killed"}},
		{"nearly", "Nearly 80 people died.", []want{"Nearly 80 people | - | 80 | at_most | people | killed"}},
		{"fewer than", "Fewer than 80 people died.", []want{"Fewer than 80 people | - | 79 | less_than | people | killed"}},
		{"as many as", "As many as 80 people died.", []want{"As many as 80 people | - | 80 | at_most | people | killed"}},
		{"between", "Between 20 and 30 soldiers were killed.", []want{"Between 20 and 30 soldiers | 20 | 30 | range | soldiers | killed"}},
		{"to", "Rebels killed 20 to 30 soldiers.", []want{"20 to 30 soldiers | 20 | 30 | range | soldiers | killed"}},
		{"hyphen range", "Rebels killed 20-30 soldiers.", []want{"20-30 soldiers | 20 | 30 | range | soldiers | killed"}},
		{"or", "Two or three soldiers were wounded.", []want{"Two or three soldiers | 2 | 3 | range | soldiers | wounded"}},
		{"scale", "Some 1.2 million people have fled.", []want{"Some 1.2 million people | 1200000 | 1200000 | about | people | displaced"}},
		{"words", "The raid killed twenty-five fighters.", []want{"twenty-five fighters | 25 | 25 | exact | fighters | killed"}},
		{"hundred words", "Two hundred and fifty migrants were detained.", []want{"Two hundred and fifty migrants | 250 | 250 | exact | migrants | arrested"}},
		{"a dozen", "A dozen people were killed.", []want{"A dozen people | 12 | 12 | about | people | killed"}},
		{"dozens", "Dozens of people were killed.", []want{"Dozens of people | 24 | - | vague | people | killed"}},
		{"hundreds of thousands", "Hundreds of thousands of people have fled.", []want{"Hundreds of thousands of people | 200000 | - | vague | people | displaced"}},
		{"tens of thousands", "Tens of thousands of protesters marched.", []want{"Tens of thousands of protesters | 20000 | - | vague | protesters | other"}},
		{"scores of", "Scores of civilians were killed.", []want{"Scores of civilians | 40 | - | vague | civilians | killed"}},
		{"a handful", "A handful of soldiers were wounded.", []want{"A handful of soldiers | 2 | - | vague | soldiers | wounded"}},
		{"several", "Several soldiers were wounded.", []want{"Several soldiers | 3 | - | vague | soldiers | wounded"}},
		{"several hundred", "Several hundred people were arrested.", []want{"Several hundred people | 300 | - | vague | people | arrested"}},
		{"a few", "A few people were hurt.", []want{"A few people | 2 | - | vague | people | wounded"}},
		{"several hundred thousand", "Several hundred thousand people fled.", []want{"Several hundred thousand people | 300000 | - | vague | people | displaced"}},
		{"a few hundred thousand", "A few hundred thousand people fled.", []want{"A few hundred thousand people | 200000 | - | vague | people | displaced"}},
		{"a couple of hundred thousand", "A couple of hundred thousand people fled.", []want{"A couple of hundred thousand people | 200000 | - | vague | people | displaced"}},
		{"several million", "Several million people fled.", []want{"Several million people | 3000000 | - | vague | people | displaced"}},
		{"each larger scale multiplies", "A few hundred thousand million people fled.", []want{"A few hundred thousand million people | 200000000000 | - | vague | people | displaced"}},
		{"a few dozen", "A few dozen people fled.", []want{"A few dozen people | 24 | - | vague | people | displaced"}},
		{"digits and two scales", "Some 1.5 thousand million people fled.", []want{"Some 1.5 thousand million people | 1500000000 | 1500000000 | about | people | displaced"}},
		{"words and two scales", "Two thousand million people fled.", []want{"Two thousand million people | 2000000000 | 2000000000 | exact | people | displaced"}},
		{"scale shared by a range", "Between 20 and 30 million people fled.", []want{"Between 20 and 30 million people | 20000000 | 30000000 | range | people | displaced"}},
		{"scale shared by a hyphen range", "Some 10-15 million people fled.", []want{"Some 10-15 million people | 10000000 | 15000000 | range | people | displaced"}},
		{"scale shared by words", "Two or three hundred people died.", []want{"Two or three hundred people | 200 | 300 | range | people | killed"}},
		{"scale not shared by a larger low end", "Between 500 and 1 million people fled.", []want{"Between 500 and 1 million people | 500 | 1000000 | range | people | displaced"}},
		{"largest count", "More than 999,999,999,999,999 people died.", []want{"More than 999,999,999,999,999 people | 1000000000000000 | - | more_than | people | killed"}},
		{"forced from their homes, passive", "Thousands of people have been forced from their homes.", []want{"Thousands of people | 2000 | - | vague | people | displaced"}},
		{"digits with commas", "The army arrested 3,500 people.", []want{"3,500 people | 3500 | 3500 | exact | people | arrested"}},
		{"demonyms are people", "The strike killed 12 Americans.", []want{"12 Americans | 12 | 12 | exact | people | killed"}},
		{"elliptic count", "The bombs killed 247 people in Kenya and 10 in Tanzania.", []want{
			"247 people | 247 | 247 | exact | people | killed",
			"10 | 10 | 10 | exact | people | killed"}},
		{"including", "The blasts killed 258 people, including 12 Americans.", []want{
			"258 people | 258 | 258 | exact | people | killed",
			"12 Americans | 12 | 12 | exact | people | killed"}},
		{"active subject is no victim", "Two gunmen killed 23 people.", []want{
			"Two gunmen | 2 | 2 | exact | gunmen | other",
			"23 people | 23 | 23 | exact | people | killed"}},
		{"strike verb on things", "US forces struck three boats.", []want{"three boats | 3 | 3 | exact | vessels | strikes"}},
		{"drugs are no conflict toll", "We have lost hundreds of thousands of people to drugs.", []want{"hundreds of thousands of people | 200000 | - | vague | people | other"}},
		{"hunger strike", "Prisoners staged three hunger strikes.", []want{"three hunger strikes | 3 | 3 | exact | strikes | other"}},
		{"or more", "The crane fell, killing 107 or more.", []want{"107 or more | 107 | - | at_least | people | killed"}},
		{"parenthesis", "At least 74, including eight Americans, were killed.", []want{
			"At least 74 | 74 | - | at_least | people | killed",
			"eight Americans | 8 | 8 | exact | people | killed"}},
		{"relative clause", "His mother was among 11 people who died at sea.", []want{"11 people | 11 | 11 | exact | people | killed"}},
		{"relative clause, agent", "Police hunted five gunmen who killed 20 people.", []want{
			"five gunmen | 5 | 5 | exact | gunmen | other",
			"20 people | 20 | 20 | exact | people | killed"}},
		{"among those", "Five police officers were among those injured.", []want{"Five police officers | 5 | 5 | exact | officers | wounded"}},
		{"compound noun", "Rebels kidnapped up to 16 Russian civilian advisers.", []want{"up to 16 Russian civilian advisers | - | 16 | at_most | advisers | other"}},
		{"phrasal over", "Swiss doctors handed over 700 kg of medicine.", []want{"700 kg of medicine | 700 | 700 | exact | kg | other"}},
		{"coordinated verb", "Two leaders and 133 other people were arrested.", []want{
			"Two leaders | 2 | 2 | exact | leaders | arrested",
			"133 other people | 133 | 133 | exact | people | arrested"}},
		{"passive strike on things", "Some 40 boats have been struck since September.", []want{"Some 40 boats | 40 | 40 | about | vessels | strikes"}},
		{"passive strike on people is not a strike count", "Three people were hit by shrapnel.", []want{"Three people | 3 | 3 | exact | people | other"}},
		{"claimed the lives", "The attack claimed the lives of 30 people.", []want{"30 people | 30 | 30 | exact | people | killed"}},
		{"aboard", "Six people aboard were killed.", []want{"Six people | 6 | 6 | exact | people | killed"}},
		{"a count after in that is no ratio", "Gunmen killed 12 in two attacks.", []want{
			"12 | 12 | 12 | exact | people | killed", "two attacks | 2 | 2 | exact | attacks | strikes"}},
		{"no inheritance across sentences", "Gunmen killed 20 people.\nAnd 5 more arrived.", []want{"20 people | 20 | 20 | exact | people | killed"}},

		// Version 8: patterns found in 1990s wire news.
		{"a noun naming a killing is a cue before its victims", "Police investigated the slayings of 14 women and the genocide of 5,000 villagers.", []want{
			"14 women | 14 | 14 | exact | women | killed", "5,000 villagers | 5000 | 5000 | exact | villagers | killed"}},
		{"killings and murders are casualty nouns, even before a participle", "There were two killings and three murders blamed on the gang.", []want{
			"two killings | 2 | 2 | exact | people | killed", "three murders | 3 | 3 | exact | people | killed"}},
		{"an attempted killing is none", "There have been more than a dozen attempted murders.", []want{
			"more than a dozen attempted murders | 13 | - | more_than | murders | other"}},
		{"a reported intention does not make a named killing counterfactual", "The panel said it would investigate the genocide of more than 500,000 people. The raid would have caused the deaths of 1,000 people.", []want{
			"more than 500,000 people | 500001 | - | more_than | people | killed", "1,000 people | 1000 | 1000 | exact | people | other"}},
		{"peoples the gazetteer lacks as demonyms are people", "Nearly 9,000 Soviets and 880 Tutsis were trapped.", []want{
			"Nearly 9,000 Soviets | - | 9000 | at_most | people | other", "880 Tutsis | 880 | 880 | exact | people | other"}},
		{"an exodus displaces", "The exodus of about 2 million Rwanda Hutus began in July.", []want{
			"about 2 million Rwanda Hutus | 2000000 | 2000000 | about | people | displaced"}},
		{"in custody is arrested", "Officials said six people were in custody for questioning.", []want{"six people | 6 | 6 | exact | people | arrested"}},
		{"a noun phrase after in stands between the noun and its verb", "Six suspects in the Bin Laden investigation are known to be in custody.", []want{"Six suspects | 6 | 6 | exact | suspects | arrested"}},
		{"prisoners taken are arrested, prisoners taken somewhere are not", "Commanders said 5,500 Iraqi prisoners were taken in the first hours, and 300 prisoners were taken to a camp.", []want{
			"5,500 Iraqi prisoners | 5500 | 5500 | exact | prisoners | arrested", "300 prisoners | 300 | 300 | exact | prisoners | other"}},
		{"people captured, passive, are arrested", "Thirty soldiers were captured by the rebels.", []want{"Thirty soldiers | 30 | 30 | exact | soldiers | arrested"}},
		{"more before the noun and a parenthesis between dashes", "Police named two more suspects -- one Arab, one Sudanese -- who had been arrested.", []want{
			"two more suspects | 2 | - | at_least | suspects | arrested", "one Sudanese | 1 | 1 | exact | people | arrested"}},
		{"an increment bounds the toll from below", "Another 7 civilians were killed overnight. Rescuers found 15 more bodies. A further 12 people died in hospital.", []want{
			"Another 7 civilians | 7 | - | at_least | civilians | killed", "15 more bodies | 15 | - | at_least | people | killed", "A further 12 people | 12 | - | at_least | people | killed"}},
		{"a year before a singular noun is no count, after another too", "The 1998 bombing killed 12 people. Another 2001 attack was foiled, and 2014 soldiers were wounded.", []want{
			"12 people | 12 | 12 | exact | people | killed", "2014 soldiers | 2014 | 2014 | exact | soldiers | wounded"}},
		{"an increment of anything else is the increment", "Holders get an additional 40 shares, and 15 more shares next year.", []want{
			"40 shares | 40 | 40 | exact | shares | other", "15 more shares | 15 | 15 | exact | shares | other"}},
		{"a count along with another shares its verb", "The 11 Americans were killed in Kenya, along with five Kenyan employees at the embassy.", []want{
			"11 Americans | 11 | 11 | exact | people | killed", "five Kenyan employees | 5 | 5 | exact | workers | killed"}},
		{"a death when a boat sank is an accident", "The boy's mother and 10 other people died when their boat sank.", []want{"10 other people | 10 | 10 | exact | people | other"}},
		{"a death when helicopters crashed is an accident, and the helicopters were not killed", "In addition, 73 soldiers were killed en route to Lebanon when two military helicopters crashed.", []want{
			"73 soldiers | 73 | 73 | exact | soldiers | other", "two military helicopters | 2 | 2 | exact | helicopters | other"}},
		{"a weapon in the cause keeps a killing", "Twelve people were killed when a bomb exploded, and six soldiers were killed when their helicopter was shot down and crashed.", []want{
			"Twelve people | 12 | 12 | exact | people | killed", "six soldiers | 6 | 6 | exact | soldiers | killed"}},
		{"death wins over flight", "His mother and 10 other people fleeing Cuba drowned. Some 300 people fleeing the fighting were killed. Some 10,000 people fleeing the fighting crossed into Kenya.", []want{
			"10 other people | 10 | 10 | exact | people | other", "Some 300 people | 300 | 300 | about | people | killed", "Some 10,000 people | 10000 | 10000 | about | people | displaced"}},
		{"a cue does not reach into a when clause", "A woman was killed Thursday evening when two would-be robbers emptied their pistols.", []want{"two would-be robbers | 2 | 2 | exact | robbers | other"}},
		{"a count after a preposition is the preposition's object", "Kopp had been arrested in several states; suspects were arrested in only four cases; two men were killed by three gunmen; the exodus of workers from the company's two shipyards went on.", []want{
			"several states | 3 | - | vague | states | other", "four cases | 4 | 4 | exact | cases | other",
			"two men | 2 | 2 | exact | men | killed", "three gunmen | 3 | 3 | exact | gunmen | other", "two shipyards | 2 | 2 | exact | shipyards | other"}},
		{"lives saved were not lost", "You may save a few more lives.", []want{"a few more lives | 2 | - | vague | people | other"}},
		{"a mass in pounds names its substance", "Police found more than 1,300 pounds (600 kgs) of explosives and 20 pounds of cocaine.", []want{
			"more than 1,300 pounds | 1301 | - | more_than | pounds | other", "20 pounds of cocaine | 20 | 20 | exact | pounds | other"}},
		{"a partitive of six is a real group", "Four of six design projects were spiked.", []want{"six design projects | 6 | 6 | exact | projects | other"}},
		{"unhyphenated compound numbers", "Two hundred and thirty four Americans have flown in space, and twenty one soldiers died.", []want{
			"Two hundred and thirty four Americans | 234 | 234 | exact | people | other", "twenty one soldiers | 21 | 21 | exact | soldiers | killed"}},
		{"topped is more than", "The explosions killed at least 110 people, and the number injured topped 2,200.", []want{
			"at least 110 people | 110 | - | at_least | people | killed", "topped 2,200 | 2201 | - | more_than | people | wounded"}},

		// Not counts.
		{"fraction", "One third of the fighters have been demobilized.", nil},
		{"ratio", "One in three children is malnourished, and 2 out of 5 homes stand empty.", nil},
		{"sports score", "Group F — Sweden 1 – 0 Korea Republic.", nil},
		{"one with nothing happening", "One side of the memorial and one poster.", nil},
		{"date", "The attack took place on Aug. 7 and on 12 September.", nil},
		{"year", "The war began in 2014.", nil},
		{"money", "The US pledged $5 million and 580 million shillings.", nil},
		{"percent", "Turnout was 45 percent, up 3% on 2019.", nil},
		{"age", "The suspect, a 34-year-old, was aged 34.", nil},
		{"age apposition", "James Kopp, 44, was arrested.", nil},
		{"clock time", "The blast came at 10:35 a.m. and another at 11 p.m.", nil},
		{"duration", "The siege lasted two weeks, two decades ago.", nil},
		{"ordinal", "It was his second term and the 3rd attack.", nil},
		{"phone", "Call 555-0123 or (202) 555-0199.", nil},
		{"address", "The office is at 24 Grosvenor Square.", nil},
		{"identifier", "The bombing of Flight 103 was discussed under Resolution 2334.", nil},
		{"score", "The team won 3-1.", nil},
		{"debris", "list of 4 itemsend of list", nil},
		{"one of", "It is one of the world's most lucrative supply chains.", nil},
		{"no one", "No one was hurt.", nil},
		{"the two countries", "The two countries signed a deal.", nil},
		{"partitive", "Fewer than 10 of the missiles hit.", nil},
		{"fraction", "The dollar fell 2.5 against the euro.", nil},
		{"overflow", "He counted 99999999999999999999999 stars and 1,2,3,4,5 goats.", nil},
		{"zero", "Officials said 0 people were injured.", nil},
		{"zero in words", "Zero people died and no soldiers were hurt.", nil},
		{"fewer than zero", "Fewer than 0 people died.", nil},
		{"under zero", "Under 0 people died.", nil},
		{"fewer than one", "Fewer than one person died.", nil},
		{"range from zero", "Rebels killed 0-5 soldiers.", nil},
		{"more than the largest count", "More than 1,000,000,000,000,000 people died.", nil},
		{"vague product beyond the largest count", "Millions of billions of people died.", nil},
		{"scale product beyond the largest count", "Several hundred thousand million billion people fled.", nil},
		{"words beyond the largest count", "The post said two hundred thousand trillion people died.", nil},
		{"scale after a larger one", "Several thousand hundred people fled.", nil},
		{"scale after a dozen", "Some 2 dozen hundred people died.", nil},
		{"vague amount after a vague product", "Tens of thousands of millions people died.", nil},
		{"currencies", "The party paid about 549,000 marks, 2 million Deutsche marks, 235 million guilders, 6 million pounds and 800 pence.", nil},
		{"money of a possessor", "Billions of investors' dollars are pouring out.", nil},
		{"ratio bases after each, every and of ten", "Holders get one right for each 105 common shares, a share for every five shares held, and 6 of 10 Americans agree.", nil},
		{"years in words", "A nineteen ninety-seven attack was claimed. In nineteen ninety-one Keating was convicted.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := annotated(t, tt.sentence)
			var got []string
			for _, q := range d.Quantities {
				got = append(got, show(q))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("%s\ngot\n\t%s\nwant\n\t%s", tt.sentence, strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
			checkLayer(t, d.Text, d.Quantities)
		})
	}
}

func TestAnnotatorIdentity(t *testing.T) {
	a := Annotator{}
	if a.Name() != "quantity" || a.Version() == "" {
		t.Errorf("Name %q Version %q", a.Name(), a.Version())
	}
}
