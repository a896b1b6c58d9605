package server

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"runtime"
	"strings"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/jiyao-search/jiyao/index"
	"github.com/jiyao-search/jiyao/ingest"
)

// Defaults of Options.
const (
	DefaultRequestTimeout = 30 * time.Second
	DefaultMaxUploadBytes = 32 << 20
	DefaultRateLimit      = 20 // requests per second per client address
	DefaultRateBurst      = 60
	// DefaultMaxInFlight is the requests served at once per CPU: enough
	// to keep the CPUs busy while requests wait on disk, few enough that a
	// flood queues briefly and is refused instead of making every
	// request slow.
	DefaultMaxInFlight = 4
	DefaultQueueWait   = time.Second
	// maxBodyBytes bounds the body of requests other than uploads.
	maxBodyBytes = 64 << 10
)

// Timeouts of the http.Server built by HTTPServer. The write timeout is
// longer than the request timeout so that an error can still be written;
// exports extend it per page.
const (
	ReadHeaderTimeout = 10 * time.Second
	ReadTimeout       = 2 * time.Minute // uploads
	WriteTimeout      = DefaultRequestTimeout + 15*time.Second
	IdleTimeout       = 2 * time.Minute
)

// APIPrefix is the path every API endpoint is under.
const APIPrefix = "/api/v1"

// Options configure a Server. The zero value serves a read-only API with
// the defaults above.
type Options struct {
	// Logger receives the access log and errors; nil discards them.
	Logger *slog.Logger
	// Token is the bearer token that POST /documents and DELETE
	// /meetings/{id} require. Empty disables writes (403).
	Token string
	// Extractor turns uploads into records; nil uses the default tables.
	Extractor *ingest.Extractor
	// Pages, if set, serves every path that is not an API endpoint, a
	// probe or /metrics (the web pages).
	Pages http.Handler
	// MaxUploadBytes bounds the body of one upload request.
	MaxUploadBytes int64
	// RequestTimeout bounds the time of one request (exports excepted).
	RequestTimeout time.Duration
	// RateLimit is the sustained requests per second allowed per client
	// address, RateBurst the bucket size; a negative RateLimit disables
	// rate limiting.
	RateLimit float64
	RateBurst int
	// BaseURL is the public scheme and host (https://jiyao.example.org)
	// used for links in feeds; empty takes them from the request.
	BaseURL string
	// LoadWorkers is the number of uploads extracted in parallel; 0 lets
	// the index choose.
	LoadWorkers int
	// MaxInFlight bounds the requests served at once (probes and metrics
	// aside); a request waits up to QueueWait for a slot and is then
	// answered 503 busy. 0 selects DefaultMaxInFlight per CPU, a negative
	// value no bound.
	MaxInFlight int
	QueueWait   time.Duration
}

// Server is the HTTP API over one index. It is an http.Handler.
type Server struct {
	idx     *index.Index
	opts    Options
	log     *slog.Logger
	ex      *ingest.Extractor
	engine  *gin.Engine
	ready   atomic.Bool
	metrics *metrics
	limiter *limiter
	// slots holds a token per request in flight (see inFlight).
	slots   chan struct{}
	routes  []route
	started time.Time
}

// New returns a Server over idx, ready to serve.
func New(idx *index.Index, opts Options) (*Server, error) {
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.MaxUploadBytes <= 0 {
		opts.MaxUploadBytes = DefaultMaxUploadBytes
	}
	if opts.RequestTimeout <= 0 {
		opts.RequestTimeout = DefaultRequestTimeout
	}
	if opts.RateLimit == 0 {
		opts.RateLimit = DefaultRateLimit
	}
	if opts.RateBurst <= 0 {
		opts.RateBurst = DefaultRateBurst
	}
	if opts.MaxInFlight == 0 {
		opts.MaxInFlight = DefaultMaxInFlight * runtime.GOMAXPROCS(0)
	}
	if opts.QueueWait <= 0 {
		opts.QueueWait = DefaultQueueWait
	}
	ex := opts.Extractor
	if ex == nil {
		var err error
		if ex, err = ingest.NewExtractor(ingest.Config{}); err != nil {
			return nil, err
		}
	}
	s := &Server{
		idx:     idx,
		opts:    opts,
		log:     opts.Logger,
		ex:      ex,
		metrics: newMetrics(),
		started: time.Now(),
	}
	if opts.RateLimit > 0 {
		s.limiter = newLimiter(opts.RateLimit, opts.RateBurst)
	}
	if opts.MaxInFlight > 0 {
		s.slots = make(chan struct{}, opts.MaxInFlight)
	}
	s.ready.Store(idx != nil)
	s.routes = s.routeTable()
	s.engine = s.buildEngine()
	return s, nil
}

