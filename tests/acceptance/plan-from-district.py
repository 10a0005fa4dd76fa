#!/usr/bin/python3
# Plan from the map: a click on a district without visits (Soest) says so
# in the Tour view and offers "Plan a Visit…", which opens the editor with
# Soest's centre chosen, the day empty and the caret in it; the day typed
# straight away and the editor closed, the planned visit is in the catalogue.
#
# SPDX-License-Identifier: GPL-3.0-or-later
from atlas import Desktop

with Desktop("plan-from-district") as d:
    d.cli("add-visit", "05154", "2018-10-02", "--tour", "Sommertour")
    d.start()
    d.key("alt+4", pause=2)
    soest = d.wait(lambda: d.nodes(None, "Soest: not visited yet"), 20, "no Soest on the map")
    d.click_node(soest[0])
    d.wait(lambda: d.nodes("label", "No visits in Soest"), 10, "the Tour view does not say “No visits in Soest”")
    d.screenshot("soest")
    d.click_named("Plan a Visit…", opens="Date")
    d.check(d.text_of("Date") == "", "the day of the planned visit is left empty")
    # No click: the caret waits in the date field (what was typed first
    # went nowhere, a walk found).
    d.pause(1)
    d.type("24.12.2026")
    d.pause()
    d.screenshot("editor")
    d.key("Escape")
    d.pause()
    d.check_alive("planning a visit from the map")
    d.quit()
    planned = [v for v in d.records("visits") if v["ags"] == "05974"]
    d.check(len(planned) == 1 and planned[0]["status"] == "planned" and planned[0]["date"] == "2026-12-24",
            f"a planned visit to Soest on 24.12.2026 is saved ({planned})")
