// Package model loads bounce exports into leads, groups and filters them, and exports lead lists.
// It has no UI imports.
//
// # Loading
//
// Load and LoadReader undo gzip (by magic bytes) and a UTF-16 or UTF-8 byte order mark, reject
// what is not CSV (empty, binary, a zip or Excel workbook, JSON) with one error naming the file,
// sniff the delimiter (comma, tab or semicolon; a spreadsheet "sep=;" line is honoured) and map
// the header onto Lead by its csv tags, read once with reflect. Header names match ignoring
// case, spaces and punctuation, so Marketo's display names ("Email Invalid Cause"), its REST
// names ("emailInvalidCause") and other platforms' columns (research/formats.md) all map.
//
// The text is then read in parallel without per-row reflection:
//
//   - one goroutine reads chunks of about 1 MiB and cuts each after the last newline preceded
//     by an even number of quotes, which for valid CSV is the end of a record;
//   - workers split their chunk into records (a hand-written splitter, checked against
//     encoding/csv by FuzzSplit), then, once the chunk has its place in Dataset.Leads (given
//     in file order as soon as the record count is known), fill the leads in place: strings
//     are copied into large shared blocks, repeated values (names, companies, causes) are
//     shared, and so are the Extra slices of rows with the same extra values; dates and
//     booleans are parsed by hand;
//   - the merge, in file order, collects unreadable rows (ParseError with file, line and
//     column), counts rows and reports Progress a few times a second.
//
// A Marketo activity file (a bulk activity extract, or an activity log exported from the UI) is
// converted in front of the loader into People rows, one per bounce, each on its own line
// (activity.go, activity_log.go). A load that holds one and a lead export joins them on the lead
// id in one pass after every file is read (join.go).
//
// The lead array and the other large blocks are asked to lie on huge pages (Linux, madvise):
// on a virtual machine, first touching memory 4 KiB at a time costs more than parsing it.
//
// Every distinct cause text is stored once. codes.Classify runs once per reason template
// (codes.Template), not per text: texts that differ only in what a server writes afresh into each
// reply (the recipient's address, IPs, queue ids, times) share one verdict; each text's codes are
// still parsed from the text itself.
//
// # Selecting and grouping
//
// Besides Leads, a Dataset keeps a 4-byte side entry per lead (its reason text's id and its
// class) and the bounce of each distinct reason text, so Select and Groups scan 4 MB instead of
// the leads themselves for a million leads. A text match is tested once per distinct reason
// text, and over emails, names and companies by a substring search of one lowercased block of
// text built on first use (PrepareSearch builds it ahead of time).
package model
