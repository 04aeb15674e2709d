//go:build !linux

package model

import "unsafe"

// adviseHuge is a no-op where there is no madvise.
func adviseHuge(unsafe.Pointer, uintptr) {}

// hugeSlice makes a slice of n zero values.
func hugeSlice[T any](n int) []T { return make([]T, n) }
