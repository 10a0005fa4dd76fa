/* test-exchange.c: the formats other tools read: iCalendar, map data, the
 * printed contact list; each checked by a reader of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <libical/ical.h>
#ifdef HAVE_PROJ
#include <proj.h>
#endif

#include "atlas-contact-io.h"
#include "atlas-contact-sheet.h"
#include "atlas-geometry.h"
#include "atlas-ical.h"
#include "atlas-map-data.h"
#include "atlas-store.h"
#include "atlas-test-util.h"
#include "atlas-validate.h"

static AtlasStore *
open_store (AtlasTestDir *fixture,
            const char   *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  AtlasStore *store = atlas_store_new (path, ATLAS_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return store;
}

static gint64
add_visit (AtlasStore *store,
           const char *ags,
           const char *date,
           const char *status,
           const char *tour,
           const char *notes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasCentre) centre = atlas_store_get_centre_by_ags (store, ags, &error);
  g_autoptr(AtlasVisit) visit = atlas_visit_new ();
  gint64 id;

  g_assert_no_error (error);
  atlas_visit_set_centre_id (visit, atlas_centre_get_id (centre));
  atlas_visit_set_field (visit, ATLAS_VISIT_DATE, date);
  atlas_visit_set_field (visit, ATLAS_VISIT_STATUS, status);
  atlas_visit_set_field (visit, ATLAS_VISIT_TOUR, tour);
  atlas_visit_set_field (visit, ATLAS_VISIT_VISITORS, "Serap Güler");
  atlas_visit_set_field (visit, ATLAS_VISIT_NOTES, notes);
  id = atlas_store_save_visit (store, visit, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Four visits with days (one of two days), one known only to the month. */
static void
add_tour (AtlasStore *store)
{
  add_visit (store, "05315", "2018-10-02", "done", "Herbsttour 2018", "Mit Begleitung; zweite Zeile\nhier");
  add_visit (store, "05334002", "2019-03-07", "done", "", "");
  add_visit (store, "05334", "2019-03-08/2019-03-09", "planned", "Frühjahr", "");
  add_visit (store, "05978", "2026-12-31", "suggested", "", "");
  add_visit (store, "05120", "2019-08", "done", "", "");
}

static char *
export_all (AtlasStore *store,
            guint      *n_left_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) visits = atlas_store_list_visits (store, NULL, NULL, NULL, NULL, &error);
  char *text;

  g_assert_no_error (error);
  text = atlas_ical_from_visits (store, visits, n_left_out, &error);
  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

/* The value of the first line of @name in @event's text (unfolded). */
static GPtrArray *
lines_named (const char *ics,
             const char *prefix)
{
  g_autoptr(GString) unfolded = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);

  /* RFC 5545 3.1: a line break followed by a space continues the line. */
  for (const char *p = ics; *p; p++)
    {
      if (p[0] == '\r' && p[1] == '\n' && p[2] == ' ')
        p += 2;
      else
        g_string_append_c (unfolded, *p);
    }
  lines = g_strsplit (unfolded->str, "\r\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], prefix))
      g_ptr_array_add (found, g_strdup (lines[i]));
  return found;
}

