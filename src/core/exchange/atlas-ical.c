/* atlas-ical.c: visits as iCalendar (RFC 5545), both ways
 *
 * Written and read with libical, the library Evolution and GNOME Calendar
 * use. A visit whose day is known becomes an all-day event: DTSTART and
 * DTEND are DATE values (DTEND the day after the last day), never times,
 * so no calendar moves it across midnight. A visit known only to the
 * month, the calendar week or the year has no day to put in a calendar; it
 * is left out, and the caller is told how many were.
 *
 * Every visit has a UID the store keeps for it, and a SEQUENCE the store
 * raises whenever the visit changes (migration 0005), so calendars that
 * import a newer export update their events instead of adding new ones.
 *
 * Importing reads the events of a calendar of appointments: each is
 * matched to its centre by the X-INTEGRATIONSATLAS-AGS our own exports
 * carry, else by the centre's address in LOCATION, else by the names in
 * LOCATION, SUMMARY and DESCRIPTION as a press release is (atlas-detect).
 * An event whose UID a visit already has updates that visit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libical/ical.h>

#include "atlas-centre-index.h"
#include "atlas-detect.h"
#include "atlas-ical.h"
#include "atlas-text.h"

G_DEFINE_QUARK (atlas-ical-error-quark, atlas_ical_error)

/* Our own properties, for a faithful round trip; calendars ignore them. */
#define X_AGS      "X-INTEGRATIONSATLAS-AGS"
#define X_STATUS   "X-INTEGRATIONSATLAS-STATUS"
#define X_TOUR     "X-INTEGRATIONSATLAS-TOUR"
#define X_VISITORS "X-INTEGRATIONSATLAS-VISITORS"
#define X_NOTES    "X-INTEGRATIONSATLAS-NOTES"

/* Days ----------------------------------------------------------------------- */

static gboolean
parse_day (const char *text,
           GDate      *day)
{
  int y, m, d;
  char rest;

  g_date_clear (day, 1);
  if (text == NULL || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &rest) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (day, d, m, y);
  return TRUE;
}

/* The first and last day of a date as stored, when it names days:
 * YYYY-MM-DD or start/end. Months, weeks and years do not. */
static gboolean
date_days (const char *date,
           GDate      *first,
           GDate      *last)
{
  g_autofree char *start = NULL;
  const char *slash;

  if (date == NULL)
    return FALSE;
  if (strlen (date) == 10)
    return parse_day (date, first) && parse_day (date, last);

  slash = strchr (date, '/');
  if (slash == NULL || slash - date != 10 || strlen (slash + 1) != 10)
    return FALSE;
  start = g_strndup (date, 10);
  return parse_day (start, first) && parse_day (slash + 1, last) && g_date_compare (first, last) <= 0;
}

static struct icaltimetype
ical_date (const GDate *day)
{
  struct icaltimetype t = icaltime_null_date ();

  t.year = g_date_get_year (day);
  t.month = g_date_get_month (day);
  t.day = g_date_get_day (day);
  return t;
}

static char *
day_text (const GDate *day)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (day), g_date_get_month (day), g_date_get_day (day));
}

/* The day an event's time falls on, where the tour happens: a UTC time
 * is moved to German time first; other times are read as written. */
static gboolean
event_day (struct icaltimetype  t,
           GDate               *day)
{
  g_date_clear (day, 1);
  if (icaltime_is_null_time (t) || !g_date_valid_dmy (t.day, t.month, t.year) || t.year < 1900 || t.year > 2999)
    return FALSE;

  if (!t.is_date && icaltime_is_utc (t))
    {
      g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
      g_autoptr(GDateTime) utc = g_date_time_new_utc (t.year, t.month, t.day, t.hour, t.minute, t.second);
      g_autoptr(GDateTime) local = NULL;

      if (berlin != NULL && utc != NULL && (local = g_date_time_to_timezone (utc, berlin)) != NULL)
        {
          g_date_set_dmy (day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                          g_date_time_get_year (local));
          return TRUE;
        }
    }

  g_date_set_dmy (day, t.day, t.month, t.year);
  return TRUE;
}

/* Export ---------------------------------------------------------------------- */

