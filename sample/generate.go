package sample

import (
	"bufio"
	"fmt"
	"io"
	"math/bits"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"
)

// header is the first line of every export: Marketo's People-tab display names and two
// custom fields.
const header = "Id,First Name,Last Name,Email Address,Company Name,Email Invalid,Email Invalid Cause," +
	"Email Suspended,Email Suspended Cause,Email Suspended At,Unsubscribed,Created At,Updated At," +
	"Job Title,Lead Source"

// eol ends every record, and every line of a multi-line reason, as spreadsheet tools write them.
const eol = "\r\n"

const (
	numCampaigns = 48  // email sends the bounces come from
	spanDays     = 100 // days before the export the sends are spread over
	numVariants  = 8   // variants of the per-send values (IPs, queue ids) within one send
	multiLinePct = 40  // share of multi-line replies written with their line breaks kept
	relayPct     = 65  // share of fixed replies a generated export has inside the MTA's report
)

// kind is what a piece of a parsed reason template stands for.
type kind uint8

const (
	kLiteral kind = iota
	kIP
	kMXIP
	kMX
	kDomain
	kEmail
	kLocal
	kFrom
	kDate
	kGID
	kMS
	kMSHost
	kMC
	kQID
	kNum
	kSMTP
	kNL
)

// placeholderKind returns the kind of the placeholder {name}.
func placeholderKind(name string) (kind, bool) {
	i := slices.Index([]string{"", "ip", "mxip", "mx", "domain", "email", "local", "from", "date",
		"gid", "ms", "msh", "mc", "qid", "n", "smtp", "nl"}, name)
	return kind(i), i > 0
}

type piece struct {
	kind kind
	lit  string // CSV-escaped literal text, for kLiteral
}

// tmpl is a catalog entry parsed for fast expansion.
type tmpl struct {
	entry
	episode int // index in episodes, or -1
	pieces  []piece
	quote   bool // the field must be quoted: commas, quotes or line breaks
	fixed   bool // the text is the same for every lead: no address, id, host or time in it
	reply   bool // the text is one line that starts with a reply code, as a remote server sends it
}

// parseTemplate splits an entry's text into literals and placeholders.
func parseTemplate(e entry) (tmpl, error) {
	t := tmpl{entry: e}
	s := e.text
	for s != "" {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			t.addLiteral(s)
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			return t, fmt.Errorf("sample: template %q: unclosed placeholder", e.text)
		}
		k, ok := placeholderKind(s[i+1 : i+j])
		if !ok {
			return t, fmt.Errorf("sample: template %q: unknown placeholder %q", e.text, s[i:i+j+1])
		}
		t.addLiteral(s[:i])
		t.pieces = append(t.pieces, piece{kind: k})
		if k == kNL || k == kDate { // line breaks; "Thu, 27 Nov"
			t.quote = true
		}
		s = s[i+j+1:]
	}
	t.fixed = true
	for _, p := range t.pieces {
		if p.kind != kLiteral && p.kind != kNL && p.kind != kSMTP && p.kind != kFrom {
			t.fixed = false
		}
	}
	t.reply = len(e.text) > 4 && e.text[0] >= '2' && e.text[0] <= '5' && e.text[3] == ' ' &&
		!strings.Contains(e.text, "{nl}")
	return t, nil
}

func (t *tmpl) addLiteral(s string) {
	if s == "" {
		return
	}
	if strings.ContainsAny(s, ",\"\r\n") {
		t.quote = true
	}
	t.pieces = append(t.pieces, piece{kind: kLiteral, lit: strings.ReplaceAll(s, `"`, `""`)})
}

// domain is a receiving domain with the mail system behind it.
type domain struct {
	name    string
	company string // CSV-ready Company Name of the people at this domain; "" for free mail
	mx      string
	mxip    string
	loc     locale
}

// domainSet is where a provider's bounces land: consumer domains and companies.
type domainSet struct {
	consumer    []*domain // repeated by weight
	corp        []*domain
	consumerPct int
}

// people holds the CSV-ready names and fields of one locale.
type people struct {
	first, last []name
	titles      []string
	romaji      bool // names may also be written in Latin letters: Sato for 佐藤
}

