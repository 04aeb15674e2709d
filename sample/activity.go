package sample

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"

	"github.com/bouncelens/bouncelens/codes"
)

// activityHeader is a Marketo bulk activity extract's default header (research/formats.md 1.3).
const activityHeader = "marketoGUID,leadId,activityDate,activityTypeId,campaignId,primaryAttributeValueId,primaryAttributeValue,attributes"

// Marketo's activity types for bounces.
const (
	typeBounced     = 8  // Email Bounced: a hard bounce
	typeBouncedSoft = 27 // Email Bounced Soft
)

// programs name the sends' emails as Marketo's activities do: program.email.
var programs = []string{"Newsletter", "Webinar Invite", "Product Update", "Event Follow-up", "Nurture Step 2", "Renewal Reminder"}

// activityWriter turns the leads a generator writes into their bounce log.
type activityWriter struct {
	g     *generator
	hist  *rand.PCG // draws the earlier bounces, so that the leads stay those of the export
	ids   *rand.PCG
	guid  int64
	row   []byte // the lead's export row
	soft  [numProviders][]uint16
	enc   *json.Encoder
	attrs bytes.Buffer
}

// GenerateActivities writes a deterministic Marketo bulk activity extract: the Email Bounced
// and Email Bounced Soft activities of the leads Generate(rows, seed) writes (the same ids,
// addresses and latest bounces), each lead's earlier bounces before its latest, as a bulk
// extract of activity types 8 and 27 returns them. Rows is a number of leads: the extract has
// more rows than that.
func GenerateActivities(w io.Writer, rows int, seed int64) error {
	g, next, err := generated(rows, seed)
	if err != nil {
		return err
	}
	return newActivityWriter(g, seed).write(w, rows, next)
}

// Activities writes the bounce log of the embedded sample's leads as a Marketo bulk activity
// extract (see GenerateActivities).
func Activities(w io.Writer) error {
	g, order, err := showcase()
	if err != nil {
		return err
	}
	i := 0
	return newActivityWriter(g, embeddedSeed).write(w, len(order), func() int { i++; return order[i-1] })
}

func newActivityWriter(g *generator, seed int64) *activityWriter {
	aw := &activityWriter{g: g,
		hist: rand.NewPCG(uint64(seed)^0xa0761d6478bd642f, 0xe7037ed1a0b428db),
		ids:  rand.NewPCG(uint64(seed)^0x8ebc6af09c88c6e3, 0x589965cc75374cc3)}
	aw.guid = 1000000 + int64(aw.hist.Uint64()%900000)
	aw.soft = g.softEntries()
	aw.enc = json.NewEncoder(&aw.attrs)
	aw.enc.SetEscapeHTML(false)
	return aw
}

