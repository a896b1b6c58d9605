package query

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/jiyao-search/jiyao/ingest"
	"github.com/jiyao-search/jiyao/internal/cnum"
	"github.com/jiyao-search/jiyao/internal/fold"
)

// sessionRE matches a folded meeting number: 第115次, 2026年第1次.
var sessionRE = regexp.MustCompile(`^(?:(\d{4}|[〇零一二三四五六七八九]{4})年)?第([0-9]+|[〇零一二两三四五六七八九十百千]+)次(?:会议)?$`)

// identifier recognises a meeting number or a document number typed as a
// term; nil for any other term.
func identifier(s string) Q {
	f := fold.Key(s)
	if m := sessionRE.FindStringSubmatch(f); m != nil {
		n, ok := number(m[2])
		if !ok || n <= 0 {
			return nil
		}
		q := &Session{N: n, Raw: s}
		if m[1] != "" {
			y, ok := number(m[1])
			if !ok {
				return nil
			}
			q.Year = y
		}
		return q
	}
	if full, _, ok := docNumberForms(s); ok {
		return &DocNumber{Key: full, Raw: s}
	}
	return nil
}

// session reads the value of session:…, a meeting number in any of the
// forms identifier reads or a bare number; raw is the term, for the error.
func session(raw, v string) (Q, error) {
	if q := identifier(v); q != nil {
		if s, ok := q.(*Session); ok {
			return s, nil
		}
	}
	n, err := strconv.Atoi(fold.String(v))
	if err != nil || n <= 0 {
		return nil, errorf("session must be a number in %q", raw)
	}
	return &Session{N: n}, nil
}

// number reads digits or a Chinese numeral (一百一十五, 二〇二六).
func number(s string) (int, bool) {
	if allDigits(s) {
		n, err := strconv.Atoi(s)
		return n, err == nil
	}
	return cnum.Parse(s)
}

// DocNumberKeys are the keys a document number (文号) is indexed and
// matched by, folded (fold.Key): its canonical full form with its prefix
// (苏府会〔2020〕36号), then the bare year and number (〔2020〕36号), the one
// key of a number written without a prefix. Text that holds no document
// number is its own key; "" has none.
func DocNumberKeys(s string) []string {
	if s == "" {
		return nil
	}
	full, core, ok := docNumberForms(s)
	if !ok {
		return []string{fold.Key(s)}
	}
	if full == core {
		return []string{core}
	}
	return []string{full, core}
}

// docNumberForms returns the canonical folded forms of a document number
// (see ingest.CanonicalDocNumber): the full form with its prefix and the
// bare year and number. ok is false when s holds no document number.
func docNumberForms(s string) (full, core string, ok bool) {
	c, ok := ingest.CanonicalDocNumber(s)
	if !ok {
		return "", "", false
	}
	full = fold.Key(c)
	return full, full[strings.Index(full, "〔"):], true
}

// Core returns the bare year and number of a document number typed with
// a prefix (〔2020〕36号 of 苏府会〔2020〕36号); ok is false when it has none.
func (q *DocNumber) Core() (core string, ok bool) {
	_, core, ok = docNumberForms(q.Raw)
	return core, ok && core != q.Key
}
