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

// runServe serves the API and the web pages over the index until ctx
// ends, then drains the requests and closes the index.
func runServe(ctx context.Context, e *env, args []string) error {
	cfg, err := readServeFlags(e, args)
	if err != nil {
		return err
	}
	log := cfg.log
	idx, err := openIndex("serve", cfg.dir, index.Options{Logger: log})
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
	st, err := statsWithSample(ctx, idx, cfg)
	if err != nil {
		return err
	}
	if cfg.token == "" {
		log.Info("no JIYAO_TOKEN: uploads and deletes are disabled")
	}
	pages, err := web.New(idx, web.Options{Logger: log, APIPrefix: server.APIPrefix})
	if err != nil {
		return err
	}
	srv, err := server.New(idx, server.Options{
		Logger: log, Token: cfg.token, Pages: pages, MaxUploadBytes: cfg.maxUpload, RateLimit: cfg.rate, BaseURL: cfg.baseURL,
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return err
	}
	if err := idx.Serving(ln.Addr().String()); err != nil {
		log.Warn("the index's lock file does not name this server", "err", err)
	}
	log.Info("listening", "addr", ln.Addr().String(), "index", cfg.dir, "meetings", st.Meetings, "url", "http://"+ln.Addr().String()+"/")
	if err := serveUntilDone(ctx, srv, srv.HTTPServer(cfg.addr), ln, log); err != nil {
		return err
	}
	closeIndex = false
	if err := idx.Close(); err != nil {
		return fmt.Errorf("close index: %w", err)
	}
	log.Info("stopped cleanly")
	return nil
}

// serveConfig is what jiyao serve is asked for, by its flags and the
// environment.
type serveConfig struct {
	dir, addr, baseURL string
	token              string
	noSample           bool
	rate               float64
	maxUpload          int64
	log                *slog.Logger
}

// readServeFlags reads jiyao serve's flags, their defaults from the
// environment, and the token.
func readServeFlags(e *env, args []string) (*serveConfig, error) {
	fs := newFlagSet(e, "serve", "")
	dir := indexFlag(e, fs)
	addr := fs.String("addr", envOr(e, "JIYAO_ADDR", defaultAddr), "address to listen on (env JIYAO_ADDR)")
	tokenFile := fs.String("token-file", e.getenv("JIYAO_TOKEN_FILE"), "file holding the bearer token for writes (env JIYAO_TOKEN_FILE; or set JIYAO_TOKEN)")
	noSample := fs.Bool("no-sample", envOr(e, "JIYAO_NO_SAMPLE", "") != "", "do not load the embedded sample into an empty index (env JIYAO_NO_SAMPLE)")
	defRate, err := envFloat(e, "JIYAO_RATE_LIMIT", server.DefaultRateLimit)
	if err != nil {
		return nil, err
	}
	defUpload, err := envInt(e, "JIYAO_MAX_UPLOAD", server.DefaultMaxUploadBytes)
	if err != nil {
		return nil, err
	}
	rate := fs.Float64("rate", defRate, "requests per second allowed per client address, <0 for no limit (env JIYAO_RATE_LIMIT)")
	maxUpload := fs.Int64("max-upload", defUpload, "largest upload request in bytes (env JIYAO_MAX_UPLOAD)")
	baseURL := fs.String("base-url", e.getenv("JIYAO_BASE_URL"), "public URL of the server, for links in feeds (env JIYAO_BASE_URL)")
	logFormat := fs.String("log", envOr(e, "JIYAO_LOG", "text"), "log format: text or json (env JIYAO_LOG)")
	if err := parseFlags(fs, args); err != nil {
		return nil, err
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return nil, fmt.Errorf("%w: serve takes no arguments", errUsage)
	}
	cfg := &serveConfig{dir: *dir, addr: *addr, baseURL: *baseURL, noSample: *noSample, rate: *rate, maxUpload: *maxUpload}
	switch *logFormat {
	case "text":
		cfg.log = slog.New(slog.NewTextHandler(e.stderr, nil))
	case "json":
		cfg.log = slog.New(slog.NewJSONHandler(e.stderr, nil))
	default:
		return nil, fmt.Errorf("%w: --log %q is not text or json", errUsage, *logFormat)
	}
	if cfg.token, err = readToken(e, *tokenFile); err != nil {
		return nil, err
	}
	return cfg, nil
}

// statsWithSample returns the index's stats, after loading the embedded
// sample into it if it is empty (unless --no-sample).
func statsWithSample(ctx context.Context, idx *index.Index, cfg *serveConfig) (index.Stats, error) {
	st, err := idx.Stats(ctx)
	if err != nil || st.Meetings > 0 || cfg.noSample {
		return st, err
	}
	sum, err := idx.Load(ctx, sampleSources(), index.LoadOptions{})
	if err != nil {
		return st, fmt.Errorf("load the sample: %w", err)
	}
	cfg.log.Info("the index was empty: loaded the sample corpus embedded in the binary",
		"dir", cfg.dir, "added", sum.Added, "failed", sum.Failed, "took", sum.Elapsed.Round(time.Millisecond))
	return idx.Stats(ctx)
}

// serveUntilDone serves hs on ln until ctx ends, then drains the requests
// in flight. The error is the server's, if it stopped before ctx ended.
func serveUntilDone(ctx context.Context, srv *server.Server, hs *http.Server, ln net.Listener, log *slog.Logger) error {
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	// First signal: stop accepting and drain (runServe then closes the
	// index). A second one exits at once (main sees to it).
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