static void
add_x (icalcomponent *component,
       const char    *name,
       const char    *value)
{
  icalproperty *property;

  if (value == NULL || *value == '\0')
    return;
  property = icalproperty_new_x (value);
  icalproperty_set_x_name (property, name);
  icalcomponent_add_property (component, property);
}

static char *
centre_address (AtlasCentre *centre)
{
  g_autoptr(GString) address = g_string_new (atlas_centre_get_field (centre, ATLAS_CENTRE_NAME));
  const char *street = atlas_centre_get_field (centre, ATLAS_CENTRE_STREET);
  const char *postal_code = atlas_centre_get_field (centre, ATLAS_CENTRE_POSTAL_CODE);
  const char *city = atlas_centre_get_field (centre, ATLAS_CENTRE_CITY);

  if (*street)
    g_string_append_printf (address, ", %s", street);
  if (*postal_code || *city)
    g_string_append_printf (address, ", %s%s%s", postal_code, *postal_code && *city ? " " : "", city);
  return g_string_free (g_steal_pointer (&address), FALSE);
}

static const char *
status_label (const char *status)
{
  if (g_strcmp0 (status, "done") == 0)
    return _("visited");
  if (g_strcmp0 (status, "suggested") == 0)
    return _("suggested by a press release, not yet confirmed");
  return _("planned");
}

static char *
visit_description (AtlasVisit *visit)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *visitors = atlas_visit_get_field (visit, ATLAS_VISIT_VISITORS);
  const char *tour = atlas_visit_get_field (visit, ATLAS_VISIT_TOUR);
  const char *notes = atlas_visit_get_field (visit, ATLAS_VISIT_NOTES);

  g_string_append_printf (text, _("Status: %s"), status_label (atlas_visit_get_field (visit, ATLAS_VISIT_STATUS)));
  if (*visitors)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Visitors: %s"), visitors);
    }
  if (*tour)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Tour: %s"), tour);
    }
  if (*notes)
    g_string_append_printf (text, "\n\n%s", notes);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static icalcomponent *
visit_event (AtlasVisit          *visit,
             AtlasCentre         *centre,
             const char          *uid,
             gint64               sequence,
             struct icaltimetype  stamp,
             const GDate         *first,
             const GDate         *last)
{
  icalcomponent *event = icalcomponent_new_vevent ();
  g_autofree char *summary = g_strdup_printf (_("Visit: %s"), atlas_visit_get_field (visit, ATLAS_VISIT_CENTRE_NAME));
  g_autofree char *description = visit_description (visit);
  g_autofree char *location = centre ? centre_address (centre) : g_strdup (atlas_visit_get_field (visit, ATLAS_VISIT_CENTRE_NAME));
  const char *status = atlas_visit_get_field (visit, ATLAS_VISIT_STATUS);
  const char *tour = atlas_visit_get_field (visit, ATLAS_VISIT_TOUR);
  GDate end = *last;

  g_date_add_days (&end, 1);

  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (stamp));
  icalcomponent_add_property (event, icalproperty_new_sequence ((int) MIN (sequence, G_MAXINT)));
  icalcomponent_add_property (event, icalproperty_new_dtstart (ical_date (first)));
  icalcomponent_add_property (event, icalproperty_new_dtend (ical_date (&end)));
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  icalcomponent_add_property (event, icalproperty_new_location (location));
  icalcomponent_add_property (event, icalproperty_new_description (description));
  /* Only a visit that took place is certain; a planned one may still move. */
  icalcomponent_add_property (event, icalproperty_new_status (g_str_equal (status, "done")
                                                              ? ICAL_STATUS_CONFIRMED : ICAL_STATUS_TENTATIVE));
  /* A day out of the office, not hours blocked in the diary. */
  icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));
  if (*tour)
    icalcomponent_add_property (event, icalproperty_new_categories (tour));

  add_x (event, X_AGS, atlas_visit_get_field (visit, ATLAS_VISIT_AGS));
  add_x (event, X_STATUS, status);
  add_x (event, X_TOUR, tour);
  add_x (event, X_VISITORS, atlas_visit_get_field (visit, ATLAS_VISIT_VISITORS));
  add_x (event, X_NOTES, atlas_visit_get_field (visit, ATLAS_VISIT_NOTES));

  return event;
}

