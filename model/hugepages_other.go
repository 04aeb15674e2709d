//go:build !linux

package model

import "unsafe"

// adviseHuge is a no-op where there is no madvise.
func adviseHuge(unsafe.Pointer, uintptr) {}
