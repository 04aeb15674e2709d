package codes

// The phrase tables of the classifier. Phrases are lower case; the text is lower-cased with white
// space collapsed before matching. The ideas (which phrase means which reason, and in which order
// to try them) follow Sisimai's reason modules and provider tables; the phrases themselves were
// collected from real bounces (testdata/) and providers' published error lists.

// rule maps phrases to a reason; it applies when one phrase, or one aligned list of fragments
// (in order, close together: "mailbox" ... "full"), matches and no unless phrase does.
type rule struct {
	reason  Reason
	phrases []string
	aligned [][]string
	unless  []string
}

// strongRules are specific phrases, tried in order before any code: they say what happened more
// precisely than the codes do. The first rule (suppression lists) is tried before providers' own
// codes, the others after.
var strongRules = [...]rule{
	// The sending platform's own refusal to send to a listed address (Amazon SES, SparkPost,
	// Mailgun, Postmark, Postal), whatever the original bounce said.
	{reason: Suppressed, phrases: []string{
		"suppression list", "suppressed sending", "address was suppressed", "been suppressed",
		"is suppressed", "previously bounced", "previous hard bounce", "previously unsubscribed",
		"previously complained", "marked as inactive", "suppressed address",
		"suppressed recipient", "recipient was suppressed",
	}},
	{reason: MailerError, phrases: []string{
		"pipe to |", "procmail:", "mailer error", "x-unix", "mailer-daemon error", "exit status",
		"command died with status", "exited with status", "returned exit code", "delivery via pipe",
		"command failed: ", "command output:", "bin/maildrop", "bin/procmail", " || exit ",
	}, unless: []string{"quota"}},
	{reason: MailboxFull, aligned: [][]string{{"mailbox", "full"}, {"inbox", "full"}, {"over", "quota"}, {"quota", "exceeded"}, {"disk", "quota"}, {"mailbox", "quota"}, {"maildir", "quota"}, {"mailbox", "exceeded", "limit"}, {"not enough", "space"}, {"folder", "full"}, {"account is", "quota"}, {"not sufficient", "space"}}, phrases: []string{
		"mailbox full", "mailbox is full", "mailbox is over", "mailbox exceeds", "mailbox size limit",
		"over quota", "quota exceeded", "quota exceed", "exceeds quota", "exceeded quota", "quota limit",
		"over the allowed quota", "exceeded the allowed mailbox", "allowed mailbox quota", "storage quota",
		"disk quota", "out of storage space", "inbox is full", "mailfolder is full", "mailfolder is over",
		"account is full", "recipient storage full", "storage full", "exceeded storage allocation",
		"insufficient storage for the mailbox", "mailbox space not enough", "not enough disk space",
		"boite du destinataire pleine", "number of messages in recipient's mailbox", "mailbox exceeded",
		"cannot append message", "user mailbox exceeds", "full mailbox", "mail box full", "mailquota",
		"postfach voll", "buzón lleno", "casella piena", "quota violation", "overquota", "user is over",
		"storage limit", "insufficient quota", "storage space", "too many messages on the server",
		"mailbox size", "speicherplatz", "speichervolumen",
		"postfach ist voll", "boîte pleine", "boite pleine", "boîte aux lettres pleine",
		"buzón está lleno", "caixa cheia", "caixa postal cheia", "casella di posta piena",
		"postvak vol", "mailbox vol", "ящик переполнен", "邮箱已满", "邮箱空间不足", "容量を超え",
		"メールボックスがいっぱい", "메일함이 가득", "quota dépassé", "cuota excedida",
		"would exceed maximum allowed storage", "exceeds allowed size", "too much mail data",
		"exceeded quota", "space has been used up", "mailbox is stuffed", "zuviele mails", "zu viele mails",
	}, unless: []string{"sending quota", "submission quota", "email quota exceeded", "relay quota", "queue quota",
		"throttling failure", "message quota"}},
	{reason: EmailTooLarge, aligned: [][]string{{"message", "too large"}, {"message", "too big"}, {"size", "exceeds"}, {"exceeds", "size"}, {"is more than", "bytes"}}, phrases: []string{
		"message too large", "message too big", "message is too large", "message is too big",
		"attachment is too long", "attachment is too large", "attachment too large", "attachment size",
		"message size exceeds", "size limit", "exceeds the size", "maximum message size",
		"message length exceeds", "message is larger than", "too large for this recipient",
		"recipsizelimit", "line limit exceeded", "exceeds google's limit", "exceeded google's",
		"message exceeds", "mail size", "size of your message", "too many attachments",
		"number of attachments", "message size", "maximum inbound message", "incoming message size",
		"max message size", "taille limite du message", "message file too big",
	}, unless: []string{"hops", "header size exceeds maximum permitted", "or recipient list, exceeds"}},
	// A sending platform that has stopped the sender's own account from sending.
	{reason: Rejected, phrases: []string{
		"sending for this account is disabled", "sending for this account has been disabled",
		"sending is disabled for", "sending has been disabled", "disabled for sending",
		"suspended for sending", "suspended from sending",
	}},
	{reason: Suspend, aligned: [][]string{{"account", "disabled"}, {"mailbox", "disabled"}, {"account", "suspended"}, {"mailbox", "suspended"}, {"user", "suspended"}, {"account", "inactive"}, {"user", "inactive"}, {"account", "locked"}, {"mailbox", "locked"}, {"account", "closed"}, {"account", "deactivated"}, {"mailbox", "deactivated"}}, phrases: []string{
		"account is disabled", "account has been disabled", "account disabled", "account is inactive",
		"suspended user", "inactive mbox", "user is locked", "user locked",
		"tried to reach is disabled", "tried to reach is inactive", "mailbox is disabled",
		"mailbox disabled", "disabled recipient", "recipient address is disabled", "is now disabled",
		"user disabled", "account is locked", "temporary locked", "temporarily locked",
		"status is locked", "mailbox is frozen", "account closed", "inactive user", "user is inactive",
		"account inactive", "inactive account", "inactive mailbox", "account expired", "user suspended",
		"account suspended", "mailbox suspended", "has been suspended", "deactivated", "not activated",
		"is restricted", "no longer accepts mail", "disabled or discontinued", "temporarily disabled",
		"receiving disabled", "compte du destinataire est bloque", "recipient account is blocked",
		"boite du destinataire archivee", "account is not allowed", "is no longer valid",
		"account has been frozen", "mailbox inactive", "banned recipient", "inactive email address",
		"rejected: inactive", "inactive recipient", "inactive address", "archived recipient",
		"account has been deactivated", "mailbox has been deactivated", "dormant",
		"user is terminated", "temporarily inactive", "suspend the service", "is currently suspended",
		"or domain is disabled", "deactivated mailbox", "currently suspended", "account is not active",
		"administratively disabled", "por falta de uso", "not currently being accepted for this mailbox",
		"estado: inactivo", "zablokowane", "per inutilizzo", "nieaktywne",
	}, unless: []string{"sender account", "inbounds disabled"}},
	{reason: HasMoved, phrases: []string{
		"no longer on server", "has moved", "mailbox moved", "address has changed",
		"owner has changed", "old address no longer valid",
	}},
	{reason: NoRelaying, aligned: [][]string{{"relay", "denied"}, {"relaying", "denied"}, {"relay", "not permitted"}, {"relay", "prohibited"}, {"relaying", "prohibited"}, {"relay", "not allowed"}}, phrases: []string{
		"relay access denied", "relaying denied", "relay denied", "relay not permitted",
		"relay operation rejected", "denies relay", "relay rejected",
		"not permitted to relay", "unable to relay", "relaying not allowed", "relay not allowed",
		"relaying to <", "relaying to ", "insecure mail relay", "unauthorized relay", "no relaying",
		"not a gateway", "allowed rcpthosts", "rcpthosts", "local user only",
		"specified domain is not allowed", "email address is not verified", "not configured to relay",
		"mail relay denied", "invalid credentials for relay", "we do not relay", "relay prohibited",
		"not authorized to send email directly", "relaying disallowed", "relay disallowed",
		"as a relay", "relaying not permitted", "relay not authorized", "relaying is not allowed",
		"list of allowed hosts", "not in my list of allowed", "relay prohibited",
		"send to a non-local", "not allowed to relay", "not an open relay", "handle mail for",
		"relaying mail to", "allowed to relay",
	}, unless: []string{"for that user", "identified as spammer"}},
	{reason: AuthFailure, phrases: []string{
		"spf", "dkim", "dmarc", "unauthenticated email", "authentication checks",
		"fails to pass authentication", "does not have authentication information",
		"sender is unauthenticated", "not allowed to send from", "sender policy framework",
		"isn't aligned", "not aligned with", "authentication results", "arc validation",
		"authentication level", "authentication requirements", "domainkeys",
	}, aligned: [][]string{{"is not allowed to send mail.", "_401"}}, unless: []string{"duplicate header", "spam classification"}},
	{reason: RequirePTR, phrases: []string{
		"ptr record", "reverse dns", "reverse-dns", "reverse_dns", "rdns", "reverse lookup",
		"ip name lookup failed", "no ptr", "ptr resource record", "regarding ptr",
		"pointer (ptr)", "ptr records", "reverse dns lookup", "cannot find your hostname",
		"reverse hostname", "cannot resolve your address", "forward dns entry does not point",
		"unresolvable relay host", "unverifyable sending ip", "dns ptr",
	}, aligned: [][]string{{"no", "ptr"}, {"ptr", "record"}, {"reverse", "dns"}, {"reverse", "lookup"}, {"dns lookup failure: ", "try again later"}, {"domain ", " mismatches client ip"}}},
	{reason: FailedSTARTTLS, phrases: []string{
		"starttls", "tls required", "does not support tls", "tls connection", "over a tls",
		"tls/ssl", "requiretls", "tls negotiation", "tls handshake", "must use tls",
		"encryption required", "(dane)", "dane validation", "mta-sts", "requires encryption",
		"requires tls", "tls version", "ciphers", "certificate", "tlsa", "dnssec",
		"tls not available", "tls is not available", "tls unavailable", "tls is required",
		"tls/sslv3", "ssl connection required", "tls connection required", "encrypted connection required",
		"requires a secure connection",
	}, unless: []string{"pipeline after starttls"}},
	{reason: BadReputation, phrases: []string{
		"reputation", "tss04", "user complaints", "likely suspicious", "[ts01]", "[ts02]", "[gl01]",
		"connection rejected by policy [7.7]", // MessageLabs; Proofpoint's "(CLB)" is an IP block
	}, unless: []string{"blocked using", "in an rbl", "reputation database"}},
	// Rate limits whose text names the limit, tried before blocks because they often also say
	// "your IP". Gmail's "unusual rate of unsolicited mail" is a rate limit when the text says
	// "rate limited" (421 4.7.28) and a block when it says "has been blocked" (550 5.7.1).
	{reason: RateLimited, phrases: []string{
		"rate limited", "rate-limited", "too many concurrent", "concurrent connections",
		"max defers and failures", "defers and failures per hour", "rcpt numbers", "number of rcpts",
		"concurrent smtp", "too many connections", "too many sessions", "submission rate",
		"exceeded the configured limit", "server busy", "server is busy", "server too busy",
		"queue quota", "message rate", "sending rate", "trop de connexions", "excessive volume",
		"too much email", "short period of time", "throttling failure", "too many errors from",
		"try again slower", "max emails per hour", "numerous attempts to deliver", "maximum connection limit",
		"per-domain connection limit", "message threshold exceeded", "account service is temporarily unavailable",
		"receivingrateperm", "receivingratetemp",
		// Counts of mails in a time window ("too many mails (mail bomb)", "too many emails per
		// second", "[R2] too many mails received from x within the last 5 minutes") and a
		// submission server's stop for unusual sending activity.
		"too many mails", "too many emails", "too many e-mails", "mail bomb", "emails per second",
		"mails per second", "messages per second", "unusual sending activity",
	}, unless: []string{"reputation", "dkim", "spf", "dmarc", "been blocked", "temporarily blocked"}},
	{reason: Blocked, aligned: [][]string{{"access from ip", "blocked"}, {"mail server at", "is blocked"}, {"rejected based on", "blacklist"}, {"server ip", "listed as abusive"}, {"the ip", "is blacklisted"}, {"your access ip", "has been rejected"}, {"@", ":blocked)"}}, phrases: []string{
		"black ip", "service refus",
		"blocked using", "listed in", "listed on", "spamhaus", "dnsbl", "rbl", "blacklisted by",
		"ip address blacklisted", "blocklist", "block list", "blacklist", "blocked for abuse",
		"banned sending ip", "this ip has been", "ip has been blocked", "ip address has been blocked",
		"client host rejected", "client host [", "refused to talk", "sorbs", "abuseat", "spamcop",
		"not accepting connections", "open relay", "smtp server of your isp",
		"bypassing service provider", "dynablock", "dynamic ip", "my name was rejected",
		"may not be mail exchanger", "ip not in whitelist", "denial of service",
		"your ip", "ip bloquee", "bloques par nos", "cloudmark", "ip address you're using",
		"your network is on our block", "helo/ehlo", "after ehlo", "after helo", "dnsbl-lookup",
		"mismatches client ip", "daily relay quota", "weren't sent", "helo command rejected",
		"not accepting messages", "spam ip", "greylist", "graylist", "grey-list", "denial of connection",
		"zombie", "connection rejected", "connections not accepted", "ip blocked", "ip is rejected",
		"ip rejected", "ip address rejected", "ip is blacklisted", "bad sender ip",
		"hosts with dynamic ip", "invalid ip for sending", "is in a black list",
		"not currently accepting mail from your ip", "sender ip address rejected",
		"access forbidden by your ip", "spams from your ip",
		"mail from dynamic ip", "not allowed to connect", "you are sending spam",
		"temporary blacklisted", "suspiciously like spammer", "bad ip profile", "zombied",
		"will be permanently deferred",
		"ip address is blocked", "ip is blocked", "ip has been blacklisted",
		"please confirm this mail server", "requires confirmation", "connection dropped",
		"currently sending spam", "has not passed validation", "not available, closing transmission channel",
		"is blocked by earthlink", "is blocked by rbl", "open proxy", "ip profile",
		"access denied, rejected by recipient", "suspected bounce attack", "too many bad commands",
		"refused due to abuse", "too many bounces", "access from your location", "blocklisting",
		"black listed", "submit messages to this e-mail system", "sender address blocked",
		"recipient temporarily unavailable", "reputation database",
		"listed at ", "access for this ip", "invalid helo", "invalid ehlo", "helo invalid", "ehlo invalid",
		"dictionary attack", "directory harvest",
	}, unless: []string{"reject content", "not listed at", "address that has been blacklisted", "not listed in", "blacklisted url", "sender verify",
		"email address has been", "domain has been blocked", "domain has been blacklisted", "badmailfrom",
		"sender is blacklisted", "sender blacklisted", "sender is blocked", "sender is in ", "spam pattern",
		"a url in this email", "sender address [", "not want your mail", "blacklisted user"}},
	{reason: RateLimited, phrases: []string{
		"too many recipients", "rate limit", "receiving mail too quickly", "receiving mail at a rate",
		"too many connections", "too many sessions", "connection rate", "frequency limited",
		"sent too many", "sent to too many", "too many messages", "maximum number of connections",
		"max message per connection", "max number of messages", "relay limit exceeded",
		"excessive volume", "trop de connexions", "concurrent sessions", "too fast",
		"sending limit", "recipient limit", "exceeded the limit", "unexpected volume",
		"sending quota", "submission quota", "email quota exceeded", "thread limit",
		"permitted limits", "too many concurrent", "frequency",
		"busy, try again later", "throttl",
	}, unless: []string{"invalid recipients"}},
	{reason: NotCompliantRFC, phrases: []string{
		"rfc 5322", "rfc5322 requirement", "multiple addresses in from", "duplicate header", "missing a valid message-id",
		"missing a valid address in the from", "blank from", "ip addresses are not allowed as a from",
		"encoded-word syntax", "disallowed header", "not a valid rfc 5321 address",
		"message is malformed", "multiple subject", "not rfc compliant", "messageid header",
		"message-id header", "comply with required standards",
		"998 octets", "allowed line length", "header syntax", "malformed header",
	}, aligned: [][]string{{" multiple ", " header"}}, unless: []string{"recipient address <"}},
	{reason: Rejected, phrases: []string{
		"sender address rejected", "sender rejected", "sender was rejected", "domain of sender",
		"sender domain", "invalid sender", "emetteur invalide", "sender email is not",
		"mail from not owned", "from: domain is invalid", "unroutable sender", "sender verify",
		"verify mailfrom", "mail from is mismatched", "sender is rejected", "bad sender",
		"purported responsible address", "bounced by administrator", "address that has been blacklisted", "sender denied",
		"sender address", "not a member of this mailing list", "group you tried to contact",
		"groups.google.com", "unresolvable rfc.5321 from domain", "blocked senders", "envelope blocked",
		"envelope from address", "sender was not authenticated", "sendernotauthenticated",
		"sender not in allowed-senders", "sender not authenticated", "spam abuse detected",
		"bad outbound sender", "unregistered domain",
		"mail sending denied", "sender account is disabled", "badmailfrom", "envelope sender is",
		"your email address has been", "your domain has been blocked", "your domain has been blacklisted",
		"sender is blacklisted", "sender blacklisted", "sender is blocked", "sender blocked",
		"fake sender", "forged sender", "spoofed sender", "sender is in a black list",
		"administrative prohibition", "batv failed", "batv validation", "(batv", "bogus mail from", "empty envelope sender",
		"fully qualified email address required", "null sender is not allowed",
		"sender address has been blacklisted", "sender email address rejected", "sender is in my black list",
		"sender is spammer", "sender not pre-approved", "denies the sender", "sender is unvalidated", "sender domain is empty",
		"does not accept mail from", "returned mail not accepted", "not allowed to post to this",
		"list of senders to accept mail from",
		"not authorised to send from", "not authorized to send from", "sender doesn't match",
		"sender does not match", "does not match the sender", "blacklisted user", "blocked user",
		"backscatter protection", "bouncedeny", "valid-address-filter", "senderfilterconfig",
		"third-party dsns", "registered gateway user", "rule imposed mailbox access",
		"empty email address", "unsigned dsn", "sender verification",
		// Sending platforms and submission servers refusing the From address: not verified, not
		// the logged-in user's, not allowed to send as it.
		"sender identity", "verified sender", "from address does not match", "unconfigured sending domain",
		"sending domain is not", "mail from must", "equal authorized user", "sendasdenied",
		"not allowed to send as", "permission to send as", "permissions to send as",
		"invalid mail from", "your mail from address", "mail from address <",
		// Sender verification callouts that failed (the answer quoted is about the sender's domain).
		"postmaster verification", "verification failed while checking", "callout verification",
		"domain must resolve",
	}, aligned: [][]string{{"sender ", "has no a, aaaa, or mx"}, {"the domain ", " is banned"}}, unless: []string{"recipient address", "resolver.adr.", "recipient not found"}},
	// Sender refusals that servers write after "Recipient address rejected:", which the rule above
	// leaves alone.
	{reason: Rejected, phrases: []string{
		"sender doesn't match", "sender does not match", "blacklisted user", "block-sender", "block-send-er",
	}},
	// A mail loop, even when the reply carries a user-unknown code.
	{reason: NetworkError, phrases: []string{"loops back to myself", "looping message"}},
	{reason: UserUnknown, aligned: [][]string{{"user", "does not exist"}, {"user", "doesn't exist"}, {"user", "not found"}, {"user (", ") unknown"}, {"user <", "> unknown"}, {"mailbox", "does not exist"}, {"mailbox", "not found"}, {"recipient", "does not exist"}, {"address", "does not exist"}, {"account", "does not exist"}, {"no such", "user"}, {"non", "existent user"}, {"unknown e", "mail address"}, {"this user doesn't have a", "account"}, {"recipient ", " was not found in"}, {"user ", " was not found"}, {"recipient ", " denied"}, {"account", "doesn't exist"}, {"mailbox ", " unknown"}, {"email", "not exist"}, {"account", "deleted"}, {"mailbox", "deleted"}}, phrases: []string{
		"user unknown", "known to bounce", "recipient verification failed", "recipient verify failed",
		"unable to verify recipient", "could not verify recipient", "unknown user", "no such user", "no such recipient", "no such mailbox",
		"no mailbox here", "mailbox not found", "mailbox unavailable", "mailbox not available",
		"recipient not found", "recipnotfound", "recipientnotfound", "recipient unknown",
		"unknown recipient", "invalid recipient", "recipient invalid", "invalid user", "user invalid",
		"user not found", "address does not exist", "mailbox does not exist", "user does not exist",
		"recipient does not exist", "account that you tried to reach does not exist",
		"user not exist", "no longer exists", "not listed in domino", "not listed in public name",
		"unknown local-part", "addressee unknown", "invalid address", "bad address", "illegal alias",
		"unknown or illegal", "this user doesn't have", "doesn't have a yahoo", "no valid recipients",
		"invalid mailbox", "address couldn't be found", "recipient address rejected: access denied",
		"not our customer", "does not have an account", "not a member of domain",
		"recipient cannot be verified", "lookup in domain map failed", "no such address",
		"invalid final delivery userid", "recipient rejected", "destinataire invalide",
		"user path no exist", "inactive email address", "mailbox not exist",
		"recipient address rejected. (in reply to rcpt", "no such account", "account does not exist",
		"email account does not exist", "user doesn't exist", "not a valid recipient",
		"recipient address rejected: undeliverable", "requested action not taken: mailbox",
		"mailbox name not allowed", "addresse unbekannt", "utilisateur inconnu", "usuario desconocido",
		"does not exist here", "user unknown in", "invalid recipient address",
		"no mailbox by that name", "that recipient doesn't exist", "can't find user's mailbox",
		"all recipients are invalid", "marked as invalid", "invalid-recipient", "not in recipient list",
		"mailbox is not allowed", "not a valid rfc-5321", "mailbox unallocated", "no mailbox here",
		"not in route list",
		// The same in other languages.
		"empfänger unbekannt", "empfaenger unbekannt", "benutzer unbekannt", "benutzer nicht bekannt", "empfänger nicht bekannt",
		"adresse existiert nicht", "postfach existiert nicht", "benutzer existiert nicht",
		"destinataire inconnu", "adresse inconnue", "cette adresse n'existe pas",
		"boîte aux lettres inexistante", "destinatario desconocido", "usuario no existe",
		"no existe el usuario", "la dirección no existe", "usuário desconhecido",
		"utilizador desconhecido", "usuário não existe", "endereço não existe", "utente sconosciuto",
		"utente inesistente", "indirizzo inesistente", "gebruiker onbekend", "onbekende gebruiker",
		"пользователь не найден", "нет такого пользователя", "用户不存在", "收件人不存在",
		"邮箱不存在", "宛先不明", "ユーザーが存在しません", "アカウントが存在しません",
		"사용자가 없습니다", "존재하지 않는 사용자",
		"recipient unknown", "address unknown", "mailbox not found", "user not known", "no such local user", "unknown mailbox",
		"invalid email address", "not a valid email address", "unknown or invalid",
		"unknown local part", "need fully-qualified address", "no correct recipients",
		"account not found", "recipient not valid", "no such person",
		"address invalid", "can't accept user", "email address could not be found", "is not a known user",
		"is not a valid mailbox", "not an active address", "mailbox not present", "nessun utente simile",
		"no account by that name", "no existe dicha persona", "no existe ese usuario",
		"no mail box available", "no mailbox found", "account unavailable", "not a valid user",
		"not a local address", "recipient is not accepted", "recipient is not local", "recipient not ok",
		"resolver.adr.recipient", "badrcptto", "envelope recipient has been denied",
		"recipients was undeliverable", "there is no one at this address", "wrong or no longer valid",
		"badrecipientto", "validrcptto", "missing home directory", "unknown virtual user",
		"nicht gefunden wurde", "in name directory", "not found recipient account",
		"does not exist at the organization", "mailbox invalid", "undeliverable address",
		"address is unknown", "address_not_found", "bad destination mailbox address",
		"bad destination email address", "sconosciuto", "destinatario errato", "address was not found",
		"userid unknown", "invalid account", "nie istnieje", "nie ma takiego konta",
		"no one with that email address", "no such email address", "no such mail drop",
		"recipient not allowed", "recipient is not allowed", "handle mail for that user",
		"not known to this system", "unknown account", "unknown address or alias", "user is unknown",
		"address not recognized", "incorrectly addressed", "no longer an employee",
		"address is invalid", "unable to find alias", "no such id", "recipient unrecognized",
		"unrecognized recipient", "adressat unbekannt", "single label domains not accepted",
		"reserved by rfc 2606",
	}, unless: []string{"domain does not exist", "domain doesn't exist", "domain not found", "domain name not found", "no such domain",
		"domain mentioned"}},
	{reason: Filtered, phrases: []string{
		"recipient preferences", "refused to receive", "message filtered", "domain filter",
		"user's reject list", "recipient's reject list",
		"rejected by recipient", "mailing list expansion", "resolver.rst.notauthorized",
		"not authorized to send to", "due to user rules", "blocked by the recipient",
		"refuse to receive", "doesn't want your mail", "does not want your mail",
		"account is protected by", "is not accepting any mail", "user reject", "refuses to receive",
		"only accepting mail from specific", "restricted sms e-mail",
		"doesn't want to receive", "does not want to receive", "refuse to receive mail",
		"rejected by this user", "rejected by destination domain", "delivery restricted by policy",
		"block-rcpt",
	}, unless: []string{"outbound scanning", "refer to the troubleshooting page", "faqs section on spam"}},
	{reason: NotAccept, phrases: []string{
		"does not accept mail", "null mx", "no mx", "no smtp service", "couldn't find a mail exchanger",
		"not accepting mail", "accepts no mail", "mx record found", "no route for current request",
		"no mail-enabled subscriptions", "inbounds disabled",
	}, unless: []string{"not accepting mail with"}},
	// Configuration errors of the receiving system (Sisimai's systemerror), some of which mention a
	// loop, tried before the network errors that also do.
	{reason: SystemError, phrases: []string{
		"loop broken", "would create a mail loop", "loop was found in the mail exchanger",
		"can't create user output file", "error while being processed", "interrupted system call",
		"there is no mdb", "timeout waiting for input", "service not active", "failed to be replicated",
		"agent busy", "license expired", "unable to chdir", "temporary domain failure",
		"unable_to_run", "unable to run", "temporarily interrupted",
	}, aligned: [][]string{{"unable to connect to the", "daemon"}}},
	{reason: NetworkError, phrases: []string{
		"host is unreachable", "unrouteable mail domain", "malformed name server reply",
		"host not found, try again", "temporary dns", "dns lookup timeout", "malformed or unexpected",
		"dns failure", "servfail",
	}},
	{reason: HostUnknown, aligned: [][]string{{"domain", "does not exist"}, {"domain", "not found"}, {"domain", "couldn't be found"}, {"domain", "could not be found"}, {"no such", "domain"}, {"553 ", " does not exist"}}, phrases: []string{
		"host unknown", "unknown host", "domain not found", "domain does not exist", "no such domain",
		"unrouteable address", "unroutable address", "host not found", "illegal host",
		"invalid domain", "domain name not found", "couldn't find any host", "invalid host",
		"domain is not reachable", "nxdomain", "find the recipient domain",
		"domain doesn't exist", "dns lookup failure",
		"non-existent host", "bad destination system", "unknown domain", "does not exist (in reply",
		"domain must exist", "domain mentioned in email address is unknown", "name or service not known",
		"domain may not exist", "host name is unknown", "hostname is unknown",
		"invalid destination domain", "dominio non valido", "dominio inesistente", "域名不存在",
	}},
	{reason: NetworkError, phrases: []string{
		"name server", "host name lookup failure", "dns error",
		"no relevant answers", "routing loop", "mail loop", "hop count",
		"too many hops", "hops", "no route to host", "network error", "network is unreachable",
		"lost connection", "is broken", "timed out while", "dns lookup timeout",
		"loops back to myself", "closed abruptly", "loop detected", "looping", "forwarding loop",
		"could not connect and send", "dns records for the destination computer", "unable to resolve route",
		"dns failure"}},
	{reason: ContentError, phrases: []string{
		"8-bit data", "8bit", "mime error", "invalid structure", "headers too large", "media error",
		"malformed mime", "mime field", "stray linefeed", "bare lf", "bare linefeed", "bare cr",
		"non-western", "non-latin", "character set", "content error", "mime/reject",
		"message content not", "attachment type", "header size exceeds maximum permitted",
		"or recipient list, exceeds", "mime complexity", "invalid mime headers", "unnecessary base64",
		"improperly-formatted binary", "too many related errors", "invalid message content",
	}},
	{reason: VirusDetected, phrases: []string{
		"virus", "infected", "malware", "trojan", "potentially executable",
	}, unless: []string{"spam or virus", "spam & virus", "spam/virus"}},
	{reason: SpamDetected, aligned: [][]string{{"classified as", "spam"}, {"rejected as", "spam"}, {"detected as", "spam"}, {"looks like", "spam"}, {"considered", "spam"}, {"identified as", "spam"}, {"flagged as", "spam"}, {"mail score (", " over "}, {"consider it", "spam"}, {"consider this", "spam"}}, phrases: []string{
		"spam message", "message is spam", "as spam", "judged to be spam", "spam content",
		"spam or virus", "content rejected", "content reject", "unsolicited bulk", " ube",
		"spam score", "spamtrap", "junk mail", "likely unsolicited", "nature of the content",
		"blacklisted url", "spam scale", "high on spam", "spam detected", "detected as spam",
		"mail rejete", "mail data refused", "the spam", "identified as spam", "classified as spam",
		"looks like spam", "spam classification",
		"quarantined", "content denied", "suspected spam", "considered spam", "spam detected",
		"gtube", "spam body", "spam link", "spam url", "rejected spam", "flagged as spam",
		"suspicion of spam", "marked as spam", "spam content", "appears to be unsolicited",
		"content filter rejection", "high probability of spam", "probable spam",
		"message content rejected", "unacceptable content", "spam-like", "spam blocked", "spam check",
		"spam email", "spam not accepted", "spam refused", "spam rejection", "spamming not allowed",
		"spam complaints", "too much spam", "appears to be spam", "scored as spam", "antispam checks",
		"triggered a spam block", "bulk email", "bulk mail", "spam points", "spamassassin",
		"no spam please", "spam/virus", "bulk.advertising",
		"rejecting mail content", "due to spam filter", "recurrent pattern detection", "uribl",
		"temporarily blocked by our filter", "percent probability of being spam", "(spam)",
		"spam list", "dont accept spam", "don't accept spam", "a url in this email", "spam pattern",
		"surbl", "reject content", "outbound scanning", "message filtered. refer to the troubleshooting", "message filtered. please see the faqs",
	}},
	{reason: PolicyViolation, phrases: []string{
		"policy reasons", "local policy", "denied by policy", "policy violation", "illegal attachment",
		"header value not allowed", "header not allowed",
		"potential security issue", "content presents", "policy that prohibits", "message not allowed",
		"host network not allowed", "header error", "against policy", "violates",
		"exceeded its quota for sending messages", "banned content", "prohibited content",
		"policy rejection", "mailpolicy", "members-only list", "closed mailing list",
		"organizational settings", "organization policy", "rejected for policy reasons",
		"not accepted for policy reasons", "mass mailer", "low priority", "not accepting mail with",
		"not subscribed to this group", "containing images or other attachments",
		"without solving a captcha", "x-dg-ref header", "no data before greeting",
		"attachment extension is forbidden", "protected file attachment",
		// Attachment types a filter bans (amavis "BANNED:", rspamd's forbidden extensions) and
		// content restrictions.
		"- banned:", "file_extension", "file extension", "forbidden attachment", "banned attachment",
		"content restriction",
	}},
	{reason: SecurityError, phrases: []string{
		"authentication required", "authrequired", "auth failed", "username and password",
		"application-specific password", "log in with your web browser", "too many login attempts",
		"no identity changes", "authentication not allowed", "unauthenticated senders",
		"authentification", "without authentication", "smtp authentication",
		"code d'authentification", "delivery not authorized", "authentication mechanism",
		"failed to authenticate", "not subscribed to ses", "executable files are not allowed",
		"is a dead domain", "verification failure", "ses:sendrawemail",
	}, unless: []string{"message refused"}},
	{reason: SyntaxError, phrases: []string{
		"syntax error", "command not recognized", "command unrecognized", "bad sequence of commands",
		"improper sequence", "parameter not implemented", "no data after bdat", "cannot decode",
		"invalid data in message", "line too long", "malformed address", "command not implemented", "pipeline after",
		"protocol violation, no commands", "unrecognized command", "smtp protocol violation",
		"optional argument not permitted", "unrecognized authentication type", "xoauth is no longer supported",
		"illegal characters", "invalid characters", "restricted characters",
	}},
	{reason: SystemFull, phrases: []string{
		"insufficient disk space", "insufficient system storage", "disk full", "system storage",
		"out of disk", "no space left", "mail system full",
	}},
	{reason: SystemError, phrases: []string{
		"ldap", "internal error", "system error", "config error", "configuration error",
		"local error", "temporary local problem", "i/o error", "input/output error",
		"operating system error", "queue file write error", "could not load", "duplicated message-id",
		"points back to", "misconfigured", "internal server error", "cannot authenticate due to",
		"per transaction", "temporary server error", "temporary system error",
		"temporary system problem", "system problem", "server error",
	}},
	{reason: Expired, phrases: []string{
		"expired", "retry timeout", "giving up", "could not be delivered for", "gave up",
		"in the queue too long", "has been delayed", "will be retried", "not delivered within",
		"failed attempts", "all hosts have been failing", "not responding",
		"host not reachable", "unable to connect", "socket error", "timed out", "timeout",
		"will-retry-until", "could not connect", "connection refused",
		"could not find a gateway", "establish an smtp connection", "deferred: connection",
		"retry time not reached", "have been failing", "delivery attempts will continue",
		"failed to deliver to domain", "not been collected after", "sitting in queue",
		"server did not respond", "allowed queue period", "numerous attempts to deliver",
	}},
	{reason: SystemError, phrases: []string{
		"resources temporarily unavailable", "multiple retries",
	}},
}