/**
 * atlas_ical_from_visits:
 * @visits: (element-type AtlasVisit): the visits, in order
 * @n_left_out: (out) (optional): how many visits had no known day
 *
 * Returns: (transfer full) (nullable): an iCalendar object with one
 *   all-day event per visit whose day is known
 */
char *
atlas_ical_from_visits (AtlasStore  *store,
                        GPtrArray   *visits,
                        guint       *n_left_out,
                        GError     **error)
{
  g_autoptr(GHashTable) centres = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  icalcomponent *calendar = icalcomponent_new_vcalendar ();
  struct icaltimetype stamp = icaltime_from_timet_with_zone (g_get_real_time () / G_USEC_PER_SEC, 0,
                                                             icaltimezone_get_utc_timezone ());
  char *raw;
  char *text;
  guint left_out = 0;

  icalcomponent_add_property (calendar, icalproperty_new_prodid ("-//Integrationsatlas//Integrationsatlas " PACKAGE_VERSION "//DE"));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  add_x (calendar, "X-WR-CALNAME", _("Visits of the tour"));

  for (guint i = 0; i < visits->len; i++)
    {
      AtlasVisit *visit = g_ptr_array_index (visits, i);
      gint64 centre_id = atlas_visit_get_centre_id (visit);
      g_autofree char *uid = NULL;
      AtlasCentre *centre;
      gint64 sequence;
      GDate first, last;

      if (!date_days (atlas_visit_get_field (visit, ATLAS_VISIT_DATE), &first, &last))
        {
          left_out++;
          continue;
        }

      if (!atlas_store_get_visit_identity (store, atlas_visit_get_id (visit), &uid, &sequence, error))
        {
          icalcomponent_free (calendar);
          return NULL;
        }

      centre = g_hash_table_lookup (centres, &centre_id);
      if (centre == NULL)
        {
          GObject *object = atlas_store_load (store, ATLAS_RECORD_CENTRE, centre_id, NULL);

          if (object != NULL)
            g_hash_table_insert (centres, g_memdup2 (&centre_id, sizeof centre_id), centre = ATLAS_CENTRE (object));
        }

      icalcomponent_add_component (calendar, visit_event (visit, centre, uid, sequence, stamp, &first, &last));
    }

  raw = icalcomponent_as_ical_string_r (calendar);
  text = g_strdup (raw);
  icalmemory_free_buffer (raw);
  icalcomponent_free (calendar);

  if (n_left_out != NULL)
    *n_left_out = left_out;
  return text;
}

/**
 * atlas_ical_write_visits:
 *
 * Writes atlas_ical_from_visits() to @file, replacing it whole or not at
 * all.
 */
gboolean
atlas_ical_write_visits (AtlasStore    *store,
                         GPtrArray     *visits,
                         GFile         *file,
                         guint         *n_left_out,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autofree char *text = atlas_ical_from_visits (store, visits, n_left_out, error);

  return text != NULL &&
         g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_NONE,
                                  NULL, cancellable, error);
}

/* Import ---------------------------------------------------------------------- */

static void
entry_free (gpointer data)
{
  AtlasIcalEntry *entry = data;

  g_free (entry->uid);
  g_free (entry->summary);
  g_free (entry->date);
  g_free (entry->centre_name);
  g_free (entry->reason);
  g_clear_object (&entry->visit);
  g_free (entry);
}

static const char *
get_x (icalcomponent *event,
       const char    *name)
{
  for (icalproperty *p = icalcomponent_get_first_property (event, ICAL_X_PROPERTY);
       p != NULL;
       p = icalcomponent_get_next_property (event, ICAL_X_PROPERTY))
    if (g_ascii_strcasecmp (icalproperty_get_x_name (p), name) == 0)
      return icalproperty_get_x (p);
  return NULL;
}

static const char *
get_text (icalcomponent   *event,
          icalproperty_kind kind)
{
  icalproperty *p = icalcomponent_get_first_property (event, kind);
  const char *value = p ? icalvalue_get_text (icalproperty_get_value (p)) : NULL;

  return value ? value : "";
}

/* Our own exports carry the district key; another calendar's event its
 * place in the location or the text. */
