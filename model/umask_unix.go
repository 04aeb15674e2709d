//go:build unix

package model

import (
	"io/fs"
	"sync"
	"syscall"
)

var umaskMu sync.Mutex

// umask returns the process's file mode creation mask (reading it means setting it: it is set
// back at once, under a lock).
func umask() fs.FileMode {
	umaskMu.Lock()
	defer umaskMu.Unlock()
	m := syscall.Umask(0o077)
	syscall.Umask(m)
	return fs.FileMode(m)
}
