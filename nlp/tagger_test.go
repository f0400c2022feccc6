package nlp

import "testing"

// TestTagRules pins the contextual rules on the ambiguities that matter for
// event coding: each case names one word of a sentence and its tag.
func TestTagRules(t *testing.T) {
	p := pipe(t)
	tests := []struct {
		name, text, word string
		want             Tag
	}{
		{"to + VB", "The army plans to attack the city.", "attack", VB},
		{"DT + NN", "The attack killed ten people.", "attack", NN},
		{"MD + VB", "Rebels will fire rockets at the base.", "fire", VB},
		{"NN compound", "Rocket fire hit the town.", "fire", NN},
		{"have + VBN", "Militants have attacked the convoy.", "attacked", VBN},
		{"have + adverb + VBN", "Russia has repeatedly warned NATO.", "warned", VBN},
		{"be + VBN", "Two soldiers were killed in the clash.", "killed", VBN},
		{"be + VBG", "Troops are shelling the town.", "shelling", VBG},
		{"subject + VBD", "Turkey shelled Kurdish positions.", "shelled", VBD},
		{"NNS after adjective", "Israeli attacks on Gaza continued.", "attacks", NNS},
		{"VBZ after name", "Russia attacks Ukraine with drones.", "attacks", VBZ},
		{"plans as verb", "The government plans to hold elections.", "plans", VBZ},
		{"plans as noun", "The plans were rejected.", "plans", NNS},
		{"talks as noun", "Peace talks in Doha stalled.", "talks", NNS},
		{"talks as verb", "Putin talks to Xi every month.", "talks", VBZ},
		{"ties as noun", "The two countries restored diplomatic ties.", "ties", NNS},
		{"visit as noun", "The visit will be the first in years.", "visit", NN},
		{"visit as verb", "The president plans to visit Beijing.", "visit", VB},
		{"shell as verb", "Gunboats continued to shell the coast.", "shell", VB},
		{"shell as noun", "An artillery shell landed near the school.", "shell", NN},
		{"plural subject + VBP", "Israeli forces fire on protesters.", "fire", VBP},
		{"reduced relative", "Police arrested two men suspected of the killing.", "suspected", VBN},
		{"reduced relative with later verb", "The report released on Tuesday said the army knew.", "released", VBN},
		{"past participle by", "The town was hit by missiles fired by the rebels.", "fired", VBN},
		{"possessive", "Russia's army advanced.", "'s", POS},
		{"it's", "It's a crisis.", "'s", VBZ},
		{"that complementizer", "Officials said that the talks failed.", "that", IN},
		{"that relative", "The group that attacked the base fled.", "that", WDT},
		{"that determiner", "That plan failed.", "That", DT},
		{"existential there", "There were no casualties.", "There", EX},
		{"nationality adjective", "Iraqi officials confirmed the strike.", "Iraqi", JJ},
		{"name mid-sentence", "Talks with Hamas resumed.", "Hamas", NNP},
		{"name at start known from document", "President Donald Trump spoke. Trump also said talks failed.", "Trump", NNP},
		{"hyphenated number adjective", "A 12-year war ended.", "12-year", JJ},
		{"based compound", "A Moscow-based bank was hit.", "Moscow-based", JJ},
		{"particle", "The rebels shot down a helicopter.", "down", RP},
		{"preposition", "The rebels came down the hill.", "down", IN},
		{"modal negation", "The army did not comment.", "comment", VB},
		{"adverb after modal", "The fighting could still rage for months.", "still", RB},
		{"verb after modal and adverb", "The fighting could still rage for months.", "rage", VB},
		{"noun before finite verb", "Human trafficking is a crime.", "trafficking", NN},
		{"compound noun before verb", "The study co-author said so.", "co-author", NN},
		{"auxiliary stays", "Gondor and Osgiliath have postponed their meeting.", "have", VBP},
		{"bare infinitive", "We are not going to let such statements go unanswered.", "go", VB},
		{"bare infinitive after help", "The court jailed a student for helping young militants join a group.", "join", VB},
		{"title-case headline verb", "Iraq Says Key Islamic State Leader Is Dead", "Says", VBZ},
		{"title-case headline name from the body", "Zelenskyy Meets Trump in Washington\n\nUkraine's president met President Donald Trump on Friday.", "Meets", VBZ},
		{"headline caps", "REBELS ATTACK ARMY BASE IN NORTH", "ATTACK", VBP},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sents := p.Sentences(tc.text)
			for _, s := range sents {
				for _, tk := range s.Tokens {
					if tk.Text == tc.word && (s.Index == len(sents)-1 || tc.name != "name at start known from document") {
						if tk.Tag != tc.want {
							var all []string
							for _, x := range s.Tokens {
								all = append(all, x.Text+"/"+x.Tag.String())
							}
							t.Fatalf("%q tagged %s, want %s in %v", tc.word, tk.Tag, tc.want, all)
						}
						return
					}
				}
			}
			t.Fatalf("word %q not found in %q", tc.word, tc.text)
		})
	}
}