static AtlasCentre *
match_centre (AtlasCentreIndex *index,
              icalcomponent    *event,
              const char       *summary,
              const char       *location,
              const char       *description)
{
  g_autofree char *body = g_strconcat (summary, "\n\n", description, NULL);

  return atlas_centre_index_match (index, get_x (event, X_AGS), location, location, body);
}

/* The days an event covers, as a visit's date: YYYY-MM-DD or start/end. */
static char *
event_date (icalcomponent *event)
{
  struct icaltimetype start = icalcomponent_get_dtstart (event);
  struct icaltimetype end = icalcomponent_get_dtend (event);
  GDate first, last, end_day;

  if (!event_day (start, &first))
    return NULL;

  /* No end, or one out of range: the first day alone. */
  last = first;
  if (event_day (end, &end_day))
    {
      /* DTEND is the first moment after the event: a DATE is the day
       * after, a time at midnight belongs to the day before. */
      if (end.is_date || (end.hour == 0 && end.minute == 0 && end.second == 0))
        g_date_subtract_days (&end_day, 1);
      if (g_date_compare (&end_day, &first) > 0)
        last = end_day;
    }

  if (g_date_compare (&first, &last) == 0)
    return day_text (&first);
  {
    g_autofree char *a = day_text (&first);
    g_autofree char *b = day_text (&last);

    return g_strconcat (a, "/", b, NULL);
  }
}

/* Events without a UID (which RFC 5545 requires) get one from what they
 * say, so that importing the same file again still finds them. */
static char *
event_uid (icalcomponent *event,
           const char    *summary,
           const char    *date,
           const char    *location)
{
  const char *uid = icalcomponent_get_uid (event);
  g_autofree char *joined = NULL;
  g_autofree char *hash = NULL;

  if (uid != NULL && *uid != '\0')
    return g_strdup (uid);

  joined = g_strjoin ("\n", summary, date ? date : "", location, NULL);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, joined, -1);
  return g_strconcat (hash, "@import.integrationsatlas.github.io", NULL);
}

static gboolean
visit_equal (AtlasVisit *a,
             AtlasVisit *b)
{
  static const AtlasVisitField fields[] = {
    ATLAS_VISIT_DATE, ATLAS_VISIT_TOUR, ATLAS_VISIT_VISITORS, ATLAS_VISIT_STATUS, ATLAS_VISIT_NOTES
  };

  if (atlas_visit_get_centre_id (a) != atlas_visit_get_centre_id (b))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (atlas_visit_get_field (a, fields[i]), atlas_visit_get_field (b, fields[i])) != 0)
      return FALSE;
  return TRUE;
}

static void
skip (AtlasIcalEntry *entry,
      const char     *reason)
{
  entry->action = ATLAS_ICAL_SKIP;
  entry->reason = g_strdup (reason);
}

