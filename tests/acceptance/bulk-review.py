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
# SPDX-License-Identifier: GPL-3.0-or-later
import collections
import datetime
import os

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


with Desktop("bulk-review", german=True) as d:
    path = os.path.join(d.work, "jahrgang.rss")
    with open(path, "w", encoding="utf-8") as f:
        f.write(feed())
    d.cli("import", path)
    now = statuses(d)
    d.check(now == {"suggested": COUNT}, f"the import suggests {COUNT} visits: {dict(now)}")
    d.start()
    d.key("alt+4", pause=2)
    d.wait(lambda: f"{COUNT} vorgeschlagene Besuche in dieser Ansicht" in d.texts(), 60,
           f"the Tour view does not say “{COUNT} vorgeschlagene Besuche in dieser Ansicht”")
    d.screenshot("suggested")

    d.click_named("Alle übernehmen")
    d.wait(lambda: f"{COUNT} vorgeschlagene Besuche übernommen" in d.texts(), 60,
           f"no toast “{COUNT} vorgeschlagene Besuche übernommen”")
    d.screenshot("accepted")
    now = statuses(d)
    d.check(now == {"done": COUNT}, f"all {COUNT} are visits that took place: {dict(now)}")

    d.key("ctrl+z")
    d.wait(lambda: f"{COUNT} vorgeschlagene Besuche in dieser Ansicht" in d.texts(), 60,
           "after Ctrl+Z the Tour view does not show the suggestions again")
    now = statuses(d)
    d.check(now == {"suggested": COUNT}, f"Ctrl+Z makes all {COUNT} suggestions again: {dict(now)}")

    d.click_named("Alle verwerfen")
    d.wait(lambda: f"{COUNT} vorgeschlagene Besuche verworfen" in d.texts(), 60,
           f"no toast “{COUNT} vorgeschlagene Besuche verworfen”")
    d.screenshot("dismissed")
    now = statuses(d)
    d.check(now == {}, f"no visit is left: {dict(now)}")
    d.check_alive("reviewing 706 suggestions at once")
    d.quit()
    now = statuses(d)
    d.check(now == {}, f"after quitting, still no visit: {dict(now)}")
