package ingest

import (
	"strings"

	"github.com/jiyao-search/jiyao/internal/fold"
)

// IssuerNames returns the names an issuer goes by: its canonical name, then
// the aliases the issuers table gives it, then the short forms every body of
// its kind has (苏州市人民政府 → 苏州市政府). Filters accept any of them.
func (e *Extractor) IssuerNames(canonical string) []string {
	if canonical == "" {
		return nil
	}
	out := []string{canonical}
	seen := map[string]bool{fold.String(canonical): true}
	add := func(n string) {
		if f := fold.String(n); n != "" && !seen[f] {
			seen[f] = true
			out = append(out, n)
		}
	}
	for _, a := range e.issuers.names[fold.String(canonical)] {
		add(a)
	}
	for _, r := range issuerShortForms {
		if strings.HasSuffix(canonical, r.long) && len(canonical) > len(r.long) {
			add(strings.TrimSuffix(canonical, r.long) + r.short)
		}
	}
	return out
}

// issuerShortForms are the short forms of the bodies' names that minutes
// use for any place: 人民政府 → 政府, 人民代表大会常务委员会 → 人大常委会.
var issuerShortForms = []struct{ long, short string }{
	{"人民代表大会常务委员会", "人大常委会"},
	{"人民代表大会常务委员会", "人大"},
	{"人民政府", "政府"},
	{"政协委员会", "政协"},
	{"委员会", "委"},
}
