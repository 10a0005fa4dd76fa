/* atlas-parse-util.c: what the per-format parsers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "atlas-date.h"
#include "atlas-html.h"
#include "atlas-parse.h"

static const char *
node_ns (xmlNode *node)
{
  return node->ns != NULL && node->ns->href != NULL ? (const char *) node->ns->href : NULL;
}

/* @ns NULL matches elements in no namespace only. */
gboolean
atlas_node_is (xmlNode    *node,
               const char *ns,
               const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE &&
         g_strcmp0 ((const char *) node->name, name) == 0 &&
         g_strcmp0 (node_ns (node), ns) == 0;
}

xmlNode *
atlas_node_child (xmlNode    *parent,
                  const char *ns,
                  const char *name)
{
  if (parent == NULL)
    return NULL;

  for (xmlNode *child = parent->children; child != NULL; child = child->next)
    if (atlas_node_is (child, ns, name))
      return child;

  return NULL;
}

/* The first child of @parent with the first of @names that has one. */
xmlNode *
atlas_node_child_any (xmlNode             *parent,
                      const AtlasNodeName *names)
{
  for (const AtlasNodeName *n = names; n->name != NULL; n++)
    {
      xmlNode *child = atlas_node_child (parent, n->ns, n->name);

      if (child != NULL)
        {
          g_autofree char *text = atlas_node_text (child);

          if (*text != '\0' || child->properties != NULL)
            return child;
        }
    }

  return NULL;
}

/**
 * atlas_node_resolve:
 * @node: where @href was found: its xml:base (and its ancestors') applies
 * @base: (nullable): the feed's own link, for what xml:base leaves relative
 *
 * Returns: (transfer full) (nullable): @href resolved (RFC 3986), or as it
 *   is when nothing makes it absolute
 */
char *
atlas_node_resolve (xmlNode    *node,
                    const char *base,
                    const char *href)
{
  g_autofree char *xml_base = NULL;
  g_autofree char *full_base = NULL;
  xmlChar *b;
  char *resolved;

  /* An empty reference is the base itself (RFC 3986, 5.2.2). */
  if (href == NULL)
    return NULL;
  if (*href != '\0' && g_uri_is_valid (href, G_URI_FLAGS_NONE, NULL))
    return g_strdup (href);

  b = node != NULL ? xmlNodeGetBase (node->doc, node) : NULL;
  if (b != NULL)
    {
      xml_base = g_strdup ((const char *) b);
      xmlFree (b);
    }

  if (xml_base != NULL && g_uri_is_valid (xml_base, G_URI_FLAGS_NONE, NULL))
    full_base = g_steal_pointer (&xml_base);
  else if (base != NULL && g_uri_is_valid (base, G_URI_FLAGS_NONE, NULL))
    full_base = xml_base ? g_uri_resolve_relative (base, xml_base, G_URI_FLAGS_NONE, NULL) : g_strdup (base);

  if (full_base == NULL)
    return *href ? g_strdup (href) : NULL;
  resolved = g_uri_resolve_relative (full_base, href, G_URI_FLAGS_NONE, NULL);
  return resolved ? resolved : g_strdup (href);
}

/* Depth-first search below @root. */
xmlNode *
atlas_node_find (xmlNode    *root,
                 const char *ns,
                 const char *name)
{
  if (root == NULL)
    return NULL;

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      xmlNode *found;

      if (atlas_node_is (child, ns, name))
        return child;
      if ((found = atlas_node_find (child, ns, name)) != NULL)
        return found;
    }

  return NULL;
}

/* The text of @node with white space folded, or NULL without @node. */
char *
atlas_node_text (xmlNode *node)
{
  g_autoptr(GString) raw = NULL;

  if (node == NULL)
    return NULL;

  raw = g_string_new (NULL);
  atlas_html_append_node_text (raw, node->children);
  return g_strstrip (atlas_html_tidy_text (raw->str));
}

char *
atlas_node_attr (xmlNode    *node,
                 const char *name)
{
  xmlChar *value;
  char *copy;

  if (node == NULL)
    return NULL;

  value = xmlGetNoNsProp (node, (const xmlChar *) name);
  if (value == NULL)
    return NULL;

  copy = g_strstrip (g_strdup ((const char *) value));
  xmlFree (value);
  return copy;
}

/**
 * atlas_node_body:
 * @type: "html" when the element holds escaped HTML, "xhtml" or "xml" when
 *   it holds markup, "text" (or %NULL) for text
 *
 * Returns: (transfer full) (nullable): the element's content as plain text
 *   with paragraphs
 */
