package codes

// Parse finds the basic reply code and the enhanced status code in one free-text bounce reason.
// It never reports a code that is not literally in the text.
func Parse(text string) Code {
	return Code{} // TODO(parser): implement
}
