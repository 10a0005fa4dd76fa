/* atlas-native.c: the app's own exchange format
 *
 * One XML file carries the whole catalogue: centres, contacts, press
 * releases with their links to centres, and visits. Its schema is
 * resources/exchange/integrationsatlas-exchange.rng. Element names are the
 * model objects' property names, so the format follows the models.
 *
 * Exporting and importing into a new catalogue reproduces the original:
 * centres are matched by AGS and take every field from the file (an
 * element that is missing means an empty field), releases keep their
 * original format, guid, dates and links, visits their release.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libxml/xmlwriter.h>

#include "atlas-date.h"
#include "atlas-list-model.h"
#include "atlas-native.h"

#define FORMAT_VERSION "1"

/* Writing ------------------------------------------------------------------ */

typedef struct {
  GOutputStream *stream;
  GCancellable *cancellable;
  GError *error;
} WriteTarget;

static int
write_cb (void       *context,
          const char *buffer,
          int         len)
{
  WriteTarget *target = context;

  if (target->error != NULL)
    return -1;
  if (!g_output_stream_write_all (target->stream, buffer, len, NULL, target->cancellable, &target->error))
    return -1;

  return len;
}

static int
close_cb (void *context)
{
  return 0;
}

static char *
iso_utc (gint64 t)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (t);

  return dt ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ") : g_strdup ("");
}

/* Writes <name>value</name> for a non-empty value. */
static int
write_field (xmlTextWriterPtr  w,
             const char       *name,
             const char       *value)
{
  if (value == NULL || *value == '\0')
    return 0;

  return xmlTextWriterWriteElement (w, BAD_CAST name, BAD_CAST value);
}

static gboolean
write_centres (xmlTextWriterPtr   w,
               AtlasStore        *store)
{
  g_autoptr(AtlasListModel) model = atlas_list_model_new (store, ATLAS_RECORD_CENTRE);
  gboolean ok = xmlTextWriterStartElement (w, BAD_CAST "centres") >= 0;

  for (guint i = 0; ok && i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(AtlasCentre) c = g_list_model_get_item (G_LIST_MODEL (model), i);

      ok = xmlTextWriterStartElement (w, BAD_CAST "centre") >= 0 &&
           xmlTextWriterWriteAttribute (w, BAD_CAST "ags",
                                        BAD_CAST atlas_centre_get_field (c, ATLAS_CENTRE_AGS)) >= 0;
      for (guint f = ATLAS_CENTRE_NAME; ok && f < ATLAS_CENTRE_N_FIELDS; f++)
        ok = write_field (w, atlas_centre_field_name (f), atlas_centre_get_field (c, f)) >= 0;
      ok = ok && xmlTextWriterEndElement (w) >= 0;
    }

  return ok && xmlTextWriterEndElement (w) >= 0;
}

static gboolean
write_contacts (xmlTextWriterPtr   w,
                AtlasStore        *store)
{
  g_autoptr(AtlasListModel) model = atlas_list_model_new (store, ATLAS_RECORD_CONTACT);
  gboolean ok = xmlTextWriterStartElement (w, BAD_CAST "contacts") >= 0;

  for (guint i = 0; ok && i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(AtlasContact) c = g_list_model_get_item (G_LIST_MODEL (model), i);
      const char *centre = atlas_contact_get_field (c, ATLAS_CONTACT_CENTRE_AGS);

      ok = xmlTextWriterStartElement (w, BAD_CAST "contact") >= 0 &&
           (*centre == '\0' || xmlTextWriterWriteAttribute (w, BAD_CAST "centre", BAD_CAST centre) >= 0);
      for (guint f = ATLAS_CONTACT_HONORIFIC; ok && f < ATLAS_CONTACT_N_FIELDS; f++)
        if (f != ATLAS_CONTACT_CENTRE_AGS)
          ok = write_field (w, atlas_contact_field_name (f), atlas_contact_get_field (c, f)) >= 0;
      ok = ok && xmlTextWriterEndElement (w) >= 0;
    }

  return ok && xmlTextWriterEndElement (w) >= 0;
}

