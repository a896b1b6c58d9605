package main

import (
	"flag"
	"os"
	"path/filepath"
)

// defaultIndex is the index folder when neither --index nor JIYAO_INDEX
// says otherwise: a data folder in the working directory.
const defaultIndex = "data/index"

// defaultIndexDir returns the index folder from the environment or the
// default.
func defaultIndexDir(e *env) string {
	if d := e.getenv("JIYAO_INDEX"); d != "" {
		return d
	}
	return filepath.FromSlash(defaultIndex)
}

// indexFlag adds the --index flag every index command has.
func indexFlag(e *env, fs *flag.FlagSet) *string {
	return fs.String("index", defaultIndexDir(e), "index folder (env JIYAO_INDEX)")
}

// isTerminal reports whether w is a terminal, for progress bars.
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
