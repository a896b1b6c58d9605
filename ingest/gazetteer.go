package ingest

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/jiyao-search/jiyao/internal/fold"
)

// The gazetteer of China's administrative divisions (国家统计局 2023
// edition; data/divisions/README.md gives its source and licence): what a
// clerk knows without thinking, so that 区政府 in a release about 九龙坡区
// becomes 九龙坡区人民政府.
var (
	//go:embed data/divisions/provinces.csv
	provincesCSV []byte
	//go:embed data/divisions/cities.csv
	citiesCSV []byte
	//go:embed data/divisions/areas.csv
	areasCSV []byte
)

// place is one administrative division.
type place struct {
	name string
	// parent is the name of the division above (the city of a county,
	// the province of a city); empty for a province.
	parent string
}

// gazetteer finds places in folded text.
type gazetteer struct {
	byName map[string]place
	names  *aliasTable
	// short holds the names without their level (九龙坡 for 九龙坡区),
	// for pages that name a place so (九龙坡要闻, 文成新闻网).
	short *aliasTable
}

// genericPlaces are division names that are also common words (城区, 郊区)
// or placeholders (市辖区, 县): never read as a place.
var genericPlaces = map[string]bool{
	"市辖区": true, "县": true, "城区": true, "郊区": true, "矿区": true, "东区": true,
	"西区": true, "南区": true, "北区": true, "新区": true, "市中区": true, "省直辖县级行政区划": true,
	"自治区直辖县级行政区划": true,
}

func newGazetteer() (*gazetteer, error) {
	g := &gazetteer{byName: map[string]place{}}
	read := func(data []byte, parentCol int, parents map[string]string) (map[string]string, error) {
		rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		if err != nil {
			return nil, err
		}
		codes := map[string]string{}
		for _, r := range rows[1:] {
			if len(r) < 2 {
				continue
			}
			codes[r[0]] = r[1]
			if genericPlaces[r[1]] {
				continue
			}
			p := place{name: r[1]}
			if parentCol > 0 && parentCol < len(r) {
				p.parent = parents[r[parentCol]]
			}
			f := fold.String(r[1])
			if _, dup := g.byName[f]; !dup {
				g.byName[f] = p
			}
		}
		return codes, nil
	}
	provinces, err := read(provincesCSV, 0, nil)
	if err != nil {
		return nil, fmt.Errorf("provinces: %w", err)
	}
	cities, err := read(citiesCSV, 2, provinces)
	if err != nil {
		return nil, fmt.Errorf("cities: %w", err)
	}
	if _, err := read(areasCSV, 2, cities); err != nil {
		return nil, fmt.Errorf("areas: %w", err)
	}
	// In the order of the names, so that of two places with one short
	// name (朝阳区, 朝阳市) the same one keeps it every run.
	g.names, g.short = newAliasTable(), newAliasTable()
	for _, k := range slices.Sorted(maps.Keys(g.byName)) {
		p := g.byName[k]
		e := aliasEntry{canonical: p.name}
		g.names.add(p.name, e)
		rs := []rune(p.name)
		if len(rs) >= 3 && strings.ContainsRune("区县市旗", rs[len(rs)-1]) && !strings.HasSuffix(p.name, "自治县") {
			g.short.add(p.name, e)
			g.short.add(string(rs[:len(rs)-1]), e)
		}
	}
	if err := g.names.finish(); err != nil {
		return nil, err
	}
	if err := g.short.finish(); err != nil {
		return nil, err
	}
	return g, nil
}

// mention is a place a text names, and how.
type mention struct {
	name  string
	count int
	// body is set when a body's name follows (九龙坡区政府); full when the
	// full name is written, not only the short one.
	body, full bool
}

// find returns the places named in folded text whose name ends with one of
// levels (区, 县, 市, 旗 …), in order of first mention. A two-character
// name (和县, 泾县) counts only where it stands alone, not inside a phrase
// (…蒋道成和县政府…); a short name (九龙坡 for 九龙坡区) only with short.
func (g *gazetteer) find(text string, levels string, short bool) []*mention {
	var order []*mention
	byName := map[string]*mention{}
	for i := 0; i < len(text); {
		ent, n, ok := g.names.longest(text[i:])
		full := ok
		if ok && runeCount(ent.canonical) == 2 && i > 0 {
			if prev := lastRune(text[:i]); hanRune(prev) && !strings.ContainsRune("省市州盟", prev) {
				ok = false
			}
		}
		if !ok && short {
			ent, n, ok = g.short.longest(text[i:])
			full = false
		}
		if !ok {
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
			continue
		}
		name := ent.canonical
		if strings.ContainsRune(levels, lastRune(name)) {
			m := byName[name]
			if m == nil {
				m = &mention{name: name}
				byName[name] = m
				order = append(order, m)
			}
			m.count++
			m.full = m.full || full
			if _, b := firstPrefix(text[i+n:], bodyWords); b {
				m.body = true
			}
		}
		i += n
	}
	return order
}

// bodyWords follow a place's name where it names a body of its
// government: 九龙坡区人民政府, 九龙坡区政府, 九龙坡区人大常委会.
var bodyWords = []string{"人民政府", "政府", "人大", "人民代表大会", "政协", "委员会", "常委会"}

// placeFor returns the place a body of the given level (区, 县, 市 …)
// belongs to, read from the texts in turn (title, text, page chrome, path):
// in the first text that names a place of that level, the one named with a
// body after it (九龙坡区政府) wins, then one whose parent the texts also
// name (句容 beside 镇江市), then the one named most often. Short names
// count in every text but the first two (the title and the text), where
// they are too often words.
func (g *gazetteer) placeFor(level string, texts ...string) string {
	all := strings.Join(texts, "\n")
	for k, t := range texts {
		ms := g.find(t, level, k >= 2)
		if len(ms) == 0 && k < 2 {
			// 督查句容问题 beside 镇江市: a short name whose city the
			// text names.
			for _, m := range g.find(t, level, true) {
				if p := g.byName[fold.String(m.name)].parent; p != "" && strings.Contains(all, fold.String(p)) {
					ms = append(ms, m)
				}
			}
		}
		if len(ms) == 0 {
			continue
		}
		score := func(m *mention) int {
			s := m.count
			if m.body {
				s += 100
			}
			if p := g.byName[fold.String(m.name)].parent; p != "" && strings.Contains(all, fold.String(p)) {
				s += 10
			}
			return s
		}
		best := ms[0]
		for _, m := range ms[1:] {
			if score(m) > score(best) {
				best = m
			}
		}
		return best.name
	}
	return ""
}