static void
test_ical_all_day (AtlasTestDir  *fixture,
                   gconstpointer  data)
{
  g_autoptr(AtlasStore) store = open_store (fixture, "a.sqlite");
  g_autofree char *ics = NULL;
  g_autoptr(GPtrArray) starts = NULL;
  g_autoptr(GPtrArray) ends = NULL;
  g_autoptr(GPtrArray) dates = NULL;
  guint left_out = 0;

  add_tour (store);
  ics = export_all (store, &left_out);

  /* The month-only visit has no day to stand on. */
  g_assert_cmpuint (left_out, ==, 1);
  g_assert_true (g_str_has_prefix (ics, "BEGIN:VCALENDAR\r\n"));

  starts = lines_named (ics, "DTSTART");
  ends = lines_named (ics, "DTEND");
  g_assert_cmpuint (starts->len, ==, 4);
  g_assert_cmpuint (ends->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (starts, 0), ==, "DTSTART;VALUE=DATE:20181002");
  g_assert_cmpstr (g_ptr_array_index (ends, 0), ==, "DTEND;VALUE=DATE:20181003");
  /* Two days: DTEND is the day after the second. */
  g_assert_cmpstr (g_ptr_array_index (starts, 2), ==, "DTSTART;VALUE=DATE:20190308");
  g_assert_cmpstr (g_ptr_array_index (ends, 2), ==, "DTEND;VALUE=DATE:20190310");
  /* Across the year's end. */
  g_assert_cmpstr (g_ptr_array_index (ends, 3), ==, "DTEND;VALUE=DATE:20270101");

  /* No time and no Z on any date. */
  dates = lines_named (ics, "DT");
  for (guint i = 0; i < dates->len; i++)
    {
      const char *line = g_ptr_array_index (dates, i);

      if (g_str_has_prefix (line, "DTSTAMP:"))
        g_assert_true (g_str_has_suffix (line, "Z"));
      else
        {
          const char *value = strstr (line, ";VALUE=DATE:");

          g_assert_nonnull (value);
          value += strlen (";VALUE=DATE:");
          /* YYYYMMDD and nothing else: no T, no time, no Z. */
          g_assert_cmpuint (strlen (value), ==, 8);
          g_assert_cmpuint (strspn (value, "0123456789"), ==, 8);
        }
    }

  /* The location is the centre: Stadt and Städteregion Aachen apart. */
  g_assert_nonnull (strstr (ics, "X-INTEGRATIONSATLAS-AGS:05334002\r\n"));
  g_assert_nonnull (strstr (ics, "X-INTEGRATIONSATLAS-AGS:05334\r\n"));
  g_assert_nonnull (strstr (ics, "STATUS:TENTATIVE\r\n"));
}

/* Only a visit that took place is confirmed: a planned visit, or one a
 * press release suggested, is tentative in the calendar (a walk found the
 * planned ones exported as CONFIRMED). */
static void
test_ical_status (AtlasTestDir  *fixture,
                  gconstpointer  data)
{
  g_autoptr(AtlasStore) store = open_store (fixture, "a.sqlite");
  g_autofree char *ics = NULL;
  g_auto(GStrv) events = NULL;
  guint checked = 0;

  add_tour (store);
  ics = export_all (store, NULL);
  events = g_strsplit (ics, "BEGIN:VEVENT\r\n", -1);
  for (guint i = 1; events[i]; i++)
    {
      g_autoptr(GPtrArray) ours = lines_named (events[i], "X-INTEGRATIONSATLAS-STATUS:");
      g_autoptr(GPtrArray) theirs = lines_named (events[i], "STATUS:");
      const char *status = (const char *) g_ptr_array_index (ours, 0) + strlen ("X-INTEGRATIONSATLAS-STATUS:");

      g_assert_cmpuint (theirs->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (theirs, 0), ==,
                       g_str_equal (status, "done") ? "STATUS:CONFIRMED" : "STATUS:TENTATIVE");
      checked++;
    }
  /* Two done, one planned, one suggested. */
  g_assert_cmpuint (checked, ==, 4);
}

/* libical's parser finds no error, and every component keeps RFC 5545's
 * rules of which properties it must and may have. */
static void
test_ical_strict (AtlasTestDir  *fixture,
                  gconstpointer  data)
{
  g_autoptr(AtlasStore) store = open_store (fixture, "a.sqlite");
  g_autofree char *ics = NULL;
  icalcomponent *calendar;
  guint n_events = 0;

  add_tour (store);
  ics = export_all (store, NULL);

  calendar = icalparser_parse_string (ics);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  g_assert_true (icalrestriction_check (calendar));
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);

  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      struct icaltimetype start = icalcomponent_get_dtstart (event);
      struct icaltimetype end = icalcomponent_get_dtend (event);

      g_assert_true (start.is_date);
      g_assert_true (end.is_date);
      g_assert_cmpint (icaltime_compare_date_only (start, end), <, 0);
      g_assert_nonnull (icalcomponent_get_uid (event));
      g_assert_nonnull (icalcomponent_get_first_property (event, ICAL_SEQUENCE_PROPERTY));
      g_assert_nonnull (icalcomponent_get_first_property (event, ICAL_DTSTAMP_PROPERTY));
      g_assert_nonnull (strstr (icalcomponent_get_location (event), ","));
      n_events++;
    }
  g_assert_cmpuint (n_events, ==, 4);

  icalcomponent_free (calendar);
}

