// The incident map of a story page, drawn offline: the world comes from
// world-atlas (Natural Earth 1:110m, bundled), the projection from d3-geo.
// No tile server, no network request, no HTML strings: every label is
// hostile text and goes in through textContent. No inline style either, so
// the page's CSP (script-src 'self'; style-src 'self') holds; colours are SVG
// presentation attributes.
//
// Contract (see the story page): <div class="incident-map" data-points="ID">
// names a <script type="application/json" id="ID"> holding an array of
// {"id","label","lat","lon","kind","modality","href"}. Points with missing or
// out-of-range coordinates are left out; hrefs that leave the site are
// dropped (the circle is then drawn without a link).

import { geoEqualEarth, geoPath, geoGraticule10 } from "d3-geo";
import { feature, mesh } from "topojson-client";
import world from "world-atlas/countries-110m.json";

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 960;
const HEIGHT = 500;
const PAD = 24;

// Modality groups: what happened, what was only threatened or planned, and
// the rest (denied, hypothetical, unknown). Shape as well as colour tells
// them apart, for readers who do not see the colours.
const GROUPS = [
  { key: "occurred", label: "Occurred", fill: "#b2182b", stroke: "#ffffff", width: 1.5 },
  { key: "threat", label: "Threatened or planned", fill: "#ffffff", stroke: "#e08214", width: 3 },
  { key: "other", label: "Denied, hypothetical or unknown", fill: "#878787", stroke: "#ffffff", width: 1.5 },
];

function groupOf(modality) {
  switch (String(modality || "").toLowerCase()) {
    case "occurred":
    case "unconfirmed":
      return GROUPS[0];
    case "threatened":
    case "planned":
      return GROUPS[1];
    default:
      return GROUPS[2];
  }
}

function el(name, attrs) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  return node;
}

