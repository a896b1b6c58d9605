package gen

import "testing"

func BenchmarkDoc(b *testing.B) {
	g := New(1)
	size := 0
	for i := range 100 {
		size += len(g.Doc(i).Text)
	}
	b.SetBytes(int64(size / 100))
	i := 0
	for b.Loop() {
		g.Doc(i)
		i++
	}
}

func BenchmarkDocParallel(b *testing.B) {
	g := New(1)
	b.SetBytes(int64(len(g.Doc(0).Text)))
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			g.Doc(i)
			i++
		}
	})
}
