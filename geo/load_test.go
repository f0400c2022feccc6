package geo

import (
	"runtime"
	"testing"
)

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	var g *Gazetteer
	for b.Loop() {
		var err error
		if g, err = LoadDefault(); err != nil {
			b.Fatal(err)
		}
	}
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(m.HeapAlloc)/(1<<20), "heapMB")
	b.ReportMetric(float64(len(g.Places)), "places")
	runtime.KeepAlive(g)
}
