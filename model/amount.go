package model

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// Amount is a money amount (or another decimal figure such as a percentage)
// as stated by its source. The zero value is blank: a cell that states
// nothing, which is different from a stated 0.
//
// Amounts keep the precision they were given: "100.00" stays "100.00" when
// written back to JSON, and "0.01356" keeps its five places. Compare amounts
// with Equal (or Decimal().Cmp), never with ==: 1.50 and 1.5 are equal values
// with different representations.
type Amount struct {
	d   decimal.Decimal
	set bool
}

// A returns the amount d.
func A(d decimal.Decimal) Amount { return Amount{d: d, set: true} }

// ParseAmount reads a decimal string such as "231.79", "-0.5" or "0".
// It rejects thousands separators and anything that is not a plain decimal;
// importers normalise text before they call it.
func ParseAmount(s string) (Amount, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Amount{}, nil
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r == '.' || r == '-' || r == '+') {
			return Amount{}, fmt.Errorf("%q is not an amount", s)
		}
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return Amount{}, fmt.Errorf("%q is not an amount", s)
	}
	return Amount{d: d, set: true}, nil
}

// MustAmount is ParseAmount for literals in code and tests; it panics on a bad string.
func MustAmount(s string) Amount {
	a, err := ParseAmount(s)
	if err != nil {
		panic(err)
	}
	return a
}

// IsBlank reports whether the amount states nothing.
func (a Amount) IsBlank() bool { return !a.set }

// IsZero reports whether the amount is blank or equal to 0.
func (a Amount) IsZero() bool { return !a.set || a.d.IsZero() }

// Decimal returns the value; a blank amount counts as 0.
func (a Amount) Decimal() decimal.Decimal { return a.d }

// Places returns how many decimal places the amount was stated with.
func (a Amount) Places() int32 {
	if e := a.d.Exponent(); e < 0 {
		return -e
	}
	return 0
}

// Equal compares values; blank equals blank and blank equals nothing else.
func (a Amount) Equal(b Amount) bool {
	if a.set != b.set {
		return false
	}
	return a.d.Equal(b.d)
}

// Add returns a+b; the result is blank only when both are blank.
func (a Amount) Add(b Amount) Amount {
	if !a.set && !b.set {
		return Amount{}
	}
	return Amount{d: a.d.Add(b.d), set: true}
}

// Sub returns a-b; the result is blank only when both are blank.
func (a Amount) Sub(b Amount) Amount {
	if !a.set && !b.set {
		return Amount{}
	}
	return Amount{d: a.d.Sub(b.d), set: true}
}

// Neg returns -a.
func (a Amount) Neg() Amount {
	if !a.set {
		return Amount{}
	}
	return Amount{d: a.d.Neg(), set: true}
}

// Sum adds amounts; blank when all are blank.
func Sum(as ...Amount) Amount {
	s := Amount{}
	for _, a := range as {
		s = s.Add(a)
	}
	return s
}

// String returns the amount as stated ("231.79", "0.01356", "180"), or "" when blank.
func (a Amount) String() string {
	if !a.set {
		return ""
	}
	return a.d.StringFixed(a.Places())
}

// Fixed returns the amount rounded half away from zero (四舍五入) to the given
// places, e.g. Fixed(2) = "218.93"; "" when blank.
func (a Amount) Fixed(places int32) string {
	if !a.set {
		return ""
	}
	return a.d.StringFixed(places)
}

// MarshalJSON writes a decimal string, or null when blank.
func (a Amount) MarshalJSON() ([]byte, error) {
	if !a.set {
		return []byte("null"), nil
	}
	return json.Marshal(a.String())
}

// UnmarshalJSON accepts a decimal string ("12.30"), a JSON number (12.30) or null.
func (a *Amount) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if bytes.Equal(b, []byte("null")) {
		*a = Amount{}
		return nil
	}
	s := string(b)
	if len(b) > 0 && b[0] == '"' {
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		if strings.TrimSpace(s) == "" {
			*a = Amount{}
			return nil
		}
	}
	v, err := ParseAmount(s)
	if err != nil {
		return err
	}
	*a = v
	return nil
}
