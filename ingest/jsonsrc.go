package ingest

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
)

// JSONFields names the fields of a JSON record that Decode reads, as dotted
// paths into nested objects ("video_detail.content"; a number indexes an
// array). For each field the first path with a non-empty value wins.
type JSONFields struct {
	Title []string
	// Text is the body: plain text, or HTML when it holds markup.
	Text []string
	// Date is the publication date, in any form with year, month and day.
	Date []string
	URL  []string
}

// DefaultJSONFields returns the field paths of the feeds in the corpus: the
// CCTV 新闻联播 API records, and generic title/content/date/url records.
// Hong Kong LegCo proceedings and Taiwan Legislative Yuan gazettes are
// recognised by their shape and rendered as minutes text; their title, date
// and URL come from these paths too.
func DefaultJSONFields() JSONFields {
	return JSONFields{
		Title: []string{"video_title", "video_detail.title", "title", "meta.title", "name"},
		Text:  []string{"video_detail.content", "content", "text", "body", "html", "article"},
		Date:  []string{"pub_date", "video_detail.pubtime", "date", "pubDate", "publish_date", "published", "publishdate", "time"},
		URL:   []string{"video_url", "url", "link", "src", "source_url"},
	}
}

func (f JSONFields) orDefault() JSONFields {
	d := DefaultJSONFields()
	if len(f.Title) == 0 {
		f.Title = d.Title
	}
	if len(f.Text) == 0 {
		f.Text = d.Text
	}
	if len(f.Date) == 0 {
		f.Date = d.Date
	}
	if len(f.URL) == 0 {
		f.URL = d.URL
	}
	return f
}

// jnode is a parsed JSON value that keeps the order of object keys, which
// transcripts keyed "1", "2", … depend on.
type jnode struct {
	kind byte // 'o' object, 'a' array, 's' string, 'n' number, 'b' bool, '0' null
	str  string
	keys []string
	vals []*jnode
}

// errJSONRecords is a JSON input of more records than maxJSONRecords: a
// top-level array of more elements or JSON Lines of more lines.
var errJSONRecords = fmt.Errorf("JSON holds more than %d records: %w", maxJSONRecords, ErrLimit)

func parseJSON(dec *json.Decoder, depth int) (*jnode, error) {
	if depth > maxJSONDepth {
		return nil, fmt.Errorf("JSON nested deeper than %d levels", maxJSONDepth)
	}
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n := &jnode{kind: 'o'}
			for dec.More() {
				k, err := dec.Token()
				if err != nil {
					return nil, err
				}
				key, ok := k.(string)
				if !ok {
					return nil, fmt.Errorf("JSON object key %v is not a string", k)
				}
				v, err := parseJSON(dec, depth+1)
				if err != nil {
					return nil, err
				}
				n.keys = append(n.keys, key)
				n.vals = append(n.vals, v)
			}
			if _, err := dec.Token(); err != nil {
				return nil, err
			}
			return n, nil
		case '[':
			n := &jnode{kind: 'a'}
			for dec.More() {
				if depth == 0 && len(n.vals) == maxJSONRecords {
					return nil, errJSONRecords
				}
				v, err := parseJSON(dec, depth+1)
				if err != nil {
					return nil, err
				}
				n.vals = append(n.vals, v)
			}
			if _, err := dec.Token(); err != nil {
				return nil, err
			}
			return n, nil
		}
		return nil, fmt.Errorf("unexpected JSON delimiter %v", t)
	case string:
		return &jnode{kind: 's', str: t}, nil
	case json.Number:
		return &jnode{kind: 'n', str: t.String()}, nil
	case bool:
		return &jnode{kind: 'b', str: strconv.FormatBool(t)}, nil
	case nil:
		return &jnode{kind: '0'}, nil
	}
	return nil, fmt.Errorf("unexpected JSON token %v", tok)
}

// get returns the member key of an object, or nil.
func (n *jnode) get(key string) *jnode {
	if n == nil || n.kind != 'o' {
		return nil
	}
	for i, k := range n.keys {
		if k == key {
			return n.vals[i]
		}
	}
	return nil
}