// generator writes rows. It owns its PRNG and every pool; nothing is shared between calls.
type generator struct {
	rng       *rand.PCG
	tmpls     []tmpl
	pick      []uint16   // entry indices repeated by weight
	blocks    [][]uint16 // per provider, the entries that suspend a lead
	domains   [numProviders]domainSet
	companies []string // CSV-ready company names for free-mail leads
	people    [numLocales]people
	sources   []string
	from      [2]string
	ips       [numCampaigns][2]string
	campaign  [numCampaigns]int64 // unix seconds, ascending
	episodes  []episode
	gids      []string
	msHosts   []string
	msIDs     []string
	mcIDs     []string
	qids      []string
	now       int64
	nextID    int64
	scratch   []byte
	// varied makes every queue id, message id, front-end host, time and receiving IP fresh per
	// row, drawn from ids, as real servers write them; without it they come from small pools
	// (the embedded sample is written so).
	varied bool
	ids    *rand.PCG
	// last is the lead appendRow wrote last, for the activity extract of the same leads.
	last lastRow
}

// lastRow is what appendRow wrote for a lead: its Id, its entry, its row and where in the
// bytes its reason (CSV-encoded) lies.
type lastRow struct {
	id    int64
	ti    int
	r     row
	text  [2]int
	old   row // an older spam block on record, when oldTi >= 0
	oldTi int
}

func newGenerator(seed int64, now time.Time) (*generator, error) {
	g := &generator{
		rng:    rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15^uint64(seed)>>1),
		now:    now.Unix(),
		nextID: 1000000,
		ids:    rand.NewPCG(uint64(seed)^0x5851f42d4c957f2d, 0xda942042e4dd58b5),
	}
	g.episodes = episodes()
	for i, e := range catalog() {
		t, err := parseTemplate(e)
		if err != nil {
			return nil, err
		}
		t.episode = inEpisode(e, g.episodes)
		g.tmpls = append(g.tmpls, t)
		weight := e.weight
		if t.episode >= 0 {
			weight *= g.episodes[t.episode].boost
		}
		for range weight {
			g.pick = append(g.pick, uint16(i))
		}
	}
	g.blocks = make([][]uint16, numProviders)
	for i, t := range g.tmpls {
		if t.fate == fSuspend {
			g.blocks[t.prov] = append(g.blocks[t.prov], uint16(i))
		}
	}
	g.nextID += int64(g.n(90000))
	g.buildPeople()
	g.buildDomains()
	g.buildPools()
	return g, nil
}

// n returns a number in [0, k).
func (g *generator) n(k int) int {
	return int((g.rng.Uint64() >> 32) * uint64(k) >> 32)
}

// idn returns a number in [0, k) from the ids stream.
func (g *generator) idn(k int) int {
	return int((g.ids.Uint64() >> 32) * uint64(k) >> 32)
}

// appendRand appends n bytes drawn from alphabet (at most 64 bytes long) from the ids stream,
// several bytes per draw.
func (g *generator) appendRand(b []byte, alphabet string, n int) []byte {
	k := uint64(len(alphabet))
	for n > 0 {
		x := g.ids.Uint64()
		for j := 0; j < 8 && n > 0; j++ {
			hi, lo := bits.Mul64(x, k)
			b = append(b, alphabet[hi])
			x = lo
			n--
		}
	}
	return b
}

// appendNum appends a number in [lo, lo+k) from the ids stream.
func (g *generator) appendNum(b []byte, lo, k int) []byte {
	return strconv.AppendInt(b, int64(lo+g.idn(k)), 10)
}

// appendGID appends a Gmail queue id: 98e67ed59e1d1-2c2d0e28189si6418580a91.13.
func (g *generator) appendGID(b []byte) []byte {
	b = g.appendRand(b, hexLower, 13)
	b = append(b, '-')
	b = g.appendRand(b, hexLower, 11)
	b = append(b, "si"...)
	b = g.appendRand(b, digits, 7+g.idn(2))
	b = g.appendRand(b, lower, 2+g.idn(2))
	b = append(b, '.')
	return g.appendNum(b, 1, 999)
}

// msRegions are Microsoft 365 front-end prefixes with their region.
var msRegions = [...][2]string{
	{"BN8NAM", "nam"}, {"DM6NAM", "nam"}, {"CO1NAM", "nam"}, {"MW2NAM", "nam"}, {"SN1NAM", "nam"},
	{"BY5NAM", "nam"}, {"CY4NAM", "nam"}, {"AM4EUR", "eur"}, {"DB5EUR", "eur"}, {"HE1EUR", "eur"},
	{"SG2APC", "apc"}, {"PU1APC", "apc"},
}

