package index

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"
	bindex "github.com/blevesearch/bleve_index_api"
)

// MappingVersion is recorded in the index; Open refuses an index written
// with another one. Bump it whenever fields, analyzers or document shapes
// change.
const MappingVersion = "1"

// internalVersionKey is the bleve internal key the mapping version is kept
// under.
var internalVersionKey = []byte("jiyao_mapping_version")

// Levels of documents in the index.
const (
	LevelMeeting  = "meeting"
	LevelItem     = "item"
	LevelDecision = "decision"
)

// Field names. Text fields (analysed with the bigram analyzer, positions
// kept for phrases) have a parallel unigram field (suffix _u) consulted only
// for one-character Han terms. Keyword fields hold the folded value and are
// used for filters; their _label twin holds the value as written, with doc
// values, and is what facets count.
const (
	fLevel     = "level"
	fMeetingID = "meeting_id"
	fItemNo    = "item_no"
	fDecNo     = "decision_no"

	fTitle   = "title"
	fTitleU  = "title_u"
	fText    = "text"
	fTextU   = "text_u"
	fObject  = "object"
	fObjectU = "object_u"

	fIssuer     = "issuer"
	fKind       = "kind"
	fDepartment = "department"
	fTopic      = "topic"
	fOfficial   = "official"
	fChair      = "chair"
	fPresent    = "present"
	fObserver   = "observer"
	fRecorder   = "recorder"
	fVerb       = "verb"
	fLead       = "lead"
	fDocNumber  = "doc_number"
	fSource     = "source"

	labelSuffix = "_label"

	fYear        = "year"
	fMonth       = "month"
	fDate        = "date"
	fSession     = "session"
	fSessionYear = "session_year"

	// Stored only.
	fDay          = "day"
	fBody         = "body"
	fMeetingTitle = "meeting_title"
	fDocNumLabel  = "doc_number_label"
	fSHA256       = "sha256"
	fRecord       = "record"
)

// keywordFields are filtered on their folded value and faceted on their
// label.
var keywordFields = []string{fIssuer, fKind, fDepartment, fTopic, fOfficial, fChair, fPresent, fObserver, fRecorder, fVerb, fLead}

func label(f string) string { return f + labelSuffix }

func newMapping() (*mapping.IndexMappingImpl, error) {
	im := bleve.NewIndexMapping()
	if err := addAnalysis(im); err != nil {
		return nil, err
	}
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
	num := func(name string, store bool) {
		fm := bleve.NewNumericFieldMapping()
		fm.Store = store
		fm.DocValues = true
		fm.IncludeInAll = false
		dm.AddFieldMappingsAt(name, fm)
	}

	text(fTitle, bigramAnalyzer, true, true)
	text(fText, bigramAnalyzer, false, true)
	text(fObject, bigramAnalyzer, true, true)
	for _, f := range []string{fTitleU, fTextU, fObjectU} {
		text(f, unigramAnalyzer, false, false)
	}

	kw(fLevel, true, false)
	kw(fMeetingID, true, false)
	kw(fSource, true, false)
	kw(fDocNumber, false, false)
	for _, f := range keywordFields {
		kw(f, false, false)
		kw(label(f), f == fIssuer || f == fVerb || f == fLead, true)
	}
	kw(fYear, false, true)
	kw(fMonth, false, true)

	dt := bleve.NewDateTimeFieldMapping()
	dt.DocValues = true
	dt.IncludeInAll = false
	dm.AddFieldMappingsAt(fDate, dt)

	num(fSession, true)
	num(fSessionYear, false)
	num(fItemNo, true)
	num(fDecNo, true)

	for _, f := range []string{fDay, fBody, fMeetingTitle, fDocNumLabel, fSHA256, fRecord} {
		stored(f)
	}
	im.DefaultMapping = dm
	return im, nil
}
