/* atlas-xml-reader.c: libxml2's streaming reader, set up for untrusted files
 *
 * What ../shared/RELIABILITY.md measured on libxml2 2.9.14 decides the set-up:
 * - the bytes come through our own read callback from a GInputStream, never
 *   from a file name, so libxml2 neither gunzips nor opens other files;
 * - no NOENT, DTDLOAD, DTDATTR, DTDVALID, HUGE, RECOVER or XINCLUDE; NONET;
 * - a deny-all external entity loader for the whole process;
 * - a document whose DTD declares entities is rejected before any of them
 *   could be expanded, and entity references are never followed;
 * - every error of level XML_ERR_ERROR or worse rejects the file (libxml2
 *   goes on after some, such as broken namespaces);
 * - limits on size and depth.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/xmlIO.h>

#include "atlas-xml-reader.h"

/* A release nests a few levels; NewsML-G2 with inline NITF maybe twenty. */
#define MAX_DEPTH 64
#define DEFAULT_MAX_BYTES ((goffset) 2 * 1024 * 1024 * 1024)

G_DEFINE_QUARK (atlas-import-error-quark, atlas_import_error)

struct _AtlasXmlReader
{
  xmlTextReaderPtr reader;
  GInputStream *stream;
  GCancellable *cancellable;
  char *name;

  goffset n_bytes;
  goffset max_bytes;
  gboolean first_read;

  /* The first problem found; later ones are consequences. */
  GError *error;
  int error_line;
  int error_column;
  gboolean root_seen;
  /* Asking the reader for its document makes it ours to free. */
  xmlDocPtr doc;
};

static xmlParserInputPtr
deny_entity_loader (const char       *url,
                    const char       *id,
                    xmlParserCtxtPtr  context)
{
  /* Imports read the one file they were given and nothing else. */
  return NULL;
}

/**
 * atlas_xml_init:
 *
 * Sets up libxml2 for the process: the deny-all entity loader. Safe to call
 * from any thread, any number of times.
 */
void
atlas_xml_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      xmlSetExternalEntityLoader (deny_entity_loader);
      g_once_init_leave (&initialized, 1);
    }
}

/* For the tests: the loader in force is ours. */
gboolean
atlas_xml_entity_loader_is_safe (void)
{
  atlas_xml_init ();
  return xmlGetExternalEntityLoader () == deny_entity_loader;
}

static void
set_error (AtlasXmlReader *self,
           int             code,
           int             line,
           int             column,
           const char     *message)
{
  if (self->error != NULL)
    return;

  self->error = g_error_new_literal (ATLAS_IMPORT_ERROR, code, message);
  self->error_line = line;
  self->error_column = column;
}

#if LIBXML_VERSION >= 21200
static void
structured_error_cb (void            *user_data,
                     const xmlError  *err)
#else
static void
structured_error_cb (void      *user_data,
                     xmlErrorPtr err)
#endif
{
  AtlasXmlReader *self = user_data;
  g_autofree char *message = NULL;

  if (err == NULL || err->level < XML_ERR_ERROR)
    return;

  message = g_strchomp (g_strdup (err->message ? err->message : _("XML error")));

  if (err->code == XML_ERR_UNDECLARED_ENTITY || err->code == XML_WAR_UNDECLARED_ENTITY ||
      err->code == XML_ERR_ENTITY_LOOP || err->code == XML_ERR_ENTITY_BOUNDARY)
    set_error (self, ATLAS_IMPORT_ERROR_UNSAFE, err->line, err->int2, message);
  else
    set_error (self, ATLAS_IMPORT_ERROR_MALFORMED, err->line, err->int2, message);
}

