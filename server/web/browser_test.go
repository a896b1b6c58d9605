package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/chromedp"

	"github.com/jiyao-search/jiyao/index"
	"github.com/jiyao-search/jiyao/internal/sample"
)

// chromiumPath is Debian's chromium; JIYAO_CHROMIUM overrides it.
func chromiumPath() string {
	if p := os.Getenv("JIYAO_CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// browser starts headless Chromium against a live server of the API with
// the pages, over the sample corpus. It skips when Chromium is missing,
// unless CI=true.
func browser(t *testing.T) (ctx context.Context, base string, consoleErrors func() []string) {
	t.Helper()
	path := chromiumPath()
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("chromium is required under CI: %v", err)
		}
		t.Skipf("chromium not installed (%v); apt-get install chromium", err)
	}
	idx, err := index.OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	var srcs []index.Source
	for _, f := range sample.Files() {
		srcs = append(srcs, index.BytesSource(f.Name, f.Data))
	}
	if _, err := idx.Load(context.Background(), srcs, index.LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(mounted(t, idx))
	t.Cleanup(srv.Close)

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("lang", "zh-CN"),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancelCtx := chromedp.NewContext(actx)
	t.Cleanup(cancelCtx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(cancelTimeout)

	if _, err := chromedp.Call(ctx, cdplog.Enable, cdp.Empty{}); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	var mu sync.Mutex
	var errs []string
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			switch m.Type {
			case chromedp.ConsoleError, chromedp.ConsoleWarning, chromedp.ConsoleException:
				mu.Lock()
				errs = append(errs, fmt.Sprintf("%s (%s:%d)", m, m.URL, m.Line+1))
				mu.Unlock()
			}
		}
	}()
	return ctx, srv.URL, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), errs...)
	}
}

// shots writes numbered screenshots into a folder under the test's temp
// dir.
type shots struct {
	t   *testing.T
	dir string
	n   int
}

func newShots(t *testing.T) *shots {
	// JIYAO_SCREENSHOTS keeps them in a folder that outlives the test.
	dir := os.Getenv("JIYAO_SCREENSHOTS")
	if dir == "" {
		dir = filepath.Join(t.TempDir(), "screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshots in %s", dir)
	return &shots{t: t, dir: dir}
}

func (s *shots) take(ctx context.Context, name string) {
	s.t.Helper()
	buf, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		s.t.Fatalf("screenshot %s: %v", name, err)
	}
	s.n++
	p := filepath.Join(s.dir, fmt.Sprintf("%02d-%s.png", s.n, name))
	if err := os.WriteFile(p, buf, 0o644); err != nil {
		s.t.Fatal(err)
	}
}

// onScreen fails unless the page's visible text holds every want.
func onScreen(t *testing.T, ctx context.Context, step string, want ...string) string {
	t.Helper()
	body, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
	if err != nil {
		t.Fatalf("%s: read page: %v", step, err)
	}
	for _, w := range want {
		if !strings.Contains(body, w) {
			t.Errorf("%s: the page does not show %q; it shows:\n%.1500s", step, w, body)
		}
	}
	return body
}

// clickNav clicks the element that js (an expression returning an
// element) finds and waits for the page it navigates to.
func clickNav(t *testing.T, ctx context.Context, step, js string) {
	t.Helper()
	mark := `(() => { const el = (` + js + `); document.querySelectorAll('[data-test-target]').forEach(e => e.removeAttribute('data-test-target')); if (!el) return false; el.setAttribute('data-test-target', '1'); el.scrollIntoView({block: 'center'}); return true; })()`
	if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](mark)); err != nil || !ok {
		t.Fatalf("%s: nothing to click (%s): %v", step, js, err)
	}
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`[data-test-target]`), chromedp.NodeVisible))
	if err != nil {
		t.Fatalf("%s: click: %v", step, err)
	}
	if resp == nil || resp.Status != http.StatusOK {
		t.Fatalf("%s: navigation answered %v", step, resp)
	}
}

