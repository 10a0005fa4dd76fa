/* atlas-importer.c: press release files into the catalogue
 *
 * The format is told by the root element and its namespace, never by the
 * file name. A file is imported whole or not at all: one transaction, and
 * an error of the file (not well-formed, unsafe) or of the catalogue rolls
 * everything back. Items are judged one by one: one the importer cannot
 * understand (no title, no date anywhere, an impossible date) is left out
 * and listed with its line and the reason; the others import. The same release imported again is
 * recognised by its guid, else its link, else a hash of title and date, and
 * skipped, unless it is a newer version (NewsML-G2 version, Atom updated),
 * which replaces the stored one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "atlas-date.h"
#include "atlas-detect.h"
#include "atlas-importer.h"
#include "atlas-native.h"
#include "atlas-parse.h"
#include "atlas-store-private.h"

typedef struct {
  AtlasStore *store;
  AtlasImportResult *result;
  int item_line;
  GHashTable *centre_ids;  /* AGS → id, looked up once per file */
} ImportContext;

static gint64
centre_id (ImportContext  *ctx,
           const char     *ags,
           GError        **error)
{
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (ctx->centre_ids, ags));

  if (id == 0)
    g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_NOT_FOUND,
                 _("There is no centre for the district key “%s”"), ags);
  return id;
}

static void
skip_free (AtlasImportSkip *skip)
{
  g_free (skip->reason);
  g_free (skip);
}

void
atlas_import_result_clear (AtlasImportResult *result)
{
  g_clear_pointer (&result->skipped, g_ptr_array_unref);
  g_clear_pointer (&result->detail, g_free);
  g_clear_pointer (&result->path, g_free);
  g_clear_pointer (&result->format, g_free);
  g_clear_error (&result->error);
  memset (result, 0, sizeof *result);
}

static char *
content_hash (AtlasRelease *release)
{
  g_autofree char *key = g_strdup_printf ("%s\n%" G_GINT64_FORMAT,
                                          atlas_release_get_field (release, ATLAS_RELEASE_TITLE),
                                          atlas_release_get_published (release));

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
}

/* What detection found in a release, worked out ahead of storing it (by
 * the parsing thread, see import_piped()). */
typedef struct {
  GArray *mentions;  /* (element-type AtlasCentreMention) */
  char *visitors;
} Detected;

static void
detected_free (gpointer data)
{
  Detected *detected = data;

  g_array_unref (detected->mentions);
  g_free (detected->visitors);
  g_free (detected);
}

static GArray *
detect (AtlasRelease *release)
{
  return atlas_detect_release (atlas_release_get_field (release, ATLAS_RELEASE_TITLE),
                               atlas_release_get_field (release, ATLAS_RELEASE_BODY),
                               atlas_release_get_field (release, ATLAS_RELEASE_SOURCE),
                               atlas_release_get_published (release));
}

static char *
find_visitors (AtlasRelease *release)
{
  g_autofree char *text = g_strconcat (atlas_release_get_field (release, ATLAS_RELEASE_TITLE), "\n\n",
                                       atlas_release_get_field (release, ATLAS_RELEASE_BODY), NULL);

  return atlas_detect_visitors (text);
}

/* A suggested visit for each centre the release reports visiting (or
 * announces: accepted, it becomes planned), on the day detection found,
 * with the sentence that says so; or the release as one more source of
 * the visit that centre has on that day. */
