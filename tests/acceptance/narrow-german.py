#!/usr/bin/python3
# A German user on a 360 px wide window (a phone): every view, with
# press releases and suggested visits in the catalogue, lays out without
# a GTK or libadwaita warning (G_ENABLE_DIAGNOSTIC=1) and draws nothing
# right of the window. German words are longer: the Tour's "Alle
# übernehmen" and "Alle verwerfen", side by side at equal widths, asked
# for 356 of 350 pixels and libadwaita warned at every frame.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import glob
import os
import subprocess

from atlas import Desktop

HERE = os.path.dirname(os.path.abspath(__file__))


def drawn_right_of_window(d, shot):
    """How many pixels of @shot right of the window are not black."""
    geo = subprocess.run(["xdotool", "getwindowgeometry", "--shell", d.window],
                         capture_output=True, text=True).stdout
    pos = dict(line.split("=") for line in geo.split())
    x, y, width, height = int(pos["X"]), int(pos["Y"]), int(pos["WIDTH"]), int(pos["HEIGHT"])
    out = subprocess.run(["convert", shot, "-crop", f"{d.size[0] + 120 - (x + width)}x{height}+{x + width}+{y}",
                          "+repage", "-colorspace", "gray", "-threshold", "2%", "-format", "%[fx:mean*w*h]", "info:"],
                         capture_output=True, text=True).stdout
    return int(float(out or "0"))


with Desktop("narrow-german", width=360, height=720, german=True) as d:
    d.cli("import", os.path.join(HERE, "..", "..", "resources", "data", "example-tour.xml"))
    for feed in sorted(glob.glob(os.path.join(HERE, "..", "fixtures", "seed-*"))):
        d.cli("import", feed)
    d.env["G_ENABLE_DIAGNOSTIC"] = "1"
    d.start()
    for key, view in (("alt+1", "centres"), ("alt+2", "contacts"), ("alt+3", "releases"), ("alt+4", "tour")):
        d.key(key, pause=2)
        shot = d.screenshot(view)
        outside = drawn_right_of_window(d, shot)
        d.check(outside == 0, f"the {view} view lies within the window ({outside} pixels right of it)")
    d.quit()
    warnings = [line for line in d.app_log().splitlines() if "WARNING" in line or "CRITICAL" in line]
    d.check(not warnings, f"no GTK warning in German at 360 px with G_ENABLE_DIAGNOSTIC=1 ({warnings[:1]})")