func location(t *testing.T, ctx context.Context) *url.URL {
	t.Helper()
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(loc)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// a11yJS checks what can be checked without axe-core: labels of form
// controls, alt of images, the page language, the order of headings,
// link names, duplicate ids and the contrast of text against its
// background (4.5:1, 3:1 for large text), from getComputedStyle.
const a11yJS = `(() => {
  const problems = [];
  const lang = document.documentElement.getAttribute('lang');
  if (!lang || !lang.startsWith('zh')) problems.push('html lang is ' + lang);
  if (!document.title.trim()) problems.push('no title');
  const visible = el => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
  for (const el of document.querySelectorAll('input, select, textarea, button')) {
    if (el.type === 'hidden') continue;
    const name = (el.labels && el.labels.length) || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') ||
      (el.tagName === 'BUTTON' && el.textContent.trim());
    if (!name) problems.push('form control without a label: ' + el.outerHTML.slice(0, 100));
  }
  for (const img of document.querySelectorAll('img')) if (!img.hasAttribute('alt')) problems.push('image without alt: ' + img.src);
  for (const svg of document.querySelectorAll('svg')) {
    if (svg.getAttribute('aria-hidden') !== 'true' && !svg.getAttribute('aria-label') && !svg.querySelector('title')) problems.push('svg without a name');
  }
  const hs = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')];
  if (hs.filter(h => h.tagName === 'H1').length !== 1) problems.push('pages need exactly one h1, found ' + hs.filter(h => h.tagName === 'H1').length);
  if (hs.length && hs[0].tagName !== 'H1') problems.push('the first heading is ' + hs[0].tagName);
  let prev = 0;
  for (const h of hs) {
    const l = +h.tagName[1];
    if (prev && l > prev + 1) problems.push('heading level skips from h' + prev + ' to h' + l + ': ' + h.textContent.trim().slice(0, 40));
    prev = l;
  }
  for (const a of document.querySelectorAll('a[href]')) {
    if (!a.textContent.trim() && !a.getAttribute('aria-label') && !a.querySelector('img[alt]')) problems.push('link without a name: ' + a.outerHTML.slice(0, 100));
  }
  const ids = {};
  for (const el of document.querySelectorAll('[id]')) { if (ids[el.id]) problems.push('duplicate id ' + el.id); ids[el.id] = true; }
  const rgba = s => { const m = s.match(/rgba?\(([^)]+)\)/); if (!m) return null; const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const over = (top, bottom) => [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1);
  const background = el => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let bg = [255, 255, 255, 1];
    for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
    return bg;
  };
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
  let checked = 0;
  for (const el of document.body.querySelectorAll('*')) {
    if (!visible(el) || el.closest('.sr')) continue;
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own) continue;
    const cs = getComputedStyle(el);
    if (cs.visibility === 'hidden' || +cs.opacity === 0) continue;
    const bg = background(el);
    const fg = over(rgba(cs.color), bg);
    const l1 = lum(fg), l2 = lum(bg);
    const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    const size = parseFloat(cs.fontSize), bold = +cs.fontWeight >= 700;
    const need = (size >= 24 || (bold && size >= 18.66)) ? 3 : 4.5;
    checked++;
    if (ratio < need) problems.push('contrast ' + ratio.toFixed(2) + ' < ' + need + ' for "' + el.textContent.trim().slice(0, 30) + '" (' + cs.color + ' on rgb(' + bg.slice(0, 3).map(Math.round).join(',') + '))');
  }
  if (!checked) problems.push('no text checked for contrast');
  return problems;
})()`

func checkA11y(t *testing.T, ctx context.Context, step string) {
	t.Helper()
	problems, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](a11yJS))
	if err != nil {
		t.Fatalf("%s: accessibility check: %v", step, err)
	}
	for _, p := range problems {
		t.Errorf("%s: accessibility: %s", step, p)
	}
}

