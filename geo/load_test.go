package geo

import (
	"runtime"
	"testing"
)

// BenchmarkLoad reports the time to load the embedded gazetteer and the heap
// it holds once loaded (heapMB).
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	runtime.GC()
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	g, err := LoadDefault()
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&m1)
	heap, places := float64(m1.HeapAlloc-m0.HeapAlloc)/(1<<20), float64(g.Len())
	runtime.KeepAlive(g)
	g = nil
	c0 := cpuTime()
	for b.Loop() {
		if _, err := LoadDefault(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cpuTime()-c0).Milliseconds())/float64(b.N), "cpu-ms/op")
	b.ReportMetric(heap, "heapMB")
	b.ReportMetric(places, "places")
}
