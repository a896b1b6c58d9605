package server

import (
	"encoding/json"
	"maps"
	"net/http"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
)

// openAPIVersion is the version of this API's contract, which changes only
// by additions within /api/v1.
const openAPIVersion = "1.0.0"

// openAPI builds the OpenAPI 3 description of the routes: parameters from
// the route table, response schemas from the Go types the handlers encode.
func (s *Server) openAPI() map[string]any {
	g := &schemaGen{schemas: map[string]any{}}
	g.schemas["Error"] = g.schema(reflect.TypeOf(errBody{}))
	paths := map[string]any{}
	for _, rt := range s.routes {
		p := oaPath(rt.path)
		ops, _ := paths[p].(map[string]any)
		if ops == nil {
			ops = map[string]any{}
			paths[p] = ops
		}
		ops[strings.ToLower(rt.method)] = g.operation(rt)
	}
	return map[string]any{
		"openapi": "3.0.3",
		"info": map[string]any{
			"title":   "Jiyao API",
			"version": openAPIVersion,
			"description": "Full-text search over Chinese government meeting minutes (会议纪要). " +
				"Every error has the shape {\"error\": {\"code\", \"message\", \"param\"}}. " +
				"Results carry index_version, which names the index contents, so that a result set can be cited and reproduced.",
		},
		"paths": paths,
		"components": map[string]any{
			"schemas": g.schemas,
			"securitySchemes": map[string]any{
				"bearer": map[string]any{"type": "http", "scheme": "bearer"},
			},
		},
	}
}

var ginParamRE = regexp.MustCompile(`:([A-Za-z_]+)`)

// oaPath turns a gin path into an OpenAPI one: /meetings/:id → /meetings/{id}.
func oaPath(p string) string { return ginParamRE.ReplaceAllString(p, "{$1}") }

func (g *schemaGen) operation(rt route) map[string]any {
	d := rt.doc
	op := map[string]any{"operationId": d.id, "summary": d.summary, "tags": []string{d.tag}}
	var params []any
	for _, p := range d.params {
		sch := map[string]any{"type": p.typ}
		if len(p.enum) > 0 {
			sch["enum"] = p.enum
		}
		if p.list {
			sch = map[string]any{"type": "array", "items": sch}
		}
		pm := map[string]any{"name": p.name, "in": p.in, "description": p.desc, "schema": sch}
		if p.in == "path" {
			pm["required"] = true
		}
		if p.list {
			pm["style"], pm["explode"] = "form", true
		}
		params = append(params, pm)
	}
	if params != nil {
		op["parameters"] = params
	}
	switch b := d.body.(type) {
	case nil:
	case string:
		op["requestBody"] = map[string]any{"required": true, "content": map[string]any{
			b: map[string]any{"schema": map[string]any{"type": "object", "properties": map[string]any{
				"file": map[string]any{"type": "array", "items": map[string]any{"type": "string", "format": "binary"}},
			}}},
			"application/octet-stream": map[string]any{"schema": map[string]any{"type": "string", "format": "binary"}},
		}}
	default:
		op["requestBody"] = map[string]any{"required": true, "content": map[string]any{
			"application/json": map[string]any{"schema": g.schema(reflect.TypeOf(b))},
		}}
	}
	ok := map[string]any{"description": "OK"}
	switch {
	case d.resp != nil:
		ok["content"] = map[string]any{"application/json": map[string]any{"schema": g.schema(reflect.TypeOf(d.resp))}}
	case d.contentType != "":
		ok["content"] = map[string]any{d.contentType: map[string]any{"schema": map[string]any{"type": "string"}}}
	}
	resps := map[string]any{"200": ok}
	for _, code := range append(d.errors, http.StatusInternalServerError) {
		resps[strconv.Itoa(code)] = map[string]any{
			"description": http.StatusText(code),
			"content":     map[string]any{"application/json": map[string]any{"schema": ref("Error")}},
		}
	}
	op["responses"] = resps
	if d.auth {
		op["security"] = []any{map[string]any{"bearer": []string{}}}
	}
	return op
}

func ref(name string) map[string]any { return map[string]any{"$ref": "#/components/schemas/" + name} }

// schemaGen makes JSON schemas of Go types as encoding/json writes them,
// named structs as components.
type schemaGen struct{ schemas map[string]any }

func (g *schemaGen) schema(t reflect.Type) map[string]any {
	switch t.Kind() {
	case reflect.Pointer:
		return g.schema(t.Elem())
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Slice, reflect.Array:
		return map[string]any{"type": "array", "items": g.schema(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": g.schema(t.Elem())}
	case reflect.Struct:
		name := schemaName(t)
		if _, ok := g.schemas[name]; !ok {
			g.schemas[name] = nil // placeholder against recursion
			o := t
			if j, ok := reflect.Zero(t).Interface().(interface{ jsonType() reflect.Type }); ok {
				// A type read and written as another (FiltersBody).
				o = j.jsonType()
			}
			g.schemas[name] = g.object(o)
		}
		return ref(name)
	}
	return map[string]any{}
}

func (g *schemaGen) object(t reflect.Type) map[string]any {
	props := map[string]any{}
	var required []string
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if f.Anonymous && tag == "" && f.Type.Kind() == reflect.Struct {
			// An embedded struct's fields are the object's own, as
			// encoding/json writes them.
			emb := g.object(f.Type)
			maps.Copy(props, emb["properties"].(map[string]any))
			if r, ok := emb["required"].([]string); ok {
				required = append(required, r...)
			}
			continue
		}
		if !f.IsExported() || tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = f.Name
		}
		sch := g.schema(f.Type)
		if !strings.Contains(opts, "omitempty") {
			required = append(required, name)
			// A nil slice, map or pointer is written as null.
			switch f.Type.Kind() {
			case reflect.Slice, reflect.Map, reflect.Pointer:
				if _, isRef := sch["$ref"]; isRef {
					sch = map[string]any{"allOf": []any{sch}, "nullable": true}
				} else {
					sch["nullable"] = true
				}
			}
		}
		props[name] = sch
	}
	o := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		o["required"] = required
	}
	return o
}

// schemaName names a struct's schema: the type name, prefixed by its
// package when it is not this one (IngestMinutes).
func schemaName(t reflect.Type) string {
	pkg := t.PkgPath()
	if pkg == reflect.TypeOf(Server{}).PkgPath() {
		return t.Name()
	}
	p := pkg[strings.LastIndexByte(pkg, '/')+1:]
	return strings.ToUpper(p[:1]) + p[1:] + t.Name()
}

func (s *Server) getOpenAPI(c *gin.Context) error {
	b, err := json.MarshalIndent(s.openAPI(), "", "  ")
	if err != nil {
		return err
	}
	c.Data(http.StatusOK, "application/json; charset=utf-8", b)
	return nil
}
