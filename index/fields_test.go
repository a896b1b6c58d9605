package index

import (
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	bindex "github.com/blevesearch/bleve_index_api"
	"github.com/google/go-cmp/cmp"

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

// TestAnalysedFieldsMatchMapping pins that the text fields put writes
// (analysedField) index what the mapping's own TextField would: the same
// terms, frequencies, locations and field lengths, for every text field
// of the mapping, on the documents of the fixtures and of the generator.
func TestAnalysedFieldsMatchMapping(t *testing.T) {
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	fields, err := newAnalysedFields(m)
	if err != nil {
		t.Fatal(err)
	}
	// Every analysed text field of the mapping is written this way;
	// keyword fields go through the mapping.
	var want, got []string
	for name, dm := range m.DefaultMapping.Properties {
		if len(dm.Fields) == 1 && dm.Fields[0].Index && (dm.Fields[0].Analyzer == positionsAnalyzer || dm.Fields[0].Analyzer == charsAnalyzer) {
			want = append(want, name)
		}
	}
	for name := range fields {
		got = append(got, name)
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) || len(got) < 8 {
		t.Fatalf("analysed fields %v, mapping's text fields %v", got, want)
	}

	recs := fixtures()
	g := gen.New(7, gen.WrapAt(37))
	ex, err := ingest.NewExtractor(ingest.Config{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 20 {
		d := g.Doc(i)
		rec, err := ex.ExtractOne(d.Name, d.Text)
		if err != nil {
			t.Fatal(err)
		}
		rec.ID = d.Name
		recs = append(recs, rec)
	}
	checked := map[string]int{}
	for _, rec := range recs {
		ds, err := docs(storedRecord{rec: rec})
		if err != nil {
			t.Fatal(err)
		}
		for id, d := range ds {
			for name, v := range d {
				s, ok := v.(string)
				if !ok {
					continue
				}
				ours, ok := fields.field(name, s)
				if !ok {
					continue
				}
				fm := m.DefaultMapping.Properties[name].Fields[0]
				theirs := document.NewTextFieldCustom(name, nil, []byte(s), fm.Options(), m.AnalyzerNamed(fm.Analyzer))
				ours.Analyze()
				theirs.Analyze()
				if ours.AnalyzedLength() != theirs.AnalyzedLength() {
					t.Errorf("%s %s: length %d, mapping's %d", id, name, ours.AnalyzedLength(), theirs.AnalyzedLength())
				}
				if diff := cmp.Diff(flatten(theirs.AnalyzedTokenFrequencies()), flatten(ours.AnalyzedTokenFrequencies())); diff != "" {
					t.Errorf("%s %s: frequencies differ from the mapping's (-mapping +ours):\n%s", id, name, diff)
				}
				if ours.Options() != theirs.Options() {
					t.Errorf("%s %s: options %v, mapping's %v", id, name, ours.Options(), theirs.Options())
				}
				checked[name]++
			}
		}
	}
	for _, name := range want {
		if checked[name] == 0 {
			t.Errorf("no document has field %s", name)
		}
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
