package index

import (
	"errors"
	"strings"
	"testing"

	ql "github.com/jiyao-search/jiyao/query"
)

// The query language knows every keyword facet by its name and aliases,
// and the levels; the language itself is tested in package query.
func TestParseFields(t *testing.T) {
	for _, f := range FacetDefs {
		for _, name := range append([]string{f.Name}, f.Aliases...) {
			q, err := Parse(name + ":值")
			if !f.keyword() {
				if fq, ok := q.(*ql.Field); ok {
					t.Errorf("Parse(%s:值) = %v; facet %s is no keyword field", name, fq, f.Name)
				}
				continue
			}
			if err != nil {
				t.Errorf("Parse(%s:值) error: %v", name, err)
				continue
			}
			if fq, ok := q.(*ql.Field); !ok || fq.Field != f.field || fq.Value != "值" {
				t.Errorf("Parse(%s:值) = %v; want %s:值", name, q, f.field)
			}
		}
	}
	for _, l := range []string{LevelMeeting, LevelItem, LevelDecision} {
		if q, err := Parse("level:" + l); err != nil || q.String() != "level:"+l {
			t.Errorf("Parse(level:%s) = %v, %v", l, q, err)
		}
	}
}

// A query that does not parse is a bad value of q.
func TestParseErrors(t *testing.T) {
	for _, in := range []string{`"燃料电池`, "colour:red", "level:agenda", "税 OR"} {
		_, err := Parse(in)
		var qe *QueryError
		if !errors.Is(err, ErrBadQuery) || !errors.As(err, &qe) || qe.Param != "q" {
			t.Errorf("Parse(%q) error %v is not a QueryError for q", in, err)
		}
	}
	_, err := Parse("colour:red")
	if want := "known fields: issuer, kind, department, topic, official, chair, present, observer, recorder, verb, lead, genre, level"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("Parse(colour:red) error %v; want it to list %s", err, want)
	}
}
