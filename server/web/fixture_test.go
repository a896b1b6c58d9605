package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"golang.org/x/net/html"

	"github.com/jiyao-search/jiyao/index"
	"github.com/jiyao-search/jiyao/internal/sample"
)

// The sample index is loaded once and only read by the tests.
var (
	sampleOnce sync.Once
	sampleIdx  *index.Index
	sampleErr  error
)

// sampleIndex is an in-memory index of the embedded sample corpus.
func sampleIndex(t testing.TB) *index.Index {
	t.Helper()
	sampleOnce.Do(func() {
		sampleIdx, sampleErr = loadSample(context.Background())
	})
	if sampleErr != nil {
		t.Fatalf("load sample: %v", sampleErr)
	}
	return sampleIdx
}

func loadSample(ctx context.Context) (*index.Index, error) {
	idx, err := index.OpenMem()
	if err != nil {
		return nil, err
	}
	var srcs []index.Source
	for _, f := range sample.Files() {
		srcs = append(srcs, index.BytesSource(f.Name, f.Data))
	}
	sum, err := idx.Load(ctx, srcs, index.LoadOptions{})
	if err != nil {
		return nil, err
	}
	if sum.Failed > 0 {
		for _, o := range sum.Outcomes {
			if o.Err != nil {
				return nil, o.Err
			}
		}
	}
	return idx, nil
}

func newHandler(t testing.TB, idx *index.Index) *Handler {
	t.Helper()
	h, err := New(idx, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// get requests path from h and parses the page.
func get(t testing.TB, h http.Handler, path string) (*httptest.ResponseRecorder, *html.Node) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		return rec, nil
	}
	doc, err := html.Parse(strings.NewReader(rec.Body.String()))
	if err != nil {
		t.Fatalf("GET %s: parse HTML: %v", path, err)
	}
	return rec, doc
}

// find returns the elements matching a small selector: a tag name,
// optionally with .class or #id, or [attr] / [attr=value].
func find(n *html.Node, sel string) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && matches(n, sel) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func matches(n *html.Node, sel string) bool {
	tag, rest := sel, ""
	if i := strings.IndexAny(sel, ".#["); i >= 0 {
		tag, rest = sel[:i], sel[i:]
	}
	if tag != "" && n.Data != tag {
		return false
	}
	switch {
	case rest == "":
		return true
	case rest[0] == '.':
		return hasClass(n, rest[1:])
	case rest[0] == '#':
		return attr(n, "id") == rest[1:]
	case rest[0] == '[':
		k, v, hasV := strings.Cut(strings.Trim(rest, "[]"), "=")
		for _, a := range n.Attr {
			if a.Key == k && (!hasV || a.Val == v) {
				return true
			}
		}
	}
	return false
}

func hasClass(n *html.Node, c string) bool {
	for _, f := range strings.Fields(attr(n, "class")) {
		if f == c {
			return true
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// text is the text content of n, spaces collapsed.
func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func texts(ns []*html.Node) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = text(n)
	}
	return out
}
