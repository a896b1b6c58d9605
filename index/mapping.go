package index

import (
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"
	bindex "github.com/blevesearch/bleve_index_api"
)

// MappingVersion is recorded in the index; Open refuses an index written
// with another one. Bump it whenever fields, analyzers or document shapes
// change.
const MappingVersion = "20"

// internalVersionKey is the bleve internal key the mapping version is kept
// under.
var internalVersionKey = []byte("jiyao_mapping_version")

// Levels of documents in the index.
const (
	LevelMeeting  = "meeting"
	LevelItem     = "item"
	LevelDecision = "decision"
)

// Field names. Text fields are analysed with the bigram analyzer and keep
// term positions for phrases; each level has its own (title and text on
// meetings, item_title on items, dec_* on decisions), so a query at one
// level reads postings of that level only. An item's text is not indexed
// on the item: it is a stretch of its meeting's text field, marked with
// the item's place (see itemsQuery); item_text holds the text of an item
// only when it is not a stretch of its meeting's. A one-character query is answered from the
// same fields by expanding it to the bigrams that contain it (see
// charQuery), or, for a common character of meetings, from text_u (see
// unigramChars). Keyword fields hold the folded values not already folded
// and are used for filters; their _label twin holds the values as written,
// is what facets count and is where filters find values
// already folded (see doc.keyword).
const (
	fLevel = "level"

	fTitle     = "title"
	fText      = "text"
	fItemTitle = "item_title"
	fItemText  = "item_text"
	fDecTitle  = "dec_title"
	fDecText   = "dec_text"
	fObject    = "object"
	fTextChars = "text_u" // common characters of meetings (unigramChars)

	// The keyword fields of the facets are declared with them
	// (facetdefs.go).
	fDocNumber = "doc_number"
	fSource    = "source"

	labelSuffix = "_label"

	fYear        = "year"
	fMonth       = "month"
	fDate        = "date"
	fSession     = "session"
	fSessionYear = "session_year"

	// fStored is the one stored field, what a hit shows (see storedHit).
	fStored = "stored"
)

// levelField is the name a metadata field has at a level: itself on
// meetings, i_ or d_ before it on items and decisions. Each level having
// its own fields, a query at one level reads that level's postings and
// doc values only, as if each level were an index of its own, while a
// meeting and its items are still written in one batch. Text fields are
// named per level already; people and the meeting id are not (people are
// on meetings only, the id ties a meeting's documents together).
func levelField(level, f string) string {
	switch level {
	case LevelItem:
		return "i_" + f
	case LevelDecision:
		return "d_" + f
	}
	return f
}

// perLevel are the fields levelField renames.
var perLevel = func() map[string]bool {
	m := map[string]bool{fDocNumber: true, fYear: true, fMonth: true, fDate: true, fSession: true, fSessionYear: true}
	for _, f := range metaKeywordFields {
		m[f], m[label(f)] = true, true
	}
	return m
}()

func label(f string) string { return f + labelSuffix }

// facetDocValues gives the facets' fields doc values in the mappings made
// after it is set: bleve's facet builder reads them, Search does not. Only
// a test sets it, to compare the two (TestFacetsMatchBleve).
var facetDocValues = false

