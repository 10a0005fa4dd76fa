/* atlas-xml-reader.h: libxml2's streaming reader, set up for untrusted files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libxml/xmlreader.h>

G_BEGIN_DECLS

#define ATLAS_IMPORT_ERROR (atlas_import_error_quark ())

typedef enum {
  ATLAS_IMPORT_ERROR_MALFORMED,      /* not well-formed XML */
  ATLAS_IMPORT_ERROR_UNSAFE,         /* entity declarations or references */
  ATLAS_IMPORT_ERROR_TOO_LARGE,      /* over the size limit */
  ATLAS_IMPORT_ERROR_TOO_DEEP,       /* nested deeper than any press release */
  ATLAS_IMPORT_ERROR_COMPRESSED,     /* gzip or zip, not XML */
  ATLAS_IMPORT_ERROR_UNKNOWN_FORMAT, /* XML, but not a format we read */
  ATLAS_IMPORT_ERROR_INVALID,        /* a release lacks its title or a date */
  ATLAS_IMPORT_ERROR_NOT_XML,        /* a picture, a PDF, plain text */
  ATLAS_IMPORT_ERROR_TRUNCATED,      /* ends in the middle of the document */
} AtlasImportError;

typedef struct _AtlasXmlReader AtlasXmlReader;

GQuark           atlas_import_error_quark       (void);
void             atlas_xml_init                 (void);
gboolean         atlas_xml_entity_loader_is_safe (void);

AtlasXmlReader  *atlas_xml_reader_new           (GInputStream    *stream,
                                                 const char      *name,
                                                 GCancellable    *cancellable);
void             atlas_xml_reader_free          (AtlasXmlReader  *self);
xmlTextReaderPtr atlas_xml_reader_get           (AtlasXmlReader  *self);
int              atlas_xml_reader_read          (AtlasXmlReader  *self,
                                                 GError         **error);
gboolean         atlas_xml_reader_next          (AtlasXmlReader  *self,
                                                 GError         **error);
xmlNode         *atlas_xml_reader_expand        (AtlasXmlReader  *self,
                                                 GError         **error);
gboolean         atlas_xml_reader_start_element (AtlasXmlReader  *self,
                                                 GError         **error);
int              atlas_xml_reader_get_line      (AtlasXmlReader  *self);
int              atlas_xml_reader_get_line_offset (AtlasXmlReader *self);
void             atlas_xml_reader_get_position  (AtlasXmlReader  *self,
                                                 int             *line,
                                                 int             *column);
const char      *atlas_xml_reader_get_detail    (AtlasXmlReader  *self);
void             atlas_xml_reader_set_max_bytes (AtlasXmlReader  *self,
                                                 goffset          max_bytes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasXmlReader, atlas_xml_reader_free)

G_END_DECLS