/* Runs a checker script of tests/ with the system's Python on @path.
 * Returns its output, or NULL when the test was skipped (no Python, or
 * the script's module missing: exit 77). */
static char *
run_checker (const char *script_name,
             const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, script_name, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *python = g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE) ? "/usr/bin/python3" : "python3";
  const char *argv[] = { python, script, path, NULL };
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error))
    {
      g_test_skip (error->message);
      return NULL;
    }
  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    {
      g_test_skip (err);
      return NULL;
    }
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s\n%s", script_name, error->message, err);
  return g_steal_pointer (&out);
}

/* Python's icalendar, a second parser that owes nothing to libical. */
static void
test_ical_python (AtlasTestDir  *fixture,
                  gconstpointer  data)
{
  g_autoptr(AtlasStore) store = open_store (fixture, "a.sqlite");
  g_autoptr(GError) error = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "tour.ics", NULL);
  g_autofree char *out = NULL;

  add_tour (store);
  ics = export_all (store, NULL);
  g_assert_true (g_file_set_contents (path, ics, -1, &error));

  if ((out = run_checker ("check-ical.py", path)) == NULL)
    return;
  g_assert_cmpstr (g_strstrip (out), ==, "4");
}

static void
test_ical_identity (AtlasTestDir  *fixture,
                    gconstpointer  data)
{
  g_autoptr(AtlasStore) store = open_store (fixture, "a.sqlite");
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasVisit) visit = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autoptr(GPtrArray) uids1 = NULL;
  g_autoptr(GPtrArray) uids2 = NULL;
  g_autoptr(GPtrArray) sequences = NULL;
  g_autoptr(GPtrArray) uids3 = NULL;
  gint64 id;

  add_tour (store);
  id = add_visit (store, "05913", "2018-02-23", "done", "", "");
  first = export_all (store, NULL);
  second = export_all (store, NULL);

  /* The same visits, the same UIDs, each one different. */
  uids1 = lines_named (first, "UID:");
  uids2 = lines_named (second, "UID:");
  g_assert_cmpuint (uids1->len, ==, 5);
  for (guint i = 0; i < uids1->len; i++)
    {
      g_assert_cmpstr (g_ptr_array_index (uids1, i), ==, g_ptr_array_index (uids2, i));
      for (guint k = 0; k < i; k++)
        g_assert_cmpstr (g_ptr_array_index (uids1, i), !=, g_ptr_array_index (uids1, k));
    }

  /* Saving it unchanged leaves SEQUENCE; a change raises it, once. */
  visit = ATLAS_VISIT (atlas_store_load (store, ATLAS_RECORD_VISIT, id, &error));
  g_assert_no_error (error);
  atlas_store_save_visit (store, visit, &error);
  g_assert_no_error (error);
  atlas_visit_set_field (visit, ATLAS_VISIT_DATE, "2018-02-24");
  atlas_store_save_visit (store, visit, &error);
  g_assert_no_error (error);
  atlas_store_set_visit_status (store, id, "planned", &error);
  g_assert_no_error (error);

  third = export_all (store, NULL);
  sequences = lines_named (third, "SEQUENCE:");
  /* Dortmund comes first, by its date. */
  g_assert_cmpstr (g_ptr_array_index (sequences, 0), ==, "SEQUENCE:2");
  g_assert_cmpstr (g_ptr_array_index (sequences, 1), ==, "SEQUENCE:0");
  uids3 = lines_named (third, "UID:");
  g_assert_cmpstr (g_ptr_array_index (uids1, 0), ==, g_ptr_array_index (uids3, 0));
}

static GPtrArray *
plan_text (AtlasStore *store,
           const char *ics)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (ics, strlen (ics));
  GPtrArray *plan = atlas_ical_plan_import (store, bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static void
import_text (AtlasStore *store,
             const char *ics,
             const char *expected_summary)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plan = plan_text (store, ics);
  g_autofree char *summary = atlas_ical_plan_summary (plan);

  g_assert_cmpstr (summary, ==, expected_summary);
  g_assert_true (atlas_ical_apply_import (store, plan, &error));
  g_assert_no_error (error);
}

