package web

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/net/html"

	"github.com/jiyao-search/jiyao/index"
	"github.com/jiyao-search/jiyao/ingest"
	"github.com/jiyao-search/jiyao/internal/sample"
)

// seedID finds the meeting of the seed document (苏州〔2020〕36号).
func seedID(t *testing.T, idx *index.Index) string {
	t.Helper()
	res, err := idx.Search(context.Background(), index.Request{Query: "〔2020〕36号"})
	if err != nil || len(res.Hits) == 0 {
		t.Fatalf("find the seed meeting: %v, %d hits", err, len(res.Hits))
	}
	return res.Hits[0].MeetingID
}

func TestSearchPage(t *testing.T) {
	h := newHandler(t, sampleIndex(t))
	rec, doc := get(t, h, "/?q="+url.QueryEscape("氢能"))
	if rec.Code != http.StatusOK {
		t.Fatalf("GET /?q=氢能: status %d\n%s", rec.Code, rec.Body)
	}
	if got := attr(find(doc, "html")[0], "lang"); got != "zh-CN" {
		t.Errorf("lang = %q, want zh-CN", got)
	}
	if got := attr(find(doc, "input#q")[0], "value"); got != "氢能" {
		t.Errorf("search box holds %q, want 氢能", got)
	}
	titles := texts(find(doc, "h3.hit-title"))
	if !slices.Contains(titles, "苏州市人民政府常务会议纪要") {
		t.Errorf("hit titles %q lack the seed meeting", titles)
	}
	if marks := find(doc, "p.snippet"); len(marks) == 0 || len(find(marks[0], "mark")) == 0 {
		t.Errorf("the first snippet has no <mark>")
	}
	var labels []string
	for _, a := range find(find(doc, "nav.tabs")[0], "a") {
		labels = append(labels, text(a))
	}
	if len(labels) != 3 || !strings.HasPrefix(labels[0], "会议 ") || !strings.HasPrefix(labels[1], "议题 ") || !strings.HasPrefix(labels[2], "决定 ") {
		t.Errorf("tabs = %q, want 会议 n, 议题 n, 决定 n", labels)
	}
	if len(find(doc, "a[aria-current=page]")) == 0 {
		t.Errorf("no tab is marked current")
	}
	for _, f := range []string{"topic", "issuer", "department", "official", "kind"} {
		if len(find(doc, "section.facet-"+f)) == 0 {
			t.Errorf("no %s facet", f)
		}
	}
	if len(find(doc, "ol.vbars")) == 0 || len(find(find(doc, "ol.vbars")[0], "a")) == 0 {
		t.Errorf("no clickable year bars")
	}
	if len(find(doc, "a.role-link")) == 0 {
		t.Errorf("officials are listed without their roles")
	}
	// Facet links keep the query and add the filter.
	link := find(find(doc, "section.facet-topic")[0], "a.fval")[0]
	u, _ := url.Parse(attr(link, "href"))
	if u.Query().Get("q") != "氢能" || len(u.Query()["topic"]) != 1 {
		t.Errorf("topic link %q does not keep q and add topic", attr(link, "href"))
	}
}

