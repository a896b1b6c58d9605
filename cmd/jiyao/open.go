package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/jiyao-search/jiyao/index"
	"github.com/jiyao-search/jiyao/server"
)

// openIndex opens the index for a command. When another process has it
// open, Open turns the command away at once, and the error says what to do
// instead.
func openIndex(cmd, dir string, opts index.Options) (*index.Index, error) {
	idx, err := index.Open(dir, opts)
	if err != nil {
		return nil, lockedHint(cmd, err)
	}
	return idx, nil
}

// lockedHint adds to an index.ErrLocked error what the command can do
// instead of waiting; other errors are returned as they are.
func lockedHint(cmd string, err error) error {
	var le *index.LockedError
	if !errors.As(err, &le) {
		return err
	}
	url := le.Holder.URL()
	var hint string
	switch {
	case url == "":
		hint = "wait for it to finish, or stop it"
	case cmd == "ingest":
		hint = "stop it, or send documents to the running server with jiyao ingest --server " + url
	case cmd == "delete":
		hint = "stop it, or delete through the running server: DELETE " + url + server.APIPrefix + "/meetings/ID with the bearer token"
	case cmd == "reindex":
		hint = "stop it first: reindex swaps the index's folder"
	case cmd == "serve":
		hint = "it serves this index already; stop it, or serve another index with --index"
	default:
		hint = "stop it, or use the running server: " + url + "/ (the API under " + url + server.APIPrefix + ")"
	}
	return fmt.Errorf("%w; %s", err, hint)
}

// readToken returns the bearer token for writes to a server: the content
// of tokenFile if it is set, else JIYAO_TOKEN.
func readToken(e *env, tokenFile string) (string, error) {
	if tokenFile == "" {
		return e.getenv("JIYAO_TOKEN"), nil
	}
	b, err := os.ReadFile(tokenFile)
	if err != nil {
		return "", fmt.Errorf("read token: %w", err)
	}
	return strings.TrimSpace(string(b)), nil
}
