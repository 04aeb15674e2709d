package codes

// Describe explains a reason in a sentence for a marketer ("The mailbox does not exist.").
func Describe(r Reason) string {
	switch r {
	case UserUnknown:
		return "The mailbox does not exist at that domain: a typo, a deleted account or an address that never existed."
	case HostUnknown:
		return "The domain after the @ does not exist or has no mail server: often a typo or a lapsed domain."
	case HasMoved:
		return "The mailbox was moved or closed and no forwarding address was left."
	case NotAccept:
		return "The receiving domain or server accepts no email at all."
	case MailboxFull:
		return "The recipient's mailbox is full; usually temporary."
	case Suspend:
		return "The mailbox exists but is disabled or inactive, often because the person left."
	case Filtered:
		return "The recipient's server refused the message for this mailbox because of its own settings or filters."
	case Rejected:
		return "The receiver refused the sender's address (the From or return path), not the lead."
	case Blocked:
		return "The receiver blocked the sending server or domain, often because of a blocklist: not the lead's fault."
	case SpamDetected:
		return "The receiver's filter judged the message to be spam."
	case VirusDetected:
		return "The receiver found a virus or a dangerous attachment in the message."
	case PolicyViolation:
		return "The message broke the receiver's policy on content, headers or attachments."
	case SecurityError:
		return "A security check failed: a login, encryption or policy requirement of the receiver was not met."
	case AuthFailure:
		return "The message failed email authentication (SPF, DKIM or DMARC) for the sending domain."
	case BadReputation:
		return "The receiver distrusts the sending IP or domain because of its reputation."
	case RequirePTR:
		return "The sending server's IP address has no valid reverse DNS name (PTR record)."
	case NotCompliantRFC:
		return "The message does not follow the email format standards (for example duplicate headers)."
	case NoRelaying:
		return "The receiving server refused to pass the message on: it does not handle mail for that address."
	case ContentError:
		return "The message's format or content could not be handled (encoding, headers, attachments)."
	case EmailTooLarge:
		return "The message is bigger than the receiver accepts."
	case RateLimited:
		return "The receiver is throttling: too many messages or connections in too short a time."
	case Expired:
		return "Delivery was retried until it timed out and was given up."
	case NetworkError:
		return "A network or DNS problem prevented reaching the receiving server."
	case SystemError:
		return "The receiving mail system had an internal error or is misconfigured."
	case SystemFull:
		return "The receiving mail system ran out of storage."
	case SyntaxError:
		return "The mail servers did not understand each other (an SMTP protocol error)."
	case FailedSTARTTLS:
		return "The servers could not set up the encrypted (TLS) connection that was required."
	case Suppressed:
		return "The sending platform did not send because the address is on its suppression list."
	case MailerError:
		return "A mail program at the receiving end failed while delivering."
	case Vacation:
		return "An automatic reply such as an out-of-office message: not a bounce."
	case Delivered:
		return "The message was accepted: not a bounce."
	case OnHold:
		return "The reply does not say clearly enough what went wrong."
	}
	return "There is nothing to go on: no code and no recognizable text."
}

// Advice says what to do with a lead that bounced this way, in a sentence or two. It is chosen
// from the reason, the class and whether the address itself is at fault.
func Advice(b Bounce) string {
	switch b.Reason {
	case Delivered:
		return "Not a bounce: the receiving server accepted the message. Nothing to do."
	case Vacation:
		return "Not a bounce: an automatic reply (out of office). Keep the lead; nothing to do."
	case Suppressed:
		return "Not sent: the address is on the sending platform's suppression list. Find out why it was " +
			"suppressed before taking it off the list."
	}
	if b.Class == Success {
		return "Not a bounce: the receiving server reported success. Nothing to do."
	}
	if b.Class == Soft {
		return softAdvice(b)
	}
	if b.AddressAtFault {
		return deadAddressAdvice(b.Reason)
	}
	return hardAdvice(b)
}

// softAdvice is the advice for a transient failure, which the platform retries by itself.
func softAdvice(b Bounce) string {
	const retried = "Temporary: the sending platform retries on its own, so there is nothing to do yet. "
	switch b.Reason {
	case UserUnknown, HostUnknown, HasMoved, NotAccept:
		return retried + "The receiver could not confirm the address this time; if it comes back as a hard bounce, suppress the lead."
	case MailboxFull:
		return retried + "If the mailbox stays full for weeks, it is probably abandoned: suppress the lead then."
	case Blocked, BadReputation, SpamDetected:
		return retried + "Not the lead's fault: the receiver is holding back mail from the sender. If it lasts more " +
			"than a day or two, check the sending IPs and domain on blocklists and look at complaint rates."
	case AuthFailure:
		return retried + "But the receiver is slowing down mail that fails SPF, DKIM or DMARC: have them fixed for " +
			"the sending domain, or it will turn into blocks."
	case RequirePTR, FailedSTARTTLS, SecurityError:
		return retried + "Not the lead's fault: a sending-side setup problem; pass the reply to your email admin if it repeats."
	case RateLimited:
		return retried + "Not the lead's fault: if many leads at one domain show this, send to that domain more slowly."
	}
	return retried + "Look again only if the same lead keeps bouncing for several days."
}