func newMapping() (*mapping.IndexMappingImpl, error) {
	im := bleve.NewIndexMapping()
	im.ScoringModel = bindex.BM25Scoring
	im.DefaultAnalyzer = keyword.Name
	im.IndexDynamic = false
	im.StoreDynamic = false
	im.DocValuesDynamic = false

	dm := bleve.NewDocumentStaticMapping()
	text := func(name, analyzer string, store, vectors bool) {
		fm := bleve.NewTextFieldMapping()
		fm.Analyzer = analyzer
		fm.Store = store
		fm.IncludeTermVectors = vectors
		fm.IncludeInAll = false
		fm.DocValues = false
		dm.AddFieldMappingsAt(name, fm)
	}
	kw := func(name string, store, docValues bool) {
		fm := bleve.NewKeywordFieldMapping()
		fm.Store = store
		fm.DocValues = docValues
		fm.IncludeInAll = false
		fm.IncludeTermVectors = false
		// Keyword fields filter and facet; nothing scores them.
		fm.SkipFreqNorm = true
		dm.AddFieldMappingsAt(name, fm)
	}
	stored := func(name string) {
		fm := bleve.NewTextFieldMapping()
		fm.Analyzer = keyword.Name
		fm.Index = false
		fm.Store = true
		fm.IncludeInAll = false
		fm.IncludeTermVectors = false
		fm.DocValues = false
		dm.AddFieldMappingsAt(name, fm)
	}

	// The positional fields keep term positions for phrases but not byte
	// offsets: snippets are marked by the highlighter, which analyses the
	// display text again, so offsets in the index would only take space
	// (about four bytes a token) and time.
	if err := defineAnalyzer(im, positionsAnalyzer, positionsTokenizer, map[string]any{
		"type": tokenizerType, tokenizerModeKey: tokenizerBigram, tokenizerOffsetsKey: false,
	}); err != nil {
		return nil, err
	}
	// Nothing is stored field by field: a hit reads the one stored
	// field, fStored, where loading each of fifteen fields cost most of a
	// query's time.
	for _, f := range []string{fTitle, fItemTitle, fDecTitle, fObject} {
		text(f, positionsAnalyzer, false, true)
	}
	for _, f := range []string{fText, fItemText, fDecText} {
		text(f, positionsAnalyzer, false, true)
	}
	// The common characters of meetings, one by one, for one-character
	// queries (see unigramChars).
	if err := defineAnalyzer(im, charsAnalyzer, charsTokenizer, map[string]any{
		"type": tokenizerType, tokenizerModeKey: tokenizerUnigram, tokenizerOffsetsKey: false,
		tokenizerCharsKey: unigramChars,
	}); err != nil {
		return nil, err
	}
	text(fTextChars, charsAnalyzer, false, false)

	// Doc values are kept only where a sort reads them, the date: facets
	// are counted from columns read from the postings (facets.go), not
	// from doc values, which were 12 of 234 MB of segments on 10,000
	// generated minutes. facetDocValues keeps them on the facets' fields
	// for the test that holds the columns to bleve's facet builder.
	kw(fLevel, false, false)
	for _, f := range peopleKeywordFields {
		kw(f, false, false)
		kw(label(f), false, facetDocValues)
	}
	// The metadata fields exist once per level (see levelField).
	kw(fSource, false, false) // on meetings only
	for _, level := range []string{LevelMeeting, LevelItem, LevelDecision} {
		lf := func(f string) string { return levelField(level, f) }
		kw(lf(fDocNumber), false, false)
		for _, f := range metaKeywordFields {
			kw(lf(f), false, false)
			kw(lf(label(f)), false, facetDocValues)
		}
		kw(lf(fYear), false, facetDocValues)
		kw(lf(fMonth), false, facetDocValues)

		// The date is a keyword, 2020-11-02, which sorts and ranges as
		// a date does: one term, where a date field indexes sixteen (a
		// precision step each), 1.9% of an index of 3,000 generated
		// minutes.
		kw(lf(fDate), false, true)

		// Session numbers are only ever matched exactly: a keyword is one
		// term where a numeric field indexes sixteen (one per precision
		// step).
		kw(lf(fSession), false, false)
		kw(lf(fSessionYear), false, false)
	}

	stored(fStored)
	// No _all field: every query names its fields, and the composite
	// field costs time per document even when nothing is included in it.
	dm.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())
	im.DefaultMapping = dm
	return im, nil
}

// defineAnalyzer registers, in the mapping, a tokenizer of ours with its
// configuration and an analyzer of that tokenizer alone, so that a
// reopened index rebuilds both from the mapping.
func defineAnalyzer(m customAdder, analyzer, tokenizer string, config map[string]any) error {
	if err := m.AddCustomTokenizer(tokenizer, config); err != nil {
		return fmt.Errorf("define tokenizer %s: %w", tokenizer, err)
	}
	if err := m.AddCustomAnalyzer(analyzer, map[string]any{"type": custom.Name, "tokenizer": tokenizer}); err != nil {
		return fmt.Errorf("define analyzer %s: %w", analyzer, err)
	}
	return nil
}

// positionsAnalyzer is the bigram analyzer of the indexed text fields: the
// bigram tokenizer without byte offsets.
const (
	positionsTokenizer = "jiyao_bigram_positions_tokenizer"
	positionsAnalyzer  = "jiyao_bigram_positions"
	charsTokenizer     = "jiyao_common_chars_tokenizer"
	charsAnalyzer      = "jiyao_common_chars"
)
