#!/usr/bin/env python3
"""Reads the map data as other tools do, with Python's json and csv
modules, and checks what RFC 7946 and QGIS ask of it.

  check-map-data.py FILE.geojson   54 features with ags and name, WGS 84
                                   coordinates inside NRW, closed rings,
                                   exteriors counter-clockwise, holes
                                   clockwise, the BKG attribution
  check-map-data.py FILE.csv       53 rows keyed by a five-digit AGS kept as
                                   text, and a .csvt with one type per column
Prints one line per district: ags, status, visits, planned, first, last."""
import csv
import json
import re
import sys


def signed_area(ring):
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:])) / 2


def check_geojson(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    assert data["type"] == "FeatureCollection"
    assert "crs" not in data, "RFC 7946 has no crs member"
    assert "GeoBasis-DE / BKG" in data["attribution"]
    features = data["features"]
    assert len(features) == 54, len(features)
    seen = set()
    for feature in features:
        props = feature["properties"]
        ags = props["ags"]
        assert re.fullmatch(r"05\d{3}(\d{3})?", ags), ags
        assert ags not in seen
        seen.add(ags)
        assert props["name"] and "GeoBasis-DE / BKG" in props["attribution"]
        geometry = feature["geometry"]
        assert geometry["type"] == "MultiPolygon"
        for polygon in geometry["coordinates"]:
            for index, ring in enumerate(polygon):
                assert len(ring) >= 4 and ring[0] == ring[-1], f"{ags}: ring not closed"
                for lon, lat in ring:
                    # North Rhine-Westphalia, in degrees: not metres, not swapped.
                    assert 5.8 < lon < 9.5 and 50.3 < lat < 52.6, (ags, lon, lat)
                area = signed_area(ring)
                if index == 0:
                    assert area > 0, f"{ags}: exterior ring is clockwise"
                else:
                    assert area < 0, f"{ags}: hole is counter-clockwise"
        print(ags, props["status"], props["visits"], props["planned"],
              props["first_visit"] or "", props["last_visit"] or "", sep="\t")
    assert {"05334", "05334002"} <= seen


def check_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header, rows = rows[0], rows[1:]
    with open(path + "t", encoding="utf-8", newline="") as f:
        types = next(csv.reader(f))
    assert len(types) == len(header), (types, header)
    assert types[header.index("ags")] == "String"
    assert len(rows) == 53, len(rows)
    keys = [row[0] for row in rows]
    assert len(set(keys)) == 53
    for row in rows:
        record = dict(zip(header, row))
        assert re.fullmatch(r"05\d{3}", record["ags"]), record["ags"]
        int(record["visits"]), int(record["planned"])
        print(record["ags"], record["status"], record["visits"], record["planned"],
              record["first_visit"], record["last_visit"], sep="\t")


path = sys.argv[1]
if path.endswith(".csv"):
    check_csv(path)
else:
    check_geojson(path)