// appendMSHost appends a Microsoft 365 front end: BN8NAM12FT056.eop-nam12.prod.protection.outlook.com.
func (g *generator) appendMSHost(b []byte) []byte {
	r := &msRegions[g.idn(len(msRegions))]
	nr := 10 + g.idn(4)
	b = append(b, r[0]...)
	b = strconv.AppendInt(b, int64(nr), 10)
	b = append(b, "FT"...)
	b = append(b, digits[g.idn(10)], digits[g.idn(10)], digits[g.idn(10)])
	b = append(b, ".eop-"...)
	b = append(b, r[1]...)
	b = strconv.AppendInt(b, int64(nr), 10)
	return append(b, ".prod.protection.outlook.com"...)
}

func csvField(s string) string {
	if strings.ContainsAny(s, ",\"\r\n") {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}

func (g *generator) buildPeople() {
	for l := range numLocales {
		p := people{first: firstNames(l), last: lastNames(l), romaji: l == japanese}
		for _, t := range jobTitles(l) {
			p.titles = append(p.titles, csvField(t))
		}
		for i := range p.first {
			p.first[i].display = csvField(p.first[i].display)
		}
		for i := range p.last {
			p.last[i].display = csvField(p.last[i].display)
		}
		g.people[l] = p
	}
	for _, s := range leadSources() {
		g.sources = append(g.sources, csvField(s))
	}
}

func (g *generator) ip(prefix string) string {
	return prefix + strconv.Itoa(10+g.n(240))
}

func (g *generator) receivingIP() string {
	if g.n(2) == 0 {
		return g.ip("198.51.100.")
	}
	return g.ip("203.0.113.")
}

func (g *generator) buildDomains() {
	consumer := func(pv provider, pct int, list ...string) {
		// list holds name, mx, weight triples.
		for i := 0; i+2 < len(list); i += 3 {
			w, _ := strconv.Atoi(list[i+2])
			d := &domain{name: list[i], mx: list[i+1], mxip: g.receivingIP()}
			switch pv {
			case pvGerman:
				d.loc = german
			case pvFrench:
				d.loc = french
			case pvJapanese:
				d.loc = japanese
			}
			for range w {
				g.domains[pv].consumer = append(g.domains[pv].consumer, d)
			}
		}
		g.domains[pv].consumerPct = pct
	}
	consumer(pvGoogle, 75, "gmail.com", "gmail-smtp-in.l.google.com", "19", "googlemail.com", "alt1.gmail-smtp-in.l.google.com", "1")
	consumer(pvMicrosoft, 65,
		"outlook.com", "outlook-com.olc.protection.outlook.com", "8", "hotmail.com", "hotmail-com.olc.protection.outlook.com", "7",
		"live.com", "live-com.olc.protection.outlook.com", "2", "msn.com", "msn-com.olc.protection.outlook.com", "1",
		"hotmail.co.uk", "eur.olc.protection.outlook.com", "1", "outlook.de", "eur.olc.protection.outlook.com", "1")
	consumer(pvYahoo, 100,
		"yahoo.com", "mta6.am0.yahoodns.net", "12", "aol.com", "mx-aol.mail.gm0.yahoodns.net", "3",
		"ymail.com", "mta7.am0.yahoodns.net", "1", "yahoo.co.uk", "mx-eu.mail.am0.yahoodns.net", "2",
		"rocketmail.com", "mta5.am0.yahoodns.net", "1")
	consumer(pvApple, 100, "icloud.com", "mx01.mail.icloud.com", "16", "me.com", "mx02.mail.icloud.com", "3", "mac.com", "mx01.mail.icloud.com", "1")
	consumer(pvISP, 100,
		"comcast.net", "mx1a1.comcast.net", "5", "att.net", "al-ip4-mx-vip1.prodigy.net", "4", "sbcglobal.net", "al-ip4-mx-vip2.prodigy.net", "2",
		"verizon.net", "mx-aol.mail.gm0.yahoodns.net", "2", "cox.net", "cxr.mx.a.cloudfilter.net", "2", "charter.net", "mx.charter.net", "1",
		"btinternet.com", "mx.bt.lon5.cpcloud.co.uk", "2", "shaw.ca", "mx.shaw.ca", "1", "bigpond.com", "extmail.bigpond.com", "1",
		"optonline.net", "mx.optonline.net", "1", "earthlink.net", "mx1.earthlink.net", "1")
	consumer(pvGerman, 85, "gmx.de", "mx00.emig.gmx.net", "4", "web.de", "mx-ha03.web.de", "4", "t-online.de", "mx00.t-online.de", "3", "gmx.net", "mx01.emig.gmx.net", "1")
	consumer(pvFrench, 85, "orange.fr", "smtp-in.orange.fr", "5", "wanadoo.fr", "smtp-in.orange.fr", "2", "laposte.net", "smtpz4.laposte.net", "2", "free.fr", "mx1.free.fr", "2", "sfr.fr", "mx.sfr.fr", "1")
	consumer(pvJapanese, 50, "docomo.ne.jp", "mfsmax.docomo.ne.jp", "3", "ezweb.ne.jp", "lsean.ezweb.ne.jp", "2", "nifty.com", "mx.nifty.com", "2", "ocn.ne.jp", "mx.ocn.ne.jp", "1")

	for _, l := range []locale{german, french, japanese} {
		pv := map[locale]provider{german: pvGerman, french: pvFrench, japanese: pvJapanese}[l]
		for _, c := range regionalCompanies(l) {
			d := &domain{name: c[1], company: csvField(c[0]), mx: "mx01." + c[1], mxip: g.receivingIP(), loc: l}
			g.domains[pv].corp = append(g.domains[pv].corp, d)
			g.companies = append(g.companies, d.company)
		}
	}

	first, second := companyWords()
	tlds := []string{".com", ".com", ".com", ".com", ".io", ".net", ".co", ".co.uk", ".org"}
	// Company mail systems, by share of companies.
	hosts := []provider{pvMicrosoft, pvMicrosoft, pvMicrosoft, pvMicrosoft, pvGoogle, pvGoogle, pvGoogle,
		pvProofpoint, pvProofpoint, pvMimecast, pvMimecast, pvBarracuda, pvCisco, pvCorp, pvCorp}
	seen := map[string]bool{}
	for len(seen) < 1200 {
		a, b := first[g.n(len(first))], second[g.n(len(second))]
		tld := tlds[g.n(len(tlds))]
		var dn string
		switch g.n(4) {
		case 0:
			dn = strings.ToLower(a) + "-" + strings.ToLower(b) + tld
		case 1:
			dn = strings.ToLower(a) + tld
		default:
			dn = strings.ToLower(a+b) + tld
		}
		if seen[dn] {
			continue
		}
		seen[dn] = true
		company := a + " " + b
		switch {
		case tld == ".co.uk":
			company += " Ltd"
		case g.n(5) == 0:
			company += ", Inc."
		case g.n(4) == 0:
			company += " LLC"
		case g.n(6) == 0:
			company += " Group"
		}
		d := &domain{name: dn, company: csvField(company), mxip: g.receivingIP()}
		pv := hosts[g.n(len(hosts))]
		switch pv {
		case pvMicrosoft:
			d.mx = strings.ReplaceAll(dn, ".", "-") + ".mail.protection.outlook.com"
		case pvGoogle:
			d.mx = "aspmx.l.google.com"
		case pvProofpoint:
			d.mx = "mx0a-00" + strconv.Itoa(100000+g.n(900000)) + ".pphosted.com"
		case pvMimecast:
			d.mx = [...]string{"us-smtp-inbound-1.mimecast.com", "us-smtp-inbound-2.mimecast.com", "eu-smtp-inbound-1.mimecast.com"}[g.n(3)]
		case pvBarracuda:
			d.mx = "d" + strconv.Itoa(100000+g.n(900000)) + "a.ess.barracudanetworks.com"
		case pvCisco:
			d.mx = "mx1.hc" + strconv.Itoa(1000+g.n(9000)) + "-" + strconv.Itoa(10+g.n(90)) + ".iphmx.com"
		default:
			d.mx = [...]string{"mail.", "mx1.", "smtp."}[g.n(3)] + dn
		}
		g.domains[pv].corp = append(g.domains[pv].corp, d)
		g.companies = append(g.companies, d.company)
	}
	// Generic servers' wording also comes from companies behind other systems.
	g.domains[pvCorp].corp = append(g.domains[pvCorp].corp, g.domains[pvProofpoint].corp...)
	g.domains[pvCorp].corp = append(g.domains[pvCorp].corp, g.domains[pvBarracuda].corp...)
}

func (g *generator) randString(alphabet string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[g.n(len(alphabet))]
	}
	return string(b)
}

