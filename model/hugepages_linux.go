package model

import (
	"unsafe"

	"golang.org/x/sys/unix"
)

// adviseHuge asks Linux to back the whole 2 MiB pages inside a large, fresh allocation of n
// bytes at p with huge pages: first touching hundreds of megabytes 4 KiB at a time costs more
// in page faults than the parsing. It is only a hint; on error the pages stay ordinary.
func adviseHuge(p unsafe.Pointer, n uintptr) {
	const huge = 2 << 20
	if n < 2*huge {
		return
	}
	base := uintptr(p)
	skip := (base+huge-1)&^(huge-1) - base
	size := (base+n)&^(huge-1) - (base + skip)
	_ = unix.Madvise(unsafe.Slice((*byte)(unsafe.Add(p, skip)), size), unix.MADV_HUGEPAGE)
}
