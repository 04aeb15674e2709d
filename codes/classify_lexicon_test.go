package codes

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestClassifyLexicon covers the lexicon step on code-less replies in many languages, written the
// way servers and hosts write them; none of them is in a labelled table or in languages.tsv, and
// each falls to onhold without the lexicon, so the lexicon is what decides it.
func TestClassifyLexicon(t *testing.T) {
	tests := []struct {
		lang   string
		text   string
		class  Class
		reason Reason
	}{
		{"cs", "Adresa příjemce je neplatná", Hard, UserUnknown},
		{"cs", "Poštovní schránka adresáta je přeplněná", Soft, MailboxFull},
		{"cs", "Velikost zprávy překračuje povolený limit", Hard, EmailTooLarge},
		{"cs", "Schránka příjemce je nedostupná", Hard, UserUnknown},
		{"pl", "Konto odbiorcy jest nieznane w tym systemie", Hard, UserUnknown},
		{"pl", "Skrzynka pocztowa adresata została zapełniona", Soft, MailboxFull},
		{"pl", "Domena odbiorcy jest nieprawidłowa", Hard, HostUnknown},
		{"ru", "Адресат с таким именем неизвестен", Hard, UserUnknown},
		{"ru", "Почтовый ящик адресата заполнен", Soft, MailboxFull},
		{"ru", "Домен получателя неизвестен", Hard, HostUnknown},
		{"uk", "Адреса одержувача недійсна", Hard, UserUnknown},
		{"de", "Die Domain des Empfängers ist ungültig", Hard, HostUnknown},
		{"de", "Die Nachricht wurde erfolgreich übermittelt", Success, Delivered},
		{"fr", "Le destinataire est inconnu sur ce serveur", Hard, UserUnknown},
		{"fr", "La boîte aux lettres du destinataire est saturée", Soft, MailboxFull},
		{"fr", "Le domaine du destinataire est inconnu", Hard, HostUnknown},
		{"es", "El usuario destinatario es desconocido en este servidor", Hard, UserUnknown},
		{"es", "El dominio del destinatario es desconocido", Hard, HostUnknown},
		{"es", "Su mensaje fue entregado correctamente", Success, Delivered},
		{"pt", "O endereço do destinatário é inválido", Hard, UserUnknown},
		{"pt", "Sua mensagem foi entregue com sucesso", Success, Delivered},
		{"it", "L'account del destinatario non è valido", Hard, UserUnknown},
		{"nl", "De ontvanger is onbekend op deze server", Hard, UserUnknown},
		{"nl", "De grootte van het bericht overschrijdt de limiet", Hard, EmailTooLarge},
		{"tr", "İleti boyutu izin verilen sınırı aşıyor", Hard, EmailTooLarge},
		{"sv", "Mottagaren är okänd på denna server", Hard, UserUnknown},
		{"da", "Modtagerens postkasse er fuld", Soft, MailboxFull},
		{"no", "Mottakeren er ukjent på denne serveren", Hard, UserUnknown},
		{"fi", "Vastaanottajan osoite on virheellinen", Hard, UserUnknown},
		{"hu", "A címzett ismeretlen ezen a szerveren", Hard, UserUnknown},
		{"ro", "Adresa destinatarului este invalidă", Hard, UserUnknown},
		{"ro", "Domeniul destinatarului este necunoscut", Hard, HostUnknown},
		{"ja", "送信先ドメインが不明です", Hard, HostUnknown},
		{"ja", "正常に配信されました", Success, Delivered},
		{"ja", "メールの配信が完了しました", Success, Delivered},
		{"zh", "收件人用户未知", Hard, UserUnknown},
		{"zh", "邮件大小超出限制", Hard, EmailTooLarge},
		{"ko", "수신자 주소가 유효하지 않습니다", Hard, UserUnknown},
		{"ko", "도메인이 유효하지 않습니다", Hard, HostUnknown},
		{"ar", "عنوان المستلم غير صالح", Hard, UserUnknown},
		{"he", "תיבת הדואר של הנמען מלאה", Soft, MailboxFull},
		{"vi", "Hộp thư của người nhận đã đầy", Soft, MailboxFull},
		{"th", "กล่องจดหมายของผู้รับเต็ม", Soft, MailboxFull},
		{"id", "Kotak surat penerima penuh", Soft, MailboxFull},
		// A server that cannot be reached or is out of service; a delivery that timed out.
		{"de", "Der Server des Empfängers antwortet nicht", Soft, NetworkError},
		{"es", "El servidor de destino no responde", Soft, NetworkError},
		{"pl", "Serwer odbiorcy nie odpowiada", Soft, NetworkError},
		{"tr", "Sunucu yanıt vermiyor", Soft, NetworkError},
		{"fr", "La remise du message a expiré", Soft, Expired},
		{"zh", "投递超时", Soft, Expired},
		// A denied verdict, a mailbox unavailable for now, and "try later" alone decide nothing
		// more than onhold; the last two are soft. A text that says only that delivery failed
		// (a failure word, or "delivered" negated) is a hard onhold: nothing says it will be
		// retried.
		{"ru", "Ваш IP-адрес не заблокирован.", Unknown, OnHold},
		{"de", "Die Nachricht wurde nicht erfolgreich zugestellt", Unknown, OnHold},
		{"ru", "Письмо не было доставлено", Hard, OnHold},
		{"hu", "Az üzenet nem lett kézbesítve", Unknown, OnHold},
		{"vi", "Thư chưa được gửi thành công", Hard, OnHold},
		{"ja", "配信が完了しませんでした", Hard, OnHold},
		{"ko", "전송 완료되지 않았습니다", Hard, OnHold},
		{"ar", "لم يتم التسليم", Hard, OnHold},
		{"it", "Il messaggio non è stato consegnato", Hard, OnHold},
		// What is unknown is the error, not the address.
		{"cs", "Neznámá chyba při doručování příjemci", Unknown, OnHold},
		{"ru", "Неизвестная ошибка при доставке получателю", Hard, OnHold},
		{"fr", "Erreur inconnue pour le destinataire", Unknown, OnHold},
		{"zh", "未知错误,收件人", Unknown, OnHold},
		{"ru", "Письмо успешно доставлено", Success, Delivered},
		{"zh", "您的邮件已成功发送", Success, Delivered},
		{"ko", "메일이 정상적으로 발송되었습니다", Success, Delivered},
		{"cs", "Schránka příjemce je dočasně nedostupná, zkuste to později", Soft, OnHold},
		{"cs", "Server je přetížen, zkuste to později", Soft, OnHold},
	}
	known := knownTexts(t)
	langs := map[string]bool{}
	for _, tt := range tests {
		langs[tt.lang] = true
		if known(tt.text) {
			t.Errorf("%q is in a labelled table or languages.tsv: the test must use other texts", tt.text)
		}
		b := Classify(tt.text)
		if b.Class != tt.class || b.Reason != tt.reason {
			t.Errorf("%s: Classify(%q) = %v/%v, want %v/%v", tt.lang, tt.text, b.Class, b.Reason, tt.class, tt.reason)
		}
		if tt.reason != OnHold {
			useLexicon = false
			without := Classify(tt.text)
			useLexicon = true
			if without.Reason != OnHold {
				t.Errorf("%s: %q is %v without the lexicon: the lexicon does not decide it", tt.lang, tt.text, without.Reason)
			}
		}
	}
	for _, s := range []string{tests[0].text, "Почтовый ящик адресата заполнен", strings.Repeat("送信先ドメインが不明です。", 60)} {
		if n := testing.AllocsPerRun(10, func() { Classify(s) }); n != 0 {
			t.Errorf("Classify(%.40q) allocates %v times", s, n)
		}
	}
	if len(langs) < 12 {
		t.Errorf("%d languages, want at least 12", len(langs))
	}
}

