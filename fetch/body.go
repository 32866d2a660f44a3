package fetch

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"fmt"
	"io"
)

// decoder undoes a response's Content-Encoding. Only the encodings we ask for
// (gzip, deflate) are accepted.
func decoder(r io.Reader, encoding string) (io.Reader, error) {
	switch encoding {
	case "", "identity":
		return r, nil
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("Content-Encoding gzip: %w", err)
		}
		return zr, nil
	case "deflate":
		// "deflate" should mean zlib-wrapped (RFC 9110), but some servers
		// send raw deflate; a zlib stream is recognised by its header.
		br := bufio.NewReader(r)
		if h, err := br.Peek(2); err == nil && h[0]&0x0f == 8 && (uint16(h[0])<<8|uint16(h[1]))%31 == 0 {
			zr, err := zlib.NewReader(br)
			if err != nil {
				return nil, fmt.Errorf("Content-Encoding deflate: %w", err)
			}
			return zr, nil
		}
		return flate.NewReader(br), nil
	}
	return nil, fmt.Errorf("unsupported Content-Encoding %q", encoding)
}

// readAtMost reads r to the end, failing with ErrTooLarge as soon as more
// than max bytes arrive: it never reads more than max+1, so a decompression
// bomb costs max bytes of memory and the time to inflate them.
func readAtMost(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w: body exceeds %d bytes", ErrTooLarge, max)
	}
	return data, nil
}

// Decompressed returns a reader of r's content: r inflated if it starts with
// the gzip magic bytes (1f 8b), else r as is. Either way the reader fails
// with an error wrapping ErrTooLarge once it would yield more than max
// bytes, so it can be streamed (into ParseSitemap, say) without trusting the
// input's size.
func Decompressed(r io.Reader, max int64) (io.Reader, error) {
	br := bufio.NewReader(r)
	var out io.Reader = br
	if magic, _ := br.Peek(2); bytes.Equal(magic, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("gzip: %w", err)
		}
		out = zr
	}
	return &capReader{r: out, left: max, max: max}, nil
}

// Decompress reads all of r's content as Decompressed does. name (a file or
// URL) is only used in errors. A gzip bomb fails with ErrTooLarge after
// inflating max+1 bytes.
func Decompress(r io.Reader, name string, max int64) ([]byte, error) {
	dr, err := Decompressed(r, max)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	data, err := io.ReadAll(dr)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return data, nil
}

// capReader passes through at most max bytes and then fails, rather than
// reporting a silent EOF as io.LimitReader would.
type capReader struct {
	r         io.Reader
	left, max int64
	err       error
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	if c.left < 0 {
		c.err = fmt.Errorf("%w: content exceeds %d bytes", ErrTooLarge, c.max)
		return 0, c.err
	}
	// Ask for one byte beyond the limit so that content of exactly max
	// bytes ends with io.EOF and one byte more is detected.
	if int64(len(p)) > c.left+1 {
		p = p[:c.left+1]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	if c.left < 0 {
		n += int(c.left) // withhold the extra byte
		c.err = fmt.Errorf("%w: content exceeds %d bytes", ErrTooLarge, c.max)
		return n, c.err
	}
	return n, err
}
