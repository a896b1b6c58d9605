// Package web serves Jiyao's Chinese-language web pages: the search page at
// /, meeting pages, the decisions page ("哪次会议批准了…?") and the pages of
// officials and departments. Pages are rendered on the server with
// html/template from the index, so they work without scripts; a small
// embedded script only adds typeahead. Templates, styles and scripts are
// embedded in the binary: the pages never reach for the network.
//
// The Handler is meant to be mounted as server.Options.Pages, next to the
// JSON API (whose /api/v1/suggest and /api/v1/meetings/{id}/source it links
// to). It is not a public API.
package web
