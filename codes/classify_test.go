package codes

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// TestClassifyCorpus measures how often Classify agrees with the labelled corpus on the class and
// the reason (Sisimai's pre-5.6 names read through ParseReason).
func TestClassifyCorpus(t *testing.T) {
	rows := readLabelled(t, "testdata/bounce-reasons.tsv")
	class, reason := measureClassify(t, rows, corpusOverrides)
	t.Logf("corpus (%d rows, %d overridden): class %.1f%%, reason %.1f%%", len(rows), len(corpusOverrides), class.percent(), reason.percent())
	// Row by row, the verdicts are pinned by TestVerdictGoldens; this floor only catches a
	// wholesale breakage.
	if class.percent() < 95 || reason.percent() < 85 {
		t.Errorf("agreement too low: class %.1f%% (want 95), reason %.1f%% (want 85)", class.percent(), reason.percent())
	}
}

// measureClassify classifies every row and counts agreement with its labels (after overrides);
// disagreements are logged with -v.
func measureClassify(t *testing.T, rows []labelled, overrides map[int]override) (class, reason agreement) {
	t.Helper()
	confusion := map[string]int{}
	for _, row := range rows {
		want := row.expected(overrides)
		wantReason, err := ParseReason(want.reason)
		if err != nil {
			t.Fatalf("line %d: %v", row.line, err)
		}
		altReason := wantReason
		if want.alt != "" {
			if altReason, err = ParseReason(want.alt); err != nil {
				t.Fatalf("line %d: %v", row.line, err)
			}
		}
		got := Classify(row.text)
		reasonOK := got.Reason == wantReason || got.Reason == altReason
		class.add(got.Class.String() == want.class)
		reason.add(reasonOK)
		if got.Class.String() != want.class || !reasonOK {
			t.Logf("line %d: got %v/%v, want %s/%v: %.160q", row.line, got.Class, got.Reason, want.class, wantReason, row.text)
			confusion[fmt.Sprintf("%v→%v", wantReason, got.Reason)]++
		}
	}
	keys := make([]string, 0, len(confusion))
	for k := range confusion {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return confusion[keys[i]] > confusion[keys[j]] })
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, " %s:%d", k, confusion[k])
	}
	t.Logf("reason disagreements (want→got):%s", b.String())
	return class, reason
}

