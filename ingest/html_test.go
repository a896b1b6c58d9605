package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestHTMLGovernmentPage(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "decode", "gov-page.html"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := Decode("gov-page.html", data, DecodeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := &Document{
		Format:    FormatHTML,
		Encoding:  encUTF8,
		Title:     "市政府第36次常务会议纪要",
		Published: "2020-06-02",
		Text: strings.Join([]string{
			"苏州市人民政府常务会议纪要",
			"〔2020〕36号",
			"　　5月28日下午，市长李亚平主持召开市政府第36次常务会议。会议纪要如下：",
			"　　一、会议听取了市住建局关于城市更新试点工作的汇报。会议原则同意《苏州市城市更新试点工作方案》，由市住建局牵头&组织实施。",
			"出席\t李亚平\t王飏",
			"列席\t市住建局\t市财政局",
			"记录：张三",
			"校对：李四",
		}, "\n"),
	}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("Decode(gov-page.html) (-got +want):\n%s", diff)
	}
}

func TestHTMLDates(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{`<html><head><meta name="publishdate" content="2021/3/5"><title>t</title></head><body><p>会议</p></body></html>`, "2021-03-05"},
		{`<html><head><meta property="article:published_time" content="2022-11-23T10:00:00+08:00"></head><body><p>会议</p></body></html>`, "2022-11-23"},
		{`<html><head><title>常务会议纪要</title></head><body><h1>常务会议纪要</h1><div>发布时间：2019年12月3日</div><p>会议于2019年11月30日召开</p></body></html>`, "2019-12-03"},
		{`<html><body><p>会议纪要</p></body></html>`, ""},
	}
	for _, tt := range tests {
		doc, err := Decode("a.html", []byte(tt.in), DecodeOptions{})
		if err != nil {
			t.Errorf("Decode(%q): %v", tt.in, err)
			continue
		}
		if doc.Published != tt.want {
			t.Errorf("Decode(%q).Published = %q, want %q", tt.in, doc.Published, tt.want)
		}
	}
}

func TestHTMLFragmentText(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"<p>    第一段。</P>\r\n<p>    第二段&nbsp;&amp;。</P>", "第一段。\n第二段 &。"},
		{"甲<BR>乙<br/>丙", "甲\n乙\n丙"},
		{"<ul><li>一</li><li>二</li></ul>", "一\n二"},
		{"<table><tr><td>1.</td><td>议题</td></tr><tr><td>2.</td><td>议题二</td></tr></table>", "1.\t议题\n2.\t议题二"},
		{"<p>a<script>alert(1)</script><style>p{}</style>b</p>", "ab"},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(htmlFragmentText(tt.in), tt.want); diff != "" {
			t.Errorf("htmlFragmentText(%q) (-got +want):\n%s", tt.in, diff)
		}
	}
}

func TestHTMLLegCoAgenda(t *testing.T) {
	data := readCorpus(t, "real", "hk-legco-agenda", "legco-agenda-20140430-c.html")
	doc, err := Decode("legco-agenda-20140430-c.html", data, DecodeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(doc.Text, "\n")
	if diff := cmp.Diff(lines[:4], []string{"A 13/14-24", "立法會", "議程", "2014年4月30日星期三上午11時正"}); diff != "" {
		t.Errorf("agenda head (-got +want):\n%s", diff)
	}
	for _, want := range []string{"1.\t《稅務(稅項資料交換)(美國)令》", "1. 譚耀宗議員問："} {
		if !strings.Contains(doc.Text, want) {
			t.Errorf("agenda text lacks %q", want)
		}
	}
	if doc.Published != "2014-04-30" || strings.Contains(doc.Text, "pydocx") {
		t.Errorf("agenda: published %q, text %.300q", doc.Published, doc.Text)
	}
}