// write writes the header and the bounces of one lead per entry index.
func (aw *activityWriter) write(w io.Writer, leads int, next func() int) error {
	bw := bufio.NewWriterSize(w, 256<<10)
	bw.WriteString(activityHeader + eol)
	for range leads {
		aw.row = aw.g.appendRow(aw.row[:0], next())
		b := bw.AvailableBuffer()
		b = aw.appendBounces(b)
		if _, err := bw.Write(b); err != nil {
			return fmt.Errorf("sample: writing activities: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("sample: writing activities: %w", err)
	}
	return nil
}

// appendBounces appends the lead's earlier bounces, then its latest: the one its export row
// holds. The earlier ones come from the history stream: the export's leads do not change.
func (aw *activityWriter) appendBounces(b []byte) []byte {
	g, last := aw.g, aw.g.last
	t := &g.tmpls[last.ti]
	g.rng, aw.hist = aw.hist, g.rng
	g.ids, aw.ids = aw.ids, g.ids
	earlier := aw.earlier(last.ti, last.r)
	if last.oldTi >= 0 && (len(earlier) == 0 || last.old.bounce < earlier[0].r.bounce) {
		earlier = append([]bounce{{ti: last.oldTi, r: last.old}}, earlier...)
	}
	for _, e := range earlier {
		var text []byte
		text = g.appendReason(text, &g.tmpls[e.ti], &e.r)
		b = aw.appendActivity(b, last.id, &g.tmpls[e.ti], &e.r, csvValue(text))
	}
	g.rng, aw.hist = aw.hist, g.rng
	g.ids, aw.ids = aw.ids, g.ids
	text := csvValue(aw.row[last.text[0]:last.text[1]])
	return aw.appendActivity(b, last.id, t, &last.r, text)
}

// bounce is an earlier bounce of a lead: its entry and row.
type bounce struct {
	ti int
	r  row
}

// earlier returns a lead's bounces before its latest (entry ti, row r), oldest first, as real
// bounce logs have them: soft bounces and blocks repeat over the sends, and a mailbox that is
// now gone was often full before; Marketo stops mailing an address once it is invalid.
func (aw *activityWriter) earlier(ti int, r row) []bounce {
	g := aw.g
	t := &g.tmpls[ti]
	var n int
	switch x := g.n(100); t.fate {
	case fSoft:
		n = [...]int{0, 0, 0, 0, 1, 1, 1, 2, 2, 3}[x/10]
	case fSuspend:
		n = [...]int{0, 0, 0, 0, 0, 0, 1, 1, 2, 4}[x/10]
	case fInvalid:
		if soft := aw.soft[t.prov]; len(soft) > 0 && x < 15 {
			ti, n = int(soft[g.n(len(soft))]), 1
		}
	}
	var out []bounce
	for k := range n {
		e := bounce{ti: ti, r: r}
		e.r.c = max(r.c-n+k-g.n(3), 0)
		e.r.v = g.n(numVariants)
		e.r.sent = g.sendTime(&g.tmpls[ti], e.r.c)
		e.r.bounce = e.r.sent + int64(g.n(3600))
		if t.episode >= 0 && g.tmpls[ti].episode == t.episode {
			e.r.bounce = r.bounce - int64(k+1)*int64(3600+g.n(4*3600)) // retried within the episode
		}
		if e.r.bounce >= r.bounce || len(out) > 0 && e.r.bounce <= out[len(out)-1].r.bounce {
			continue
		}
		e.r.relay = g.pickRelay(&g.tmpls[ti])
		out = append(out, e)
	}
	return out
}

// softEntries returns, per provider, the entries whose bounce is soft: a full or disabled
// mailbox, what a mailbox that is now gone often said before.
func (g *generator) softEntries() [numProviders][]uint16 {
	var out [numProviders][]uint16
	for i, t := range g.tmpls {
		if t.fate == fSoft && (t.want == codes.MailboxFull || t.want == codes.Suspend) {
			out[t.prov] = append(out[t.prov], uint16(i))
		}
	}
	return out
}

// appendActivity appends one bounce activity of lead id: entry t, row r, reply text.
func (aw *activityWriter) appendActivity(b []byte, id int64, t *tmpl, r *row, text string) []byte {
	aw.guid += 1 + int64(uint64(aw.guid)*0x9e3779b97f4a7c15>>58) // gaps: other leads' activities
	b = strconv.AppendInt(b, aw.guid, 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, id, 10)
	b = append(b, ',')
	b = appendDateTime(b, r.bounce, 'T')
	b = append(b, "Z,"...)
	typ, category, sub := marketoCategory(t)
	b = strconv.AppendInt(b, int64(typ), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(4100+r.c), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(1200+r.c), 10)
	b = append(b, ',')
	b = append(b, programs[r.c%len(programs)]...)
	b = append(b, ' ')
	y, m, _ := civil(r.sent / 86400)
	b = append(b, [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}[m-1]...)
	b = append(b, ' ')
	b = strconv.AppendInt(b, int64(y), 10)
	b = append(b, ".Email,"...)
	aw.attrs.Reset()
	aw.enc.Encode(struct {
		Run         string `json:"Campaign Run ID"`
		Category    string `json:"Category"`
		Choice      string `json:"Choice Number"`
		Details     string `json:"Details"`
		Email       string `json:"Email"`
		Step        string `json:"Step ID"`
		Subcategory string `json:"Subcategory"`
	}{strconv.Itoa(51000 + r.c*7), category, "0", text, string(r.email), strconv.Itoa(9000 + r.c), sub})
	attrs := bytes.TrimSuffix(aw.attrs.Bytes(), []byte{'\n'})
	b = append(b, '"')
	b = append(b, bytes.ReplaceAll(attrs, []byte(`"`), []byte(`""`))...)
	b = append(b, '"')
	return append(b, eol...)
}

// marketoCategory returns the activity type and Marketo's bounce category and subcategory for
// entry t (research/formats.md 2.2): 1 spam blocks, 2 invalid addresses, 3 soft (full
// mailboxes, throttling, timeouts), 4 technical, 9 undetermined.
func marketoCategory(t *tmpl) (typ int, category, sub string) {
	switch t.fate {
	case fSuspend:
		if t.want == codes.SpamDetected || t.want == codes.VirusDetected {
			return typeBounced, "1", "1004" // spam blocked on message
		}
		return typeBounced, "1", "1003" // spam blocked on source
	case fInvalid, fEmpty:
		switch t.want {
		case codes.UserUnknown, codes.HostUnknown, codes.HasMoved, codes.NotAccept, codes.Suspend, codes.Suppressed:
			return typeBounced, "2", "2003" // email address invalid
		}
		return typeBounced, "2", "2001" // email address error
	}
	switch t.want {
	case codes.MailboxFull, codes.Suspend:
		return typeBouncedSoft, "3", "3001" // mailbox full
	case codes.RateLimited, codes.BadReputation, codes.Expired:
		return typeBouncedSoft, "3", "3004" // timeout occurred
	case codes.NetworkError:
		return typeBouncedSoft, "4", "4003" // DNS failure
	case codes.Vacation, codes.Delivered, codes.OnHold, codes.Undefined:
		return typeBouncedSoft, "9", "9999" // bad response received
	}
	return typeBouncedSoft, "4", "4999" // transient failure
}

// csvValue decodes a reason as appendReason writes it into a CSV row: quoted when it holds
// commas, quotes or line breaks, its quotes doubled.
func csvValue(field []byte) string {
	if len(field) >= 2 && field[0] == '"' && field[len(field)-1] == '"' {
		return string(bytes.ReplaceAll(field[1:len(field)-1], []byte(`""`), []byte(`"`)))
	}
	return string(field)
}