const (
	hexLower = "0123456789abcdef"
	hexUpper = "0123456789ABCDEF"
	digits   = "0123456789"
	lower    = "abcdefghijklmnopqrstuvwxyz"
	alnum    = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
)

func (g *generator) buildPools() {
	senders := []string{"brightforge.io", "lumenworks.com", "quillon-software.com", "novaterra-cloud.com"}
	s := senders[g.n(len(senders))]
	g.from = [2]string{s, "email." + s}

	// Sends: most of them over the span, one 5 hours ago and one 20 hours ago, so a few
	// suspensions are still in force.
	for i := range g.campaign {
		day := g.now/86400 - int64(2+g.n(spanDays-2))
		g.campaign[i] = day*86400 + 13*3600 + int64(g.n(9*3600))
	}
	g.campaign[0] = g.now - 5*3600 - int64(g.n(3600))
	g.campaign[1] = g.now - 20*3600 - int64(g.n(3600))
	for i := 1; i < len(g.campaign); i++ { // insertion sort: ascending send times
		for j := i; j > 0 && g.campaign[j] < g.campaign[j-1]; j-- {
			g.campaign[j], g.campaign[j-1] = g.campaign[j-1], g.campaign[j]
		}
	}
	pool := make([]string, 24)
	for i := range pool {
		pool[i] = g.ip("192.0.2.")
	}
	for i := range g.ips {
		g.ips[i] = [2]string{pool[(i*2)%len(pool)], pool[(i*2+1)%len(pool)]}
	}
	size := numCampaigns * numVariants
	for range size {
		g.gids = append(g.gids, g.randString(hexLower, 13)+"-"+g.randString(hexLower, 11)+"si"+
			g.randString(digits, 7)+g.randString(lower, 2)+"."+strconv.Itoa(100+g.n(900)))
		nam := strconv.Itoa(10 + g.n(3))
		g.msHosts = append(g.msHosts, [...]string{"BN8", "DM6", "CO1", "MW2", "SN1", "BY5", "CY4"}[g.n(7)]+
			"NAM"+nam+"FT"+strconv.Itoa(1000 + g.n(1000))[1:]+".eop-nam"+nam+".prod.protection.outlook.com")
		g.msIDs = append(g.msIDs, "08DD"+g.randString(hexUpper, 12))
		g.mcIDs = append(g.mcIDs, g.randString(alnum, 22)+"."+[...]string{"us", "eu", "uk"}[g.n(3)]+strconv.Itoa(100+g.n(500)))
		g.qids = append(g.qids, g.randString(hexUpper, 10))
	}
}

