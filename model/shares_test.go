package model

import (
	"testing"

	"github.com/shopspring/decimal"
)

func decs(ss ...string) []decimal.Decimal {
	var out []decimal.Decimal
	for _, s := range ss {
		out = append(out, decimal.RequireFromString(s))
	}
	return out
}

func TestShares(t *testing.T) {
	for _, tc := range []struct {
		in, want []string
	}{
		// the largest remainders (.75 and .51) get the two missing hundredths
		{[]string{"9404.75", "270.26", "111.48", "213.51"}, []string{"94.05", "2.70", "1.11", "2.14"}},
		// thirds: plain rounding gives 99.99
		{[]string{"1", "1", "1"}, []string{"33.34", "33.33", "33.33"}},
		// plain rounding gives 100.01
		{[]string{"1", "1", "1", "1", "1", "1", "1"}, []string{"14.29", "14.29", "14.29", "14.29", "14.28", "14.28", "14.28"}},
		{[]string{"5"}, []string{"100.00"}},
		{[]string{"0", "2"}, []string{"0.00", "100.00"}},
	} {
		got := Shares(decs(tc.in...))
		sum := decimal.Zero
		for i, g := range got {
			sum = sum.Add(g)
			if !g.Equal(decimal.RequireFromString(tc.want[i])) {
				t.Errorf("%v: share %d = %s, want %s", tc.in, i, g.StringFixed(2), tc.want[i])
			}
		}
		if !sum.Equal(decimal.NewFromInt(100)) {
			t.Errorf("%v: shares add up to %s", tc.in, sum)
		}
	}
}
