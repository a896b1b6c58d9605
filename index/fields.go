package index

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/jiyao-search/jiyao/internal/fold"
)

// Text fields are written as fields of our own rather than through the
// mapping's TextField: bleve analyses a TextField into a token stream, one
// allocated token per term, then counts that stream into frequencies, and
// sizes every token and location of the result for its accounting. An
// analysedField goes from the text to the frequencies directly, with one
// allocation for all its terms and one for all its locations, and knows
// its size. The terms, positions and field lengths are the same as the
// mapping's analyzer gives (TestAnalysedFieldsMatchMapping), so queries,
// which are analysed through the mapping, find what they did.

// Keyword fields are written as keywordsFields for the same reason, and
// one per field rather than one per value: the mapping makes a TextField,
// a token stream and a map of frequencies for each value of a list (a
// meeting lists some fifty people), which the segment builder then merges
// back into one map per field.

// analysedFields are the analysis of the mapping's text and keyword
// fields, by name.
type analysedFields map[string]analysedSpec

type analysedSpec struct {
	tok     *tokenizer // nil for a keyword field
	options bindex.FieldIndexingOptions
}

// newAnalysedFields reads the text and keyword fields of m: for each, the
// tokenizer of its analyzer (none for keywords) and its indexing options. A
// field whose analyzer is neither one of our tokenizers alone nor the
// keyword analyzer is left to the mapping.
func newAnalysedFields(m mapping.IndexMapping) (analysedFields, error) {
	im, ok := m.(*mapping.IndexMappingImpl)
	if !ok || im.DefaultMapping == nil {
		return nil, fmt.Errorf("index mapping is %T, not bleve's", m)
	}
	out := analysedFields{}
	for name, dm := range im.DefaultMapping.Properties {
		if len(dm.Fields) != 1 || dm.Fields[0].Type != "text" || !dm.Fields[0].Index {
			continue
		}
		fm := dm.Fields[0]
		if fm.Analyzer == keyword.Name {
			if !fm.Store { // a keywordsField stores nothing
				out[name] = analysedSpec{options: fm.Options()}
			}
			continue
		}
		a, ok := im.AnalyzerNamed(fm.Analyzer).(*analysis.DefaultAnalyzer)
		if !ok || len(a.CharFilters) > 0 || len(a.TokenFilters) > 0 {
			continue
		}
		tok, ok := a.Tokenizer.(*tokenizer)
		if !ok {
			continue
		}
		out[name] = analysedSpec{tok: tok, options: fm.Options()}
	}
	return out, nil
}

// field is the named field with value v: an analysedField of a string or
// a meetingText, or a keywordsField of a string or a list of them.
func (fs analysedFields) field(name string, v any) (document.Field, bool) {
	spec, ok := fs[name]
	if !ok {
		return nil, false
	}
	if spec.tok == nil {
		switch v := v.(type) {
		case string:
			return &keywordsField{name: name, options: spec.options, values: []string{v}}, true
		case []string:
			return &keywordsField{name: name, options: spec.options, values: v}, true
		}
		return nil, false
	}
	switch v := v.(type) {
	case string:
		return &analysedField{name: name, spec: spec, value: v}, true
	case meetingText:
		return &analysedField{name: name, spec: spec, value: v.body, items: v.items}, true
	}
	return nil, false
}

// analysedField is a text field analysed by our tokenizer straight into
// frequencies (see above). It implements bleve's document.Field.
type analysedField struct {
	name string
	spec analysedSpec
	// value is kept as the document has it: bleve reads a field's bytes
	// (Value) only to store them, and these fields store nothing.
	value  string
	items  []itemSpan // stretches of value that are items' texts; a tokenizer of characters ignores them
	length int
	freqs  bindex.TokenFrequencies
	size   int
}

var _ document.Field = (*analysedField)(nil)

func (f *analysedField) Name() string                                      { return f.name }
func (f *analysedField) ArrayPositions() []uint64                          { return nil }
func (f *analysedField) Options() bindex.FieldIndexingOptions              { return f.spec.options }
func (f *analysedField) Value() []byte                                     { return []byte(f.value) }
func (f *analysedField) NumPlainTextBytes() uint64                         { return uint64(len(f.value)) }
func (f *analysedField) EncodedFieldType() byte                            { return 't' }
func (f *analysedField) AnalyzedLength() int                               { return f.length }
func (f *analysedField) AnalyzedTokenFrequencies() bindex.TokenFrequencies { return f.freqs }

// Size is an estimate, for bleve's memory accounting: the value, and for
// each term and location the structures that hold it.
func (f *analysedField) Size() int { return 64 + len(f.value) + f.size }

