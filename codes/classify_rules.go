package codes

// The classifier's rules, read from rules/*.tsv (see rules.go). Phrases are lower case; the text
// is lower-cased with white space collapsed before matching. The ideas (which phrase means which
// reason, and in which order to try them) follow Sisimai's reason modules and provider tables;
// the phrases themselves were collected from real bounces (testdata/) and providers' published
// error lists.

// rule maps phrases to a reason; it applies when one phrase, or one aligned list of fragments
// (in order, close together: "mailbox" ... "full"), matches and no unless phrase does.
type rule struct {
	reason  Reason
	phrases []string // those written in ASCII first (see sortPhrases)
	ascii   int      // how many of phrases are written in ASCII
	keys    []uint16 // each phrase's middle and last trigram keys, interleaved (see keysOf)
	aligned [][]string
	unless  []string
}

// keysOf returns the trigram keys that matcher.anyOf checks first for a phrase: its middle
// trigram and its last (phrases shorter than three bytes get the key 0 twice, and are searched).
func keysOf(p string) (mid, last uint16) {
	if len(p) < 3 {
		return 0, 0
	}
	m := len(p)/2 - 1
	return uint16(trigramKey(p[m], p[m+1], p[m+2])), uint16(trigramKey(p[len(p)-3], p[len(p)-2], p[len(p)-1]))
}

// anyOf reports whether the text contains one of r's phrases (the ASCII ones in an ASCII text);
// it checks each phrase's precomputed middle and last trigrams before anything else.
func (m *matcher) anyOf(r *rule) bool {
	n := len(r.phrases)
	if m.ascii {
		n = r.ascii
	}
	for i := 0; i < n; i++ {
		mid, last := r.keys[2*i], r.keys[2*i+1]
		if mid != 0 && (!m.tg.hasKey(mid) || !m.tg.hasKey(last)) {
			continue
		}
		if m.has(r.phrases[i]) {
			return true
		}
	}
	return false
}

// phrasesFor returns the phrases of r that can be in m's text: only the ASCII ones in an ASCII text.
func (m *matcher) phrasesFor(r *rule) []string {
	if m.ascii {
		return r.phrases[:r.ascii]
	}
	return r.phrases
}

// The tiers, in the order Classify tries them (see matcher.reason).
var (
	// suppressionRules: the sending platform's own suppression list, before anything else.
	suppressionRules = rules.tier("suppression")
	// strongRules: specific phrases, tried before any code; they say what happened more precisely
	// than the codes do.
	strongRules = rules.tier("strong")
	// contextRules: after a specific code, the reply's context (in reply to MAIL FROM) and an
	// explicit "blocked"/"banned", which say more than a key word does.
	contextRules = rules.tier("context")
	// keywordRules: single words that name what a reason is about, matched as whole words; the
	// fallback for rewordings that no phrase covers. The more specific subject first (a relay
	// before a sender, a sender before an IP).
	keywordRules = rules.tier("keyword")
	// genericRules: generic words ("policy", "spam", "security", "transaction failed") that mostly
	// name a filter or a wrapper rather than what it objected to; before generic codes (X.7.1).
	genericRules = rules.tier("generic")
	// lateRules: the vaguest words, after every code but the basic one.
	lateRules = rules.tier("late")
	// mailboxStateRules override X.1.1 when the text names what is wrong with the mailbox
	// ("550 5.1.1 Inactive mbox"); whole words.
	mailboxStateRules = rules.tier("mailbox-state")
	// blockSubjectRules decide what a generic refusal ("blocked", "banned") refused, by the
	// subject the text names: an IP or host is blocked, an attachment or content a policy
	// violation, a sender address or domain rejected; whole words.
	blockSubjectRules = rules.tier("block-subject")

	// deliveredRules: a delivery confirmation without codes (ESP status texts).
	deliveredRules = rules.tier("delivered")

	vacationPhrases          = rules.list("vacation")           // an auto-reply rather than a bounce
	contentlessPhrases       = rules.list("contentless")        // "delivery failed" and nothing more
	failurePhrases           = rules.list("failure")            // turn a 2xx code into a failure
	temporaryPhrases         = rules.list("temporary")          // the class, when codes do not say
	permanentPhrases         = rules.list("permanent")          // the class, when codes do not say
	dataPhasePhrases         = rules.list("data-phase")         // the reply came after the message data
	recipientRejectedPhrases = rules.list("recipient-rejected") // keep a user unknown after the data phase
	mailFromPhrases          = rules.list("mail-from")          // the reply was to MAIL FROM
	providerPhrases          = rules.providers()
)

// providerPhrase names the phrases that identify a provider.
type providerPhrase struct {
	p       Provider
	phrases []string
}

// providers returns the phrases of the provider tier, one entry per provider (the rule is the
// provider's name).
func (d ruleData) providers() []providerPhrase {
	t := d["provider"]
	if t == nil {
		return nil
	}
	var out []providerPhrase
	for i, id := range t.ids {
		for p := NoProvider + 1; p < numProviders; p++ {
			if p.String() == id {
				out = append(out, providerPhrase{p, t.rules[i].phrases})
			}
		}
	}
	return out
}

// codeReason returns what the catalog says an enhanced code means for its class and provider, and
// whether that decides before the generic phrases of the text (a code that is only its subject's
// default, such as X.7.1 or an unlisted detail, does not).
func codeReason(e Enhanced, p Provider) (Reason, bool) {
	if e.IsZero() {
		return Undefined, false
	}
	r, _, fallback := recordFor(e, p)
	if r == nil {
		return Undefined, false
	}
	return r.reasonFor(e.Class), !fallback && !r.isWeak(e.Class)
}

// basicCodeReason returns what the catalog says a basic reply code means, or Undefined.
func basicCodeReason(b uint16) Reason {
	if r := basicRecord(b); r != nil {
		return r.reasonFor(b / 100)
	}
	return Undefined
}
