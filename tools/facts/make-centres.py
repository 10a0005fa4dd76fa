#!/usr/bin/env python3
"""Regenerates resources/data/centres.tsv, the public facts the app ships,
from the shared table of the 54 Kommunale Integrationszentren.

    tools/facts/make-centres.py [../shared/data/ki-nrw.tsv] [resources/data/centres.tsv]

The table's date is the newest "Additions of YYYY-MM" heading in the
SOURCES.md beside it (the month its facts were last checked), or
--date YYYY-MM[-DD]. Each row keeps its sources. Catalogues made before
this date receive the new facts on their next start, in the fields their
users never edited (src/core/atlas-facts.c).
"""
import argparse
import csv
import os
import re
import sys

IN_COLUMNS = ["ags", "district", "district_kind", "centre_name", "street", "postal_code",
              "city", "phone", "email", "website", "head", "population", "area_km2", "source"]
OUT_COLUMNS = ["ags", "district", "kind", "regierungsbezirk", "population", "area_km2",
               "centre", "street", "postal_code", "city", "phone", "email", "website", "head",
               "sources"]
# The Regierungsbezirk follows from the first three digits of the AGS.
REGIERUNGSBEZIRK = {"051": "Düsseldorf", "053": "Köln", "055": "Münster",
                    "057": "Detmold", "059": "Arnsberg"}
KINDS = {"Kreis", "Kreisfreie Stadt", "Städteregion", "Stadt"}


def table_date(sources_md):
    dates = []
    with open(sources_md, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"#+ (?:Additions|Corrections) of (\d{4}-\d{2}(?:-\d{2})?) \(ki-nrw\.tsv\)", line)
            if m:
                dates.append(m.group(1))
    return max(dates) if dates else None


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("table", nargs="?", default=os.path.join(root, "..", "shared", "data", "ki-nrw.tsv"))
    parser.add_argument("output", nargs="?", default=os.path.join(root, "resources", "data", "centres.tsv"))
    parser.add_argument("--date", help="the table's date (YYYY-MM or YYYY-MM-DD)")
    args = parser.parse_args()

    date = args.date or table_date(os.path.join(os.path.dirname(args.table), "SOURCES.md"))
    if not date or not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", date):
        sys.exit("make-centres: no table date (give --date YYYY-MM)")

    with open(args.table, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    if rows[0] != IN_COLUMNS:
        sys.exit("make-centres: unexpected columns %r" % rows[0])

    out = []
    seen = set()
    for n, row in enumerate(rows[1:], start=2):
        if len(row) != len(IN_COLUMNS):
            sys.exit("make-centres: line %d has %d cells" % (n, len(row)))
        cell = dict(zip(IN_COLUMNS, (c.strip() for c in row)))
        ags = cell["ags"]
        if not re.fullmatch(r"05\d{3}(\d{3})?", ags) or ags in seen:
            sys.exit("make-centres: line %d: bad or repeated AGS %r" % (n, ags))
        if cell["district_kind"] not in KINDS:
            sys.exit("make-centres: line %d: unknown kind %r" % (n, cell["district_kind"]))
        if cell["postal_code"] and not re.fullmatch(r"\d{5}", cell["postal_code"]):
            sys.exit("make-centres: line %d: postal code %r" % (n, cell["postal_code"]))
        seen.add(ags)
        out.append([ags, cell["district"], cell["district_kind"], REGIERUNGSBEZIRK[ags[:3]],
                    cell["population"], cell["area_km2"], cell["centre_name"], cell["street"],
                    cell["postal_code"], cell["city"], cell["phone"], cell["email"],
                    cell["website"], cell["head"], cell["source"]])

    with open(args.output, "w", encoding="utf-8", newline="") as f:
        f.write("# Integrationsatlas seed catalogue: the 54 Kommunale Integrationszentren of NRW.\n")
        f.write("# Public facts only; an empty cell is unknown and left for the user to fill in.\n")
        f.write("# Made by tools/facts/make-centres.py from ../shared/data/ki-nrw.tsv; do not edit by hand.\n")
        f.write("# Regierungsbezirk follows from the AGS (051 Düsseldorf, 053 Köln, 055 Münster, 057 Detmold, 059 Arnsberg).\n")
        f.write("# facts-date: %s\n" % date)
        f.write("\t".join(OUT_COLUMNS) + "\n")
        for r in out:
            f.write("\t".join(r) + "\n")
    print("%s: %d centres, facts of %s" % (args.output, len(out), date))


if __name__ == "__main__":
    main()
