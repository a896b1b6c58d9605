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
			q, _, err := Parse(name + ":值")
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
		if q, _, err := Parse("level:" + l); err != nil || q.String() != "level:"+l {
			t.Errorf("Parse(level:%s) = %v, %v", l, q, err)
		}
	}
}

// A query whose field was given a bad value is a bad value of q; one
// whose structure does not parse is read as its words, and says so.
func TestParseErrors(t *testing.T) {
	for _, tt := range []struct{ in, words string }{{`"燃料电池`, "燃料电池"}, {"税 OR", "税"}, {"(氢能 OR) 规划", "氢能 规划"}} {
		q, fallback, err := Parse(tt.in)
		if err != nil || queryParser.Format(q) != tt.words || !strings.Contains(fallback, "does not parse") {
			t.Errorf("Parse(%q) = %v, %q, %v; want its words %s and why", tt.in, q, fallback, err, tt.words)
		}
	}
	for _, in := range []string{"colour:red", "level:agenda", `"燃料电池 year:20`} {
		_, _, err := Parse(in)
		var qe *QueryError
		if !errors.Is(err, ErrBadQuery) || !errors.As(err, &qe) || qe.Param != "q" {
			t.Errorf("Parse(%q) error %v is not a QueryError for q", in, err)
		}
	}
	_, _, err := Parse("colour:red")
	if want := "known fields: issuer, kind, department, topic, official, chair, present, observer, recorder, verb, lead, genre, level"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("Parse(colour:red) error %v; want it to list %s", err, want)
	}
}
