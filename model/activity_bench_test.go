package model

import (
	"bytes"
	"context"
	"runtime"
	"sync"
	"testing"

	"github.com/bouncelens/bouncelens/sample"
)

// generatedActivities is the bounce log of a generated export of 300k leads, as a Marketo bulk
// activity extract, written once per test binary.
var generatedActivities = sync.OnceValues(func() ([]byte, error) {
	var b bytes.Buffer
	b.Grow(200 << 20) // about 180 MB: growing would clear and copy it again and again
	err := sample.GenerateActivities(&b, 300_000, 1)
	return b.Bytes(), err
})

// BenchmarkLoadActivities300k loads the bounce log of 300k leads (about 420k rows, 180 MB) and
// reports rows and megabytes read per second, and the heap the loaded Dataset keeps.
func BenchmarkLoadActivities300k(b *testing.B) {
	data, err := generatedActivities()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	var ds *Dataset
	for b.Loop() {
		ds = nil
		ds, err = LoadBytes(context.Background(), []Input{{Name: "activities.csv", Data: data}}, Options{})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	sec := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(float64(ds.Rows)/sec, "rows/s")
	b.ReportMetric(float64(len(data))/1e6/sec, "MB/s")
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapAlloc-uint64(cap(data)))/1e6, "MB-kept") // beside the input
	runtime.KeepAlive(ds)
}