func TestClassify(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		class  Class
		reason Reason
		fault  bool
		prov   Provider
	}{
		{"gmail_user_unknown", "smtp; 550-5.1.1 The email account that you tried to reach does not exist. Please try 550-5.1.1 double-checking the recipient's email address for typos or 550-5.1.1 unnecessary spaces. Learn more at 550 5.1.1 https://support.google.com/mail/?p=NoSuchUser a1si123.45 - gsmtp", Hard, UserUnknown, true, Google},
		{"codes_lie_rate_limit", "550 5.1.1 <kijitora@example.com> - 203.0.113.222 has sent to too many recipients this hour. IB607 <http://x.co/rlbounce>", Hard, RateLimited, false, NoProvider},
		{"enhanced_class_wins", "550 4.4.7 message expired", Soft, Expired, false, NoProvider},
		{"spamhaus_block_not_address", "smtp; 554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using Spamhaus; To request removal from this list see https://www.spamhaus.org/query/ip/192.0.2.1", Hard, Blocked, false, NoProvider},
		{"yahoo_tss04", "421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes", Soft, BadReputation, false, Yahoo},
		{"microsoft_recipient_not_found", "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'", Hard, UserUnknown, true, Microsoft},
		{"null_mx_is_address_fault", "556 5.1.10 Recipient address has null MX", Hard, NotAccept, true, NoProvider},
		{"temporary_notaccept_not_fault", "453 4.3.2 System not accepting network messages", Soft, NotAccept, false, NoProvider},
		{"mailbox_full_soft_text", "The user's mailbox is full", Soft, MailboxFull, false, NoProvider},
		{"no_code_user_unknown_hard", "Unknown user: kijitora@example.com", Hard, UserUnknown, true, NoProvider},
		{"timeout_soft", "connect to example.com[192.0.2.1]:25: Connection timed out", Soft, Expired, false, NoProvider},
		{"nothing", "", Unknown, Undefined, false, NoProvider},
		{"text_without_clue", "something odd happened", Unknown, OnHold, false, NoProvider},
		{"delivered", "250 2.0.0 OK 1700000000 a1si2.3 - gsmtp", Success, Delivered, false, Google},
		{"vacation", "I am out of the office until Monday.", Unknown, Vacation, false, NoProvider},
		{"dmarc_apple", "554 5.7.1 Your message was rejected due to example.jp's DMARC policy. See https://support.apple.com/en-us/HT204137 for", Hard, AuthFailure, false, Apple},
		{"gmail_4_7_30_is_dkim", "421 4.7.30 Your email has been rate limited because DKIM authentication didn't pass for this message. - gsmtp", Soft, AuthFailure, false, Google},
		{"mimecast", "554 email rejected due to security policies - https://community.mimecast.com/docs/DOC-1369#554", Hard, PolicyViolation, false, Mimecast},
		{"proofpoint_dnsbl", "554 Blocked - see https://ipcheck.proofpoint.com/?ip=192.0.2.1", Hard, Blocked, false, Proofpoint},
		{"barracuda", "550 permanent failure for one or more recipients (kijitora@example.com:blocked by barracudacentral.org)", Hard, Blocked, false, Barracuda},
		{"ironport", "554 5.7.1 ACL dropped (IronPort)", Hard, SecurityError, false, Cisco},
		{"marketo_wrapper", "5.3.0 - Other mail system problem 554-'5.1.0 Sender denied'", Hard, Rejected, false, NoProvider},
		{"office365_ndr", "550 5.7.606 Access denied, banned sending IP [192.0.2.1]. To request removal from this list please visit https://sender.office.com/", Hard, Blocked, false, NoProvider},
		{"tag_camel_acronym", "DNSProblem", Hard, HostUnknown, true, NoProvider},
		{"tag_snake_and_kebab", "bounce_bad-mailbox", Hard, UserUnknown, true, NoProvider},
		{"tag_kebab", "mailbox-unknown", Hard, UserUnknown, true, NoProvider},
		{"tag_upper_snake", "MAILBOX_NOT_FOUND", Hard, UserUnknown, true, NoProvider},
		{"tag_hyphen_phrase_kept", "grey-list", Soft, Blocked, false, NoProvider},
		{"greylisting_without_code_is_soft", "GreyListed", Soft, Blocked, false, NoProvider},
		{"exchange_dmarc", "550 5.7.509 Access denied, sending domain [EXAMPLE.JP] does not pass DMARC verification and has a DMARC policy of reject. [x.prod.protection.outlook.com]", Hard, AuthFailure, false, Microsoft},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := Classify(tt.text)
			if b.Class != tt.class || b.Reason != tt.reason || b.AddressAtFault != tt.fault || b.Provider != tt.prov {
				t.Errorf("Classify(%q) = class %v, reason %v, fault %v, provider %q; want %v, %v, %v, %q",
					tt.text, b.Class, b.Reason, b.AddressAtFault, b.Provider, tt.class, tt.reason, tt.fault, tt.prov)
			}
			if b.Code != Parse(tt.text) {
				t.Errorf("Classify(%q).Code = %+v, Parse = %+v", tt.text, b.Code, Parse(tt.text))
			}
		})
	}
}

