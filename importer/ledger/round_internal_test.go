package ledger

import (
	"math/rand/v2"
	"testing"
)

func TestRounderCrossingPartitions(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	n := 1000
	x := make([]int64, n)
	for i := range x {
		x[i] = rng.Int64N(100000000)
	}
	r := newRounder(10000, x)
	for i := range x {
		r.add(aggKey{0, 0, 0, 0}, i)
		r.add(aggKey{1, int32(i % 37), 0, 0}, i)
		r.add(aggKey{2, int32(i % 11), 0, 0}, i)
		r.add(aggKey{3, int32(i % 5), 0, 0}, i)
		r.add(aggKey{4, int32(i / 7), 0, 0}, i)
	}
	left := r.solve()
	if left != 0 {
		t.Errorf("%d aggregates left more than one unit off", left)
	}
	// verify err
	for a := int32(0); a < int32(r.nAgg); a++ {
		var e int64
		for _, i := range r.aggCells(a) {
			e += r.value(int(i)) - x[i]
		}
		if e != r.err[a] {
			t.Fatalf("agg %d err %d, tracked %d", a, e, r.err[a])
		}
	}
}
