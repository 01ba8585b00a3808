package model

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"
)

func TestParseAmount(t *testing.T) {
	cases := []struct {
		in    string
		want  string // String(); "" for blank
		blank bool
		bad   bool
	}{
		{"231.79", "231.79", false, false},
		{"180.00", "180.00", false, false}, // stated precision is kept
		{"0.01356", "0.01356", false, false},
		{"0", "0", false, false},
		{"-121.52", "-121.52", false, false},
		{" 4.8 ", "4.8", false, false},
		{"", "", true, false},
		{"1,270.82", "", false, true}, // importers normalise separators first
		{"12,3x", "", false, true},
		{"1e3", "", false, true},
		{"abc", "", false, true},
	}
	for _, tc := range cases {
		a, err := ParseAmount(tc.in)
		if tc.bad {
			if err == nil {
				t.Errorf("ParseAmount(%q) = %v, want an error", tc.in, a)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseAmount(%q): %v", tc.in, err)
			continue
		}
		if a.IsBlank() != tc.blank || a.String() != tc.want {
			t.Errorf("ParseAmount(%q) = %q (blank %v), want %q (blank %v)", tc.in, a.String(), a.IsBlank(), tc.want, tc.blank)
		}
	}
}

func TestAmountBlankIsNotZero(t *testing.T) {
	zero := MustAmount("0.00")
	if zero.IsBlank() || !zero.IsZero() {
		t.Fatal("0.00 must be a stated zero")
	}
	if !(Amount{}).IsBlank() || !(Amount{}).IsZero() {
		t.Fatal("the zero Amount must be blank (and count as 0 in sums)")
	}
	if zero.Equal(Amount{}) {
		t.Fatal("a stated 0.00 must not equal a blank cell")
	}
	if !MustAmount("1.50").Equal(MustAmount("1.5")) {
		t.Fatal("1.50 and 1.5 are the same value")
	}
	if s := Sum(Amount{}, Amount{}); !s.IsBlank() {
		t.Fatal("the sum of blanks is blank")
	}
	if s := Sum(Amount{}, MustAmount("2.5")); s.String() != "2.5" {
		t.Fatalf("blank + 2.5 = %s", s)
	}
}

func TestAmountFixedRoundsHalfAwayFromZero(t *testing.T) {
	for in, want := range map[string]string{
		"218.925": "218.93", // 四舍五入, not banker's rounding
		"2.345":   "2.35",
		"-2.345":  "-2.35",
		"0.004":   "0.00",
		"44.54":   "44.54",
	} {
		if got := MustAmount(in).Fixed(2); got != want {
			t.Errorf("Fixed(%s) = %s, want %s", in, got, want)
		}
	}
}

func TestAmountJSON(t *testing.T) {
	var v struct {
		A, B, C, D Amount
	}
	if err := json.Unmarshal([]byte(`{"A":"180.00","B":12.30,"C":null,"D":""}`), &v); err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(out), `{"A":"180.00","B":"12.30","C":null,"D":null}`; got != want {
		t.Fatalf("round trip = %s, want %s", got, want)
	}
	if err := json.Unmarshal([]byte(`{"A":"12,3x"}`), &v); err == nil {
		t.Fatal(`"12,3x" must be rejected`)
	}
}

func TestParseErrorPositions(t *testing.T) {
	e := &ParseError{File: "budget.json", Line: 12, Column: 20, Path: "tables.t05.rows[3].total", Err: fmt.Errorf("%q is %w", "12,3x", ErrNotAmount)}
	if got, want := e.Error(), `budget.json:12:20: tables.t05.rows[3].total: "12,3x" is not an amount`; got != want {
		t.Fatalf("Error() = %s, want %s", got, want)
	}
	var all error = ParseErrors{e, {File: "budget.json", Path: "frobs", Err: ErrUnknownField}}
	if !errors.Is(all, ErrNotAmount) || !errors.Is(all, ErrUnknownField) {
		t.Fatal("errors.Is must see every problem of a ParseErrors")
	}
	var pe *ParseError
	if !errors.As(all, &pe) || pe.Line != 12 {
		t.Fatal("errors.As must find the first *ParseError")
	}
}

func ExampleAmount() {
	total := MustAmount("218.93")
	parts := Sum(MustAmount("32.57"), MustAmount("6.35"), MustAmount("180.00"))
	fmt.Println(parts, total.Sub(parts))
	fmt.Println(MustAmount("218.925").Fixed(2)) // 四舍五入
	var blank Amount
	fmt.Println(blank.IsBlank(), MustAmount("0.00").IsBlank())
	// Output:
	// 218.92 0.01
	// 218.93
	// true false
}

func ExampleFinding_String() {
	f := Finding{Severity: SeverityError, Rule: "X6", Table: T06, Message: "表六 合计 51.79 ≠ 表五 合计 人员类 44.54 + 公用经费 7.24 = 51.78 (差 0.01)"}
	fmt.Println(f)
	// Output:
	// 错误 X6 表六 合计 51.79 ≠ 表五 合计 人员类 44.54 + 公用经费 7.24 = 51.78 (差 0.01)
}