static gboolean
write_releases (xmlTextWriterPtr   w,
                AtlasStore        *store,
                GHashTable        *guids,
                GError           **error)
{
  static const AtlasReleaseField fields[] = {
    ATLAS_RELEASE_TITLE, ATLAS_RELEASE_LINK, ATLAS_RELEASE_SOURCE, ATLAS_RELEASE_AUTHOR,
    ATLAS_RELEASE_BODY,
  };
  g_autoptr(AtlasListModel) model = atlas_list_model_new (store, ATLAS_RECORD_RELEASE);
  gboolean ok = xmlTextWriterStartElement (w, BAD_CAST "releases") >= 0;

  for (guint i = 0; ok && i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(AtlasRelease) r = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autoptr(GArray) links = atlas_store_get_release_links (store, atlas_release_get_id (r), error);
      g_autofree char *published = iso_utc (atlas_release_get_published (r));
      g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT, atlas_release_get_version (r));

      if (links == NULL)
        return FALSE;

      g_hash_table_insert (guids, GINT_TO_POINTER (atlas_release_get_id (r)),
                           g_strdup (atlas_release_get_field (r, ATLAS_RELEASE_GUID)));

      ok = xmlTextWriterStartElement (w, BAD_CAST "release") >= 0 &&
           xmlTextWriterWriteAttribute (w, BAD_CAST "guid", BAD_CAST atlas_release_get_field (r, ATLAS_RELEASE_GUID)) >= 0 &&
           xmlTextWriterWriteAttribute (w, BAD_CAST "format", BAD_CAST atlas_release_get_field (r, ATLAS_RELEASE_FORMAT)) >= 0 &&
           xmlTextWriterWriteAttribute (w, BAD_CAST "published", BAD_CAST published) >= 0 &&
           xmlTextWriterWriteAttribute (w, BAD_CAST "version", BAD_CAST version) >= 0;
      if (ok && atlas_release_get_updated (r) > 0)
        {
          g_autofree char *updated = iso_utc (atlas_release_get_updated (r));

          ok = xmlTextWriterWriteAttribute (w, BAD_CAST "updated", BAD_CAST updated) >= 0;
        }
      for (guint f = 0; ok && f < G_N_ELEMENTS (fields); f++)
        ok = write_field (w, atlas_release_field_name (fields[f]), atlas_release_get_field (r, fields[f])) >= 0;
      for (guint l = 0; ok && l < links->len; l++)
        {
          AtlasReleaseLink *link = &g_array_index (links, AtlasReleaseLink, l);

          ok = xmlTextWriterStartElement (w, BAD_CAST "centre") >= 0 &&
               xmlTextWriterWriteAttribute (w, BAD_CAST "ags", BAD_CAST link->ags) >= 0 &&
               xmlTextWriterWriteAttribute (w, BAD_CAST "role", BAD_CAST (link->visited ? "visited" : "mentioned")) >= 0 &&
               (!link->confirmed || xmlTextWriterWriteAttribute (w, BAD_CAST "confirmed", BAD_CAST "true") >= 0) &&
               xmlTextWriterEndElement (w) >= 0;
        }
      ok = ok && xmlTextWriterEndElement (w) >= 0;
    }

  return ok && xmlTextWriterEndElement (w) >= 0;
}

static gboolean
write_visits (xmlTextWriterPtr   w,
              AtlasStore        *store,
              GHashTable        *guids)
{
  static const AtlasVisitField fields[] = { ATLAS_VISIT_TOUR, ATLAS_VISIT_VISITORS, ATLAS_VISIT_NOTES };
  g_autoptr(AtlasListModel) model = atlas_list_model_new (store, ATLAS_RECORD_VISIT);
  gboolean ok = xmlTextWriterStartElement (w, BAD_CAST "visits") >= 0;

  for (guint i = 0; ok && i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(AtlasVisit) v = g_list_model_get_item (G_LIST_MODEL (model), i);
      const char *guid = g_hash_table_lookup (guids, GINT_TO_POINTER (atlas_visit_get_release_id (v)));

      ok = xmlTextWriterStartElement (w, BAD_CAST "visit") >= 0 &&
           xmlTextWriterWriteAttribute (w, BAD_CAST "ags", BAD_CAST atlas_visit_get_field (v, ATLAS_VISIT_AGS)) >= 0 &&
           xmlTextWriterWriteAttribute (w, BAD_CAST "date", BAD_CAST atlas_visit_get_field (v, ATLAS_VISIT_DATE)) >= 0 &&
           xmlTextWriterWriteAttribute (w, BAD_CAST "sort-date", BAD_CAST atlas_visit_get_field (v, ATLAS_VISIT_SORT_DATE)) >= 0 &&
           xmlTextWriterWriteAttribute (w, BAD_CAST "status", BAD_CAST atlas_visit_get_field (v, ATLAS_VISIT_STATUS)) >= 0 &&
           (guid == NULL || xmlTextWriterWriteAttribute (w, BAD_CAST "release", BAD_CAST guid) >= 0);
      for (guint f = 0; ok && f < G_N_ELEMENTS (fields); f++)
        ok = write_field (w, atlas_visit_field_name (fields[f]), atlas_visit_get_field (v, fields[f])) >= 0;
      ok = ok && xmlTextWriterEndElement (w) >= 0;
    }

  return ok && xmlTextWriterEndElement (w) >= 0;
}

