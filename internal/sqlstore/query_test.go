package sqlstore

import (
	"testing"

	"github.com/egret-events/egret"
)

func TestCursorRoundTrip(t *testing.T) {
	c := EncodeCursor("2020-01-02", 42)
	d, id, err := DecodeCursor(c)
	if err != nil || d != "2020-01-02" || id != 42 {
		t.Errorf("got %q %d %v", d, id, err)
	}
	if _, _, err := DecodeCursor("bm9waXBl"); egret.ErrorCode(err) != egret.EINVALID {
		t.Errorf("bad cursor: %v", err)
	}
}
