package coder

import (
	"os"
	"strings"
	"testing"
	"time"
)

// TestDebugExplain prints Explain for the records named in EGRET_DEBUG
// (comma-separated ids); it does nothing otherwise.
func TestDebugExplain(t *testing.T) {
	ids := os.Getenv("EGRET_DEBUG")
	if ids == "" {
		t.Skip("set EGRET_DEBUG=ID,ID to explain validation records")
	}
	c, recs := loadValidation(t)
	for _, r := range recs {
		if !strings.Contains(","+ids+",", ","+r.ID+",") {
			continue
		}
		d, _ := time.Parse("20060102", r.Date)
		t.Logf("%s expected %v\n%s", r.ID, r.Events, c.Explain(r.Text, d))
	}
}
