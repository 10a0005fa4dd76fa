#!/usr/bin/python3
# Every dialog and editor window closed in every way: × (the button whose
# accessible name is Close), Escape and Ctrl+W; Preferences and the new
# visit editor (with something typed). The app stays up and the dialog is
# gone each time.
#
# SPDX-License-Identifier: GPL-3.0-or-later
from atlas import Desktop

WAYS = [
    ("×", lambda d: d.click_dialog_close()),
    ("Escape", lambda d: d.key("Escape")),
    ("Ctrl+W", lambda d: d.key("ctrl+w")),
]


def preferences(d):
    d.key("ctrl+comma")
    return "Default visitor"


def new_visit(d):
    d.key("alt+4", pause=2)
    d.key("ctrl+n")
    return "Tour"


DIALOGS = [("Preferences", preferences), ("the new visit editor", new_visit)]

with Desktop("close-dialogs") as d:
    d.start()
    for what, open_it in DIALOGS:
        for how, close in WAYS:
            marker = open_it(d)
            d.field(marker)                       # it is open
            d.focus_field(marker)
            d.type("Test", pause=0.2)
            close(d)
            d.pause(1)
            if not d.check_alive(f"closing {what} with {how}"):
                break
            d.check(not d.nodes("text", lambda n: n.startswith(marker)), f"{what} is gone after {how}")
    d.screenshot("all-closed")
    d.check(d.find_window("Integrationsatlas") is not None, "the main window is still there")
