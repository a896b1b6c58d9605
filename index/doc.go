// Package index owns Jiyao's search index: the analyzers that cut Chinese
// minutes into searchable terms, the bleve mapping of meetings, agenda items
// and decisions, the compilation of the query language (package query) to
// bleve queries, and the wrapper that puts, gets and searches records.
//
// Bleve types never leave this package: callers see Minutes records from
// ingest and the Request and Result types declared here. It is not a public
// API.
package index
