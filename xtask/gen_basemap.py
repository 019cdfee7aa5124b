#!/usr/bin/env python3
"""Generate data/geo/countries-110m.tsv, the world basemap the dashboard draws under its map.

Regenerate (from the repository root):

    apt-get install iso-codes
    (mkdir -p /tmp/basemap-npm && cd /tmp/basemap-npm && npm install world-atlas@2.0.2)
    python3 xtask/gen_basemap.py --atlas /tmp/basemap-npm/node_modules/world-atlas

Sources:
- country borders: `countries-110m.json` of the npm package `world-atlas` (Natural Earth
  Admin 0 countries at 1:110m, public domain, as TopoJSON). Each feature carries its
  ISO 3166-1 numeric code as `id` and a short map label as `properties.name`;
- the numeric -> alpha-3 table of ISO 3166-1 from the Debian package `iso-codes`
  (/usr/share/iso-codes/json/iso_3166-1.json);
- the country names: the first English name of the code in dyad's hand-curated
  data/actors/countries.txt (the name the rest of dyad shows), else the ISO common name,
  else the ISO name.

The TopoJSON is decoded here (no topojson library): arcs are quantized (integer positions
scaled and translated by the topology's `transform`) and delta-encoded (each position after
the first is an offset from the previous one); a ring lists arc indexes, where a negative
index ~i means arc i walked backwards, and consecutive arcs share their joining point.

Output: one line per feature, `ISO3<TAB>name<TAB>path`, where the path is SVG path data in
equirectangular degrees (x = longitude, y = -latitude), one `M x,y L x,y ... Z` subpath per
ring, coordinates rounded to PRECISION decimals. Rings that cross the antimeridian (Russia's
Chukotka, Fiji) are cut at +-180 degrees so that no segment spans the map; the ring around the
South Pole (Antarctica) is closed along the map's bottom edge. Output is deterministic.
"""

import argparse
import json
import math
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, os.pardir))
OUT = os.path.join(ROOT, "data", "geo", "countries-110m.tsv")
HAND = os.path.join(ROOT, "data", "actors", "countries.txt")
ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"

# Decimals kept. 0.01 degree is about 1 km, finer than the 1:110m source (its quantization
# step is 0.0036 x 0.0017 degrees and its vertices lie tens of km apart).
PRECISION = 2

# Features without an ISO 3166-1 numeric code, keyed by their world-atlas name. KSV is
# CAMEO's code for Kosovo, the one dyad uses everywhere (data/actors/countries.txt); the
# other two take codes from ISO 3166-1's user-assigned range X.., which no country will
# ever be given.
NO_ID = {
    "Kosovo": ("KSV", "Kosovo"),
    "N. Cyprus": ("XNC", "Northern Cyprus"),
    "Somaliland": ("XSL", "Somaliland"),
}

# Longitude steps along a pole edge, so that no segment of the closure spans the map.
POLE_STEP = 90.0


def decode_arcs(topo):
    """The arcs of the topology as lists of (lon, lat) positions."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        qx = qy = 0
        points = []
        for dx, dy in arc:
            qx += dx
            qy += dy
            points.append((qx * sx + tx, qy * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(arcs, indexes):
    """A ring's positions from its arc indexes (first position repeated at the end)."""
    points = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def unwrap(points):
    """Longitudes made continuous: each one moved by a multiple of 360 to within 180 of the
    previous one."""
    out = [points[0]]
    for lon, lat in points[1:]:
        prev = out[-1][0]
        lon += 360.0 * round((prev - lon) / 360.0)
        out.append((lon, lat))
    return out


def close_around_pole(points):
    """An unwrapped ring whose end lies 360 degrees from its start goes around a pole: close
    it along that pole, in steps of at most POLE_STEP degrees."""
    (x0, _), (x1, _) = points[0], points[-1]
    mean_lat = sum(lat for _, lat in points) / len(points)
    pole = -90.0 if mean_lat < 0 else 90.0
    closure = [(x1, pole)]
    steps = int(math.ceil(abs(x1 - x0) / POLE_STEP))
    for k in range(1, steps):
        closure.append((x1 + (x0 - x1) * k / steps, pole))
    closure.append((x0, pole))
    return points + closure + [points[0]]


def clip(points, lo, hi):
    """Sutherland-Hodgman clip of a closed ring to the strip lo <= x <= hi."""

    def against(pts, inside, cut_x):
        out = []
        for (a, b) in zip(pts, pts[1:] + pts[:1]):
            ina, inb = inside(a[0]), inside(b[0])
            if ina:
                out.append(a)
            if ina != inb:
                t = (cut_x - a[0]) / (b[0] - a[0])
                out.append((cut_x, a[1] + t * (b[1] - a[1])))
        return out

    ring = points[:-1] if points[0] == points[-1] else points[:]
    ring = against(ring, lambda x: x >= lo, lo)
    if ring:
        ring = against(ring, lambda x: x <= hi, hi)
    return ring


def area(ring):
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:] + ring[:1])) / 2.0


