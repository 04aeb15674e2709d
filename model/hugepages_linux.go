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

// hugeSlice makes a slice of n zero values that lies on huge pages when it is large: the
// allocation is padded so that the slice starts on a 2 MiB boundary (the untouched padding
// never becomes resident); a slice of whole huge pages then lies on advised pages only. On a
// virtual machine, each 4 KiB page first touched costs a fault that takes longer than
// filling the page.
func hugeSlice[T any](n int) []T {
	const huge = 2 << 20
	size := unsafe.Sizeof(*new(T))
	if uintptr(n)*size < huge {
		return make([]T, n)
	}
	pad := int(huge/size) + 1
	all := make([]T, n+pad)
	base := uintptr(unsafe.Pointer(unsafe.SliceData(all)))
	adviseHuge(unsafe.Pointer(unsafe.SliceData(all)), uintptr(len(all))*size)
	k := int(((base+huge-1)&^(huge-1) - base + size - 1) / size)
	return all[k : k+n : k+n]
}
