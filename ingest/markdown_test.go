package ingest

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestMarkdown(t *testing.T) {
	in := "# 院會紀錄\n\n\n立法院第6屆第5會期第4次會議紀錄\n\n時　　間　中華民國96年3月16日\n\n" +
		"```json\n {\n    \"ad\": 6\n}\n\n```\n\n" +
		"## 報告事項\n\n1. 宣讀議事錄。\n\n    主席：報告院會，議事錄確定。\n\n" +
		"- 第一項\n* **重點**與[連結](http://x)\n> 引文\n\n---\n\n" +
		"<p><strong>央视网消息</strong>（新闻联播）：会议指出。<br></p><p>第二段。<br></p>\n"
	got, err := Decode("ly.md", []byte(in), DecodeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := &Document{
		Format:   FormatMarkdown,
		Encoding: encUTF8,
		Title:    "院會紀錄",
		Text: strings.Join([]string{
			"院會紀錄",
			"立法院第6屆第5會期第4次會議紀錄",
			"時　　間　中華民國96年3月16日",
			"報告事項",
			"1. 宣讀議事錄。",
			"主席：報告院會，議事錄確定。",
			"第一項",
			"重點與連結",
			"引文",
			"央视网消息（新闻联播）：会议指出。",
			"第二段。",
		}, "\n"),
	}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("Decode(markdown) (-got +want):\n%s", diff)
	}
}

func TestMarkdownCCTV(t *testing.T) {
	doc, err := Decode("xwlbmd-0002.md", readCorpus(t, "real", "cctv-xwlb-md", "xwlbmd-0002.md"), DecodeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "李强主持召开国务院常务会议" {
		t.Errorf("title = %q", doc.Title)
	}
	if strings.ContainsAny(doc.Text, "<>#") {
		t.Errorf("markup left in text: %.300q", doc.Text)
	}
	if n := strings.Count(doc.Text, "\n"); n < 3 {
		t.Errorf("text has %d line breaks, want paragraphs", n)
	}
}
