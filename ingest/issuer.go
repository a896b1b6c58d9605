package ingest

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/jiyao-search/jiyao/internal/fold"
)

// IssuerNames returns the names an issuer goes by: its canonical name, then
// the aliases the issuers table gives it, then IssuerForms. Filters accept
// any of them.
func (e *Extractor) IssuerNames(canonical string) []string {
	if canonical == "" {
		return nil
	}
	return appendNames([]string{canonical}, append(e.issuers.names[fold.String(canonical)], IssuerForms(canonical)...)...)
}

// IssuerForms returns the other names every body of an issuer's kind goes
// by, read off bodyForms: 苏州市政府 for 苏州市人民政府, 全国人大常委会 for
// 全国人民代表大会常务委员会, 国务院 for 中华人民共和国国务院.
func IssuerForms(canonical string) []string {
	var out []string
	if rest, ok := strings.CutPrefix(canonical, "中华人民共和国"); ok && rest != "" {
		out = append(out, rest)
	}
	for _, b := range bodyForms {
		if b.form != b.canonical && len(canonical) > len(b.canonical) && strings.HasSuffix(canonical, b.canonical) {
			out = append(out, strings.TrimSuffix(canonical, b.canonical)+b.form)
		}
	}
	return appendNames(nil, out...)
}

// appendNames appends the names not already in out, compared folded.
func appendNames(out []string, names ...string) []string {
	for _, n := range names {
		if n != "" && !slices.ContainsFunc(out, func(o string) bool { return fold.String(o) == fold.String(n) }) {
			out = append(out, n)
		}
	}
	return out
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

// placeFromText returns the place the text itself writes before a bare
// issuer (中西區 before 區議會 in 中西區區議會第十二次會議), in the text's
// characters, or "": the issuer must start with a level (區議會, 市人民政府)
// and the place is the run of two to four Han characters before it that
// ends with that level, the one written most often.
func placeFromText(issuer string, p *page) string {
	norm := p.norm
	f := fold.String(issuer)
	level, _ := utf8.DecodeRuneInString(f)
	if f == "" || runeCount(f) > 7 || !strings.ContainsRune(levelChars, level) {
		return ""
	}
	count := map[string]int{}
	best, shown := "", ""
	for at := range occurrences(norm, f) {
		start, n := at, 0
		for start > 0 && n < 4 {
			r, size := utf8.DecodeLastRuneInString(norm[:start])
			if !hanRune(r) {
				break
			}
			start -= size
			n++
		}
		// The run before must end with the level and start a name: the
		// longest such run of two to four characters.
		for k := start; k < at; {
			place := norm[k:at]
			if c := runeCount(place); c >= 2 && c <= 4 && lastRune(place) == level && !strings.ContainsAny(place, "的了在和与及召开举行第届次") {
				count[place]++
				if count[place] > count[best] {
					best, shown = place, p.show(k, at)
				}
				break
			}
			_, size := utf8.DecodeRuneInString(norm[k:])
			k += size
		}
	}
	return shown
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

// IssuerPlace returns the place an issuer governs, as its name writes it:
// 苏州市 for 苏州市人民政府, 九龙坡区 for 九龙坡区人大常委会, 高雄市 for
// 高雄市議會; empty for a body of no place (中华人民共和国国务院).
func IssuerPlace(issuer string) string {
	f, offs := fold.Offsets(issuer)
	for _, suf := range issuerSuffixes {
		if !strings.HasSuffix(f, suf) {
			continue
		}
		place := f[:len(f)-len(suf)]
		if r := lastRune(place); place != "" && strings.ContainsRune(levelChars, r) && runeCount(place) >= 2 {
			return issuer[:offs[len(place)]]
		}
		return ""
	}
	return ""
}

// DepartmentIdentity names a department as one body of one government: the
// form the text uses (市工信局) qualified by the place of the issuing
// government (苏州市工信局), so that the 市工信局 of Suzhou and of Wenzhou
// are two bodies. A name that already names its place, a central body and a
// department of an issuer of no place stay as written.
func DepartmentIdentity(issuer, dept string) string {
	place := IssuerPlace(issuer)
	if place == "" || dept == "" {
		return dept
	}
	fp, fd := fold.String(place), fold.String(dept)
	if strings.HasPrefix(fd, fp) {
		return dept
	}
	first, size := utf8.DecodeRuneInString(fd)
	switch {
	case strings.ContainsRune(levelChars, first):
		// 市工信局 in Suzhou's record: the level is the place's.
		if lastRune(fp) != first {
			// 省财政厅 in a city's record: another government's body.
			return dept
		}
		return place + string([]rune(dept)[runeCount(fd[:size]):])
	case centralBody(fd):
		return dept
	}
	return place + dept
}

// centralBody reports whether a folded name is a body of the central
// government (国务院…, 国家…, 中央…, 全国…, or a ministry: 民政部).
func centralBody(f string) bool {
	if _, ok := firstPrefix(f, []string{"国务院", "国家", "中央", "中共中央", "全国", "最高人民"}); ok {
		return true
	}
	return strings.HasSuffix(f, "部") && !strings.HasSuffix(f, "统战部") && !strings.HasSuffix(f, "宣传部") && !strings.HasSuffix(f, "组织部")
}

// CanonicalDepartment names a department as records name it, by the
// default departments table: 市卫健委 is 市卫生健康委, 苏州市发改委 is
// 苏州市发展改革委; the place or level before the body is kept. A name the
// table does not know is returned as it is. Search filters use it, so that
// a department is found by any of its names.
func CanonicalDepartment(name string) string {
	t, err := defaultDeptTable()
	if err != nil || name == "" {
		return name
	}
	f, offs := fold.Offsets(name)
	// The longest tail that is a whole name in the table.
	for i := 0; i < len(f); {
		if ent, n, ok := t.longest(f[i:]); ok && i+n == len(f) {
			return name[:offs[i]] + ent.canonical
		}
		_, size := utf8.DecodeRuneInString(f[i:])
		i += size
	}
	return name
}

// defaultDeptTable is the embedded departments table, read once.
var defaultDeptTable = sync.OnceValues(func() (*aliasTable, error) { return parseAliasTable(defaultDepartments) })