// checkReflow fails if the page scrolls sideways at a width (a phone, or
// 1280 px at 200%% zoom).
func checkReflow(t *testing.T, ctx context.Context, step string) {
	t.Helper()
	for _, w := range []int64{640, 360} {
		err := chromedp.Do(ctx, chromedp.EmulateViewport(w, 800))
		var over int
		if err == nil {
			over, err = chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth - window.innerWidth`))
		}
		if err == nil {
			err = chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900))
		}
		if err != nil {
			t.Fatalf("%s: reflow at %d: %v", step, w, err)
		}
		if over > 0 {
			t.Errorf("%s: at %d px wide the page scrolls sideways by %d px", step, w, over)
		}
	}
}

func TestBrowserJourney(t *testing.T) {
	ctx, base, consoleErrors := browser(t)
	shot := newShots(t)
	step := func(name string) {
		t.Helper()
		checkA11y(t, ctx, name)
		checkReflow(t, ctx, name)
		shot.take(ctx, name)
		if errs := consoleErrors(); len(errs) > 0 {
			t.Fatalf("%s: browser console errors:\n%s", name, strings.Join(errs, "\n"))
		}
	}

	// 1. The home page: a search box and the newest meetings.
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS(`#q`))); err != nil {
		t.Fatalf("home: %v", err)
	}
	onScreen(t, ctx, "home", "政府会议纪要全文检索", "检索会议纪要", "会议", "议题", "决定", "主题分类")
	step("home")

	// 2. Type 氢能: the typeahead offers the plan; submit the search.
	err := chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS(`#q`), "氢能"),
		chromedp.WaitVisible(chromedp.CSS(`#q-suggest li`)),
	)
	if err != nil {
		t.Fatalf("typeahead: %v", err)
	}
	onScreen(t, ctx, "typeahead", "苏州市氢能及燃料电池产业发展规划")
	if expanded, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS(`#q`), "aria-expanded")); err != nil || expanded.Value != "true" {
		t.Errorf("typeahead: aria-expanded = %q, %v", expanded.Value, err)
	}
	shot.take(ctx, "typeahead")
	clickNav(t, ctx, "search", `document.querySelector('form.search button[type=submit]')`)
	if q := location(t, ctx).Query().Get("q"); q != "氢能" {
		t.Fatalf("search: the URL has q=%q", q)
	}
	onScreen(t, ctx, "search", "条结果", "苏州市人民政府常务会议纪要", "日期", "主题分类", "发文机关", "人员")
	if marks, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('.hits mark').length`)); err != nil || marks == 0 {
		t.Errorf("search: %d highlighted terms in the hits (%v)", marks, err)
	}
	step("search")

	// 3. Click a topic of the seed document in the facets.
	const topic = "国土资源、能源"
	clickNav(t, ctx, "topic", `[...document.querySelectorAll('.facet-topic a')].find(a => a.querySelector('.fv') && a.querySelector('.fv').textContent === '`+topic+`')`)
	if got := location(t, ctx).Query()["topic"]; len(got) != 1 || got[0] != topic {
		t.Fatalf("topic: the URL has topic=%q", got)
	}
	onScreen(t, ctx, "topic", "已选", "主题分类："+topic, "清除全部筛选", "苏州市人民政府常务会议纪要")
	step("topic")

	// 4. Open the meeting.
	clickNav(t, ctx, "meeting", `[...document.querySelectorAll('.hit-title a')].find(a => a.textContent.includes('苏州市人民政府常务会议纪要'))`)
	onScreen(t, ctx, "meeting", "苏州市人民政府常务会议纪要", "〔2020〕36号", "第115次", "2020年11月2日", "李亚平", "议题", "出席人员", "全文", "下载原始文件")
	if marks, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('.fulltext mark').length`)); err != nil || marks == 0 {
		t.Errorf("meeting: %d search terms marked in the full text (%v)", marks, err)
	}
	step("meeting")

	// 5. The decision on the hydrogen plan, with its lead department.
	decision, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => {
		const d = [...document.querySelectorAll('.decision')].find(d => d.textContent.includes('《苏州市氢能及燃料电池产业发展规划》'));
		if (!d) return '';
		d.scrollIntoView({block: 'center'});
		return d.innerText;
	})()`))
	if err != nil || !strings.Contains(decision, "原则同意") || !strings.Contains(decision, "市工信局") {
		t.Fatalf("decision: found %q (%v), want 原则同意 … 市工信局", decision, err)
	}
	if buf, err := chromedp.Run(ctx, chromedp.CaptureScreenshot()); err == nil {
		shot.n++
		_ = os.WriteFile(filepath.Join(shot.dir, fmt.Sprintf("%02d-decision.png", shot.n)), buf, 0o644)
	}

	// 6. Follow the lead department.
	clickNav(t, ctx, "department", `[...document.querySelectorAll('.decision')].find(d => d.textContent.includes('《苏州市氢能及燃料电池产业发展规划》')).querySelector('.lead a')`)
	if p := location(t, ctx).Path; p != "/departments/"+url.PathEscape("苏州市工信局") && p != "/departments/苏州市工信局" {
		t.Errorf("department: at %s", p)
	}
	onScreen(t, ctx, "department", "市工信局", "部门", "每年涉及的会议", "牵头落实的决定", "苏州市氢能及燃料电池产业发展规划", "2020")
	step("department")

	// 7. The decisions page answers "which meeting approved …?".
	if _, err := chromedp.RunResponse(ctx, chromedp.Navigate(base+"/decisions?q="+url.QueryEscape("氢能及燃料电池"))); err != nil {
		t.Fatalf("decisions: %v", err)
	}
	onScreen(t, ctx, "decisions", "哪次会议批准了", "《苏州市氢能及燃料电池产业发展规划》", "原则同意", "历次会议", "市工信局")
	step("decisions")

	// 7a. Part of a title, in traditional script, that several plans
	// share lists them; one of them opens its history.
	if _, err := chromedp.RunResponse(ctx, chromedp.Navigate(base+"/decisions?plan="+url.QueryEscape("氫能及燃料電池"))); err != nil {
		t.Fatalf("plans: %v", err)
	}
	onScreen(t, ctx, "plans", "符合的文件", "《苏州市氢能及燃料电池产业发展规划》", "三年行动计划", "历次会议")
	step("plans")
	clickNav(t, ctx, "plan", `[...document.querySelectorAll('nav.plan-list a')].find(a => a.textContent.includes('苏州市氢能'))`)
	if got := location(t, ctx).Query().Get("plan"); got != "苏州市氢能及燃料电池产业发展规划" {
		t.Errorf("plan: the URL has plan=%q", got)
	}
	body := onScreen(t, ctx, "plan", "《苏州市氢能及燃料电池产业发展规划》", "原则同意", "2020年11月2日", "历次会议", "市工信局")
	if strings.Contains(body, "三年行动计划") || strings.Contains(body, "符合的文件") {
		t.Errorf("plan: the page of one plan shows others:\n%.1500s", body)
	}
	step("plan")

	// 8. A bad parameter is a friendly page, not a crash.
	resp, err := chromedp.RunResponse(ctx, chromedp.Navigate(base+"/?sort=sideways"))
	if err != nil {
		t.Fatalf("bad parameter: %v", err)
	}
	if resp.Status != http.StatusBadRequest {
		t.Errorf("bad parameter: status %d, want 400", resp.Status)
	}
	onScreen(t, ctx, "bad parameter", "请求参数有误", "返回首页")
	checkA11y(t, ctx, "bad parameter")
	shot.take(ctx, "bad-parameter")
	// The 400 itself is logged by the browser as a failed resource; any
	// other message is an error.
	for _, e := range consoleErrors() {
		if !strings.Contains(e, "400") {
			t.Errorf("bad parameter: console: %s", e)
		}
	}
}

// TestScreenshotSearch writes the README's screenshot of the search page
// when JIYAO_SCREENSHOT names the file:
//
//	JIYAO_SCREENSHOT=$PWD/docs/screenshot-search.png go test ./server/web -run Screenshot
func TestScreenshotSearch(t *testing.T) {
	out := os.Getenv("JIYAO_SCREENSHOT")
	if out == "" {
		t.Skip("set JIYAO_SCREENSHOT to the file to write")
	}
	ctx, base, consoleErrors := browser(t)
	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(1280, 1160),
		chromedp.Navigate(base+"/?q="+url.QueryEscape("氢能")),
		chromedp.WaitVisible(chromedp.CSS(`.hits`)),
	)
	var buf []byte
	if err == nil {
		buf, err = chromedp.Run(ctx, chromedp.CaptureScreenshot())
	}
	if err != nil {
		t.Fatal(err)
	}
	if errs := consoleErrors(); len(errs) > 0 {
		t.Fatalf("console errors: %v", errs)
	}
	if err := os.WriteFile(out, buf, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s", out)
}
