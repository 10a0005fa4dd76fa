#!/usr/bin/python3
# Closing the visit editor never drops a date that does not exist without
# a word (it did: Escape, the × and Ctrl+W closed it and the typed date
# was gone). Each way asks "Discard Invalid Date?"; Cancel (Escape, Enter
# or the button) goes back to the editor with the caret in the date and
# the typed text still there; "Discard" closes, and what was valid is
# saved all the same; a corrected date closes without a question.
#
# SPDX-License-Identifier: GPL-3.0-or-later
from atlas import Desktop

HEADING = "Discard Invalid Date?"
# One visit per way of closing, listed in this order (by date).
VISITS = [("05154", "2018-10-02"), ("05170", "2018-10-03"), ("05158", "2018-10-04")]
WAYS = [
    ("×", lambda d: d.click_dialog_close()),
    ("Escape", lambda d: d.key("Escape")),
    ("Ctrl+W", lambda d: d.key("ctrl+w")),
]
# How each question is cancelled, the date typed, and what is done next.
CANCEL = [
    ("Escape", lambda d: d.key("Escape", pause=1.5), "31.02.2017"),
    ("Enter", lambda d: d.key("Return", pause=1.5), "KW 99/2017"),
    ("the Cancel button", lambda d: d.click_named("Cancel"), "31.02.2017"),
]


def asked(d):
    return HEADING in d.texts()


def caret_in_date(d):
    node = d.focused()
    return node is not None and (node.name or "").startswith("Date")


with Desktop("close-visit-editor-invalid-date") as d:
    for ags, date in VISITS:
        d.cli("add-visit", ags, date, "--tour", "Sommertour")
    d.start()
    for n, ((how, close), (cancel_how, cancel, bad)) in enumerate(zip(WAYS, CANCEL)):
        d.key("alt+4", pause=2)
        d.click_named("Edit the Visit", index=n, opens="Tour")
        d.focus_field("Tour")
        d.type(f" Gast{n}")                     # valid: saved whatever happens
        d.focus_field("Date")
        d.key("ctrl+a")
        d.type(bad)
        d.pause()
        close(d)
        d.pause()
        if not d.check_alive(f"{how} with the invalid date {bad}"):
            break
        d.check(asked(d), f"{how} with the invalid date {bad} asks “{HEADING}”")
        d.screenshot(f"asked-{n}")
        if not asked(d):
            continue
        cancel(d)
        d.check(not asked(d), f"{cancel_how} closes the question")
        d.check(d.nodes("text", lambda name: name.startswith("Date")) != [],
                f"after {cancel_how} the visit editor is still open")
        d.check(d.text_of("Date") == bad, f"after {cancel_how} “{bad}” is still in the date field "
                                          f"(“{d.text_of('Date')}”)")
        d.check(caret_in_date(d), f"after {cancel_how} the caret is in the date field")
        if n == 1:
            # Corrected, the editor closes at once.
            d.key("ctrl+a")
            d.type("KW 31/2017")
            close(d)
            d.pause()
            d.check(not asked(d), f"with a valid date {how} closes without a question")
        else:
            close(d)
            d.pause()
            d.wait(lambda: asked(d), 20, f"{how} asks again")
            d.click_named("Discard")
            d.pause()
        d.check(not d.nodes("text", lambda name: name.startswith("Tour")),
                f"the visit editor is gone after {how}")
    d.screenshot("closed")
    d.quit()
    visits = {v["ags"]: v for v in d.records("visits")}
    for n, (how, _close) in enumerate(WAYS):
        visit = visits.get(VISITS[n][0], {})
        d.check(visit.get("tour") == f"Sommertour Gast{n}",
                f"the valid tour typed before {how} is saved (“{visit.get('tour')}”)")
        if n == 1:
            d.check(visit.get("date") not in (None, VISITS[n][1]),
                    f"the corrected date is saved (“{visit.get('date')}”)")
        else:
            d.check(visit.get("date") == VISITS[n][1],
                    f"the discarded date leaves the stored one (“{visit.get('date')}”)")
