package server

import (
	"bytes"
	"fmt"
	"net/url"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestOpenAPIRoutes checks that the OpenAPI document describes exactly the
// routes the server has, with every path parameter.
func TestOpenAPIRoutes(t *testing.T) {
	f := newFixture(t, Options{}, 0)
	doc := openAPIDoc(t, f)
	var routes, described []string
	for _, r := range f.srv.engine.Routes() {
		routes = append(routes, r.Method+" "+oaPath(r.Path))
	}
	paths := doc["paths"].(map[string]any)
	for p, ops := range paths {
		for m, op := range ops.(map[string]any) {
			described = append(described, strings.ToUpper(m)+" "+p)
			for _, name := range pathParams(p) {
				if !hasParam(op, name, "path") {
					t.Errorf("%s %s does not declare the path parameter %s", m, p, name)
				}
			}
		}
	}
	sort.Strings(routes)
	sort.Strings(described)
	if diff := cmp.Diff(routes, described); diff != "" {
		t.Errorf("routes (-) and OpenAPI operations (+) differ:\n%s", diff)
	}
}

func pathParams(p string) []string {
	var out []string
	for _, seg := range strings.Split(p, "/") {
		if strings.HasPrefix(seg, "{") {
			out = append(out, strings.Trim(seg, "{}"))
		}
	}
	return out
}

func hasParam(op any, name, in string) bool {
	ps, _ := op.(map[string]any)["parameters"].([]any)
	for _, p := range ps {
		pm := p.(map[string]any)
		if pm["name"] == name && pm["in"] == in {
			return true
		}
	}
	return false
}

func openAPIDoc(t *testing.T, f *fixture) map[string]any {
	t.Helper()
	r := f.get("/api/v1/openapi.json")
	if r.status != 200 {
		t.Fatalf("openapi.json: %d", r.status)
	}
	doc, ok := r.json.(map[string]any)
	if !ok || doc["openapi"] != "3.0.3" {
		t.Fatalf("not an OpenAPI 3 document: %.200s", r.body)
	}
	return doc
}

// TestOpenAPIShapes checks real answers of every JSON operation, and errors,
// against the schemas the document gives for them; query parameters used
// must be declared.
func TestOpenAPIShapes(t *testing.T) {
	f := newFixture(t, Options{Token: testToken}, 3)
	doc := openAPIDoc(t, f)
	auth := []string{"Authorization", "Bearer " + testToken}
	ct, upload := multipartBody(t, map[string][]byte{"x.txt": readSeed(t)})
	esc := url.QueryEscape
	tests := []struct {
		method, target, path string
		body                 []byte
		header               []string
		status               int
	}{
		{"GET", "/api/v1/search?q=" + esc("氢能") + "&facets=issuer,year&highlight=1&level=item", "/api/v1/search", nil, nil, 200},
		{"GET", "/api/v1/search?q=" + esc("防汛") + "&level=decision&size=1", "/api/v1/search", nil, nil, 200},
		{"GET", "/api/v1/search?from=2020-13", "/api/v1/search", nil, nil, 400},
		{"POST", "/api/v1/search", "/api/v1/search", []byte(`{"q":"数字经济","filters":{"issuer":["杭州市人民政府"]},"size":1}`), []string{"Content-Type", "application/json"}, 200},
		{"POST", "/api/v1/search", "/api/v1/search", []byte(`{"q":"数字经济"}`), []string{"Content-Type", "text/plain"}, 415},
		{"POST", "/api/v1/search", "/api/v1/search", []byte(`{"q":"数字经济"}{}`), []string{"Content-Type", "application/json"}, 400},
		{"GET", "/api/v1/meetings/" + f.seedID, "/api/v1/meetings/{id}", nil, nil, 200},
		{"GET", "/api/v1/meetings/" + f.seedID + "?text_from=100", "/api/v1/meetings/{id}", nil, nil, 200},
		{"GET", "/api/v1/meetings/0123456789abcdef", "/api/v1/meetings/{id}", nil, nil, 404},
		{"GET", "/api/v1/decisions?q=" + esc("氢能"), "/api/v1/decisions", nil, nil, 200},
		{"GET", "/api/v1/decisions?plan=" + esc("杭州市数字经济促进条例"), "/api/v1/decisions", nil, nil, 200},
		{"GET", "/api/v1/officials?prefix=" + esc("刘"), "/api/v1/officials", nil, nil, 200},
		{"GET", "/api/v1/officials/" + url.PathEscape("刘忻") + "?size=1", "/api/v1/officials/{name}", nil, nil, 200},
		{"GET", "/api/v1/departments?prefix=" + esc("市"), "/api/v1/departments", nil, nil, 200},
		{"GET", "/api/v1/departments/" + url.PathEscape("市经信局"), "/api/v1/departments/{name}", nil, nil, 200},
		{"GET", "/api/v1/topics?level=item", "/api/v1/topics", nil, nil, 200},
		{"GET", "/api/v1/suggest?q=" + esc("杭州"), "/api/v1/suggest", nil, nil, 200},
		{"GET", "/api/v1/stats", "/api/v1/stats", nil, nil, 200},
		{"GET", "/api/v1/healthz", "/api/v1/healthz", nil, nil, 200},
		{"GET", "/api/v1/readyz", "/api/v1/readyz", nil, nil, 200},
		{"GET", "/healthz", "/healthz", nil, nil, 200},
		{"GET", "/readyz", "/readyz", nil, nil, 200},
		{"POST", "/api/v1/documents", "/api/v1/documents", upload.Bytes(), append(auth, "Content-Type", ct), 200},
		{"POST", "/api/v1/documents?name=x.txt", "/api/v1/documents", []byte("x"), nil, 401},
		{"DELETE", "/api/v1/meetings/aaaa000000000001", "/api/v1/meetings/{id}", nil, auth, 200},
	}
	covered := map[string]bool{}
	for _, tt := range tests {
		r := f.do(tt.method, tt.target, bytes.NewReader(tt.body), tt.header...)
		name := tt.method + " " + tt.target
		if r.status != tt.status {
			t.Errorf("%s: status %d, want %d: %.300s", name, r.status, tt.status, r.body)
			continue
		}
		op, ok := doc["paths"].(map[string]any)[tt.path].(map[string]any)[strings.ToLower(tt.method)].(map[string]any)
		if !ok {
			t.Errorf("%s: no operation %s %s", name, tt.method, tt.path)
			continue
		}
		u, _ := url.Parse(tt.target)
		for q := range u.Query() {
			if !hasParam(op, q, "query") {
				t.Errorf("%s: query parameter %s is not declared", name, q)
			}
		}
		resp, ok := op["responses"].(map[string]any)[fmt.Sprint(tt.status)].(map[string]any)
		if !ok {
			t.Errorf("%s: status %d is not among the operation's responses", name, tt.status)
			continue
		}
		sch := resp["content"].(map[string]any)["application/json"].(map[string]any)["schema"]
		for _, e := range validate(doc, sch, r.json, "$") {
			t.Errorf("%s: %s", name, e)
		}
		if tt.status == 200 {
			covered[tt.method+" "+tt.path] = true
		}
	}
	// Every operation answering JSON is checked.
	for p, ops := range doc["paths"].(map[string]any) {
		for m, op := range ops.(map[string]any) {
			ok200, _ := op.(map[string]any)["responses"].(map[string]any)["200"].(map[string]any)
			c, _ := ok200["content"].(map[string]any)
			j, _ := c["application/json"].(map[string]any)
			sch, _ := j["schema"].(map[string]any)
			if _, isRef := sch["$ref"]; isRef && !covered[strings.ToUpper(m)+" "+p] {
				t.Errorf("no test answer checks %s %s", strings.ToUpper(m), p)
			}
		}
	}
}

// validate checks v against a schema of the subset the generator writes:
// $ref, allOf, nullable, type, properties, required, additionalProperties,
// items.
func validate(doc map[string]any, schema any, v any, at string) []string {
	s, _ := schema.(map[string]any)
	if ref, ok := s["$ref"].(string); ok {
		name := strings.TrimPrefix(ref, "#/components/schemas/")
		target, ok := doc["components"].(map[string]any)["schemas"].(map[string]any)[name]
		if !ok {
			return []string{at + ": unresolved " + ref}
		}
		return validate(doc, target, v, at)
	}
	if v == nil && s["nullable"] == true {
		return nil
	}
	if all, ok := s["allOf"].([]any); ok {
		var errs []string
		for _, sub := range all {
			errs = append(errs, validate(doc, sub, v, at)...)
		}
		return errs
	}
	var errs []string
	bad := func(format string, args ...any) { errs = append(errs, at+": "+fmt.Sprintf(format, args...)) }
	switch s["type"] {
	case "object":
		m, ok := v.(map[string]any)
		if !ok {
			bad("got %T, want an object", v)
			return errs
		}
		props, _ := s["properties"].(map[string]any)
		req, _ := s["required"].([]any)
		for _, r := range req {
			if _, ok := m[r.(string)]; !ok {
				bad("required property %s missing", r)
			}
		}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			if ps, ok := props[k]; ok {
				errs = append(errs, validate(doc, ps, m[k], at+"."+k)...)
				continue
			}
			switch ap := s["additionalProperties"].(type) {
			case bool:
				if !ap {
					bad("property %s is not in the schema", k)
				}
			case map[string]any:
				errs = append(errs, validate(doc, ap, m[k], at+"."+k)...)
			}
		}
	case "array":
		a, ok := v.([]any)
		if !ok {
			bad("got %T, want an array", v)
			return errs
		}
		for i, x := range a {
			errs = append(errs, validate(doc, s["items"], x, fmt.Sprintf("%s[%d]", at, i))...)
		}
	case "string":
		if _, ok := v.(string); !ok {
			bad("got %T, want a string", v)
		}
	case "integer":
		if n, ok := v.(float64); !ok || n != float64(int64(n)) {
			bad("got %v, want an integer", v)
		}
	case "number":
		if _, ok := v.(float64); !ok {
			bad("got %T, want a number", v)
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			bad("got %T, want a boolean", v)
		}
	}
	return errs
}

// TestValidate makes sure the checker above can fail.
func TestValidate(t *testing.T) {
	f := newFixture(t, Options{}, 0)
	doc := openAPIDoc(t, f)
	sch := map[string]any{"$ref": "#/components/schemas/HealthResponse"}
	for _, tt := range []struct {
		v    any
		errs int
	}{
		{map[string]any{"status": "ok"}, 0},
		{map[string]any{"status": "ok", "meetings": 3.0}, 0},
		{map[string]any{"status": "ok", "extra": 1.0}, 1},
		{map[string]any{"meetings": 1.5}, 2},
		{[]any{}, 1},
	} {
		if errs := validate(doc, sch, tt.v, "$"); len(errs) != tt.errs {
			t.Errorf("validate(%v) = %q, want %d errors", tt.v, errs, tt.errs)
		}
	}
}
