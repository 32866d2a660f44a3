package sqlite

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"sync"
	"time"
)

// Codecs of raws.body. The codec is stored beside each body so that a later
// version can change how new bodies are compressed and still read old ones.
const (
	codecGzip     = "gzip"
	codecIdentity = "identity"
)

// rawEncoder compresses raw bytes for raws.body. Its writers are pooled:
// each holds about a megabyte of compressor state, which dominated the cost
// of a Put when made anew every time.
type rawEncoder struct{ writers sync.Pool }

// encode compresses b with gzip, or keeps it as it is when gzip does not
// make it smaller (images, PDFs, already compressed input).
func (e *rawEncoder) encode(b []byte) (codec string, body []byte, err error) {
	if len(b) == 0 {
		return codecIdentity, []byte{}, nil // not nil: that would bind NULL
	}
	var buf bytes.Buffer
	buf.Grow(len(b) / 3)
	zw, ok := e.writers.Get().(*gzip.Writer)
	if ok {
		zw.Reset(&buf)
	} else {
		zw = gzip.NewWriter(&buf)
	}
	defer e.writers.Put(zw)
	if _, err := zw.Write(b); err != nil {
		return "", nil, err
	}
	if err := zw.Close(); err != nil {
		return "", nil, err
	}
	if buf.Len() >= len(b) {
		return codecIdentity, b, nil
	}
	return codecGzip, buf.Bytes(), nil
}

// decodeRaw undoes encodeRaw; size is the length the decoded bytes must have.
func decodeRaw(codec string, body []byte, size int64) ([]byte, error) {
	var out []byte
	switch codec {
	case codecIdentity:
		out = body
	case codecGzip:
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return nil, fmt.Errorf("raw: %w", err)
		}
		out = make([]byte, 0, size)
		buf := bytes.NewBuffer(out)
		if _, err := io.Copy(buf, zr); err != nil {
			return nil, fmt.Errorf("raw: %w", err)
		}
		out = buf.Bytes()
	default:
		return nil, fmt.Errorf("raw: unknown codec %q", codec)
	}
	if int64(len(out)) != size {
		return nil, fmt.Errorf("raw: %d bytes, want %d", len(out), size)
	}
	if out == nil {
		out = []byte{}
	}
	return out, nil
}

// Times are stored as unix microseconds: they sort as integers, and
// microseconds are what PostgreSQL keeps, so both drivers agree.

// micros returns t in unix microseconds, or nil (SQL NULL) for the zero time.
func micros(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UnixMicro()
}

// fromMicros returns the UTC time of v, or the zero time for NULL.
func fromMicros(v *int64) time.Time {
	if v == nil {
		return time.Time{}
	}
	return time.UnixMicro(*v).UTC()
}

// inOffset returns t in a zone offset seconds east of UTC; time.UTC for zero,
// so that a date-only time (midnight UTC) is still date-only after a round trip.
func inOffset(t time.Time, offset int64) time.Time {
	if t.IsZero() {
		return t
	}
	if offset == 0 {
		return t.UTC()
	}
	return t.In(time.FixedZone("", int(offset)))
}
