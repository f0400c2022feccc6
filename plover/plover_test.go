package plover

import "testing"

func TestLookup(t *testing.T) {
	tests := []struct {
		name, code, typ, mode, ctx string
		ok                         bool
	}{
		{"exact", "112", "ACCUSE", "disapprove", "", true},
		{"four digit", "1123", "ACCUSE", "allege", "military", true},
		{"multi context", "1121", "ACCUSE", "allege", "crime;corruption", true},
		{"parent fallback", "1385x", "THREATEN", "violence", "cbrn", true},
		{"root only", "19", "ASSAULT", "", "", true},
		{"unlisted child falls back to root", "176", "COERCE", "", "", true},
		{"coerce within 19", "191", "COERCE", "restrict", "military", true},
		{"sanctions are coerce", "163", "COERCE", "restrict", "diplomatic", true},
		{"appeal folds into request", "021", "REQUEST", "assist", "", true},
		{"appeal root", "02", "REQUEST", "", "", true},
		{"express intent to meet", "036", "AGREE", "", "diplomatic", true},
		{"statement has no type", "010", "", "", "", false},
		{"garbage", "abc", "", "", "", false},
		{"empty", "", "", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info, ok := Lookup(tt.code)
			if ok != tt.ok || info.Type != tt.typ || info.Mode != tt.mode || info.Context != tt.ctx {
				t.Errorf("Lookup(%q) = %+v, %v; want %s/%s/%s, %v", tt.code, info, ok, tt.typ, tt.mode, tt.ctx, tt.ok)
			}
		})
	}
}

func TestEveryTypeReachable(t *testing.T) {
	seen := map[string]bool{}
	for _, info := range table {
		seen[info.Type] = true
	}
	for _, typ := range Types {
		if !seen[typ] {
			t.Errorf("PLOVER type %s has no CAMEO code", typ)
		}
	}
	for typ := range seen {
		found := false
		for _, want := range Types {
			found = found || want == typ
		}
		if !found {
			t.Errorf("table has unknown PLOVER type %q", typ)
		}
	}
}

func TestQuadClassAndGoldstein(t *testing.T) {
	tests := []struct {
		code string
		quad int
		gold float64
	}{
		{"010", 0, 0}, {"036", 1, 4}, {"0311", 1, 5.2}, {"064", 2, 7}, {"112", 3, -2},
		{"1123", 3, -2}, {"193", 4, -10}, {"173", 4, -5}, {"xyz", -1, 0},
	}
	for _, tt := range tests {
		if q := QuadClass(tt.code); q != tt.quad {
			t.Errorf("QuadClass(%q) = %d, want %d", tt.code, q, tt.quad)
		}
		if g := Goldstein(tt.code); g != tt.gold {
			t.Errorf("Goldstein(%q) = %v, want %v", tt.code, g, tt.gold)
		}
	}
}