static char *
describe_visits (AtlasStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) visits = atlas_store_list_visits (store, NULL, NULL, NULL, NULL, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < visits->len; i++)
    {
      AtlasVisit *v = g_ptr_array_index (visits, i);

      g_string_append_printf (out, "%s|%s|%s|%s|%s|%s\n",
                              atlas_visit_get_field (v, ATLAS_VISIT_DATE),
                              atlas_visit_get_field (v, ATLAS_VISIT_AGS),
                              atlas_visit_get_field (v, ATLAS_VISIT_STATUS),
                              atlas_visit_get_field (v, ATLAS_VISIT_TOUR),
                              atlas_visit_get_field (v, ATLAS_VISIT_VISITORS),
                              atlas_visit_get_field (v, ATLAS_VISIT_NOTES));
    }
  return g_string_free (out, FALSE);
}

/* Export, import into an empty catalogue: the same visits with the same
 * UIDs; the same file again changes nothing; a changed one updates. */
static void
test_ical_round_trip (AtlasTestDir  *fixture,
                      gconstpointer  data)
{
  g_autoptr(AtlasStore) source = open_store (fixture, "a.sqlite");
  g_autoptr(AtlasStore) target = open_store (fixture, "b.sqlite");
  g_autofree char *ics = NULL;
  g_autofree char *again = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  g_autofree char *moved = NULL;
  g_autoptr(GPtrArray) uids = NULL;
  g_autoptr(GPtrArray) uids_again = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(GPtrArray) sequences = NULL;
  g_autoptr(GError) error = NULL;
  char *at;

  add_tour (source);
  ics = export_all (source, NULL);

  import_text (target, ics, "4 new, 0 updated, 0 unchanged, 0 skipped");
  expected = describe_visits (source);
  got = describe_visits (target);
  /* All but the month-only visit, which was not exported. */
  g_assert_nonnull (strstr (expected, "2019-08|05120"));
  at = strstr (expected, "2019-08|05120");
  memmove (at, strchr (at, '\n') + 1, strlen (strchr (at, '\n') + 1) + 1);
  g_assert_cmpstr (got, ==, expected);

  again = export_all (target, NULL);
  uids = lines_named (ics, "UID:");
  uids_again = lines_named (again, "UID:");
  g_assert_cmpuint (uids->len, ==, uids_again->len);
  for (guint i = 0; i < uids->len; i++)
    g_assert_cmpstr (g_ptr_array_index (uids, i), ==, g_ptr_array_index (uids_again, i));

  /* The same file: nothing to do, nothing doubled. */
  import_text (target, ics, "0 new, 0 updated, 4 unchanged, 0 skipped");
  g_assert_cmpint (atlas_store_count (target, ATLAS_RECORD_VISIT, NULL), ==, 4);

  /* Köln moved by a day in the calendar: that visit changes, no other. */
  moved = g_strdup (ics);
  at = strstr (moved, "DTSTART;VALUE=DATE:20181002");
  g_assert_nonnull (at);
  at[strlen ("DTSTART;VALUE=DATE:2018100")] = '1';
  at = strstr (moved, "DTEND;VALUE=DATE:20181003");
  at[strlen ("DTEND;VALUE=DATE:2018100")] = '2';
  plan = plan_text (target, moved);
  g_assert_cmpint (((AtlasIcalEntry *) g_ptr_array_index (plan, 0))->action, ==, ATLAS_ICAL_UPDATE);
  g_assert_true (atlas_ical_apply_import (target, plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (atlas_store_count (target, ATLAS_RECORD_VISIT, NULL), ==, 4);
  g_clear_pointer (&got, g_free);
  got = describe_visits (target);
  g_assert_true (g_str_has_prefix (got, "2018-10-01|05315|done|Herbsttour 2018|"));

  /* The updated visit says so to calendars: its SEQUENCE grew. */
  g_clear_pointer (&again, g_free);
  again = export_all (target, NULL);
  sequences = lines_named (again, "SEQUENCE:");
  g_assert_cmpstr (g_ptr_array_index (sequences, 0), ==, "SEQUENCE:1");
}

static char *
load_fixture (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

/* A calendar of appointments from another program: times with zones,
 * a UTC time after 22:00 (the next day in Germany), two days, events
 * that are no visits. */
static void
test_ical_import_planned (AtlasTestDir  *fixture,
                          gconstpointer  data)
{
  g_autoptr(AtlasStore) store = open_store (fixture, "a.sqlite");
  g_autofree char *ics = load_fixture ("planned-visits.ics");
  g_autofree char *updated = NULL;
  g_autofree char *visits = NULL;
  g_autoptr(GPtrArray) preview = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(GError) error = NULL;
  static const struct {
    AtlasIcalAction action;
    const char *date;
    const char *centre;
  } expected[] = {
    { ATLAS_ICAL_NEW, "2026-03-10", "Unna" },
    { ATLAS_ICAL_NEW, "2026-04-16", "Bielefeld" },
    { ATLAS_ICAL_NEW, "2026-05-05/2026-05-06", "Münster" },
    { ATLAS_ICAL_SKIP, "2026-05-12", NULL },
    { ATLAS_ICAL_SKIP, "2026-05-20", NULL },
    { ATLAS_ICAL_SKIP, "2026-06-01", NULL },
  };

  /* The preview changes nothing. */
  preview = plan_text (store, ics);
  g_assert_cmpuint (preview->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < preview->len; i++)
    {
      AtlasIcalEntry *entry = g_ptr_array_index (preview, i);

      g_assert_cmpint (entry->action, ==, expected[i].action);
      g_assert_cmpstr (entry->date, ==, expected[i].date);
      if (expected[i].centre)
        g_assert_nonnull (strstr (entry->centre_name, expected[i].centre));
      else
        g_assert_nonnull (entry->reason);
    }
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_VISIT, NULL), ==, 0);

  import_text (store, ics, "3 new, 0 updated, 0 unchanged, 3 skipped");
  visits = describe_visits (store);
  g_assert_cmpstr (visits, ==,
                   "2026-03-10|05978|planned|||Gespräch mit dem Team über Sprachmittlung.\n"
                   "2026-04-16|05711|planned|||\n"
                   "2026-05-05/2026-05-06|05515|planned|||\n");

  /* The calendar moved Unna by a day: updated, not doubled. */
  updated = g_strdup (ics);
  memcpy (strstr (updated, "20260310T100000"), "20260311", 8);
  memcpy (strstr (updated, "20260310T120000"), "20260311", 8);
  plan = plan_text (store, updated);
  g_assert_cmpint (((AtlasIcalEntry *) g_ptr_array_index (plan, 0))->action, ==, ATLAS_ICAL_UPDATE);
  g_assert_cmpint (((AtlasIcalEntry *) g_ptr_array_index (plan, 1))->action, ==, ATLAS_ICAL_UNCHANGED);
  g_assert_true (atlas_ical_apply_import (store, plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_VISIT, NULL), ==, 3);
  g_clear_pointer (&visits, g_free);
  visits = describe_visits (store);
  g_assert_true (g_str_has_prefix (visits, "2026-03-11|05978|planned"));
}

/* An appointment with a time and no end, and one whose end is out of
 * any range (found by fuzz-ical): each is its first day. */
static void
test_ical_no_end (AtlasTestDir  *fixture,
                  gconstpointer  data)
{
  g_autoptr(AtlasStore) store = open_store (fixture, "a.sqlite");
  g_autoptr(GPtrArray) plan = plan_text (store,
                                         "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
                                         "BEGIN:VEVENT\r\nUID:a@b\r\nDTSTAMP:20260101T000000Z\r\n"
                                         "DTSTART:20260310T100000\r\nSUMMARY:Besuch in Unna\r\n"
                                         "END:VEVENT\r\n"
                                         "BEGIN:VEVENT\r\nUID:c@d\r\nDTSTAMP:20260101T000000Z\r\n"
                                         "DTSTART;VALUE=DATE:20260311\r\nDTEND;VALUE=DATE:18000101\r\n"
                                         "SUMMARY:Besuch in Bonn\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");

  for (guint i = 0; i < 2; i++)
    {
      AtlasIcalEntry *entry = g_ptr_array_index (plan, i);

      g_assert_cmpint (entry->action, ==, ATLAS_ICAL_NEW);
      g_assert_cmpstr (entry->date, ==, i == 0 ? "2026-03-10" : "2026-03-11");
    }
}

static void
test_ical_not_a_calendar (AtlasTestDir  *fixture,
                          gconstpointer  data)
{
  g_autoptr(AtlasStore) store = open_store (fixture, "a.sqlite");
  static const char * const inputs[] = {
    "", "BEGIN:VCARD\r\nFN:Someone\r\nEND:VCARD\r\n", "\xff\xfe" "B\0E\0", "<rss/>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_bytes_new (inputs[i], i == 2 ? 6 : strlen (inputs[i]));
      g_autoptr(GPtrArray) plan = atlas_ical_plan_import (store, bytes, &error);

      g_assert_null (plan);
      g_assert_error (error, ATLAS_ICAL_ERROR, ATLAS_ICAL_ERROR_INVALID);
    }
}

/* Map data ------------------------------------------------------------------- */

static void
test_map_data_reprojection (void)
{
  const AtlasGeometry *geometry = atlas_geometry_get_default ();
#ifdef HAVE_PROJ
  PJ_CONTEXT *context = proj_context_create ();
  PJ *inverse = proj_create (context, "+proj=pipeline +step +inv +proj=utm +zone=32 +ellps=GRS80");

  g_assert_nonnull (inverse);
#endif

  for (guint i = 0; i < atlas_geometry_get_n_areas (geometry); i++)
    {
      const AtlasArea *area = atlas_geometry_get_area (geometry, i);
      GArray *ring = g_ptr_array_index (area->rings, 0);

      for (guint k = 0; k < ring->len; k += 7)
        {
          AtlasPoint *p = &g_array_index (ring, AtlasPoint, k);
          double lon, lat, x, y;

          atlas_utm32_to_wgs84 (p->x, p->y, &lon, &lat);
          g_assert_cmpfloat (lon, >, 5.8);
          g_assert_cmpfloat (lon, <, 9.5);
          g_assert_cmpfloat (lat, >, 50.3);
          g_assert_cmpfloat (lat, <, 52.6);

          /* Back with the app's own forward projection (Snyder's series,
           * itself good to a few centimetres here). */
          atlas_project_utm32 (lon, lat, &x, &y);
          g_assert_cmpfloat (fabs (x - p->x), <, 0.05);
          g_assert_cmpfloat (fabs (y - p->y), <, 0.05);

#ifdef HAVE_PROJ
          {
            PJ_COORD c = proj_trans (inverse, PJ_FWD, proj_coord (p->x, p->y, 0, 0));

            /* 1e-8 degrees: under a millimetre. */
            g_assert_cmpfloat (fabs (proj_todeg (c.lp.lam) - lon), <, 1e-8);
            g_assert_cmpfloat (fabs (proj_todeg (c.lp.phi) - lat), <, 1e-8);
          }
#endif
        }
    }

#ifdef HAVE_PROJ
  proj_destroy (inverse);
  proj_context_destroy (context);
#endif
}

/* Köln twice, Stadt Aachen done, the Städteregion planned, Unna only
 * suggested (which the map does not count). */
static void
add_district_tour (AtlasStore *store)
{
  add_visit (store, "05315", "2018-10-02", "done", "", "");
  add_visit (store, "05315", "2019-08", "done", "", "");
  add_visit (store, "05334002", "2019-03-07", "done", "", "");
  add_visit (store, "05334", "2026-05-01", "planned", "", "");
  add_visit (store, "05978", "2026-12-31", "suggested", "", "");
}

static char *
write_map_data (AtlasTestDir *fixture,
                AtlasStore   *store,
                const char   *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) visits = atlas_store_list_visits (store, NULL, NULL, NULL, NULL, &error);
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_no_error (error);
  g_assert_true (atlas_map_data_write (visits, file, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
test_map_data_csv (AtlasTestDir  *fixture,
                   gconstpointer  data)
{
  g_autoptr(AtlasStore) store = open_store (fixture, "a.sqlite");
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;

  add_district_tour (store);
  path = write_map_data (fixture, store, "tour.csv");

  /* The key is a quoted text, leading zero and all. */
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\r\n\"05315\",\"Köln\",\"visited\","));

  if ((out = run_checker ("check-map-data.py", path)) == NULL)
    return;
  g_assert_nonnull (strstr (out, "05111\tnot_visited\t0\t0\t\t\n"));
  g_assert_nonnull (strstr (out, "05315\tvisited\t2\t0\t2018-10-02\t2019-08\n"));
  /* One key for both Aachens: the city's visit and the region's plan. */
  g_assert_nonnull (strstr (out, "05334\tvisited\t1\t1\t2019-03-07\t2019-03-07\n"));
  g_assert_null (strstr (out, "05334002"));
  g_assert_nonnull (strstr (out, "05978\tnot_visited\t0\t0\t\t\n"));
}

static void
test_map_data_geojson (AtlasTestDir  *fixture,
                       gconstpointer  data)
{
  g_autoptr(AtlasStore) store = open_store (fixture, "a.sqlite");
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;

  add_district_tour (store);
  path = write_map_data (fixture, store, "tour.geojson");

  if ((out = run_checker ("check-map-data.py", path)) == NULL)
    return;
  g_assert_nonnull (strstr (out, "05315\tvisited\t2\t0\t2018-10-02\t2019-08\n"));
  /* Stadt Aachen and the Städteregion apart. */
  g_assert_nonnull (strstr (out, "05334\tplanned\t0\t1\t\t\n"));
  g_assert_nonnull (strstr (out, "05334002\tvisited\t1\t0\t2019-03-07\t2019-03-07\n"));
}

/* The printed contact list ------------------------------------------------- */

static GPtrArray *
import_contacts (AtlasStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = load_fixture ("contacts.csv");
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) parsed = NULL;
  AtlasContactReport report = { 0 };
  AtlasContactFormat format;
  GPtrArray *contacts;

  parsed = atlas_contacts_parse (bytes, &format, messages, &error);
  g_assert_no_error (error);
  g_assert_true (atlas_contacts_import (store, parsed, FALSE, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.added, ==, 43);
  atlas_contact_report_clear (&report);

  contacts = atlas_contacts_collect (store, NULL, &error);
  g_assert_no_error (error);
  return contacts;
}

/* The PDF's text as pdftotext reads it; NULL (test skipped) without it. */
static char *
pdf_text (AtlasStore *store,
          GPtrArray  *contacts,
          const char *subtitle,
          const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AtlasContactSheet) sheet = atlas_contact_sheet_new (store, contacts, subtitle, &error);
  g_autofree char *out = NULL;
  /* -raw: in drawing order, so a cell's lines stay together. */
  const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL };
  int status = 0;

  g_assert_no_error (error);
  g_assert_true (atlas_contact_sheet_write_pdf (sheet, file, NULL, &error));
  g_assert_no_error (error);

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return NULL;
    }
  g_assert_true (g_spawn_check_wait_status (status, &error));
  return g_steal_pointer (&out);
}