// ServeHTTP serves the API.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.engine.ServeHTTP(w, r) }

// SetReady sets what /readyz answers; a server draining for shutdown
// reports not ready so that load balancers stop sending requests.
func (s *Server) SetReady(ready bool) { s.ready.Store(ready && s.idx != nil) }

// HTTPServer returns an http.Server for s on addr with the timeouts above.
func (s *Server) HTTPServer(addr string) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           s,
		ReadHeaderTimeout: ReadHeaderTimeout,
		ReadTimeout:       ReadTimeout,
		WriteTimeout:      WriteTimeout,
		IdleTimeout:       IdleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
}

// ReleaseMode puts gin in release mode, in which it prints no debug line
// for each engine and route built. gin's mode is process-wide, so the
// program chooses it, once, before it builds servers (cmd/jiyao's main
// does); the package leaves it as its importer set it.
func ReleaseMode() { gin.SetMode(gin.ReleaseMode) }

func (s *Server) buildEngine() *gin.Engine {
	e := gin.New()
	e.HandleMethodNotAllowed = true
	e.RedirectTrailingSlash = false
	e.RedirectFixedPath = false
	// The client address is the connection's; no proxy headers are
	// trusted unless a proxy is put in front and this is changed.
	_ = e.SetTrustedProxies(nil)
	e.Use(s.headers, s.requestID, s.accessLog, s.recover, s.cors, s.rateLimit, s.limits, s.inFlight)
	for _, rt := range s.routes {
		e.Handle(rt.method, rt.path, s.handle(rt.h))
	}
	e.NoMethod(func(c *gin.Context) {
		s.fail(c, &apiError{Status: http.StatusMethodNotAllowed, Code: "method_not_allowed", Message: "method " + c.Request.Method + " is not allowed here"})
	})
	e.NoRoute(func(c *gin.Context) {
		p := c.Request.URL.Path
		if !validPath(p) {
			s.fail(c, errBadPath)
			return
		}
		if s.opts.Pages != nil && p != APIPrefix && !strings.HasPrefix(p, APIPrefix+"/") {
			s.opts.Pages.ServeHTTP(c.Writer, c.Request)
			return
		}
		s.fail(c, errNoRoute)
	})
	return e
}

// validPath reports whether a request path (decoded) can name a page or a
// file: valid UTF-8, no control characters, no . or .. segment. The
// embedded file server answered a plain-text 500 to one that is not
// UTF-8 (fs.ErrInvalid), and the pages' router redirects a dot segment
// to a path the client did not ask for.
func validPath(p string) bool {
	if !utf8.ValidString(p) || strings.ContainsFunc(p, unicode.IsControl) {
		return false
	}
	for seg := range strings.SplitSeq(p, "/") {
		if seg == "." || seg == ".." {
			return false
		}
	}
	return true
}

// handlerFunc is an endpoint: it writes its answer or returns an error
// that the wrapper writes in the error shape.
type handlerFunc func(c *gin.Context) error

func (s *Server) handle(h handlerFunc) gin.HandlerFunc {
	return func(c *gin.Context) {
		if err := h(c); err != nil {
			if !clientGone(err) && errors.Is(c.Request.Context().Err(), context.Canceled) {
				// The client went away, which is why whatever failed
				// failed, in its own words.
				s.log.Debug("request failed after its client went away", "request_id", c.GetString(ctxRequestID), "err", err)
				err = errClientGone
			}
			s.fail(c, err)
		}
	}
}

// fail writes err in the error shape, unless the answer has started.
func (s *Server) fail(c *gin.Context, err error) {
	ae := toAPIError(err)
	if ae == errClientGone {
		c.Set(ctxClientGone, true)
	}
	if ae.Status >= 500 && ae != errNotReady && ae != errTimeout {
		s.log.Error("request failed", "method", c.Request.Method, "path", c.Request.URL.Path,
			"request_id", c.GetString(ctxRequestID), "err", err)
	}
	if c.Writer.Written() {
		c.Abort()
		return
	}
	if ae.Status == http.StatusUnauthorized {
		c.Header("WWW-Authenticate", `Bearer realm="jiyao"`)
	}
	c.Abort()
	writeJSON(c, ae.Status, errBody{Error: errDetail{Code: ae.Code, Message: ae.Message, Param: ae.Param}})
}