// TestClassifyLabelledTables measures agreement with hand-labelled tables of real replies from
// public sources (see testdata/README.md). real-world.tsv was gathered first; each heldout table
// was gathered and labelled before the rules were changed for it, so its first measurement was an
// honest estimate on unseen text. Those first figures: heldout reason 70.2% (class 98.7%);
// heldout2 reason 76.1% (class 93.5%); heldout3 66.7%; heldout4 90.9%; heldout5 86.0% (class
// 97.7%, enhanced 98.8%); heldout6, measured after the changes for heldout5, 90.9%; heldout7
// (108 rows), measured after the changes for heldout6: basic and enhanced 100%, class 96.3%,
// reason 62.0% (94.4% after the phrase families it exposed were added); heldout8 (64 rows),
// measured after the changes for heldout7: basic 98.4%, enhanced 100%, class 96.9%, reason 54.7%
// (class 100%, reason 87.5% after the phrase families it exposed were added); heldout9 (204
// rows, 72 not in English), measured before any change: basic 98.0%, enhanced 96.6%, class
// 63.2%, reason 67.2% (a row's reason also counts as right when it equals the optional alt label);
// on the code after the issue-10 changes made without looking at it: basic 98.5%, enhanced 99.0%,
// class 74.0%, reason 71.1%; after the changes for the families it exposed: basic 100%, enhanced
// 99.5%, class 97.1%, reason 93.1% (no longer held out). heldout10 (162 rows, 77 not in English),
// measured on the code as it is, before any change for it: basic 92.6% (NetEase's "421HL:REP"
// tags glue the reply code to letters), enhanced 100%, class 56.8%, reason 52.5% (53.1% after one
// label was aligned with an existing phrase decision); after the changes for the families it
// exposed: basic 99.4%, enhanced 100%, class 84.6%, reason 88.9% (no longer held out). heldout11
// (221 rows, 100 not in English: Japanese, Chinese, German, Czech, Turkish, Spanish, French,
// Korean, Italian), gathered from sources no other table uses and labelled before any
// measurement, measured on the code as it is: basic 100%, enhanced 100%, class 69.2%, reason
// 57.0% (126 of 221), no false code; English rows (121): class 82.6%, reason 67.8%; rows not in
// English (100): class 53.0%, reason 44.0%. Most misses are code-less texts that fall to
// onhold/unknown (60 of the 95 reason misses), most of them not in English. After the
// compositional lexicon (classify_lexicon.go), which reads such texts as a subject and a
// predicate and adds no heldout11 text as a phrase: heldout11 class 77.4%, reason 66.1%
// (not in English, by a script's not-English heuristic, 97 rows: class 52.6% -> 70.1%, reason
// 42.3% -> 61.9%); heldout10 class 85.8%, reason 90.1%. With the English families it exposed
// (Postmark's bounce types, a required header missing, "mail box", the resolver's "no such
// host"): heldout11 class 81.9%, reason 70.6% (no longer held out); then a code-less text not
// in English that says only that delivery failed is a hard onhold: heldout11 class 86.0%,
// heldout10 class 86.4%. heldout12 (172 rows, 82 not in English:
// Russian, Italian, Spanish, Portuguese, Vietnamese, Indonesian, Chinese, Czech, Slovak, French,
// Japanese, Polish, Turkish, Dutch, German, Swedish; 91 with a code), gathered from sources no
// other table uses and labelled before any measurement, measured on the code as it is (after the
// lexicon): basic 99.4% (DirectMail's "561 Honeypot rcptto" is not read), enhanced 100%, class
// 80.8%, reason 58.1% (100 of 172), no false code; English (90): class 94.4%, reason 56.7%; not in
// English (82): class 65.9%, reason 59.8%; with a code (91): class 98.9%, reason 61.5%; without
// (81): class 60.5%, reason 54.3%. Of the 72 reason misses, 26 are code-less texts that fall to
// onhold and 22 are coded replies whose generic code (X.6.0, X.4.x, X.5.4, X.7.x) wins over the
// text's subject. (That first look ran on the code before the last changes of the day; on the code
// with them, still unseen by any change: class 82.0%, reason 58.1%.) After two families it
// exposed (Momentum's "[internal]" marker read as an internal error; replies citing RFC 2822):
// class 82.0%, reason 63.4% (no longer held out). heldout13 (150 rows, 121 in English, 29 Chinese
// glosses; 88 with a code), gathered mostly from bounces pasted into GitHub issues, forum and help
// pages, and MTA or gateway source strings (Zimbra's and Cyrus's LMTP replies, Exchange's
// transport responses, Apache James, Dovecot, go-smtp, policyd-weight, milter-greylist) no other
// table uses, labelled before any measurement, measured on the code as it is: basic 98.7% (Gmail's
// "response=421-4.7.0" is not read; SES's HTTP "Status Code: 400" is taken for a reply code),
// enhanced 100%, class 82.0%, reason 60.7% (91 of 150), no false code; English (121): class
// 91.7%, reason 71.1%; Chinese (29): class 41.4%, reason 17.2%; with a code (88): class 100%,
// reason 75.0%; without (62): class 56.5%, reason 40.3%. Of the 59 reason misses, 29 are code-less
// texts that fall to onhold (21 Chinese glosses, 8 terse English descriptions) and 15 are coded
// replies whose generic code (X.2.0, X.3.2, X.4.0, X.5.4, X.6.0, X.7.0) wins over the text. After
// a few Chinese dictionary words it exposed (收信者, 无此, 没有回应, 中断): class 83.3%, reason
// 62.7% (no longer held out).
func TestClassifyLabelledTables(t *testing.T) {
	tables := []struct {
		name          string
		minRows       int
		class, reason float64 // lowest agreement accepted, in percent
	}{
		{"real-world", 200, 98, 94},
		{"heldout", 150, 98, 97},
		{"heldout2", 40, 97, 95},
		{"heldout3", 20, 97, 95},
		{"heldout4", 10, 97, 95},
		{"heldout5", 80, 97, 95},
		{"heldout6", 60, 97, 95},
		{"heldout7", 100, 97, 90},
		{"heldout8", 60, 97, 85},
		{"heldout9", 200, 95, 90},
		{"heldout10", 150, 86, 90},
		{"heldout11", 200, 85, 70},
		{"heldout12", 170, 81, 64},
		{"heldout13", 150, 83, 62},
	}
	// codesFloor lowers the basic and enhanced floor for a table whose first measurement is lower.
	codesFloor := map[string]float64{"heldout10": 99, "heldout13": 98}
	for _, tt := range tables {
		t.Run(tt.name, func(t *testing.T) {
			rows := readLabelled(t, "testdata/"+tt.name+".tsv")
			if len(rows) < tt.minRows {
				t.Fatalf("%s.tsv has %d rows, want at least %d", tt.name, len(rows), tt.minRows)
			}
			var basic, enhanced agreement
			for _, row := range rows {
				got := Parse(row.text)
				basic.add(basicText(got.Basic) == row.basic)
				enhanced.add(got.Enhanced.String() == row.enhanced)
				if basicText(got.Basic) != row.basic || got.Enhanced.String() != row.enhanced {
					t.Logf("line %d: codes %q %q, want %q %q", row.line, basicText(got.Basic), got.Enhanced, row.basic, row.enhanced)
				}
				checkLiteral(t, row.text, got)
			}
			class, reason := measureClassify(t, rows, nil)
			t.Logf("%s (%d rows): basic %.1f%%, enhanced %.1f%%, class %.1f%%, reason %.1f%%", tt.name, len(rows), basic.percent(), enhanced.percent(), class.percent(), reason.percent())
			codes := 99.0 // lowest basic and enhanced agreement accepted, in percent
			if f, ok := codesFloor[tt.name]; ok {
				codes = f
			}
			if basic.percent() < codes || enhanced.percent() < codes || class.percent() < tt.class || reason.percent() < tt.reason {
				t.Errorf("agreement too low: basic %.1f%%, enhanced %.1f%% (want %v), class %.1f%% (want %v), reason %.1f%% (want %v)",
					basic.percent(), enhanced.percent(), codes, class.percent(), tt.class, reason.percent(), tt.reason)
			}
		})
	}
}

