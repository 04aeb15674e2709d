//go:build race

package model

// templateRows is how many generated rows TestTemplateVerdicts checks: fewer under the race
// detector, which slows the classifier tenfold.
const templateRows = 30_000
