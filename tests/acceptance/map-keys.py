#!/usr/bin/python3
# Issue 19, a walk of main: on a phone-sized window (360 px) the Tour view
# shows the map over the list; with the keyboard on one of its districts,
# Alt+← must go back to the list, as everywhere else. The map's key
# handler took every arrow key whatever the modifiers, so Alt+← only moved
# the focus to the next district. The arrow keys alone still go from
# district to district.
#
# SPDX-License-Identifier: GPL-3.0-or-later
from atlas import Desktop


def list_shown(d):
    """Whether the list's "Show the map" button is on screen (the narrow
    window shows the list or the map)."""
    import pyatspi
    return any(n.getState().contains(pyatspi.STATE_SHOWING) for n in d.nodes(Desktop.BUTTON, "Show the map"))


def on_district(d):
    node = d.focused()
    name = node.name if node is not None else ""
    return name if ": " in name else None


with Desktop("map-keys", width=360, height=720) as d:
    d.cli("add-visit", "05315", "2018-10-02", "--tour", "Sommertour")
    d.start()
    d.key("alt+4", pause=2)
    d.click_named(["Show the map"])
    d.pause(2)
    # Tab into the map: its districts are buttons named "Köln: visited …".
    for _ in range(25):
        if on_district(d):
            break
        d.key("Tab", pause=0.4)
    first = on_district(d)
    d.check(first is not None, "Tab reaches a district of the map")
    d.key("Right", pause=0.8)
    second = on_district(d)
    d.check(second is not None and second != first, f"→ goes to the next district ({first!r} → {second!r})")
    d.check(not list_shown(d), "the map is shown, not the list")
    d.screenshot("map")
    d.key("alt+Left", pause=1.5)
    d.screenshot("back")
    d.check(list_shown(d), "Alt+← on a district goes back to the list")
    d.check(on_district(d) is None, f"the focus left the map ({on_district(d)!r})")
    d.quit()
