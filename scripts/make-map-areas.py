#!/usr/bin/env python3
"""Writes sample-data/england-2017-areas.txt, the outlines of England's councils, regions
and country as they stood in 2017, from a GeoJSON of them (ONS boundaries; see
sample-data/SOURCES.md). Standard library only; the same input gives the same bytes.

    python3 scripts/make-map-areas.py [areas.geojson] [-o sample-data/england-2017-areas.txt]

The GeoJSON defaults to ../shared/reference/england-2017-areas.geojson beside the
repository. ssmap itself reads only the text file this writes, never the GeoJSON.
"""
import argparse
import json
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SOURCE = os.path.join(REPO, "..", "shared", "reference", "england-2017-areas.geojson")
DEFAULT_TARGET = os.path.join(REPO, "sample-data", "england-2017-areas.txt")

# The source's own "attribution" member is a shorter wording; this is the one its
# licence notes ask to be shown wherever the map is.
ATTRIBUTION = (
    "Contains National Statistics data © Crown copyright and database right 2016. "
    "Contains OS data © Crown copyright and database right 2016."
)

# The source names two districts as they were later called; the file is of June 2017.
# Each maps a code to (the source's name, the name on 29 June 2017).
NAMES_IN_2017 = {
    "E07000083": ("North Gloucestershire", "Tewkesbury"),
    "E07000112": ("Folkestone and Hythe", "Shepway"),  # renamed 1 April 2018
}

# Councils first, then the layers drawn under them; codes in order within each.
LAYERS = ["district", "county", "region", "country"]
GSS_CODE = re.compile(r"^[A-Z][0-9]{8}$")
# A longitude or latitude in thousandths of a degree must stay inside these.
LIMITS = (180_000, 90_000)

HEADER = """\
# ssmap map areas, version 1
# Attribution: {attribution}
# Outlines of England's councils on 29 June 2017 (layer district: districts, unitaries,
# metropolitan and London boroughs, the City of London and the Isles of Scilly; layer
# county: the 27 county councils, which overlap their districts), its 9 regions and the
# country, in WGS 84 longitude and latitude. From ONS's 2016 super-generalised boundaries
# as ONSvisual's uk-topojson (output/topo.json, commit b2fde50) holds them: each arc of
# that topology simplified once (Douglas-Peucker, 0.003 degree, about 300 m), so that
# neighbouring areas still share borders exactly, then rounded to 0.001 degree (about
# 100 m). Not simplified further here: simplifying each ring on its own would open gaps
# between neighbours. Repeated points and rings of fewer than 3 points are left out.
# Names are ONS's, except Shepway and Tewkesbury, which the source gives under later
# names. Written by scripts/make-map-areas.py; licence and sources in sample-data/SOURCES.md.
#
# Lines end with a line feed; a line starting "#" is a comment.
# A <code>\\t<layer>\\t<name>   starts an area: its GSS code, one of district, county, region
#                              or country, and its name (ONS's spelling)
# R <x0>,<y0> <dx>,<dy> ...   one ring of the area before it, in thousandths of a degree of
#                              longitude (x, east positive) and latitude (y): the first point
#                              absolute, each other one the difference from the point before.
#                              The ring closes back to its first point, which is not repeated.
#                              An area's rings are its islands and its holes alike: fill them
#                              even-odd.
# E <count>                   the last line: how many areas the file holds
"""


def fail(message):
    sys.exit(f"make-map-areas: {message}")


def thousandths(value, inexact):
    scaled = round(value * 1000)
    if abs(value * 1000 - scaled) > 1e-6:
        inexact[0] += 1
    return scaled


def ring_points(ring, counts):
    """The ring as integer points: consecutive duplicates and the closing repeat dropped."""
    points = []
    for position in ring:
        if not (isinstance(position, list) and len(position) >= 2):
            fail(f"a position is not [longitude, latitude]: {position!r}")
        point = (thousandths(position[0], counts["inexact"]), thousandths(position[1], counts["inexact"]))
        for value, limit in zip(point, LIMITS):
            if abs(value) > limit:
                fail(f"a position is off the globe: {position!r}")
        if points and points[-1] == point:
            counts["duplicates"] += 1
            continue
        points.append(point)
    while len(points) > 1 and points[-1] == points[0]:
        points.pop()
    return points