/* Line breaks, and the hyphens Pango adds where it breaks a word, away. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p) && *p != '-')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static void
test_contact_sheet_pdf (AtlasTestDir  *fixture,
                        gconstpointer  data)
{
  g_autoptr(AtlasStore) store = open_store (fixture, "a.sqlite");
  g_autoptr(GPtrArray) contacts = import_contacts (store);
  g_autofree char *path = g_build_filename (fixture->dir, "list.pdf", NULL);
  g_autofree char *text = pdf_text (store, contacts, NULL, path);
  g_autofree char *flat = NULL;
  g_autofree char *last_page = NULL;
  const char *koeln, *unna;
  guint n_pages = 0;

  if (text == NULL)
    return;
  flat = squeeze (text);

  g_assert_nonnull (strstr (flat, "DistributionList"));
  g_assert_nonnull (strstr (flat, "43contacts"));

  /* Every contact is there, with phone and e-mail. */
  for (guint i = 0; i < contacts->len; i++)
    {
      AtlasContact *contact = g_ptr_array_index (contacts, i);
      g_autofree char *name = atlas_contact_dup_display_name (contact);
      g_auto(GStrv) phones = atlas_list_split (atlas_contact_get_field (contact, ATLAS_CONTACT_PHONES));
      g_auto(GStrv) emails = atlas_list_split (atlas_contact_get_field (contact, ATLAS_CONTACT_EMAILS));
      g_autofree char *flat_name = squeeze (name);
      g_autofree char *flat_phone = squeeze (phones[0]);
      g_autofree char *flat_email = squeeze (emails[0]);

      g_assert_nonnull (strstr (flat, flat_name));
      g_assert_nonnull (strstr (flat, flat_phone));
      g_assert_nonnull (strstr (flat, flat_email));
    }

  /* Grouped by centre, in order, the contacts of none last. (Compared
   * without spaces: -raw loses some between words.) */
  koeln = strstr (flat, "KommunalesIntegrationszentrumKöln");
  unna = strstr (flat, "KommunalesIntegrationszentrumKreisUnna");
  g_assert_nonnull (koeln);
  g_assert_nonnull (unna);
  g_assert_true (koeln < unna);
  /* Anna Schäfer works in Köln (first row of the fixture). */
  g_assert_true (strstr (flat, "AnnaSchäfer") > koeln && strstr (flat, "AnnaSchäfer") < unna);
  g_assert_true (strstr (flat, "Nointegrationcentre") > unna);
  g_assert_true (strstr (flat, "Presseteam") > strstr (flat, "Nointegrationcentre"));

  /* A4 pages, numbered: pdftotext ends each with a form feed. */
  for (const char *p = text; (p = strchr (p, '\f')) != NULL; p++)
    n_pages++;
  g_assert_cmpuint (n_pages, >=, 2);
  last_page = g_strdup_printf ("Page %u of %u", n_pages, n_pages);
  g_assert_nonnull (strstr (text, last_page));
  g_assert_nonnull (strstr (flat, "(continued)"));
}

