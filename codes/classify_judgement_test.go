package codes

import "testing"

// TestClassifyLanguages covers replies in the languages the big mailbox providers answer in: the
// words for a dead address, a full mailbox, a block, spam and "try again later", whatever the
// case of the letters. Texts are providers' published replies where one was found (see the
// sources in rules/languages.tsv), else their usual wording.
func TestClassifyLanguages(t *testing.T) {
	tests := []struct {
		text   string
		class  Class
		reason Reason
	}{
		{"Нет такого пользователя", Hard, UserUnknown},
		{"ПОЛЬЗОВАТЕЛЬ НЕ НАЙДЕН", Hard, UserUnknown},
		{"Ящик переполнен", Soft, MailboxFull},
		{"[退信] 收件人不存在:user not exist", Hard, UserUnknown},
		{"[退信] 域名不存在:DNS query error", Hard, HostUnknown},
		{"[退信] 收件容量满:Quota exceeded", Soft, MailboxFull},
		{"550 mailbox unavailable. (邮箱不存在)", Hard, UserUnknown},
		{"宛先のメールアドレスは存在しません", Hard, UserUnknown},
		{"受信者のメールボックスが一杯です", Soft, MailboxFull},
		{"존재하지 않는 사용자입니다", Hard, UserUnknown},
		{"받는사람의 메일함이 가득 찼습니다", Soft, MailboxFull},
		{"Usuário inexistente", Hard, UserUnknown},
		{"A caixa postal do destinatário está cheia", Soft, MailboxFull},
		{"Böyle bir kullanıcı yok", Hard, UserUnknown},
		{"Bu kullanıcının posta kutusu dolu", Soft, MailboxFull},
		{"El usuario no existe", Hard, UserUnknown},
		{"Die E-Mail-Adresse des Empfängers existiert nicht", Hard, UserUnknown},
		{"L'ADRESSE N'EXISTE PAS", Hard, UserUnknown},
		{"Użytkownik nie istnieje", Hard, UserUnknown},
		{"Skrzynka odbiorcy jest pełna", Soft, MailboxFull},
		{"Адресата не існує", Hard, UserUnknown},
		{"Ваше письмо заблокировано как спам", Hard, SpamDetected},
		{"您的邮件被判定为垃圾邮件", Hard, SpamDetected},
		{"发信IP被禁止", Hard, Blocked},
		// The server named as unavailable (the lexicon's server + unavailable) is a system error,
		// as the labelled tables file "Sunucu geçici olarak hizmet dışı"; soft either way.
		{"Servidor temporariamente indisponível. Tente novamente mais tarde.", Soft, SystemError},
		{"Автоматический ответ: я в отпуске до 10 января", Unknown, Vacation},
		// Exchange's "The email address you entered couldn't be found", localized.
		{"La dirección de correo electrónico que escribió no se encontró", Hard, UserUnknown},
		{"O endereço de email que você inseriu não foi encontrado", Hard, UserUnknown},
		{"Введенный адрес электронной почты не найден", Hard, UserUnknown},
		{"입력한 전자 메일 주소를 찾을 수 없습니다", Hard, UserUnknown},
		{"Girdiğiniz e-posta adresi bulunamadı", Hard, UserUnknown},
		{"Your message to kim@example.com couldn't be delivered. kim wasn't found at example.com.", Hard, UserUnknown},
	}
	for _, tt := range tests {
		if b := Classify(tt.text); b.Class != tt.class || b.Reason != tt.reason {
			t.Errorf("Classify(%q) = %v/%v, want %v/%v", tt.text, b.Class, b.Reason, tt.class, tt.reason)
		}
	}
}

// TestClassifySentenceOverHosts checks that generic words count in the server's sentence, not
// inside a host name, a mail address or a URL, unless nothing else is there.
func TestClassifySentenceOverHosts(t *testing.T) {
	tests := []struct {
		text   string
		reason Reason
	}{
		// "spam" and "ip" only in host names: the sentence says the sender was refused.
		{"550 5.7.1 Sender rejected by spam-gw1.example.com", Rejected},
		{"550 <news@spam-list.example.org>: rejected", Rejected},
		{"554 5.7.1 Message refused by policy; see https://example.com/ip/blocked", PolicyViolation},
		// A word in an address glued to the sentence with ':' still belongs to the sentence.
		{"550 permanent failure for one or more recipients (kijitora@example.com:blocked)", Blocked},
		// Advice and product names are not the verdict.
		{"550 Recipient address rejected. To learn more about our spam policy visit the help center", Rejected},
		{"554 Rejected by Email Security: sender domain not allowed", Rejected},
		// Nothing in the sentence: the URL is all there is.
		{"554 Please visit http:// antispam.example.com/denyip.php?IP=192.0.2.1 (#5.7.1)", Blocked},
	}
	for _, tt := range tests {
		if b := Classify(tt.text); b.Reason != tt.reason {
			t.Errorf("Classify(%q).Reason = %v, want %v", tt.text, b.Reason, tt.reason)
		}
	}
}

