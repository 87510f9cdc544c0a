"""Rebuild the test inventories from the OpenStreetMap extract (run by hand, never by tests).

    python tests/data/inventory/make_inventory.py PATH/osm_switzerland_surveillance_sample.json

Keeps every node that has a camera:direction or direction tag, and every tenth of the others
(in file order); keeps every tag as it is; moves the positions into Hà Nội by a fixed linear
map (see SOURCE.md): lat' = 21.0 + (lat - 46.8) * 0.12, lon' = 105.8 + (lon - 8.2) * 0.12,
rounded to 7 decimals.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).parent


def moved(lat: float, lon: float) -> tuple[float, float]:
    return round(21.0 + (lat - 46.8) * 0.12, 7), round(105.8 + (lon - 8.2) * 0.12, 7)


def main(source: Path) -> None:
    nodes = json.loads(source.read_text(encoding="utf-8"))
    kept, others = [], 0
    for node in nodes:
        tags = node.get("tags", {})
        if "camera:direction" in tags or "direction" in tags:
            kept.append(node)
        else:
            if others % 10 == 0:
                kept.append(node)
            others += 1
    features = []
    for node in kept:
        lat, lon = moved(node["lat"], node["lon"])
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {"id": f"node/{node['id']}", **node.get("tags", {})},
            }
        )
    # One feature per line, as ogr2ogr writes GeoJSON: a row's line number means something.
    lines = ",\n".join(json.dumps(f, ensure_ascii=False) for f in features)
    (HERE / "osm_cameras.geojson").write_text(
        '{"type": "FeatureCollection", "features": [\n' + lines + "\n]}\n", encoding="utf-8"
    )
    counts = Counter(key for node in kept for key in node.get("tags", {}))
    columns = [key for key, n in counts.most_common() if n >= 3]
    with (HERE / "osm_cameras.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "lat", "lon", *columns])
        for node in kept:
            lat, lon = moved(node["lat"], node["lon"])
            tags = node.get("tags", {})
            writer.writerow([f"node/{node['id']}", lat, lon, *(tags.get(c, "") for c in columns)])
    print(f"{len(kept)} nodes, {len(columns)} CSV columns")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
