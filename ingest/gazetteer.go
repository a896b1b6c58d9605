package ingest

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"fmt"
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
	var tsv bytes.Buffer
	for _, p := range g.byName {
		tsv.WriteString(p.name + "\n")
	}
	if g.names, err = parseAliasTable(tsv.Bytes()); err != nil {
		return nil, err
	}
	return g, nil
}

// find returns the places named in folded text whose name ends with one of
// levels (区, 县, 市, 旗 …; all when empty), in order of first mention, with
// the number of times each is named.
func (g *gazetteer) find(text string, levels string) ([]string, map[string]int) {
	var order []string
	count := map[string]int{}
	for i := 0; i < len(text); {
		ent, n, ok := g.names.longest(text[i:])
		if !ok {
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
			continue
		}
		name := ent.canonical
		if levels == "" || strings.ContainsRune(levels, lastRune(name)) {
			if count[name] == 0 {
				order = append(order, name)
			}
			count[name]++
		}
		i += n
	}
	return order, count
}

// bodyWords follow a place's name where it names a body of its
// government: 九龙坡区人民政府, 九龙坡区政府, 九龙坡区人大常委会.
var bodyWords = []string{"人民政府", "政府", "人大", "人民代表大会", "政协", "委员会", "常委会"}

// placeFor returns the place a body of the given level (区, 县, 市 …)
// belongs to, read from the texts in turn (title, text, page chrome, path):
// a place named with a body after it (九龙坡区政府) wins, else the place of
// that level named most often in the first text that names one.
func (g *gazetteer) placeFor(level string, texts ...string) string {
	for _, t := range texts {
		order, count := g.find(t, level)
		if len(order) == 0 {
			continue
		}
		for _, name := range order {
			f := fold.String(name)
			for i := strings.Index(t, f); i >= 0; {
				if _, ok := firstPrefix(t[i+len(f):], bodyWords); ok {
					return name
				}
				j := strings.Index(t[i+len(f):], f)
				if j < 0 {
					break
				}
				i += len(f) + j
			}
		}
		best := order[0]
		for _, name := range order {
			if count[name] > count[best] {
				best = name
			}
		}
		return best
	}
	return ""
}
