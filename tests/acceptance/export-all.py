#!/usr/bin/python3
# Issue 20: a German press officer exports from the window, through the
# main menu (F10) and the file dialog, the visits as a calendar, the map
# data as CSV (with its .csvt) and as GeoJSON, and the contacts as a PDF
# distribution list. Each file is then read by the independent readers the
# unit tests use: Python's icalendar, json and csv (check-ical.py,
# check-map-data.py) and pdftotext.
#
# The catalogue gets its visits and contacts through the CLI first: three
# planned visits from another calendar, one done visit in our own format,
# and a contact from another program whose organisation names its centre.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import csv
import os
import shutil
import subprocess
import sys

from atlas import Desktop

TESTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")

DONE_VISIT = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Integrationsatlas//Test//DE\r
BEGIN:VEVENT\r
UID:besuch-kleve@test\r
DTSTAMP:20250401T090000Z\r
DTSTART;VALUE=DATE:20250312\r
DTEND;VALUE=DATE:20250313\r
SUMMARY:Besuch in Kleve\r
X-INTEGRATIONSATLAS-AGS:05154\r
X-INTEGRATIONSATLAS-STATUS:done\r
END:VEVENT\r
END:VCALENDAR\r
"""

CONTACT = """BEGIN:VCARD\r
VERSION:3.0\r
N:Mustermann;Erika\r
ORG:Kommunales Integrationszentrum Kreis Kleve\r
TEL:02821 594-0\r
EMAIL:e.mustermann@example.org\r
END:VCARD\r
"""


def reader(d, *args):
    """Runs an independent reader; what it printed, or a failed check."""
    out = subprocess.run([sys.executable, *args], capture_output=True, text=True)
    d.check(out.returncode == 0, f"{os.path.basename(args[0])} {os.path.basename(args[-1])}: "
                                 f"{(out.stderr.strip().splitlines() or ['reads it'])[-1]}")
    return out.stdout


with Desktop("export-all", german=True) as d:
    shutil.copy(os.path.join(TESTS, "fixtures", "planned-visits.ics"), os.path.join(d.work, "termine.ics"))
    with open(os.path.join(d.work, "kleve.ics"), "w", encoding="utf-8", newline="") as f:
        f.write(DONE_VISIT)
    with open(os.path.join(d.work, "erika.vcf"), "w", encoding="utf-8", newline="") as f:
        f.write(CONTACT)
    d.cli("import-visits", os.path.join(d.work, "termine.ics"))
    d.cli("import-visits", os.path.join(d.work, "kleve.ics"))
    d.cli("import-contacts", os.path.join(d.work, "erika.vcf"))
    d.start()

    d.key("alt+4", pause=2)                          # the Tour view: its visits are exported
    d.menu("b")                                      # _Besuche als Kalender exportieren …
    d.save_as("Besuche als Kalender exportieren", "reise.ics")
    d.wait(lambda: "Besuche als „reise.ics“ gespeichert" in d.texts(), 20, "no toast for reise.ics")

    d.menu("d")                                      # Karten_daten exportieren …
    d.save_as("Kartendaten exportieren", "karte.csv")
    d.wait(lambda: "Kartendaten als „karte.csv“ gespeichert" in d.texts(), 20, "no toast for karte.csv")
    d.menu("d")
    d.save_as("Kartendaten exportieren", "gebiete.geojson")
    d.wait(lambda: "Kartendaten als „gebiete.geojson“ gespeichert" in d.texts(), 20,
           "no toast for gebiete.geojson")

    d.key("alt+2", pause=2)                          # the Contacts view: all its contacts
    d.menu("l")                                      # Kontakt_liste als PDF exportieren …
    d.save_as("Kontaktliste als PDF exportieren", "verteiler.pdf")
    d.wait(lambda: "Kontaktliste als „verteiler.pdf“ gespeichert" in d.texts(), 20,
           "no toast for verteiler.pdf")
    d.screenshot("exported")
    d.quit()

    # The calendar: four all-day events; only the visit that took place is confirmed.
    ics = os.path.join(d.work, "reise.ics")
    events = reader(d, os.path.join(TESTS, "check-ical.py"), ics).strip()
    d.check(events == "4", f"the calendar has the four visits (it has {events})")
    import icalendar
    with open(ics, "rb") as f:
        status = sorted(str(e["STATUS"]) for e in icalendar.Calendar.from_ical(f.read()).walk("VEVENT"))
    d.check(status == ["CONFIRMED", "TENTATIVE", "TENTATIVE", "TENTATIVE"],
            f"done is CONFIRMED, planned TENTATIVE: {status}")

    # The map data: keyed by the AGS as text, its types beside it; 54 areas in WGS 84.
    table = os.path.join(d.work, "karte.csv")
    reader(d, os.path.join(TESTS, "check-map-data.py"), table)
    d.check(os.path.exists(os.path.join(d.work, "karte.csvt")), "karte.csvt lies beside karte.csv")
    with open(table, encoding="utf-8-sig", newline="") as f:
        rows = {row["ags"]: row for row in csv.DictReader(f)}
    d.check(rows.get("05154", {}).get("visits") == "1", f"Kleve's row counts its visit: {rows.get('05154')}")
    reader(d, os.path.join(TESTS, "check-map-data.py"), os.path.join(d.work, "gebiete.geojson"))

    # The distribution list: Erika under her centre, which her organisation named.
    text = subprocess.run(["pdftotext", os.path.join(d.work, "verteiler.pdf"), "-"],
                          capture_output=True, text=True).stdout
    # Read column by column; a narrow column may break the address.
    d.check("Erika Mustermann" in text and "e.mustermann@example.org" in "".join(text.split()),
            "the PDF lists Erika Mustermann with her e-mail")
    # The heading is the centre's name as the catalogue has it (with "(KI)").
    heading = text.find("Kommunales Integrationszentrum (KI) Kreis Kleve")
    d.check(0 <= heading < text.find("Erika Mustermann"), "she stands under the Kleve centre's heading")
