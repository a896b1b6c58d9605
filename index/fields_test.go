package index

import (
	"cmp"
	"iter"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	bindex "github.com/blevesearch/bleve_index_api"
	gocmp "github.com/google/go-cmp/cmp"

	"github.com/jiyao-search/jiyao/ingest"
	"github.com/jiyao-search/jiyao/internal/gen"
)

// flatFreq is a TokenFreq in comparable form.
type flatFreq struct {
	Freq int
	Locs []bindex.TokenLocation
}

func flatten(tfs bindex.TokenFrequencies) map[string]flatFreq {
	out := map[string]flatFreq{}
	for term, tf := range tfs {
		if term != string(tf.Term) {
			panic("term " + term + " keyed as " + string(tf.Term))
		}
		f := flatFreq{Freq: tf.Frequency()}
		for _, l := range tf.Locations {
			f.Locs = append(f.Locs, *l)
		}
		out[term] = f
	}
	return out
}

// docField is a field of a document of a record.
type docField struct {
	id, name string
	v        any
}

// docFields yields the fields of the documents of recs.
func docFields(t *testing.T, recs []*ingest.Minutes) iter.Seq[docField] {
	return func(yield func(docField) bool) {
		for _, rec := range recs {
			ds, err := docs(storedRecord{rec: rec})
			if err != nil {
				t.Fatal(err)
			}
			for _, od := range ds {
				for name, v := range od.d {
					if !yield(docField{od.id, name, v}) {
						return
					}
				}
			}
		}
	}
}

// mappingFields returns Jiyao's mapping and the fields read from it.
func mappingFields(t *testing.T) (*mapping.IndexMappingImpl, analysedFields) {
	t.Helper()
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	fields, err := newAnalysedFields(m)
	if err != nil {
		t.Fatal(err)
	}
	return m, fields
}

// TestAnalysedFieldsMatchMapping pins that the text fields put writes
// (analysedField) index what the mapping's own TextField would: the same
// terms, frequencies, locations and field lengths, for every text field
// of the mapping, on the documents of the fixtures and of the generator.
func TestAnalysedFieldsMatchMapping(t *testing.T) {
	m, fields := mappingFields(t)
	// Every analysed text field of the mapping is written this way, and
	// every keyword field as a keywordsField (TestKeywordsFieldsMatchMapping).
	var want, got []string
	for name, dm := range m.DefaultMapping.Properties {
		if len(dm.Fields) == 1 && dm.Fields[0].Index && (dm.Fields[0].Analyzer == positionsAnalyzer || dm.Fields[0].Analyzer == charsAnalyzer) {
			want = append(want, name)
		}
	}
	for name, spec := range fields {
		if spec.tok != nil {
			got = append(got, name)
		}
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) || len(got) < 8 {
		t.Fatalf("analysed fields %v, mapping's text fields %v", got, want)
	}

	recs := withGenerated(t, fixtures(), gen.New(7, gen.WrapAt(37)), 20)
	checked := map[string]int{}
	for f := range docFields(t, recs) {
		name, v := f.name, f.v
		ours, ok := fields.field(name, v)
		if !ok || fields[name].tok == nil {
			continue
		}
		text, _ := v.(string)
		mt, isMeeting := v.(meetingText)
		if isMeeting {
			text = mt.body
		}
		fm := m.DefaultMapping.Properties[name].Fields[0]
		theirs := document.NewTextFieldCustom(name, nil, []byte(text), fm.Options(), m.AnalyzerNamed(fm.Analyzer))
		ours.Analyze()
		theirs.Analyze()
		if ours.AnalyzedLength() != theirs.AnalyzedLength() {
			t.Errorf("%s %s: length %d, mapping's %d", f.id, name, ours.AnalyzedLength(), theirs.AnalyzedLength())
		}
		got := flatten(ours.AnalyzedTokenFrequencies())
		if isMeeting && name == fText {
			checkItemStretches(t, f.id, mt, got)
		}
		want := flatten(theirs.AnalyzedTokenFrequencies())
		if len(mt.items) > 0 {
			delete(got, itemMarker)
			// Positions differ by the items' ranges, checked
			// above; terms and counts do not.
			want, got = withoutPositions(want), withoutPositions(got)
		}
		if diff := gocmp.Diff(want, got); diff != "" {
			t.Errorf("%s %s: frequencies differ from the mapping's (-mapping +ours):\n%s", f.id, name, diff)
		}
		if ours.Options() != theirs.Options() {
			t.Errorf("%s %s: options %v, mapping's %v", f.id, name, ours.Options(), theirs.Options())
		}
		checked[name]++
		if len(mt.items) > 0 {
			checked["item stretches"]++
		}
	}
	if checked["item stretches"] == 0 {
		t.Error("no meeting text has item stretches")
	}
	for _, name := range want {
		if checked[name] == 0 {
			t.Errorf("no document has field %s", name)
		}
	}
}