static int
read_cb (void *context,
         char *buffer,
         int   len)
{
  AtlasXmlReader *self = context;
  g_autoptr(GError) error = NULL;
  gssize n;

  n = g_input_stream_read (self->stream, buffer, len, self->cancellable, &error);
  if (n < 0)
    {
      if (self->error == NULL)
        {
          self->error = g_steal_pointer (&error);
          self->error_line = 0;
        }
      return -1;
    }

  if (self->first_read && n >= 2)
    {
      guchar b0 = buffer[0], b1 = buffer[1];

      self->first_read = FALSE;
      if ((b0 == 0x1f && b1 == 0x8b) || (b0 == 'P' && b1 == 'K'))
        {
          set_error (self, ATLAS_IMPORT_ERROR_COMPRESSED, 0, 0,
                     _("The file is compressed (gzip or zip), not XML; unpack it first"));
          return -1;
        }
    }

  self->n_bytes += n;
  if (self->n_bytes > self->max_bytes)
    {
      g_autofree char *limit = g_format_size (self->max_bytes);
      g_autofree char *message = g_strdup_printf (_("The file is larger than %s"), limit);

      set_error (self, ATLAS_IMPORT_ERROR_TOO_LARGE, 0, 0, message);
      return -1;
    }

  return (int) n;
}

static int
close_cb (void *context)
{
  return 0;
}

/**
 * atlas_xml_reader_new:
 * @stream: the file's bytes
 * @name: the file's name, for messages
 *
 * Returns: (transfer full): a reader; errors show on the first read
 */
AtlasXmlReader *
atlas_xml_reader_new (GInputStream *stream,
                      const char   *name,
                      GCancellable *cancellable)
{
  AtlasXmlReader *self = g_new0 (AtlasXmlReader, 1);

  atlas_xml_init ();

  self->stream = g_object_ref (stream);
  self->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  self->name = g_strdup (name);
  self->max_bytes = DEFAULT_MAX_BYTES;
  self->first_read = TRUE;

  /* NONET, and nothing that loads or expands anything else. */
  self->reader = xmlReaderForIO (read_cb, close_cb, self, NULL, NULL,
                                 XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES);
  if (self->reader != NULL)
    xmlTextReaderSetStructuredErrorHandler (self->reader, (xmlStructuredErrorFunc) structured_error_cb, self);

  return self;
}

void
atlas_xml_reader_free (AtlasXmlReader *self)
{
  if (self == NULL)
    return;

  if (self->reader != NULL)
    xmlFreeTextReader (self->reader);
  if (self->doc != NULL)
    xmlFreeDoc (self->doc);
  g_clear_object (&self->stream);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->error);
  g_free (self->name);
  g_free (self);
}

xmlTextReaderPtr
atlas_xml_reader_get (AtlasXmlReader *self)
{
  return self->reader;
}

void
atlas_xml_reader_set_max_bytes (AtlasXmlReader *self,
                                goffset         max_bytes)
{
  self->max_bytes = max_bytes;
}

int
atlas_xml_reader_get_line (AtlasXmlReader *self)
{
  return self->reader ? xmlTextReaderGetParserLineNumber (self->reader) : 0;
}

/* Where the first problem was found, or where the reader is. */
void
atlas_xml_reader_get_position (AtlasXmlReader *self,
                               int            *line,
                               int            *column)
{
  if (self->error != NULL && self->error_line > 0)
    {
      *line = self->error_line;
      *column = self->error_column;
    }
  else if (self->reader != NULL)
    {
      *line = xmlTextReaderGetParserLineNumber (self->reader);
      *column = xmlTextReaderGetParserColumnNumber (self->reader);
    }
  else
    {
      *line = 0;
      *column = 0;
    }
}

