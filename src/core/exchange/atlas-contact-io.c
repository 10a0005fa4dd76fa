/* atlas-contact-io.c: contacts as vCard and CSV files: choosing the format,
 * decoding the text, and importing, collecting and writing contacts (the
 * formats themselves: atlas-vcard.c and atlas-csv.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-exchange"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "atlas-centre-index.h"
#include "atlas-contact-io-private.h"
#include "atlas-record.h"
#include "atlas-text.h"
#include "atlas-validate.h"

#define LINE_KEY "atlas-source-line"

void
atlas_contact_io_set_line (AtlasContact *contact,
                           guint         line)
{
  g_object_set_data (G_OBJECT (contact), LINE_KEY, GUINT_TO_POINTER (line));
}

static guint
get_line (AtlasContact *contact)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (contact), LINE_KEY));
}

/* A file that says the centre (ours: vCard's X-INTEGRATIONSATLAS-AGS, CSV's
 * centre-ags column), empty for none, is not second-guessed. */
#define CENTRE_GIVEN_KEY "atlas-source-centre-given"

static gboolean
get_centre_given (AtlasContact *contact)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (contact), CENTRE_GIVEN_KEY));
}

void
atlas_contact_io_set_centre_given (AtlasContact *contact,
                                   gboolean      given)
{
  g_object_set_data (G_OBJECT (contact), CENTRE_GIVEN_KEY, GINT_TO_POINTER (given));
}

/* A contact keeps no address; a vCard's is read only to find its centre. */
#define ADDRESS_KEY "atlas-source-address"

const char *
atlas_contact_io_get_address (AtlasContact *contact)
{
  return g_object_get_data (G_OBJECT (contact), ADDRESS_KEY);
}

void
atlas_contact_io_set_address (AtlasContact *contact,
                              const char   *address)
{
  g_object_set_data_full (G_OBJECT (contact), ADDRESS_KEY, g_strdup (address), g_free);
}

gboolean
atlas_contact_format_for_path (const char         *path,
                               AtlasContactFormat *format)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".vcf") || g_str_has_suffix (lower, ".vcard"))
    *format = ATLAS_CONTACT_FORMAT_VCARD;
  else if (g_str_has_suffix (lower, ".csv"))
    *format = ATLAS_CONTACT_FORMAT_CSV;
  else
    return FALSE;
  return TRUE;
}

/**
 * atlas_contact_text_to_utf8:
 *
 * Decodes a text file as people have them: UTF-8 with or without a byte
 * order mark, UTF-16 with one, otherwise Windows-1252 (which also covers
 * ISO-8859-1).
 *
 * Returns: (transfer full) (nullable): the text as UTF-8
 */
