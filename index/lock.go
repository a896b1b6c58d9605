package index

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// lockName is the lock file of an index folder. Whoever has the index open
// holds a lock on it, exclusive to write and shared to read, taken without
// waiting; a writer also says in it who it is (a Holder), so that the
// process turned away can name it.
const lockName = "jiyao.lock"

// boltTimeout bounds the wait for the lock of bleve's own root.bolt, the
// second line of defence behind the folder's lock (a program that does not
// take it, such as an older jiyao).
const boltTimeout = "1s"

// ErrLocked is returned by Open and Lock when another process has the
// index open in a way that excludes this one: a writer excludes everyone,
// readers exclude writers. The error is a *LockedError naming the holder
// when it is known.
var ErrLocked = errors.New("index is open in another process")

// Holder describes the process that has an index open to write, as it
// wrote itself into the folder's lock file.
type Holder struct {
	PID int `json:"pid"`
	// Command is the program and its subcommand, such as "jiyao serve".
	Command string `json:"command"`
	// Addr is the address the process serves the index's API on, if it
	// does (see Index.Serving).
	Addr  string    `json:"addr,omitempty"`
	Since time.Time `json:"since"`
}

// URL is the base URL of the holder's server, or "" if it serves none.
func (h *Holder) URL() string {
	if h == nil || h.Addr == "" {
		return ""
	}
	return "http://" + h.Addr
}

// LockedError says that another process has an index open, and which when
// it is known.
type LockedError struct {
	Dir string
	// Holder is nil when the holder is not known: readers, which do not
	// write themselves into the lock file, or a program that takes only
	// bleve's own lock.
	Holder *Holder
	// Readers is set when the lock was refused to a writer because
	// readers hold it.
	Readers bool
}

func (e *LockedError) Error() string {
	switch {
	case e.Holder != nil:
		s := fmt.Sprintf("index %s is open in %s (pid %d", e.Dir, e.Holder.Command, e.Holder.PID)
		if u := e.Holder.URL(); u != "" {
			s += ", serving " + u
		}
		return s + ")"
	case e.Readers:
		return fmt.Sprintf("index %s is open for reading in another process", e.Dir)
	}
	return fmt.Sprintf("index %s is open in another process", e.Dir)
}

// Is makes errors.Is(err, ErrLocked) true.
func (e *LockedError) Is(target error) bool { return target == ErrLocked }

// DirLock is the lock on an index folder held by this process.
type DirLock struct {
	f         *os.File
	exclusive bool
	holder    Holder
}

// lockDir takes dir's lock, exclusive or shared, without waiting. A reader
// that cannot create the lock file (a read-only folder) goes without it;
// bleve's own lock, with its timeout, still stands.
func lockDir(dir string, exclusive bool) (*DirLock, error) {
	p := filepath.Join(dir, lockName)
	flag := os.O_RDWR | os.O_CREATE
	if !exclusive {
		flag = os.O_RDONLY | os.O_CREATE
	}
	f, err := os.OpenFile(p, flag, 0o644)
	if err != nil && !exclusive && (errors.Is(err, os.ErrPermission) || isReadOnlyFS(err)) {
		if f, err = os.Open(p); err != nil {
			return nil, nil
		}
	}
	if err != nil {
		return nil, fmt.Errorf("lock index %s: %w", dir, err)
	}
	if err := tryLock(f, exclusive); err != nil {
		defer f.Close()
		if errors.Is(err, errWouldBlock) {
			h := readHolder(f)
			return nil, &LockedError{Dir: dir, Holder: h, Readers: h == nil && exclusive}
		}
		return nil, fmt.Errorf("lock index %s: %w", dir, err)
	}
	l := &DirLock{f: f, exclusive: exclusive}
	if exclusive {
		l.holder = Holder{PID: os.Getpid(), Command: commandName(), Since: time.Now().UTC().Truncate(time.Second)}
		if err := l.write(); err != nil {
			l.Unlock()
			return nil, fmt.Errorf("lock index %s: %w", dir, err)
		}
	}
	return l, nil
}

// write puts the holder into the lock file.
func (l *DirLock) write() error {
	b, err := json.Marshal(l.holder)
	if err != nil {
		return err
	}
	if err := l.f.Truncate(0); err != nil {
		return err
	}
	_, err = l.f.WriteAt(append(b, '\n'), 0)
	return err
}

// serving records the address the holder serves the index on.
func (l *DirLock) serving(addr string) error {
	if l == nil || !l.exclusive {
		return nil
	}
	l.holder.Addr = addr
	if err := l.write(); err != nil {
		return fmt.Errorf("record the address in the index's lock file: %w", err)
	}
	return nil
}

// Unlock empties the lock file (of a writer) and releases the lock. It may
// be called more than once.
func (l *DirLock) Unlock() error {
	if l == nil || l.f == nil {
		return nil
	}
	defer func() { l.f = nil }()
	var err error
	if l.exclusive {
		err = l.f.Truncate(0)
	}
	if uerr := unlock(l.f); err == nil {
		err = uerr
	}
	if cerr := l.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("unlock index: %w", err)
	}
	return nil
}

// readHolder reads the holder a lock file names; nil if it names none, or
// one whose process is gone (the lock file of a writer that was killed,
// now held by readers).
func readHolder(f *os.File) *Holder {
	b, err := io.ReadAll(io.NewSectionReader(f, 0, 4096))
	if err != nil || len(b) == 0 {
		return nil
	}
	var h Holder
	if json.Unmarshal(b, &h) != nil || h.PID <= 0 || !processExists(h.PID) {
		return nil
	}
	return &h
}

// commandName names this process for the lock file: its program and, when
// the first argument is not a flag, the subcommand ("jiyao serve").
func commandName() string {
	if len(os.Args) == 0 {
		return "another program"
	}
	name := filepath.Base(os.Args[0])
	if len(os.Args) > 1 && !strings.HasPrefix(os.Args[1], "-") {
		name += " " + os.Args[1]
	}
	return name
}
