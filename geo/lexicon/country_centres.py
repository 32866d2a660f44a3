# Generates country_centres.tsv (without its header) from npm world-atlas@2 and i18n-iso-countries:
#   npm install world-atlas@2 i18n-iso-countries && python3 country_centres.py | awk -F"\t" "!seen[\$1]++"
# Centre of each country: the area-weighted planar centroid (lon/lat) of its polygons of at
# least a quarter of its largest polygon's area (so Alaska does not pull the US north-west),
# from world-atlas countries-50m (Natural Earth, public domain).
import json,math,sys
topo=json.load(open('node_modules/world-atlas/countries-50m.json'))
tr=topo['transform']; sx,sy=tr['scale']; tx,ty=tr['translate']
arcs=[]
for a in topo['arcs']:
    x=y=0; pts=[]
    for dx,dy in a:
        x+=dx;y+=dy; pts.append((x*sx+tx,y*sy+ty))
    arcs.append(pts)
def ring(idx):
    pts=[]
    for i in idx:
        p=arcs[i] if i>=0 else arcs[~i][::-1]
        pts.extend(p if not pts else p[1:])
    out=[]
    for x,y in pts:
        if out:
            while x-out[-1][0]>180: x-=360
            while out[-1][0]-x>180: x+=360
        out.append((x,y))
    return out
def area_centroid(pts):
    A=cx=cy=0
    for (x0,y0),(x1,y1) in zip(pts,pts[1:]+pts[:1]):
        c=x0*y1-x1*y0; A+=c; cx+=(x0+x1)*c; cy+=(y0+y1)*c
    if A==0: return 0,0,0
    return A/2, cx/(3*A), cy/(3*A)
num2a2={}
import subprocess
out=subprocess.run(['node','-e','const c=require("i18n-iso-countries");const m=c.getNumericCodes();console.log(JSON.stringify(m))'],capture_output=True,text=True).stdout
for k,v in json.loads(out).items(): num2a2[k]=v
for g in topo['objects']['countries']['geometries']:
    polys=[]
    if g['type']=='Polygon': polys=[g['arcs']]
    elif g['type']=='MultiPolygon': polys=g['arcs']
    best=None;acc=[]
    for p in polys:
        # latitude-corrected area: scale x by cos(lat) roughly
        r=ring(p[0])
        A,cx,cy=area_centroid(r)
        A=abs(A)*math.cos(math.radians(cy))
        acc.append((A,cx,cy))
    if acc:
        # unwrap polygon centroids around the largest one
        big=max(acc)
        T=sum(a for a,_,_ in acc)
        xs=0;ys=0
        acc=[p for p in acc if p[0]>=0.25*big[0]]; T=sum(a for a,_,_ in acc)
        for a,x,y in acc:
            while x-big[1]>180: x-=360
            while big[1]-x>180: x+=360
            xs+=a*x; ys+=a*y
        best=(T,xs/T,ys/T)
    cid=g.get('id'); a2=num2a2.get(cid,'')
    if best and a2:
        lon=(best[1]+180)%360-180
        print(f"{a2}\t{best[2]:.2f}\t{lon:.2f}\t{g['properties']['name']}")
    else:
        print('#skip',cid,g['properties'].get('name'),file=sys.stderr)
