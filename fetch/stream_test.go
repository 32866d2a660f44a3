package fetch_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/fetch"
)

func TestStream(t *testing.T) {
	const size = 3 << 20 // over MaxBody below, so only Stream may read it
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "application/xml")
		io.Copy(w, io.LimitReader(spaces{}, size))
	}))
	opts := testOptions()
	opts.MaxBody = 1 << 20
	c := fetch.New(opts)
	ctx := context.Background()

	if _, err := c.Get(ctx, srv.URL, fetch.Validators{}); !errors.Is(err, fetch.ErrTooLarge) {
		t.Errorf("Get of %d bytes with MaxBody 1 MiB: %v, want ErrTooLarge", size, err)
	}

	res, body, err := c.Stream(ctx, srv.URL, fetch.Validators{}, 8<<20)
	if err != nil {
		t.Fatal(err)
	}
	n, err := io.Copy(io.Discard, body)
	body.Close()
	if err != nil || n != size || res.Validators.ETag != `"v1"` || res.Body != nil {
		t.Errorf("Stream read %d bytes, err %v, validators %+v", n, err, res.Validators)
	}

	_, body, _ = c.Stream(ctx, srv.URL, fetch.Validators{}, 1<<20)
	_, err = io.Copy(io.Discard, body)
	body.Close()
	if !errors.Is(err, fetch.ErrTooLarge) || !strings.Contains(err.Error(), "exceeds") {
		t.Errorf("Stream past its max: %v, want ErrTooLarge", err)
	}

	res, body, err = c.Stream(ctx, srv.URL, res.Validators, 8<<20)
	if err != nil || !res.NotModified || body != nil {
		t.Errorf("conditional Stream: %+v, body %v, err %v; want NotModified and no body", res, body, err)
	}
}

type spaces struct{}

func (spaces) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	return len(p), nil
}
