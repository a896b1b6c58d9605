package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestIngestOnlyMeetingRecords ingests a folder that holds minutes, a
// release that gives no year, a TSV manifest and a README: the manifest and
// the README are skipped as not meeting records, the release is indexed
// without a date and counted as incomplete, and a search finds it.
func TestIngestOnlyMeetingRecords(t *testing.T) {
	seed, err := os.ReadFile(seedPath(t))
	if err != nil {
		t.Fatal(err)
	}
	folder := t.TempDir()
	files := map[string]string{
		"suzhou.txt": string(seed),
		// A release cut from a daily page: a day, no year, no page date
		// (an invented text in the layout of such releases).
		"release.md": "### 示例主持召开常务会议\n\n国务院总理李强11月22日主持召开国务院常务会议，部署推进示例工作；决定开展示例试点。\n\n会议指出，示例工作意义重大。\n",
		// A manifest whose notes quote a headline.
		"MANIFEST.tsv": "file\tissuer\tnotes\nxwlb-0001.json\t中华人民共和国国务院\t国务院常务会议新闻稿，title「温家宝主持召开国务院常务会议」\nxwlb-0002.json\t中华人民共和国国务院\t国务院常务会议新闻稿，title「温家宝主持召开国务院常务会议」\n",
		"README.md":    "# Test corpus\n\nGenuine published texts copied from public repositories; see MANIFEST.tsv for the 国务院常务会议 releases and their provenance.\n",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(folder, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	envs := map[string]string{"JIYAO_INDEX": filepath.Join(t.TempDir(), "idx")}
	_, errOut, err := runCmd(t, envs, "ingest", "--quiet", folder)
	if err != nil {
		t.Fatalf("ingest: %v\n%s", err, errOut)
	}
	for _, want := range []string{
		"added 2 (1 incomplete), updated 0, unchanged 0, skipped 2 (not meeting records), failed 0",
		"skipped: " + filepath.Join(folder, "MANIFEST.tsv") + ": not a meeting record",
		"skipped: " + filepath.Join(folder, "README.md") + ": not a meeting record",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("ingest output lacks %q:\n%s", want, errOut)
		}
	}
	out, _, err := runCmd(t, envs, "search", "--json", "温家宝")
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Total int `json:"total"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if res.Total != 0 {
		t.Errorf("温家宝 finds %d meetings, want none (only the manifest names him)", res.Total)
	}
	out, _, err = runCmd(t, envs, "search", "--json", "示例试点")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if res.Total != 1 {
		t.Errorf("示例试点 finds %d meetings, want the release without a date:\n%s", res.Total, out)
	}
}
