#!/usr/bin/python3
# Issue 19: the Rhine-Ruhr cities get their names in an exported map. A
# German press officer exports the tour map from the Tour view's export
# menu as SVG and as PDF (the export dialog, then the file dialog); both
# files have the inset titled "Rhein-Ruhr", the Ruhr cities by their full
# names (not two-letter codes with a key) and the attribution. The PDF is
# read with pdftotext, the SVG's text elements with Python's XML parser.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import subprocess
import xml.etree.ElementTree as ET

from atlas import Desktop

EXPECTED = ["Rhein-Ruhr", "Gelsenkirchen", "Oberhausen", "Mülheim an der Ruhr", "Bottrop", "Herne",
            "© GeoBasis-DE / BKG"]


def export(d, mnemonic, name):
    """The export menu, the format's entry by its underlined letter, the
    dialog's Export button, then the file dialog."""
    d.click_named("Karte exportieren oder drucken")
    # Als _SVG / P_DF exportieren …: the letter alone chooses the entry (it
    # was shared with _Drucken, and then only highlighted the first one).
    d.key(mnemonic, pause=1.5)
    d.click_named("Exportieren …")
    d.wait(lambda: d.find_window("Karte exportieren"), 20, "no file dialog after “Exportieren …”")
    d.save_as("Karte exportieren", name)
    d.wait(lambda: f"Karte als „{name}“ gespeichert" in d.texts(), 30, f"no toast for {name}")


def missing(text):
    # Read as words: a long name may be set on two lines.
    words = " ".join(text.split())
    return [name for name in EXPECTED if name not in words]


with Desktop("inset-export", german=True) as d:
    d.cli("add-visit", "05513", "2018-10-02", "--tour", "Sommertour")    # Gelsenkirchen
    d.start()
    d.key("alt+4", pause=2)
    export(d, "s", "vektor.svg")
    export(d, "d", "plakat.pdf")
    d.screenshot("exported")
    d.check_alive("exporting the map twice")
    d.quit()

    svg = ET.parse(os.path.join(d.work, "vektor.svg"))
    texts = "\n".join("".join(t.itertext()) for t in svg.iter("{http://www.w3.org/2000/svg}text"))
    gone = missing(texts)
    d.check(not gone, f"the SVG's text has the inset's title, the Ruhr cities and the attribution (missing: {gone})")

    pdf = subprocess.run(["pdftotext", os.path.join(d.work, "plakat.pdf"), "-"],
                         capture_output=True, text=True).stdout
    gone = missing(pdf)
    d.check(not gone, f"the PDF's text has the inset's title, the Ruhr cities and the attribution (missing: {gone})")
