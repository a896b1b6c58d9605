package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"time"

	"github.com/jiyao-search/jiyao/index"
	"github.com/jiyao-search/jiyao/server"
	"github.com/jiyao-search/jiyao/server/web"
)

func init() {
	register(command{"serve", "serve the HTTP API (and web pages) over the index", runServe})
}

// Defaults of jiyao serve.
const (
	defaultAddr = "127.0.0.1:8080"
	// drainTimeout bounds the wait for in-flight requests at shutdown.
	drainTimeout = 30 * time.Second
)

// envOr returns the environment variable k, or def when it is unset.
func envOr(e *env, k, def string) string {
	if v := e.getenv(k); v != "" {
		return v
	}
	return def
}

func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "serve", "")
	dir := indexFlag(e, fs)
	addr := fs.String("addr", envOr(e, "JIYAO_ADDR", defaultAddr), "address to listen on (env JIYAO_ADDR)")
	tokenFile := fs.String("token-file", e.getenv("JIYAO_TOKEN_FILE"), "file holding the bearer token for writes (env JIYAO_TOKEN_FILE; or set JIYAO_TOKEN)")
	noSample := fs.Bool("no-sample", envOr(e, "JIYAO_NO_SAMPLE", "") != "", "do not load the embedded sample into an empty index (env JIYAO_NO_SAMPLE)")
	defRate, err := envFloat(e, "JIYAO_RATE_LIMIT", server.DefaultRateLimit)
	if err != nil {
		return err
	}
	defUpload, err := envInt(e, "JIYAO_MAX_UPLOAD", server.DefaultMaxUploadBytes)
	if err != nil {
		return err
	}
	rate := fs.Float64("rate", defRate, "requests per second allowed per client address, <0 for no limit (env JIYAO_RATE_LIMIT)")
	maxUpload := fs.Int64("max-upload", defUpload, "largest upload request in bytes (env JIYAO_MAX_UPLOAD)")
	baseURL := fs.String("base-url", e.getenv("JIYAO_BASE_URL"), "public URL of the server, for links in feeds (env JIYAO_BASE_URL)")
	logFormat := fs.String("log", envOr(e, "JIYAO_LOG", "text"), "log format: text or json (env JIYAO_LOG)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return fmt.Errorf("%w: serve takes no arguments", errUsage)
	}
	var log *slog.Logger
	switch *logFormat {
	case "text":
		log = slog.New(slog.NewTextHandler(e.stderr, nil))
	case "json":
		log = slog.New(slog.NewJSONHandler(e.stderr, nil))
	default:
		return fmt.Errorf("%w: --log %q is not text or json", errUsage, *logFormat)
	}
	token, err := readToken(e, *tokenFile)
	if err != nil {
		return err
	}

	idx, err := openIndex("serve", *dir, index.Options{Logger: log})
	if err != nil {
		return err
	}
	closeIndex := true
	defer func() {
		if closeIndex {
			if err := idx.Close(); err != nil {
				log.Error("close index", "err", err)
			}
		}
	}()
	st, err := idx.Stats(ctx)
	if err != nil {
		return err
	}
	if st.Meetings == 0 && !*noSample {
		sum, err := idx.Load(ctx, sampleSources(), index.LoadOptions{})
		if err != nil {
			return fmt.Errorf("load the sample: %w", err)
		}
		log.Info("the index was empty: loaded the sample corpus embedded in the binary",
			"dir", *dir, "added", sum.Added, "failed", sum.Failed, "took", sum.Elapsed.Round(time.Millisecond))
		if st, err = idx.Stats(ctx); err != nil {
			return err
		}
	}
	if token == "" {
		log.Info("no JIYAO_TOKEN: uploads and deletes are disabled")
	}
	pages, err := web.New(idx, web.Options{Logger: log, APIPrefix: server.APIPrefix})
	if err != nil {
		return err
	}
	srv, err := server.New(idx, server.Options{
		Logger: log, Token: token, Pages: pages, MaxUploadBytes: *maxUpload, RateLimit: *rate, BaseURL: *baseURL,
	})
	if err != nil {
		return err
	}
	hs := srv.HTTPServer(*addr)
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	if err := idx.Serving(ln.Addr().String()); err != nil {
		log.Warn("the index's lock file does not name this server", "err", err)
	}
	log.Info("listening", "addr", ln.Addr().String(), "index", *dir, "meetings", st.Meetings, "url", "http://"+ln.Addr().String()+"/")
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()

	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	// First signal: stop accepting, drain, close the index. A second one
	// exits at once (main sees to it).
	srv.SetReady(false)
	log.Info("shutting down: draining requests (signal again to exit at once)", "timeout", drainTimeout)
	dctx, cancel := context.WithTimeout(context.Background(), drainTimeout)
	defer cancel()
	if err := hs.Shutdown(dctx); err != nil {
		log.Warn("drain incomplete; closing connections", "err", err)
		hs.Close()
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Warn("serve", "err", err)
	}
	closeIndex = false
	if err := idx.Close(); err != nil {
		return fmt.Errorf("close index: %w", err)
	}
	log.Info("stopped cleanly")
	return nil
}

// envInt reads a whole number from the environment; a value that does not
// parse is an error, not silently the default.
func envInt(e *env, k string, def int64) (int64, error) {
	s := e.getenv(k)
	if s == "" {
		return def, nil
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%w: %s=%q is not a whole number", errUsage, k, s)
	}
	return v, nil
}

func envFloat(e *env, k string, def float64) (float64, error) {
	s := e.getenv(k)
	if s == "" {
		return def, nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, fmt.Errorf("%w: %s=%q is not a number", errUsage, k, s)
	}
	return v, nil
}
