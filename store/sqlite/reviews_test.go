package sqlite

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"github.com/sitrep/sitrep/store"
)

// Reviews survive closing and reopening the file, and a reopened store
// goes on numbering versions where it left off.
func TestReviewsReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "reviews.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	r := store.Review{Incident: "s000000000000000a-111111111111", Story: "s000000000000000a", Action: store.ActionAccept,
		State: store.StateAccepted, Record: json.RawMessage(`{}`), Before: json.RawMessage(`{}`), After: json.RawMessage(`{}`),
		User: "ana", At: time.Date(2025, 11, 20, 9, 0, 0, 123456789, time.UTC)}
	first, err := db.PutReview(ctx, r, 0)
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2025, 11, 20, 9, 0, 0, 123456000, time.UTC); !first.At.Equal(want) {
		t.Errorf("At = %v, want it kept to the microsecond: %v", first.At, want)
	}
	db.Close()
	db, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	r.Action, r.State = store.ActionReject, store.StateRejected
	if got, err := db.PutReview(ctx, r, 1); err != nil || got.Version != 2 {
		t.Fatalf("after reopening: %+v, %v; want version 2", got, err)
	}
	if h, err := db.ReviewHistory(ctx, r.Incident); err != nil || len(h) != 2 || !h[0].At.Equal(first.At) {
		t.Errorf("history after reopening = %+v, %v", h, err)
	}
}

func BenchmarkPutReview(b *testing.B) {
	db := openTemp(b)
	defer db.Close()
	ctx := context.Background()
	rec, _ := json.Marshal(map[string]string{"id": "x", "notes": string(make([]byte, 4000))})
	r := store.Review{Incident: "s000000000000000a-111111111111", Story: "s000000000000000a", Action: store.ActionCorrect,
		State: store.StateCorrected, Record: rec, Before: json.RawMessage(`{"type":"Battles"}`), After: json.RawMessage(`{"type":"Riots"}`), User: "ana"}
	v := 0
	for b.Loop() {
		if _, err := db.PutReview(ctx, r, v); err != nil {
			b.Fatal(err)
		}
		v++
	}
}