static gboolean
plan_event (AtlasStore     *store,
            AtlasCentreIndex *index,
            GHashTable     *seen,
            icalcomponent  *event,
            AtlasIcalEntry *entry,
            GError        **error)
{
  const char *location = get_text (event, ICAL_LOCATION_PROPERTY);
  const char *description = get_text (event, ICAL_DESCRIPTION_PROPERTY);
  const char *x_status = get_x (event, X_STATUS);
  const char *x_tour = get_x (event, X_TOUR);
  const char *x_visitors = get_x (event, X_VISITORS);
  const char *x_notes = get_x (event, X_NOTES);
  g_autoptr(AtlasVisit) stored = NULL;
  g_autofree char *sort_date = NULL;
  AtlasCentre *centre;
  AtlasVisit *visit;
  gint64 id;

  entry->summary = g_strdup (get_text (event, ICAL_SUMMARY_PROPERTY));
  entry->date = event_date (event);
  entry->uid = event_uid (event, entry->summary, entry->date, location);

  if (icalcomponent_get_first_property (event, ICAL_RECURRENCEID_PROPERTY) != NULL ||
      icalcomponent_get_first_property (event, ICAL_RRULE_PROPERTY) != NULL)
    {
      skip (entry, _("a repeating event; a visit is one day"));
      return TRUE;
    }
  if (icalcomponent_get_status (event) == ICAL_STATUS_CANCELLED)
    {
      skip (entry, _("cancelled in the calendar"));
      return TRUE;
    }
  if (entry->date == NULL)
    {
      skip (entry, _("the event has no valid start date"));
      return TRUE;
    }
  if (!g_hash_table_add (seen, g_strdup (entry->uid)))
    {
      skip (entry, _("the same event (UID) is in the file twice"));
      return TRUE;
    }

  centre = match_centre (index, event, entry->summary, location, description);
  if (centre == NULL)
    {
      skip (entry, _("no integration centre found in its place or text"));
      return TRUE;
    }
  entry->centre_name = g_strdup (atlas_centre_get_field (centre, ATLAS_CENTRE_NAME));

  if (!atlas_store_find_visit_by_uid (store, entry->uid, &id, error))
    return FALSE;
  if (id > 0 && !(stored = ATLAS_VISIT (atlas_store_load (store, ATLAS_RECORD_VISIT, id, error))))
    return FALSE;

  /* The visit as stored, loaded once more to change: the first stays to compare. */
  visit = stored ? ATLAS_VISIT (atlas_store_load (store, ATLAS_RECORD_VISIT, id, error)) : atlas_visit_new ();
  if (visit == NULL)
    return FALSE;
  entry->visit = visit;
  sort_date = atlas_visit_sort_date (entry->date);
  atlas_visit_set_centre_id (visit, atlas_centre_get_id (centre));
  atlas_visit_set_field (visit, ATLAS_VISIT_AGS, atlas_centre_get_field (centre, ATLAS_CENTRE_AGS));
  atlas_visit_set_field (visit, ATLAS_VISIT_CENTRE_NAME, entry->centre_name);
  atlas_visit_set_field (visit, ATLAS_VISIT_DATE, entry->date);
  atlas_visit_set_field (visit, ATLAS_VISIT_SORT_DATE, sort_date);

  if (x_status != NULL && (g_str_equal (x_status, "planned") || g_str_equal (x_status, "done") ||
                           g_str_equal (x_status, "suggested")))
    atlas_visit_set_field (visit, ATLAS_VISIT_STATUS, x_status);
  else if (stored == NULL)
    atlas_visit_set_field (visit, ATLAS_VISIT_STATUS, "planned");
  if (x_tour != NULL)
    atlas_visit_set_field (visit, ATLAS_VISIT_TOUR, x_tour);

  /* Our own exports say who and what exactly; another calendar's event
   * gives its description as the notes and its visitors in its text. */
  if (x_visitors != NULL || x_notes != NULL || get_x (event, X_AGS) != NULL)
    {
      atlas_visit_set_field (visit, ATLAS_VISIT_VISITORS, x_visitors ? x_visitors : "");
      atlas_visit_set_field (visit, ATLAS_VISIT_NOTES, x_notes ? x_notes : "");
    }
  else
    {
      g_autofree char *text = g_strconcat (entry->summary, "\n", description, NULL);
      g_autofree char *visitors = atlas_detect_visitors (text);

      if (visitors != NULL && *visitors)
        atlas_visit_set_field (visit, ATLAS_VISIT_VISITORS, visitors);
      atlas_visit_set_field (visit, ATLAS_VISIT_NOTES, description);
    }

  if (stored == NULL)
    entry->action = ATLAS_ICAL_NEW;
  else
    entry->action = visit_equal (stored, visit) ? ATLAS_ICAL_UNCHANGED : ATLAS_ICAL_UPDATE;
  return TRUE;
}

static icalcomponent *
parse_calendar (GBytes  *bytes,
                GError **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autofree char *text = NULL;
  icalcomponent *root;

  /* Validated whole: a NUL inside is no text either. */
  if (data == NULL)
    data = "";
  if (!g_utf8_validate_len (data, size, NULL))
    {
      g_set_error (error, ATLAS_ICAL_ERROR, ATLAS_ICAL_ERROR_INVALID,
                   _("The calendar file is not in UTF-8, as iCalendar files must be"));
      return NULL;
    }

  text = g_strndup (data, size);
  root = icalparser_parse_string (text);
  if (root == NULL ||
      (icalcomponent_isa (root) != ICAL_VCALENDAR_COMPONENT &&
       icalcomponent_get_first_component (root, ICAL_VCALENDAR_COMPONENT) == NULL))
    {
      g_clear_pointer (&root, icalcomponent_free);
      g_set_error (error, ATLAS_ICAL_ERROR, ATLAS_ICAL_ERROR_INVALID,
                   _("This is not an iCalendar file (no VCALENDAR found)"));
      return NULL;
    }
  return root;
}