/**
 * atlas_native_export:
 * @file: where to write; replaced only once the whole file is written
 *
 * Writes the whole catalogue in the exchange format.
 */
gboolean
atlas_native_export (AtlasStore    *store,
                     GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GHashTable) guids = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *exported = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  WriteTarget target = { 0 };
  xmlOutputBufferPtr out;
  xmlTextWriterPtr w;
  gboolean ok;

  /* g_file_replace writes a temporary file and renames it at close, so a
   * failed export never leaves half a file where a good one was. */
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, error);
  if (stream == NULL)
    return FALSE;

  target.stream = G_OUTPUT_STREAM (stream);
  target.cancellable = cancellable;
  out = xmlOutputBufferCreateIO (write_cb, close_cb, &target, NULL);
  w = xmlNewTextWriter (out);
  xmlTextWriterSetIndent (w, 1);
  xmlTextWriterSetIndentString (w, BAD_CAST "  ");

  ok = xmlTextWriterStartDocument (w, "1.0", "UTF-8", NULL) >= 0 &&
       xmlTextWriterStartElementNS (w, NULL, BAD_CAST "atlas", BAD_CAST ATLAS_NS_NATIVE) >= 0 &&
       xmlTextWriterWriteAttribute (w, BAD_CAST "version", BAD_CAST FORMAT_VERSION) >= 0 &&
       xmlTextWriterWriteAttribute (w, BAD_CAST "exported", BAD_CAST exported) >= 0 &&
       write_centres (w, store) &&
       write_contacts (w, store) &&
       write_releases (w, store, guids, target.error ? NULL : error) &&
       write_visits (w, store, guids) &&
       xmlTextWriterEndDocument (w) >= 0;

  xmlFreeTextWriter (w);

  if (target.error != NULL)
    {
      g_propagate_error (error, target.error);
      target.error = NULL;
      ok = FALSE;
    }
  else if (!ok && error != NULL && *error == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the export"));

  if (!ok)
    {
      /* Closing would put the broken file in place: cancel it instead. */
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);
}

/* Reading ------------------------------------------------------------------ */

static gboolean
want_native (const char *ns,
             const char *name,
             int         depth)
{
  return g_strcmp0 (ns, ATLAS_NS_NATIVE) == 0 && depth == 2 &&
         (g_str_equal (name, "centre") || g_str_equal (name, "contact") ||
          g_str_equal (name, "release") || g_str_equal (name, "visit"));
}

static char *
child_text (xmlNode    *node,
            const char *name)
{
  xmlNode *child = atlas_node_child (node, ATLAS_NS_NATIVE, name);
  g_autoptr(GString) text = NULL;

  if (child == NULL)
    return g_strdup ("");

  /* Text as written: bodies keep their paragraphs. */
  text = g_string_new (NULL);
  for (xmlNode *c = child->children; c != NULL; c = c->next)
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
      g_string_append (text, (const char *) c->content);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
native_invalid (GError    **error,
                const char *what)
{
  g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_INVALID,
               _("The exchange file is not valid: %s"), what);
  return FALSE;
}