// knownTexts returns a function that reports whether a text appears in a labelled table or in
// rules/languages.tsv.
func knownTexts(t *testing.T) func(string) bool {
	t.Helper()
	files, _ := filepath.Glob("testdata/*.tsv")
	var all strings.Builder
	for _, f := range append(files, "rules/languages.tsv") {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		all.Write(b)
	}
	s := strings.ToLower(all.String())
	return func(text string) bool { return strings.Contains(s, strings.ToLower(text)) }
}

// TestLexiconLint checks rules/lexicon.tsv: no word twice in a role, no empty word, and every
// language with at least the mailbox and domain subjects and the missing and full predicates.
func TestLexiconLint(t *testing.T) {
	if len(lexiconRows) == 0 {
		t.Fatal("no lexicon rows")
	}
	seen := map[string]int{}
	cover := map[string]map[lexRole]bool{}
	for _, r := range lexiconRows {
		if strings.TrimSpace(r.word) == "" {
			t.Errorf("lexicon.tsv:%d: empty word", r.line)
		}
		key := lexRoleNames[r.role] + "\t" + r.word
		if l, ok := seen[key]; ok {
			t.Errorf("lexicon.tsv:%d: %s %q repeats line %d", r.line, lexRoleNames[r.role], r.word, l)
		}
		seen[key] = r.line
		for _, l := range r.langs {
			if cover[l] == nil {
				cover[l] = map[lexRole]bool{}
			}
			cover[l][r.role] = true
		}
	}
	for _, l := range lexLanguages {
		for _, role := range []lexRole{subjMailbox, subjDomain, predMissing, predFull} {
			if !cover[l][role] {
				t.Errorf("lexicon.tsv: %s has no %s word", l, lexRoleNames[role])
			}
		}
	}
	if _, _, _, err := parseLexicon("role\tlang\tword\tsource\npred-full\txx\tvoll\tdictionary\n"); err == nil {
		t.Error("an unknown language is accepted")
	}
	if _, _, _, err := parseLexicon("role\tlang\tword\tsource\npred-full\tde\tVoll\tdictionary\n"); err == nil {
		t.Error("a word that is not lower case is accepted")
	}
	t.Logf("lexicon: %d rows, %d languages", len(lexiconRows), len(cover))
}