// row is the per-lead state a reason text is expanded from.
type row struct {
	c, v   int // campaign, variant
	dom    *domain
	email  []byte // the lead's address
	local  int    // length of its local part
	nl     bool   // keep line breaks
	smtp   int
	sent   int64 // when the send went out (unix seconds)
	bounce int64 // when the bounce came back
	relay  relay // how the sending MTA reported the remote server's reply
}

// relay is how a sending MTA wraps the reply of the remote server in its own report.
type relay uint8

const (
	asSent         relay = iota // the reply alone
	postfixRcpt                 // host mx.example.com[203.0.113.7] said: REPLY (in reply to RCPT TO command)
	postfixLead                 // <ann@example.com>: host mx.example.com[203.0.113.7] said: REPLY (...)
	eximRcpt                    // SMTP error from remote mail server after RCPT TO:<ann@example.com>: host ...
	postfixRefused              // host mx.example.com[203.0.113.7] refused to talk to me: REPLY
	numRelays
)

// appendReason expands t for the lead r.
func (g *generator) appendReason(b []byte, t *tmpl, r *row) []byte {
	quote := t.quote || r.relay == eximRcpt && r.nl
	if quote {
		b = append(b, '"')
	}
	b = g.appendRelayHead(b, r)
	k := r.c*numVariants + r.v
	for _, p := range t.pieces {
		if g.varied && p.kind != kLiteral {
			if nb, ok := g.appendVaried(b, p.kind, r); ok {
				b = nb
				continue
			}
		}
		switch p.kind {
		case kLiteral:
			b = append(b, p.lit...)
		case kIP:
			b = append(b, g.ips[r.c][r.v&1]...)
		case kMXIP:
			b = append(b, r.dom.mxip...)
		case kMX:
			b = append(b, r.dom.mx...)
		case kDomain:
			b = append(b, r.dom.name...)
		case kEmail:
			b = append(b, r.email...)
		case kLocal:
			b = append(b, r.email[:r.local]...)
		case kFrom:
			b = append(b, g.from[r.v&1]...)
		case kDate:
			b = appendRFC5322(b, r.sent+int64(r.v*17))
		case kGID:
			b = append(b, g.gids[k]...)
		case kMS:
			b = append(b, g.msHosts[k]...)
			b = append(b, ' ')
			b = appendDateTime(b, r.sent+int64(r.v*41), 'T')
			b = append(b, '.')
			b = strconv.AppendInt(b, int64(100+(k*37)%900), 10)
			b = append(b, "Z "...)
			b = append(b, g.msIDs[k]...)
		case kMSHost:
			b = append(b, g.msHosts[k]...)
		case kMC:
			b = append(b, g.mcIDs[k]...)
		case kQID:
			b = append(b, g.qids[k]...)
		case kNum:
			b = strconv.AppendInt(b, int64(10000+(k*7919)%90000), 10)
		case kSMTP:
			b = append(b, [...]string{"", "", "smtp; ", "smtp;", "SMTP; "}[r.smtp]...)
		case kNL:
			if r.nl {
				b = append(b, eol...)
			} else {
				b = append(b, ' ')
			}
		}
	}
	switch r.relay {
	case postfixRcpt, postfixLead:
		b = append(b, " (in reply to RCPT TO command)"...)
	}
	if quote {
		b = append(b, '"')
	}
	return b
}

