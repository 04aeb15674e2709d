package codes

// Classify parses text and decides its class, reason, whether the address is at fault, and the
// provider that wrote it.
func Classify(text string) Bounce {
	return Bounce{Code: Parse(text)} // TODO(parser): implement
}
