package http_test

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/egret-events/egret"
	egrethttp "github.com/egret-events/egret/http"
)

// documentView is the answer of GET /api/v1/documents/{id}.
type documentView struct {
	Document    egret.Document      `json:"document"`
	Events      []egret.StoredEvent `json:"events"`
	Segments    []egrethttp.Segment `json:"segments"`
	TotalEvents int                 `json:"total_events"`
	NextCursor  string              `json:"next_cursor"`
}

// TestDocumentViewIsPaged: a document with thousands of events is read a
// page at a time, each page's segments tiling the text with the marks of
// that page's events only (issue 13.2: the view was quadratic in events).
func TestDocumentViewIsPaged(t *testing.T) {
	s := newServer(t, "")
	const n = 2500
	text := strings.Repeat("Russia accused Syria. ", n)
	b, _ := json.Marshal(map[string]string{"id": "big", "text": text, "date": "2020-01-02"})
	var res egrethttp.PostResult
	if code, body := s.do(t, "POST", "/api/v1/documents", "application/json", string(b), &res); code != 200 || res.Events != n {
		t.Fatalf("post: %d %s", code, body)
	}
	var v documentView
	if code, body := s.do(t, "GET", "/api/v1/documents/big", "", "", &v); code != 200 {
		t.Fatalf("get: %d %s", code, body)
	}
	if len(v.Events) != egret.DefaultDocumentEvents || v.TotalEvents != n || v.NextCursor == "" {
		t.Fatalf("first page: %d events of %d, cursor %q", len(v.Events), v.TotalEvents, v.NextCursor)
	}
	seen := 0
	for cursor := ""; ; {
		var v documentView
		if code, body := s.do(t, "GET", "/api/v1/documents/big?limit=1000&cursor="+url.QueryEscape(cursor), "", "", &v); code != 200 {
			t.Fatalf("page %q: %d %s", cursor, code, body)
		}
		var rebuilt strings.Builder
		marks := 0
		for _, seg := range v.Segments {
			rebuilt.WriteString(seg.Text)
			for _, m := range seg.Marks {
				if m.Event < 0 || m.Event >= len(v.Events) {
					t.Fatalf("mark %+v points outside the page's %d events", m, len(v.Events))
				}
				marks++
			}
		}
		if rebuilt.String() != text || marks != 3*len(v.Events) {
			t.Errorf("page %q: segments rebuild the text %v, %d marks for %d events", cursor, rebuilt.String() == text, marks, len(v.Events))
		}
		seen += len(v.Events)
		if cursor = v.NextCursor; cursor == "" {
			break
		}
	}
	if seen != n {
		t.Errorf("paged through %d events, want %d", seen, n)
	}
	// Opening the document at an event gives the page holding it.
	var page egret.EventPage
	s.do(t, "GET", "/api/v1/events?doc_id=big&limit=1", "", "", &page)
	ev := page.Events[0]
	s.do(t, "GET", fmt.Sprintf("/api/v1/documents/big?event=%d&limit=100", ev.ID), "", "", &v)
	found := false
	for _, e := range v.Events {
		found = found || e.ID == ev.ID
	}
	if !found || len(v.Events) != 100 {
		t.Errorf("page of event %d: %d events, holds it %v", ev.ID, len(v.Events), found)
	}
	for _, q := range []string{"limit=1001", "limit=x", "event=x", "cursor=%00", "page=2"} {
		if code, body := s.do(t, "GET", "/api/v1/documents/big?"+q, "", "", nil); code != 400 {
			t.Errorf("?%s: %d %s, want 400", q, code, body)
		}
	}
}