// weakRules are generic phrases, tried after a specific enhanced code has had its say.
var weakRules = [...]rule{
	{reason: Rejected, phrases: mailFromPhrases},
	{reason: Rejected, phrases: []string{"delivery not authorized, message refused"}},
	{reason: Blocked, phrases: []string{
		"blocked", "service refuse", "bloque", "not in whitelist", "helo", "ehlo", "not permitted",
		"banned", "deny", "block for",
	}},
	{reason: PolicyViolation, phrases: []string{
		"policy", "policies", "prohibited", "not accepted",
	}},
	{reason: SpamDetected, phrases: []string{"spam"}},
	{reason: SecurityError, phrases: []string{
		"authentication", "not authorized", "unauthorized", "credentials", "security",
	}},
	{reason: SystemError, phrases: []string{
		"service unavailable", "service currently unavailable", "temporarily unavailable",
		"transaction failed", "internal",
	}},
}

// lateRules are the vaguest phrases, tried after every code but the basic one.
var lateRules = [...]rule{
	{reason: Blocked, phrases: []string{"access denied", "access-denied", "denied", "refused"}},
	{reason: Rejected, phrases: []string{"rejected", "no permit"}},
}

// dataPhasePhrases say that the reply came after the message data was sent, when a receiving
// filter, not the mailbox lookup, decides.
var dataPhasePhrases = []string{
	"end of data", "final data", ">>> data", "after data", "(in reply to data",
}