func TestSearchFiltersAndChips(t *testing.T) {
	h := newHandler(t, sampleIndex(t))
	rec, doc := get(t, h, "/?q="+url.QueryEscape("氢能")+"&topic="+url.QueryEscape("国土资源、能源")+"&from=2020&to=2020&level=decision&sort=date")
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	chips := find(doc, "a.chip")
	var got []string
	for _, c := range chips {
		got = append(got, attr(c, "aria-label"))
	}
	want := []string{"移除筛选 日期：2020年", "移除筛选 主题分类：国土资源、能源"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("chips (-want +got):\n%s", diff)
	}
	// Removing the topic keeps everything else.
	u, _ := url.Parse(attr(chips[1], "href"))
	wantQ := url.Values{"q": {"氢能"}, "from": {"2020"}, "to": {"2020"}, "level": {"decision"}, "sort": {"date"}}
	if diff := cmp.Diff(wantQ, u.Query()); diff != "" {
		t.Errorf("remove-topic link (-want +got):\n%s", diff)
	}
	hits := find(doc, "li.hit")
	if len(hits) == 0 {
		t.Fatal("no decision hits")
	}
	for _, hit := range hits {
		if !hasClass(hit, "hit-decision") {
			t.Errorf("a non-decision hit on the decision tab: %s", text(hit))
		}
	}
	if !strings.Contains(text(doc), "苏州市氢能及燃料电池产业发展规划") {
		t.Errorf("the decision on the hydrogen plan is missing")
	}
	// A facet whose index holds codes (genre) shows them by name, in its
	// list and in the chip of its filter, and links by the code.
	_, doc = get(t, h, "/?q="+url.QueryEscape("氢能")+"&genre=minutes")
	genre := find(doc, "section.facet-genre")
	if len(genre) == 0 || !strings.Contains(text(genre[0]), "会议纪要") || strings.Contains(text(genre[0]), "minutes") {
		t.Errorf("genre facet does not name its values: %v", genre)
	}
	var chipLabels []string
	for _, c := range find(doc, "a.chip") {
		chipLabels = append(chipLabels, attr(c, "aria-label"))
	}
	if !slices.Contains(chipLabels, "移除筛选 体裁：会议纪要") {
		t.Errorf("chips = %q, want 移除筛选 体裁：会议纪要", chipLabels)
	}
}

func TestSearchPaging(t *testing.T) {
	h := newHandler(t, sampleIndex(t))
	_, doc := get(t, h, "/?page=2")
	pager := find(doc, "nav.pager")
	if len(pager) != 1 {
		t.Fatal("no pager on page 2 of all meetings")
	}
	if cur := texts(find(pager[0], "span.active")); !slices.Equal(cur, []string{"2"}) {
		t.Errorf("current page %q, want 2", cur)
	}
	if len(find(pager[0], "a[rel=prev]")) != 1 || attr(find(pager[0], "a[rel=prev]")[0], "href") != "/" {
		t.Errorf("previous page link is not /")
	}
}

func TestBadParameters(t *testing.T) {
	h := newHandler(t, sampleIndex(t))
	for _, path := range []string{
		"/?level=paragraph",
		"/?sort=sideways",
		"/?page=0",
		"/?page=abc",
		"/?page=99999999",
		"/?from=yesterday",
		"/?from=2020-13",
		"/?role=boss",
		"/?colour=red",
		"/?q=" + url.QueryEscape("colour:red"),
		"/?q=" + url.QueryEscape("year:20 氢能"),
		"/?q=" + strings.Repeat("长", maxQueryLen+1),
		"/?issuer=%ff",
		"/meetings/not-an-id",
		"/decisions?x=1",
		"/decisions?plan=" + url.QueryEscape("《》"),
		"/decisions?plan=" + url.QueryEscape("氢能") + "&q=" + url.QueryEscape("氢能"),
		"/officials/李亚平?x=1",
	} {
		rec, doc := get(t, h, path)
		if rec.Code != http.StatusBadRequest {
			t.Errorf("GET %s: status %d, want 400", path, rec.Code)
			continue
		}
		if doc == nil || len(find(doc, "h1")) != 1 || !strings.Contains(text(find(doc, "main")[0]), "返回首页") {
			t.Errorf("GET %s: not the error page:\n%.400s", path, rec.Body)
			continue
		}
		// The search box stays, with the query to correct.
		if len(find(doc, "form")) == 0 {
			t.Errorf("GET %s: the error page has no search box", path)
		}
	}
	rec, _ := get(t, h, "/?q="+url.QueryEscape(`"未闭合的引号`))
	if !strings.Contains(rec.Body.String(), `value="&#34;未闭合的引号"`) {
		t.Errorf("the 400 page does not keep the query in its search box:\n%.600s", rec.Body)
	}
}

func TestNotFound(t *testing.T) {
	h := newHandler(t, sampleIndex(t))
	for _, path := range []string{"/meetings/0000000000000000", "/nowhere", "/officials/不存在的人", "/departments/不存在的局"} {
		rec, doc := get(t, h, path)
		if rec.Code != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", path, rec.Code)
			continue
		}
		if len(find(doc, "h1")) != 1 {
			t.Errorf("GET %s: no heading on the 404 page", path)
		}
	}
}

