// Package query is Jiyao's query language: a Parser reads a query (words,
// "phrases", field:value, dates, meeting and document numbers, the
// operators OR, AND and NOT or -, parentheses) into a typed tree of Q
// nodes, and Format prints a tree back in the language.
//
// It knows no index and imports no bleve: the keyword fields a query can
// name are given to NewParser as data (Fields), which package index builds
// from its facets (index.FacetDefs), and the tree is compiled to bleve
// queries by index (index/compile.go). It is not a public API.
package query