def split_ring(points):
    """The ring as one or more rings within -180..180 whose segments never span the map."""
    if all(abs(a[0] - b[0]) <= 180.0 for a, b in zip(points, points[1:])):
        return [points[:-1]]
    flat = unwrap(points)
    drift = flat[-1][0] - flat[0][0]
    if abs(drift) > 180.0:
        flat = close_around_pole(flat)
    xs = [x for x, _ in flat]
    first = math.floor((min(xs) + 180.0) / 360.0)
    last = math.floor((max(xs) + 180.0) / 360.0)
    pieces = []
    for k in range(first, last + 1):
        shift = 360.0 * k
        piece = clip(flat, -180.0 + shift, 180.0 + shift)
        piece = [(x - shift, y) for x, y in piece]
        if len(piece) >= 3 and abs(area(piece)) > 1e-9:
            pieces.append(piece)
    return pieces


def fmt(v):
    s = f"{v:.{PRECISION}f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def svg_ring(ring):
    """`M x,y L x,y ... Z` with y = -latitude, rounded; None when rounding leaves no area."""
    pts = []
    for lon, lat in ring:
        p = (fmt(lon), fmt(-lat))
        if not pts or pts[-1] != p:
            pts.append(p)
    while len(pts) > 1 and pts[0] == pts[-1]:
        pts.pop()
    if len(pts) < 3 or abs(area([(float(x), float(y)) for x, y in pts])) == 0.0:
        return None
    return "M" + "L".join(f"{x},{y}" for x, y in pts) + "Z"


def hand_names(path):
    """Code -> first English (or all-language) name in data/actors/countries.txt."""
    names, code = {}, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].rstrip()
            if re.fullmatch(r"[A-Z]{3}", line):
                code = line
                continue
            m = re.match(r"\s+name\.(en|\*):\s*(.+)", line)
            if m and code and code not in names:
                names[code] = m.group(2).split("|")[0].strip()
    return names


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--atlas", required=True, help="the installed world-atlas package folder")
    ap.add_argument("--iso", default=ISO_JSON, help="iso-codes' iso_3166-1.json")
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args()

    with open(os.path.join(args.atlas, "package.json"), encoding="utf-8") as f:
        version = json.load(f)["version"]
    with open(os.path.join(args.atlas, "countries-110m.json"), encoding="utf-8") as f:
        topo = json.load(f)
    with open(args.iso, encoding="utf-8") as f:
        iso = {c["numeric"]: c for c in json.load(f)["3166-1"]}
    hand = hand_names(HAND)

    arcs = decode_arcs(topo)
    rows = []
    for g in topo["objects"]["countries"]["geometries"]:
        label = g["properties"]["name"]
        if g.get("id") is None:
            if label not in NO_ID:
                sys.exit(f"feature {label!r} has no id and no code in NO_ID")
            code, name = NO_ID[label]
        else:
            entry = iso.get(g["id"])
            if entry is None:
                sys.exit(f"feature {label!r}: numeric code {g['id']} is not in {args.iso}")
            code = entry["alpha_3"]
            name = hand.get(code) or entry.get("common_name") or entry["name"]
        if g["type"] == "Polygon":
            polygons = [g["arcs"]]
        elif g["type"] == "MultiPolygon":
            polygons = g["arcs"]
        else:
            sys.exit(f"feature {label!r}: unexpected geometry {g['type']}")
        parts = []
        for polygon in polygons:
            for indexes in polygon:
                for ring in split_ring(ring_points(arcs, indexes)):
                    d = svg_ring(ring)
                    if d:
                        parts.append(d)
        if not parts:
            sys.exit(f"feature {label!r}: nothing left after rounding")
        rows.append((code, name, "".join(parts)))

    rows.sort()
    codes = [r[0] for r in rows]
    dup = {c for c in codes if codes.count(c) > 1}
    if dup:
        sys.exit(f"codes used twice: {sorted(dup)}")

    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(
            "# dyad world basemap: country borders for the dashboard's map.\n"
            f"# Source: Natural Earth Admin 0 countries, 1:110m (version 4.1.0), via the npm\n"
            f"# package world-atlas {version} (countries-110m.json, TopoJSON).\n"
            "# Licence: Natural Earth data is in the public domain.\n"
            "# Codes: ISO 3166-1 alpha-3 (numeric -> alpha-3 by Debian iso-codes); KSV Kosovo\n"
            "# (CAMEO's code), XNC Northern Cyprus, XSL Somaliland (user-assigned codes); none of\n"
            "# the three has an ISO numeric id.\n"
            "# Format (data/README.md): ISO3<TAB>name<TAB>SVG path, x = longitude, y = -latitude.\n"
            "# Generated, do not edit. Regenerate from the repository root with:\n"
            "#   (mkdir -p /tmp/basemap-npm && cd /tmp/basemap-npm && npm install world-atlas@2.0.2)\n"
            "#   python3 xtask/gen_basemap.py --atlas /tmp/basemap-npm/node_modules/world-atlas\n"
        )
        for code, name, d in rows:
            if "\t" in name or "\n" in name:
                sys.exit(f"{code}: name {name!r} has a tab or a newline")
            f.write(f"{code}\t{name}\t{d}\n")
    print(f"{args.out}: {len(rows)} countries, {os.path.getsize(args.out)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