// TestClassifyFamilies covers the phrasing families added after the held-out measurement, each
// with replies from sources other than the ones the rules were written from.
func TestClassifyFamilies(t *testing.T) {
	tests := []struct {
		text   string
		class  Class
		reason Reason
	}{
		// Suppression lists: the sending platform refused, whatever the original bounce said.
		{"Amazon SES has suppressed sending to this address because it has a recent history of bouncing as an invalid address. For more information about how to remove an address from the suppression list, see the Amazon SES Developer Guide", Hard, Suppressed},
		{"Amazon SES did not send the message to this address because it is on the suppression list for your account.", Hard, Suppressed},
		{"554 5.7.1 [internal] recipient address was suppressed due to customer policy", Hard, Suppressed},
		{"Not delivering to previously bounced address", Hard, Suppressed},
		{"You tried to send to a recipient that has been marked as inactive.", Hard, Suppressed},
		// Auto-replies in several languages: not bounces, so no class.
		{"Ich bin bis zum 05.12. nicht im Büro und habe keinen Zugriff auf meine E-Mails.", Unknown, Vacation},
		{"Abwesenheitsnotiz: Vielen Dank für Ihre Nachricht.", Unknown, Vacation},
		{"Réponse automatique : je suis absent du bureau jusqu'au 3 janvier.", Unknown, Vacation},
		{"Estoy fuera de la oficina hasta el lunes; responderé a mi regreso.", Unknown, Vacation},
		{"自動返信: 誠に勝手ながら、12月1日から12月5日まで休暇をいただいております。", Unknown, Vacation},
		{"Ik ben met vakantie en vanaf 2 januari weer bereikbaar.", Unknown, Vacation},
		{"Automatic reply: I am out of the office with limited access to email; messages will be delayed.", Unknown, Vacation},
		// Rate limits that name the limit, even when the text also says "your IP".
		{"421 4.7.0 Too many concurrent SMTP connections from this IP address; please try again later.", Soft, RateLimited},
		{"451 4.7.500 Server busy. Please try again later from [192.0.2.103]. (S77714)", Soft, RateLimited},
		{"421-4.7.28 [192.0.2.1 15] Our system has detected an unusual rate of 421-4.7.28 unsolicited mail originating from your IP address. To protect our 421-4.7.28 users from spam, mail sent from your IP address has been temporarily 421-4.7.28 rate limited. - gsmtp", Soft, RateLimited},
		{"550 5.7.1 Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been blocked.", Hard, Blocked},
		// TLS, reverse DNS, local mailers, inactive mailboxes.
		{"454 4.7.0 TLS not available due to local problem", Soft, FailedSTARTTLS},
		{"451 TLS/SSLv3 Connection required. (#4.7.1)", Soft, FailedSTARTTLS},
		{"450 4.7.1 Client host rejected: cannot find your reverse hostname, [192.0.2.1]", Soft, RequirePTR},
		{"Command died with status 127: \"/usr/lib/dovecot/deliver\". Command output: sh: 1: /usr/lib/dovecot/deliver: not found", Unknown, MailerError},
		{"550 5.1.1 <someone@icloud.com>: inactive email address", Hard, Suspend},
		// A Barracuda host name is not a TLS problem.
		{"host d123456a.ess.barracudanetworks.com[192.0.2.1] said: 550 permanent failure for one or more recipients (someone@example.com:blocked) (in reply to end of DATA command)", Hard, Blocked},
		// Families added after heldout7's first measurement, checked on replies from other sources
		// than the rows they were written from (Mailtrap's plan limit, NethServer's rspamd message,
		// Exchange's send-as refusal, Rambler's deleted account, hMailServer's HELO check).
		{"550 5.7.0 Too many emails per second. Please upgrade your plan https://mailtrap.io/billing/plans/testing", Hard, RateLimited},
		{"554 5.7.1 Forbidden attachment name extension", Hard, PolicyViolation},
		{"550 5.7.60 SMTP; Client does not have permissions to send as this sender", Hard, Rejected},
		{"550 Recipient address rejected: Account deleted by user", Hard, UserUnknown},
		{"501 HELO Invalid domain address.", Hard, Blocked},
		// An RBL that lists URLs is a content verdict only when the text says the content was
		// rejected; "client host ... blocked using multi.uribl.com" stays a block.
		{"550-5.7.1 reject content [xbl] 550 See http://master.php.net/mail/why.php?why=SURBL", Hard, SpamDetected},
		{"554 5.7.1 Service unavailable; Client host [mail.example.com] blocked using multi.uribl.com", Hard, Blocked},
		// Nothing but "it failed": text, but not enough to decide.
		{"Undeliverable", Hard, OnHold},
		{"554 5.0.0 Service unavailable", Hard, OnHold},
		// Families heldout8 exposed (variants of the same templates with other values).
		{"A message that you sent could not be delivered to one or more of its recipients. This is a permanent error. Domain example.org has exceeded the max defers and failures per hour (5/5 (100%)) allowed. Message discarded.", Hard, RateLimited},
		{"delivery 12: failure: Unable_to_run_qmail-local./", Hard, SystemError},
		{"delivery 12: deferral: Unable_to_run_qmail-local./", Soft, SystemError},
		{"550 5.1.1 <info@example.net>: Recipient address rejected: undeliverable address: mail for example.net loops back to myself", Hard, NetworkError},
		{"550-Callout verification failed: 550 5.1.1 RESOLVER.ADR.RecipNotFound; not found", Hard, UserUnknown},
		{"550 5.1.1 suspended user", Hard, Suspend},
		{"550 5.1.1 <kijitora@example.kr>: Inactive mbox", Hard, Suspend},
		{"553 sorry, sending for this account is disabled", Hard, Rejected},
		{"550 You are registered as spammer (by recipient's reject list)", Hard, Filtered},
		{"553 Relay operation rejected", Hard, NoRelaying},
		{"554 5.7.1 RFC5322 requirement error: not exactly one From field", Hard, NotCompliantRFC},
		{"550 5.7.1 RFC5322 requirement error: multiple Subject fields", Hard, NotCompliantRFC},
		{"552 attachment is too large.", Hard, EmailTooLarge},
		{"550 Header value not allowed", Hard, PolicyViolation},
		{"[退信] 域名不存在", Hard, HostUnknown},
		{"421 4.2.1 Service refusé. Veuillez essayer plus tard.", Soft, Blocked},
		// ESP exports that only name the bounce type; a platform that stopped the sender.
		{"Hard bounce", Hard, OnHold},
		{"Soft bounce", Soft, OnHold},
		{"Your account has been suspended for sending", Hard, Rejected},
	}
	for _, tt := range tests {
		b := Classify(tt.text)
		if b.Class != tt.class || b.Reason != tt.reason {
			t.Errorf("Classify(%.70q) = %v/%v, want %v/%v", tt.text, b.Class, b.Reason, tt.class, tt.reason)
		}
	}
}