func TestNotSentence(t *testing.T) {
	tests := []struct {
		tok  string
		want int
	}{
		{"mx.example.com", 14},
		{"spam-gw1.example.com:25", 20},
		{"https://example.com/a?b=c", 25},
		{"support.google.com/mail/?p=nosuchuser", 37},
		{"kijitora@example.com:blocked", 20},
		{"unknown.", 0},
		{"5.7.1", 0},
		{"192.0.2.1", 0},
		{"resolver.adr.recipnotfound", 0},
		{"e.g.", 0},
	}
	for _, tt := range tests {
		if got := notSentence([]byte(tt.tok)); got != tt.want {
			t.Errorf("notSentence(%q) = %d, want %d", tt.tok, got, tt.want)
		}
	}
}

// TestClassifyFamilies10 covers the code-less families issue 10 named: queue-delay warnings,
// auto-reply acknowledgements, and "mailbox unavailable" followed by the real cause.
func TestClassifyFamilies10(t *testing.T) {
	tests := []struct {
		text   string
		class  Class
		reason Reason
	}{
		{"Delivery Status Notification (Delay)", Soft, Expired},
		{"Your message has not yet been delivered. The server will continue trying.", Soft, Expired},
		{"Message delayed", Soft, Expired},
		{"Thank you for your email. We have received your message and will respond shortly.", Unknown, Vacation},
		{"This is an automated response. Your ticket #12345 has been created.", Unknown, Vacation},
		{"550 Requested action not taken: mailbox unavailable", Hard, UserUnknown},
		{"550 Mailbox unavailable: message rejected due to spam", Hard, SpamDetected},
		{"550 Mailbox unavailable or access denied [Ab1 IP: 192.0.2.233]", Hard, UserUnknown},
	}
	for _, tt := range tests {
		if b := Classify(tt.text); b.Class != tt.class || b.Reason != tt.reason {
			t.Errorf("Classify(%q) = %v/%v, want %v/%v", tt.text, b.Class, b.Reason, tt.class, tt.reason)
		}
	}
}

// TestClassifyNegationAndCauses checks that a denied verdict does not count, and that a cause the
// sentence names beats an address code that servers send for any refusal.
func TestClassifyNegationAndCauses(t *testing.T) {
	tests := []struct {
		text   string
		reason Reason
	}{
		{"550 Not blacklisted, but the message looks like spam", SpamDetected},
		{"550 5.1.1 Message rejected due to spam", SpamDetected},
		{"550 5.2.1 <a@example.com> banned", Blocked},
		{"550 5.1.1 Not found", UserUnknown},
		{"550 Not found", UserUnknown},
		{"550 5.7.1 Unsolicited mail refused", SpamDetected},
		// A block that is only a guess does not decide; "possible spam" is still a spam verdict.
		{"The mail server could not deliver mail to a@example.net. The domain may not exist, or it may be blacklisted.", HostUnknown},
		{"550 5.0.0 Mail rejected due to possible SPAM", SpamDetected},
	}
	for _, tt := range tests {
		if b := Classify(tt.text); b.Reason != tt.reason {
			t.Errorf("Classify(%q).Reason = %v, want %v", tt.text, b.Reason, tt.reason)
		}
	}
}

// TestClassifyPlatformTags covers the short status tags sending platforms export instead of a
// reply (SES, SendGrid, Postmark, Mailgun), CamelCase included.
func TestClassifyPlatformTags(t *testing.T) {
	tests := []struct {
		text   string
		class  Class
		reason Reason
	}{
		{"Transient: MailboxFull", Soft, MailboxFull},
		{"Permanent: OnAccountSuppressionList", Hard, Suppressed},
		{"Permanent: Suppressed", Hard, Suppressed},
		{"Unsubscribed Address", Hard, Suppressed},
		{"BadEmailAddress", Hard, UserUnknown},
		{"HardBounce", Hard, OnHold},
		{"AutoResponder", Unknown, Vacation},
		// CamelCase inside longer replies and dotted identifiers stays one word.
		{"554 5.7.1 ACL dropped (IronPort)", Hard, SecurityError},
	}
	for _, tt := range tests {
		if b := Classify(tt.text); b.Class != tt.class || b.Reason != tt.reason {
			t.Errorf("Classify(%q) = %v/%v, want %v/%v", tt.text, b.Class, b.Reason, tt.class, tt.reason)
		}
	}
}