// appendRelayHead appends what the sending MTA writes before the remote server's reply.
func (g *generator) appendRelayHead(b []byte, r *row) []byte {
	switch r.relay {
	case postfixLead:
		b = append(b, '<')
		b = append(b, r.email...)
		b = append(b, ">: "...)
		fallthrough
	case postfixRcpt, postfixRefused:
		b = append(b, "host "...)
		b = append(b, r.dom.mx...)
		b = append(b, '[')
		b, _ = g.appendVaried(b, kMXIP, r)
		if r.relay == postfixRefused {
			return append(b, "] refused to talk to me: "...)
		}
		return append(b, "] said: "...)
	case eximRcpt:
		b = append(b, "SMTP error from remote mail server after RCPT TO:<"...)
		b = append(b, r.email...)
		b = append(b, ">:"...)
		if r.nl {
			b = append(b, eol+"    host "...)
		} else {
			b = append(b, " host "...)
		}
		b = append(b, r.dom.mx...)
		b = append(b, " ["...)
		b, _ = g.appendVaried(b, kMXIP, r)
		return append(b, "]: "...)
	}
	return b
}

// pickRelay decides how the sending MTA reports the reply t for a lead: most fixed replies
// reach the export inside its report, which names the receiving host and often the lead.
func (g *generator) pickRelay(t *tmpl) relay {
	if !g.varied || !t.fixed || !t.reply {
		return asSent
	}
	x := g.idn(100)
	switch {
	case x >= relayPct:
		return asSent
	case t.fate == fSuspend:
		return postfixRefused
	case x < relayPct/3:
		return postfixRcpt
	case x < relayPct*3/4:
		return postfixLead
	}
	return eximRcpt
}

// appendVaried appends a fresh value of kind k for the lead r, as a server writes it for each
// message; ok is false for the kinds that do not vary per message (the lead's address, line
// breaks).
func (g *generator) appendVaried(b []byte, k kind, r *row) (_ []byte, ok bool) {
	switch k {
	case kIP: // the send's pool of sending IPs
		return strconv.AppendInt(append(b, "192.0.2."...), int64(10+(r.c*16+g.idn(16))%240), 10), true
	case kMXIP: // one of the receiving host's addresses
		i := strings.LastIndexByte(r.dom.mxip, '.')
		return g.appendNum(append(b, r.dom.mxip[:i+1]...), 10, 240), true
	case kDate:
		return appendRFC5322(b, r.bounce), true
	case kGID:
		return g.appendGID(b), true
	case kMS:
		b = g.appendMSHost(b)
		b = append(b, ' ')
		b = appendDateTime(b, r.bounce, 'T')
		b = append(b, '.')
		b = g.appendRand(b, digits, 3)
		b = append(b, "Z 08DD"...)
		return g.appendRand(b, hexUpper, 12), true
	case kMSHost:
		return g.appendMSHost(b), true
	case kMC:
		b = g.appendRand(b, alnum, 22)
		b = append(b, '.')
		b = append(b, [...]string{"us", "eu", "uk"}[g.idn(3)]...)
		return g.appendNum(b, 100, 500), true
	case kQID:
		return g.appendRand(b, hexUpper, 10+g.idn(3)), true
	case kNum:
		return g.appendNum(b, 10000, 90000), true
	}
	return b, false
}

