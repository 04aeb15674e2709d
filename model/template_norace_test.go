//go:build !race

package model

// templateRows is how many generated rows TestTemplateVerdicts checks.
const templateRows = 200_000
