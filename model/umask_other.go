//go:build !unix

package model

import "io/fs"

// umask is 0 where files have no Unix modes.
func umask() fs.FileMode { return 0 }