// appendRow writes one lead whose bounce is catalog entry ti.
func (g *generator) appendRow(b []byte, ti int) []byte {
	t := &g.tmpls[ti]
	r := row{c: g.n(numCampaigns), v: g.n(numVariants), nl: g.n(100) < multiLinePct, smtp: g.n(5), relay: g.pickRelay(t)}
	ds := &g.domains[t.prov]
	if len(ds.consumer) > 0 && (len(ds.corp) == 0 || g.n(100) < ds.consumerPct) {
		r.dom = ds.consumer[g.n(len(ds.consumer))]
	} else {
		r.dom = ds.corp[g.n(len(ds.corp))]
	}
	loc := r.dom.loc
	if loc == global && g.n(12) == 0 {
		loc = locale(1 + g.n(int(numLocales)-1))
	}
	p := &g.people[loc]
	first, last := &p.first[g.n(len(p.first))], &p.last[g.n(len(p.last))]

	e := g.scratch[:0]
	free := r.dom.company == ""
	switch x := g.n(20); {
	case x < 9:
		e = append(append(append(e, first.ascii...), '.'), last.ascii...)
	case x < 12:
		e = append(append(e, first.ascii[0]), last.ascii...)
	case x < 14:
		e = append(append(append(e, first.ascii[0]), '.'), last.ascii...)
	case x < 16 && free:
		e = append(append(append(e, first.ascii...), '_'), last.ascii...)
	case x < 16:
		e = append(append(e, first.ascii...), last.ascii[0])
	case free:
		e = append(append(e, first.ascii...), last.ascii...)
		e = strconv.AppendInt(e, int64(g.n(100)), 10)
	default:
		e = append(e, first.ascii...)
	}
	r.local = len(e)
	e = append(append(e, '@'), r.dom.name...)
	g.scratch = e
	r.email = e

	r.sent = g.sendTime(t, r.c)
	r.bounce = r.sent + int64(g.n(3600))
	g.last = lastRow{id: g.nextID, ti: ti, r: r, oldTi: -1}
	b = strconv.AppendInt(b, g.nextID, 10)
	g.nextID += 1 + int64(g.n(30))
	b = append(b, ',')
	if p.romaji && g.n(2) == 0 {
		b = appendCapitalized(b, first.ascii)
		b = append(b, ',')
		b = appendCapitalized(b, last.ascii)
	} else {
		b = append(b, first.display...)
		b = append(b, ',')
		b = append(b, last.display...)
	}
	b = append(b, ',')
	b = append(b, e...)
	b = append(b, ',')
	switch {
	case !free:
		b = append(b, r.dom.company...)
	case g.n(2) != 0:
		b = append(b, g.companies[g.n(len(g.companies))]...)
	}
	b = append(b, ',')

	switch t.fate {
	case fInvalid, fEmpty:
		b = append(b, "true,"...)
		g.last.text[0] = len(b)
		b = g.appendReason(b, t, &r)
		g.last.text[1] = len(b)
		if old, oi := g.olderBlock(t, r); oi >= 0 {
			// An older spam block is still on record.
			g.last.old, g.last.oldTi = old, oi
			b = append(b, ",true,"...)
			b = g.appendReason(b, &g.tmpls[oi], &old)
			b = append(b, ',')
			b = appendDateTime(b, old.bounce, ' ')
			b = append(b, ',')
		} else {
			b = append(b, ",false,,,"...)
		}
	case fSuspend:
		b = append(b, "false,,true,"...)
		g.last.text[0] = len(b)
		b = g.appendReason(b, t, &r)
		g.last.text[1] = len(b)
		b = append(b, ',')
		b = appendDateTime(b, r.bounce, ' ')
		b = append(b, ',')
	default:
		b = append(b, "false,"...)
		g.last.text[0] = len(b)
		b = g.appendReason(b, t, &r)
		g.last.text[1] = len(b)
		b = append(b, ",false,,,"...)
	}
	if g.n(25) == 0 {
		b = append(b, "true,"...)
	} else {
		b = append(b, "false,"...)
	}
	created := r.sent - int64(86400+g.n(1800*86400))
	b = appendDateTime(b, created, 'T')
	b = append(b, "Z,"...)
	b = appendDateTime(b, r.bounce+int64(g.n(300)), 'T')
	b = append(b, "Z,"...)
	if g.n(2) != 0 {
		b = append(b, p.titles[g.n(len(p.titles))]...)
	}
	b = append(b, ',')
	if g.n(4) != 0 {
		b = append(b, g.sources[g.n(len(g.sources))]...)
	}
	return append(b, eol...)
}