static void
test_contact_sheet_centre (AtlasTestDir  *fixture,
                           gconstpointer  data)
{
  g_autoptr(AtlasStore) store = open_store (fixture, "a.sqlite");
  g_autoptr(GPtrArray) all = import_contacts (store);
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autofree char *path = g_build_filename (fixture->dir, "unna.pdf", NULL);
  g_autofree char *text = NULL;

  for (guint i = 0; i < all->len; i++)
    if (g_str_equal (atlas_contact_get_field (g_ptr_array_index (all, i), ATLAS_CONTACT_CENTRE_AGS), "05978"))
      g_ptr_array_add (shown, g_ptr_array_index (all, i));
  g_assert_cmpuint (shown->len, ==, 4);

  if ((text = pdf_text (store, shown, "Kreis Unna", path)) == NULL)
    return;
  g_assert_nonnull (strstr (text, "Kreis Unna · 4 contacts"));
  g_assert_null (strstr (text, "Köln"));
  g_assert_null (strstr (text, "Presseteam"));
  g_assert_nonnull (strstr (text, "Page 1 of 1"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ATLAS_TEST_ADD ("/exchange/ical/all-day", test_ical_all_day);
  ATLAS_TEST_ADD ("/exchange/ical/status", test_ical_status);
  ATLAS_TEST_ADD ("/exchange/ical/strict-libical", test_ical_strict);
  ATLAS_TEST_ADD ("/exchange/ical/python-icalendar", test_ical_python);
  ATLAS_TEST_ADD ("/exchange/ical/identity", test_ical_identity);
  ATLAS_TEST_ADD ("/exchange/ical/round-trip", test_ical_round_trip);
  ATLAS_TEST_ADD ("/exchange/ical/import-planned", test_ical_import_planned);
  ATLAS_TEST_ADD ("/exchange/ical/not-a-calendar", test_ical_not_a_calendar);
  ATLAS_TEST_ADD ("/exchange/ical/no-end", test_ical_no_end);
  g_test_add_func ("/exchange/map-data/reprojection", test_map_data_reprojection);
  ATLAS_TEST_ADD ("/exchange/map-data/csv", test_map_data_csv);
  ATLAS_TEST_ADD ("/exchange/map-data/geojson", test_map_data_geojson);
  ATLAS_TEST_ADD ("/exchange/contact-sheet/pdf", test_contact_sheet_pdf);
  ATLAS_TEST_ADD ("/exchange/contact-sheet/centre", test_contact_sheet_centre);

  return g_test_run ();
}
