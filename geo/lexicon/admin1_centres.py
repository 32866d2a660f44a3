# Generates admin1_centres.tsv (without its header) from the gazetteer's own
# data: for each admin1 division, the middle of the extent of its places
# (the midpoint of the 2nd and 98th percentiles of their latitudes and
# longitudes, so that one far islet does not move it). Run from this folder:
#   python3 admin1_centres.py > /tmp/body.tsv
# The format of ../../gazetteer/data/cities.bin.gz is described in
# gazetteer/internal/gen/cities.go: frames (uvarint length, bytes) of records
# (uvarint id, uvarint name length, name, uvarint country row, uvarint admin1
# row, varint lat×1e5, varint lon×1e5, uvarint population, one flag byte).
import gzip, io, sys

def uvarint(b, i):
    x = s = 0
    while True:
        c = b[i]; i += 1
        x |= (c & 0x7f) << s
        if c < 0x80:
            return x, i
        s += 7

def varint(b, i):
    u, i = uvarint(b, i)
    return (u >> 1) ^ -(u & 1), i

base = '../../gazetteer/data/'
countries = [None]  # row 0 is no country
for line in gzip.open(base + 'countries.tsv.gz', 'rt', encoding='utf-8'):
    if line.startswith('#') or not line.strip():
        continue
    countries.append(line.split('\t')[0])
admins = [None]  # row 0 is no division
for line in gzip.open(base + 'admin1.tsv.gz', 'rt', encoding='utf-8'):
    if line.startswith('#') or not line.strip():
        continue
    f = line.rstrip('\n').split('\t')
    admins.append((f[0][:2], f[1]))

pts = {}
raw = gzip.open(base + 'cities.bin.gz').read()
i = 0
while i < len(raw):
    n, i = uvarint(raw, i)
    frame, i = raw[i:i + n], i + n
    j = 0
    while j < len(frame):
        _, j = uvarint(frame, j)
        l, j = uvarint(frame, j)
        j += l
        _, j = uvarint(frame, j)
        admin, j = uvarint(frame, j)
        lat, j = varint(frame, j)
        lon, j = varint(frame, j)
        _, j = uvarint(frame, j)
        j += 1
        if admin:
            pts.setdefault(admin, []).append((lat / 1e5, lon / 1e5))

def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(p * (len(xs) - 1) + 0.5))]

for a, ps in sorted(pts.items()):
    cc, name = admins[a]
    lats = [p[0] for p in ps]
    lons = [p[1] for p in ps]
    # A division across the antimeridian (Chukotka, the Aleutians) is
    # measured in 0..360 longitudes.
    if max(lons) - min(lons) > 180:
        lons = [x + 360 if x < 0 else x for x in lons]
    lat = (pct(lats, 0.02) + pct(lats, 0.98)) / 2
    lon = (pct(lons, 0.02) + pct(lons, 0.98)) / 2
    if lon > 180:
        lon -= 360
    print(f"{cc}\t{name}\t{lat:.2f}\t{lon:.2f}\t{len(ps)}")