// path follows a dotted path.
func (n *jnode) path(p string) *jnode {
	for seg := range strings.SplitSeq(p, ".") {
		if n == nil {
			return nil
		}
		if n.kind == 'a' {
			i, err := strconv.Atoi(seg)
			if err != nil || i < 0 || i >= len(n.vals) {
				return nil
			}
			n = n.vals[i]
			continue
		}
		n = n.get(seg)
	}
	return n
}

// first returns the first non-empty string or number at one of paths.
func (n *jnode) first(paths []string) string {
	for _, p := range paths {
		v := n.path(p)
		if v != nil && (v.kind == 's' || v.kind == 'n') && strings.TrimSpace(v.str) != "" {
			return strings.TrimSpace(v.str)
		}
	}
	return ""
}

// sniffJSON recognises a JSON object, a top-level array of objects or JSON
// Lines. ok is false when text is not JSON and the extension does not claim
// it is; then the caller tries the other text formats.
func sniffJSON(text, ext string, fields JSONFields) (docs []*Document, ok bool, err error) {
	s := strings.TrimSpace(text)
	if s == "" || (s[0] != '{' && s[0] != '[') {
		if ext == ".json" || ext == ".jsonl" {
			return nil, true, errors.New("invalid JSON: does not start with { or [")
		}
		return nil, false, nil
	}
	claimed := ext == ".json" || ext == ".jsonl" || ext == ".ndjson"
	var records []*jnode
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	for {
		n, err := parseJSON(dec, 0)
		if err == io.EOF {
			break
		}
		if err == errJSONRecords || err == nil && len(records) == maxJSONRecords {
			return nil, true, errJSONRecords
		}
		if err != nil {
			if !claimed {
				return nil, false, nil
			}
			return nil, true, fmt.Errorf("invalid JSON at offset %d: %w", dec.InputOffset(), err)
		}
		if n.kind == 'a' && len(records) == 0 && !dec.More() {
			records = append(records, n.vals...)
			break
		}
		records = append(records, n)
	}
	fields = fields.orDefault()
	for i, r := range records {
		if r.kind != 'o' {
			return nil, true, fmt.Errorf("JSON record %d is not an object: %w", i+1, ErrUnsupported)
		}
		d, err := jsonRecord(r, fields)
		if err != nil {
			if len(records) > 1 && errors.Is(err, ErrEmpty) {
				// A feed's record with nothing to read (a news day's item
				// whose text and title are both empty) stays in its place,
				// empty, so that the records after it keep their numbers;
				// it extracts to no meeting record, and the others are read.
				docs = append(docs, &Document{Format: FormatJSON})
				continue
			}
			if len(records) > 1 {
				err = fmt.Errorf("JSON record %d: %w", i+1, err)
			}
			return nil, true, err
		}
		docs = append(docs, d)
	}
	if len(docs) == 0 {
		// (A feed whose records all have nothing to read is empty too:
		// DecodeAll says so.)
		return nil, true, fmt.Errorf("JSON holds no records: %w", ErrEmpty)
	}
	return docs, true, nil
}

// jsonRecord renders one record.
func jsonRecord(r *jnode, f JSONFields) (*Document, error) {
	d := &Document{
		Format:    FormatJSON,
		Title:     r.first(f.Title),
		Published: normalizeDate(r.first(f.Date)),
		URL:       r.first(f.URL),
	}
	switch {
	case r.get("membersPresent") != nil || r.get("speeches") != nil:
		if d.Title == "" {
			d.Title = "立法會會議過程正式紀錄"
		}
		d.Text = legcoText(r, d.Title, d.Published)
	case r.path("meta.raw") != nil && r.get("log") != nil:
		d.Text = gazetteText(r)
		if d.Title == "" {
			d.Title = gazetteTitle(r.path("meta.raw"))
		}
	default:
		body := r.first(f.Text)
		if body == "" {
			// A news item published without its text (its content left
			// empty) is still known by its headline, which names the
			// meeting, its body and who chaired it: the headline is its
			// text, so that it is found and dated, not lost.
			body = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(d.Title), "[视频]"))
		}
		if body == "" {
			return nil, fmt.Errorf("JSON record has no text field (tried %s) and no title: %w", strings.Join(f.Text, ", "), ErrEmpty)
		}
		if htmlTagAny.MatchString(body) {
			body = htmlFragmentText(body)
		}
		d.Text = normalizeNewlines(body)
	}
	d.Title = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(d.Title), "[视频]"))
	if d.Title == "" {
		d.Title = firstLine(d.Text)
	}
	return d, nil
}