func TestMeetingPage(t *testing.T) {
	idx := sampleIndex(t)
	h := newHandler(t, idx)
	id := seedID(t, idx)
	rec, doc := get(t, h, "/meetings/"+id+"?q="+url.QueryEscape("氢能"))
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	facts := text(find(doc, "dl.facts")[0])
	for _, w := range []string{"第115次常务会议", "2020年11月2日上午", "李亚平", "〔2020〕36号"} {
		if !strings.Contains(facts, w) {
			t.Errorf("header %q lacks %q", facts, w)
		}
	}
	if items := find(doc, "li.item"); len(items) != 5 {
		t.Errorf("%d items, want 5", len(items))
	}
	var found bool
	for _, d := range find(doc, "p.decision") {
		if !strings.Contains(text(d), "《苏州市氢能及燃料电池产业发展规划》") {
			continue
		}
		found = true
		lead := find(d, "a")
		if len(lead) != 1 || text(lead[0]) != "市工信局" || attr(lead[0], "href") != departmentURL("苏州市人民政府", "市工信局") {
			t.Errorf("the hydrogen decision's lead link is %v", texts(lead))
		}
		if !strings.Contains(text(d), "原则同意") {
			t.Errorf("decision %q lacks its verb", text(d))
		}
	}
	if !found {
		t.Errorf("no decision on the hydrogen plan")
	}
	if got := texts(find(doc, "h3.role")); len(got) < 2 || got[0] != ingest.RoleChair {
		t.Errorf("attendee groups %q, want 主持 first", got)
	}
	if marks := find(find(doc, "div.text")[0], "mark"); len(marks) == 0 || text(marks[0]) != "氢能" {
		t.Errorf("the full text has %d marks", len(marks))
	}
	var download bool
	for _, a := range find(doc, "a[download]") {
		download = download || attr(a, "href") == "/api/v1/meetings/"+id+"/source"
	}
	if !download {
		t.Errorf("no download link to the source")
	}
}