// sendTime returns when the send behind a bounce of t went out: campaign c's time, or for an
// entry of an episode a time on one of the episode's days (one send a day, in office hours).
func (g *generator) sendTime(t *tmpl, c int) int64 {
	if t.episode < 0 {
		return g.campaign[c]
	}
	ep := &g.episodes[t.episode]
	day := g.now/86400 - int64(ep.start) + int64(g.n(ep.days))
	return day*86400 + 14*3600 + (day*37%7)*600
}

// olderBlock returns, now and then, a spam block the lead r of entry t had before its bounce,
// still on record in Email Suspended Cause, and the block's entry index; -1 when there is none.
func (g *generator) olderBlock(t *tmpl, r row) (row, int) {
	bl := g.blocks[t.prov]
	if len(bl) == 0 || r.c <= 2 || g.n(40) != 0 {
		return r, -1
	}
	old := r
	old.c = g.n(r.c - 2)
	oi := int(bl[g.n(len(bl))])
	ot := &g.tmpls[oi]
	old.sent = g.sendTime(ot, old.c)
	old.bounce = old.sent + int64(g.n(3600))
	if old.bounce >= r.bounce {
		return r, -1
	}
	old.relay = g.pickRelay(ot)
	return old, oi
}

// write writes the header and one row per entry index.
func (g *generator) write(w io.Writer, rows int, next func() int) error {
	bw := bufio.NewWriterSize(w, 256<<10)
	bw.WriteString(header + eol)
	for range rows {
		b := bw.AvailableBuffer()
		b = g.appendRow(b, next())
		if _, err := bw.Write(b); err != nil {
			return fmt.Errorf("sample: writing export: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("sample: writing export: %w", err)
	}
	return nil
}

// appendDateTime appends the UTC time t (unix seconds) as 2026-11-27 14:03:11, with sep
// between date and time.
func appendDateTime(b []byte, t int64, sep byte) []byte {
	days, secs := t/86400, t%86400
	y, m, d := civil(days)
	b = append4(b, y)
	b = append(b, '-')
	b = append2(b, m)
	b = append(b, '-')
	b = append2(b, d)
	b = append(b, sep)
	b = append2(b, int(secs/3600))
	b = append(b, ':')
	b = append2(b, int(secs/60%60))
	b = append(b, ':')
	return append2(b, int(secs%60))
}

// appendRFC5322 appends t as a mail header date: Thu, 27 Nov 2026 14:03:11 +0000.
func appendRFC5322(b []byte, t int64) []byte {
	days, secs := t/86400, t%86400
	y, m, d := civil(days)
	b = append(b, "ThuFriSatSunMonTueWed"[days%7*3:days%7*3+3]...)
	b = append(b, ", "...)
	b = strconv.AppendInt(b, int64(d), 10)
	b = append(b, ' ')
	b = append(b, "JanFebMarAprMayJunJulAugSepOctNovDec"[(m-1)*3:m*3]...)
	b = append(b, ' ')
	b = append4(b, y)
	b = append(b, ' ')
	b = append2(b, int(secs/3600))
	b = append(b, ':')
	b = append2(b, int(secs/60%60))
	b = append(b, ':')
	b = append2(b, int(secs%60))
	return append(b, " +0000"...)
}

// civil converts days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's
// days_from_civil, inverted); valid for dates after 1970.
func civil(days int64) (y, m, d int) {
	z := days + 719468
	era := z / 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = int(doy - (153*mp+2)/5 + 1)
	if mp < 10 {
		m = int(mp + 3)
	} else {
		m = int(mp - 9)
	}
	y = int(yoe + era*400)
	if m <= 2 {
		y++
	}
	return y, m, d
}

// appendCapitalized appends the ASCII word s with its first letter in upper case.
func appendCapitalized(b []byte, s string) []byte {
	if s == "" {
		return b
	}
	c := s[0]
	if 'a' <= c && c <= 'z' {
		c -= 'a' - 'A'
	}
	return append(append(b, c), s[1:]...)
}

func append2(b []byte, v int) []byte {
	return append(b, byte('0'+v/10), byte('0'+v%10))
}

func append4(b []byte, v int) []byte {
	return append(b, byte('0'+v/1000), byte('0'+v/100%10), byte('0'+v/10%10), byte('0'+v%10))
}
