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

// bodyForms are the names of a government's bodies as minutes write them,
// short forms first matched longest first, with the canonical form.
var bodyForms = []struct{ form, canonical string }{
	{"人民代表大会常务委员会", "人民代表大会常务委员会"},
	{"人大常委会", "人民代表大会常务委员会"},
	{"人民政府", "人民政府"},
	{"政府", "人民政府"},
	{"政协委员会", "政协委员会"},
	{"政协常委会", "政协委员会"},
	{"政协", "政协委员会"},
	{"人民代表大会", "人民代表大会"},
	{"人大", "人民代表大会"},
}

// levelChars are the levels of government a bare body names (区政府,
// 县人大常委会, 市政协).
const levelChars = "省市区县州旗盟镇乡"

// qualifyIssuer makes an issuer canonical: a bare body (区政府, 市人大常委会)
// gets the place it belongs to, read from the texts in turn with the
// gazetteer (the title, the text, the page's chrome, the file's path), and
// a short form of a body becomes the canonical one (九龙坡区政府 →
// 九龙坡区人民政府). An issuer it cannot place stays as it was.
func (e *Extractor) qualifyIssuer(issuer string, texts ...string) string {
	f := fold.String(issuer)
	for _, b := range bodyForms {
		if !strings.HasSuffix(f, fold.String(b.form)) {
			continue
		}
		place := strings.TrimSuffix(f, fold.String(b.form))
		switch {
		case place == "":
			return issuer
		case runeCount(place) == 1 && strings.Contains(levelChars, place):
			// A bare body (区政府) names its place where the texts do,
			// and is named canonically (区人民政府) where they don't.
			p := e.places.placeFor(place, texts...)
			if p == "" {
				return place + b.canonical
			}
			return p + b.canonical
		case e.places.byName[place].name != "":
			return e.places.byName[place].name + b.canonical
		}
		return issuer
	}
	return issuer
}

// isBody reports whether a name is a body's name alone, without a place or
// level (人民政府, 人大常委会).
func isBody(name string) bool {
	f := fold.String(name)
	for _, b := range bodyForms {
		if f == fold.String(b.form) {
			return true
		}
	}
	return false
}