// TestClassifyDoesNotAllocate guards what BenchmarkClassify reports: Classify works on the stack.
func TestClassifyDoesNotAllocate(t *testing.T) {
	long := strings.Repeat("Your message could not be delivered: 550 5.1.1 user unknown. ", 200)
	for _, s := range append(benchReasons[:len(benchReasons):len(benchReasons)], long) {
		if n := testing.AllocsPerRun(10, func() { Classify(s) }); n != 0 {
			t.Errorf("Classify(%.40q) allocates %v times", s, n)
		}
	}
}

// TestClassifyKeywords covers the key-word fallback: rewordings that no phrase family covers are
// decided by the word that names the subject, as whole words only, and the generic wrappers
// ("Transaction failed:", "policy analysis") and generic codes (X.7.1) no longer win over it.
func TestClassifyKeywords(t *testing.T) {
	tests := []struct {
		text   string
		reason Reason
	}{
		{"550 this mailbox does not exist here", UserUnknown},
		{"554 Transaction failed: recipient exists nowhere", UserUnknown},
		{"550 5.7.1 mailbox frozen by the administrator", Suspend},
		{"550 5.7.1 your ip is on our local list", Blocked},
		{"550 5.7.1 Unverified sender identity", Rejected},
		{"550 5.7.1 limit of 20 messages per minute reached", RateLimited},
		{"550 5.7.1 Illegal characters in recipient", SyntaxError},
		{"550 5.7.1 line length over limit", NotCompliantRFC},
		{"550 5.7.1 executable attachment refused", PolicyViolation},
		// Whole words only: "ship" has no "ip", "ip_control" and "?ip=" are not the word ip.
		{"550 5.7.1 shipping label", SecurityError},
		{"Undeliverable", OnHold},
		// "relay" names the act, not a machine; X.1.1 with a mailbox state is that state.
		{"554 relay request refused for this host", NoRelaying},
		{"451 Relay Server Not Ready.", SystemError},
		{"550 5.1.1 recipient frozen", Suspend},
		{"550 5.1.1 recipient suspended", Suspend},
		{"550 5.1.1 bad recipient: looping back to this host", NetworkError},
		{"550 5.1.1 no mailbox here by that name", UserUnknown},
		// A generic refusal is decided by what it refused: an IP or host is a block, an
		// attachment a policy violation, a sender address or domain the sender's rejection.
		{"554 your domain example.org has been denied", Rejected},
		{"554 5.7.0 banned file type: .exe", PolicyViolation},
		{"554 client 192.0.2.7 is banned here", Blocked},
		{"554 banned", Blocked},
		// Context and explicit blocks still come first.
		{"The sender 192.0.2.1 is banned", Blocked},
	}
	for _, tt := range tests {
		if b := Classify(tt.text); b.Reason != tt.reason {
			t.Errorf("Classify(%q).Reason = %v, want %v", tt.text, b.Reason, tt.reason)
		}
	}
}