char *
atlas_contact_text_to_utf8 (GBytes  *bytes,
                            GError **error)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);
  char *text;

  if (len == 0)
    return g_strdup ("");

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
    }
  else if (len >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    {
      const char *charset = data[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";

      return g_convert (data + 2, len - 2, "UTF-8", charset, NULL, NULL, error);
    }

  if (memchr (data, '\0', len) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The file is not text (it contains null bytes)."));
      return NULL;
    }

  if (g_utf8_validate_len (data, len, NULL))
    return g_strndup (data, len);

  text = g_convert (data, len, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
  if (text == NULL)
    text = g_convert (data, len, "UTF-8", "ISO-8859-1", NULL, NULL, error);
  return text;
}

void
atlas_contact_io_add_to_list (AtlasContact      *contact,
                              AtlasContactField  field,
                              const char        *value)
{
  g_autofree char *joined = atlas_list_union (atlas_contact_get_field (contact, field), value);

  atlas_contact_set_field (contact, field, joined);
}

/**
 * atlas_contacts_parse:
 * @format: (out): the format found, by content
 * @messages: (nullable) (element-type utf8): gets notes on what was odd
 *
 * Returns: (transfer full) (element-type AtlasContact): the contacts of
 *   a vCard or CSV file, not yet checked against the catalogue
 */
GPtrArray *
atlas_contacts_parse (GBytes              *bytes,
                      AtlasContactFormat  *format,
                      GPtrArray           *messages,
                      GError             **error)
{
  g_autofree char *text = atlas_contact_text_to_utf8 (bytes, error);
  const char *start;

  if (text == NULL)
    return NULL;

  for (start = text; g_ascii_isspace (*start); start++)
    ;
  if (*start == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The file is empty."));
      return NULL;
    }

  if (g_ascii_strncasecmp (start, "BEGIN:VCARD", 11) == 0)
    {
      *format = ATLAS_CONTACT_FORMAT_VCARD;
      return atlas_contacts_parse_vcard (start, messages, error);
    }

  *format = ATLAS_CONTACT_FORMAT_CSV;
  return atlas_contacts_parse_csv (text, messages, error);
}

/* Importing ------------------------------------------------------------------ */

void
atlas_contact_report_clear (AtlasContactReport *report)
{
  g_clear_pointer (&report->messages, g_ptr_array_unref);
  report->added = report->merged = report->skipped = 0;
}

char *
atlas_contact_report_summary (const AtlasContactReport *report)
{
  g_autofree char *added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contact added", "%u contacts added", report->added), report->added);
  g_autofree char *merged = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u merged", "%u merged", report->merged), report->merged);
  g_autofree char *skipped = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u skipped", "%u skipped", report->skipped), report->skipped);

  return g_strjoin (", ", added, merged, skipped, NULL);
}

/* The catalogue's contacts by what makes two of them the same, built once
 * per import so that each imported contact is one lookup, not a scan (a
 * scan per contact took 45 s for 10,000). The keys are AtlasContact's
 * (atlas_contact_dup_exact_key() and atlas_contact_same_person()), which
 * the store's duplicate warning uses too. */
typedef struct {
  GHashTable *exact;   /* given, family, organisation, e-mails → id */
  GHashTable *names;   /* "given family", folded → id */
  GHashTable *emails;  /* an e-mail address, case folded → id */
} ContactIndex;

static void
index_add (ContactIndex *ix,
           AtlasContact *c)
{
  gpointer id = GSIZE_TO_POINTER ((gsize) atlas_contact_get_id (c));
  g_auto(GStrv) emails = atlas_contact_dup_email_keys (c);
  char *name = atlas_contact_dup_name_key (c);

  g_hash_table_insert (ix->exact, atlas_contact_dup_exact_key (c), id);
  /* The first contact of a name or address stays the one found. */
  if (name != NULL && !g_hash_table_contains (ix->names, name))
    g_hash_table_insert (ix->names, name, id);
  else
    g_free (name);
  for (guint i = 0; emails[i]; i++)
    if (!g_hash_table_contains (ix->emails, emails[i]))
      g_hash_table_insert (ix->emails, g_strdup (emails[i]), id);
}

static gint64
index_duplicate (ContactIndex *ix,
                 AtlasContact *c)
{
  g_autofree char *name = atlas_contact_dup_name_key (c);
  g_auto(GStrv) emails = atlas_contact_dup_email_keys (c);
  gpointer id;

  if (name != NULL && (id = g_hash_table_lookup (ix->names, name)) != NULL)
    return (gint64) GPOINTER_TO_SIZE (id);
  for (guint i = 0; emails[i]; i++)
    if ((id = g_hash_table_lookup (ix->emails, emails[i])) != NULL)
      return (gint64) GPOINTER_TO_SIZE (id);
  return 0;
}

static void
index_clear (ContactIndex *ix)
{
  g_clear_pointer (&ix->exact, g_hash_table_unref);
  g_clear_pointer (&ix->names, g_hash_table_unref);
  g_clear_pointer (&ix->emails, g_hash_table_unref);
}

static gboolean
index_fill (ContactIndex  *ix,
            AtlasStore    *store,
            GError       **error)
{
  g_autoptr(GPtrArray) all = atlas_contacts_collect (store, NULL, error);

  ix->exact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ix->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ix->emails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (all == NULL)
    return FALSE;
  for (guint i = 0; i < all->len; i++)
    index_add (ix, g_ptr_array_index (all, i));
  return TRUE;
}

/* Whether @organisation is a centre or its district's administration
 * («Kommunales Integrationszentrum Kreis Kleve», «Stadt Köln», «Rhein-Kreis
 * Neuss»), whose place then names the centre; a newspaper, a broadcaster
 * or a state authority in the same town («Rheinische Post Düsseldorf»,
 * «Bezirksregierung Köln») is no centre's. */
static gboolean
is_centre_or_district (const char *organisation)
{
  g_autofree char *folded = atlas_text_fold_search (organisation);
  g_auto(GStrv) words = g_regex_split_simple ("[^a-z0-9]+", folded, 0, 0);

  for (guint i = 0; words[i]; i++)
    {
      const char *w = words[i];

      if (strstr (w, "integrationszentrum") != NULL || g_str_equal (w, "ki") ||
          g_str_has_suffix (w, "kreis") || g_str_has_suffix (w, "stadt") ||
          g_str_equal (w, "staedteregion") || g_str_equal (w, "stadtverwaltung") ||
          g_str_equal (w, "kreisverwaltung"))
        return TRUE;
    }
  return FALSE;
}

static gboolean
import_one (AtlasStore          *store,
            AtlasContact        *contact,
            AtlasCentreIndex    *centres,
            ContactIndex        *ix,
            AtlasContactReport  *report,
            GError             **error)
{
  const char *ags = atlas_contact_get_field (contact, ATLAS_CONTACT_CENTRE_AGS);
  g_autofree char *exact = NULL;
  gint64 same;

  if (*atlas_contact_get_field (contact, ATLAS_CONTACT_GIVEN_NAME) == '\0' &&
      *atlas_contact_get_field (contact, ATLAS_CONTACT_FAMILY_NAME) == '\0' &&
      *atlas_contact_get_field (contact, ATLAS_CONTACT_ORGANISATION) == '\0')
    {
      report->skipped++;
      g_ptr_array_add (report->messages,
                       g_strdup_printf (_("Line %u: skipped, it has neither a name nor an organisation."),
                                        get_line (contact)));
      return TRUE;
    }

  if (*ags != '\0')
    {
      AtlasCentre *centre = atlas_centre_index_match (centres, ags, NULL, NULL, NULL);

      atlas_contact_set_centre_id (contact, centre ? atlas_centre_get_id (centre) : 0);
      if (centre == NULL)
        {
          g_ptr_array_add (report->messages,
                           g_strdup_printf (_("Line %u: no centre has the district key “%s”; the contact is kept without a centre."),
                                            get_line (contact), ags));
          atlas_contact_set_field (contact, ATLAS_CONTACT_CENTRE_AGS, "");
        }
    }
  else if (!get_centre_given (contact))
    {
      /* A file from another program: the centre its address or its
       * organisation names, as a release or a calendar's event is linked. */
      const char *organisation = atlas_contact_get_field (contact, ATLAS_CONTACT_ORGANISATION);
      AtlasCentre *centre = atlas_centre_index_match (centres, NULL, atlas_contact_io_get_address (contact),
                                                      is_centre_or_district (organisation) ? organisation : NULL,
                                                      NULL);

      if (centre != NULL)
        {
          atlas_contact_set_centre_id (contact, atlas_centre_get_id (centre));
          atlas_contact_set_field (contact, ATLAS_CONTACT_CENTRE_AGS, atlas_centre_get_field (centre, ATLAS_CENTRE_AGS));
        }
    }

  atlas_contact_set_id (contact, 0);
  exact = atlas_contact_dup_exact_key (contact);
  if (g_hash_table_contains (ix->exact, exact))
    {
      report->skipped++;
      return TRUE;
    }

  same = index_duplicate (ix, contact);
  if (same > 0)
    {
      g_autoptr(GObject) existing = atlas_store_load (store, ATLAS_RECORD_CONTACT, same, error);

      if (existing == NULL)
        return FALSE;
      if (!atlas_contact_merge (ATLAS_CONTACT (existing), contact))
        {
          report->skipped++;
          return TRUE;
        }
      if (atlas_store_save_contact (store, ATLAS_CONTACT (existing), error) == 0)
        return FALSE;
      index_add (ix, ATLAS_CONTACT (existing));
      report->merged++;
      return TRUE;
    }

  if (atlas_store_save_contact (store, contact, error) == 0)
    return FALSE;
  index_add (ix, contact);
  report->added++;
  return TRUE;
}

/**
 * atlas_contacts_import:
 * @contacts: (element-type AtlasContact): as parsed
 * @dry_run: count only: what an import would do (for a preview)
 *
 * Adds each contact, merges it into an existing one with the same name
 * or e-mail (see atlas_contact_merge()), or skips it when nothing would
 * change or it has no name. All in one transaction: on error nothing is
 * imported.
 */
gboolean
atlas_contacts_import (AtlasStore          *store,
                       GPtrArray           *contacts,
                       gboolean             dry_run,
                       AtlasContactReport  *report,
                       GError             **error)
{
  g_autoptr(AtlasCentreIndex) centres = NULL;
  ContactIndex ix = { 0 };

  g_return_val_if_fail (ATLAS_IS_STORE (store), FALSE);

  atlas_contact_report_clear (report);
  report->messages = g_ptr_array_new_with_free_func (g_free);

  if (!(centres = atlas_centre_index_new (store, error)))
    return FALSE;
  if (!atlas_store_begin (store, error))
    return FALSE;
  if (!index_fill (&ix, store, error))
    {
      index_clear (&ix);
      atlas_store_rollback (store);
      return FALSE;
    }

  for (guint i = 0; i < contacts->len; i++)
    {
      /* A copy: a dry run must not give the caller's contacts ids. */
      g_autoptr(AtlasContact) contact = ATLAS_CONTACT (atlas_record_copy (g_ptr_array_index (contacts, i)));

      atlas_contact_io_set_line (contact, get_line (g_ptr_array_index (contacts, i)));
      atlas_contact_io_set_address (contact, atlas_contact_io_get_address (g_ptr_array_index (contacts, i)));
      atlas_contact_io_set_centre_given (contact, get_centre_given (g_ptr_array_index (contacts, i)));
      if (!import_one (store, contact, centres, &ix, report, error))
        {
          index_clear (&ix);
          atlas_store_rollback (store);
          return FALSE;
        }
    }
  index_clear (&ix);

  if (dry_run)
    {
      atlas_store_rollback (store);
      return TRUE;
    }
  return atlas_store_commit (store, error);
}

/**
 * atlas_contacts_collect:
 * @filter: (nullable): search text, as in the contacts list
 *
 * Returns: (transfer full) (element-type AtlasContact): the contacts the
 *   list shows for @filter, in its order
 */
GPtrArray *
atlas_contacts_collect (AtlasStore  *store,
                        const char  *filter,
                        GError     **error)
{
  g_autoptr(GArray) ids = atlas_store_query_ids (store, ATLAS_RECORD_CONTACT, filter, error);
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);

  if (ids == NULL)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      GObject *contact = atlas_store_load (store, ATLAS_RECORD_CONTACT,
                                           g_array_index (ids, gint64, i), error);

      if (contact == NULL)
        return NULL;
      g_ptr_array_add (contacts, contact);
    }
  return g_steal_pointer (&contacts);
}

/**
 * atlas_contacts_write:
 *
 * Writes @contacts to @file as vCard or CSV, replacing it only once the
 * whole file is written.
 */
gboolean
atlas_contacts_write (GPtrArray           *contacts,
                      AtlasContactFormat   format,
                      GFile               *file,
                      GCancellable        *cancellable,
                      GError             **error)
{
  g_autofree char *text = format == ATLAS_CONTACT_FORMAT_VCARD
                          ? atlas_contacts_to_vcard (contacts)
                          : atlas_contacts_to_csv (contacts);

  return g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, error);
}
