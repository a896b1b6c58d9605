package query

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jiyao-search/jiyao/internal/fold"
)

// DateSpan turns YYYY, YYYY-MM or YYYY-MM-DD bounds into a range of whole
// days, either bound "" for open; raw is the text they came from, which
// an error (an *Error) quotes.
func DateSpan(raw, from, to string) (*DateRange, error) {
	var q DateRange
	if from != "" {
		t, _, err := ParseBound(from)
		if err != nil {
			return nil, errorf("%v in %q", err, raw)
		}
		q.From = t.Format(time.DateOnly)
	}
	if to != "" {
		t, layout, err := ParseBound(to)
		if err != nil {
			return nil, errorf("%v in %q", err, raw)
		}
		switch layout {
		case "2006":
			t = t.AddDate(1, 0, -1)
		case "2006-01":
			t = t.AddDate(0, 1, -1)
		}
		q.To = t.Format(time.DateOnly)
	}
	if q.From != "" && q.To != "" && q.From > q.To {
		return nil, errorf("date range %s..%s is empty in %q", from, to, raw)
	}
	return &q, nil
}

// dates is DateSpan as a node of the tree.
func dates(raw, from, to string) (Q, error) {
	d, err := DateSpan(raw, from, to)
	if err != nil {
		return nil, err
	}
	return d, nil
}

// ParseBound reads a date bound: YYYY, YYYY-MM or YYYY-MM-DD. It returns
// the first day of the period and the layout that matched.
func ParseBound(s string) (time.Time, string, error) {
	s = fold.String(strings.TrimSpace(s))
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(s) != len(layout) {
			continue
		}
		if t, err := time.Parse(layout, s); err == nil {
			return t, layout, nil
		}
	}
	if !utf8.ValidString(s) {
		s = strconv.Quote(s)
	}
	return time.Time{}, "", fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", s)
}