// withoutPositions is fs with the positions of its locations left out.
func withoutPositions(fs map[string]flatFreq) map[string]flatFreq {
	out := map[string]flatFreq{}
	for term, f := range fs {
		g := flatFreq{Freq: f.Freq}
		for _, l := range f.Locs {
			l.Position = 0
			g.Locs = append(g.Locs, l)
		}
		out[term] = g
	}
	return out
}

// checkItemStretches checks the positions of a meeting's text field with
// items: each stretch, the items' and the text around them, has the terms
// of its text analysed alone, at their positions in it after the last
// position of the stretch before and one left out; and the marker has a
// location for each item's, at its first position, with the item as start
// and the last position as end; a text without items has no marks.
func checkItemStretches(t *testing.T, id string, mt meetingText, got map[string]flatFreq) {
	t.Helper()
	type at struct {
		pos  int
		term string
	}
	var have, want []at
	for term, f := range got {
		if term == itemMarker {
			continue
		}
		for _, l := range f.Locs {
			have = append(have, at{l.Position, term})
		}
	}
	var haveMarks, wantMarks []itemMark
	for _, l := range got[itemMarker].Locs {
		haveMarks = append(haveMarks, itemMark{pos: uint32(l.Position), end: uint32(l.End), child: uint32(l.Start)})
	}
	last := 0
	stretch := func(a, b int, child uint64) {
		base := 0
		if last > 0 {
			base = last + 1
		}
		toks := analyze(mt.body[a:b], modeIndex)
		for _, tk := range toks {
			want = append(want, at{base + tk.Pos, tk.Term})
			last = base + tk.Pos
		}
		if child > 0 && len(toks) > 0 {
			wantMarks = append(wantMarks, itemMark{pos: uint32(base + toks[0].Pos), end: uint32(last), child: uint32(child)})
		}
	}
	eachStretch(len(mt.body), mt.items, stretch)
	byPos := func(a, b at) int { return cmp.Or(a.pos-b.pos, strings.Compare(a.term, b.term)) }
	slices.SortFunc(have, byPos)
	slices.SortFunc(want, byPos)
	if !slices.Equal(have, want) {
		t.Errorf("%s: terms at %v, want %v", id, have, want)
	}
	slices.SortFunc(haveMarks, byMarkPos)
	if !slices.Equal(haveMarks, wantMarks) || len(wantMarks) < len(mt.items) {
		t.Errorf("%s: stretches marked %v, want %v", id, haveMarks, wantMarks)
	}
}