static gboolean
suggest_visits (ImportContext  *ctx,
                AtlasRelease   *release,
                GArray         *mentions,
                GError        **error)
{
  Detected *detected = g_object_get_data (G_OBJECT (release), "atlas-detected");
  g_autofree char *visitors = NULL;

  if (detected != NULL)
    visitors = g_strdup (detected->visitors);
  else
    visitors = find_visitors (release);

  for (guint i = 0; i < mentions->len; i++)
    {
      AtlasCentreMention *m = &g_array_index (mentions, AtlasCentreMention, i);
      g_autoptr(AtlasVisit) visit = NULL;
      gint64 existing, centre;

      if (m->visit == ATLAS_DETECT_VISIT_NONE)
        continue;

      if ((centre = centre_id (ctx, m->ags, error)) == 0)
        return FALSE;

      /* Another release about the same visit is one more source of it. */
      if (!atlas_store_find_visit (ctx->store, centre, m->day, &existing, error))
        return FALSE;
      if (existing > 0)
        {
          if (!atlas_store_add_visit_source (ctx->store, existing, atlas_release_get_id (release), error))
            return FALSE;
          continue;
        }

      visit = atlas_visit_new ();
      atlas_visit_set_centre_id (visit, centre);
      atlas_visit_set_release_id (visit, atlas_release_get_id (release));
      atlas_visit_set_field (visit, ATLAS_VISIT_DATE, m->day);
      atlas_visit_set_field (visit, ATLAS_VISIT_STATUS, "suggested");
      atlas_visit_set_field (visit, ATLAS_VISIT_VISITORS, visitors);
      if (atlas_store_save_visit (ctx->store, visit, error) == 0 ||
          !atlas_store_set_visit_evidence (ctx->store, atlas_visit_get_id (visit), m->visit_evidence,
                                           m->visit_confidence, m->visit == ATLAS_DETECT_VISIT_PLANNED, error))
        return FALSE;
      ctx->result->n_visits++;
    }

  return TRUE;
}

