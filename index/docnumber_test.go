package index

import (
	"slices"
	"testing"
)

// A document number is keyed in its canonical forms, whatever brackets,
// widths and leading zeros it was written with (ingest.CanonicalDocNumber
// is the one reading of it).
func TestDocNumberKeys(t *testing.T) {
	for in, want := range map[string][]string{
		"苏府会〔2020〕36号":  {"苏府会〔2020〕36号", "〔2020〕36号"},
		"蘇府會［2020］036號": {"苏府会〔2020〕36号", "〔2020〕36号"},
		"[2026]1号":      {"〔2026〕1号"},
		"（2019）第7号":     {"〔2019〕7号"},
		"第三次会议":         {"第三次会议"},
	} {
		if got := docNumberKeys(in); !slices.Equal(got, want) {
			t.Errorf("docNumberKeys(%s) = %q, want %q", in, got, want)
		}
	}
}