// deadAddressAdvice is the advice for a permanent failure where the address itself is bad.
func deadAddressAdvice(r Reason) string {
	const noReimport = " Re-importing it does not help: Marketo matches an import on Email Address and keeps Email Invalid set."
	switch r {
	case HostUnknown:
		return "The domain does not receive mail. Look for a typo in it (gmial.com) and fix the address only if you " +
			"can confirm it; otherwise suppress the lead." + noReimport
	case HasMoved:
		return "The mailbox was closed or moved: suppress this address and ask sales for the person's new one." + noReimport
	case NotAccept:
		return "The domain accepts no email at all: suppress the lead unless you can get another address." + noReimport
	}
	return "The mailbox does not exist: suppress the lead and do not retry." + noReimport
}

// hardAdvice is the advice for a permanent failure where the address is not known to be bad.
func hardAdvice(b Bounce) string {
	const reset = " To re-add a lead that Marketo marked invalid, reset Email Invalid: an import matches on Email Address and keeps the flag."
	switch b.Reason {
	case UserUnknown, HostUnknown, HasMoved, NotAccept:
		return deadAddressAdvice(b.Reason)
	case MailboxFull:
		return "Marked permanent, but a full mailbox usually empties: try again in a few days. If it is still full " +
			"after a few weeks, the mailbox is probably abandoned: suppress it." + reset
	case Suspend:
		return "The mailbox is disabled or inactive, often because the person left. Retry once or twice over a few " +
			"weeks; if it still bounces, suppress the lead."
	case Filtered:
		return "The receiver refused mail for this mailbox; this often means the address is no longer used. Retry " +
			"once after a few days and suppress the lead if it bounces again."
	case Blocked, BadReputation:
		return "Not the lead's fault: the receiver refused the sender (its IP or domain), often because of a " +
			"blocklist. Blocks usually lift within a day or two: retry a few times over a few days, not more, and " +
			"check your sending IPs and domain on the public blocklists." + reset
	case SpamDetected:
		return "Not the lead's fault: the message was judged spam. Review its content and links (shortened or " +
			"blocklisted links), then send the corrected message again; a few retries over days, not more." + reset
	case VirusDetected:
		return "Not the lead's fault: the receiver saw a virus or risky attachment. Remove attachments and " +
			"suspicious links, then send again." + reset
	case PolicyViolation, NotCompliantRFC, ContentError:
		return "Not the lead's fault: the message broke the receiver's rules on content or format. Fix the email " +
			"(template, headers, attachments) and send it again." + reset
	case EmailTooLarge:
		return "Not the lead's fault: the email is too big for the receiver. Make it smaller and send it again." + reset
	case AuthFailure:
		return "Not the lead's fault: the message failed SPF, DKIM or DMARC for the sending domain. Have them fixed " +
			"(in Marketo: set up DKIM and SPF for the domain), then send again; retrying before that fails the " +
			"same way." + reset
	case RequirePTR, SecurityError, FailedSTARTTLS, Rejected:
		return "Not the lead's fault: a setup problem on the sending side. Pass the full reply text to your email " +
			"admin or the platform's support, and send again once it is fixed." + reset
	case NoRelaying:
		return "The receiving server does not handle mail for this address, often because the company moved its " +
			"email elsewhere or the domain is mistyped. Check the address; retry once after a few days and " +
			"suppress it if it bounces the same way."
	case RateLimited:
		return "Not the lead's fault and not permanent despite the code: the receiver throttled the sender. Send to " +
			"this lead again later (the next day is enough)." + reset
	case Expired, NetworkError:
		return "The receiving server could not be reached. Check the domain for typos; if it looks right, retry once " +
			"after a few days and suppress the lead if it fails again."
	case SystemError, SystemFull, SyntaxError, MailerError:
		return "Not the lead's fault: a technical problem at the receiver or between the servers. Retry once after " +
			"a few days and report it to the platform's support if it repeats." + reset
	case OnHold:
		return "A permanent failure whose reply does not say clearly why. Don't conclude that the person left the " +
			"company: read the enhanced code and the text. Retry once after a few days; suppress only if it " +
			"bounces the same way again."
	}
	return "Nothing to go on: read the raw text. Retry once after a few days before deciding; suppress only if " +
		"it bounces again."
}
