//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package index

import (
	"errors"
	"os"
)

// On these systems the folder's lock is not taken; bleve's own lock, with
// its timeout, still turns a second writer away.

var errWouldBlock = errors.New("lock held")

func tryLock(f *os.File, exclusive bool) error { return nil }

func unlock(f *os.File) error { return nil }

func processExists(pid int) bool { return true }

func isReadOnlyFS(err error) bool { return false }
