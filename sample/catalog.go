package sample

import (
	"slices"

	"github.com/bouncelens/bouncelens/codes"
)

// provider is the mail system that receives a lead's mail; it decides the lead's domain and
// the host names in the reason text.
type provider uint8

const (
	pvCorp       provider = iota // a company's own Postfix, Exim, Sendmail or Exchange
	pvGoogle                     // gmail.com or a Google Workspace company
	pvMicrosoft                  // outlook.com, hotmail.com or a Microsoft 365 company
	pvYahoo                      // yahoo.com, aol.com
	pvApple                      // icloud.com, me.com
	pvProofpoint                 // companies behind Proofpoint
	pvMimecast                   // companies behind Mimecast
	pvBarracuda                  // companies behind Barracuda
	pvCisco                      // companies behind Cisco Secure Email (IronPort)
	pvISP                        // consumer ISPs: comcast.net, att.net...
	pvGerman                     // gmx.de, web.de, t-online.de
	pvFrench                     // orange.fr, laposte.net, free.fr
	pvJapanese                   // docomo.ne.jp, nifty.com, .co.jp companies
	numProviders
)

// fate is what Marketo did with the lead after the bounce: which flags and cause column it set.
type fate uint8

const (
	fInvalid fate = iota // Email Invalid true, the text in Email Invalid Cause
	fSuspend             // a spam block: Email Suspended true, the text in Email Suspended Cause
	fSoft                // a soft bounce: flags false, the text kept in Email Invalid Cause
	fEmpty               // Email Invalid true with no cause (set by a CRM sync)
)

// entry is one kind of bounce reason as real servers write it. Weight is per ten thousand
// rows. Text holds placeholders in braces that vary per row:
//
//	{ip} sending IP        {mxip} receiving IP     {mx} receiving host     {domain} lead's domain
//	{email} lead's address {local} its local part  {from} sending domain   {date} RFC 5322 date
//	{gid} Gmail queue id   {ms} Microsoft front end, time and id           {mc} Mimecast id
//	{msh} Microsoft host     {qid} Postfix queue id {n} a small number  {smtp} "smtp; ", a variant, or nothing
//	{nl} a line break in a multi-line reply, or a space when the export joined the lines
//
// Want is the reason the text means (Sisimai's vocabulary); the tests compare it with
// codes.Classify and log where they differ.
type entry struct {
	weight int
	prov   provider
	fate   fate
	want   codes.Reason
	text   string
}

// episode is a stretch of days on which some of one provider's replies come in bulk, as when
// a provider blocks the sending IPs after a blocklist listed them, or throttles them: its
// entries are drawn boost times their weight, and only on its days. Every other entry is spread
// over the sends of the whole span, as dead addresses trickle in with every send.
type episode struct {
	prov    provider
	reasons []codes.Reason
	fate    fate // only the entries of this fate
	start   int  // days before the export the episode begins
	days    int
	boost   int
}

// episodes is the story the sample and the generator tell: what a timeline by provider shows.
func episodes() []episode {
	return []episode{
		// Spamhaus lists the sending IPs; Microsoft blocks them for two days.
		{prov: pvMicrosoft, reasons: []codes.Reason{codes.Blocked}, fate: fSuspend, start: 19, days: 2, boost: 3},
		// Microsoft throttles the sending IPs for a week.
		{prov: pvMicrosoft, reasons: []codes.Reason{codes.RateLimited, codes.BadReputation}, fate: fSoft, start: 47, days: 6, boost: 2},
	}
}

// inEpisode returns the episode entry e belongs to, or -1.
func inEpisode(e entry, eps []episode) int {
	for i, ep := range eps {
		if e.prov == ep.prov && e.fate == ep.fate && slices.Contains(ep.reasons, e.want) {
			return i
		}
	}
	return -1
}

