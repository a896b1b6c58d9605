// Package ingest turns the bytes of a published minutes document into a
// structured Minutes record: it detects and decodes the file format and text
// encoding, repairs and normalises the text, parses the document structure
// and extracts the meeting, its agenda items, decisions, departments and
// attendees.
//
// Ingest is pure: bytes in, record out. It knows nothing of the index or the
// HTTP server and keeps no global mutable state. It is not a public API.
package ingest
