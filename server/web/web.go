package web

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jiyao-search/jiyao/index"
	"github.com/jiyao-search/jiyao/internal/sample"
	"github.com/jiyao-search/jiyao/query"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// DefaultAPIPrefix is where the pages expect the JSON API.
const DefaultAPIPrefix = "/api/v1"

// Options configure a Handler.
type Options struct {
	// Logger receives errors; nil discards them.
	Logger *slog.Logger
	// APIPrefix is the path of the JSON API, for the typeahead and the
	// download links; default DefaultAPIPrefix.
	APIPrefix string
}

// Handler serves the web pages. It is an http.Handler.
type Handler struct {
	idx *index.Index
	// parser reads queries with the index's fields, for what a page
	// reads of a query itself (the words a meeting's page marks).
	parser *query.Parser
	opts   Options
	log    *slog.Logger
	pages  map[string]*template.Template
	mux    *http.ServeMux
}

// page names, one template each (with the layout).
var pageNames = []string{"search", "meeting", "decisions", "official", "department", "error"}

// New returns a Handler over idx.
func New(idx *index.Index, opts Options) (*Handler, error) {
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.APIPrefix == "" {
		opts.APIPrefix = DefaultAPIPrefix
	}
	h := &Handler{idx: idx, parser: index.QueryParser(), opts: opts, log: opts.Logger, pages: map[string]*template.Template{}}
	base, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/parts.html")
	if err != nil {
		return nil, fmt.Errorf("web: parse layout: %w", err)
	}
	for _, name := range pageNames {
		t, err := template.Must(base.Clone()).ParseFS(templateFS, "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("web: parse %s: %w", name, err)
		}
		h.pages[name] = t
	}
	static, _ := fs.Sub(staticFS, "static")
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", h.search)
	mux.HandleFunc("GET /meetings/{id}", h.meeting)
	mux.HandleFunc("GET /decisions", h.decisions)
	mux.HandleFunc("GET /officials/{name}", h.official)
	mux.HandleFunc("GET /departments/{name}", h.department)
	mux.Handle("GET /static/", http.StripPrefix("/static/", h.staticHandler(static)))
	mux.HandleFunc("/", h.notFound)
	h.mux = mux
	return h, nil
}

// ServeHTTP serves a page.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
	w.Header().Set("Referrer-Policy", "same-origin")
	h.mux.ServeHTTP(w, r)
}

// staticHandler serves the embedded assets; they change only with the
// binary, which sets the version in their URLs. An asset that does not
// exist is the site's 404 page, not the file server's plain text (nor its
// 500 for a name fs.FS refuses).
func (h *Handler) staticHandler(static fs.FS) http.Handler {
	files := http.FileServerFS(static)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if name := r.URL.Path; name != "" {
			if _, err := fs.Stat(static, name); err != nil {
				h.notFound(w, r)
				return
			}
		}
		w.Header().Set("Cache-Control", "public, max-age=86400")
		files.ServeHTTP(w, r)
	})
}

// layout is what every page passes to the layout template.
type layout struct {
	Title string
	// Q fills the search box of the header.
	Q         string
	APIPrefix string
	// Nav marks the current section: search, decisions.
	Nav string
	// Sample says the index holds the embedded sample, which every page
	// then says in a banner: the seed document is real, the rest invented.
	Sample bool
}

