// Command jiyao is Jiyao's one binary: it extracts records from minutes
// documents, builds and searches the index, and serves the API and web pages.
//
// Usage:
//
//	jiyao <command> [flags] [args]
//
// Run "jiyao help" for the list of commands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"syscall"

	"github.com/jiyao-search/jiyao/server"
)

// command is one subcommand: its name, a one-line summary, and its Run.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *env, args []string) error
}

// env is what a command gets from the process: its streams and
// environment. Tests run commands with their own.
type env struct {
	stdout, stderr io.Writer
	getenv         func(string) string
}

// registry holds the subcommands; each file of this package registers its
// own in an init function.
var registry []command

func register(c command) { registry = append(registry, c) }

func commands() []command {
	cs := append([]command(nil), registry...)
	sort.Slice(cs, func(i, j int) bool { return cs[i].name < cs[j].name })
	return cs
}

// errUsage marks an error in the command line; main exits 2 for it.
var errUsage = errors.New("usage")

// errFailed marks a run that did its work but had failures it reported
// already; main exits 1 without printing more.
var errFailed = errors.New("some inputs failed")

func main() {
	// The first SIGINT or SIGTERM cancels ctx: the command stops its work
	// and closes what it opened (serve drains its requests). A second one
	// ends the process at once, whatever the command is doing. The signals
	// are caught, not left to their default effect, which a parent that
	// ignores SIGINT (a background job of a script) would make nothing.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-sigs
		cancel()
		s := <-sigs
		fmt.Fprintf(os.Stderr, "jiyao: second signal (%v): exiting at once\n", s)
		code := 1
		if n, ok := s.(syscall.Signal); ok {
			code = 128 + int(n)
		}
		os.Exit(code)
	}()
	server.ReleaseMode()
	e := &env{stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}
	err := run(ctx, e, os.Args[1:])
	switch {
	case err == nil:
	case errors.Is(err, flag.ErrHelp):
		// -h: the usage was asked for and printed.
	case errors.Is(err, errFailed):
		os.Exit(1)
	case errors.Is(err, errUsage):
		fmt.Fprintln(os.Stderr, "jiyao:", err)
		os.Exit(2)
	default:
		fmt.Fprintln(os.Stderr, "jiyao:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(e.stderr)
		if len(args) == 0 {
			return fmt.Errorf("%w: no command", errUsage)
		}
		return nil
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, e, args[1:])
		}
	}
	usage(e.stderr)
	return fmt.Errorf("%w: unknown command %q", errUsage, args[0])
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Jiyao (纪要): full-text search for government meeting minutes.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage: jiyao <command> [flags] [args]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, `Run "jiyao <command> -h" for a command's flags.`)
}

// parseFlags parses a command's flags. Asking for help (-h) returns
// flag.ErrHelp as it is, for main to exit 0 after the usage; any other
// error is a usage error.
func parseFlags(fs *flag.FlagSet, args []string) error {
	err := fs.Parse(args)
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return err
	}
	return fmt.Errorf("%w: %v", errUsage, err)
}

// newFlagSet returns a flag set that reports errors instead of exiting.
func newFlagSet(e *env, name, args string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: jiyao %s [flags] %s\n\nFlags:\n", name, args)
		fs.PrintDefaults()
	}
	return fs
}