static gboolean
plan_calendar (AtlasStore    *store,
               AtlasCentreIndex *index,
               GHashTable    *seen,
               icalcomponent *calendar,
               GPtrArray     *plan,
               GError       **error)
{
  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      AtlasIcalEntry *entry = g_new0 (AtlasIcalEntry, 1);

      g_ptr_array_add (plan, entry);
      if (!plan_event (store, index, seen, event, entry, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * atlas_ical_plan_import:
 * @bytes: the file's contents
 *
 * Reads the events and works out what importing them would do, changing
 * nothing: this is the preview.
 *
 * Returns: (transfer full) (element-type AtlasIcalEntry) (nullable): one
 *   entry per event, in the file's order
 */
GPtrArray *
atlas_ical_plan_import (AtlasStore  *store,
                        GBytes      *bytes,
                        GError     **error)
{
  g_autoptr(GPtrArray) plan = g_ptr_array_new_with_free_func (entry_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(AtlasCentreIndex) index = NULL;
  icalcomponent *root;
  gboolean ok = TRUE;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  if (!(root = parse_calendar (bytes, error)))
    return NULL;
  if (!(index = atlas_centre_index_new (store, error)))
    {
      icalcomponent_free (root);
      return NULL;
    }

  if (icalcomponent_isa (root) == ICAL_VCALENDAR_COMPONENT)
    ok = plan_calendar (store, index, seen, root, plan, error);
  else
    for (icalcomponent *c = icalcomponent_get_first_component (root, ICAL_VCALENDAR_COMPONENT);
         ok && c != NULL;
         c = icalcomponent_get_next_component (root, ICAL_VCALENDAR_COMPONENT))
      ok = plan_calendar (store, index, seen, c, plan, error);

  icalcomponent_free (root);
  return ok ? g_steal_pointer (&plan) : NULL;
}

/**
 * atlas_ical_apply_import:
 * @plan: (element-type AtlasIcalEntry): from atlas_ical_plan_import()
 *
 * Writes the new and changed visits of @plan in one transaction.
 */
gboolean
atlas_ical_apply_import (AtlasStore  *store,
                         GPtrArray   *plan,
                         GError     **error)
{
  g_return_val_if_fail (ATLAS_IS_STORE (store), FALSE);

  if (!atlas_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < plan->len; i++)
    {
      AtlasIcalEntry *entry = g_ptr_array_index (plan, i);
      gint64 id;

      if (entry->action != ATLAS_ICAL_NEW && entry->action != ATLAS_ICAL_UPDATE)
        continue;
      if ((id = atlas_store_save_visit (store, entry->visit, error)) == 0 ||
          (entry->action == ATLAS_ICAL_NEW && !atlas_store_set_visit_uid (store, id, entry->uid, error)))
        {
          atlas_store_rollback (store);
          return FALSE;
        }
    }

  return atlas_store_commit (store, error);
}

const char *
atlas_ical_action_label (AtlasIcalAction action)
{
  switch (action)
    {
    case ATLAS_ICAL_NEW:
      return _("new");
    case ATLAS_ICAL_UPDATE:
      return _("update");
    case ATLAS_ICAL_UNCHANGED:
      return _("unchanged");
    case ATLAS_ICAL_SKIP:
    default:
      return _("skipped");
    }
}

char *
atlas_ical_plan_summary (GPtrArray *plan)
{
  guint n[ATLAS_ICAL_SKIP + 1] = { 0 };

  for (guint i = 0; i < plan->len; i++)
    n[((AtlasIcalEntry *) g_ptr_array_index (plan, i))->action]++;

  /* Translators: counts of calendar events: new visits, updated, unchanged, skipped */
  return g_strdup_printf (_("%u new, %u updated, %u unchanged, %u skipped"),
                          n[ATLAS_ICAL_NEW], n[ATLAS_ICAL_UPDATE], n[ATLAS_ICAL_UNCHANGED], n[ATLAS_ICAL_SKIP]);
}