// TestKeywordsFieldsMatchMapping pins that the keyword fields put writes
// (keywordsField) index what the mapping's fields of each value would,
// merged into one field as the segment builder merges them: the same
// terms, frequencies and length, for every keyword field of the mapping, on
// the documents of the fixtures and of the generator.
func TestKeywordsFieldsMatchMapping(t *testing.T) {
	m, fields := mappingFields(t)
	var want []string
	for name, dm := range m.DefaultMapping.Properties {
		if len(dm.Fields) == 1 && dm.Fields[0].Index && dm.Fields[0].Type == "text" && dm.Fields[0].Analyzer == keyword.Name {
			want = append(want, name)
			if fields[name].tok != nil {
				t.Errorf("keyword field %s has a tokenizer", name)
			}
		}
	}
	if len(want) < 40 {
		t.Fatalf("mapping has %d keyword fields: %v", len(want), want)
	}

	recs := withGenerated(t, fixtures(), gen.New(11), 20)
	checked := map[string]int{}
	lists := 0
	for f := range docFields(t, recs) {
		name, v := f.name, f.v
		if fields[name].tok != nil {
			continue
		}
		ours, ok := fields.field(name, v)
		if !ok {
			if _, known := fields[name]; known {
				t.Errorf("%s %s: value %T not taken", f.id, name, v)
			}
			continue
		}
		theirs := document.NewDocument(f.id)
		if err := m.MapDocument(theirs, map[string]any{name: v}); err != nil {
			t.Fatal(err)
		}
		// The segment builder sums the lengths of a field's
		// instances and merges their frequencies.
		var merged bindex.TokenFrequencies
		length := 0
		theirs.VisitFields(func(tf bindex.Field) {
			tf.Analyze()
			length += tf.AnalyzedLength()
			if merged == nil {
				merged = tf.AnalyzedTokenFrequencies()
			} else {
				merged.MergeAll(name, tf.AnalyzedTokenFrequencies())
			}
			if tf.Options() != ours.Options() {
				t.Errorf("%s %s: options %v, mapping's %v", f.id, name, ours.Options(), tf.Options())
			}
		})
		if theirs.NumPlainTextBytes() != ours.NumPlainTextBytes() {
			t.Errorf("%s %s: %d plain text bytes, mapping's %d", f.id, name, ours.NumPlainTextBytes(), theirs.NumPlainTextBytes())
		}
		ours.Analyze()
		if ours.AnalyzedLength() != length {
			t.Errorf("%s %s: length %d, mapping's %d", f.id, name, ours.AnalyzedLength(), length)
		}
		if diff := gocmp.Diff(flatten(merged), flatten(ours.AnalyzedTokenFrequencies())); diff != "" {
			t.Errorf("%s %s: frequencies differ from the mapping's (-mapping +ours):\n%s", f.id, name, diff)
		}
		if length > 1 {
			lists++
		}
		checked[name]++
	}
	if lists == 0 {
		t.Error("no keyword field had more than one value")
	}
	// Every label is checked but those of verbs and leads, which are of
	// items and decisions only; the folded fields hold only values not
	// already folded, which few documents have.
	for _, name := range want {
		if strings.HasSuffix(name, labelSuffix) && name != label(fVerb) && name != label(fLead) && checked[name] == 0 {
			t.Errorf("no document has field %s", name)
		}
	}
	if len(checked) < 50 {
		t.Errorf("checked %d of the mapping's %d keyword fields: %v", len(checked), len(want), checked)
	}
}

// TestAnalysedFieldsOtherAnalyzer leaves a text field whose analyzer is not
// our tokenizer alone to the mapping.
func TestAnalysedFieldsOtherAnalyzer(t *testing.T) {
	m := mapping.NewIndexMapping()
	dm := mapping.NewDocumentStaticMapping()
	fm := mapping.NewTextFieldMapping()
	fm.Analyzer = "standard"
	dm.AddFieldMappingsAt("body", fm)
	m.DefaultMapping = dm
	fields, err := newAnalysedFields(m)
	if err != nil {
		t.Fatal(err)
	}
	if len(fields) != 0 {
		t.Errorf("fields %v, want none", fields)
	}
}

// TestKeyIdempotent pins what keyQuery relies on: a folded form is its own
// folded form, so that a value indexed in a label as written is found by
// its folded form only if it is one. Checked on every keyword value of the
// fixtures and generated minutes, and on forms that fold.
func TestKeyIdempotent(t *testing.T) {
	vals := []string{"高雄市議會", "臺北市 財政局", "ＡＢＣ１２３", "苏府会〔2020〕36号", "①②", "㈠項", "Ⅻ", "王院長金平", "\u3000市　政府", "ｶﾀｶﾅ", "財政局（試行）"}
	recs := withGenerated(t, fixtures(), gen.New(3), 30)
	for f := range docFields(t, recs) {
		name, v := f.name, f.v
		if l, ok := v.([]string); ok && strings.HasSuffix(name, labelSuffix) {
			vals = append(vals, l...)
		}
	}
	folded := 0
	for _, v := range vals {
		k := key(v)
		if k != v {
			folded++
		}
		if kk := key(k); kk != k {
			t.Errorf("key(%q) = %q, but key(%q) = %q", v, k, k, kk)
		}
	}
	if folded < 10 || len(vals) < 1000 {
		t.Errorf("%d values, %d of them not folded: too few to tell", len(vals), folded)
	}
}
