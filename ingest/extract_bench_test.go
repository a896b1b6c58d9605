package ingest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jiyao-search/jiyao/internal/gen"
)

// BenchmarkExtract measures extraction throughput on plain text: decoding,
// repair, folding, structure and attendance parsing, topics. Run with
//
//	go test ./ingest -run XXX -bench BenchmarkExtract -benchtime 3s
func BenchmarkExtract(b *testing.B) {
	e := newTestExtractor(b)
	b.Run("seed", func(b *testing.B) {
		data, err := os.ReadFile(filepath.Join(corpusPath(b, "seed"), "suzhou-2020-36.txt"))
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := e.Extract("seed.txt", data); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("generated", func(b *testing.B) {
		g := gen.New(1, gen.WrapAt(40))
		docs := make([][]byte, 64)
		var total int64
		for i := range docs {
			docs[i] = g.Doc(i).Text
			total += int64(len(docs[i]))
		}
		b.SetBytes(total / int64(len(docs)))
		i := 0
		for b.Loop() {
			if _, err := e.Extract("gen.txt", docs[i%len(docs)]); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("real", func(b *testing.B) {
		// The shared corpus's real documents that decode, in turn.
		root := corpusPath(b, "real")
		var docs [][]byte
		var names []string
		var total int64
		for _, f := range corpusFiles(b, root) {
			if f == "MANIFEST.tsv" || f == "README.md" {
				continue
			}
			data, err := os.ReadFile(filepath.Join(root, f))
			if err != nil {
				b.Fatal(err)
			}
			if _, err := e.Extract(f, data); err != nil {
				continue
			}
			docs, names = append(docs, data), append(names, f)
			total += int64(len(data))
		}
		b.SetBytes(total / int64(len(docs)))
		i := 0
		for b.Loop() {
			if _, err := e.Extract(names[i%len(docs)], docs[i%len(docs)]); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
}

// BenchmarkExtractLong measures extraction on one long record that repeats
// every pattern the passes look for (items, labels, speeches, motions,
// resolutions, report and proposal tables, lists of those present, a
// legislature's referrals, written answers, carried conclusions and
// confirmations, general questioning, budget sections) at
// growing lengths: the time per byte should stay flat. Run with
//
//	go test ./ingest -run XXX -bench BenchmarkExtractLong
func BenchmarkExtractLong(b *testing.B) {
	e := newTestExtractor(b)
	unit := "一、审议通过《关于某某工作的方案》，由市财政局负责。\n主席：王小明\n陈委员大同：请问警察局怎么办？\n" +
		"    * 李院长明：好的。\n決議：照審查意見通過。\n11465 為訂定「某某辦法」一案，敬請 查照。 備查\n" +
		"主席陳議員明澤提：擬延長開會時間，請同意案。\n（無異議通過）\n张三、李四、王五等出席会议。\n" +
		"编号 提案人 案由 审查意见 大会议决\n建乙92\n周秀月\n建請縣府協調。\n照審查意見通過\n" +
		"程序委員會意見：擬請院會將本案交財政委員會審查。\n12. 行政院函送林委員大同就某問題所提質詢之書面答復，請查照案。\n" +
		"主席：請問院會，對以上協商結論有無異議？（無）無異議，通過。\n決議：甲大明先生，獲得出席委員過半數之同意票，同意為某委員會委員。\n" +
		"今日議程：市政總質詢。\n第3項：市場處(6-3)\n"
	lines := strings.Count(unit, "\n")
	for _, n := range []int{1000, 8000, 64000} {
		data := []byte("苏州市人民政府第1次常务会议纪要\n" + strings.Repeat(unit, n))
		b.Run(fmt.Sprintf("lines=%d", n*lines), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := e.Extract("long.txt", data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkExtractLongLine measures extraction on one long line that
// repeats a pattern read within a line (entries resolved one after another,
// clauses scheduling meetings, a chairmen's meeting's proposals, a ruling's
// points run on, appointments, a member's request in parts, a release's
// clauses) at growing lengths: the time per byte should stay flat.
// Run with
//
//	go test ./ingest -run XXX -bench BenchmarkExtractLongLine
func BenchmarkExtractLongLine(b *testing.B) {
	e := newTestExtractor(b)
	const council = "某市議會第1屆第1次定期大會第1次會議紀錄\n"
	for name, pat := range map[string]struct{ head, unit string }{
		"entries":   {council, "（一）某類編號：1，計1案 決議：送請市政府研究辦理 "},
		"schedules": {council, "决定召开"},
		"proposals": {council, "委员长会议建议"},
		"points":    {council, "主席裁定：（一）請於某日送\n  會\n"},
		"appoints":  {council, "会议决定任命某某为某某部部长，"},
		"requests":  {council + "沈議員某某要求：\n", "1.請工務局提供資料。"},
		"clauses":   {"国务院总理某某主持召开国务院常务会议\n", "会议审议通过某方案，"},
	} {
		for _, n := range []int{2000, 16000} {
			data := []byte(pat.head + strings.Repeat(pat.unit, n))
			b.Run(fmt.Sprintf("%s=%d", name, n), func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				for b.Loop() {
					if _, err := e.Extract("line.txt", data); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
