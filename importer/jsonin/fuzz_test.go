package jsonin

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"gongkai/internal/testenv"
	"gongkai/model"
)

var sentinels = []error{model.ErrSyntax, model.ErrEncoding, model.ErrUnknownField, model.ErrMissingField,
	model.ErrNotAmount, model.ErrBadValue, model.ErrUnsupported}

// FuzzRead: no input panics; every error is a list of positioned problems
// with a documented sentinel; whatever is accepted survives a round trip.
func FuzzRead(f *testing.F) {
	for _, p := range examplePaths(f) {
		for _, s := range testenv.SmallSeeds(f, p) {
			f.Add(s)
		}
	}
	f.Add([]byte(`{"department":"x","year":2023,"unit":"元","tables":{"t05":{"rows":[{"level":"total","total":"1.5"}]}}}`))
	f.Add([]byte(`{"a":[1,2,{"b":null}],"c":"\u00e9\n"}`))
	f.Add([]byte("\xff\xfe{\x00}\x00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := Read(bytes.NewReader(b), "f.json")
		if err != nil {
			var pes model.ParseErrors
			if !errors.As(err, &pes) || len(pes) == 0 {
				t.Fatalf("error %v is not a non-empty ParseErrors", err)
			}
			for _, pe := range pes {
				ok := false
				for _, s := range sentinels {
					ok = ok || errors.Is(pe, s)
				}
				if !ok || pe.File != "f.json" {
					t.Fatalf("problem %v has no sentinel or file", pe)
				}
			}
			return
		}
		out, err := json.Marshal(d)
		if err != nil {
			t.Fatalf("marshal accepted input: %v", err)
		}
		if _, err := Read(bytes.NewReader(out), "again.json"); err != nil {
			t.Fatalf("accepted input does not read back: %v\n%s", err, out)
		}
	})
}