// Analyze counts the field's terms, as bleve's TextField does through a
// token stream: the field length is the number of tokens, frequencies are
// kept unless the field skips them, and locations (position only: these
// tokenizers keep no offsets in the index) if it has term vectors.
func (f *analysedField) Analyze() {
	t := f.spec.tok
	if t.only != nil {
		f.freqs, f.length, f.size = t.charFrequencies(f.value, f.spec.options)
		return
	}
	// The text is analysed stretch by stretch, in order: the items' and
	// the text around them (all of it, in a field without items), with a
	// position left out between stretches, so that a phrase does not run
	// from one into the next. The stretches begin and end at line breaks,
	// so the terms are those of the whole text
	// (TestAnalysedFieldsMatchMapping). The term itemMarker marks the
	// items' stretches (see itemsQuery).
	body := f.value
	sc := scratches.Get().(*scratch)
	defer scratches.Put(sc)
	toks := sc.toks[:0]
	if cap(toks) < len(body)/3+16 {
		// About a token for each character, most of three bytes.
		toks = make([]token, 0, len(body)/3+16)
	}
	var marks []itemMark
	stretch := func(a, b int, child uint64) {
		base := 0
		if len(toks) > 0 {
			base = toks[len(toks)-1].Pos + 1
		}
		first := len(toks)
		toks = sc.appendTokens(toks, body[a:b], t.mode, !t.noOffsets)
		for i := first; i < len(toks); i++ {
			toks[i].Pos += base
			if !t.noOffsets {
				toks[i].Start += a
				toks[i].End += a
			}
		}
		if child > 0 && len(toks) > first {
			marks = append(marks, itemMark{pos: uint32(toks[first].Pos), end: uint32(toks[len(toks)-1].Pos), child: uint32(child)})
		}
	}
	eachStretch(len(body), f.items, stretch)
	f.length = len(toks)
	f.freqs, f.size = sc.frequencies(toks, f.spec.options)
	if len(marks) > 0 {
		f.size += markStretches(f.freqs, marks, f.spec.options)
	}
	// The terms are copied into the frequencies: the tokens can be
	// reused.
	sc.toks = toks[:0]
}

// eachStretch calls fn with each stretch [a, b) of a text of n bytes with
// items, in order: the items' (child > 0) and the text around them
// (child 0).
func eachStretch(n int, items []itemSpan, fn func(a, b int, child uint64)) {
	at := 0
	for _, it := range items {
		if at < it.start {
			fn(at, it.start, 0)
		}
		fn(it.start, it.end, it.child)
		at = it.end
	}
	fn(at, n, 0)
}

// frequencies counts toks into one TokenFreq per term. What it returns is
// allocated anew, for bleve keeps it; the rest is scratch.
func (sc *scratch) frequencies(toks []token, options bindex.FieldIndexingOptions) (bindex.TokenFrequencies, int) {
	// First the terms and their counts, then the locations, cut for each
	// term from one array in the order of its tokens.
	if sc.index == nil {
		sc.index = map[string]int32{}
	}
	index := sc.index
	defer clear(index)
	slot := slices.Grow(sc.slot[:0], len(toks))[:len(toks)]
	// The terms in order of first token, and their counts. The terms
	// are read from here, not from index: the map, reused, can be much
	// larger than this field's terms, and it is as slow to walk as it is
	// large.
	terms, counts := sc.terms[:0], sc.counts[:0]
	defer func() { sc.slot, sc.terms, sc.counts = slot, terms, counts }()
	termBytes := 0
	for i, tk := range toks {
		k, ok := index[tk.Term]
		if !ok {
			k = int32(len(counts))
			index[tk.Term] = k
			terms = append(terms, tk.Term)
			counts = append(counts, 0)
			termBytes += len(tk.Term)
		}
		counts[k]++
		slot[i] = k
	}
	freqs := make([]bindex.TokenFreq, len(counts))
	buf := make([]byte, 0, termBytes)
	for k, term := range terms {
		start := len(buf)
		buf = append(buf, term...)
		freqs[k].Term = buf[start:len(buf):len(buf)]
		if !options.SkipFreqNorm() {
			freqs[k].SetFrequency(int(counts[k]))
		}
	}
	size := len(freqs)*72 + termBytes
	if options.IncludeTermVectors() {
		// The locations are laid out term by term, each term's in token
		// order, as the pointers to them are: bleve's segment builder
		// reads them term by term, and reads them in a row rather than
		// scattered over the field's tokens.
		locs := make([]bindex.TokenLocation, len(toks))
		ptrs := make([]*bindex.TokenLocation, len(toks))
		next := slices.Grow(sc.next[:0], len(counts))[:len(counts)] // where each term's locations start
		sc.next = next
		var at int32
		for k, c := range counts {
			next[k] = at
			freqs[k].Locations = ptrs[at : at : at+c]
			at += c
		}
		for i, tk := range toks {
			k := slot[i]
			at := next[k]
			locs[at] = bindex.TokenLocation{Start: tk.Start, End: tk.End, Position: tk.Pos}
			ptrs[at] = &locs[at]
			next[k]++
			freqs[k].Locations = freqs[k].Locations[:len(freqs[k].Locations)+1]
		}
		size += len(toks) * 56
	}
	rv := make(bindex.TokenFrequencies, len(freqs))
	for k, term := range terms {
		rv[term] = &freqs[k]
	}
	return rv, size
}