// readPoints returns the valid points of the JSON the container names, or
// null when there is no such JSON or it does not parse.
function readPoints(container) {
  const id = container.getAttribute("data-points");
  const source = id ? document.getElementById(id) : null;
  if (!source || source.tagName !== "SCRIPT") return null;
  let data;
  try {
    data = JSON.parse(source.textContent || "");
  } catch (err) {
    console.warn("incident map: #" + id + " is not JSON:", err.message);
    return null;
  }
  if (!Array.isArray(data)) return null;
  const points = [];
  for (const p of data) {
    if (!p || typeof p !== "object") continue;
    const lat = Number(p.lat);
    const lon = Number(p.lon);
    // Number(null) is 0: a missing coordinate must not become the Gulf of Guinea.
    if (p.lat == null || p.lon == null || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    if (lat < -90 || lat > 90 || lon < -180 || lon > 180) continue;
    points.push({
      lat,
      lon,
      label: String(p.label == null ? "" : p.label).slice(0, 500),
      modality: p.modality,
      href: safeHref(p.href),
    });
  }
  return points;
}

// safeHref keeps links to this site's pages only: a javascript: or foreign
// URL in the data must not become a link.
function safeHref(href) {
  if (typeof href !== "string" || href === "") return null;
  let url;
  try {
    url = new URL(href, window.location.href);
  } catch {
    return null;
  }
  if (url.origin !== window.location.origin) return null;
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  return url.pathname + url.search + url.hash;
}

// frame is what the projection is fitted to: the whole world for one point
// or points spread over more than a quarter of it, else the points' box
// widened by a margin and to a minimum size (the 1:110m coastline is too
// coarse to zoom further).
function frame(points) {
  const sphere = { type: "Sphere" };
  if (points.length < 2) return sphere;
  let west = 180, east = -180, south = 90, north = -90;
  for (const p of points) {
    west = Math.min(west, p.lon);
    east = Math.max(east, p.lon);
    south = Math.min(south, p.lat);
    north = Math.max(north, p.lat);
  }
  if (east - west > 180 || north - south > 90) return sphere;
  const grow = (lo, hi, min, margin) => {
    const mid = (lo + hi) / 2;
    const half = Math.max((hi - lo) / 2 + margin, min / 2);
    return [mid - half, mid + half];
  };
  let [w, e] = grow(west, east, 40, Math.max(5, (east - west) * 0.25));
  let [s, n] = grow(south, north, 24, Math.max(4, (north - south) * 0.25));
  w = Math.max(-180, w);
  e = Math.min(180, e);
  s = Math.max(-85, s);
  n = Math.min(85, n);
  const midLat = (s + n) / 2;
  const midLon = (w + e) / 2;
  return {
    type: "MultiPoint",
    coordinates: [[w, s], [w, n], [e, s], [e, n], [midLon, s], [midLon, n], [w, midLat], [e, midLat]],
  };
}

// legend is HTML below the map, not SVG text in it: on a phone the map is
// scaled down to less than half and SVG text with it.
function legend(used) {
  const p = document.createElement("p");
  p.className = "incident-map-legend";
  for (const grp of GROUPS.filter((g) => used.has(g.key))) {
    const item = document.createElement("span");
    item.className = "incident-map-key";
    const swatch = el("svg", { width: 16, height: 16, viewBox: "0 0 16 16", "aria-hidden": "true" });
    swatch.append(el("circle", { cx: 8, cy: 8, r: 6, fill: grp.fill, stroke: grp.key === "threat" ? grp.stroke : "#333333", "stroke-width": grp.key === "threat" ? 2.5 : 1 }));
    item.append(swatch, document.createTextNode(" " + grp.label + " "));
    p.append(item);
  }
  return p;
}

function draw(container) {
  const points = readPoints(container);
  if (!points) return;
  const projection = geoEqualEarth();
  projection.fitExtent([[PAD, PAD], [WIDTH - PAD, HEIGHT - PAD]], frame(points));
  const path = geoPath(projection);

  const svg = el("svg", {
    viewBox: "0 0 " + WIDTH + " " + HEIGHT,
    width: "100%",
    preserveAspectRatio: "xMidYMid meet",
    class: "incident-map-svg",
    // A group, not an image: an img role would hide the incident links in
    // it from screen readers.
    role: "group",
    "aria-label": "Map of " + points.length + (points.length === 1 ? " incident" : " incidents"),
  });
  const base = el("g", { class: "map-base", "aria-hidden": "true" });
  base.append(el("path", { class: "map-sphere", d: path({ type: "Sphere" }), fill: "#dbe9f4" }));
  base.append(el("path", { class: "map-graticule", d: path(geoGraticule10()), fill: "none", stroke: "#ffffff", "stroke-width": 0.5 }));
  base.append(el("path", { class: "map-land", d: path(feature(world, world.objects.land)), fill: "#e8e4d8", stroke: "#9a9482", "stroke-width": 0.6 }));
  base.append(el("path", { class: "map-borders", d: path(mesh(world, world.objects.countries, (a, b) => a !== b)), fill: "none", stroke: "#b3ad9b", "stroke-width": 0.5 }));
  svg.append(base);

  // At least 5 CSS pixels across however small the map is drawn.
  const shown = container.clientWidth || WIDTH;
  const radius = Math.max(7, (5 * WIDTH) / shown);
  const used = new Set();
  const marks = el("g", { class: "map-points" });
  // Incidents at the same place (a country's centroid, say) would hide one
  // another; those sharing a spot are spread on a small ring around it.
  const placed = [];
  const atSpot = new Map();
  for (const p of points) {
    const xy = projection([p.lon, p.lat]);
    if (!xy || !Number.isFinite(xy[0]) || !Number.isFinite(xy[1])) continue;
    const spot = Math.round(xy[0]) + "," + Math.round(xy[1]);
    if (!atSpot.has(spot)) atSpot.set(spot, []);
    atSpot.get(spot).push(placed.length);
    placed.push({ p, xy });
  }
  for (const members of atSpot.values()) {
    if (members.length < 2) continue;
    const ring = radius * (members.length > 6 ? 2.4 : 1.6);
    members.forEach((m, i) => {
      const angle = (2 * Math.PI * i) / members.length - Math.PI / 2;
      placed[m].xy = [placed[m].xy[0] + ring * Math.cos(angle), placed[m].xy[1] + ring * Math.sin(angle)];
    });
  }
  for (const { p, xy } of placed) {
    const grp = groupOf(p.modality);
    used.add(grp.key);
    const circle = el("circle", {
      class: "map-point map-" + grp.key,
      cx: xy[0].toFixed(1),
      cy: xy[1].toFixed(1),
      r: radius.toFixed(1),
      fill: grp.fill,
      "fill-opacity": grp.key === "threat" ? 0.6 : 0.85,
      stroke: grp.stroke,
      "stroke-width": grp.width,
    });
    const title = el("title");
    title.textContent = p.label + " (" + grp.label.toLowerCase() + ")";
    let mark = circle;
    if (p.href) {
      mark = el("a", { href: p.href, class: "map-link" });
      // The outline of a focused SVG link is easy to miss; thicken the ring.
      mark.addEventListener("focus", () => {
        circle.setAttribute("stroke", "#000000");
        circle.setAttribute("stroke-width", "3");
      });
      mark.addEventListener("blur", () => {
        circle.setAttribute("stroke", grp.stroke);
        circle.setAttribute("stroke-width", String(grp.width));
      });
      mark.append(title, circle);
    } else {
      circle.append(title);
    }
    marks.append(mark);
  }
  svg.append(marks);
  container.replaceChildren(svg);
  if (used.size > 0) container.append(legend(used));
  container.classList.add("incident-map-drawn");
}

function drawAll() {
  for (const container of document.querySelectorAll("div.incident-map[data-points]")) {
    try {
      draw(container);
    } catch (err) {
      // One broken map must not stop the others; the page's text list of
      // places stays as the fallback.
      console.warn("incident map:", err && err.message);
    }
  }
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", drawAll);
} else {
  drawAll();
}