// render writes a page with status. The status is always written
// explicitly: under gin's NoRoute the default would be 404.
func (h *Handler) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	var buf bytes.Buffer
	if err := h.pages[name].ExecuteTemplate(&buf, "layout.html", data); err != nil {
		h.log.Error("render page", "page", name, "path", r.URL.Path, "err", err)
		http.Error(w, "内部错误", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// errorPage is the data of the error page.
type errorPage struct {
	layout
	Status  int
	Heading string
	Message string
	// Detail is the technical reason, shown small.
	Detail string
}

// pageError is an error a page shows to the reader.
type pageError struct {
	Status  int
	Heading string
	Message string
	Detail  string
}

func (e *pageError) Error() string { return e.Message + ": " + e.Detail }

// badRequest is a 400 about one parameter.
func badRequest(param, format string, args ...any) *pageError {
	return &pageError{Status: http.StatusBadRequest, Heading: "请求参数有误",
		Message: fmt.Sprintf("参数“%s”的值无法识别，请检查链接或重新搜索。", paramLabel(param)),
		Detail:  fmt.Sprintf(format, args...)}
}

// paramLabel names a parameter for people.
func paramLabel(p string) string {
	if l, ok := paramLabels[p]; ok {
		return l + "（" + p + "）"
	}
	return p
}

// paramLabels are the labels of the parameters: the filters' from
// index.FacetDefs.
var paramLabels = func() map[string]string {
	m := map[string]string{
		"q": "检索式", "from": "起始日期", "to": "截止日期", "level": "层级", "sort": "排序",
		"page": "页码", "role": "角色", "id": "编号", "size": "每页条数", "plan": "文件标题",
	}
	for _, sb := range sidebar {
		m[sb.Name] = sb.Label
	}
	return m
}()

// fail shows err as an error page: a *pageError as it says, a bad query
// from the index as 400, a missing record as 404, anything else as 500.
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	var pe *pageError
	var qe *index.QueryError
	switch {
	case errors.As(err, &pe):
	case errors.As(err, &qe):
		pe = badRequest(qe.Param, "%s", qe.Msg)
		if qe.Param == "q" {
			pe.Message = "检索式无法解析，请检查引号、括号和 OR 的用法。"
		}
	case errors.Is(err, index.ErrNotFound):
		pe = &pageError{Status: http.StatusNotFound, Heading: "未找到", Message: "没有找到这份会议纪要，它可能已被删除。"}
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		pe = &pageError{Status: http.StatusServiceUnavailable, Heading: "检索超时", Message: "检索用时过长，请缩小范围后重试。"}
	default:
		h.log.Error("page failed", "path", r.URL.Path, "err", err)
		pe = &pageError{Status: http.StatusInternalServerError, Heading: "内部错误", Message: "服务器处理请求时出错，请稍后重试。"}
	}
	// A 400 keeps the search box and what was typed in it, to correct.
	q := ""
	if pe.Status == http.StatusBadRequest {
		if q = r.URL.Query().Get("q"); utf8.RuneCountInString(q) > maxQueryLen {
			q = string([]rune(q)[:maxQueryLen])
		}
	}
	h.render(w, r, pe.Status, "error", errorPage{
		layout: h.layout(r.Context(), pe.Heading, q, ""), Status: pe.Status, Heading: pe.Heading, Message: pe.Message, Detail: pe.Detail,
	})
}

func (h *Handler) notFound(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		h.fail(w, r, &pageError{Status: http.StatusMethodNotAllowed, Heading: "不支持的请求方法", Message: "页面只支持 GET 请求。"})
		return
	}
	h.fail(w, r, &pageError{Status: http.StatusNotFound, Heading: "页面不存在", Message: "没有这个页面。可以从首页重新搜索。"})
}

func (h *Handler) layout(ctx context.Context, title, q, nav string) layout {
	l := layout{Title: title, Q: q, APIPrefix: h.opts.APIPrefix, Nav: nav}
	if has, err := h.idx.HasMeetingsFromPrefix(ctx, sample.Prefix); err == nil {
		l.Sample = has
	}
	return l
}

// Limits of page parameters.
const (
	maxQueryLen = 500
	maxValueLen = 200
	maxValues   = 20
)

var meetingIDRe = regexp.MustCompile(`^[0-9a-f]{16}$`)

// pathName reads and validates the name in the path of an official's or a
// department's page (param says which), a page that takes no parameters.
func pathName(r *http.Request, param string) (string, error) {
	s := strings.TrimSpace(r.PathValue("name"))
	if s == "" || len(s) > maxValueLen || strings.ContainsAny(s, "\x00\n\r") {
		return "", badRequest(param, "name %q is empty, too long or has control characters", s)
	}
	if len(r.URL.Query()) > 0 {
		return "", badRequest("q", "this page takes no parameters")
	}
	return s, nil
}

// timeout bounds the index calls of one page.
const timeout = 20 * time.Second

var funcs = template.FuncMap{
	"add": func(a, b int) int { return a + b },
}