def ring_line(points):
    x, y = points[0]
    parts = [f"R {x},{y}"]
    for next_x, next_y in points[1:]:
        parts.append(f"{next_x - x},{next_y - y}")
        x, y = next_x, next_y
    return " ".join(parts)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", default=DEFAULT_SOURCE, help="the GeoJSON to read")
    parser.add_argument("-o", "--output", default=DEFAULT_TARGET, help="the text file to write")
    options = parser.parse_args()

    with open(options.source, encoding="utf-8") as handle:
        collection = json.load(handle)
    features = collection.get("features") if isinstance(collection, dict) else None
    if not isinstance(features, list):
        fail(f"{options.source} is not a GeoJSON FeatureCollection")

    areas = []
    seen = set()
    for feature in features:
        properties = feature.get("properties") or {}
        code, layer, name = properties.get("code"), properties.get("layer"), properties.get("name")
        if not isinstance(code, str) or not GSS_CODE.match(code):
            fail(f"a feature's code is not a GSS code: {code!r}")
        if code in seen:
            fail(f"{code} appears twice")
        seen.add(code)
        if layer not in LAYERS:
            fail(f"{code} has an unknown layer {layer!r}")
        if not isinstance(name, str) or not name.strip() or any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in name):
            fail(f"{code} has no usable name: {name!r}")
        geometry = feature.get("geometry") or {}
        if geometry.get("type") == "Polygon":
            polygons = [geometry.get("coordinates")]
        elif geometry.get("type") == "MultiPolygon":
            polygons = geometry.get("coordinates")
        else:
            fail(f"{code} is not a polygon or multipolygon")
        name = name.strip()
        if code in NAMES_IN_2017:
            source_name, name_in_2017 = NAMES_IN_2017[code]
            if name != source_name:
                fail(f"{code} is named {name!r}, not {source_name!r}: check NAMES_IN_2017")
            name = name_in_2017
        areas.append((LAYERS.index(layer), code, layer, name, polygons))
    areas.sort(key=lambda area: (area[0], area[1]))

    counts = {"inexact": [0], "duplicates": 0, "rings": 0, "points": 0}
    dropped = []
    lines = [HEADER.format(attribution=ATTRIBUTION).rstrip("\n")]
    for _, code, layer, name, polygons in areas:
        lines.append(f"A {code}\t{layer}\t{name}")
        rings = 0
        for polygon in polygons:
            for ring in polygon:
                points = ring_points(ring, counts)
                # Fewer than three distinct points enclose nothing: a sliver left by rounding.
                if len(points) < 3:
                    dropped.append(f"{code} {name}: {points}")
                    continue
                lines.append(ring_line(points))
                rings += 1
                counts["points"] += len(points)
        if rings == 0:
            fail(f"{code} has no ring of three or more points")
        counts["rings"] += rings
    lines.append(f"E {len(areas)}")
    data = ("\n".join(lines) + "\n").encode("utf-8")

    temporary = options.output + ".tmp"
    with open(temporary, "wb") as handle:
        handle.write(data)
    os.replace(temporary, options.output)

    layers = {layer: sum(1 for area in areas if area[2] == layer) for layer in LAYERS}
    print(f"{options.output}: {len(data):,} bytes")
    print(f"  {len(areas)} areas ({', '.join(f'{count} {layer}' for layer, count in layers.items())})")
    print(f"  {counts['rings']} rings, {counts['points']:,} points")
    for code, (source_name, name_in_2017) in sorted(NAMES_IN_2017.items()):
        print(f"  {code} named {name_in_2017!r} (the source has {source_name!r})")
    print(f"  {counts['duplicates']} consecutive duplicate points dropped")
    if counts["inexact"][0]:
        print(f"  {counts['inexact'][0]} coordinates were not whole thousandths and were rounded")
    for ring in dropped:
        print(f"  ring of fewer than 3 points dropped: {ring}")


if __name__ == "__main__":
    main()
