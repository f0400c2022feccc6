package defaults_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/coder"
)

// newsCase is a real-news-like sentence coded alone with the real coder and
// the default set. want lists events that must appear and forbid events
// that must not, both as "SOURCE>TARGET:RR" with RR the CAMEO root (first
// two digits); in forbid, "*" matches any source, target or root.
type newsCase struct {
	name   string
	text   string
	date   string // YYYY-MM-DD
	want   []string
	forbid []string
	once   []string // each matches exactly one event: no duplicate rows
	title  bool     // the text's first line, before a blank line, is its title (as egret code reads plain text)
	lower  bool     // also code the text lower-cased, as lower-case news feeds print it
}

// TestNewsRegressions guards dictionary fixes found by reviewing VOA
// stories and official statements coded with the defaults: each case names
// the mistake it once made.
func TestNewsRegressions(t *testing.T) {
	d, p := load(t)
	c, err := coder.New(d, p, coder.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cases := []newsCase{
		// "deliver" is AID only when something is delivered; a blow is not.
		{name: "passive blow delivered is no aid",
			text:   "Meanwhile, it was as a result of Russia’s decisive contribution that a deadly blow has been delivered to international terrorism in Syria.",
			date:   "2020-11-24",
			forbid: []string{"*>*:07"}},
		{name: "active dealt blow is no aid",
			text:   "Russia delivered a heavy blow to the terrorists in Syria.",
			date:   "2020-11-24",
			forbid: []string{"*>*:07"}},
		// "target" needs a military context.
		{name: "legislation targeting Turkey is no assault",
			text:   "A U.S. Senate committee passed legislation Wednesday targeting Turkey and Turkish officials and institutions.",
			date:   "2020-11-24",
			forbid: []string{"*>*:19"}},
		{name: "bill targeting companies is no assault",
			text:   "U.S. lawmakers introduced a bill targeting Chinese companies.",
			date:   "2020-11-24",
			forbid: []string{"*>*:19"}},
		{name: "warplanes targeted positions",
			text: "Russian warplanes targeted rebel positions in Idlib.",
			date: "2020-11-24",
			want: []string{"RUSMIL>SYRREB:19"}},
		{name: "drones targeted a car",
			text: "Israeli drones targeted a car in southern Lebanon.",
			date: "2024-06-01",
			want: []string{"ISR>LBN:19"}},
		{name: "forces targeted energy infrastructure",
			text: "Russian forces targeted Ukrainian energy infrastructure overnight.",
			date: "2024-06-01",
			want: []string{"RUSMIL>UKR:19"}},
		// A past tense with its own object after a speech verb, or before a
		// reporting tail, is the reported clause's predicate, not a
		// reduced relative.
		{name: "sources said rebels attacked villages",
			text: "This week, military sources said 3R rebels attacked nearly 10 villages between the towns of Bocaranga and Bozoum.",
			date: "2014-03-01",
			want: []string{"---REB>*:19"}},
		{name: "rebels attacked peacekeepers, officials said",
			text: "Syrian rebels attacked Filipino peacekeepers in Golan Heights on Saturday, defense and military officials said.",
			date: "2014-03-01",
			want: []string{"SYRREB>PHLMIL:19"}},
		// Acts aimed at no named actor: a protest at the authorities where
		// it is held, property at its country, a resignation at the
		// leader's own country; the owner of a thing is the target.
		{name: "marched in Nairobi",
			text: "Thousands of people marched in Nairobi on Sunday to protest against rising food prices.",
			date: "2024-05-01",
			want: []string{"KENCVL>KEN:14"}},
		{name: "torched shops and vehicles",
			text: "Rioters torched several shops and vehicles in Lagos.",
			date: "2024-05-01",
			want: []string{"NGACVL>NGA:171"}},
		{name: "prime minister resigned",
			text: "The prime minister of Nepal resigned on Monday.",
			date: "2024-05-01",
			want: []string{"NPLGOV>NPL:0831"}},
		{name: "support for a country's sovereignty",
			text: "China expressed support for Pakistan's sovereignty.",
			date: "2024-05-01",
			want: []string{"CHN>PAK:05"}},
		{name: "persons arrested by the police",
			text: "two persons were arrested by the police for allegedly smuggling liquor in delhi.",
			date: "2024-05-01",
			want: []string{"---COP>---CVL:173"}},
		{name: "cut diplomatic ties",
			text: "Mali cut diplomatic ties with Ukraine.",
			date: "2024-05-01",
			want: []string{"MLI>UKR:161"}},
		{name: "approved a loan",
			text: "The World Bank approved a 300 million dollar loan to Kenya.",
			date: "2024-05-01",
			want: []string{"*>KEN:071"}},
		{name: "a chemical attack killed",
			text:   "A chemical attack on the town of Douma killed dozens of people.",
			date:   "2018-04-08",
			want:   []string{"*>*:2041"},
			forbid: []string{"*>*:190"}},
		{name: "a roadside bomb killed",
			text:   "A roadside bomb killed five soldiers in Helmand.",
			date:   "2019-04-08",
			want:   []string{">AFGMIL:1833"},
			forbid: []string{"*>*:190"}},
		{name: "a gas explosion is no attack",
			text:   "A gas explosion killed ten people in Lahore.",
			date:   "2019-04-08",
			forbid: []string{"*>*:*"}},
		{name: "designated as a terrorist organization",
			text: "The United States and Pakistan have both designated BLA as a terrorist organization.",
			date: "2025-03-12",
			want: []string{"USA>PAKREB:163", "PAK>PAKREB:163"}},
		{name: "blamed attacks on militants",
			text: "Islamabad has blamed several recent attacks on militants.",
			date: "2025-03-12",
			want: []string{"PAK>---REB:112"}},
		{name: "a subject with a preposition is no subject",
			text: "The White House said President Donald Trump's special envoy, Steve Witkoff, spoke with Russian President Vladimir Putin on Thursday.",
			date: "2025-03-14",
			want: []string{"USAGOV>RUSGOV:04", "RUSGOV>USAGOV:04"}},
		{name: "said the gunmen, who ..., killed",
			text:   "Officials said the gunmen, who belong to a separatist group, killed five police officers in Quetta.",
			date:   "2025-03-12",
			want:   []string{"PAKUAF>PAKCOP:19"},
			forbid: []string{"*>*UAF:*"}},
		{name: "police said they had arrested",
			text: "Police said they had arrested the man who attacked the mosque in Delhi.",
			date: "2025-03-12",
			want: []string{"---COP>---CVL:173"}},
		{name: "speaking to reporters",
			text:   "The minister, speaking to reporters in Cairo, criticized the decision by the United States.",
			date:   "2025-03-12",
			want:   []string{"*>USA:111"},
			forbid: []string{"*>*MED:*"}},
		{name: "took over the village",
			text: "Al-Shabab took over the village of Elasha Biyaha near Mogadishu.",
			date: "2019-04-08",
			want: []string{"SOMREB>SOM:192"}},
		{name: "supporters of a party",
			text: "Supporters of the opposition party held a peaceful rally in Harare on Saturday.",
			date: "2019-04-08",
			want: []string{"ZWEOPP>ZWE:14"}},
		{name: "lathicharged students",
			text: "the police lathicharged students protesting outside the university in lucknow.",
			date: "2024-05-01",
			want: []string{"---COP>---EDU:175"}},
		{name: "said the accused were members",
			text:   "Police said the accused were members of a gang operating in Bihar.",
			date:   "2024-05-01",
			forbid: []string{"*>*:010"}},
		{name: "agreed to withdraw its troops from",
			text:   "Israel agreed to withdraw its troops from southern Lebanon.",
			date:   "2024-11-20",
			want:   []string{"ISR>LBN:0356"},
			forbid: []string{"ISR>ISRMIL:*"}},
		{name: "shared intelligence with",
			text:   "India shared intelligence with the United States on the attack.",
			date:   "2024-05-01",
			want:   []string{"IND>USA:064"},
			forbid: []string{"*>*SPY:*"}},
		{name: "issued an arrest warrant for",
			text: "The ICC issued an arrest warrant for Netanyahu.",
			date: "2024-11-21",
			want: []string{"IGOJUDICC>ISRGOV:173"}},
		{name: "speakers reporting their own act accuse nobody",
			text:   "Iraqi officials said an Islamic State leader was killed in an airstrike in Anbar. The officials also said they arrested seven IS members in a follow-up operation.",
			date:   "2025-03-15",
			want:   []string{"*>IMGMUSISI:173"},
			forbid: []string{"*>*:112"}},
		{name: "talks about a topic are not with its owner",
			text:   "G7 foreign ministers also discussed China's role in the war.",
			date:   "2025-03-15",
			forbid: []string{"*>CHN:04"}},
		// A lone sentence's event nouns are events; a noun the verb's own
		// pattern coded, or an act foiled, is not.
		{name: "a grenade attack on a market",
			text: "A grenade attack on a market in Mogadishu wounded 12 people.",
			date: "2024-05-01",
			want: []string{">SOM:183"}},
		{name: "claimed responsibility for an attack",
			text: "The Baloch Liberation Army claimed responsibility for the attack on the train in Balochistan.",
			date: "2025-03-12",
			want: []string{"PAKREB>*:19"}},
		{name: "an attack foiled",
			text:   "The attack on the embassy in Nairobi was foiled by police.",
			date:   "2024-05-01",
			forbid: []string{"*>*:19"}},
		{name: "airstrikes killed",
			text:   "Israeli airstrikes on Gaza killed 20 people.",
			date:   "2024-05-01",
			want:   []string{"ISR>PSE:195"},
			forbid: []string{"*>*:190"}},
		{name: "shot down drones, the air force said",
			text:   "Ukrainian forces shot down 30 Russian drones overnight, the air force said.",
			date:   "2024-05-01",
			want:   []string{"UKRMIL>RUS:19"},
			forbid: []string{">UKRMIL:*"}},
		{name: "closed its border with",
			text: "Poland closed its border with Belarus.",
			date: "2024-05-01",
			want: []string{"POL>BLR:191"}},
		{name: "dispersed with tear gas by riot police",
			text: "The protesters were dispersed with tear gas by riot police in Dhaka.",
			date: "2024-05-01",
			want: []string{"BGDCOP>BGDCVL:175"}},
		// (with nobody named lifting them, no event: only force and
		// reproach are coded without a source)
		{name: "sanctions imposed on X lifted",
			text:   "The sanctions imposed on Iran by the United States were lifted.",
			date:   "2024-05-01",
			forbid: []string{"*>USA:*", "*>IRN:16"}},
		{name: "send police officers to",
			text:   "Kenya offered to send police officers to Haiti.",
			date:   "2024-05-01",
			want:   []string{"KEN>HTI:033"},
			forbid: []string{"*>*COP:*"}},
		{name: "plans to deploy",
			text: "The Kenyan government plans to deploy troops to the border with Somalia.",
			date: "2024-05-01",
			want: []string{"KENGOV>*:15"}},
		{name: "credited X for",
			text: "Rubio also credited Britain and France for playing a constructive role in talks with Ukraine.",
			date: "2025-03-10",
			want: []string{"USAGOV>GBR:051", "USAGOV>FRA:051"}},
		{name: "withdrew from the town",
			text: "Rebels withdrew from the town near Aleppo after heavy fighting.",
			date: "2018-04-08",
			want: []string{"SYRREB>SYR:087"}},
		{name: "seized the district headquarters",
			text: "Taliban fighters seized the district headquarters in Kunduz.",
			date: "2019-04-08",
			want: []string{"*>AFG:19"}},
		// Intentions: "said it would" is the reported "will"; an intention
		// noun's infinitive is its owner's act; mutual undertakings pair.
		{name: "said it would cooperate",
			text: "The Philippines said it would cooperate with Vietnam on maritime security.",
			date: "2024-05-01",
			want: []string{"PHL>VNM:03"}},
		{name: "would if",
			text:   "The Philippines said it would cooperate with Vietnam if China attacked.",
			date:   "2024-05-01",
			forbid: []string{"PHL>VNM:*"}},
		{name: "expressed willingness to negotiate",
			text: "China expressed willingness to negotiate with Taiwan.",
			date: "2024-05-01",
			want: []string{"CHN>TWN:036"}},
		{name: "agreed to share intelligence",
			text: "South Korea and Japan agreed to share military intelligence.",
			date: "2024-05-01",
			want: []string{"KOR>JPN:0314", "JPN>KOR:0314"}},
		{name: "joint operation",
			text:   "The European Union and Kenya launched a joint anti-piracy operation.",
			date:   "2024-05-01",
			want:   []string{"IGOEUREEC>KEN:062"},
			forbid: []string{"*>*:19"}},
		// Another name given right after an actor ("X, known as Y,", "X, or
		// ABC,", "X (ABC)") refers back to it; a parenthetical between
		// subject and verb does not hide the subject.
		{name: "known by his abbreviation",
			text: "Later on Monday, Saudi Crown Prince Mohammed bin Salman, commonly known by his abbreviation MBS, met with Rubio in Jeddah. MBS held a separate meeting with Ukrainian President Volodymyr Zelenskyy in Riyadh.",
			date: "2025-03-10",
			want: []string{"SAUGOV>USAGOV:04", "SAUGOV>UKRGOV:04"}},
		// A past tense read as an adjective between two noun phrases.
		{name: "troops regained control",
			text: "Syrian troops regained control of the city of Aleppo.",
			date: "2024-05-01",
			want: []string{"SYRMIL>SYR:19"}},
		{name: "said drones struck facilities",
			text: "Ukraine said Russian drones struck energy facilities in Odesa overnight.",
			date: "2024-05-01",
			want: []string{"RUS>UKR:19"}},
		// "call X Y" is name-calling, not a phone call.
		{name: "called assertions baseless",
			text:   "Afghanistan's Ministry of Foreign Affairs called Pakistan's assertions \"baseless,\" in a statement Thursday.",
			date:   "2025-03-14",
			want:   []string{"AFGGOV>PAK:11"},
			forbid: []string{"*>*:04"}},
		{name: "called the EU move disappointing",
			text:   "The United States called the EU move deeply disappointing.",
			date:   "2025-03-14",
			forbid: []string{"*>*:04"}},
		{name: "called Canada one of the highest tariffing nations",
			text:   "In an all-caps post on his Truth Social media platform, Trump called Canada “one of the highest tariffing nations anywhere in the world.”",
			date:   "2025-03-14",
			forbid: []string{"*>*:04"}},
		{name: "called Chinese subsidies unbearable",
			text:   "On Wednesday, French President Emmanuel Macron in Berlin called Chinese subsidies \"unbearable.\"",
			date:   "2025-03-14",
			forbid: []string{"*>*:04"}},
		{name: "called to discuss is a phone call",
			text: "Erdogan called Macron to discuss the situation in Libya.",
			date: "2020-11-24",
			want: []string{"TURGOV>FRAGOV:041"}},
		{name: "a real phone call stays 041",
			text: "Erdogan called Macron on Sunday.",
			date: "2020-11-24",
			want: []string{"TURGOV>FRAGOV:04"}},
		// Russia's Aerospace Forces are the air force, not a business.
		{name: "Aerospace Forces are military",
			text:   "Russia's Aerospace Forces struck militant positions in Idlib.",
			date:   "2020-11-24",
			want:   []string{"RUSMIL>SYRREB:19"},
			forbid: []string{"RUSBUS>*:*"}},
		// People and titles.
		{name: "Rayburn is a US official in 2020",
			text: "US Secretary of State’s Special Envoy for Syria Joel Rayburn accused Russia of bombing civilians.",
			date: "2020-11-24",
			want: []string{"USAGOV>RUS:11"}},
		// An IGO head codes as the IGO itself (Phoenix practice), so there is
		// no bare SECRETARY-GENERAL agent adding GOV.
		{name: "Secretary-General Guterres is the UN",
			text:   "Secretary-General Antonio Guterres urged Israel to halt strikes.",
			date:   "2025-03-14",
			want:   []string{"IGOUNO>ISR:02"},
			forbid: []string{"IGOUNOGOV>*:*"}},
		{name: "NATO Secretary-General stays NATO",
			text:   "NATO Secretary-General Mark Rutte met Zelenskyy in Kyiv.",
			date:   "2025-03-14",
			want:   []string{"IGOWSTNAT>UKRGOV:04"},
			forbid: []string{"IGOWSTNATGOV>*:*"}},
		{name: "UN Secretary-General is the UN",
			text: "The U.N. Secretary-General urged Israel to halt strikes.",
			date: "2025-03-14",
			want: []string{"IGOUNO>ISR:02"}},
		{name: "Arab League secretary-general",
			text: "The Arab League secretary-general condemned Israel.",
			date: "2025-03-14",
			want: []string{"IGOMEAARL>ISR:11"}},
		// Official complaints and solidarity.
		{name: "lodged a formal protest",
			text: "Turkey lodged a formal protest with Greece.",
			date: "2020-11-24",
			want: []string{"TUR>GRC:11"}},
		{name: "stands in solidarity with",
			text: "France stands in solidarity with the people of Lebanon.",
			date: "2020-11-24",
			want: []string{"FRA>LBNCVL:05"}},
		// "respond" codes what the response is, and nothing by itself.
		{name: "responded with airstrikes",
			text: "Israel responded with airstrikes on Gaza.",
			date: "2020-11-24",
			want: []string{"ISR>PSE:19"}},
		{name: "responded to remarks is no event",
			text:   "Iran responded to Trump's remarks on Tuesday.",
			date:   "2020-11-24",
			forbid: []string{"*>*:*"}},
		// A request to veto is not a veto.
		{name: "asked Russia to veto",
			text:   "The Palestinians asked Russia to veto the resolution.",
			date:   "2020-11-24",
			want:   []string{"PSE>RUS:02"},
			forbid: []string{"RUS>*:12"}},
		{name: "would ask Russia to veto",
			text:   "Abbas said he would ask Russia to veto the resolution.",
			date:   "2020-11-24",
			forbid: []string{"RUS>*:*"}},
		{name: "vetoed",
			text: "Russia vetoed the UN Security Council resolution on Syria.",
			date: "2020-11-24",
			want: []string{"RUS>IGOUNO:12"}},
		// Verbal attacks are criticism, not assaults; armed ones stay 19.
		{name: "attacked the newspaper for refusing",
			text:   "Trump also attacked The Wall Street Journal newspaper for refusing to support his tariff plans.",
			date:   "2025-03-14",
			want:   []string{"USAGOV>USAMED:11"},
			forbid: []string{"*>*:19"}},
		{name: "attacked the government for failing",
			text:   "The opposition attacked the government for failing to curb inflation.",
			date:   "2025-03-14",
			want:   []string{"---OPP>---GOV:11"},
			forbid: []string{"*>*:19"}},
		{name: "jets struck positions",
			text: "Israeli jets struck Hezbollah positions.",
			date: "2025-03-14",
			want: []string{"ISRMIL>LBNREB:19"}},
		// Demonyms the generator's source lacks (aliases.go).
		{name: "Djiboutian soldiers",
			text: "Djiboutian soldiers attacked Somali troops.",
			date: "2025-03-14",
			want: []string{"DJIMIL>SOMMIL:19"}},
		{name: "Kazakh and Uzbek",
			text: "Kazakh officials met Uzbek diplomats in Astana.",
			date: "2025-03-14",
			want: []string{"KAZGOV>UZBGOV:04"}},
		// "IS" names the Islamic State only in fixed phrases.
		{name: "IS members",
			text: "Iraqi forces arrested seven IS members in Anbar.",
			date: "2025-03-14",
			want: []string{"IRQMIL>IMGMUSISI:17"}},
		{name: "ICE deported detainees",
			text: "ICE deported 177 detainees from Guantanamo Bay to Honduras.",
			date: "2025-03-14",
			want: []string{"USACOP>---CVL:17"}},
		// "allies" is a noun, and ignoring a request for comment is no defiance.
		{name: "are allies of Tehran",
			text:   "Russia and China, who also are JCPOA signatories, are allies of Tehran.",
			date:   "2025-03-14",
			forbid: []string{"*>*:*"}},
		{name: "ignored requests for comment",
			text:   "The Thai and Chinese governments have ignored VOA requests for comment.",
			date:   "2025-03-14",
			forbid: []string{"*>*:12"}},
		// "met with success" is no meeting.
		{name: "met with success",
			text:   "An offensive launched by forces in Somalia's Puntland region has met with surprising success, pushing IS-Somalia out of its strongholds.",
			date:   "2025-03-14",
			forbid: []string{"*>*:04"}},
		// "advance" is an attack only when troops advance on a place.
		{name: "advance the national interest",
			text:   "Trump would not be interested in another meeting if it will not advance the U.S. national security interest.",
			date:   "2020-01-01",
			forbid: []string{"*>*:19"}},
		{name: "more advanced Russian weaponry",
			text:   "He may tease the U.S. further by attempting to purchase more advanced Russian weaponry.",
			date:   "2019-12-12",
			forbid: []string{"*>*:19"}},
		{name: "troops advanced on a town",
			text: "Russian troops advanced on Pokrovsk.",
			date: "2025-03-14",
			want: []string{"RUSMIL>UKR:19"}},
		// Falling numbers are no rejection.
		{name: "number of refugees declined",
			text:   "The number of refugees in Dadaab declined after a 2013 agreement among Kenya, Somalia and the UNHCR.",
			date:   "2021-04-01",
			forbid: []string{"*>*:12"}},
		{name: "declined to participate",
			text: "Orban declined to participate in the EU migrant plan.",
			date: "2021-04-01",
			want: []string{"HUNGOV>IGOEUREECREF:12"}},
		// "expect" forecasts: no event.
		{name: "is expected to harden its stance",
			text:   "Vietnam is expected to harden its stance toward China next year.",
			date:   "2020-01-01",
			forbid: []string{"*>*:01"}},
		{name: "expecting North Korea to launch",
			text:   "A top U.S. Air Force general said he is expecting North Korea to launch a long-range ballistic missile.",
			date:   "2019-12-17",
			forbid: []string{"*>PRK:013", "*>PRK:10"}},
		{name: "expected to face off",
			text:   "U.S. government lawyers are expected to face off with attorneys over the use of a U.S. naval base in Cuba to hold migrants.",
			date:   "2025-03-14",
			forbid: []string{"*>*:01", "*>*:10"}},
		{name: "meet with opposition leaders is a meeting",
			text: "Kenya's opposition leader met with other African opposition leaders in South Africa.",
			date: "2021-04-01",
			want: []string{"KENOPP>AFROPP:04"}},
		// Lawsuits, travel bans and US rights groups.
		{name: "filed multiple lawsuits against",
			text: "Immigration rights groups, including the American Civil Liberties Union, have filed multiple lawsuits against the U.S. government.",
			date: "2025-03-14",
			want: []string{"---HRI>USAGOV:11"}},
		{name: "ACLU sued",
			text: "The ACLU sued the Trump administration.",
			date: "2025-03-14",
			want: []string{"USAHRI>USAGOV:11"}},
		// (a ban by one country on another's people is a sanction, 163)
		{name: "barred officials from entering",
			text: "The United States has barred three other top Albanian officials from entering the United States on the ground of corruption.",
			date: "2021-05-19",
			want: []string{"USA>ALBGOV:163"}},
		// Publications are released too; only people and property are 084.
		{name: "assessment released Thursday",
			text:   "A preliminary assessment from Malawi’s Department of Disaster Management Affairs released Thursday showed that the cyclone had affected more than 11,000 people.",
			date:   "2025-03-14",
			forbid: []string{"*>*:08"}},
		{name: "released a development program",
			text:   "In 2017, China released an AI development program to make the country a world leader by 2030.",
			date:   "2025-03-14",
			forbid: []string{"*>*:08"}},
		{name: "released hostages stays 0841",
			text: "Hamas released three Israeli hostages.",
			date: "2025-03-14",
			want: []string{"PSEREBHMS>ISRCVL:0841"}},
		// The adverb "back" is no support.
		{name: "lease back",
			text:   "British media have reported that Britain will lease back Diego Garcia from Mauritius.",
			date:   "2025-03-14",
			forbid: []string{"*>*:05"}},
		{name: "come back to the Oval Office",
			text:   "The next step will be for President Zelenskyy to come hopefully back to the Oval Office.",
			date:   "2025-03-14",
			forbid: []string{"*>*:05"}},
		{name: "backed stays support",
			text: "The United States backed Ukraine.",
			date: "2025-03-14",
			want: []string{"USA>UKR:05"}},
		// "ramped up attacks on security forces" is an assault, not security.
		{name: "ramped up attacks on security forces",
			text:   "Since the beginning of the year, the BLA has ramped up attacks on security forces, settlers and workers.",
			date:   "2025-03-14",
			want:   []string{"PAKREB>---COP:19"},
			forbid: []string{"*>*:15"}},
		{name: "increased security around an embassy",
			text: "Egypt increased security around the Israeli embassy.",
			date: "2025-03-14",
			want: []string{"EGY>ISRGOV:15"}},
		// Fighting corruption and trading partners are no events.
		{name: "fighting global corruption",
			text:   "The Biden administration has made clear that fighting global corruption is going to be a priority, targeting Mr. Berisha.",
			date:   "2021-05-19",
			forbid: []string{"*>*:19"}},
		{name: "trading partners",
			text:   "Trump has been waging a tariff fight with the United States' biggest trading partners.",
			date:   "2025-03-14",
			forbid: []string{"*>*:06", "*>*:19"}},
		// Talks by video link or phone are consultations; a counterpart is an official.
		{name: "spoke by video link with his counterpart",
			text: "Erdogan spoke by video link last week with his French counterpart Emmanuel Macron.",
			date: "2021-05-10",
			want: []string{"TURGOV>FRAGOV:040"}},
		{name: "met his Russian counterpart",
			text: "Wang Yi met his Russian counterpart in Beijing.",
			date: "2021-05-10",
			want: []string{"CHNGOV>RUSGOV:04"}},
		// People from the VOA stories (dict suggest).
		{name: "Balkhi is the Taliban government",
			text: "Balkhi rejected Pakistan's allegation.",
			date: "2025-03-14",
			want: []string{"AFGGOV>PAK:12"}},
		{name: "authorities arrested Zamora",
			text: "In 2022, authorities arrested Zamora and later froze the newspaper’s assets.",
			date: "2025-03-14",
			want: []string{"---GOV>GTMMED:173"}},
		// "seek to" is an aim; a request for comment is no appeal.
		{name: "seeks to counter China",
			text:   "India seeks to counter China in the region.",
			date:   "2025-03-14",
			forbid: []string{"*>*:02"}},
		{name: "sought help from the EU",
			text: "Ukraine sought help from the European Union.",
			date: "2025-03-14",
			want: []string{"UKR>IGOEUREEC:02"}},
		{name: "email requesting comment",
			text:   "The White House did not reply to VOA’s email requesting comment on whether the Trump administration had any plans.",
			date:   "2025-03-14",
			forbid: []string{"*>*:02"}},
		{name: "withdrew its ambassador",
			text: "Egypt withdrew its ambassador from Turkey.",
			date: "2013-11-23",
			want: []string{"EGY>*:161"}},
		// Hostage-taking with the object between verb and noun.
		{name: "took villagers hostage",
			text: "Gunmen took 20 villagers hostage in Zamfara.",
			date: "2025-03-14",
			want: []string{"---UAF>---CVL:18"}},
		// "spoke with" is a consultation, not a statement.
		{name: "spoke with Putin",
			text: "U.S. envoy Steve Witkoff spoke with Russian President Vladimir Putin on Thursday.",
			date: "2025-03-14",
			want: []string{"USAGOV>RUSGOV:04"}},
		// "is expected to" forecasts; it is no optimistic comment.
		{name: "expected to have a meeting",
			text:   "Rubio is expected to have a pull-aside meeting with Japanese Foreign Minister Takeshi Iwaya on Thursday.",
			date:   "2025-03-14",
			forbid: []string{"*>*:01"}},
		// Agreeing with a ceasefire proposal endorses it; it is no ceasefire.
		{name: "agree with a ceasefire proposal",
			text:   "All G7 foreign ministers agree with the U.S. proposal of a ceasefire.",
			date:   "2025-03-14",
			want:   []string{"IGOGOS>USA:05"},
			forbid: []string{"*>*:08"}},
		// Every target of an act noun: conjuncts the parse hung from the act.
		{name: "attacks on a list of targets",
			text: "Militants in Balochistan have ramped up attacks on soldiers, settlers and workers.",
			date: "2025-03-12",
			want: []string{"PAKREB>---MIL:19", "PAKREB>---CVL:19", "PAKREB>---LAB:19"}},
		// An activity is aimed at its against-phrase, not at itself.
		{name: "fighting an insurgency against the state",
			text:   "The separatist group has been fighting a deadly insurgency against the Pakistani state.",
			date:   "2025-03-12",
			want:   []string{"---REB>PAK:19"},
			forbid: []string{"*>---REB:*"}},
		// "him" is the person the text goes on about: a named person of
		// the dictionary, passed on by "He is ...".
		{name: "him after a person named without title",
			text: "Sali Berisha served as prime minister from 2005 to 2013. He is the historical leader of the right-wing Democratic Party. Prime Minister Edi Rama accused him of corruption.",
			date: "2021-05-20",
			want: []string{"---GOV>ALBOPP:11"}},
		// Saying an actor should act appeals to it; "must" demands; the
		// act itself did not happen.
		{name: "said authorities should declare",
			text:   "A Nigerian women's rights activist said authorities should declare a state of emergency over the abductions.",
			date:   "2021-03-04",
			want:   []string{"NGACVLHRI>---GOV:02"},
			forbid: []string{"*>*:17"}},
		{name: "said Russia must withdraw",
			text:   "Blinken said Russia must withdraw its troops from Ukraine.",
			date:   "2022-03-04",
			want:   []string{"USAGOV>RUS:10"},
			forbid: []string{"RUS>*:08"}},
		// A passive adjunct without a subject is done to the main subject.
		{name: "escape when attacked by",
			text: "The rebels regularly escape to eastern villages in Cameroon when attacked by government forces.",
			date: "2024-01-01",
			want: []string{"---MIL>---REB:19"}},
		{name: "fled after being bombed by",
			text: "Militants fled into the mountains after being bombed by Pakistani jets.",
			date: "2024-01-01",
			want: []string{"PAK>---REB:19"}},
		// A definite description of an armed group is the group named last.
		{name: "the militant outfit said it",
			text: "The Baloch Liberation Army claimed responsibility for the attack on the train. In a statement, the banned separatist outfit said it had taken 100 passengers hostage.",
			date: "2025-03-12",
			want: []string{"PAKREB>---CVL:18"}},
		// Rail tracks and towers are attacked things: the story's country.
		{name: "blew up tracks",
			text: "QUETTA, Pakistan — Militants attacked a passenger train in Balochistan province on Tuesday. The militants blew up tracks, bringing the train to a halt.",
			date: "2025-03-12",
			want: []string{"PAKREB>PAK:18"}},
		// A mutual act named with "between A and B": each on the other.
		{name: "fighting between rebels and forces",
			text: "Up to 10,000 civilians were displaced this week by fighting between rebels and C.A.R. forces.",
			date: "2024-01-10",
			want: []string{"CAFREB>CAFMIL:19", "CAFMIL>CAFREB:19"}},
		{name: "talks between",
			text: "Talks between Armenia and Azerbaijan ended without a deal.",
			date: "2024-01-10",
			want: []string{"ARM>AZE:04", "AZE>ARM:04"}},
		{name: "ceasefire between took effect",
			text: "A ceasefire between Israel and Iran took effect on Tuesday.",
			date: "2025-06-24",
			want: []string{"ISR>IRN:08", "IRN>ISR:08"}},
		{name: "no talks between",
			text:   "There were no talks between Armenia and Azerbaijan this year.",
			date:   "2024-01-10",
			forbid: []string{"*>*:04"}},
		// An explosion with no doer in an accident is no attack.
		{name: "fireworks factory explosion",
			text:   "An explosion at a fireworks factory in Tamil Nadu killed 11 workers.",
			date:   "2024-01-10",
			forbid: []string{"*>*:18", "*>*:19"}},
		{name: "sarin attack",
			text: "A sarin attack on Khan Sheikhoun killed dozens of civilians.",
			date: "2017-04-05",
			want: []string{"*>*:20"}},
		// A crowd named by its size protesting is civilians, against the
		// authorities where it marches.
		{name: "thousands protested in",
			text:  "Thousands protested in Tbilisi against the foreign agents law.",
			date:  "2024-05-01",
			want:  []string{"GEOCVL>GEO:14"},
			lower: true},
		{name: "marched through",
			text: "Hundreds of people marched through Nairobi to demand justice.",
			date: "2024-05-01",
			want: []string{"KENCVL>KEN:14"}},
		// Seizing a town or region occupies territory (192); seizing a
		// thing is 171; "control of the town" is the town.
		{name: "seized a city",
			text:   "M23 rebels seized Goma on Monday.",
			date:   "2025-01-27",
			want:   []string{"CODREB>COD:19"},
			forbid: []string{"*>*:17"}},
		{name: "took control of the town",
			text: "Islamist fighters took control of the town of Kidal in Mali.",
			date: "2025-01-27",
			want: []string{"*>MLI:19"}},
		{name: "seized a tanker",
			text:   "Iran seized a British oil tanker in the Strait of Hormuz.",
			date:   "2019-07-19",
			want:   []string{"IRN>GBR:17"},
			forbid: []string{"*>*:19"}},
		// A place the act is aimed at through a preposition.
		{name: "lobbed grenades at a market",
			text: "Attackers lobbed grenades at a market in Srinagar, India.",
			date: "2024-01-01",
			want: []string{"*>IND:18"}},
		// An act named by a gerund subject: its by-phrase is the doer.
		{name: "shelling by killed",
			text: "Shelling by the RSF killed 15 civilians in El Fasher.",
			date: "2024-06-01",
			want: []string{"SDNREB>SDNCVL:19"}},
		{name: "gerund adjunct with comma stays",
			text:   "Shelling the town, the army killed 15 civilians.",
			date:   "2024-06-01",
			forbid: []string{">*:*"}},
		// "and" hung inside the second subject: still a coordination.
		{name: "Russia and North Korea signed",
			text: "Russia and North Korea signed a mutual defense treaty in Pyongyang.",
			date: "2024-06-19",
			want: []string{"RUS>PRK:06", "PRK>RUS:06"}},
		// An act noun with an agent word is no actor, whatever it is from.
		{name: "military withdrawal from",
			text:   "The United States completed its military withdrawal from Afghanistan.",
			date:   "2021-08-31",
			forbid: []string{"*>AFGMIL:*"}},
		// A denial answers the accusation against the denier; a claim of
		// responsibility the attack.
		{name: "denied the allegations",
			text: "The State Department accused Sali Berisha of corruption. Berisha rejected the allegations during a press conference on Thursday.",
			date: "2021-05-20",
			want: []string{"ALBOPP>USAGOV:01"}},
		{name: "claimed responsibility for the attack",
			text: "Militants attacked a passenger train in Pakistan on Tuesday. The Baloch Liberation Army quickly claimed responsibility for the attack.",
			date: "2025-03-12",
			want: []string{"PAKREB>PAKCVL:01"}},
		// "came under fire": the subject is attacked by someone unnamed
		// (and "fire" here is no disaster).
		{name: "came under fire",
			text: "Pakistani troops came under heavy fire in Balochistan.",
			date: "2025-01-01",
			want: []string{">PAKMIL:19"}},
		// Naming someone with an epithet criticizes them; praise does not.
		{name: "called Canada hostile",
			text: "Trump called Canada one of the most hostile and abusive tariffing nations in the world.",
			date: "2025-03-12",
			want: []string{"USAGOV>CAN:11"}},
		{name: "called the meeting constructive",
			text:   "Russia called the meeting with China constructive.",
			date:   "2025-03-12",
			forbid: []string{"*>*:11"}},
		// A coercive act on a condition is a threat against whoever must
		// meet it, by whoever states it.
		{name: "sanctions would be imposed if",
			text:   "Washington warned that sanctions would be imposed if Ankara activated the system.",
			date:   "2019-07-01",
			want:   []string{"USA>TUR:13"},
			forbid: []string{"*>*:16"}},
		{name: "will strike if",
			text:   "Israel will strike Iran if it attacks Israeli territory, Netanyahu said.",
			date:   "2024-10-01",
			want:   []string{"ISR>IRN:13"},
			forbid: []string{"*>*:19"}},
		// "he" is the person the last sentence was about, even one whose
		// title is also an actor ("U.S. Secretary of State Marco Rubio").
		{name: "he after a titled person",
			text: "Canadian Foreign Minister Melanie Joly said peace is on the agenda. U.S. Secretary of State Marco Rubio has said he hopes for a ceasefire within days. He also plans to urge G7 foreign ministers to focus on ending the war.",
			date: "2025-03-13",
			want: []string{"USAGOV>IGOGOS:02"}, forbid: []string{"CANGOV>IGOGOS:*"}},
		// A ceasefire hoped for did not happen.
		{name: "hopes a ceasefire between",
			text:   "Rubio said he hopes a ceasefire between Russia and Ukraine could take place within days.",
			date:   "2025-03-13",
			forbid: []string{"RUS>UKR:08", "UKR>RUS:08"}},
		// After a relative adverb the head noun is a place, no argument.
		{name: "where forces clashed with",
			text:   "Violence began in Syria's coastal region, where security forces clashed with fighters loyal to the former president.",
			date:   "2025-03-10",
			want:   []string{"---COP>---REB:19"},
			forbid: []string{"*>SYR:19", "SYR>*:19"}},
		// Those acting alongside the subject are no target.
		{name: "along with co-actors",
			text:   "Opposition lawmakers have spoken out against the action, along with donors and the international community.",
			date:   "2021-04-14",
			forbid: []string{"*>IGO:*"}},
		// A predicate sunk into a parenthetical is the sentence's.
		{name: "predicate after a parenthetical",
			text: "Somali government soldiers, supported by local clan militias and the U.S. military, are conducting operations against al-Shabab.",
			date: "2021-04-14",
			want: []string{"SOMMIL>SOMREB:19"}, forbid: []string{"USAMIL>SOMREB:19"}},
		// "reluctant to", "unable to": the act did not happen.
		{name: "reluctant to join",
			text:   "India is reluctant to join an alliance in opposition to China.",
			date:   "2021-04-14",
			forbid: []string{"IND>*:05"}},
		// A trade war coerces; it is no trade.
		{name: "ramped up trade war",
			text:   "Trump ramped up his trade war with Canada on Tuesday.",
			date:   "2025-03-04",
			want:   []string{"USAGOV>CAN:16"},
			forbid: []string{"*>*:06"}},
		// A statement about one's own country is aimed at no one.
		{name: "reiterated own country's stance",
			text:   "Turkish Defense Minister Hulusi Akar reiterated Ankara's stance on the S-400 system.",
			date:   "2021-04-14",
			forbid: []string{"*>TUR:01"}},
		// A participle adjunct after "by", "after" ... shares the subject.
		{name: "retaliated by announcing",
			text: "Trudeau retaliated by announcing increased tariffs on U.S. exports.",
			date: "2025-03-04",
			want: []string{"CANGOV>USA:16"}},
		// "is due to meet": an intention to meet.
		{name: "due to meet",
			text:   "Putin is due to meet Erdogan in Turkey in January.",
			date:   "2021-04-14",
			want:   []string{"RUSGOV>TURGOV:03"},
			forbid: []string{"*>*:04"}},
		// "the group" is the organisation the text named last.
		{name: "the group said it had killed",
			text: "Al-Shabab militants attacked a military base in Somalia on Tuesday. The group said it had killed more than 10 soldiers.",
			date: "2025-03-01",
			want: []string{"SOMREB>SOMMIL:19"}},
		{name: "the group names no organisation before",
			text:   "The group said it had killed more than 10 soldiers.",
			date:   "2025-03-01",
			forbid: []string{"*>*:19"}},
		// An act still to come: the object of securing, pushing for, hoping.
		{name: "work to secure release",
			text:   "His lawyers hope the United States and the United Kingdom can work together to secure Lai's release.",
			date:   "2025-02-28",
			forbid: []string{"*>*:08"}},
		// Whoever confirms an act does not do it.
		{name: "confirmed the release",
			text:   "Israel confirmed the release of three hostages by Hamas.",
			date:   "2025-02-28",
			forbid: []string{"ISR>*:08"}},
		// A verb with a direct object is active, whatever its tag.
		{name: "condemned read as passive",
			text: "The United States, United Nations and international rights groups strongly condemned Thailand for sending Uyghurs back to China.",
			date: "2025-02-28",
			want: []string{"USA>THA:11", "IGOUNO>THA:11"}},
		// An adjective before its subject modifies it.
		{name: "demonym title name and demonym title name told",
			text: "Mexican President Claudia Sheinbaum and Canadian Prime Minister Justin Trudeau told Trump they would act on drugs.",
			date: "2025-02-04",
			want: []string{"MEXGOV>USAGOV:01", "CANGOV>USAGOV:01"}},
		// A bombing is a non-military bombing (183) unless aerial.
		{name: "a bombing killed",
			text: "A bombing at a school in Kabul killed 80 schoolgirls.",
			date: "2021-05-10",
			want: []string{"*>*:18"}, forbid: []string{"*>*:19"}},
		// Property destroyed or damaged (1712), aimed at its country.
		{name: "set fire to vehicles",
			text: "Rioters set fire to vehicles and shops in Imphal, India.",
			date: "2024-06-01",
			want: []string{"*>IND:17"}},
		{name: "destroyed a tower",
			text: "Militants destroyed a telecommunications tower in Balochistan, Pakistan.",
			date: "2024-06-01",
			want: []string{"PAKREB>PAK:17"}},
		{name: "damaged government buildings",
			text: "Demonstrators damaged government buildings in Nairobi.",
			date: "2024-06-01",
			want: []string{"KENCVL>KENGOV:17"}},
		// Diplomatic missions: recalled, closed, downgraded, reopened.
		{name: "recalled its ambassador to",
			text: "Algeria recalled its ambassador to France for consultations.",
			date: "2024-07-30",
			want: []string{"DZA>FRA:16"}},
		{name: "downgraded its embassy in",
			text: "South Africa downgraded its embassy in Israel to a liaison office.",
			date: "2024-06-01",
			want: []string{"ZAF>ISR:16"}},
		{name: "closed the consulate",
			text: "Poland closed the Russian consulate in Krakow.",
			date: "2024-06-01",
			want: []string{"POL>RUSGOV:16"}},
		// A possessor belongs to the phrase right after it.
		{name: "possessor of the subject hung on the object",
			text:   "Egypt's foreign minister held talks with his Turkish counterpart in Ankara.",
			date:   "2024-06-01",
			want:   []string{"EGYGOV>TURGOV:04"},
			forbid: []string{"TURGOV>TURGOV:*"}},
		// "on protesting farmers": a describing participle, no clause.
		{name: "water cannons on protesting farmers",
			text:   "police used water cannons on protesting farmers at the haryana border.",
			date:   "2024-06-01",
			want:   []string{"---COP>---AGR:17"},
			forbid: []string{"---COP>*:14"}},
		{name: "opened fire on fleeing civilians",
			text: "Soldiers opened fire on fleeing civilians in Khartoum.",
			date: "2024-06-01",
			want: []string{"SDNMIL>SDNCVL:19"}},
		// A noun with a preposition and a numeral is no verb.
		{name: "states read as a verb",
			text:   "Ontario threatened to cut off electricity to three northern U.S. states that border Canada.",
			date:   "2025-03-11",
			forbid: []string{"*>*:01"}},
		// An act undone or halted did not happen.
		{name: "halted attacks on ships",
			text:   "The Houthis halted attacks on commercial ships in the Red Sea.",
			date:   "2025-01-20",
			forbid: []string{"*>*:19"}},
		// "the sanctioning of X": X is sanctioned, by whoever the text names.
		{name: "the sanctioning of",
			text: "The sanctioning of Albania's former leader by the United States is part of a wider drive.",
			date: "2021-05-20",
			want: []string{"USA>ALBELI:16"}},
		// Saying nothing is no statement.
		{name: "said nothing about",
			text:   "The Thai and Chinese governments have said nothing about the eight Uyghurs.",
			date:   "2025-03-01",
			forbid: []string{"*>*:01"}},
		// A refusal is aimed at whom the refused act would have been.
		{name: "refused to attend a hearing by",
			text: "Kenya has refused to attend a hearing by the International Court of Justice.",
			date: "2021-03-01",
			want: []string{"KEN>IGOUNOJUDICJ:12"}},
		{name: "refused to allow inspectors",
			text: "Iran refused to allow U.N. inspectors into the site.",
			date: "2021-03-01",
			want: []string{"IRN>IGOUNO:12"}},
		// Coordinated subjects disputing: each with the other.
		{name: "A and B dispute",
			text: "Japan and China have been disputing the islands for decades.",
			date: "2021-04-14",
			want: []string{"JPN>CHN:11", "CHN>JPN:11"}},
		// An organisation's code has no sector to share with a country.
		{name: "U.S. and NATO troops",
			text:   "U.S. and NATO troops withdrew from Afghanistan in 2021.",
			date:   "2021-08-31",
			want:   []string{"USAMIL>AFG:08", "IGOWSTNATMIL>AFG:08"},
			forbid: []string{"USAWSTNATMIL>*:*"}},
		// A country named with its own actor adds no second actor.
		{name: "Afghanistan's Taliban leader",
			text:   "The leader of Afghanistan's Taliban insurgency met U.S. envoy Zalmay Khalilzad in Doha.",
			date:   "2021-04-14",
			want:   []string{"AFGREBGOV>USAGOV:04"},
			forbid: []string{"AFGGOVREB>*:*", "*>AFGGOVREB:*"}},
		// "A and B met on the sidelines of X": each other; X is the venue.
		{name: "met on the sidelines of",
			text:   "Modi and Xi met on the sidelines of the BRICS summit.",
			date:   "2024-10-23",
			want:   []string{"INDGOV>CHNGOV:04", "CHNGOV>INDGOV:04"},
			forbid: []string{"*>IGOBRI:*"}},
		// With nobody named, only force and reproach are coded.
		{name: "hostages were rescued",
			text:   "104 hostages were rescued on Wednesday.",
			date:   "2025-03-13",
			forbid: []string{"*>*:07"}},
		{name: "journalists were arrested",
			text: "Five journalists were arrested in Harare.",
			date: "2025-03-13",
			want: []string{">ZWEMED:17"}},
		// Acts that did not happen: "supposed to", "no N", demanded that.
		{name: "were supposed to sign",
			text:   "The United States and Ukraine were supposed to sign a minerals deal.",
			date:   "2025-03-01",
			forbid: []string{"*>*:05"}},
		{name: "no passengers were killed",
			text:   "No passengers were killed in the attack.",
			date:   "2025-03-13",
			forbid: []string{"*>*:19"}},
		{name: "demanded that X be eliminated",
			text:   "Protesters have demanded that his National Congress Party be eliminated.",
			date:   "2019-04-12",
			forbid: []string{"*>*:19"}},
		// Whom one talks or describes something to is an audience.
		{name: "described to VOA",
			text:   "Two of the passengers described to VOA how the militants separated soldiers from civilians.",
			date:   "2025-03-13",
			forbid: []string{"*>USAGOVMED:*"}},
		// Deported to a country: the destination is no target.
		{name: "deported to a destination",
			text:   "Officials said the men were deported to Honduras and Venezuela.",
			date:   "2025-03-13",
			forbid: []string{"*>HND:*", "*>VEN:*"}},
		// The object pronoun of a coordinated verb is the first verb's object.
		{name: "captured and executed them",
			text: "Russian troops captured two Ukrainian soldiers and executed them.",
			date: "2024-04-12",
			want: []string{"RUSMIL>UKRMIL:18"}},
		// Coordinated subjects disagreeing: each with the other.
		{name: "A and B disagreed",
			text: "Trump and Zelenskyy also publicly disagreed.",
			date: "2025-03-01",
			want: []string{"USAGOV>UKRGOV:11", "UKRGOV>USAGOV:11"}},
		// Resuming aid is aid; saying one will resume it, an intention.
		{name: "resumed military aid",
			text: "The United States resumed military aid to Ukraine on Tuesday.",
			date: "2025-03-13",
			want: []string{"USA>UKR:07"}},
		// A "but" clause with its own subject does not inherit the first's
		// negation; an adjunct of a denial is not what is denied.
		{name: "did not respond, but denied while criticizing",
			text: "Pakistani officials did not immediately respond, but they have repeatedly denied the allegations while criticizing India.",
			date: "2025-03-13",
			want: []string{"PAKGOV>IND:11"}},
		// One intention, the precise one.
		{name: "ready to support: no generic 030 besides 032",
			text:   "The United States is ready to support Kenya's government.",
			date:   "2025-03-13",
			want:   []string{"USA>KENGOV:03"},
			forbid: []string{"USA>KENGOV:030"}},
		// "as a step toward peace in Europe" says what the act is.
		{name: "ceasefire as a step toward peace in",
			text:   "Ukraine had agreed to a 30-day ceasefire as a step toward peace in Europe.",
			date:   "2025-03-13",
			forbid: []string{"*>EUR:*"}},
		// A suicide bomber's attack is a suicide bombing.
		{name: "suicide bomber killing",
			text: "A female suicide bomber blew herself up near a military convoy in Balochistan, killing five soldiers.",
			date: "2025-03-13",
			want: []string{"*>*:1831"}},
		// A government's ban at home stays 172.
		{name: "banned at home",
			text: "Kenyan authorities banned civilians from traveling to the forest.",
			date: "2021-03-13",
			want: []string{"KENGOV>KENCVL:172"}},
		// "A-B" joins two actors: each a party of the phrase.
		{name: "U.S.-China talks",
			text: "U.S.-China talks resumed in Geneva on Monday.",
			date: "2025-05-12",
			want: []string{"USA>CHN:04", "CHN>USA:04"}},
		{name: "joint Kenya-U.S. base",
			text: "Al-Shabab militants attacked a joint Kenya-U.S. military base in Lamu.",
			date: "2020-01-05",
			want: []string{"SOMREB>KENMIL:19", "SOMREB>USAMIL:19"}},
		{name: "mediated the Israel-Hamas talks",
			text: "Qatar mediated the Israel-Hamas talks.",
			date: "2025-01-10",
			want: []string{"QAT>ISR:04", "QAT>PSEREBHMS:04"}},
		{name: "U.S.-led is no pair",
			text:   "The U.S.-led coalition struck Houthi targets.",
			date:   "2025-03-13",
			forbid: []string{"USA>*:*"}},
		// A partner of one's own side is no target; the place of talks is
		// no party to them.
		{name: "join X for the Jeddah talks with Y",
			text:   "Rubio will join U.S. national security adviser Mike Waltz for the Jeddah talks with Ukrainian officials.",
			date:   "2025-03-10",
			want:   []string{"USAGOV>UKRGOV:03"},
			forbid: []string{"*>SAU:*"}},
		// "warned that it would" is a threat, as "said it would" is an intent.
		{name: "warned that it would execute",
			text: "The BLA warned that it would execute security personnel.",
			date: "2025-03-13",
			want: []string{"PAKREB>---COP:13"}},
		// A list parsed as a chain of conjuncts is one group.
		{name: "three countries withdrew",
			text: "Burkina Faso, Mali and Niger withdrew from ECOWAS.",
			date: "2025-01-29",
			want: []string{"BFA>IGOWAFWAS:16", "MLI>IGOWAFWAS:16", "NER>IGOWAFWAS:16"}},
		// U.S. party lawmakers are the U.S. Congress; "Democratic Party"
		// alone is no U.S. actor (Albania's is in the news too).
		{name: "Republican lawmakers praised",
			text: "Republican lawmakers praised Trump and his Cabinet.",
			date: "2025-03-01",
			want: []string{"USALEG>USAGOV:05"}},
		{name: "Albania's Democratic Party",
			text:   "Berisha is the historical leader of the right-wing Democratic Party in Albania.",
			date:   "2021-05-20",
			forbid: []string{"*>USA*:*", "USA*>*:*"}},
		// Asking someone for help is an appeal for aid; the parse's small
		// clause is an object and a phrase.
		{name: "asked X for help",
			text: "Kenya asked the United States for help in fighting al-Shabab.",
			date: "2025-03-13",
			want: []string{"KEN>USA:02"}},
		// What is appealed for is to come.
		{name: "appealed for money to help",
			text:   "UNICEF appealed for $500 million to help children in Gaza.",
			date:   "2025-03-13",
			forbid: []string{"*>*:07"}},
		// An interview is no consultation.
		{name: "spoke with VOA",
			text:   "A college student in Beijing, who spoke with VOA on condition of anonymity, said the rules were strict.",
			date:   "2025-03-13",
			forbid: []string{"*>USAGOVMED:04", "USAGOVMED>*:04"}},
		// Shot for a reason is still violence.
		{name: "shot for standing up",
			text:   "The opposition leader in Tanzania was shot just for standing up for something.",
			date:   "2025-03-13",
			forbid: []string{"*>*:11"}},
		// Negotiating to import: only the negotiating has happened.
		{name: "negotiating to import",
			text:   "Cameroon says it is negotiating to import eggs and chicks from Brazil.",
			date:   "2025-03-13",
			forbid: []string{"*>*:06"}},
		// "The U.S. must act," said a U.S. senator: no demand of his own country.
		{name: "must of one's own country",
			text:   "The U.S. and our allies must take a long-term approach to China, Senator Jim Risch told Politico.",
			date:   "2025-03-13",
			forbid: []string{"*>USA:10"}},
		// A place phrase is no "he".
		{name: "he after a place phrase",
			text:   "Experts at the National University of Singapore said trade fell. He said the government would respond.",
			date:   "2025-03-13",
			forbid: []string{"SGP*>*:*"}},
		// A thing of the source's own country is no target.
		{name: "upgrading India's ties with",
			text:   "Modi is expected to discuss upgrading India's defense ties with the island nation of Mauritius.",
			date:   "2025-03-11",
			want:   []string{"INDGOV>MUS:03"},
			forbid: []string{"*>IND:*"}},
		// An act authorized or allowed is not done.
		{name: "a law that authorizes firing",
			text:   "China passed a Coast Guard Law that authorizes firing on foreign vessels.",
			date:   "2025-03-11",
			forbid: []string{"*>*:19"}},
		// An interview label names who speaks, never an actor.
		{name: "VOA: label",
			text:   "VOA: During your visit to Taiwan, you met with the new president, Lai Ching-te.",
			date:   "2024-06-01",
			forbid: []string{"USAGOVMED>*:*", "*>USAGOVMED:*"}},
		// "Western politicians" are not of the story's country.
		{name: "Western politicians keep no country",
			text:   "China defended its policies in Xinjiang on Monday. Beijing rejected the criticism. Western politicians have repeatedly called on China to close the camps.",
			date:   "2025-03-13",
			want:   []string{"---PTY>CHN:02"},
			forbid: []string{"CHNPTY>*:*"}},
		// Tourists visiting make no diplomatic visit.
		{name: "tourists visited",
			text:   "More than 2.8 million Chinese tourists visited Vietnam last year.",
			date:   "2025-03-13",
			forbid: []string{"*>*:04"}},
		// What could or would be done is not coded, verbal or material.
		{name: "could work together",
			text:   "His lawyers hope the United States and Britain could work together on the case.",
			date:   "2025-02-28",
			forbid: []string{"USA>GBR:*", "GBR>USA:*"}},
		// Sent into a country: the destination is the target, not who
		// is sent; "combat" an actor is fighting, "combat corruption"
		// no event.
		{name: "sent soldiers into",
			text:   "Kenya sent soldiers into Somalia in 2011 to combat the militant group.",
			date:   "2024-05-01",
			want:   []string{"KEN>SOM:15", "KEN>---REB:190"},
			forbid: []string{"*>*MIL:*"}},
		{name: "combat corruption is no event",
			text:   "The new government promised to combat corruption.",
			date:   "2024-05-01",
			forbid: []string{"*>*:19", "*>*:03"}},
		// A reaction to an act named by a noun ("condemned the attack")
		// is aimed at whoever did the newest earlier act of its kind.
		{name: "condemned the attack of an earlier sentence",
			text: "Russia attacked Ukraine's power grid overnight. France condemned the attack.",
			date: "2025-03-01",
			want: []string{"FRA>RUS:111"}},
		{name: "condemned the arrest, demanded his release",
			text: "Azerbaijani police arrested an independent journalist in Baku on Monday. Reporters Without Borders condemned the arrest and demanded his immediate release.",
			date: "2025-03-01",
			want: []string{"NGOHRIMED>AZECOP:111", "NGOHRIMED>AZECOP:105"}},
		{name: "denounced the sanctions",
			text: "The European Union imposed new sanctions on Russia on Friday. Moscow denounced the sanctions as illegal.",
			date: "2025-03-01",
			want: []string{"RUS>IGOEUREEC:11"}},
		{name: "criticized the crackdown",
			text: "Bangladeshi police launched a crackdown on student protesters in Dhaka. The United Nations criticized the crackdown.",
			date: "2025-03-01",
			want: []string{"IGOUNO>BGDCOP:11"}},
		{name: "welcomed the move",
			text: "Israel released 90 Palestinian prisoners on Sunday. Qatar welcomed the move.",
			date: "2025-03-01",
			want: []string{"QAT>ISR:05"}},
		// Who reports casualties accuses no one, and the participle of
		// the reported clause shares its subject, not the reporters'.
		{name: "killing ..., health officials said",
			text:   "Israeli aircraft struck a house in Gaza City, killing five people, Palestinian health officials said.",
			date:   "2025-03-01",
			want:   []string{"ISR>*:190"},
			forbid: []string{"PSEGOVHLH>*:*"}},
		{name: "attacked, police said",
			text:   "Gunmen attacked a bus in northern Kenya, killing three passengers, police said.",
			date:   "2025-03-01",
			forbid: []string{"KENCOP>*:*", "*COP>*:*"}},
		// A verb and its act noun coding the same act give one event,
		// even when the place's country fills only the verb's target.
		{name: "launched a crackdown on, in a city",
			text: "Bangladeshi police launched a crackdown on student protesters in Dhaka.",
			date: "2025-03-01",
			once: []string{"BGDCOP>*:175"}},
		// Mediators are not each other's partners; mediation is aimed at
		// the parties of the talks.
		{name: "talks mediated by A and B",
			text:   "Israel and Hamas agreed to a ceasefire on Wednesday after talks mediated by Egypt and Qatar.",
			date:   "2025-03-01",
			want:   []string{"EGY>ISR:045", "QAT>PSEREBHMS:045", "ISR>PSEREBHMS:0871"},
			forbid: []string{"EGY>QAT:*", "QAT>EGY:*"}},
		{name: "negotiations brokered by",
			text:   "Armenia and Azerbaijan signed a peace deal after negotiations brokered by the United States.",
			date:   "2025-03-01",
			want:   []string{"USA>ARM:045", "USA>AZE:045"},
			forbid: []string{"ARM>USA:*"}},
		// Under fire from X: X fires.
		{name: "came under fire from",
			text: "Kenyan police came under fire from al-Shabab militants in Lamu.",
			date: "2025-03-01",
			want: []string{"SOMREB>KENCOP:190"}},
		{name: "came under attack from",
			text: "Israeli troops came under attack from Hamas gunmen near Rafah.",
			date: "2025-03-01",
			want: []string{"PSEREBHMS>ISRMIL:190"}},
		// "the two countries", "both sides": the parties of the last
		// exchange named.
		{name: "the two countries agreed",
			text: "China and the Philippines held talks in Manila on Monday. The two countries also agreed to hold joint naval exercises.",
			date: "2025-03-01",
			want: []string{"CHN>PHL:03", "PHL>CHN:03"}},
		{name: "urged both sides",
			text: "Israel and Hamas exchanged fire overnight. Qatar urged both sides to respect the truce.",
			date: "2025-03-01",
			want: []string{"QAT>ISR:02", "QAT>PSEREBHMS:02"}},
		{name: "the two leaders after a meeting",
			text: "Indian Prime Minister Narendra Modi met Japanese Prime Minister Shigeru Ishiba in Tokyo on Friday. The two leaders signed agreements on defense and trade.",
			date: "2025-03-01",
			want: []string{"INDGOV>JPNGOV:057"}},
		// An agent phrase that says whose it is takes that actor's codes
		// ("gunmen linked to al-Shabab"), however the parse read it.
		{name: "gunmen linked to",
			text:  "Gunmen linked to al-Shabab killed five soldiers in Mandera.",
			date:  "2025-03-01",
			want:  []string{"SOMREB>---MIL:19"},
			lower: true},
		{name: "fighters loyal to",
			text: "Fighters loyal to Khalifa Haftar shelled Tripoli.",
			date: "2025-03-01",
			want: []string{"LBYMIL>LBY:19"}},
		{name: "militants affiliated with the banned",
			text: "Militants linked with the banned Baloch Liberation Army attacked a passenger train near Sibi.",
			date: "2025-03-01",
			want: []string{"PAKREB>*:190"}},
		{name: "believed to belong to",
			text: "The attackers, believed to belong to JNIM, stormed the village.",
			date: "2025-03-01",
			want: []string{"IMGMUSALQUAF>---:190"}},
		{name: "deaths linked to is no actor",
			text:   "Italy has registered 121,177 deaths linked to COVID-19 since the outbreak.",
			date:   "2025-03-01",
			forbid: []string{"*>*:*"}},
		// A purpose shares the mood of its act: done when the act is
		// ("sent soldiers ... to combat"), not when it is only pledged or
		// possible.
		{name: "could send troops to attack",
			text:   "Russia could send troops to Belarus to attack Ukraine.",
			date:   "2025-03-01",
			forbid: []string{"RUS*>UKR:19"}},
		{name: "pledged to send police to help fight",
			text:   "Kenya pledged to send police to Haiti to help fight gang violence.",
			date:   "2025-03-01",
			want:   []string{"KEN>HTI:03"},
			forbid: []string{"KEN>*:190"}},
		// An infinitive after "vowed on Sunday" is what is vowed, not a
		// purpose.
		{name: "vowed on Sunday to retaliate",
			text:   "Iran vowed on Sunday to retaliate against Israel.",
			date:   "2025-03-01",
			want:   []string{"IRN>ISR:138"},
			forbid: []string{"IRN>ISR:19"}},
		// An officer of an armed force holds its rank, not a police post.
		{name: "officer of the Revolutionary Guards",
			text: "Israel killed a senior officer of the Revolutionary Guards in Damascus.",
			date: "2025-03-01",
			want: []string{"ISR>IRNMIL:19"}},
		{name: "officers of the RSF",
			text: "Officers of the RSF detained 20 civilians in Khartoum.",
			date: "2025-03-01",
			want: []string{"SDNREB>*:173"}},
		// Two sides stepping back step back from each other, not from
		// their troops, the place, or the mediator.
		{name: "agreed to pull back troops",
			text:   "India and Pakistan agreed to pull back troops from the border.",
			date:   "2025-03-01",
			want:   []string{"IND>PAK:0356", "PAK>IND:0356"},
			forbid: []string{"*>---MIL:*"}},
		{name: "withdrew weapons under a deal brokered by",
			text:   "Thailand and Cambodia withdrew heavy weapons from the border under a deal brokered by Malaysia.",
			date:   "2025-03-01",
			want:   []string{"THA>KHM:087", "KHM>THA:087", "MYS>THA:045"},
			forbid: []string{"THA>MYS:*"}},
		{name: "withdrew their troops from the area",
			text: "Armenia and Azerbaijan withdrew their troops from the disputed area.",
			date: "2025-03-01",
			want: []string{"ARM>AZE:0874", "AZE>ARM:0874"}},
		// A pattern's opening preposition belongs to the verb's own
		// clause: "negotiations on a trade deal" inside the infinitive is
		// no agreement on a deal.
		{name: "agreed to begin negotiations on a deal",
			text:   "India and Bangladesh agreed to begin negotiations on a bilateral trade deal.",
			date:   "2025-03-01",
			want:   []string{"IND>BGD:036"},
			forbid: []string{"*>*:057"}},
		{name: "agreed on a ceasefire deal",
			text: "Israel and Hamas agreed on a ceasefire deal.",
			date: "2025-03-01",
			want: []string{"ISR>PSEREBHMS:0871"}},
		// A reporting tail with its own speaker after a reduced-relative
		// misreading: "forces used chlorine ..., the OPCW said".
		{name: "used chlorine gas, the OPCW said",
			text:   "Syrian government forces used chlorine gas against civilians in Douma, the OPCW said.",
			date:   "2025-03-01",
			want:   []string{"SYRMIL>---CVL:2041"},
			forbid: []string{">SYRMIL:*"}},
		// A place held by someone is theirs as a target.
		{name: "RSF-held city",
			text: "Sudanese army jets bombed the RSF-held city of Nyala.",
			date: "2025-03-01",
			want: []string{"SDNMIL>SDNREB:19"}},
		{name: "rebel-held town",
			text:  "Government forces shelled a rebel-held town in Idlib province.",
			date:  "2025-03-01",
			want:  []string{"*>SYRREB:19"},
			lower: true},
		{name: "Greek-flagged ship",
			text: "Yemen's Houthi rebels attacked a Greek-flagged cargo ship in the Red Sea.",
			date: "2025-06-01",
			want: []string{"YEMREB>GRC:19"}},
		{name: "Houthi-controlled ports",
			text: "US warplanes struck Houthi-controlled ports in Yemen.",
			date: "2025-03-01",
			want: []string{"USAMIL>YEMREB:19"}},
		// Forces a side sends are its own, and so is "the officers" later.
		{name: "the officers Kenya sent",
			text:   "Kenya sent 400 police officers to Haiti last year to fight gangs. The officers clashed with gang members in Port-au-Prince on Monday, killing three.",
			date:   "2025-03-01",
			want:   []string{"KENCOP>HTICRM:19"},
			forbid: []string{"HTICOP>*:*"}},
		// Reporting one's own side's act accuses no one.
		{name: "ministry said its troops captured",
			text:   "Russia's defense ministry said on Sunday that its troops captured the village of Andriivka. Moscow did not give details.",
			date:   "2025-06-01",
			forbid: []string{"RUSGOVMIL>RUSMIL:112", "RUSGOV>RUSMIL:112"}},
		{name: "Trump said the United States struck",
			text:   "President Donald Trump said the United States struck three nuclear sites in Iran. Iran vowed to respond.",
			date:   "2025-06-22",
			want:   []string{"USA>IRN:19"},
			forbid: []string{"USAGOV>USA:112"}},
		// A predicate after a parenthetical read as a conjunct of its
		// subject; co-actors alongside; fighters of an armed force are it.
		{name: "troops, alongside fighters, killed",
			text: "Malian troops, alongside Russian Africa Corps fighters, killed 20 jihadists near Gao.",
			date: "2025-06-01",
			want: []string{"MLIMIL>*:19", "RUSMIL>*:19"}},
		// A bare noun phrase after "said" read as its oblique.
		{name: "said its warplanes struck",
			text: "The Sudanese army said its warplanes struck RSF positions in Darfur.",
			date: "2025-06-01",
			want: []string{"SDNMIL>SDNREB:19"}},
		// Victims a side reports of the other side's attack are its own.
		{name: "military said Indian missiles killed civilians",
			text:   "NEW DELHI (Reuters) - India said it struck nine militant sites in Pakistan. Pakistan's military said Indian missiles killed 26 civilians.",
			date:   "2025-05-07",
			want:   []string{"IND>PAKCVL:19"},
			forbid: []string{"IND>INDCVL:*"}},
		// The charge of an arrest is no event of its own.
		{name: "arrested for the murder of",
			text:   "Police arrested two men for the murder of a shopkeeper in Ludhiana.",
			date:   "2025-06-01",
			want:   []string{"---COP>*:173"},
			forbid: []string{">*:19", ">*:18"},
			lower:  true},
		{name: "detained in connection with the killing of",
			text:   "Police detained three suspects in connection with the killing of a BJP worker.",
			date:   "2025-06-01",
			forbid: []string{">*:19", ">*:18"}},
		// Headlines join their subjects with a comma.
		{name: "headline A, B agree",
			text: "INDIA, PAKISTAN AGREE TO CEASEFIRE",
			date: "2025-05-10",
			want: []string{"IND>PAK:0871", "PAK>IND:0871"}},
		{name: "headline A, B swap prisoners",
			text:   "Russia, Ukraine swap 300 prisoners",
			date:   "2025-06-01",
			want:   []string{"RUS>UKR:0841", "UKR>RUS:0841"},
			forbid: []string{"*>---CVL:*"}},
		{name: "a name and its apposition is no pair",
			text:   "Moscow, Russia's capital, hosted the talks.",
			date:   "2025-06-01",
			forbid: []string{"*>RUS:*", "RUS>*:*"}},
		// The victims before a reporting tail are the participle's object,
		// not the first speaker.
		{name: "killing 20 soldiers, security sources said",
			text:   "Jihadists linked to al-Qaeda attacked a military camp in central Mali on Sunday, killing at least 20 soldiers, security sources said.",
			date:   "2025-06-01",
			want:   []string{"IMGMUSALQREB>---MIL:19"},
			forbid: []string{"---MIL>*:*"}},
		// What an appeal or demand asks for sets its subcode.
		{name: "urged to release",
			text: "The United States urged Iran to release the jailed protesters.",
			date: "2025-06-01",
			want: []string{"USA>IRN:0253"}},
		{name: "demanded that X withdraw",
			text: "Ukraine demanded that Russia withdraw its troops from Zaporizhzhia.",
			date: "2025-06-01",
			want: []string{"UKR>RUS:1056"}},
		{name: "threatened to suspend negotiations",
			text: "Hamas threatened to suspend ceasefire negotiations with Israel.",
			date: "2025-06-01",
			want: []string{"PSEREBHMS>ISR:134"}},
		// A lone sentence gets the reported-speech reading too.
		{name: "one sentence: said X was responsible",
			text: "Ukraine said Russia was responsible for the attack on Kyiv.",
			date: "2025-06-01",
			want: []string{"UKR>RUS:112"}},
		// A statement to someone is an event even when what is said is
		// coded on its own.
		{name: "told X that",
			text: "Russia told Ukraine that it would cut gas supplies. Kyiv did not comment.",
			date: "2025-06-01",
			want: []string{"RUS>UKR:01"}},
		// "No plans to" is no intention.
		{name: "no plans to withdraw",
			text:   "Turkey had no plans to withdraw troops from Syria.",
			date:   "2025-06-01",
			forbid: []string{"TUR>*:*"}},
		{name: "no plans to send",
			text:   "Germany has no plans to send troops to Ukraine.",
			date:   "2025-06-01",
			forbid: []string{"DEU>*:*"}},
		// "said X was Y and urged Z": the urging is the speaker's.
		{name: "said ... and urged",
			text: "China said the measures were lawful and urged Brussels to drop its investigation.",
			date: "2025-06-01",
			want: []string{"CHN>IGOEUREEC:02"}},
		{name: "said ... and warned",
			text: "Russia said the sanctions were illegal and warned Washington of retaliation.",
			date: "2025-06-01",
			want: []string{"RUS>USA:13"}},
		// What was said earlier, named by a noun: the offer, the claim,
		// the threat.
		{name: "welcomed the offer",
			text: "Turkey offered to host talks between Russia and Ukraine. Kyiv welcomed the offer.",
			date: "2025-06-01",
			want: []string{"UKR>TUR:05"}},
		{name: "rejected the claim",
			text: "Israel said Hamas was using the school as a command center. Hamas rejected the claim.",
			date: "2025-06-01",
			want: []string{"ISR>PSEREBHMS:112", "PSEREBHMS>ISR:12"}},
		{name: "denounced the deportations",
			text: "The United States deported 200 Venezuelans on Friday. Caracas denounced the deportations.",
			date: "2025-06-01",
			want: []string{"VEN>USA:111"}},
		{name: "dismissed the threat",
			text: "Iran threatened to close the Strait of Hormuz. Washington dismissed the threat.",
			date: "2025-06-01",
			want: []string{"USA>IRN:12"}},
		// A summit on whose sidelines two leaders meet is a venue, and a
		// preposition hung inside a name's phrase is the phrase's.
		{name: "talks on the sidelines of a summit",
			text:   "South Korean President Lee Jae-myung held talks with Japanese Prime Minister Shigeru Ishiba on the sidelines of the G7 summit.",
			date:   "2025-06-20",
			want:   []string{"KORGOV>JPNGOV:04"},
			forbid: []string{"*>IGOGOS:*", "IGOGOS>*:*"}},
		// "X's foreign office" is X's, not Britain's.
		{name: "Pakistan's foreign office",
			text:   "Pakistan's foreign office rejected India's claims.",
			date:   "2025-06-20",
			want:   []string{"PAKGOV>IND:*"},
			forbid: []string{"GBRGOV>*:*"}},
		// "them": the several actors the last act was aimed at.
		{name: "he urged them",
			text: "United Nations Secretary-General Antonio Guterres spoke by phone with the foreign ministers of India and Pakistan on Sunday. He urged them to avoid a military confrontation, his spokesman said.",
			date: "2025-05-04",
			want: []string{"IGOUNO>INDGOV:02", "IGOUNO>PAKGOV:02"}},
		// "They" after a mutual act: its two sides; an object read as the
		// subject of the oblique after it.
		{name: "they after a mutual act",
			text: "China and Russia held talks in Moscow on Monday. They criticized the United States over its tariffs.",
			date: "2025-05-04",
			want: []string{"CHN>USA:111", "RUS>USA:111"}},
		{name: "criticized X over Y",
			text: "Canada criticized the United States over its tariffs on steel.",
			date: "2025-05-04",
			want: []string{"CAN>USA:111"}},
		// A sentence-initial date adverbial is no subject.
		{name: "On 14 May 2025, teachers demonstrated",
			text: "On 14 May 2025, teachers demonstrated in Ouagadougou against unpaid salaries.",
			date: "2025-06-01",
			want: []string{"BFAEDU>BFA:14"}},
		{name: "On 3 June, rioters set fire",
			text: "On 3 June 2025, rioters set fire to a police station in Kano.",
			date: "2025-06-01",
			want: []string{"---CVL>---COP:1712"}},
		// Weapons as subjects are their kind of attack, done by whoever
		// planted them; an accidental blast is a disaster.
		{name: "an IED struck a convoy",
			text: "An IED struck a military convoy near Gao, killing four soldiers.",
			date: "2025-06-01",
			want: []string{">MLIMIL:183"}},
		{name: "a landmine planted by",
			text: "A landmine planted by al-Shabaab killed three civilians near Kismayo.",
			date: "2025-06-01",
			want: []string{"SOMREB>SOMCVL:183"}},
		{name: "a tanker explosion is no attack",
			text:   "A tanker explosion killed 30 people in Niger State.",
			date:   "2025-06-01",
			forbid: []string{"*>*:*"}},
		// A flat name carrying the object of a verb read as its modifier.
		{name: "ADF rebels attacked villagers",
			text: "ADF rebels attacked villagers in Beni territory.",
			date: "2025-06-01",
			want: []string{"CODREB>---CVL:190"}},
		// A date adverbial between subject and verb is left out of the
		// parse, which took the weekday for the subject; one that ends
		// the clause stays for the patterns that name it.
		{name: "the court on Thursday sentenced",
			text: "Brazil's Supreme Court on Thursday sentenced former President Jair Bolsonaro to 27 years in prison.",
			date: "2025-09-12",
			want: []string{"BRAJUD>*:173"}},
		{name: "called X on Tuesday",
			text: "President Trump called Vladimir Putin on Tuesday.",
			date: "2025-09-12",
			want: []string{"USAGOV>RUSGOV:041"}},
		// A former office-holder now in opposition keeps his dated role.
		{name: "former president now in opposition",
			text:   "Former President Jair Bolsonaro criticized the court.",
			date:   "2025-09-12",
			want:   []string{"BRAOPP>*:111"},
			forbid: []string{"BRAOPPELI>*:*"}},
		// An object of "said" is the misread subject of what was said, no
		// addressee; a standing charge has no accuser in its subject.
		{name: "said X was: no statement to X",
			text:   "The school said the girl's dreadlocks were against its policy. Her parents sued.",
			date:   "2025-06-01",
			forbid: []string{"*>*:010"}},
		{name: "stands accused of",
			text:   "Jimmy Lai stands accused of collusion with foreign forces.",
			date:   "2025-06-01",
			forbid: []string{"*>*:112"}},
		// Statements' issuers in their titles: a possessor, "on behalf
		// of", two governments; and what they ask for is not done.
		{name: "G7 Foreign Ministers' Statement",
			text:   "G7 Foreign Ministers' Statement on Iran\n\nWe condemn Iran's transfer of ballistic missiles to Russia. We call on Iran to cease its nuclear escalation and to cooperate fully with the International Atomic Energy Agency.",
			title:  true,
			date:   "2025-06-01",
			want:   []string{"IGOGOS>IRN:111", "IGOGOS>IRN:02"},
			forbid: []string{"IGOGOS>IGOUNOIAE:*"}},
		{name: "declaration on behalf of the EU",
			text:  "Declaration by the High Representative on behalf of the European Union on political prisoners in Belarus\n\nWe call on the Belarusian authorities to release all political prisoners.",
			title: true,
			date:  "2025-06-01",
			want:  []string{"IGOEUREEC>BLRGOV:02"}},
		{name: "joint statement by two governments",
			text:  "Joint Statement by the Republic of Indonesia and the Commonwealth of Australia\n\nWe signed a defence cooperation agreement that will expand joint exercises.",
			title: true,
			date:  "2025-06-01",
			want:  []string{"IDN>AUS:06", "AUS>IDN:06"}},
		// A rebel group's "our forces" are its own, not its country's.
		{name: "rebel statement: our forces",
			text:   "Statement by the Arakan Army\n\nOur forces captured the Ponnagyun battalion headquarters on Monday.",
			title:  true,
			date:   "2025-06-01",
			want:   []string{"MMRREB>*:192"},
			forbid: []string{"MMRMIL>*:*", "MMRREBMIL>*:*"}},
		// Where partners meet or sign is the meeting's venue, often a
		// third country's: it gives neither side its country.
		{name: "met with rebel leaders in Havana",
			text:   "Colombia's president met with rebel leaders in Havana.",
			date:   "2025-06-01",
			want:   []string{"COLGOV>---REB:04"},
			forbid: []string{"*>CUB*:*", "CUB*>*:*"}},
		{name: "signed with a rebel group in Doha",
			text:   "The Government of Chad signed a peace agreement with the FACT rebel group in Doha.",
			date:   "2025-06-01",
			want:   []string{"TCDGOV>---REB:057"},
			forbid: []string{"*>QAT*:*"}},
		{name: "held talks with negotiators in Barbados",
			text:   "Venezuela's opposition held talks with government negotiators in Barbados.",
			date:   "2025-06-01",
			want:   []string{"VENOPP>---GOV:04"},
			forbid: []string{"*>BRB*:*"}},
		{name: "arrested protesters in Tbilisi keeps the place's country",
			text: "Police arrested protesters in Tbilisi.",
			date: "2025-06-01",
			want: []string{"GEOCOP>GEOCVL:173"}},
		// A show of force or attack aimed at no one is answered by a
		// reaction naming its kind ("this provocation", "the launch").
		{name: "condemned this provocation",
			text: "North Korea fired two short-range ballistic missiles into the sea on Sunday. South Korea strongly condemned this provocation.",
			date: "2025-06-01",
			want: []string{"KOR>PRK:11"}},
		{name: "condemned the attack on no one named",
			text: "Gunmen from the Islamic State group attacked on Friday. The United Nations condemned the attack.",
			date: "2025-06-01",
			want: []string{"IGOUNO>*:11"}},
		// Clauses a semicolon joins are parsed apart (coder's
		// TestParseSegments has the lists that are not).
		{name: "semicolon-joined clauses",
			text: "On 11 October 2023, Hamas militants fired rockets at Israeli towns; no casualties were reported.",
			date: "2023-10-12",
			want: []string{"PSEREBHMS>ISR:19"}},
		{name: "semicolon-joined clauses, second clause's own subject",
			text: "On 9 May 2023, supporters of Imran Khan set fire to a military building in Lahore after his arrest; police fired tear gas to disperse them.",
			date: "2023-05-10",
			want: []string{"PAKOPP>PAKMIL:17"}},
		// A protest against an act is aimed at whoever did it; the act's
		// by-phrase is the noun's, not a passive agent of "protested".
		{name: "protested against the arrest by police",
			text:   "Students protested against the arrest of their leader by police.",
			date:   "2025-06-01",
			want:   []string{"---EDU>---COP:14", "---COP>*:173"},
			forbid: []string{"---COP>---EDU:14"}},
		{name: "protested against the killing by soldiers",
			text:   "Journalists protested against the killing of a reporter by soldiers.",
			date:   "2025-06-01",
			want:   []string{"---MED>---MIL:14", "---MIL>---MED:19"},
			forbid: []string{"---MED>---MED:14"}},
		// Partners named together in a joint patrol or exercise pair with
		// each other, not with the place; victims are people.
		{name: "conducted a joint patrol near Japan",
			text:   "China and Russia conducted a joint patrol near Japan.",
			date:   "2025-06-01",
			want:   []string{"CHN>RUS:062", "RUS>CHN:062"},
			forbid: []string{"*>JPN:*", "JPN>*:*"}},
		{name: "sent food to flood victims",
			text: "The United Nations sent food and medicine to flood victims in Pakistan.",
			date: "2025-06-01",
			want: []string{"IGOUNO>PAKCVL:07"}},
		// A reproach nobody makes here, in a participle describing its
		// target, is no event.
		{name: "the man accused of is described",
			text:   "The man accused of attacking the mosque was sentenced to life in prison by a court in Christchurch.",
			date:   "2025-06-01",
			want:   []string{"---JUD>*:17"},
			forbid: []string{">*:11"}},
		// Those killed in an act were killed by whoever did it: its
		// possessor, modifier, by-phrase or the party it is blamed on.
		{name: "killed in an attack blamed on militants",
			text:   "Two Turkish soldiers were killed in an attack blamed on Kurdish militants.",
			date:   "2025-06-01",
			want:   []string{"---REB>TURMIL:19"},
			forbid: []string{">---REB:*", "*>---REB:*"}},
		{name: "killed in a PKK attack",
			text: "Two Turkish soldiers were killed in a PKK attack.",
			date: "2025-06-01",
			want: []string{"TURREB>TURMIL:19"}},
		{name: "wounded in Russian shelling",
			text: "Three civilians were wounded in Russian shelling of Kharkiv.",
			date: "2025-06-01",
			want: []string{"RUS>UKRCVL:18"}},
		// Reporting that someone was killed accuses the killer, never the
		// victims; the state reporting its own forces' act accuses no one;
		// a by-phrase of another clause is not an attacked place's owner.
		{name: "said the militants had been killed by security forces",
			text:   "Officials said the militants who stormed the hotel had been killed by security forces.",
			date:   "2025-06-01",
			want:   []string{"---COP>---REB:19", "---REB>---:19"},
			forbid: []string{"*>---REB:11", "---REB>---COP:*"}},
		{name: "said civilians were killed by Russian shelling",
			text: "Ukraine said three civilians were killed by Russian shelling.",
			date: "2025-06-01",
			want: []string{"RUS>UKRCVL:19", "UKR>RUS:112"}},
		// A passive's patterns name its logical object, which stands
		// before the verb: subject or relative clause head.
		{name: "hostages were seized",
			text: "240 hostages were seized by Hamas.",
			date: "2025-06-01",
			want: []string{"PSEREBHMS>---CVL:181"}},
		{name: "hostages who were seized",
			text:   "The hostages, who were seized by Hamas on Oct. 7, were freed.",
			date:   "2025-06-01",
			want:   []string{"PSEREBHMS>---CVL:181"},
			forbid: []string{"*>*:171"}},
		// A hypothetical attack the speaker's own side warns of is its
		// threat; another side's warning about it is no threat by anyone.
		{name: "could strike, officials warned",
			text: "Israel could strike Iran's nuclear facilities if talks fail, officials warned.",
			date: "2025-06-01",
			want: []string{"ISR>IRN:138"}},
		{name: "Israeli officials warned Israel would attack",
			text:   "Israeli officials warned that Israel would attack Hezbollah if the rocket fire continued.",
			date:   "2025-06-01",
			want:   []string{"ISR>LBNREB:138"},
			forbid: []string{"ISRGOV>ISR:*"}},
		{name: "warned another country could attack",
			text:   "U.S. officials warned that Russia could attack Ukraine.",
			date:   "2025-06-01",
			forbid: []string{"RUS>UKR:*"}},
		// Another's act wished or asked for is not done: "wants X to",
		// a noun of asking's infinitive.
		{name: "wants Putin to attack",
			text:   "Obama wants Putin to attack Switzerland.",
			date:   "2014-06-01",
			forbid: []string{"*>CHE:*"}},
		{name: "faces pressure to help",
			text:   "Obama faces pressure from Congress to help Iran.",
			date:   "2014-06-01",
			forbid: []string{"*>IRN:07"}},
		{name: "wants to attack is intent",
			text: "Russia wants to attack Ukraine.",
			date: "2014-06-01",
			want: []string{"RUS>UKR:138"}},
		// What talks or a summit are on is their topic, not a party.
		{name: "a summit on the unrest in Iran",
			text:   "Obama is scheduled to attend a summit on the unrest in Iran.",
			date:   "2014-06-01",
			forbid: []string{"*>IRN:*"}},
		{name: "held talks on a prisoner exchange",
			text:   "Russia and Ukraine held talks on a prisoner exchange.",
			date:   "2025-06-01",
			want:   []string{"RUS>UKR:04", "UKR>RUS:04"},
			forbid: []string{"*>---CVL:*"}},
		// Verb coverage from an expert review of the GigaWord sample.
		{name: "presented evidence against",
			text: "The US presented evidence against Russia.",
			date: "2014-06-01",
			want: []string{"USA>RUS:112"}},
		{name: "pressuring X to",
			text: "Congress is pressuring Obama to help Iran.",
			date: "2014-06-01",
			want: []string{"*>USAGOV:10"}},
		{name: "engaged in a firefight",
			text: "Syrian rebels engaged Filipino peacekeepers in a firefight.",
			date: "2014-06-01",
			want: []string{"SYRREB>PHLMIL:19"}},
		{name: "taken the city of",
			text: "ISIL militants have taken the city of Mosul.",
			date: "2014-06-01",
			want: []string{"IMGMUSISI>IRQ:192"}},
		{name: "seeking to deepen partnership",
			text: "Brazil is seeking to deepen its partnership with the United States.",
			date: "2014-06-01",
			want: []string{"BRA>USA:03"}},
		// A past form with its own object is its noun's finite verb; of
		// two past forms on a subject the second is the predicate; an
		// absolute "with" clause may be the predicate; a coup is against
		// the country's government.
		{name: "after rebels kidnapped peacekeepers",
			text:   "The attack came two weeks after Al-Qaeda-linked rebels kidnapped dozens of peacekeepers.",
			date:   "2014-06-01",
			want:   []string{"---REB>*:181"},
			forbid: []string{">---REB:*"}},
		{name: "troops deployed to the border clashed",
			text: "Troops deployed to the border clashed with rebels.",
			date: "2014-06-01",
			want: []string{"---MIL>---REB:19"}},
		{name: "rebels armed with machetes attacked",
			text: "Gunmen armed with rifles killed five villagers in Zamfara.",
			date: "2014-06-01",
			want: []string{"---UAF>---CVL:19"}},
		{name: "seized power is against the government",
			text: "The military seized power in Niger in July.",
			date: "2024-06-01",
			want: []string{"NERMIL>NERGOV:180"}},
		// "would free" is a verb; an act after or following which a clause
		// happens has happened; leaders clash in words; "between A and B"
		// joins the two parties.
		{name: "said it would free prisoners",
			text: "Israel said it would free 150 Palestinian prisoners.",
			date: "2014-06-01",
			want: []string{"ISR>PSECVL:035"}},
		{name: "following the clash between leaders",
			text:   "The United States said last week that it would cease military aid to Ukraine, following the Oval Office clash between U.S. President Donald Trump and Ukrainian President Volodymyr Zelenskyy on Feb. 28.",
			date:   "2025-03-12",
			want:   []string{"USAGOV>UKRGOV:111"},
			forbid: []string{"*>*:138", "*>*:19"}},
		{name: "fighting between A and B killed",
			text: "Fighting between Sudanese forces and the RSF killed 20 people.",
			date: "2025-03-12",
			want: []string{"SDNMIL>SDNREB:19", "SDNREB>SDNMIL:19"}},
		{name: "issued arrest warrants for two men",
			text: "A court in Guyana has issued arrest warrants for two Brazilian men.",
			date: "2014-06-01",
			want: []string{"GUYJUD>BRACVL:173"}},
		// An active reproach's or denial's by-phrase is whose words it
		// answers.
		{name: "condemned as unacceptable allegations by",
			text: "France condemned as unacceptable allegations by Rwanda.",
			date: "2014-06-01",
			want: []string{"FRA>RWA:111"}},
		{name: "rejected as baseless claims by",
			text: "Russia rejected as baseless claims by Ukraine that it had shelled the plant.",
			date: "2025-06-01",
			want: []string{"RUS>UKR:*"}},
		// Force between two parties of one kind is an event.
		{name: "a mob lynched a man",
			text: "a mob lynched a man in alwar.",
			date: "2025-06-01",
			want: []string{"---CVL>---CVL:1823"}},
		{name: "rebels attacked rival rebels",
			text: "Rebels attacked rival rebels in the north.",
			date: "2025-06-01",
			want: []string{"---REB>---REB:19"}},
		// A people agent of no country acting with one country's
		// institution is of that country (not in visits or expulsions);
		// easing or giving in aimed at no one yields to one's own country.
		{name: "eased restrictions on opposition newspapers",
			text: "Tunisian authorities eased restrictions on opposition newspapers.",
			date: "2025-06-01",
			want: []string{"TUNGOV>TUNOPPMED:081"}},
		{name: "opposition leaders urged the president",
			text: "Opposition leaders urged South Korean President Yoon to resign.",
			date: "2025-06-01",
			want: []string{"KOROPP>KORGOV:02"}},
		{name: "deportees are not the deporter's",
			text:   "ICE deported 177 detainees from Guantanamo Bay to Honduras.",
			date:   "2025-06-01",
			forbid: []string{"*>USACVL:*"}},
		{name: "withdrew the finance bill",
			text: "Kenyan President William Ruto withdrew the finance bill following mass protests.",
			date: "2025-06-01",
			want: []string{"KENGOV>KEN:08"}},
		// An acceptance negated on itself, by someone, of something in its
		// clause, is a refusal.
		{name: "would not accept peacekeepers",
			text: "The Kremlin said Russia would not accept European peacekeepers in Ukraine.",
			date: "2025-06-01",
			want: []string{"RUS>*:12"}},
		{name: "would not allow inspectors",
			text: "Iran would not allow IAEA inspectors into its nuclear sites.",
			date: "2025-06-01",
			want: []string{"IRN>IGOUNOIAE:1245"}},
		{name: "did not agree to the ceasefire plan",
			text: "Israel did not agree to the Egyptian ceasefire plan.",
			date: "2025-06-01",
			want: []string{"ISR>EGY:12"}},
		{name: "will not allow disturbances refuses no one",
			text:   "Netanyahu said Israel will continue to maintain freedom of worship, but we will not allow violent disturbances.",
			date:   "2025-06-01",
			forbid: []string{"*>*:12"}},
		// A passive's requested act is not done; what one is forced to do
		// is.
		{name: "was urged by China to hold talks",
			text:   "Russia was urged by China to hold direct talks with Ukraine.",
			date:   "2025-06-01",
			want:   []string{"CHN>RUS:02"},
			forbid: []string{"RUS>UKR:*", "UKR>RUS:*"}},
		{name: "were forced to withdraw",
			text: "The rebels were forced to withdraw from the town.",
			date: "2025-06-01",
			want: []string{"---REB>*:087"}},
		// A vetoed or rejected document calls for nothing; a verb form the
		// parser's lemma table leaves whole gets the lexicon's lemma.
		{name: "vetoed a resolution calling for",
			text:   "The United States vetoed a UN Security Council resolution calling for a ceasefire in Gaza.",
			date:   "2025-06-01",
			want:   []string{"USA>IGOUNO:129"},
			forbid: []string{"USA>PSE:*"}},
		// Verb coverage from probes of weak PLOVER types.
		{name: "defended against criticism",
			text: "Beijing defended Russia against Western criticism over the war.",
			date: "2025-06-01",
			want: []string{"CHN>RUS:052"}},
		{name: "returned looted bronzes",
			text: "Britain returned looted bronzes to Nigeria.",
			date: "2025-06-01",
			want: []string{"GBR>NGA:0842"}},
		{name: "passed intelligence to",
			text: "Egypt passed intelligence to Israel.",
			date: "2025-06-01",
			want: []string{"EGY>ISR:064"}},
		// Kin and Indian crime-news people; a person of an office-holder
		// holds no office; a mission stands in another country.
		{name: "nabbed a history-sheeter",
			text: "the cops nabbed a history-sheeter in kanpur.",
			date: "2025-06-01",
			want: []string{"---COP>---CRM:173"}},
		{name: "shot dead by his brother",
			text: "A man was shot dead by his brother over a land dispute.",
			date: "2025-06-01",
			want: []string{"---CVL>---CVL:19"}},
		{name: "the president's brother is a civilian",
			text: "Police arrested the president's brother.",
			date: "2025-06-01",
			want: []string{"---COP>---CVL:173"}},
		{name: "protest at a foreign embassy",
			text:   "Protesters gathered outside the Russian embassy.",
			date:   "2025-06-01",
			forbid: []string{"RUSCVL>*:*"}},
		// Those killed in a fight with X were killed by X.
		{name: "killed in an encounter with security forces",
			text: "five maoists were killed in an encounter with security forces in bijapur.",
			date: "2025-06-01",
			want: []string{"---COP>---REB:19"}},
		{name: "killed in a clash with rebels",
			text: "Three soldiers were killed in a clash with rebels.",
			date: "2025-06-01",
			want: []string{"---REB>---MIL:19"}},
		// A passive's auxiliary is shared by its conjunct; captured rebels
		// are detained.
		{name: "was suspended and arrested",
			text: "a constable was suspended and arrested for taking a bribe.",
			date: "2025-06-01",
			want: []string{">---COP:173"}},
		{name: "rebels were captured",
			text: "Several rebels were captured by the army.",
			date: "2025-06-01",
			want: []string{"---MIL>---REB:173"}},
		{name: "were held for the murder",
			text: "Two men were held for the murder of a shopkeeper.",
			date: "2025-06-01",
			want: []string{">---CVL:173"}},
		// A pattern's noun in an "after" phrase is not what the verb acts
		// on.
		{name: "called off protests after talks",
			text:   "Kenyan opposition leaders called off anti-government protests after talks with President William Ruto.",
			date:   "2025-06-01",
			want:   []string{"KENOPP>KENGOV:082"},
			forbid: []string{"*>*:164"}},
		{name: "found X guilty",
			text: "A Moscow court found US citizen Stephen Hubbard guilty of fighting as a mercenary.",
			date: "2025-06-01",
			want: []string{"RUSJUD>USACVL:116"}},
		{name: "traded fire with",
			text:   "Hezbollah has traded fire with Israel since October.",
			date:   "2025-06-01",
			want:   []string{"LBNREB>ISR:190"},
			forbid: []string{"*>*:061"}},
		// An unclaimed explosion at a workplace is an accident.
		{name: "explosion at a chemical plant",
			text:   "An explosion at a chemical plant in Gujarat killed eight workers.",
			date:   "2025-06-01",
			forbid: []string{"*>*:18", "*>*:19"}},
		// ACLED-style reports: a grenade at a bar, a town no dictionary
		// names taken, the place a pattern names as the target, a verb
		// coordinated with a verb's object.
		{name: "hurled a grenade at a bar",
			text: "On 2 August 2023, unknown assailants hurled a hand grenade at a bar in Bujumbura.",
			date: "2025-06-01",
			want: []string{"---UAF>*:183"}},
		{name: "took control of an unlisted town",
			text: "On 1 September 2024, M23 rebels took control of Kalembe.",
			date: "2025-06-01",
			want: []string{"CODREB>*:192"}},
		{name: "set ablaze the house of",
			text: "On 5 May 2023, unidentified gunmen set ablaze the house of a local councillor in Ondo state.",
			date: "2025-06-01",
			want: []string{"---UAF>*:1712"}},
		{name: "burned tyres and blocked roads",
			text: "On 30 May 2024, demonstrators burned tyres and blocked roads in Dakar.",
			date: "2025-06-01",
			want: []string{"SENCVL>SEN:144"}},
		{name: "gave Hamas an ultimatum",
			text:   "Israel gave Hamas an ultimatum to release the hostages by Saturday.",
			date:   "2025-06-01",
			want:   []string{"ISR>PSEREBHMS:139"},
			forbid: []string{"*>---CVL:*"}},
		{name: "accused Russia of launching an attack",
			text:   "Ukraine accused Russia of launching a massive drone attack on Kyiv.",
			date:   "2025-06-01",
			want:   []string{"UKR>RUS:112"},
			forbid: []string{"RUS>UKR:19"}},
		{name: "attack any ship linked to Israel",
			text: "The Houthis said they would attack any ship linked to Israel.",
			date: "2025-06-01",
			want: []string{"YEMREB>ISR:138"}},
		{name: "pulled fighters out of an unlisted town",
			text: "M23 rebels pulled their fighters out of Walikale.",
			date: "2025-06-01",
			want: []string{"CODREB>*:0874"}},
		{name: "send air-defense systems",
			text: "Germany will send air-defense systems to Ukraine.",
			date: "2025-06-01",
			want: []string{"DEU>UKR:0332"}},
		// A past form in apposition to the sentence's noun is its
		// predicate; a protesting crowd right after the verb is its object.
		{name: "police lathi-charged protesting students",
			text:   "police lathi-charged protesting students in patna.",
			date:   "2025-06-01",
			want:   []string{"---COP>---EDU:175"},
			forbid: []string{"---COP>*:14"}},
		// "go" says intent only as "be going to"; an errand's aim is not
		// said to be done.
		{name: "had gone to arrest",
			text:   "villagers attacked a police team that had gone to arrest a liquor smuggler.",
			date:   "2025-06-01",
			want:   []string{"---CVL>---COP:19"},
			forbid: []string{"*>---CRM:*"}},
		{name: "is going to attack",
			text: "Russia is going to attack Ukraine.",
			date: "2025-06-01",
			want: []string{"RUS>UKR:138"}},
		{name: "the accused, identified as, was arrested",
			text: "the accused, identified as ramesh yadav, was arrested by the gorakhpur police.",
			date: "2025-06-01",
			want: []string{"---COP>---CRM:173"}},
		// "Both sides" are the two actors as they are, sharing no sector;
		// protesters at foreign embassies are not the embassies' people.
		{name: "pressed both sides",
			text:   "Israel and Hezbollah exchanged fire across the border on Monday. U.S. envoy Amos Hochstein pressed both sides to accept a cease-fire.",
			date:   "2025-06-01",
			want:   []string{"USAGOV>ISR:025", "USAGOV>LBNREB:025"},
			forbid: []string{"*>ISRREB:*"}},
		{name: "attacked the embassies of",
			text:   "Police in Kinshasa fired tear gas at protesters who attacked the embassies of Rwanda, France and the United States.",
			date:   "2025-06-01",
			forbid: []string{"RWACVL>*:*", "FRACVL>*:*"}},
		{name: "denied targeting and accused",
			text:   "The RSF denied targeting civilians and accused the army of shelling the market.",
			date:   "2025-06-01",
			want:   []string{"SDNREB>*MIL:112"},
			forbid: []string{"*>*CVL:19"}},
		// "Official" results name no official; an aid group counting the
		// dead accuses no one.
		{name: "protests against the official results",
			text:   "Security forces arrested more than 2,000 people during protests against the official results.",
			date:   "2025-06-01",
			want:   []string{"---COP>---CVL:173"},
			forbid: []string{"*>---GOV:*"}},
		{name: "a local aid group said",
			text:   "RSF fighters attacked the village, killing at least 23 civilians, a local aid group said.",
			date:   "2025-06-01",
			want:   []string{"SDNREB>---CVL:19"},
			forbid: []string{"*DEV>*:11"}},
		{name: "protesters in the city of X burned and blocked",
			text: "Protesters in the northern city of Cap-Haitien burned tires and blocked roads on Tuesday.",
			date: "2025-06-01",
			want: []string{"---CVL>*:144"}},
		{name: "Human Rights Watch accused",
			text: "Human Rights Watch accused Malian soldiers of executing at least 12 civilians.",
			date: "2025-06-01",
			want: []string{"NGOHRI>MLIMIL:112"}},
		{name: "repelled an assault by",
			text: "The army said its troops repelled a ground assault by RSF fighters.",
			date: "2025-06-01",
			want: []string{"*MIL>SDNREB:190"}},
		// The predicate after a subject's relative clause; a town no
		// dictionary lists, attacked, is the attack's place.
		{name: "which has traded fire, fired rockets at",
			text: "Hezbollah, which has traded fire with Israel since October, fired rockets at Haifa.",
			date: "2025-06-01",
			want: []string{"LBNREB>ISR:190", "LBNREB>*:194"}},
		{name: "fired a missile at an unlisted town",
			text: "Houthi rebels fired a missile at Eilat.",
			date: "2025-06-01",
			want: []string{"YEMREB>*:19"}},
		// A statement's present tense read as a plural noun.
		{name: "Iran calls on the Security Council",
			text: "The Islamic Republic of Iran calls on the UN Security Council to act.",
			date: "2025-06-01",
			want: []string{"IRN>IGOUNO:02"}},
		{name: "Russia appeals to the United Nations",
			text: "Russia appeals to the United Nations to intervene.",
			date: "2025-06-01",
			want: []string{"RUS>IGOUNO:02"}},
		{name: "ignored requests is no request",
			text:   "The two governments have ignored VOA requests for comment.",
			date:   "2025-06-01",
			forbid: []string{"*>*:*"}},
		// A statement whose title names no issuer is issued by the body
		// its first sentence opens with: its "we".
		{name: "statement issued by the first sentence's body",
			text:  "Statement by the Official Spokesperson\n\nExternal Affairs Ministry spokesperson Randhir Jaiswal briefed the media on Thursday. We demand that Islamabad take credible action against terrorist groups.",
			title: true,
			date:  "2025-06-01",
			want:  []string{"INDGOV>PAK:10"}},
		// "The Council" is the body named in full before; the AU's Peace
		// and Security Council is the AU's, not the UN's.
		{name: "the Council condemns",
			text:   "Communique of the Peace and Security Council\n\nThe Peace and Security Council of the African Union met on 3 June 2025 to discuss the situation in Guinea-Bissau. The Council strongly condemns the military coup in Guinea-Bissau.",
			title:  true,
			date:   "2025-06-05",
			want:   []string{"IGOAFRAFU>*:111"},
			forbid: []string{"IGOUNO>*:*"}},
		{name: "both sides of a joint statement",
			text:   "Joint Statement by the Republic of Korea and the Republic of Indonesia\n\nThe two leaders held talks in Jakarta on Monday. They condemned North Korea's missile launches. Both sides agreed to hold the next meeting of the Joint Commission in Seoul.",
			title:  true,
			date:   "2025-06-05",
			want:   []string{"KOR>IDN:03", "IDN>KOR:03", "KOR>IDN:04", "KOR>PRK:11"},
			forbid: []string{"KOR>PRK:03", "PRK>KOR:03"}},
		// Official statements' stock phrases; facilitating a shipment
		// mediates nothing.
		{name: "will take resolute countermeasures",
			text: "China will take resolute countermeasures against the United States.",
			date: "2025-06-01",
			want: []string{"CHN>USA:13"}},
		{name: "facilitated a shipment",
			text:   "The companies facilitated the shipment of Iranian petroleum to China.",
			date:   "2025-06-01",
			forbid: []string{"*>*:04"}},
		{name: "facilitated talks",
			text: "Qatar facilitated talks between Israel and Hamas.",
			date: "2025-06-01",
			want: []string{"QAT>ISR:045"}},
		{name: "condemns the airstrike carried out by",
			text: "Iran strongly condemns the airstrike carried out by the Israeli regime on Damascus.",
			date: "2025-06-01",
			want: []string{"IRN>ISRGOV:111"}},
		// "The Secretary-General" names the issuer again; a pattern's word
		// inside an actor's name ("Rapid Support Forces") is the name's.
		{name: "the Secretary-General calls on",
			text:   "Statement attributable to the Spokesperson for the Secretary-General on Sudan\n\nU.N. Secretary-General Antonio Guterres is deeply alarmed by the escalating violence in El Fasher. The Secretary-General calls on the Sudanese Armed Forces and the Rapid Support Forces to cease hostilities immediately.",
			title:  true,
			date:   "2025-06-05",
			want:   []string{"IGOUNO>SDNREB:02"},
			forbid: []string{"*>*:022"}},
		// A reaction answers the act aimed at someone before one aimed at
		// no one.
		{name: "condemned the strike after untargeted rockets",
			text:   "Israeli warplanes struck a residential building in central Beirut on Wednesday, killing at least 11 people. Hezbollah fired about 80 rockets into northern Israel later in the day. Lebanese Prime Minister Najib Mikati condemned the strike as a massacre.",
			date:   "2024-11-20",
			want:   []string{"LBNGOV>ISRMIL:11"},
			forbid: []string{"LBNGOV>LBNREB:*"}},
		{name: "deployed troops and equipment to",
			text:   "NATO has deployed additional troops and equipment to Poland and the Baltic states.",
			date:   "2025-06-01",
			want:   []string{"IGOWSTNAT>POL:154"},
			forbid: []string{"*>---MIL:*"}},
		// A conjunct shares its sibling's mood, not the sense of its verb;
		// "with the support of X" names a helper.
		{name: "threaten shipping and launch missiles with the support of",
			text:   "The Houthis continue to threaten shipping in the Red Sea and launch missiles at Israel with the support of Iran.",
			date:   "2025-06-01",
			want:   []string{"YEMREB>ISR:195"},
			forbid: []string{"*>IRN:*", "*>*:138"}},
		// A decision's author is the one it names, not one who welcomes it.
		{name: "welcomes the decision of X to designate",
			text:   "India welcomes the decision of the United States to designate The Resistance Front as a terrorist organization.",
			date:   "2025-06-01",
			want:   []string{"IND>USA:051"},
			forbid: []string{"IND>PAK*:*"}},
		{name: "this criminal act names no criminal",
			text:   "Iran said that this criminal act is a violation of international law.",
			date:   "2025-06-01",
			forbid: []string{"*>*CRM:*"}},
		{name: "held talks in a capital",
			text:   "The two leaders held talks in Jakarta on Monday.",
			date:   "2025-06-01",
			forbid: []string{"*>IDN:*", "IDN>*:*"}},
		{name: "is imposing sanctions",
			text: "The Department of State is imposing sanctions on three Iranian officials.",
			date: "2025-06-01",
			want: []string{"USAGOV>IRNGOV:163"}},
		// A meeting in one party's country is a visit and its hosting, not a
		// third location; an apposition's name is a party to talks.
		{name: "met with in the host's city",
			text: "Saudi Crown Prince Mohammed bin Salman met with Rubio in Jeddah.",
			date: "2025-06-01",
			want: []string{"SAUGOV>USAGOV:043", "USAGOV>SAUGOV:042"}},
		{name: "met a minister named in apposition",
			text: "Iran's Foreign Minister Abbas Araghchi met Indian External Affairs Minister Subrahmanyam Jaishankar in New Delhi.",
			date: "2025-06-01",
			want: []string{"IRNGOV>INDGOV:04"}},
		{name: "subject hung on its demonym",
			text: "Angolan President Joao Lourenco, who has mediated between the two countries, urged Congo and Rwanda to return to talks in Luanda.",
			date: "2025-06-01",
			want: []string{"AGOGOV>COD:02", "AGOGOV>RWA:02"}},
		{name: "threatened to X if Y did not",
			text: "Gang leader Jimmy Cherizier, a former police officer known as Barbecue, threatened to expand the fight if the foreign forces did not leave.",
			date: "2024-07-18",
			want: []string{"---CRM>---MIL:13"}},
		{name: "release of citizens detained in",
			text:   "France demanded the release of two French citizens detained in Iran.",
			date:   "2025-06-01",
			want:   []string{"FRA>FRACVL:105"},
			forbid: []string{">*:17"}},
		// The dead counted after a disaster died in it; a collapse is one.
		{name: "toll after a building collapse",
			text:   "A three-storey school building collapsed in Jos on Friday. 22 students were killed and 132 injured, officials said.",
			date:   "2024-07-12",
			forbid: []string{"*>*:18", "*>*:19", "*>*:20"}},
		{name: "toll after an attack stays",
			text: "Gunmen attacked a village in Zamfara on Friday. 22 people were killed, officials said.",
			date: "2024-07-12",
			want: []string{">---CVL:19"}},
		// ACLED-style: a target hung inside what the verb acts with;
		// herdsmen and vigilantes are actors.
		{name: "dropped grenades containing tear gas on positions",
			text: "Russian forces dropped K-51 grenades containing tear gas on Ukrainian positions near Robotyne.",
			date: "2025-06-01",
			want: []string{"RUSMIL>UKR:19"}},
		{name: "signed a memorandum of understanding with",
			text: "Ethiopia signed a memorandum of understanding with Somaliland.",
			date: "2025-06-01",
			want: []string{"ETH>SOM:057"}},
		{name: "herdsmen burned houses",
			text: "On 3 March 2024, herdsmen burned over 30 houses in Bokkos (Plateau state).",
			date: "2025-06-01",
			want: []string{"---AGR>*:1712"}},
		{name: "vigilantes lynched",
			text: "Vigilantes lynched two suspected gang members in Port-au-Prince.",
			date: "2025-06-01",
			want: []string{"*UAF>*CRM:18"}},
		{name: "revoked a cooperation agreement",
			text:   "Niger's junta revoked its military cooperation agreement with the United States.",
			date:   "2025-06-01",
			want:   []string{"NERGOV>USA:161"},
			forbid: []string{"*>*:08"}},
		{name: "engaged in a shootout with",
			text:   "Cartel gunmen engaged in a shootout with the Mexican army in Culiacan.",
			date:   "2025-06-01",
			want:   []string{"*>MEXMIL:190"},
			forbid: []string{"*>*:04"}},
		// An attack at a football match is no sports news; the watchers
		// killed are not their own killers.
		{name: "car bomb near a cafe showing a football match",
			text:   "On 14 July 2024, a car bomb exploded near a cafe in Mogadishu where people were watching a football match, killing five people.",
			date:   "2025-06-01",
			want:   []string{">SOM:183"},
			forbid: []string{"---CVL>---CVL:*"}},
		{name: "a mob set fire to a police station",
			text: "On 3 May 2024, a mob set fire to a police station and pelted stones at officers in Kishanganj.",
			date: "2025-06-01",
			want: []string{"---CVL>---COP:1712"}},
		{name: "should not be allowed is no appeal",
			text:   "The minister said Iran should not be allowed to build a bomb.",
			date:   "2022-03-04",
			forbid: []string{"*>IRN:02", "*>IRN:10"}},
	}
	runNewsCases(t, c, cases)
}

// TestDictionaryClasses guards the classes of phrasing added for present-day
// news (issue 10): police action and protest as Indian and other outlets
// write them (also lower-cased), property destruction, abduction and
// grenades, and the false readings the new entries must not make.
func TestDictionaryClasses(t *testing.T) {
	d, p := load(t)
	c, err := coder.New(d, p, coder.Options{})
	if err != nil {
		t.Fatal(err)
	}
	const date = "2025-06-01"
	cases := []newsCase{
		// Arrests and detention (173).
		{name: "nabbed suspects", text: "Police nabbed two suspects in Lucknow.", want: []string{"---COP>---CRM:173"}, lower: true},
		{name: "booked men", text: "Police booked three men for rioting.", want: []string{"---COP>---CVL:173"}, lower: true},
		{name: "took into custody", text: "Police took the youths into custody.", want: []string{"---COP>---CVL:173"}, lower: true},
		{name: "picked up", text: "Police picked up four men from the village.", want: []string{"---COP>---CVL:173"}, lower: true},
		{name: "held for murder", text: "Police held two men for the murder of a shopkeeper.", want: []string{"---COP>---CVL:173"}, lower: true},
		{name: "arrested the accused", text: "Police arrested the accused in Delhi.", want: []string{"INDCOP>INDCRM:173"}, lower: true},
		{name: "remanded", text: "The accused was remanded by the court.", want: []string{"---JUD>---CRM:173"}, lower: true},
		{name: "rounded up", text: "Police rounded up dozens of migrants in Mumbai.", want: []string{"---COP>---REF:173"}, lower: true},
		{name: "detained for questioning", text: "Police detained the protesters for questioning.", want: []string{"---COP>---CVL:173"}, lower: true},
		{name: "placed under house arrest", text: "Police placed the opposition leader under house arrest.", want: []string{"---COP>---OPP:173"}, lower: true},
		{name: "registered a case", text: "Police registered a case against the former minister.", want: []string{"---COP>---ELI:173"}, lower: true},
		// Police force on crowds (175).
		{name: "lathi charged", text: "Police lathi charged the protesters.", want: []string{"---COP>---CVL:175"}, lower: true},
		{name: "lathicharged", text: "Police lathicharged the protesters.", want: []string{"---COP>---CVL:175"}, lower: true},
		{name: "baton charged", text: "Police baton charged the crowd.", want: []string{"---COP>---CVL:175"}, forbid: []string{"*>*:173"}, lower: true},
		{name: "fired tear gas", text: "Police fired tear gas at the protesters.", want: []string{"---COP>---CVL:175"}, lower: true},
		{name: "water cannon", text: "Police used water cannon against the demonstrators.", want: []string{"---COP>---CVL:175"}, lower: true},
		{name: "opened fire on protesters", text: "Police opened fire on the protesters.", want: []string{"---COP>---CVL:175"}, lower: true},
		{name: "killed protesters", text: "Police killed three protesters in Dhaka.", want: []string{"BGDCOP>BGDCVL:175"}, lower: true},
		// Protest (14).
		{name: "gathered outside parliament", text: "Protesters gathered outside parliament.", want: []string{"---CVL>---LEG:14"}, lower: true},
		{name: "staged a dharna", text: "Farmers staged a dharna against the government.", want: []string{"---AGR>---GOV:14"}, lower: true},
		{name: "held a protest march", text: "Farmers held a protest march against the government.", want: []string{"---AGR>---GOV:14"}, lower: true},
		{name: "staged a strike", text: "Workers staged a strike against the government.", want: []string{"---LAB>---GOV:143"}, forbid: []string{"*>*:19"}, lower: true},
		{name: "pelted police", text: "Protesters pelted the police with stones.", want: []string{"---CVL>---COP:145"}, lower: true},
		{name: "threw stones", text: "Protesters threw stones at the police.", want: []string{"---CVL>---COP:145"}, lower: true},
		{name: "raised slogans", text: "Students raised slogans against the government.", want: []string{"---EDU>---GOV:14"}, lower: true},
		{name: "gheraoed", text: "Villagers gheraoed the district magistrate.", want: []string{"---CVL>---GOV:144"}, lower: true},
		// Property destruction, abduction, grenades, killing.
		{name: "torched shops", text: "Rioters torched shops in Delhi.", want: []string{"INDCVL>IND:1712"}, lower: true},
		{name: "abducted schoolgirls", text: "Gunmen abducted 20 schoolgirls in Katsina.", want: []string{"---UAF>---CVL:181"}, lower: true},
		{name: "bandits kidnapped worshippers", text: "Bandits kidnapped worshippers in Kaduna.", want: []string{"---CRM>---CVL:181"}, lower: true},
		{name: "hurled a grenade", text: "Unidentified men hurled a grenade at the police in Srinagar.", want: []string{"---UAF>---COP:183"}, lower: true},
		{name: "armed men are not civilians", text: "Armed men attacked worshippers in a mosque.", want: []string{"---UAF>---CVL:19"}, forbid: []string{"---CVL>*:*"}, lower: true},
		{name: "hacked to death", text: "A mob hacked a farmer to death in Bihar.", want: []string{"---CVL>---AGR:1823"}, forbid: []string{"*>*:176"}, lower: true},
		// What the new entries must not read.
		{name: "quit intimidating", text: "China must quit intimidating Taiwan, Lai said.", forbid: []string{"*>*:08", "*>*:16"}},
		{name: "designated as an adjective", text: "Separatist militants from the BLA, a designated terror group, took over a train.", forbid: []string{"*>*:16"}},
		{name: "received bailout packages", text: "Pakistan has received 23 bailout packages from the IMF.", forbid: []string{"*>*:04"}},
		{name: "conferred an honour", text: "Mauritius conferred its highest civilian honour on Modi.", forbid: []string{"*>*:04"}},
		{name: "not ready to talk", text: "Russia is not ready to talk with Ukraine.", forbid: []string{"RUS>UKR:*"}},
		{name: "executive order", text: "Trump signed an executive order imposing tariffs on Canada.", want: []string{"*>CAN:16"}, forbid: []string{"*>*:05"}},
		{name: "defend militarily", text: "Hungary said Europe cannot afford to defend Ukraine.", forbid: []string{"*>*:05"}},
		{name: "booked tickets", text: "Police booked tickets for the delegation.", forbid: []string{"*>*:17"}},
		{name: "intercepted drones", text: "Israel intercepted drones launched from Yemen.", forbid: []string{"ISR>*:19"}},
		{name: "a long list discussing", text: "Ministers from Britain, Canada, France, Germany, Italy, Japan and the United States discussed China.",
			want: []string{"GBRGOV>CHN:04"}, forbid: []string{"GBRGOV>FRAGOV:*", "FRAGOV>GBRGOV:*"}},
	}
	for k := range cases {
		cases[k].date = date
	}
	runNewsCases(t, c, cases)
}

// runNewsCases codes each case alone (and lower-cased when asked) and checks
// its wanted and forbidden events.
func runNewsCases(t *testing.T, c *coder.Coder, cases []newsCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			date, err := time.Parse("2006-01-02", tc.date)
			if err != nil {
				t.Fatal(err)
			}
			texts := []string{tc.text}
			if tc.lower {
				texts = append(texts, strings.ToLower(tc.text))
			}
			for _, text := range texts {
				doc := &egret.Document{ID: "t", Text: text, Date: date}
				if first, _, ok := strings.Cut(text, "\n\n"); ok && tc.title {
					doc.Title = first
				}
				evs, err := c.Code(context.Background(), doc)
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, e := range evs {
					got = append(got, e.Source+">"+e.Target+":"+e.CAMEO)
				}
				for _, w := range tc.want {
					if !anyMatch(got, w) {
						t.Errorf("%q: want %s, got %v\n%s", text, w, got, c.Explain(text, date))
					}
				}
				for _, o := range tc.once {
					n := 0
					for _, g := range got {
						if matchEvent(g, o) {
							n++
						}
					}
					if n != 1 {
						t.Errorf("%q: want one %s, got %d in %v\n%s", text, o, n, got, c.Explain(text, date))
					}
				}
				for _, f := range tc.forbid {
					for _, g := range got {
						if matchEvent(g, f) {
							t.Errorf("%q: forbidden %s coded as %s\n%s", text, f, g, c.Explain(text, date))
						}
					}
				}
			}
		})
	}
}