// TestEscaping puts a document full of markup in an index and checks that
// every page shows it as text.
func TestEscaping(t *testing.T) {
	idx, err := index.OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	const evil = `<script>alert("x")</script><img src=x onerror=alert(1)>`
	rec := &ingest.Minutes{
		ID: "0123456789abcdef", Source: "evil.txt", SHA256: "e", Format: "text", Script: "simplified",
		Issuer: "恶意市" + evil, Title: "会议纪要" + evil, DocNumber: "〔2020〕1号",
		Meeting: ingest.Meeting{Kind: "常务会议", Session: 1, Date: "2020-01-02"},
		Chair:   &ingest.Person{Name: "张三" + evil, Title: "市长"},
		Items: []ingest.Item{{No: 1, Action: "审议", Title: "审议《规划" + evil + "》",
			Decisions:   []ingest.Decision{{Verb: "原则同意", Object: "规划" + evil, Lead: "市局" + evil}},
			Departments: []string{"市局" + evil}, Topics: []string{"工业" + evil},
			Text: "一、审议《规划" + evil + "》。原则同意。"}},
		Departments: []string{"市局" + evil},
		Attendees:   []ingest.Attendee{{Name: "李四" + evil, Org: "机构" + evil, Role: ingest.RolePresent}},
		Topics:      []string{"工业" + evil},
		Text:        "会议纪要" + evil + "\n一、审议《规划" + evil + "》。原则同意。",
	}
	if err := idx.Put(context.Background(), []*ingest.Minutes{rec}); err != nil {
		t.Fatal(err)
	}
	h := newHandler(t, idx)
	for _, path := range []string{
		"/?q=" + url.QueryEscape("规划 script"),
		"/?q=" + url.QueryEscape(evil),
		"/?level=decision&q=" + url.QueryEscape("规划"),
		"/meetings/" + rec.ID + "?q=" + url.QueryEscape("script 规划"),
		"/decisions?q=" + url.QueryEscape("规划"),
		"/decisions?plan=" + url.QueryEscape("规划"),
		"/decisions",
		"/officials/" + url.PathEscape("李四"+evil),
		"/departments/" + url.PathEscape("市局"+evil),
		"/?sort=" + url.QueryEscape(evil),
	} {
		res, doc := get(t, h, path)
		if doc == nil {
			t.Fatalf("GET %s: status %d, no page", path, res.Code)
		}
		for _, s := range find(doc, "script") {
			if attr(s, "src") != "/static/app.js" {
				t.Errorf("GET %s: a script from the document became an element: %s", path, text(s))
			}
		}
		if imgs := find(doc, "img"); len(imgs) > 0 {
			t.Errorf("GET %s: an image from the document became an element", path)
		}
		var onAttr bool
		var walk func(*html.Node)
		walk = func(n *html.Node) {
			for _, a := range n.Attr {
				if strings.HasPrefix(a.Key, "on") {
					onAttr = true
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		if onAttr {
			t.Errorf("GET %s: an event handler attribute reached the page", path)
		}
		if res.Code == http.StatusOK && !strings.Contains(text(doc), `<script>alert("x")</script>`) {
			t.Errorf("GET %s: the markup is not shown as text:\n%.600s", path, text(find(doc, "main")[0]))
		}
	}
}

func TestDecisionsPage(t *testing.T) {
	h := newHandler(t, sampleIndex(t))
	rec, doc := get(t, h, "/decisions?q="+url.QueryEscape("氢能及燃料电池产业发展规划"))
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	plans := find(doc, "article.plan")
	if len(plans) == 0 {
		t.Fatal("no plans")
	}
	first := text(plans[0])
	for _, w := range []string{"《苏州市氢能及燃料电池产业发展规划》", "原则同意", "苏州市人民政府常务会议纪要", "市工信局", "2020年11月2日"} {
		if !strings.Contains(first, w) {
			t.Errorf("plan %q lacks %q", first, w)
		}
	}
	if len(find(plans[0], "ol.timeline")) != 1 || len(find(plans[0], "li.decided")) == 0 {
		t.Errorf("the plan has no timeline with the decision")
	}
	_, doc = get(t, h, "/decisions")
	if len(find(doc, "li.decision")) == 0 {
		t.Errorf("the decisions page without a query lists no recent decisions")
	}
}

// The decisions page finds a plan by any part of its title, in either
// script and with or without 草案, as the API's decisions?plan= does, and
// lists the plans when several fit.
func TestDecisionsPagePlan(t *testing.T) {
	h := newHandler(t, sampleIndex(t))
	for _, asked := range []string{"氢能及燃料电池产业发展规划", "氫能及燃料電池產業發展規劃（草案）", "《苏州市氢能及燃料电池产业发展规划（征求意见稿）》"} {
		rec, doc := get(t, h, "/decisions?plan="+url.QueryEscape(asked))
		if rec.Code != http.StatusOK {
			t.Fatalf("plan=%s: status %d\n%.600s", asked, rec.Code, rec.Body)
		}
		plans := find(doc, "article.plan")
		if len(plans) != 1 || len(find(doc, "nav.plan-list")) != 0 {
			t.Fatalf("plan=%s: %d plans, %d lists of plans; want one plan and no list", asked, len(plans), len(find(doc, "nav.plan-list")))
		}
		got := text(plans[0])
		for _, w := range []string{"《苏州市氢能及燃料电池产业发展规划》", "苏州市人民政府", "原则同意", "2020年11月2日", "苏州市人民政府常务会议纪要", "市工信局", "历次会议"} {
			if !strings.Contains(got, w) {
				t.Errorf("plan=%s: the plan %q lacks %q", asked, got, w)
			}
		}
		if len(find(plans[0], "li.decided")) != 1 {
			t.Errorf("plan=%s: the timeline does not mark the meeting that decided", asked)
		}
		if box := find(doc, "input#plan-q")[0]; attr(box, "value") != asked || attr(box, "name") != "plan" {
			t.Errorf("plan=%s: the box holds %s=%q; want plan=%q, to refine", asked, attr(box, "name"), attr(box, "value"), asked)
		}
	}

	// Part of several plans' titles lists them, each linking to its own
	// history, and shows each.
	rec, doc := get(t, h, "/decisions?plan="+url.QueryEscape("氫能及燃料電池"))
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	lists := find(doc, "nav.plan-list")
	if len(lists) != 1 {
		t.Fatalf("%d lists of plans, want 1:\n%.2000s", len(lists), text(find(doc, "main")[0]))
	}
	var listed []string
	for _, a := range find(lists[0], "a") {
		listed = append(listed, text(a))
		u, err := url.Parse(attr(a, "href"))
		if err != nil || u.Path != "/decisions" || u.Query().Get("plan") == "" {
			t.Errorf("plan %s links to %q", text(a), attr(a, "href"))
		}
	}
	if len(listed) < 2 || !slices.Contains(listed, "《苏州市氢能及燃料电池产业发展规划》") || len(find(doc, "article.plan")) != len(listed) {
		t.Errorf("listed %q with %d plans shown; want the Suzhou plan among several, each shown", listed, len(find(doc, "article.plan")))
	}

	// A plan nobody dealt with says so.
	rec, doc = get(t, h, "/decisions?plan="+url.QueryEscape("不存在的规划名称"))
	if rec.Code != http.StatusOK || len(find(doc, "article.plan")) != 0 || !strings.Contains(text(find(doc, "main")[0]), "没有找到标题含“不存在的规划名称”的文件") {
		t.Errorf("an unknown plan: status %d\n%.600s", rec.Code, text(find(doc, "main")[0]))
	}

	// The page of a search links each plan to its history.
	_, doc = get(t, h, "/decisions?q="+url.QueryEscape("氢能及燃料电池产业发展规划"))
	var linked bool
	for _, a := range find(doc, "article") {
		for _, l := range find(a, "a") {
			if u, err := url.Parse(attr(l, "href")); err == nil && u.Path == "/decisions" && u.Query().Get("plan") == "苏州市氢能及燃料电池产业发展规划" {
				linked = true
			}
		}
	}
	if !linked {
		t.Errorf("the search's plan does not link to its history")
	}
}

func TestMarked(t *testing.T) {
	for _, tc := range []struct{ in, plain, want string }{
		{"a <mark>b</mark> &lt;c&gt;", "", "a <mark>b</mark> &lt;c&gt;"},
		{"<script>x</script>", "", "&lt;script&gt;x&lt;/script&gt;"},
		{"", "<b>", "&lt;b&gt;"},
	} {
		if got := string(marked(tc.in, tc.plain)); got != tc.want {
			t.Errorf("marked(%q, %q) = %q, want %q", tc.in, tc.plain, got, tc.want)
		}
	}
}

func TestStateRoundTrip(t *testing.T) {
	in := url.Values{"q": {"氢能 规划"}, "level": {"item"}, "sort": {"date"}, "page": {"3"}, "from": {"2020-01"}, "to": {"2020-12-31"},
		"issuer": {"苏州市人民政府", "杭州市人民政府"}, "topic": {"工业、交通"}, "official": {"李亚平"}, "role": {"chair"}, "department": {"市工信局"}, "kind": {"常务会议"}}
	s, err := readState(in)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(in, s.values()); diff != "" {
		t.Errorf("values(readState(v)) (-v +got):\n%s", diff)
	}
	// Toggling a set value removes it; the page goes back to 1.
	u, _ := url.Parse(s.toggle("issuer", "苏州市人民政府"))
	if got := u.Query()["issuer"]; !slices.Equal(got, []string{"杭州市人民政府"}) || u.Query().Get("page") != "" {
		t.Errorf("toggle: %s", u)
	}
	// Removing the last official drops the role too.
	u, _ = url.Parse(s.toggle("official", "李亚平"))
	if u.Query().Get("role") != "" {
		t.Errorf("role kept without an official: %s", u)
	}
}

func TestOfficialAndDepartmentPages(t *testing.T) {
	h := newHandler(t, sampleIndex(t))
	rec, doc := get(t, h, "/officials/"+url.PathEscape("李亚平"))
	if rec.Code != http.StatusOK {
		t.Fatalf("official: status %d", rec.Code)
	}
	if got := text(find(doc, "p.role-summary")[0]); !strings.Contains(got, "主持 1 次") {
		t.Errorf("official roles %q lack 主持 1 次", got)
	}
	if len(find(doc, "ol.hbars")) != 1 || len(find(doc, "span.seg")) == 0 {
		t.Errorf("official: no activity chart")
	}
	if rows := find(doc, "tr"); len(rows) < 2 {
		t.Errorf("official: no meetings listed")
	}
	rec, doc = get(t, h, "/departments/"+url.PathEscape("市工信局"))
	if rec.Code != http.StatusOK {
		t.Fatalf("department: status %d", rec.Code)
	}
	if !strings.Contains(text(doc), "苏州市氢能及燃料电池产业发展规划") {
		t.Errorf("department: the plan it leads is not listed")
	}
	if years := texts(find(doc, "a.hbar-year")); !slices.Contains(years, "2020") {
		t.Errorf("department: chart years %q lack 2020", years)
	}
}

func TestStatic(t *testing.T) {
	h := newHandler(t, sampleIndex(t))
	for path, ct := range map[string]string{"/static/style.css": "text/css", "/static/app.js": "text/javascript"} {
		rec, _ := get(t, h, path)
		if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), ct) {
			t.Errorf("GET %s: %d %s", path, rec.Code, rec.Header().Get("Content-Type"))
		}
	}
	rec, _ := get(t, h, "/")
	if csp := rec.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
		t.Errorf("CSP = %q", csp)
	}
}