// legcoText renders Hong Kong LegCo proceedings (立法會會議過程正式紀錄) as
// minutes: the title and date, the attendance lists (Chinese names and
// titles only) and the speeches as "SPEAKER：text" paragraphs.
func legcoText(r *jnode, title, date string) string {
	var b strings.Builder
	b.WriteString(title + "\n")
	if y, m, d, ok := splitISODate(date); ok {
		fmt.Fprintf(&b, "%d年%d月%d日\n", y, m, d)
	}
	for _, sec := range []struct{ key, label string }{
		{"membersPresent", "出席議員："},
		{"membersAbsent", "缺席議員："},
		{"publicOfficersAttending", "出席政府官員："},
		{"clerksInAttendance", "列席秘書："},
	} {
		list := r.get(sec.key)
		if list == nil || list.kind != 'a' || len(list.vals) == 0 {
			continue
		}
		b.WriteString(sec.label + "\n")
		for _, v := range list.vals {
			if v.kind != 's' {
				continue
			}
			if name := chinesePart(v.str); name != "" {
				b.WriteString(name + "\n")
			}
		}
	}
	if sp := r.get("speeches"); sp != nil && sp.kind == 'a' {
		english := rollEnglish(r)
		for _, s := range sp.vals {
			who := strings.TrimSpace(s.get("title").strOr(""))
			if name, ok := english[englishName(who)]; ok {
				// MS CLAUDIA MO, who spoke English: the member the roll
				// names so.
				who = name
			}
			lines := splitLines(s.get("content").strOr(""))
			if len(lines) == 0 {
				continue
			}
			if who != "" {
				lines[0] = who + "：" + lines[0]
			}
			for _, l := range lines {
				b.WriteString(l + "\n")
			}
		}
	}
	return b.String()
}

// rollEnglish maps the English names of the members a bilingual roll lists
// present (毛孟靜議員 THE HONOURABLE CLAUDIA MO; 石禮謙議員, G.B.S., J.P. THE
// HONOURABLE ABRAHAM SHEK LAI-HIM, G.B.S., J.P.) to their Chinese form, by
// the name and by its words before the Chinese given names' romanisation
// (ABRAHAM SHEK), as a speech in English is titled.
func rollEnglish(r *jnode) map[string]string {
	out := map[string]string{}
	list := r.get("membersPresent")
	if list == nil || list.kind != 'a' {
		return out
	}
	for _, v := range list.vals {
		if v.kind != 's' {
			continue
		}
		zh := chinesePart(v.str)
		i := strings.Index(v.str, "THE HONOURABLE ")
		if zh == "" || i < 0 {
			continue
		}
		en := v.str[i+len("THE HONOURABLE "):]
		if j := strings.IndexByte(en, ','); j >= 0 {
			en = en[:j]
		}
		en = strings.TrimSpace(en)
		if en == "" {
			continue
		}
		out[en] = zh
		// ABRAHAM SHEK LAI-HIM: the given names romanised with a hyphen
		// may be left out.
		if words := strings.Fields(en); len(words) > 2 && strings.Contains(words[len(words)-1], "-") {
			short := strings.Join(words[:len(words)-1], " ")
			if _, taken := out[short]; !taken {
				out[short] = zh
			}
		}
	}
	return out
}

// englishName is a speech's English title without its honorific (MS
// CLAUDIA MO → CLAUDIA MO); "" for a title with Chinese in it.
func englishName(title string) string {
	if title == "" || strings.IndexFunc(title, func(r rune) bool { return r >= 0x80 }) >= 0 {
		return ""
	}
	words := strings.Fields(strings.ToUpper(title))
	for len(words) > 1 {
		switch words[0] {
		case "MR", "MS", "MRS", "MISS", "DR", "IR", "PROF", "THE", "HONOURABLE":
			words = words[1:]
			continue
		}
		break
	}
	return strings.Join(words, " ")
}

func (n *jnode) strOr(def string) string {
	if n == nil || (n.kind != 's' && n.kind != 'n') {
		return def
	}
	return n.str
}