static gboolean
handle_centre (AtlasParseContext  *ctx,
               xmlNode            *node,
               GError            **error)
{
  g_autofree char *ags = atlas_node_attr (node, "ags");
  g_autoptr(AtlasCentre) centre = NULL;
  gboolean changed = FALSE;

  if (ags == NULL)
    return native_invalid (error, _("a centre has no AGS"));

  centre = atlas_store_get_centre_by_ags (ctx->store, ags, error);
  if (centre == NULL)
    return FALSE;

  for (guint f = ATLAS_CENTRE_NAME; f < ATLAS_CENTRE_N_FIELDS; f++)
    {
      g_autofree char *value = child_text (node, atlas_centre_field_name (f));

      if (g_strcmp0 (atlas_centre_get_field (centre, f), value) == 0)
        continue;
      atlas_centre_set_field (centre, f, value);
      changed = TRUE;
    }

  /* A centre the file has as the catalogue has it is not written (nor
   * counted, nor announced). */
  if (!changed)
    return TRUE;
  if (!atlas_store_update_centre (ctx->store, centre, error))
    return FALSE;
  ctx->n_centres++;
  return TRUE;
}

static gboolean
handle_contact (AtlasParseContext  *ctx,
                xmlNode            *node,
                GError            **error)
{
  g_autofree char *ags = atlas_node_attr (node, "centre");
  g_autoptr(AtlasContact) contact = atlas_contact_new ();
  gint64 existing;

  for (guint f = ATLAS_CONTACT_HONORIFIC; f < ATLAS_CONTACT_N_FIELDS; f++)
    if (f != ATLAS_CONTACT_CENTRE_AGS)
      {
        g_autofree char *value = child_text (node, atlas_contact_field_name (f));

        atlas_contact_set_field (contact, f, value);
      }

  if (ags != NULL && *ags != '\0')
    {
      g_autoptr(AtlasCentre) centre = atlas_store_get_centre_by_ags (ctx->store, ags, error);

      if (centre == NULL)
        return FALSE;
      atlas_contact_set_centre_id (contact, atlas_centre_get_id (centre));
    }

  /* The same person imported twice stays one contact. */
  if (!atlas_store_find_contact (ctx->store, contact, &existing, error))
    return FALSE;
  if (existing != 0)
    return TRUE;

  if (atlas_store_insert_contact (ctx->store, contact, error) <= 0)
    return FALSE;
  ctx->n_contacts++;
  return TRUE;
}

static gboolean
handle_release (AtlasParseContext  *ctx,
                xmlNode            *node,
                int                 line,
                GError            **error)
{
  static const AtlasReleaseField fields[] = {
    ATLAS_RELEASE_TITLE, ATLAS_RELEASE_LINK, ATLAS_RELEASE_SOURCE, ATLAS_RELEASE_AUTHOR,
    ATLAS_RELEASE_BODY,
  };
  g_autoptr(AtlasRelease) release = atlas_release_new ();
  g_autoptr(GArray) links = g_array_new (FALSE, TRUE, sizeof (AtlasReleaseLink));
  g_autofree char *guid = atlas_node_attr (node, "guid");
  g_autofree char *format = atlas_node_attr (node, "format");
  g_autofree char *published = atlas_node_attr (node, "published");
  g_autofree char *updated = atlas_node_attr (node, "updated");
  g_autofree char *version = atlas_node_attr (node, "version");
  gint64 t;

  atlas_release_set_field (release, ATLAS_RELEASE_GUID, guid);
  atlas_release_set_field (release, ATLAS_RELEASE_FORMAT, format ? format : "native");
  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    {
      g_autofree char *value = child_text (node, atlas_release_field_name (fields[f]));

      atlas_release_set_field (release, fields[f], value);
    }
  if (published != NULL && atlas_date_parse_iso8601 (published, &t))
    atlas_release_set_published (release, t);
  else if (published != NULL)
    g_object_set_data_full (G_OBJECT (release), "atlas-bad-date", g_strdup (published), g_free);
  if (updated != NULL && atlas_date_parse_iso8601 (updated, &t))
    atlas_release_set_updated (release, t);
  if (version != NULL)
    atlas_release_set_version (release, g_ascii_strtoll (version, NULL, 10));

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *ags = NULL;
      g_autofree char *role = NULL;
      g_autofree char *confirmed = NULL;
      AtlasReleaseLink link = { { 0 }, 0, 0 };

      if (!atlas_node_is (child, ATLAS_NS_NATIVE, "centre"))
        continue;
      ags = atlas_node_attr (child, "ags");
      role = atlas_node_attr (child, "role");
      confirmed = atlas_node_attr (child, "confirmed");
      if (ags == NULL)
        return native_invalid (error, _("a release links a centre without AGS"));
      g_strlcpy (link.ags, ags, sizeof link.ags);
      link.visited = g_strcmp0 (role, "visited") == 0;
      link.confirmed = g_strcmp0 (confirmed, "true") == 0;
      g_array_append_val (links, link);
    }

  /* The links come from the file, not from detection. */
  g_object_set_data_full (G_OBJECT (release), "atlas-links", g_steal_pointer (&links),
                          (GDestroyNotify) g_array_unref);

  return ctx->sink (release, line, ctx->sink_data, error);
}

