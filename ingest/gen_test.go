package ingest

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jiyao-search/jiyao/internal/gen"
)

// TestGenerated extracts generated minutes, plain and wrapped like PDF text,
// and compares the records with the generator's truth.
func TestGenerated(t *testing.T) {
	e := newTestExtractor(t)
	for _, tc := range []struct {
		name string
		g    *gen.Generator
	}{
		{"plain", gen.New(7)},
		{"wrapped", gen.New(7, gen.WrapAt(38))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			const n = 150
			bad := 0
			for i := range n {
				d := tc.g.Doc(i)
				m, err := e.ExtractOne(d.Name, d.Text)
				if err != nil {
					t.Fatalf("%s: %v", d.Name, err)
				}
				if diff := cmp.Diff(genView(m), truthView(d)); diff != "" {
					bad++
					if bad <= 3 {
						t.Errorf("%s (-got +want):\n%s", d.Name, diff)
					}
				}
			}
			if bad > 0 {
				t.Errorf("%d of %d generated documents extracted wrong", bad, n)
			}
		})
	}
}

// view is what the generator's truth and the record share.
type view struct {
	Issuer, Title, DocNumber, Kind, Label, Date, PartOfDay string
	Year, Session                                          int
	Chair                                                  string
	Items                                                  []string
	Departments                                            []string
	Attendees                                              []string
	Recorder, Publisher, Published                         string
}

func genView(m *Minutes) view {
	v := view{
		Issuer: m.Issuer, Title: m.Title, DocNumber: m.DocNumber, Kind: m.Meeting.Kind,
		Label: m.Meeting.Label, Date: m.Meeting.Date, PartOfDay: m.Meeting.PartOfDay,
		Year: m.Meeting.Year, Session: m.Meeting.Session, Departments: m.Departments,
		Recorder: m.Recorder, Publisher: m.Publisher, Published: m.Published,
	}
	if m.Chair != nil {
		v.Chair = m.Chair.Name + "/" + m.Chair.Title
	}
	for _, it := range m.Items {
		s := fmt.Sprintf("%d %s %s", it.No, it.Action, it.Title)
		for _, d := range it.Decisions {
			s += fmt.Sprintf(" [%s|%s|%s]", d.Verb, d.Object, d.Lead)
		}
		v.Items = append(v.Items, s)
	}
	for _, a := range m.Attendees {
		v.Attendees = append(v.Attendees, a.Role+":"+a.Org+":"+a.Name)
	}
	return v
}

func truthView(d gen.Doc) view {
	v := view{
		Issuer: d.Issuer, Title: d.Title, DocNumber: d.DocNumber, Kind: d.Meeting.Kind,
		Label: d.Meeting.Label, Date: d.Meeting.Date, PartOfDay: d.Meeting.PartOfDay,
		Year: d.Meeting.Year, Session: d.Meeting.Session, Departments: d.Departments,
		Recorder: d.Recorder, Publisher: d.Publisher, Published: d.Published,
		Chair: d.Chair.Name + "/" + d.Chair.Title,
	}
	if v.Departments == nil {
		v.Departments = []string{}
	}
	for _, it := range d.Items {
		s := fmt.Sprintf("%d %s %s", it.No, it.Action, it.Title)
		for _, dc := range it.Decisions {
			s += fmt.Sprintf(" [%s|%s|%s]", dc.Verb, dc.Object, dc.Lead)
		}
		v.Items = append(v.Items, s)
	}
	for _, a := range d.Attendees {
		v.Attendees = append(v.Attendees, a.Role+":"+a.Org+":"+a.Name)
	}
	return v
}
