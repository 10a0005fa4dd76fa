#!/usr/bin/python3
# Issue 19: a German press officer imports two years of releases (706
# items, each about a visit to a centre on a day of its own: 706 suggested
# visits) and reviews them in the Tour view with a few actions, not 706
# rows' ✓ and ✗: "Alle übernehmen" accepts every suggestion the filters
# show, Ctrl+Z makes them suggestions again, "Alle verwerfen" dismisses
# them. After each step the CLI reads the catalogue.
#
# The feed is written here: a release a day from 2 January 2017 on, in
# turn about one of 22 cities, each saying on which day the state
# secretary visited the city's centre.
#
# EXPECTED TO FAIL on today's code (acceptance_expected_failures in
# tests/meson.build): "Alle übernehmen" accepts all 706 (the CLI reads
# them as done, the rows say "Besucht"), but Ctrl+Z afterwards undoes
# nothing, not within 3 minutes (three runs of three variants). The
# click also leaves the first row (Köln) selected. When Ctrl+Z brings
# the suggestions back, this passes; then drop it from that list.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import collections
import datetime
import os
import time

from atlas import Desktop

COUNT = 706
# Cities with one centre each (Aachen has two).
CITIES = ["Köln", "Düsseldorf", "Dortmund", "Essen", "Duisburg", "Bochum", "Wuppertal", "Bielefeld",
          "Bonn", "Münster", "Mönchengladbach", "Gelsenkirchen", "Krefeld", "Oberhausen", "Hagen",
          "Hamm", "Mülheim an der Ruhr", "Leverkusen", "Solingen", "Herne", "Remscheid", "Bottrop"]
WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember"]
RFC822_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
RFC822_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def feed():
    items = []
    for i in range(COUNT):
        day = datetime.date(2017, 1, 2) + datetime.timedelta(days=i)
        published = day + datetime.timedelta(days=1)
        city = CITIES[i % len(CITIES)]
        items.append(
            f"<item><title>Besuch in {city}</title><guid>urn:bulk-review:{i}</guid>\n"
            f"<pubDate>{RFC822_DAYS[published.weekday()]}, {published.day:02} "
            f"{RFC822_MONTHS[published.month - 1]} {published.year} 10:00:00 +0100</pubDate>\n"
            f"<description>Die Staatssekretärin besuchte am {WEEKDAYS[day.weekday()]}, {day.day}. "
            f"{MONTHS[day.month - 1]} {day.year}, das Kommunale Integrationszentrum in {city}.</description></item>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Presse</title>\n'
            + "\n".join(items) + "\n</channel></rss>\n")


def statuses(d):
    return collections.Counter(v["status"] for v in d.records("visits"))


def settles(d, expected, what):
    """Reads the catalogue with the CLI, once the window shows the step
    done (a CLI run makes the window read the whole catalogue again)."""
    now = statuses(d)
    d.check(now == expected, f"{what}: {dict(now)}")


def shown(d, suggested):
    """Waits until the Tour view shows the suggestions, or the visits
    accepted ("Besucht"), as a screen reader reads it; says how long it
    took (not a check: the machine may be loaded)."""
    start = time.monotonic()
    line = f"{COUNT} vorgeschlagene Besuche in dieser Ansicht"

    def now():
        texts = d.texts()
        return line in texts if suggested else line not in texts and "Besucht" in texts

    d.wait(now, 180, f"the Tour view {'does not say' if suggested else 'still says'} “{line}”")
    print(f"# {time.monotonic() - start:.0f} s until the window showed it")


with Desktop("bulk-review", german=True) as d:
    path = os.path.join(d.work, "jahrgang.rss")
    with open(path, "w", encoding="utf-8") as f:
        f.write(feed())
    d.cli("import", path)
    settles(d, {"suggested": COUNT}, f"the import suggests {COUNT} visits")
    d.start()
    d.key("alt+4", pause=2)
    shown(d, True)
    d.screenshot("suggested")

    d.click_named("Alle übernehmen")
    # The toast is gone before a screen reader has walked 706 rows: the
    # view's rows tell that the step is done, the CLI what it did.
    shown(d, False)
    d.screenshot("accepted")
    settles(d, {"done": COUNT}, f"“Alle übernehmen” accepts all {COUNT}: they took place")

    d.key("ctrl+z")
    shown(d, True)
    settles(d, {"suggested": COUNT}, f"one Ctrl+Z makes all {COUNT} suggestions again")

    d.click_named("Alle verwerfen")
    d.wait(lambda: "Noch keine Besuche" in d.texts() or not d.nodes(d.BUTTON, "Alle verwerfen"), 180,
           "the Tour view still offers “Alle verwerfen”")
    d.screenshot("dismissed")
    settles(d, {}, f"“Alle verwerfen” dismisses all {COUNT}")
    d.check_alive("reviewing 706 suggestions at once")
    d.quit()
    settles(d, {}, "after quitting, still no visit")
