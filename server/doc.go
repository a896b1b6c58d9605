// Package server is Jiyao's HTTP API: it translates requests under /api/v1
// into index calls and the results back into JSON (and CSV, JSON Lines and
// Atom for exports and feeds), with one error shape, limits, rate limiting,
// access logs and Prometheus metrics. It exports a plain http.Handler; gin
// stays inside.
//
// The API contract is described by the OpenAPI document it serves at
// /api/v1/openapi.json and by docs/api.md. The Go package itself is not a
// public API.
package server