static gboolean
handle_visit (AtlasParseContext  *ctx,
              xmlNode            *node,
              GError            **error)
{
  static const AtlasVisitField fields[] = { ATLAS_VISIT_TOUR, ATLAS_VISIT_VISITORS, ATLAS_VISIT_NOTES };
  g_autofree char *ags = atlas_node_attr (node, "ags");
  g_autofree char *date = atlas_node_attr (node, "date");
  g_autofree char *status = atlas_node_attr (node, "status");
  g_autofree char *guid = atlas_node_attr (node, "release");
  g_autoptr(AtlasCentre) centre = NULL;
  g_autoptr(AtlasVisit) visit = atlas_visit_new ();
  gint64 existing;

  /* The file's sort-date is for other readers: the store computes the
   * tour's order from the date, as for every visit saved. */
  if (ags == NULL || date == NULL || status == NULL)
    return native_invalid (error, _("a visit lacks its centre, date or status"));

  centre = atlas_store_get_centre_by_ags (ctx->store, ags, error);
  if (centre == NULL)
    return FALSE;

  if (!atlas_store_find_visit (ctx->store, atlas_centre_get_id (centre), date, &existing, error))
    return FALSE;
  if (existing != 0)
    return TRUE;

  atlas_visit_set_centre_id (visit, atlas_centre_get_id (centre));
  atlas_visit_set_field (visit, ATLAS_VISIT_DATE, date);
  atlas_visit_set_field (visit, ATLAS_VISIT_STATUS, status);
  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    {
      g_autofree char *value = child_text (node, atlas_visit_field_name (fields[f]));

      atlas_visit_set_field (visit, fields[f], value);
    }

  if (guid != NULL)
    {
      gint64 id = 0, version, updated;

      if (!atlas_store_find_release (ctx->store, guid, NULL, NULL, &id, &version, &updated, error))
        return FALSE;
      atlas_visit_set_release_id (visit, id);
    }

  if (atlas_store_save_visit (ctx->store, visit, error) == 0)
    return FALSE;
  ctx->n_visits++;
  return TRUE;
}

static gboolean
handle_native (AtlasParseContext  *ctx,
               xmlNode            *node,
               int                 line,
               GError            **error)
{
  const char *name = (const char *) node->name;

  if (g_str_equal (name, "centre"))
    return handle_centre (ctx, node, error);
  if (g_str_equal (name, "contact"))
    return handle_contact (ctx, node, error);
  if (g_str_equal (name, "release"))
    return handle_release (ctx, node, line, error);
  return handle_visit (ctx, node, error);
}

gboolean
atlas_parse_native (AtlasParseContext  *ctx,
                    GError            **error)
{
  xmlTextReaderPtr r = atlas_xml_reader_get (ctx->reader);
  xmlChar *attr = xmlTextReaderGetAttribute (r, BAD_CAST "version");
  g_autofree char *version = g_strdup ((const char *) attr);

  xmlFree (attr);
  if (g_strcmp0 (version, FORMAT_VERSION) != 0)
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_UNKNOWN_FORMAT,
                   _("This exchange file has version “%s”; this Integrationsatlas reads version %s"),
                   version ? version : "?", FORMAT_VERSION);
      return FALSE;
    }

  return atlas_parse_each_element (ctx, want_native, handle_native, error);
}