char *
atlas_node_body (xmlNode    *node,
                 const char *type)
{
  g_autoptr(GString) raw = NULL;

  if (node == NULL)
    return NULL;

  if (type != NULL && (g_str_equal (type, "xhtml") || g_str_equal (type, "xml")))
    {
      raw = g_string_new (NULL);
      atlas_html_append_node_text (raw, node->children);
      return atlas_html_tidy_text (raw->str);
    }

  raw = g_string_new (NULL);
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) && child->content)
      g_string_append (raw, (const char *) child->content);

  if (type != NULL && g_str_equal (type, "text"))
    return atlas_html_tidy_text (raw->str);

  /* RSS descriptions are HTML unless they plainly are not. */
  return atlas_html_to_text (raw->str);
}

/**
 * atlas_parse_each_element:
 * @want: which elements are items
 * @handle: called with each item expanded in memory
 *
 * Streams through the document; items are expanded one at a time and the
 * reader then skips past them, so memory stays bounded by one item.
 */
gboolean
atlas_parse_each_element (AtlasParseContext  *ctx,
                          gboolean          (*want) (const char *ns, const char *name, int depth),
                          gboolean          (*handle) (AtlasParseContext *ctx, xmlNode *node, int line, GError **error),
                          GError            **error)
{
  xmlTextReaderPtr r = atlas_xml_reader_get (ctx->reader);
  gboolean at_next = FALSE;
  int ret = 1;

  /* The reader stands on the root element when parsing starts. */
  for (;;)
    {
      if (!at_next)
        {
          ret = atlas_xml_reader_read (ctx->reader, error);
          if (ret < 0)
            return FALSE;
          if (ret == 0)
            return TRUE;
        }
      at_next = FALSE;

      if (xmlTextReaderNodeType (r) == XML_READER_TYPE_ELEMENT &&
          want ((const char *) xmlTextReaderConstNamespaceUri (r),
                (const char *) xmlTextReaderConstLocalName (r),
                xmlTextReaderDepth (r)))
        {
          xmlNode *node = atlas_xml_reader_expand (ctx->reader, error);

          /* The element's own line: the parser has read ahead. */
          if (node == NULL ||
              !handle (ctx, node, (int) xmlGetLineNo (node) + atlas_xml_reader_get_line_offset (ctx->reader), error))
            return FALSE;

          /* Next() moves to the node after the item; at the end of the
           * document it stands on nothing and the read below ends it. */
          if (!atlas_xml_reader_next (ctx->reader, error))
            return FALSE;
          at_next = TRUE;
        }
    }
}

/**
 * atlas_first_sentence:
 *
 * Items come with a title but not always: then the body's first sentence
 * (at most 80 characters of its first line) stands in.
 *
 * Returns: (transfer full) (nullable): @text's first sentence
 */
char *
atlas_first_sentence (const char *text)
{
  g_autofree char *title = NULL;
  const char *end;
  guint chars = 0;

  if (text == NULL || *text == '\0')
    return NULL;

  for (end = text; *end && *end != '\n' && chars < 80; chars++)
    {
      gunichar c = g_utf8_get_char (end);

      end = g_utf8_next_char (end);
      /* A sentence ends at ".", "!" or "?" before a space. */
      if ((c == '.' || c == '!' || c == '?') && (*end == ' ' || *end == '\n' || *end == '\0') && chars > 10)
        break;
    }
  title = g_strndup (text, end - text);
  if (*end && *end != '\n' && *end != ' ')
    return g_strconcat (title, "…", NULL);
  return g_steal_pointer (&title);
}

/* Sets @field to @text unless it is empty, and frees it. */
void
atlas_release_take_text (AtlasRelease      *release,
                         AtlasReleaseField  field,
                         char              *text)
{
  if (text != NULL && *text != '\0')
    atlas_release_set_field (release, field, text);
  g_free (text);
}

/**
 * atlas_release_take_date:
 * @is_updated: whether @text is the time of the last change
 *
 * Sets the first valid publication date (or the update time) from @text;
 * an impossible publication date is kept for the error message, in case
 * no other date turns up.
 */
void
atlas_release_take_date (AtlasRelease *release,
                         const char   *text,
                         gboolean      is_updated)
{
  gint64 t;

  if (text == NULL || *text == '\0')
    return;

  if (atlas_date_parse_any (text, &t))
    {
      if (is_updated)
        atlas_release_set_updated (release, t);
      else if (atlas_release_get_published (release) == 0)
        atlas_release_set_published (release, t);
    }
  else if (!is_updated && g_object_get_data (G_OBJECT (release), "atlas-bad-date") == NULL)
    g_object_set_data_full (G_OBJECT (release), "atlas-bad-date", g_strdup (text), g_free);
}
