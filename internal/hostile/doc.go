// Package hostile makes hostile inputs for Jiyao's decoders: PDFs whose
// page tree or cross-reference chain has a cycle, decompression bombs in
// PDF and DOCX, HTML nested far past what a parser should walk, a JSON
// feed of a million records and a text of a million lines. Tests of the ingest package and of the jiyao
// binary run them to check that each costs bounded time and memory; the
// small PDFs are also committed under ingest/testdata/hostile.
//
// It is not a public API.
package hostile