/* Links from the exchange format, kept as they were. */
static gboolean
link_given_centres (ImportContext  *ctx,
                    AtlasRelease   *release,
                    GArray         *links,
                    GError        **error)
{
  for (guint i = 0; i < links->len; i++)
    {
      AtlasReleaseLink *link = &g_array_index (links, AtlasReleaseLink, i);
      gint64 centre = centre_id (ctx, link->ags, error);

      if (centre == 0 ||
          !atlas_store_link_release_full (ctx->store, atlas_release_get_id (release),
                                          centre, link->visited, link->confirmed, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
link_centres (ImportContext  *ctx,
              AtlasRelease   *release,
              GError        **error)
{
  GArray *given = g_object_get_data (G_OBJECT (release), "atlas-links");
  Detected *detected = g_object_get_data (G_OBJECT (release), "atlas-detected");
  g_autoptr(GArray) mentions = NULL;

  if (given != NULL)
    return link_given_centres (ctx, release, given, error);

  mentions = detected != NULL ? g_array_ref (detected->mentions) : detect (release);

  for (guint i = 0; i < mentions->len; i++)
    {
      AtlasCentreMention *m = &g_array_index (mentions, AtlasCentreMention, i);
      gint64 centre = centre_id (ctx, m->ags, error);

      if (centre == 0 ||
          !atlas_store_link_release (ctx->store, atlas_release_get_id (release), centre, m->visited, error) ||
          !atlas_store_set_link_evidence (ctx->store, atlas_release_get_id (release), centre,
                                          m->evidence, m->confidence, error))
        return FALSE;
    }

  return suggest_visits (ctx, release, mentions, error);
}

/* Leaves the current item out, with why; the rest of the file goes on. */
static gboolean
skip_item (ImportContext *ctx,
           const char    *reason)
{
  AtlasImportSkip *skip = g_new0 (AtlasImportSkip, 1);

  skip->line = ctx->item_line;
  skip->reason = g_strdup (reason);
  if (ctx->result->skipped == NULL)
    ctx->result->skipped = g_ptr_array_new_with_free_func ((GDestroyNotify) skip_free);
  g_ptr_array_add (ctx->result->skipped, skip);
  ctx->result->n_skipped++;
  return TRUE;
}

static gboolean
store_release (AtlasRelease  *release,
               int            line,
               gpointer       user_data,
               GError       **error)
{
  ImportContext *ctx = user_data;
  g_autofree char *hash = NULL;
  const char *guid;
  gint64 id, version, updated;

  ctx->item_line = line;

  /* Items that carry no text at all (and pictures) are passed over. */
  if (g_object_get_data (G_OBJECT (release), "atlas-skip") != NULL)
    return skip_item (ctx, _("a picture or other item without text"));
  if (*atlas_release_get_field (release, ATLAS_RELEASE_TITLE) == '\0' &&
      *atlas_release_get_field (release, ATLAS_RELEASE_BODY) == '\0')
    return skip_item (ctx, _("an item without title or text"));
  if (*atlas_release_get_field (release, ATLAS_RELEASE_TITLE) == '\0')
    return skip_item (ctx, _("an item without a title"));

  /* No date, or an impossible one: the text may still say when. */
  if (atlas_release_get_published (release) == 0)
    {
      const char *bad = g_object_get_data (G_OBJECT (release), "atlas-bad-date");
      g_autofree char *text = g_strconcat (atlas_release_get_field (release, ATLAS_RELEASE_TITLE), "\n\n",
                                           atlas_release_get_field (release, ATLAS_RELEASE_BODY), NULL);
      GDate day;

      if (!atlas_date_from_german_text (text, 0, &day))
        {
          g_autofree char *message = NULL;

          if (bad != NULL)
            message = g_strdup_printf (_("“%s”: the date “%s” is not a possible date"),
                                       atlas_release_get_field (release, ATLAS_RELEASE_TITLE), bad);
          else
            message = g_strdup_printf (_("“%s” has no date, and its text names none"),
                                       atlas_release_get_field (release, ATLAS_RELEASE_TITLE));
          return skip_item (ctx, message);
        }

      /* Midday in Germany, so the day is the same in any time zone here. */
      {
        g_autoptr(GDateTime) noon = g_date_time_new_utc (g_date_get_year (&day), g_date_get_month (&day),
                                                         g_date_get_day (&day), 10, 0, 0);

        atlas_release_set_published (release, g_date_time_to_unix (noon));
      }
    }

  hash = content_hash (release);
  atlas_release_set_field (release, ATLAS_RELEASE_CONTENT_HASH, hash);

  /* Without a guid the link identifies a release, else its title and date. */
  guid = atlas_release_get_field (release, ATLAS_RELEASE_GUID);
  if (*guid == '\0')
    {
      const char *link = atlas_release_get_field (release, ATLAS_RELEASE_LINK);
      g_autofree char *made = *link ? g_strdup (link) : g_strconcat ("urn:sha256:", hash, NULL);

      atlas_release_set_field (release, ATLAS_RELEASE_GUID, made);
    }

  if (!atlas_store_find_release (ctx->store, atlas_release_get_field (release, ATLAS_RELEASE_GUID),
                                 atlas_release_get_field (release, ATLAS_RELEASE_LINK), hash,
                                 &id, &version, &updated, error))
    return FALSE;
  if (id != 0)
    {
      gboolean newer = atlas_release_get_version (release) > version ||
                       (atlas_release_get_updated (release) > 0 && atlas_release_get_updated (release) > updated);

      if (!newer)
        {
          ctx->result->n_known++;
          return TRUE;
        }

      if (!atlas_store_update_release (ctx->store, id, release, error) ||
          !atlas_store_unlink_release (ctx->store, id, error) ||
          !link_centres (ctx, release, error))
        return FALSE;
      ctx->result->n_updated++;
      return TRUE;
    }

  if (atlas_store_insert_release (ctx->store, release, error) == 0 ||
      !link_centres (ctx, release, error))
    return FALSE;

  ctx->result->n_new++;
  return TRUE;
}

typedef gboolean (*ParseFunc) (AtlasParseContext *ctx, GError **error);

static ParseFunc
detect_format (xmlTextReaderPtr   reader,
               const char       **format)
{
  const char *name = (const char *) xmlTextReaderConstLocalName (reader);
  const char *ns = (const char *) xmlTextReaderConstNamespaceUri (reader);

  if (g_strcmp0 (name, "rss") == 0 && atlas_ns_is_rss (ns))
    return *format = "rss2", atlas_parse_rss;
  if (g_strcmp0 (name, "RDF") == 0 && g_strcmp0 (ns, ATLAS_NS_RDF) == 0)
    return *format = "rss1", atlas_parse_rss;
  if (g_strcmp0 (name, "feed") == 0 &&
      (g_strcmp0 (ns, ATLAS_NS_ATOM) == 0 || g_strcmp0 (ns, ATLAS_NS_ATOM03) == 0))
    return *format = "atom", atlas_parse_atom;
  if (g_strcmp0 (name, "nitf") == 0 && (ns == NULL || g_strcmp0 (ns, ATLAS_NS_NITF) == 0))
    return *format = "nitf", atlas_parse_nitf;
  if ((g_strcmp0 (name, "newsItem") == 0 || g_strcmp0 (name, "newsMessage") == 0) &&
      g_strcmp0 (ns, ATLAS_NS_NEWSML) == 0)
    return *format = "newsml", atlas_parse_newsml;
  if (g_strcmp0 (name, "atlas") == 0 && g_strcmp0 (ns, ATLAS_NS_NATIVE) == 0)
    return *format = "native", atlas_parse_native;

  *format = NULL;
  return NULL;
}

/* Parsing in one thread, storing in the calling one ------------------------ */

/* The parsers, the HTML to text and the detection need no catalogue: they
 * run in a thread of their own while the calling thread stores what they
 * finished, in the file's order (bench/README.md). At most PIPE_DEPTH
 * releases wait in between, so memory stays bounded whatever the file's
 * size.
 *
 * The storing thread adds every INDEX_BATCH releases to the search index
 * (atlas_store_fts_flush()) instead of all of them at the commit, when
 * the parser has finished and the second core would idle. FTS5 writes
 * each batch out as one segment at the next statement with a savepoint;
 * batches of 1,000 cost a little merging and keep the index's hash small
 * (peak memory of 30,000 items 40 instead of 56 MiB). Meanwhile the
 * parser fills the pipe, which is deep enough for it to go on. */
#define PIPE_DEPTH 512
#define INDEX_BATCH 1000
/* The parser detects ahead once this many releases wait (pipe_sink()). */
#define DETECT_AHEAD 8
#define PIPE_SLOT GINT_TO_POINTER (1)

typedef struct {
  AtlasRelease *release;  /* NULL: the parser has finished */
  int line;
} Piped;

typedef struct {
  GAsyncQueue *items;  /* (element-type Piped): parser → store */
  GAsyncQueue *slots;  /* free places: store → parser */
  gint stop;           /* the store failed: the parser stops at the next release */
  AtlasParseContext *parse;
  ParseFunc parse_func;
  gboolean parsed;
  GError *parse_error;
} Pipe;

static gboolean
pipe_sink (AtlasRelease  *release,
           int            line,
           gpointer       user_data,
           GError       **error)
{
  Pipe *pipe = user_data;
  Piped *item;

  /* Detection ahead, for the releases store_release() will detect in as
   * they are (a release without a date gets one from its text first),
   * while releases wait to be stored: when none wait, the storing thread
   * has time to spare and detects them itself. So the two threads share
   * the work whatever it costs on either side. */
  if (g_async_queue_length (pipe->items) >= DETECT_AHEAD &&
      g_object_get_data (G_OBJECT (release), "atlas-skip") == NULL &&
      g_object_get_data (G_OBJECT (release), "atlas-links") == NULL &&
      *atlas_release_get_field (release, ATLAS_RELEASE_TITLE) != '\0' &&
      atlas_release_get_published (release) != 0)
    {
      Detected *detected = g_new0 (Detected, 1);

      detected->mentions = detect (release);
      detected->visitors = find_visitors (release);
      g_object_set_data_full (G_OBJECT (release), "atlas-detected", detected, detected_free);
    }

  g_async_queue_pop (pipe->slots);
  if (g_atomic_int_get (&pipe->stop))
    {
      /* Never shown: import_piped() reports the store's error instead. */
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The import stopped");
      return FALSE;
    }
  item = g_new (Piped, 1);
  item->release = g_object_ref (release);
  item->line = line;
  g_async_queue_push (pipe->items, item);
  return TRUE;
}

static gpointer
parse_thread (gpointer data)
{
  Pipe *pipe = data;

  pipe->parsed = pipe->parse_func (pipe->parse, &pipe->parse_error);
  g_async_queue_push (pipe->items, g_new0 (Piped, 1));
  return NULL;
}

/* Like parse_func (parse, error) with store_release() as its sink. */
static gboolean
import_piped (ImportContext      *ctx,
              AtlasParseContext  *parse,
              ParseFunc           parse_func,
              GError            **error)
{
  Pipe pipe = { g_async_queue_new (), g_async_queue_new (), 0, parse, parse_func, FALSE, NULL };
  g_autoptr(GError) store_error = NULL;
  gboolean stored = TRUE;
  GThread *thread;
  guint n_stored = 0;

  for (guint i = 0; i < PIPE_DEPTH; i++)
    g_async_queue_push (pipe.slots, PIPE_SLOT);
  parse->sink = pipe_sink;
  parse->sink_data = &pipe;
  thread = g_thread_new ("atlas-import-parse", parse_thread, &pipe);

  for (;;)
    {
      Piped *item = g_async_queue_pop (pipe.items);

      if (item->release == NULL)
        {
          g_free (item);
          break;
        }
      if (stored && !store_release (item->release, item->line, ctx, &store_error))
        {
          stored = FALSE;
          g_atomic_int_set (&pipe.stop, 1);
        }
      else if (stored && ++n_stored % INDEX_BATCH == 0 &&
               !atlas_store_fts_flush (ctx->store, &store_error))
        {
          stored = FALSE;
          g_atomic_int_set (&pipe.stop, 1);
        }
      g_object_unref (item->release);
      g_free (item);
      /* Once stopped, the parser must not wait for room. */
      g_async_queue_push (pipe.slots, PIPE_SLOT);
    }

  g_thread_join (thread);
  g_async_queue_unref (pipe.items);
  g_async_queue_unref (pipe.slots);

  if (!stored)
    {
      g_clear_error (&pipe.parse_error);
      g_propagate_error (error, g_steal_pointer (&store_error));
      return FALSE;
    }
  if (!pipe.parsed)
    {
      g_propagate_error (error, pipe.parse_error);
      return FALSE;
    }
  return TRUE;
}

static void
reject (AtlasImportResult *result,
        AtlasXmlReader    *reader,
        GError            *error)  /* (transfer full) */
{
  result->rejected = TRUE;
  if (result->line == 0 && reader != NULL &&
      (error->domain == ATLAS_IMPORT_ERROR && error->code != ATLAS_IMPORT_ERROR_INVALID))
    atlas_xml_reader_get_position (reader, &result->line, &result->column);
  if (reader != NULL && error->domain == ATLAS_IMPORT_ERROR && atlas_xml_reader_get_detail (reader) != NULL)
    result->detail = g_strdup (atlas_xml_reader_get_detail (reader));

  /* The catalogue's own failure: say so, with SQLite's words as details. */
  if (error->domain == ATLAS_STORE_ERROR && error->code != ATLAS_STORE_ERROR_NOT_FOUND)
    {
      GError *wrapped = g_error_new (ATLAS_STORE_ERROR, error->code,
                                     _("The catalogue could not be written: %s"), error->message);

      result->detail = g_strdup (error->message);
      result->line = result->column = 0;
      g_error_free (error);
      error = wrapped;
    }
  result->error = error;
}

/**
 * atlas_import_stream:
 * @display_name: how messages name the file
 * @result: (out caller-allocates): what happened, also on failure
 *
 * Returns: %TRUE when the file was imported, %FALSE when it was rejected
 *   (and nothing of it was kept)
 */
gboolean
atlas_import_stream (AtlasStore        *store,
                     GInputStream      *stream,
                     const char        *display_name,
                     GCancellable      *cancellable,
                     AtlasImportResult *result)
{
  g_autoptr(AtlasXmlReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) centre_ids = NULL;
  ImportContext ctx = { store, result, 0, NULL };
  AtlasParseContext parse = { 0 };
  const char *format = NULL;
  ParseFunc parse_func;

  memset (result, 0, sizeof *result);
  result->path = g_strdup (display_name);

  reader = atlas_xml_reader_new (stream, display_name, cancellable);
  if (!atlas_xml_reader_start_element (reader, &error))
    {
      reject (result, reader, g_steal_pointer (&error));
      return FALSE;
    }

  parse_func = detect_format (atlas_xml_reader_get (reader), &format);
  if (parse_func == NULL)
    {
      const char *root = (const char *) xmlTextReaderConstLocalName (atlas_xml_reader_get (reader));

      if (g_ascii_strcasecmp (root, "html") == 0)
        error = g_error_new (ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_UNKNOWN_FORMAT,
                             _("This is a web page, not a press release file"));
      else
        error = g_error_new (ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_UNKNOWN_FORMAT,
                             _("Not a known press release format (the root element is “%s”); "
                               "the known ones are RSS, Atom, NITF, NewsML-G2 and the Integrationsatlas exchange format"), root);
      reject (result, reader, g_steal_pointer (&error));
      return FALSE;
    }
  result->format = g_strdup (format);

  parse.store = store;
  parse.reader = reader;
  parse.sink = store_release;
  parse.sink_data = &ctx;

  if (!atlas_store_begin (store, &error) ||
      !(ctx.centre_ids = centre_ids = atlas_store_get_centre_ids (store, &error)))
    {
      atlas_store_rollback (store);
      reject (result, NULL, g_steal_pointer (&error));
      return FALSE;
    }

  /* The exchange format writes visits itself, as it reads: it stays in
   * this thread. */
  if (!(parse_func == atlas_parse_native ? parse_func (&parse, &error)
                                         : import_piped (&ctx, &parse, parse_func, &error)) ||
      !atlas_store_commit (store, &error))
    {
      atlas_store_rollback (store);
      g_free (parse.feed_title);
      g_free (parse.feed_link);
      result->n_new = result->n_updated = result->n_known = result->n_skipped = result->n_visits = 0;
      result->n_centres = result->n_contacts = 0;
      g_clear_pointer (&result->skipped, g_ptr_array_unref);
      reject (result, reader, g_steal_pointer (&error));
      return FALSE;
    }
  g_free (parse.feed_title);
  g_free (parse.feed_link);
  result->n_visits += parse.n_visits;
  result->n_centres = parse.n_centres;
  result->n_contacts = parse.n_contacts;
  /* What the window must show anew: exactly what was written. */
  result->changed = (result->n_new + result->n_updated > 0 ? ATLAS_RECORD_BIT (ATLAS_RECORD_RELEASE) : 0) |
                    /* a visit shows its release's title and evidence */
                    (result->n_visits + result->n_new + result->n_updated > 0 ? ATLAS_RECORD_BIT (ATLAS_RECORD_VISIT) : 0) |
                    (result->n_centres > 0 ? ATLAS_RECORD_BIT (ATLAS_RECORD_CENTRE) : 0) |
                    (result->n_contacts > 0 ? ATLAS_RECORD_BIT (ATLAS_RECORD_CONTACT) : 0);

  /* The log is history, not the catalogue: a failure to write it is
   * reported but does not undo the import. */
  if (!atlas_store_log_import (store, display_name, format, result->n_new,
                               result->n_updated, result->n_known + result->n_skipped, &error))
    g_warning ("Could not record the import of %s: %s", display_name, error->message);

  return TRUE;
}

/**
 * atlas_import_file:
 *
 * Like atlas_import_stream() for a file.
 */
gboolean
atlas_import_file (AtlasStore        *store,
                   GFile             *file,
                   const char        *display_name,
                   GCancellable      *cancellable,
                   AtlasImportResult *result)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = display_name ? g_strdup (display_name) : g_file_get_parse_name (file);

  stream = g_file_read (file, cancellable, &error);
  if (stream == NULL)
    {
      memset (result, 0, sizeof *result);
      result->path = g_steal_pointer (&name);
      result->rejected = TRUE;
      result->error = g_steal_pointer (&error);
      return FALSE;
    }

  return atlas_import_stream (store, G_INPUT_STREAM (stream), name, cancellable, result);
}
