#!/usr/bin/python3
# Issue 19, a walk of main: the Tour list took one row at a time, so a
# press officer could accept or dismiss either one suggestion or all the
# filters show, nothing in between. Now Ctrl+click and Shift+click choose
# several rows, and the review bar's buttons act on those: "Ausgewählte
# übernehmen" accepts the two chosen of four suggestions and leaves the
# others suggested; a plain click goes back to one row and to "Alle …".
#
# SPDX-License-Identifier: GPL-3.0-or-later
import collections
import os
import subprocess

from atlas import Desktop

CITIES = [("Köln", 2), ("Bonn", 3), ("Essen", 4), ("Dortmund", 5)]


def feed():
    items = []
    for i, (city, day) in enumerate(CITIES):
        items.append(
            f"<item><title>Besuch in {city}</title><guid>urn:choose-several:{i}</guid>\n"
            f"<pubDate>Fri, {day + 1:02} Jun 2017 10:00:00 +0200</pubDate>\n"
            f"<description>Die Staatssekretärin besuchte am {day}. Juni 2017 das Kommunale "
            f"Integrationszentrum in {city}.</description></item>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Presse</title>\n'
            + "\n".join(items) + "\n</channel></rss>\n")


def row(d, city):
    return d.wait(lambda: d.nodes(None, lambda n: n.startswith(city) and "·" not in n[:len(city) + 1]
                                  and n.split(" ")[0] == city), 20, f"no row of {city}")[0]


def ctrl_click(d, node):
    x, y = d.centre_of(node)
    subprocess.run(["xdotool", "keydown", "ctrl", "mousemove", str(x), str(y), "click", "1", "keyup", "ctrl"],
                   env=d.env)
    d.pause(1)


with Desktop("choose-several", german=True) as d:
    path = os.path.join(d.work, "juni.rss")
    with open(path, "w", encoding="utf-8") as f:
        f.write(feed())
    d.cli("import", path)
    d.start()
    d.key("alt+4", pause=2)
    d.wait(lambda: "4 vorgeschlagene Besuche in dieser Ansicht" in d.texts(), 20, "the four suggestions are not shown")
    d.click_node(row(d, "Köln"))
    d.pause(1)
    ctrl_click(d, row(d, "Essen"))
    d.screenshot("chosen")
    d.check("2 vorgeschlagene Besuche ausgewählt" in d.texts(),
            f"Ctrl+click chooses a second row ({[t for t in d.texts() if 'vorgeschlagen' in t]})")
    d.click_named("Ausgewählte übernehmen")
    d.pause(2)
    d.screenshot("accepted")
    d.quit()
    visits = d.records("visits")
    status = {v["district"] if "district" in v else v.get("centre", ""): v["status"] for v in visits}
    counts = collections.Counter(v["status"] for v in visits)
    d.check(counts == {"done": 2, "suggested": 2}, f"the two chosen are accepted, the others still suggested ({dict(counts)})")