func splitLines(s string) []string {
	var out []string
	for l := range strings.SplitSeq(normalizeNewlines(s), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// chinesePart keeps the Chinese of a bilingual LegCo name entry:
// "劉皇發議員, 大紫荊勳賢, G.B.S., J.P. DR THE HONOURABLE …" gives
// "劉皇發議員, 大紫荊勳賢".
func chinesePart(s string) string {
	var keep []string
	for seg := range strings.SplitSeq(s, ",") {
		if i := strings.IndexFunc(seg, func(r rune) bool { return r < 0x80 && unicode.IsLetter(r) }); i >= 0 {
			seg = seg[:i]
		}
		seg = strings.TrimSpace(seg)
		if strings.IndexFunc(seg, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0 {
			keep = append(keep, seg)
		}
	}
	return strings.Join(keep, ", ")
}

func splitISODate(s string) (y, m, d int, ok bool) {
	if len(s) != 10 {
		return 0, 0, 0, false
	}
	y, err1 := strconv.Atoi(s[:4])
	m, err2 := strconv.Atoi(s[5:7])
	d, err3 := strconv.Atoi(s[8:])
	return y, m, d, err1 == nil && err2 == nil && err3 == nil
}

// gazetteText renders a Taiwan Legislative Yuan gazette (g0v twlyparser
// JSON): the meta.raw header lines, then the log as "speaker：text"
// paragraphs, nested structures flattened to their text in order.
func gazetteText(r *jnode) string {
	var b strings.Builder
	if raw := r.path("meta.raw"); raw != nil {
		for _, v := range raw.vals {
			for _, l := range splitLines(v.strOr("")) {
				b.WriteString(l + "\n")
			}
		}
	}
	flattenLog(&b, r.get("log"), 0)
	return b.String()
}

// flattenLog writes the text of a gazette log value. An array whose first
// element is a speaker (a string or null) and second a string is one
// utterance; other arrays and objects are walked in order; numbers (timing
// marks) and the English section labels of the parser are left out;
// numbered object members keep their number ("1. ").
func flattenLog(b *strings.Builder, n *jnode, depth int) {
	if n == nil || depth > maxJSONDepth {
		return
	}
	switch n.kind {
	case 's':
		for _, l := range splitLines(n.str) {
			b.WriteString(l + "\n")
		}
	case 'o':
		for i, v := range n.vals {
			if !isDigits(n.keys[i]) {
				flattenLog(b, v, depth+1)
				continue
			}
			// Numbered entries ("1", "2", …) are agenda items: keep the number.
			var item strings.Builder
			flattenLog(&item, v, depth+1)
			if item.Len() > 0 {
				b.WriteString(n.keys[i] + ". " + item.String())
			}
		}
	case 'a':
		if len(n.vals) >= 2 && (n.vals[0].kind == 's' || n.vals[0].kind == '0') {
			who := strings.TrimSpace(n.vals[0].str)
			if n.vals[1].kind == 's' {
				lines := splitLines(n.vals[1].str)
				if len(lines) > 0 && who != "" {
					lines[0] = who + "：" + lines[0]
				}
				for _, l := range lines {
					b.WriteString(l + "\n")
				}
				for _, v := range n.vals[2:] {
					flattenLog(b, v, depth+1)
				}
				return
			}
			if isParserLabel(who) {
				for _, v := range n.vals[1:] {
					flattenLog(b, v, depth+1)
				}
				return
			}
		}
		for _, v := range n.vals {
			flattenLog(b, v, depth+1)
		}
	}
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// isParserLabel reports whether s is a section label of the g0v parser
// ("Announcement", "interp"), not a speaker.
func isParserLabel(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r >= 0x80 || !(unicode.IsLetter(r) || r == '_') {
			return false
		}
	}
	return true
}

// gazetteTitle picks the 會議紀錄 line of the gazette header.
func gazetteTitle(raw *jnode) string {
	if raw == nil {
		return ""
	}
	for _, v := range raw.vals {
		for _, l := range splitLines(v.strOr("")) {
			if strings.HasPrefix(l, "立法院第") && strings.HasSuffix(l, "紀錄") {
				return l
			}
		}
	}
	return ""
}
