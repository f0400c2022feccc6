// Package plover maps CAMEO event codes to PLOVER types, modes and contexts, and gives each code its Goldstein score and quad class.
package plover

import "strings"

// Info is the PLOVER coding of one CAMEO code.
type Info struct {
	Type        string // one of the 16 PLOVER event types
	Mode        string
	Context     string // ";"-separated when several
	Description string
}

// Types lists the 16 PLOVER event types in manual order.
var Types = []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
	"REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}

// Lookup returns the PLOVER coding of a CAMEO code, falling back to the
// closest listed parent (1123 → 112 → 11). CAMEO 02 "appeal" is folded into
// REQUEST as the PLOVER manual does, using the mode and context of the
// matching 10 "demand" code; CAMEO 01 "make public statement" has no PLOVER
// type, so ok is false for it.
func Lookup(cameo string) (Info, bool) {
	code := strings.TrimSpace(cameo)
	if strings.HasPrefix(code, "02") {
		info, ok := Lookup("10" + code[2:])
		if ok && len(code) > 2 {
			info.Description = "Appeal: " + info.Description
		}
		return info, ok
	}
	for len(code) >= 2 {
		if info, ok := table[code]; ok {
			return info, true
		}
		code = code[:len(code)-1]
	}
	return Info{}, false
}

// Root returns the two-digit CAMEO root of a code ("1123" → "11").
func Root(cameo string) string {
	if len(cameo) < 2 {
		return cameo
	}
	return cameo[:2]
}

// QuadClass returns the Phoenix quad class of a CAMEO code: 0 neutral
// (01–02), 1 verbal cooperation (03–05), 2 material cooperation (06–08),
// 3 verbal conflict (09–13), 4 material conflict (14–20); -1 when the code
// has no numeric root.
func QuadClass(cameo string) int {
	switch Root(cameo) {
	case "01", "02":
		return 0
	case "03", "04", "05":
		return 1
	case "06", "07", "08":
		return 2
	case "09", "10", "11", "12", "13":
		return 3
	case "14", "15", "16", "17", "18", "19", "20":
		return 4
	}
	return -1
}

// Goldstein returns the Goldstein conflict-cooperation score (-10 … +10) of a
// CAMEO code, from the most specific listed code or its parents; 0 when unknown.
func Goldstein(cameo string) float64 {
	code := strings.TrimSpace(cameo)
	for len(code) >= 2 {
		if g, ok := goldstein[code]; ok {
			return g
		}
		code = code[:len(code)-1]
	}
	return 0
}

// goldstein holds the Goldstein (1992) weights as assigned to CAMEO codes by
// the CAMEO codebook and used by Phoenix and GDELT; four-digit codes take the
// weight of their three-digit parent.
var goldstein = map[string]float64{
	"01": 0, "010": 0, "011": -0.1, "012": -0.4, "013": 0.4, "014": 0, "015": 0, "016": 3.4, "017": 0, "018": 3.4, "019": 3.4,
	"02": 3, "020": 3, "021": 3.4, "022": 3.2, "023": 3.4, "024": -0.3, "025": -0.3, "026": 4, "027": 4, "028": 4,
	"03": 4, "030": 4, "031": 5.2, "032": 4.5, "033": 5.2, "034": 7, "035": 7, "036": 4, "037": 5, "038": 7, "039": 5,
	"04": 1, "040": 1, "041": 1, "042": 1.9, "043": 2.8, "044": 2.5, "045": 5, "046": 7,
	"05": 3.5, "050": 3.5, "051": 3.4, "052": 3.5, "053": 3.8, "054": 6, "055": 7, "056": 7, "057": 8,
	"06": 6, "060": 6, "061": 6.4, "062": 7.4, "063": 7.4, "064": 7,
	"07": 7, "070": 7, "071": 7.4, "072": 8.3, "073": 7.4, "074": 8.5, "075": 7,
	"08": 5, "080": 5, "081": 5, "082": 5, "083": 5, "084": 7, "085": 7, "086": 9, "087": 9,
	"09": -2, "090": -2, "091": -2, "092": -2, "093": -2, "094": -2,
	"10": -5, "100": -5, "101": -5, "102": -4.9, "103": -5, "104": -5, "105": -5, "106": -5, "107": -5, "108": -5,
	"11": -2, "110": -2, "111": -2, "112": -2, "113": -2, "114": -2, "115": -2, "116": -2,
	"12": -4, "120": -4, "121": -4, "122": -4, "123": -4, "124": -5, "125": -5, "126": -5, "127": -5, "128": -5, "129": -5,
	"13": -6, "130": -4.4, "131": -5.8, "132": -5.8, "133": -5.8, "134": -5.8, "135": -5.8, "136": -7, "137": -7, "138": -7, "139": -7,
	"14": -6.5, "140": -6.5, "141": -6.5, "142": -6.5, "143": -6.5, "144": -7.5, "145": -7.5,
	"15": -7.2, "150": -7.2, "151": -7.2, "152": -7.2, "153": -7.2, "154": -7.2,
	"16": -4, "160": -4, "161": -4, "162": -5.6, "163": -8, "164": -7, "165": -6.5, "166": -7,
	"17": -7, "170": -7, "171": -9.2, "172": -5, "173": -5, "174": -5, "175": -9, "176": -7,
	"18": -9, "180": -9, "181": -9, "182": -9.5, "183": -10, "184": -8, "185": -8, "186": -10,
	"19": -10, "190": -10, "191": -9.5, "192": -9.5, "193": -10, "194": -10, "195": -10, "196": -9.5,
	"20": -10, "200": -10, "201": -9.5, "202": -10, "203": -10, "204": -10,
}
