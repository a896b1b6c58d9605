package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"html"
	"io"
	"regexp"
	"strings"

	"github.com/jiyao-search/jiyao/index"
)

func init() {
	register(command{"search", "search the index from the command line", runSearch})
}

// multiFlag collects a repeatable flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

// cliFacets are the facets search counts unless told: those a reader
// narrows by first (index.FacetDef.Default). Each facet costs a pass over
// the hits.
var cliFacets = func() []string {
	var out []string
	for _, f := range index.FacetDefs {
		if f.Default {
			out = append(out, f.Name)
		}
	}
	return out
}()

func runSearch(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "search", "QUERY")
	dir := indexFlag(e, fs)
	asJSON := fs.Bool("json", false, "print the result as one JSON document")
	var f index.Filters
	fs.StringVar(&f.From, "from", "", "meetings on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)")
	fs.StringVar(&f.To, "to", "", "meetings on or before this date")
	// A repeatable flag for each filter that has one.
	lists := map[string]*multiFlag{}
	for _, fd := range index.FacetDefs {
		if fd.Filter && fd.Flag != "" {
			lists[fd.Name] = &multiFlag{}
			fs.Var(lists[fd.Name], fd.Name, fd.Flag)
		}
	}
	fs.StringVar(&f.Role, "role", "", "restrict --official to a role: "+strings.Join(index.RoleNames, ", "))
	level := fs.String("level", "meeting", "hits to return: meeting, item or decision")
	sort := fs.String("sort", "relevance", "relevance, date or -date")
	size := fs.Int("size", index.DefaultSize, fmt.Sprintf("hits per page (at most %d)", index.MaxSize))
	after := fs.String("after", "", "cursor from a previous page's next")
	facets := fs.String("facets", strings.Join(cliFacets, ","), "facets to count, comma-separated; all for every facet of the level, none for none")
	if err := parseFlags(fs, reorder(fs, args)); err != nil {
		return err
	}
	for name, vals := range lists {
		if len(*vals) > 0 {
			f = f.With(name, *vals...)
		}
	}
	req := index.Request{
		Query: strings.Join(fs.Args(), " "), Level: *level, Filters: f,
		Sort: *sort, Size: *size, After: *after, Highlight: true,
	}
	switch *facets {
	case "none", "":
	case "all":
		req.Facets = index.FacetsAt(*level)
	default:
		req.Facets = strings.Split(*facets, ",")
	}
	var res *index.Result
	idx, err := openIndex("search", *dir, index.Options{ReadOnly: true})
	if r, ok := remoteFor(err); ok {
		throughServer(e, r)
		res, err = r.search(ctx, req)
	} else if err == nil {
		defer idx.Close()
		res, err = idx.Search(ctx, req)
	}
	if err != nil {
		return err
	}
	if res.Fallback != "" {
		fmt.Fprintf(e.stderr, "jiyao search: %s\n", res.Fallback)
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	printResult(e.stdout, res)
	return nil
}

// reorder moves flags after the query words in front of them, so that
// "jiyao search 氢能 --level decision" works as people type it.
func reorder(fs *flag.FlagSet, args []string) []string {
	var flags, words []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			words = append(words, args[i+1:]...)
			break
		}
		if strings.HasPrefix(a, "-") && len(a) > 1 {
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if !strings.Contains(name, "=") {
				if fl := fs.Lookup(name); fl != nil {
					if bf, ok := fl.Value.(interface{ IsBoolFlag() bool }); !ok || !bf.IsBoolFlag() {
						if i+1 < len(args) {
							flags = append(flags, args[i+1])
							i++
						}
					}
				}
			}
			continue
		}
		words = append(words, a)
	}
	return append(flags, words...)
}

var markRE = regexp.MustCompile(`</?mark>`)

// plain turns a highlighted HTML snippet into terminal text, matches in
// 【】.
func plain(s string) string {
	s = strings.NewReplacer("<mark>", "【", "</mark>", "】").Replace(s)
	return html.UnescapeString(markRE.ReplaceAllString(s, ""))
}

func printResult(w io.Writer, res *index.Result) {
	fmt.Fprintf(w, "%d hits (%s match, %s)\n", res.Total, res.Mode, res.Took.Round(1000))
	for i, h := range res.Hits {
		title := h.Title
		if h.TitleHTML != "" {
			title = plain(h.TitleHTML)
		}
		fmt.Fprintf(w, "\n%2d. %s  [%s %s]\n", i+1, title, h.Level, h.ID)
		fmt.Fprintf(w, "    %s %s", h.Date, h.Issuer)
		if h.Session > 0 {
			fmt.Fprintf(w, " 第%d次", h.Session)
		}
		if h.ItemNo > 0 {
			fmt.Fprintf(w, " 议题%d", h.ItemNo)
		}
		if h.Level != "meeting" && h.MeetingTitle != "" {
			fmt.Fprintf(w, "  %s", h.MeetingTitle)
		}
		fmt.Fprintln(w)
		if d := h.Decision; d != nil {
			fmt.Fprintf(w, "    %s %s", d.Verb, d.Object)
			if d.Lead != "" {
				fmt.Fprintf(w, "（由%s）", d.Lead)
			}
			fmt.Fprintln(w)
		}
		for _, s := range h.Snippets {
			fmt.Fprintf(w, "    %s\n", plain(s))
		}
		for _, m := range h.Matched {
			fmt.Fprintf(w, "    matched: %s\n", m)
		}
		fmt.Fprintf(w, "    %s\n", h.Source)
	}
	if res.Next != "" {
		fmt.Fprintf(w, "\nnext page: --after %s\n", res.Next)
	}
	for _, f := range res.Facets {
		if len(f.Values) == 0 {
			continue
		}
		var parts []string
		for i, v := range f.Values {
			if i == 8 {
				parts = append(parts, "…")
				break
			}
			parts = append(parts, fmt.Sprintf("%s (%d)", v.Value, v.Count))
		}
		fmt.Fprintf(w, "\n%-10s %s", f.Name, strings.Join(parts, "  "))
	}
	fmt.Fprintln(w)
}
