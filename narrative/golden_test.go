package narrative

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"gongkai/internal/golden"
	"gongkai/model"
)

// withTexts is the 2023 example with the texts of testdata (duties,
// organisation, reasons, a performance goal).
func withTexts(t *testing.T) *model.Disclosure {
	d := loadExample(t, "tianmen-12345-2023.json")
	b, err := os.ReadFile("testdata/tianmen-12345-2023.texts.json")
	if err != nil {
		t.Fatal(err)
	}
	d.Texts = &model.Texts{}
	if err := json.Unmarshal(b, d.Texts); err != nil {
		t.Fatal(err)
	}
	return d
}

// The 2023 example's text in both styles, without and with the texts.
func TestGoldenText(t *testing.T) {
	for _, style := range []string{"2023", "2026"} {
		for _, tc := range []struct {
			name string
			d    *model.Disclosure
		}{{"bare", loadExample(t, "tianmen-12345-2023.json")}, {"texts", withTexts(t)}} {
			text, findings, err := Text(tc.d, Options{Style: style})
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			b.WriteString(Plain(text))
			b.WriteString("\n-- findings --\n")
			for _, f := range findings {
				b.WriteString(f.String() + "\n")
			}
			golden.Assert(t, "2023-example-"+tc.name+"-style"+style, []byte(b.String()))
		}
	}
}

// With every text given, no finding is left, and each text is in the document.
func TestTextsUsed(t *testing.T) {
	d := withTexts(t)
	for _, style := range []string{"2023", "2026"} {
		text, findings, err := Text(d, Options{Style: style})
		if err != nil {
			t.Fatal(err)
		}
		if len(findings) != 0 {
			t.Errorf("%s: findings with every text given: %v", style, findings)
		}
		x := d.Texts
		for _, s := range append(append([]string{x.Organization, x.Units, x.Reasons.Income, x.Reasons.Reception}, x.Duties...), x.Performance...) {
			if !strings.Contains(text, s) {
				t.Errorf("%s: the text leaves out %q", style, s)
			}
		}
		roundTrip(t, d, style)
	}
}
