package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
)

// The cities file (before gzip) is a sequence of frames, each a uvarint byte
// length and that many bytes of whole records, so that a reader can decode
// frames while the rest is still being decompressed. A record is:
//
//	uvarint  GeoNames id
//	uvarint  name length, then the name (UTF-8)
//	uvarint  country: row number in countries.tsv.gz, from 1
//	uvarint  admin1: row number in admin1.tsv.gz, from 1; 0 if unknown
//	varint   latitude × 1e5
//	varint   longitude × 1e5
//	uvarint  population, 0 if unknown
//	byte     flags: 1 national capital (PPLC), 2 admin1 seat (PPLA)
//
// Records are sorted by population, largest first, then by id. The gazetteer's
// load.go reads this format.
const frameSize = 64 << 10

func encodeCities(cities []city, countries []country, admins []admin1) []byte {
	cRow := map[string]uint64{}
	for i, c := range countries {
		cRow[c.a2] = uint64(i + 1)
	}
	aRow := map[string]uint64{}
	for i, a := range admins {
		aRow[a.code] = uint64(i + 1)
	}
	var out, frame []byte
	flush := func() {
		out = binary.AppendUvarint(out, uint64(len(frame)))
		out = append(out, frame...)
		frame = frame[:0]
	}
	for _, c := range cities {
		row := cRow[c.country]
		if row == 0 {
			continue // a country code no country list has
		}
		frame = binary.AppendUvarint(frame, uint64(c.id))
		frame = binary.AppendUvarint(frame, uint64(len(c.name)))
		frame = append(frame, c.name...)
		frame = binary.AppendUvarint(frame, row)
		frame = binary.AppendUvarint(frame, aRow[c.country+"."+c.admin])
		frame = binary.AppendVarint(frame, c.lat)
		frame = binary.AppendVarint(frame, c.lon)
		frame = binary.AppendUvarint(frame, uint64(c.population))
		var flags byte
		switch c.feature {
		case "PPLC":
			flags = 1
		case "PPLA":
			flags = 2
		}
		frame = append(frame, flags)
		if len(frame) >= frameSize {
			flush()
		}
	}
	if len(frame) > 0 {
		flush()
	}
	return out
}

// dumpCities prints a cities.bin.gz file as TSV (country and admin1 as row
// numbers).
func dumpCities(path string, w io.Writer) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return err
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	defer bw.Flush()
	fmt.Fprintln(bw, "#id\tname\tcountry_row\tadmin1_row\tlat\tlon\tpopulation\tflags")
	bad := errors.New("cities: corrupt data")
	for len(data) > 0 {
		n, k := binary.Uvarint(data)
		if k <= 0 || uint64(len(data)-k) < n {
			return bad
		}
		f := data[k : k+int(n)]
		data = data[k+int(n):]
		for len(f) > 0 {
			var u [2]uint64
			id, k := binary.Uvarint(f)
			if k <= 0 {
				return bad
			}
			f = f[k:]
			l, k := binary.Uvarint(f)
			if k <= 0 || uint64(len(f)-k) < l {
				return bad
			}
			name := string(f[k : k+int(l)])
			f = f[k+int(l):]
			for i := range u {
				if u[i], k = binary.Uvarint(f); k <= 0 {
					return bad
				}
				f = f[k:]
			}
			lat, k := binary.Varint(f)
			if k <= 0 {
				return bad
			}
			f = f[k:]
			lon, k := binary.Varint(f)
			if k <= 0 {
				return bad
			}
			f = f[k:]
			pop, k := binary.Uvarint(f)
			if k <= 0 || len(f) <= k {
				return bad
			}
			flags := f[k]
			f = f[k+1:]
			fmt.Fprintf(bw, "%d\t%s\t%d\t%d\t%s\t%s\t%d\t%d\n", id, name, u[0], u[1], e5(lat), e5(lon), pop, flags)
		}
	}
	return nil
}