// TestDepartmentsOfTwoCities checks that the 市工信局 of Suzhou and of
// Wenzhou are two department pages, and that the bare name lists both.
func TestDepartmentsOfTwoCities(t *testing.T) {
	h := newHandler(t, sampleIndex(t))
	const plan = "苏州市氢能及燃料电池产业发展规划"
	for _, tc := range []struct {
		name     string
		wantPlan bool
	}{
		{"苏州市工信局", true},
		{"温州市工信局", false},
		{"市工信局", true},
	} {
		rec, doc := get(t, h, "/departments/"+url.PathEscape(tc.name))
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: status %d", tc.name, rec.Code)
		}
		if got := strings.Contains(text(doc), plan); got != tc.wantPlan {
			t.Errorf("%s: lists Suzhou's plan %v, want %v", tc.name, got, tc.wantPlan)
		}
		if rows := find(doc, "tr"); len(rows) < 2 {
			t.Errorf("%s: no meetings listed", tc.name)
		}
	}
}

// A query with nothing to search for browses, and the page says so rather
// than calling the hits partial matches.
func TestBrowsePage(t *testing.T) {
	h := newHandler(t, sampleIndex(t))
	rec, doc := get(t, h, "/?q="+url.QueryEscape("，。！？"))
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	notes := strings.Join(texts(find(doc, "p.note")), " ")
	if !strings.Contains(notes, "浏览") || strings.Contains(notes, "部分匹配") {
		t.Errorf("notes %q; want the browse note, not the partial-match one", notes)
	}
}