// recipientRejectedPhrases keep a "user unknown" a user unknown even after the data phase or
// with a policy code.
var recipientRejectedPhrases = []string{
	"recipient address rejected: access denied", "rcpt to", "recipient not found", "mailbox not found",
}

// vacationPhrases mark an auto-reply rather than a bounce.
var vacationPhrases = []string{
	// English
	"out of the office", "out of office", "currently away", "away from the office",
	"on vacation", "on holiday", "auto-reply", "autoreply", "automatic reply", "on leave",
	"returning to the office", "i will be traveling", "auto reply", "autoresponder",
	"away from my desk", "limited access to email", "limited access to my email",
	"when i return", "upon my return", "on my return", "annual leave", "maternity leave",
	"paternity leave", "will be back on", "i am away", "i'm away", "i will be away",
	"not in the office", "back in the office", "i will respond to your",
	// German
	"abwesend", "abwesenheit", "nicht im büro", "nicht im buero", "nicht am platz",
	"im urlaub", "automatische antwort", "wieder im büro", "wieder erreichbar",
	// French
	"absent du bureau", "absente du bureau", "absent(e) du bureau", "pas au bureau",
	"réponse automatique", "reponse automatique", "message d'absence", "en congé", "en conge",
	"en vacances", "à mon retour", "a mon retour", "actuellement absent",
	// Spanish, Portuguese, Italian
	"fuera de la oficina", "ausente de la oficina", "respuesta automática", "respuesta automatica",
	"de vacaciones", "por vacaciones", "a mi vuelta", "a mi regreso", "no estaré disponible",
	"fora do escritório", "resposta automática", "de férias", "fuori ufficio", "fuori sede",
	"risposta automatica", "in ferie", "sono assente",
	// Dutch
	"afwezig", "afwezigheid", "automatisch antwoord", "met vakantie", "op vakantie",
	"weer bereikbaar", "weer aanwezig",
	// Japanese, Chinese
	"自動返信", "自動応答", "休暇", "不在にして", "不在のため", "出社予定", "自动回复", "休假",
}