static gboolean
check_document (AtlasXmlReader  *self,
                GError         **error)
{
  xmlTextReaderPtr r = self->reader;
  int type = xmlTextReaderNodeType (r);

  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;

  if (self->error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->error));
      return FALSE;
    }

  /* The internal subset has been read by the time the root starts: a
   * document that declares entities is refused before any is used. */
  if (type == XML_READER_TYPE_ELEMENT && !self->root_seen)
    {
      xmlDocPtr doc = xmlTextReaderCurrentDoc (r);

      self->doc = doc;
      self->root_seen = TRUE;
      if (doc != NULL && doc->intSubset != NULL &&
          (doc->intSubset->entities != NULL || doc->intSubset->pentities != NULL))
        {
          set_error (self, ATLAS_IMPORT_ERROR_UNSAFE, xmlTextReaderGetParserLineNumber (r), 0,
                     _("The document declares entities, which are not accepted in imports"));
          g_propagate_error (error, g_error_copy (self->error));
          return FALSE;
        }
    }

  if (type == XML_READER_TYPE_ENTITY_REFERENCE)
    {
      set_error (self, ATLAS_IMPORT_ERROR_UNSAFE, xmlTextReaderGetParserLineNumber (r), 0,
                 _("The document refers to an entity, which is not accepted in imports"));
      g_propagate_error (error, g_error_copy (self->error));
      return FALSE;
    }

  if (xmlTextReaderDepth (r) > MAX_DEPTH)
    {
      set_error (self, ATLAS_IMPORT_ERROR_TOO_DEEP, xmlTextReaderGetParserLineNumber (r), 0,
                 _("The document is nested too deeply"));
      g_propagate_error (error, g_error_copy (self->error));
      return FALSE;
    }

  return TRUE;
}

static gboolean
fail_read (AtlasXmlReader  *self,
           GError         **error)
{
  if (self->error == NULL)
    set_error (self, ATLAS_IMPORT_ERROR_MALFORMED, xmlTextReaderGetParserLineNumber (self->reader),
               xmlTextReaderGetParserColumnNumber (self->reader),
               _("The file is not well-formed XML"));
  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;
  g_propagate_error (error, g_error_copy (self->error));
  return FALSE;
}

/**
 * atlas_xml_reader_read:
 *
 * Returns: 1 when a node was read, 0 at the end, -1 on error
 */
int
atlas_xml_reader_read (AtlasXmlReader  *self,
                       GError         **error)
{
  int ret;

  if (self->reader == NULL)
    {
      g_set_error_literal (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED,
                           _("Could not start reading the file"));
      return -1;
    }

  ret = xmlTextReaderRead (self->reader);
  if (ret < 0)
    return fail_read (self, error) ? 0 : -1;
  if (ret == 0)
    {
      /* libxml2 reports some errors only at the end. */
      if (self->error != NULL)
        {
          g_propagate_error (error, g_error_copy (self->error));
          return -1;
        }
      if (!self->root_seen)
        {
          set_error (self, ATLAS_IMPORT_ERROR_MALFORMED, 1, 1, _("The file is empty"));
          g_propagate_error (error, g_error_copy (self->error));
          return -1;
        }
      return 0;
    }

  return check_document (self, error) ? 1 : -1;
}

/* Moves past the current node's subtree. */
gboolean
atlas_xml_reader_next (AtlasXmlReader  *self,
                       GError         **error)
{
  int ret = xmlTextReaderNext (self->reader);

  if (ret < 0)
    return fail_read (self, error);

  return ret == 0 ? (self->error == NULL || fail_read (self, error)) : check_document (self, error);
}

/* Reads forward to the root element. */
gboolean
atlas_xml_reader_start_element (AtlasXmlReader  *self,
                                GError         **error)
{
  int ret;

  while ((ret = atlas_xml_reader_read (self, error)) == 1)
    if (xmlTextReaderNodeType (self->reader) == XML_READER_TYPE_ELEMENT)
      return TRUE;

  if (ret == 0)
    g_set_error_literal (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED,
                         _("The file has no root element"));
  return FALSE;
}

/**
 * atlas_xml_reader_expand:
 *
 * Reads the current element's subtree into memory (it stays valid until
 * the reader moves on). Memory is bounded by one item, not the file.
 *
 * Returns: (transfer none) (nullable): the element
 */
xmlNode *
atlas_xml_reader_expand (AtlasXmlReader  *self,
                         GError         **error)
{
  xmlNode *node = xmlTextReaderExpand (self->reader);

  if (node == NULL || self->error != NULL)
    {
      fail_read (self, error);
      return NULL;
    }

  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return NULL;

  return node;
}