// catalog lists the bounce reasons the sample and the generator draw from. The weights give
// real exports' mix: user unknown near 40%, blocks near 20%, then full mailboxes, rate limits,
// authentication failures, expiries and the long tail.
func catalog() []entry {
	return []entry{
		// User unknown: the biggest group, 550 5.1.1 above all.
		{420, pvGoogle, fInvalid, codes.UserUnknown, "550-5.1.1 The email account that you tried to reach does not exist. Please try{nl}550-5.1.1 double-checking the recipient's email address for typos or{nl}550-5.1.1 unnecessary spaces. For more information, go to{nl}550 5.1.1  https://support.google.com/mail/?p=NoSuchUser {gid} - gsmtp"},
		{80, pvGoogle, fInvalid, codes.UserUnknown, "{smtp}550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. Learn more at https://support.google.com/mail/?p=NoSuchUser {gid} - gsmtp"},
		{1000, pvMicrosoft, fInvalid, codes.UserUnknown, "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup"},
		{120, pvMicrosoft, fInvalid, codes.UserUnknown, "Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipAddrNotFound; not found'"},
		{120, pvMicrosoft, fInvalid, codes.UserUnknown, "550 5.4.1 Recipient address rejected: Access denied. For more information see https://aka.ms/EXOSmtpErrors [{msh}]"},
		{120, pvMicrosoft, fInvalid, codes.UserUnknown, "550 5.5.0 Requested action not taken: mailbox unavailable (S2017062302). [{msh}]"},
		{30, pvYahoo, fInvalid, codes.UserUnknown, "554 delivery error: dd This user doesn't have a {domain} account ({email}) [0] - mta{n}.mail.bf1.yahoo.com"},
		{90, pvYahoo, fInvalid, codes.UserUnknown, "552 1 Requested mail action aborted, mailbox not found"},
		{30, pvApple, fInvalid, codes.UserUnknown, "550 5.1.1 <{email}>: user does not exist"},
		{40, pvCorp, fInvalid, codes.UserUnknown, "host {mx}[{mxip}] said: 550 5.1.1 <{email}>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)"},
		{40, pvCorp, fInvalid, codes.UserUnknown, "550 5.1.1 <{local}@{domain}>: Recipient address rejected: User unknown in local recipient table"},
		{30, pvCorp, fInvalid, codes.UserUnknown, "SMTP error from remote mail server after RCPT TO:<{email}>: 550 No Such User Here\""},
		{40, pvCorp, fInvalid, codes.UserUnknown, "{smtp}550 5.1.1 <{email}>... User unknown"},
		{60, pvCorp, fInvalid, codes.UserUnknown, "Sorry, no mailbox here by that name. (#5.1.1)"},
		{110, pvMimecast, fInvalid, codes.UserUnknown, "550 Invalid Recipient - https://community.mimecast.com/docs/DOC-1369#550 [{mc}]"},
		{520, pvProofpoint, fInvalid, codes.UserUnknown, "550 5.1.1 User Unknown"},
		{60, pvCisco, fInvalid, codes.UserUnknown, "550 #5.1.0 Address rejected."},
		{20, pvBarracuda, fInvalid, codes.UserUnknown, "550 No such user ({email})"},
		{300, pvCorp, fInvalid, codes.UserUnknown, "smtp; 550 5.1.1 user unknown"},
		{150, pvCorp, fInvalid, codes.UserUnknown, "550 5.1.1 Recipient address rejected: User unknown"},
		{150, pvCorp, fInvalid, codes.UserUnknown, "550 5.1.1 Mailbox does not exist"},
		{70, pvISP, fInvalid, codes.UserUnknown, "550 5.1.1 recipient rejected"},
		{120, pvGerman, fInvalid, codes.UserUnknown, "550 Requested action not taken: mailbox unavailable"},
		{50, pvGerman, fInvalid, codes.UserUnknown, "550 5.1.1 Empfängeradresse unbekannt – Postfach existiert nicht (user unknown)"},
		{30, pvFrench, fInvalid, codes.UserUnknown, "550 5.1.1 <{email}>: Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416] (in reply to RCPT TO command)"},
		{20, pvJapanese, fInvalid, codes.UserUnknown, "550 5.1.1 <{email}>... 宛先のメールアドレスは存在しません (User unknown)"},
		{40, pvCorp, fInvalid, codes.UserUnknown, "Recipient address rejected: User unknown"},
		{30, pvCorp, fInvalid, codes.UserUnknown, "The email account that you tried to reach does not exist."},
		{40, pvCorp, fInvalid, codes.UserUnknown, "550-\"The recipient cannot be verified.  Please check all recipients of this{nl}550 message to verify they are valid.\""},
		{40, pvMicrosoft, fInvalid, codes.UserUnknown, "#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##"},

		// The address is gone in other ways.
		{110, pvCorp, fInvalid, codes.HostUnknown, "Host or domain name not found. Name service error for name={domain} type=A: Host not found"},
		{50, pvGoogle, fInvalid, codes.HostUnknown, "DNS Error: DNS type 'mx' lookup of {domain} responded with code NXDOMAIN Domain name not found: {domain}"},
		{30, pvCorp, fInvalid, codes.HostUnknown, "Sorry, I couldn't find any host named {domain}. (#5.1.2)"},
		{20, pvCorp, fInvalid, codes.HostUnknown, "550 5.1.2 <{email}>... Host unknown (Name server: {domain}: host not found)"},
		{15, pvApple, fInvalid, codes.HasMoved, "550 5.1.6 recipient no longer on server: {email}"},
		{10, pvCorp, fInvalid, codes.HasMoved, "551 5.1.6 User has moved; please try <{local}@{domain}>"},
		{20, pvCorp, fInvalid, codes.NotAccept, "556 5.1.10 Recipient address {email} has null MX"},
		{20, pvCorp, fInvalid, codes.NotAccept, "No MX found for domain {domain}"},
		{15, pvCorp, fInvalid, codes.NotAccept, "521 5.3.2 {mx} does not accept mail (see RFC 7504)"},

		// Suspended or disabled mailboxes.
		{100, pvGoogle, fInvalid, codes.Suspend, "550-5.2.1 The email account that you tried to reach is inactive.{nl}550-5.2.1 For more information, go to{nl}550 5.2.1  https://support.google.com/mail/?p=DisabledUser {gid} - gsmtp"},
		{30, pvYahoo, fInvalid, codes.Suspend, "554 30 Sorry, your message to {email} cannot be delivered. This mailbox is disabled (554.30)."},
		{40, pvMicrosoft, fInvalid, codes.Suspend, "550 5.2.1 Mailbox disabled, not accepting messages [{msh}]"},
		{20, pvApple, fInvalid, codes.Suspend, "550 5.1.1 <{email}>: inactive email address"},
		{30, pvISP, fSoft, codes.Suspend, "452 4.2.1 mailbox temporarily disabled"},

		// Full mailboxes.
		{120, pvGoogle, fSoft, codes.MailboxFull, "452-4.2.2 The recipient's inbox is out of storage space. Please direct the{nl}452-4.2.2 recipient to{nl}452 4.2.2  https://support.google.com/mail/?p=OverQuotaTemp {gid} - gsmtp"},
		{80, pvGoogle, fInvalid, codes.MailboxFull, "552-5.2.2 The recipient's inbox is out of storage space and inactive. Please{nl}552-5.2.2 direct the recipient to{nl}552 5.2.2  https://support.google.com/mail/?p=OverQuotaPerm {gid} - gsmtp"},
		{30, pvMicrosoft, fInvalid, codes.MailboxFull, "554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded; Failed to process message due to a permanent exception with message [BeginDiagnosticData]Cannot open mailbox. [{ms}]"},
		{40, pvApple, fSoft, codes.MailboxFull, "452 4.2.2 user is over quota"},
		{40, pvGerman, fInvalid, codes.MailboxFull, "552 5.2.2 Postfach voll / mailbox full"},
		{230, pvISP, fSoft, codes.MailboxFull, "452 4.2.2 Mailbox full"},
		{60, pvCorp, fInvalid, codes.MailboxFull, "552 Mailbox quota exceeded"},
		{30, pvCorp, fSoft, codes.MailboxFull, "Over quota"},
		{30, pvCorp, fSoft, codes.MailboxFull, "host {mx}[{mxip}] said: 452 4.2.2 <{email}> Quota exceeded (mailbox for user is full) (in reply to RCPT TO command)"},
		{30, pvCorp, fInvalid, codes.MailboxFull, "The users mailfolder is over the allowed quota (size). (#5.2.2)"},
		{20, pvJapanese, fInvalid, codes.MailboxFull, "552 5.2.2 メールボックスの容量を超えています (Mailbox full)"},

		// Blocks: the sending IP or domain is on a list, or has a poor reputation.
		{220, pvCorp, fSuspend, codes.Blocked, "{smtp}554 5.7.1 Service unavailable; Client host [{ip}] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/{ip}"},
		{320, pvCorp, fSuspend, codes.Blocked, "550 5.7.1 Service unavailable; Client host [{ip}] blocked using zen.spamhaus.org"},
		{110, pvISP, fSuspend, codes.Blocked, "554 5.7.1 Service unavailable; Client host [{ip}] blocked using bl.spamcop.net; Blocked - see https://www.spamcop.net/bl.shtml?{ip}"},
		{90, pvBarracuda, fSuspend, codes.Blocked, "554 Service unavailable; Client host [{ip}] blocked using Barracuda Reputation; http://www.barracudanetworks.com/reputation/?pr=1&ip={ip}"},
		{70, pvCorp, fSuspend, codes.Blocked, "host {mx}[{mxip}] said: 554 5.7.1 Service unavailable; Client host [{ip}] blocked using b.barracudacentral.org; http://www.barracudanetworks.com/reputation/?pr=1&ip={ip} (in reply to RCPT TO command)"},
		{120, pvProofpoint, fSuspend, codes.Blocked, "554 Blocked - see https://ipcheck.proofpoint.com/?ip={ip}"},
		{40, pvProofpoint, fSuspend, codes.Blocked, "521 5.7.1 Connection rejected by policy [{ip}] (CLB) - see https://ipcheck.proofpoint.com/?ip={ip}"},
		{80, pvMicrosoft, fSuspend, codes.Blocked, "550 5.7.606 Access denied, banned sending IP [{ip}]. To request removal from this list please visit https://sender.office.com/ and follow the directions. For more information please go to http://go.microsoft.com/fwlink/?LinkID=526655 AS(1430) [{ms}]"},
		{60, pvMicrosoft, fSuspend, codes.Blocked, "550 5.7.1 Unfortunately, messages from [{ip}] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors. [{ms}]"},
		{70, pvMicrosoft, fSuspend, codes.Blocked, "550 5.7.1 Service unavailable, Client host [{ip}] blocked using Spamhaus. To request removal from this list see https://www.spamhaus.org/query/ip/{ip} (AS3130). [{ms}]"},
		{40, pvMicrosoft, fSuspend, codes.Blocked, "550 5.7.708 Access denied, traffic not accepted from this IP. For more information please go to http://go.microsoft.com/fwlink/?LinkId=526653 AS(7230) [{ms}]"},
		{60, pvYahoo, fSuspend, codes.Blocked, "553 5.7.2 [TSS09] All messages from {ip} will be permanently deferred; Retrying will NOT succeed. See https://postmaster.yahooinc.com/error-codes"},
		{40, pvGerman, fSuspend, codes.Blocked, "554 5.7.1 Service unavailable; Client host [{ip}] blocked using ix.dnsbl.manitu.net; Your e-mail service was detected by mx.kundenserver.de (mxeue001) as spamming at {date}. Your admin should visit http://www.dnsbl.manitu.net/lookup.php?value={ip}"},
		{30, pvFrench, fSuspend, codes.Blocked, "550 5.7.1 Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR006_102 [102] ({ip})"},
		{30, pvJapanese, fSuspend, codes.Blocked, "550 5.7.1 Connection refused: {ip} is listed on our blocklist / 送信元IPアドレスは拒否リストに登録されています"},
		{60, pvGoogle, fSuspend, codes.BadReputation, "550-5.7.1 [{ip}] Gmail has detected that this message is likely{nl}550-5.7.1 suspicious due to the very low reputation of the sending domain. To{nl}550-5.7.1 best protect our users from spam, the message has been blocked.{nl}550-5.7.1 For more information, go to{nl}550 5.7.1  https://support.google.com/mail/answer/188131 {gid} - gsmtp"},
		{100, pvMicrosoft, fSoft, codes.BadReputation, "451 4.7.650 The mail server [{ip}] has been temporarily rate limited due to IP reputation. For e-mail delivery information, see https://postmaster.live.com (S775) [{ms}]"},
		{60, pvCisco, fSuspend, codes.BadReputation, "554 Your access to this mail system has been rejected due to the sending MTA's poor reputation. If you believe that this failure is in error, please contact the intended recipient via alternate means."},
		{20, pvCorp, fSuspend, codes.BadReputation, "554 Connection refused. This IP has a poor reputation on Cloudmark Sender Intelligence (CSI). IB103"},
		{90, pvMimecast, fSuspend, codes.PolicyViolation, "554 Email rejected due to security policies - https://community.mimecast.com/docs/DOC-1369#554 [{mc}]"},
		{60, pvApple, fSuspend, codes.PolicyViolation, "554 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137"},
		{30, pvYahoo, fSuspend, codes.PolicyViolation, "554 Message not allowed - [PH01] Email not accepted for policy reasons. Please visit https://postmaster.yahooinc.com/error-codes"},
		{30, pvGoogle, fSuspend, codes.PolicyViolation, "550 5.7.1 The user or domain that you are sending to (or from) has a policy that prohibited the mail that you sent. Please contact your domain administrator for further details. For more information, visit https://support.google.com/a/answer/172179 {gid} - gsmtp"},

		// Content judged as spam or malware.
		{60, pvGoogle, fSuspend, codes.SpamDetected, "550-5.7.1 [{ip}] Our system has detected that this message is likely{nl}550-5.7.1 unsolicited mail. To reduce the amount of spam sent to Gmail, this{nl}550-5.7.1 message has been blocked. For more information, go to{nl}550 5.7.1  https://support.google.com/mail/?p=UnsolicitedMessageError {gid} - gsmtp"},
		{50, pvMicrosoft, fSuspend, codes.SpamDetected, "554 5.7.1 Message rejected as spam by Content Filtering."},
		{40, pvCorp, fSuspend, codes.SpamDetected, "554 5.7.0 Reject, id={n}-07 - spam"},
		{40, pvProofpoint, fSuspend, codes.SpamDetected, "550 5.7.1 Message blocked due to spam content in the message."},
		{20, pvCorp, fSuspend, codes.SpamDetected, "552 Message rejected for spam or virus content"},
		{15, pvCorp, fSuspend, codes.VirusDetected, "554 5.7.0 Reject, id={n}-12 - INFECTED: Eicar-Signature"},
		{10, pvCorp, fSuspend, codes.VirusDetected, "550 Virus Detected; Content Rejected"},
		{25, pvGoogle, fSuspend, codes.PolicyViolation, "552-5.7.0 This message was blocked because its content presents a potential{nl}552-5.7.0 security issue. Please visit{nl}552-5.7.0  https://support.google.com/mail/?p=BlockedMessage to review our{nl}552 5.7.0 message content and attachment content guidelines. {gid} - gsmtp"},

		// Authentication: SPF, DKIM, DMARC.
		{70, pvGoogle, fSuspend, codes.AuthFailure, "550-5.7.26 Unauthenticated email from {from} is not accepted due to domain's{nl}550-5.7.26 DMARC policy. Please contact the administrator of {from} domain if{nl}550-5.7.26 this was a legitimate mail. To learn about the DMARC initiative, go{nl}550 5.7.26  https://support.google.com/mail/answer/2451690 {gid} - gsmtp"},
		{30, pvGoogle, fSoft, codes.AuthFailure, "421-4.7.26 This mail has been rate limited because it is unauthenticated. Gmail{nl}421-4.7.26 requires all senders to authenticate with either SPF or DKIM.{nl}421-4.7.26{nl}421-4.7.26  Authentication results:{nl}421-4.7.26  DKIM = did not pass{nl}421-4.7.26  SPF [{from}] with ip: [{ip}] = did not pass{nl}421 4.7.26  https://support.google.com/mail/answer/81126#authentication {gid} - gsmtp"},
		{80, pvMicrosoft, fSuspend, codes.AuthFailure, "550 5.7.509 Access denied, sending domain {from} does not pass DMARC verification and has a DMARC policy of reject. [{ms}]"},
		{30, pvMicrosoft, fSuspend, codes.AuthFailure, "550 5.7.515 Access denied, sending domain {from} doesn't meet the required authentication level. The sender's domain in the 5322.From address doesn't meet the authentication requirements defined for the sender. To learn more, visit https://aka.ms/SenderRequirements [{ms}]"},
		{60, pvYahoo, fSuspend, codes.AuthFailure, "550 5.7.9 This mail has been blocked because the sender is unauthenticated. Yahoo requires all senders to authenticate with either SPF or DKIM."},
		{40, pvCorp, fSuspend, codes.AuthFailure, "550 5.7.1 Email rejected per DMARC policy for {from}"},
		{40, pvMicrosoft, fSuspend, codes.AuthFailure, "550 5.7.23 The message was rejected because of Sender Policy Framework violation -- {ip} is not allowed to send mail for {from} [{ms}]"},
		{20, pvCorp, fSuspend, codes.SecurityError, "550 5.7.0 Unauthenticated senders not allowed"},
		{15, pvCorp, fSuspend, codes.SecurityError, "530 5.7.1 Authentication required"},

		// Rate limits and deferrals.
		{50, pvGoogle, fSoft, codes.RateLimited, "450-4.2.1 The user you are trying to contact is receiving mail at a rate that{nl}450-4.2.1 prevents additional messages from being delivered. Please resend your{nl}450-4.2.1 message at a later time. If the user is able to receive mail at that{nl}450-4.2.1 time, your message will be delivered. For more information, go to{nl}450 4.2.1  https://support.google.com/mail/?p=ReceivingRate {gid} - gsmtp"},
		{40, pvGoogle, fSoft, codes.RateLimited, "421-4.7.28 [{ip}      15] Our system has detected an unusual rate of{nl}421-4.7.28 unsolicited mail originating from your IP address. To protect our{nl}421-4.7.28 users from spam, mail sent from your IP address has been temporarily{nl}421-4.7.28 rate limited. For more information, go to{nl}421 4.7.28  https://support.google.com/mail/answer/188131 {gid} - gsmtp"},
		{170, pvYahoo, fSoft, codes.BadReputation, "421 4.7.0 [TSS04] Messages from {ip} temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes"},
		{110, pvMicrosoft, fSoft, codes.RateLimited, "451 4.7.500 Server busy. Please try again later from [{ip}]. (S77714) [{ms}]"},
		{20, pvApple, fSoft, codes.RateLimited, "421 4.7.1 Messages to {email} deferred due to excessive volume. Try again later - https://support.apple.com/en-us/HT204137"},
		{40, pvCorp, fSoft, codes.RateLimited, "421 4.7.0 Too many concurrent SMTP connections from this IP address; please try again later."},
		{20, pvCorp, fSoft, codes.RateLimited, "452 4.5.3 Too many recipients"},
		{30, pvCorp, fInvalid, codes.RateLimited, "550 5.1.1 <{email}> - {ip} has sent to too many recipients this hour. IB607 <http://x.co/rlbounce>"},

		// Gave up after retrying.
		{70, pvMicrosoft, fSoft, codes.Expired, "550 4.4.7 QUEUE.Expired; message expired [{msh}]"},
		{60, pvCorp, fSoft, codes.Expired, "554 4.4.7 Message expired: unable to deliver in 840 minutes.<421 4.4.2 Connection timed out>"},
		{60, pvCorp, fSoft, codes.Expired, "Message expired, connect to {mx}[{mxip}]:25: Connection timed out"},
		{40, pvISP, fSoft, codes.Expired, "4.4.7 Delivery time expired"},
		{50, pvCorp, fSoft, codes.Expired, "Could not deliver for the last 259200 seconds. Giving up."},
		{40, pvJapanese, fSoft, codes.Expired, "Your message was not delivered within 3 days and 0 hours. Remote host is not responding."},

		// The network, the receiving system, the protocol.
		{40, pvCorp, fSoft, codes.NetworkError, "lost connection with {mx}[{mxip}] while receiving the initial server greeting"},
		{30, pvCorp, fSoft, codes.NetworkError, "conversation with {mx}[{mxip}] timed out while receiving the initial server greeting"},
		{30, pvMicrosoft, fSoft, codes.NetworkError, "451 4.4.0 DNS query failed. The error was: DNS query failed with error: ErrorRetry"},
		{30, pvCorp, fSoft, codes.NetworkError, "Host or domain name not found. Name service error for name={domain} type=MX: Host not found, try again"},
		{40, pvCorp, fSoft, codes.SystemError, "451 4.3.0 Mail server temporarily rejected message."},
		{40, pvGoogle, fSoft, codes.SystemError, "421-4.3.0 Temporary System Problem.  Try again later (10). For more information,{nl}421-4.3.0 go to{nl}421 4.3.0  https://support.google.com/mail/?p=TempFailure {gid} - gsmtp"},
		{30, pvMimecast, fSoft, codes.SystemError, "451 Internal resource temporarily unavailable - https://community.mimecast.com/docs/DOC-1369#451"},
		{20, pvISP, fSoft, codes.SystemError, "451 Temporary local problem - please try later"},
		{20, pvCorp, fSoft, codes.SystemFull, "452 4.3.1 Insufficient system storage"},
		{10, pvCorp, fSoft, codes.SystemFull, "452 4.4.5 Insufficient disk space; try again later"},
		{15, pvCorp, fInvalid, codes.SyntaxError, "501 Syntax error in parameters or arguments"},
		{10, pvCorp, fInvalid, codes.SyntaxError, "503 5.5.1 Bad sequence of commands"},
		{15, pvCorp, fInvalid, codes.FailedSTARTTLS, "530 5.7.0 Must issue a STARTTLS command first"},
		{10, pvCorp, fSoft, codes.FailedSTARTTLS, "454 4.7.0 TLS not available due to local problem"},
		{15, pvCorp, fInvalid, codes.MailerError, "554 5.3.0 unknown mailer error 255"},
		{10, pvCorp, fSoft, codes.MailerError, "Command died with status 127: \"/usr/lib/dovecot/deliver\". Command output: sh: 1: /usr/lib/dovecot/deliver: not found"},

		// The sender, the message, or the relay is at fault.
		{30, pvCorp, fSuspend, codes.Rejected, "553 5.7.1 <bounce-{n}@{from}>: Sender address rejected: not owned by user {from}"},
		{30, pvYahoo, fSoft, codes.Rejected, "451 Message temporarily deferred due to unresolvable RFC.5321 from domain. See https://senders.yahooinc.com/error-codes#unresolvable-from-domain"},
		{20, pvFrench, fSuspend, codes.Rejected, "501 5.1.0 Emetteur invalide. Invalid Sender. OFR004_405 [405] (in reply to MAIL FROM command)"},
		{20, pvCorp, fInvalid, codes.Filtered, "550 5.7.1 <{email}>: Recipient address rejected: Access denied"},
		{40, pvMicrosoft, fInvalid, codes.Filtered, "550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized [{msh}]"},
		{20, pvJapanese, fInvalid, codes.Filtered, "550 5.7.1 Message rejected by the recipient's domain filter (受信拒否設定)"},
		{20, pvCorp, fInvalid, codes.Filtered, "550 5.7.1 Delivery not authorized, message refused due to recipient preferences"},
		{40, pvGoogle, fSuspend, codes.RequirePTR, "550-5.7.25 [{ip}] The IP address sending this message does not have a{nl}550-5.7.25 PTR record setup, or the corresponding forward DNS entry does not{nl}550-5.7.25 point to the sending IP. As a policy, Gmail does not accept messages{nl}550-5.7.25 from IPs with missing PTR records. For more information, go to{nl}550 5.7.25  https://support.google.com/mail/answer/81126#ip-practices {gid} - gsmtp"},
		{40, pvCorp, fSoft, codes.RequirePTR, "450 4.7.1 Client host rejected: cannot find your reverse hostname, [{ip}]"},
		{20, pvCorp, fSoft, codes.RequirePTR, "421 Temporarily rejected. Reverse DNS for this IP failed. IB108"},
		{30, pvGoogle, fInvalid, codes.NotCompliantRFC, "550-5.7.1 Messages missing a valid Message-ID header are not{nl}550-5.7.1 accepted. For more information, go to{nl}550-5.7.1  https://support.google.com/mail/?p=RfcMessageNonCompliant and review{nl}550 5.7.1 RFC 5322 specifications. {gid} - gsmtp"},
		{20, pvGoogle, fInvalid, codes.NotCompliantRFC, "550 5.7.1 This message is not RFC 5322 compliant because it has duplicate headers. To reduce the amount of spam sent to Gmail, this message has been blocked. {gid} - gsmtp"},
		{30, pvCorp, fInvalid, codes.NoRelaying, "554 5.7.1 <{email}>: Relay access denied"},
		{40, pvMicrosoft, fInvalid, codes.NoRelaying, "550 5.7.64 TenantAttribution; Relay Access Denied [{msh}]"},
		{30, pvCorp, fInvalid, codes.NoRelaying, "553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)"},
		{15, pvCorp, fInvalid, codes.ContentError, "550 5.6.9 improper use of 8-bit data in message header"},
		{10, pvMicrosoft, fInvalid, codes.ContentError, "550 5.6.11 SMTPSEND.BareLinefeedsAreIllegal; message contains bare linefeeds, which cannot be sent via DATA"},
		{10, pvCorp, fInvalid, codes.ContentError, "552 5.6.0 Headers too large (32768 max)"},
		{30, pvCorp, fInvalid, codes.EmailTooLarge, "552 5.3.4 Message size exceeds fixed maximum message size"},
		{20, pvGoogle, fInvalid, codes.EmailTooLarge, "552-5.2.3 Your message exceeded Google's message size limits. Please visit{nl}552-5.2.3  https://support.google.com/mail/?p=MaxSizeError to view our size{nl}552 5.2.3 guidelines. {gid} - gsmtp"},
		{20, pvMicrosoft, fInvalid, codes.EmailTooLarge, "550 5.2.3 RESOLVER.RST.RecipSizeLimit; message too large for this recipient"},
		{15, pvCorp, fInvalid, codes.Suppressed, "Amazon SES has suppressed sending to this address because it has a recent history of bouncing as an invalid address."},
		{15, pvCorp, fInvalid, codes.Suppressed, "The recipient address is on the suppression list because of a previous hard bounce; the message was not sent."},

		// Not bounces, or not enough to decide.
		{15, pvCorp, fSoft, codes.Vacation, "Automatic reply: I'm out of the office until Monday, December 1, with limited access to email. For urgent matters, please contact support@{domain}."},
		{10, pvGerman, fSoft, codes.Vacation, "Ich bin bis zum 05.12. nicht im Büro und habe keinen Zugriff auf meine E-Mails. In dringenden Fällen wenden Sie sich bitte an info@{domain}."},
		{5, pvJapanese, fSoft, codes.Vacation, "自動返信: 誠に勝手ながら、12月1日から12月5日まで休暇をいただいております。ご返信は休暇明けとなります。"},
		{10, pvGoogle, fSoft, codes.Delivered, "250 2.0.0 OK  1764412991 {gid} - gsmtp"},
		{10, pvMicrosoft, fSoft, codes.Delivered, "250 2.6.0 <{n}.{qid}@{from}> [InternalId=1408749{n}, Hostname={msh}] Queued mail for delivery"},
		{15, pvCorp, fSoft, codes.OnHold, "554 5.0.0 Service unavailable"},
		{10, pvCorp, fSoft, codes.OnHold, "This message could not be delivered. 450 4.0.0 Temporary failure"},
		{10, pvCorp, fInvalid, codes.Undefined, "Undeliverable"},
		{20, pvCorp, fEmpty, codes.Undefined, ""},
	}
}