// contentlessPhrases say that delivery failed and nothing more: alone (with codes that are not
// specific), they leave the reason on hold.
var contentlessPhrases = []string{
	"service unavailable", "undeliverable", "undelivered", "delivery failed", "delivery failure",
	"message undeliverable", "mail delivery failed", "returned mail", "failure notice",
	"message not delivered", "bounced",
}

// failurePhrases turn a 2xx code into a failure after all.
var failurePhrases = []string{
	"unknown", "rejected", "denied", "failed", "failure", "error", "not found", "blocked",
}

// temporaryPhrases and permanentPhrases decide the class when neither code nor reason does.
var temporaryPhrases = []string{
	"temporar", "deferred", "try again later", "try later", "will be retried", "delayed", "retry",
	"warning", ": deferral: ", "soft bounce",
}

var permanentPhrases = []string{
	"permanent", "failed permanently", "fatal", "will not be retried", "undeliverable", ": failure: ",
	"hard bounce",
}

// providerPhrase names the phrases that identify a provider.
type providerPhrase struct {
	p       Provider
	phrases []string
}

var providerPhrases = [...]providerPhrase{
	{Google, []string{"gsmtp", "google.com", "googlemail.com", "gmail-smtp"}},
	{Microsoft, []string{
		"protection.outlook", "outlook.com", "microsoft", "office 365", "office365", "hotmail",
		"recipientnotfound", "recipnotfound", "resolver.adr", "resolver.rst", "storedrv",
		"exchange online", "mail.live.com", "prod.outlook",
	}},
	{Yahoo, []string{"yahoo", "aol.com", "verizonmedia"}},
	{Apple, []string{"icloud", "apple.com", "@me.com", ".me.com", "@mac.com"}},
	{Proofpoint, []string{"pphosted", "proofpoint"}},
	{Mimecast, []string{"mimecast"}},
	{Barracuda, []string{"barracuda"}},
	{Cisco, []string{"ironport", "cisco", "iphmx"}},
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

// mailFromPhrases say that the reply was to the sender address (MAIL FROM).
var mailFromPhrases = []string{
	"in reply to mail from", "after mail from", ">>> mail from", "[mail_from]",
}
