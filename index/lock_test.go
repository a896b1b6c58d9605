package index

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestOpenLocked opens an index that this process already has open, as
// another process would: the second opener is turned away at once, with
// the holder named, and gets in once the first closes.
func TestOpenLocked(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	idx, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := idx.Serving("127.0.0.1:8181"); err != nil {
		t.Fatal(err)
	}
	for _, ro := range []bool{false, true} {
		start := time.Now()
		_, err := Open(dir, Options{ReadOnly: ro})
		if took := time.Since(start); took > 500*time.Millisecond {
			t.Errorf("read-only %v: turned away after %s, want at once", ro, took)
		}
		var le *LockedError
		if !errors.Is(err, ErrLocked) || !errors.As(err, &le) {
			t.Fatalf("read-only %v: Open of an open index: %v, want ErrLocked", ro, err)
		}
		if le.Holder == nil || le.Holder.PID != os.Getpid() || le.Holder.Addr != "127.0.0.1:8181" {
			t.Errorf("read-only %v: holder %+v, want this process serving 127.0.0.1:8181", ro, le.Holder)
		}
		if want := "serving http://127.0.0.1:8181"; !strings.Contains(err.Error(), want) {
			t.Errorf("read-only %v: %q does not say %q", ro, err, want)
		}
	}
	if _, err := lockDir(dir, true); !errors.Is(err, ErrLocked) {
		t.Errorf("an exclusive lock of an open index: %v, want ErrLocked", err)
	}
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}

	// Readers share; a writer is turned away while they read.
	r1, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	r2, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("second reader: %v", err)
	}
	var le *LockedError
	if _, err := Open(dir, Options{}); !errors.As(err, &le) || !le.Readers || le.Holder != nil {
		t.Errorf("writer while readers read: %v (%+v), want ErrLocked by readers", err, le)
	}
	r1.Close()
	r2.Close()
	idx, err = Open(dir, Options{})
	if err != nil {
		t.Fatalf("after the readers closed: %v", err)
	}
	idx.Close()
}

// TestOpenBoltTimeout takes away the folder's lock file while an index is
// open, as a program that does not take it would: bleve's own lock turns
// the second writer away after its timeout instead of waiting for ever.
func TestOpenBoltTimeout(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	idx, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	if err := os.Remove(filepath.Join(dir, lockName)); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = Open(dir, Options{})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("Open without the lock file: %v, want ErrLocked", err)
	}
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("turned away after %s", took)
	}
}