// A query whose structure does not parse searches its words, and the page
// says so.
func TestFallbackPage(t *testing.T) {
	h := newHandler(t, sampleIndex(t))
	rec, doc := get(t, h, "/?q="+url.QueryEscape(`"氢能 规划`))
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	if n := find(doc, "p#fallback-note"); len(n) != 1 || !strings.Contains(text(n[0]), "按其中的词语检索") {
		t.Errorf("no note that the words were searched")
	}
	if len(find(doc, "li.hit")) == 0 {
		t.Errorf("no hits for the words 氢能 规划")
	}
	if _, doc := get(t, h, "/?q="+url.QueryEscape(`"氢能 规划"`)); len(find(doc, "p#fallback-note")) != 0 {
		t.Errorf("a query that parses has the fallback note")
	}
}

// Every page says when it shows the embedded sample, and none says so once
// the sample is gone.
func TestSampleBanner(t *testing.T) {
	ctx := context.Background()
	idx, err := loadSample(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	h := newHandler(t, idx)
	for _, path := range []string{"/", "/?q=" + url.QueryEscape("氢能"), "/decisions", "/nowhere"} {
		_, doc := get(t, h, path)
		if b := find(doc, "div.sample-banner"); len(b) != 1 || !strings.Contains(text(b[0]), "虚构") {
			t.Errorf("GET %s: no sample banner", path)
		}
	}
	n, err := idx.RemoveFromPrefix(ctx, sample.Prefix, nil)
	if err != nil || n != sample.Generated+1 {
		t.Fatalf("removed %d sample meetings, %v; want %d", n, err, sample.Generated+1)
	}
	if _, doc := get(t, h, "/"); len(find(doc, "div.sample-banner")) != 0 {
		t.Errorf("the banner stays after the sample is removed")
	}
}

// Thirty years of bars leave room for a label under every third: the
// first, each step-th, the last and the chosen one keep theirs, and every
// bar's title names its year.
func TestHistogramLabels(t *testing.T) {
	var years index.Facet
	for y := 1997; y <= 2026; y++ {
		years.Values = append(years.Values, index.FacetValue{Value: strconv.Itoa(y), Count: y - 1990})
	}
	ys, _, _ := histogram(state{From: "2011", To: "2011"}, years, index.Facet{})
	var labelled []string
	for _, b := range ys {
		if !strings.Contains(b.Title, "年") {
			t.Errorf("bar %q has no year in its title %q", b.Label, b.Title)
		}
		if b.Label != "" {
			labelled = append(labelled, b.Label)
		}
	}
	want := []string{"’97", "’00", "’03", "’06", "’09", "’11", "’12", "’15", "’18", "’21", "’24", "’26"}
	if !slices.Equal(labelled, want) {
		t.Errorf("labels = %q, want %q", labelled, want)
	}
}

// A meeting whose text is longer than a page carries shows its start, says
// so and links the original; one of usual length shows it whole.
func TestMeetingPageLongText(t *testing.T) {
	idx, err := index.OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	para := "会议审议通过了《苏州市氢能及燃料电池产业发展规划》，由市工信局牵头落实。\n"
	long := &ingest.Minutes{ID: "abcd0000000000aa", Source: "long.txt", SHA256: "long", Format: "text", Script: "simplified",
		Issuer: "苏州市人民政府", Title: "苏州市人民政府第99次常务会议纪要",
		Text: strings.Repeat(para, 2*index.MaxTextWindow/len(para))}
	short := &ingest.Minutes{ID: "abcd0000000000bb", Source: "short.txt", SHA256: "short", Format: "text", Script: "simplified",
		Issuer: "苏州市人民政府", Title: "苏州市人民政府第98次常务会议纪要", Text: para}
	if err := idx.Put(context.Background(), []*ingest.Minutes{long, short}); err != nil {
		t.Fatal(err)
	}
	h := newHandler(t, idx)
	rec, doc := get(t, h, "/meetings/"+long.ID)
	if rec.Code != 200 || rec.Body.Len() > index.MaxTextWindow+64<<10 {
		t.Fatalf("long meeting page: %d, %d bytes", rec.Code, rec.Body.Len())
	}
	note := find(doc, "p#text-cut")
	if len(note) != 1 || !strings.Contains(text(note[0]), "只显示开头") || len(find(note[0], "a[download]")) != 1 {
		t.Errorf("long meeting page: no note of the cut text with the original's link")
	}
	if rec, doc := get(t, h, "/meetings/"+short.ID); rec.Code != 200 || len(find(doc, "p#text-cut")) != 0 || !strings.Contains(rec.Body.String(), "牵头落实") {
		t.Errorf("short meeting page: %d, cut note %d", rec.Code, len(find(doc, "p#text-cut")))
	}
}

// A loose page says its hits match part of the query and which parts its
// hits mark: 氢能规划 is not in the sample as written, 氢能 and 规划 are.
func TestLoosePagePieces(t *testing.T) {
	h := newHandler(t, sampleIndex(t))
	rec, doc := get(t, h, "/?q="+url.QueryEscape("氢能规划"))
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	note := find(doc, "p#loose-note")
	if len(note) != 1 {
		t.Fatalf("no loose note")
	}
	if got := text(note[0]); !strings.Contains(got, "「氢能」") || !strings.Contains(got, "「规划」") {
		t.Errorf("loose note %q does not name the pieces 氢能 and 规划", got)
	}
	if _, doc := get(t, h, "/?q="+url.QueryEscape("氢能")); len(find(doc, "p#loose-note")) != 0 {
		t.Error("an exact search shows the loose note")
	}
}