// TestLexiconKeepsRightRows checks, on every labelled table, that no row the classifier gets
// right without the lexicon becomes wrong with it, and logs each table's figures before and after.
func TestLexiconKeepsRightRows(t *testing.T) {
	for _, table := range labelledTables {
		path := "testdata/" + table + ".tsv"
		if _, err := os.Stat(path); err != nil {
			continue
		}
		var overrides map[int]override
		if table == "bounce-reasons" {
			overrides = corpusOverrides
		}
		var cb, rb, ca, ra agreement
		for _, row := range readLabelled(t, path) {
			want := row.expected(overrides)
			wr, _ := ParseReason(want.reason)
			alt := wr
			if want.alt != "" {
				alt, _ = ParseReason(want.alt)
			}
			useLexicon = false
			before := Classify(row.text)
			useLexicon = true
			after := Classify(row.text)
			okClass := func(b Bounce) bool { return b.Class.String() == want.class }
			okReason := func(b Bounce) bool { return b.Reason == wr || b.Reason == alt }
			cb.add(okClass(before))
			rb.add(okReason(before))
			ca.add(okClass(after))
			ra.add(okReason(after))
			if okClass(before) && !okClass(after) || okReason(before) && !okReason(after) {
				t.Errorf("%s:%d: right without the lexicon (%v/%v), wrong with it (%v/%v): %.100q",
					table, row.line, before.Class, before.Reason, after.Class, after.Reason, row.text)
			}
		}
		t.Logf("%-14s %3d rows: class %5.1f%% -> %5.1f%%, reason %5.1f%% -> %5.1f%%",
			table, cb.all, cb.percent(), ca.percent(), rb.percent(), ra.percent())
	}
}

// TestLexiconNamesTheDomain: where a phrase rule reads a code-less reply not in English as "the
// recipient does not exist", and the words make the recipient's domain the subject, the domain is
// what is missing.
func TestLexiconNamesTheDomain(t *testing.T) {
	for _, text := range []string{
		"Doména příjemce neexistuje",
		"Domena odbiorcy nie istnieje lub jest nieprawidłowa",
		"Il dominio del destinatario è inesistente",
	} {
		useLexicon = false
		without := Classify(text)
		useLexicon = true
		with := Classify(text)
		if without.Reason != UserUnknown || with.Reason != HostUnknown || with.Class != Hard {
			t.Errorf("%q: %s without the lexicon, %s/%s with it; want userunknown, then hard/hostunknown", text, without.Reason, with.Class, with.Reason)
		}
	}
	// In English the phrase rules keep the say: the local part is what is unknown.
	if b := Classify(`unknown local-part "ann" in domain "example.com"`); b.Reason != UserUnknown {
		t.Errorf("English local-part reply: %s", b.Reason)
	}
}
