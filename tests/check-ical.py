#!/usr/bin/env python3
"""Reads an .ics file with Python's icalendar (Debian: python3-icalendar), a
parser independent of libical, and checks what calendars rely on: every
event has a UID of its own, a SEQUENCE, an all-day DTSTART that is a date
(no time, no zone) and a DTEND after it. Exit 77 (skip) without the module.
Prints the number of events."""
import datetime
import sys

try:
    import icalendar
except ImportError:
    print("python3-icalendar is not installed", file=sys.stderr)
    sys.exit(77)

with open(sys.argv[1], "rb") as f:
    calendar = icalendar.Calendar.from_ical(f.read())

uids = set()
events = list(calendar.walk("VEVENT"))
for event in events:
    uid = str(event["UID"])
    assert uid not in uids, f"UID {uid} twice"
    uids.add(uid)
    assert int(event["SEQUENCE"]) >= 0
    start = event["DTSTART"].dt
    end = event["DTEND"].dt
    assert type(start) is datetime.date, f"{uid}: DTSTART {start!r} is not a date"
    assert type(end) is datetime.date, f"{uid}: DTEND {end!r} is not a date"
    assert end > start, f"{uid}: DTEND {end} not after DTSTART {start}"
    assert str(event["SUMMARY"]) and str(event["LOCATION"])
print(len(events))