func anyMatch(got []string, pat string) bool {
	for _, g := range got {
		if matchEvent(g, pat) {
			return true
		}
	}
	return false
}

// matchEvent reports whether event "S>T:CODE" matches pattern "S>T:RR".
// An actor pattern is exact, "*" (any), "*XYZ" (ends with XYZ) or "XYZ*"
// (starts with XYZ); a code pattern is a prefix or "*".
func matchEvent(ev, pat string) bool {
	es, et, ec := splitEvent(ev)
	ps, pt, pc := splitEvent(pat)
	return matchActor(es, ps) && matchActor(et, pt) &&
		(pc == "*" || strings.HasPrefix(ec, pc))
}

func matchActor(code, pat string) bool {
	switch {
	case pat == "*":
		return true
	case len(pat) > 1 && pat[0] == '*':
		return strings.HasSuffix(code, pat[1:])
	case len(pat) > 1 && pat[len(pat)-1] == '*':
		return strings.HasPrefix(code, pat[:len(pat)-1])
	}
	return code == pat
}

func splitEvent(s string) (src, tgt, code string) {
	st, code, _ := strings.Cut(s, ":")
	src, tgt, _ = strings.Cut(st, ">")
	return src, tgt, code
}

func TestMatchEvent(t *testing.T) {
	for _, tc := range []struct {
		ev, pat string
		want    bool
	}{
		{"RUS>SYR:070", "*>*:07", true},
		{"RUS>SYR:070", "*>*:19", false},
		{"RUS>SYR:070", "RUS>SYR:07", true},
		{"RUS>SYR:070", "RUS>SYRGOV:07", false},
		{"---GOV>MLIMIL:111", "---GOV>MLIMIL:11", true},
		{"RUS>SYR:070", "*>*:*", true},
		{"---UAF>NGACVL:190", "*>*CVL:19", true},
		{"---UAF>NGACVL:190", "*UAF>*:19", true},
		{"---UAF>NGACVL:190", "*>*MIL:19", false},
		{"PAKOPP>PAKMIL:1712", "PAK*>PAKMIL:17", true},
		{"PAKOPP>PAKMIL:1712", "IND*>PAKMIL:17", false},
	} {
		if got := matchEvent(tc.ev, tc.pat); got != tc.want {
			t.Errorf("matchEvent(%q, %q) = %v", tc.ev, tc.pat, got)
		}
	}
}

// TestExplainShowsRepairs: when the coder mends the parse it has read
// from, `egret explain` says which repair changed the tree.
func TestExplainShowsRepairs(t *testing.T) {
	d, p := load(t)
	c, err := coder.New(d, p, coder.Options{})
	if err != nil {
		t.Fatal(err)
	}
	date := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	out := c.Explain("Syrian troops regained control of the city of Aleppo.", date)
	for _, want := range []string{"Tree:", "Repaired: a past tense between two noun phrases is the predicate", "Event: SYRMIL SYR 192"} {
		if !strings.Contains(out, want) {
			t.Errorf("explain lacks %q:\n%s", want, out)
		}
	}
	if out := c.Explain("Russia condemned the attack on Kyiv.", date); strings.Contains(out, "Repaired:") {
		t.Errorf("a parse needing no repair reports one:\n%s", out)
	}
}