// charFrequencies is tokenizeOnly counted: each character of t.only in the
// folded input is a token, without locations. The characters are counted
// by their place in the set, in an array of the scratch.
func (t *tokenizer) charFrequencies(input string, options bindex.FieldIndexingOptions) (bindex.TokenFrequencies, int, int) {
	folded := fold.String(input)
	sc := scratches.Get().(*scratch)
	defer scratches.Put(sc)
	counts := slices.Grow(sc.charCounts[:0], len(t.only.chars))[:len(t.only.chars)]
	clear(counts)
	sc.charCounts = counts
	n, distinct, termBytes := 0, 0, 0
	for _, r := range folded {
		if k := t.only.place(r); k >= 0 {
			if counts[k] == 0 {
				distinct++
				termBytes += utf8.RuneLen(r)
			}
			counts[k]++
			n++
		}
	}
	// The terms, one after another, as bytes and as a string: a TokenFreq
	// holds the one, the map's keys are slices of the other.
	buf := make([]byte, 0, termBytes)
	for k, c := range counts {
		if c > 0 {
			buf = utf8.AppendRune(buf, t.only.chars[k])
		}
	}
	terms := string(buf)
	freqs := make([]bindex.TokenFreq, distinct)
	rv := make(bindex.TokenFrequencies, distinct)
	at, i := 0, 0
	for k, c := range counts {
		if c == 0 {
			continue
		}
		end := at + utf8.RuneLen(t.only.chars[k])
		tf := &freqs[i]
		tf.Term = buf[at:end:end]
		if !options.SkipFreqNorm() {
			tf.SetFrequency(int(c))
		}
		rv[terms[at:end]] = tf
		at, i = end, i+1
	}
	return rv, n, len(freqs)*72 + len(buf)
}

// keywordsField is a keyword field with all its values, each one term
// (see above). It implements bleve's document.Field. Its terms,
// frequencies and length are those of the mapping's fields of the values
// merged, as the segment builder merges them
// (TestKeywordsFieldsMatchMapping).
type keywordsField struct {
	name    string
	options bindex.FieldIndexingOptions
	values  []string
	freqs   bindex.TokenFrequencies
}

var _ document.Field = (*keywordsField)(nil)

func (f *keywordsField) Name() string                                      { return f.name }
func (f *keywordsField) ArrayPositions() []uint64                          { return nil }
func (f *keywordsField) Options() bindex.FieldIndexingOptions              { return f.options }
func (f *keywordsField) EncodedFieldType() byte                            { return 't' }
func (f *keywordsField) AnalyzedLength() int                               { return len(f.values) }
func (f *keywordsField) AnalyzedTokenFrequencies() bindex.TokenFrequencies { return f.freqs }

// Value is the values one after another; the field is not stored, so
// nothing reads it but accounting.
func (f *keywordsField) Value() []byte { return []byte(strings.Join(f.values, "")) }

func (f *keywordsField) NumPlainTextBytes() uint64 {
	n := 0
	for _, v := range f.values {
		n += len(v)
	}
	return uint64(n)
}

// Size is an estimate, for bleve's memory accounting.
func (f *keywordsField) Size() int {
	n := 64
	for _, v := range f.values {
		n += 88 + 2*len(v)
	}
	return n
}

// Analyze makes each value a term, counted unless the field skips
// frequencies. Keyword fields keep no term vectors.
func (f *keywordsField) Analyze() {
	freqs := make([]bindex.TokenFreq, len(f.values))
	f.freqs = make(bindex.TokenFrequencies, len(f.values))
	buf := make([]byte, 0, f.NumPlainTextBytes()) // the terms, in one allocation
	for i, v := range f.values {
		tf, ok := f.freqs[v]
		if !ok {
			tf = &freqs[i]
			buf = append(buf, v...)
			tf.Term = buf[len(buf)-len(v) : len(buf) : len(buf)]
			f.freqs[v] = tf
		}
		if !f.options.SkipFreqNorm() {
			tf.SetFrequency(tf.Frequency() + 1)
		}
	}
}

// document maps d to a bleve document: its text fields as analysedFields,
// its keyword fields as keywordsFields, the rest (the stored value, a
// meeting's date) through the mapping.
func (idx *Index) document(id string, d doc) (*document.Document, error) {
	var ours []document.Field
	rest := make(map[string]any, len(d))
	for name, v := range d {
		if f, ok := idx.fields.field(name, v); ok {
			ours = append(ours, f)
			continue
		}
		if mt, ok := v.(meetingText); ok {
			v = mt.body
		}
		rest[name] = v
	}
	bd := document.NewDocument(id)
	if err := idx.b.Mapping().MapDocument(bd, rest); err != nil {
		return nil, err
	}
	for _, f := range ours {
		bd.AddField(f)
	}
	return bd, nil
}
