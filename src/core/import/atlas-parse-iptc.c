/* atlas-parse-iptc.c: IPTC NITF 3.x and NewsML-G2 news items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "atlas-date.h"
#include "atlas-html.h"
#include "atlas-parse.h"

/* NITF's text parts in reading order: byline, dateline, then the body. */
static char *
nitf_body_text (xmlNode    *nitf,
                const char *ns)
{
  g_autoptr(GString) raw = g_string_new (NULL);
  xmlNode *body = atlas_node_child (nitf, ns, "body");
  xmlNode *head = atlas_node_child (body, ns, "body.head");
  xmlNode *content = atlas_node_child (body, ns, "body.content");
  xmlNode *parts[] = {
    atlas_node_child (head, ns, "dateline"),
    atlas_node_child (head, ns, "abstract"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL)
      {
        atlas_html_append_node_text (raw, parts[i]->children);
        g_string_append_c (raw, '\f');
      }
  if (content != NULL)
    atlas_html_append_node_text (raw, content->children);

  return atlas_html_tidy_text (raw->str);
}

/* The headline of an NITF document: hl1, else head/title. */
static char *
nitf_title (xmlNode    *nitf,
            const char *ns)
{
  xmlNode *body_head = atlas_node_child (atlas_node_child (nitf, ns, "body"), ns, "body.head");
  char *title = atlas_node_text (atlas_node_child (atlas_node_child (body_head, ns, "hedline"), ns, "hl1"));

  if (title == NULL || *title == '\0')
    {
      g_free (title);
      title = atlas_node_text (atlas_node_child (atlas_node_child (nitf, ns, "head"), ns, "title"));
    }
  return title;
}

static AtlasRelease *
release_from_nitf (xmlNode *nitf)
{
  const char *ns = nitf->ns ? (const char *) nitf->ns->href : NULL;
  AtlasRelease *release = atlas_release_new ();
  xmlNode *head = atlas_node_child (nitf, ns, "head");
  xmlNode *docdata = atlas_node_child (head, ns, "docdata");
  xmlNode *body_head = atlas_node_child (atlas_node_child (nitf, ns, "body"), ns, "body.head");
  g_autofree char *issue = atlas_node_attr (atlas_node_child (docdata, ns, "date.issue"), "norm");
  g_autofree char *pub = atlas_node_attr (atlas_node_child (head, ns, "pubdata"), "date.publication");
  g_autofree char *story = atlas_node_attr (atlas_node_find (body_head, ns, "story.date"), "norm");

  atlas_release_set_field (release, ATLAS_RELEASE_FORMAT, "nitf");
  atlas_release_take_text (release, ATLAS_RELEASE_GUID, atlas_node_attr (atlas_node_child (docdata, ns, "doc-id"), "id-string"));
  atlas_release_take_text (release, ATLAS_RELEASE_TITLE, nitf_title (nitf, ns));
  atlas_release_take_text (release, ATLAS_RELEASE_AUTHOR, atlas_node_text (atlas_node_child (body_head, ns, "byline")));
  atlas_release_take_text (release, ATLAS_RELEASE_SOURCE, atlas_node_attr (atlas_node_child (docdata, ns, "doc.copyright"), "holder"));
  atlas_release_take_text (release, ATLAS_RELEASE_BODY, nitf_body_text (nitf, ns));

  atlas_release_take_date (release, issue, FALSE);
  atlas_release_take_date (release, pub, FALSE);
  atlas_release_take_date (release, story, FALSE);

  return release;
}

gboolean
atlas_parse_nitf (AtlasParseContext  *ctx,
                  GError            **error)
{
  xmlNode *root = atlas_xml_reader_expand (ctx->reader, error);
  g_autoptr(AtlasRelease) release = NULL;

  if (root == NULL)
    return FALSE;

  release = release_from_nitf (root);
  if (!ctx->sink (release, (int) xmlGetLineNo (root), ctx->sink_data, error))
    return FALSE;

  /* Read to the end, so errors after the root (junk) are caught. */
  while (TRUE)
    {
      int ret = atlas_xml_reader_read (ctx->reader, error);

      if (ret <= 0)
        return ret == 0;
    }
}

/* NewsML-G2 ------------------------------------------------------------------- */

static gboolean
want_news_item (const char *ns,
                const char *name,
                int         depth)
{
  return g_strcmp0 (ns, ATLAS_NS_NEWSML) == 0 && g_strcmp0 (name, "newsItem") == 0;
}

static char *
newsml_body (xmlNode *item)
{
  xmlNode *content_set = atlas_node_child (item, ATLAS_NS_NEWSML, "contentSet");
  xmlNode *inline_xml = atlas_node_child (content_set, ATLAS_NS_NEWSML, "inlineXML");
  xmlNode *inline_data = atlas_node_child (content_set, ATLAS_NS_NEWSML, "inlineData");

  if (inline_xml != NULL)
    {
      for (xmlNode *child = inline_xml->children; child != NULL; child = child->next)
        {
          if (child->type != XML_ELEMENT_NODE)
            continue;
          if (g_strcmp0 ((const char *) child->name, "nitf") == 0)
            {
              const char *ns = child->ns ? (const char *) child->ns->href : NULL;

              return nitf_body_text (child, ns);
            }
        }
      return atlas_node_body (inline_xml, "xhtml");
    }

  if (inline_data != NULL)
    {
      g_autofree char *type = atlas_node_attr (inline_data, "contenttype");

      return atlas_node_body (inline_data, type && strstr (type, "html") ? "html" : "text");
    }

  return NULL;
}

static gboolean
handle_news_item (AtlasParseContext  *ctx,
                  xmlNode            *item,
                  int                 line,
                  GError            **error)
{
  g_autoptr(AtlasRelease) release = atlas_release_new ();
  xmlNode *item_meta = atlas_node_child (item, ATLAS_NS_NEWSML, "itemMeta");
  xmlNode *content_meta = atlas_node_child (item, ATLAS_NS_NEWSML, "contentMeta");
  g_autofree char *version = atlas_node_attr (item, "version");
  g_autofree char *first = atlas_node_text (atlas_node_child (item_meta, ATLAS_NS_NEWSML, "firstCreated"));
  g_autofree char *created = atlas_node_text (atlas_node_child (item_meta, ATLAS_NS_NEWSML, "versionCreated"));
  g_autofree char *content_created = atlas_node_text (atlas_node_child (content_meta, ATLAS_NS_NEWSML, "contentCreated"));
  g_autofree char *located = atlas_node_text (atlas_node_child (atlas_node_child (content_meta, ATLAS_NS_NEWSML, "located"),
                                                                ATLAS_NS_NEWSML, "name"));
  g_autofree char *dateline = atlas_node_text (atlas_node_child (content_meta, ATLAS_NS_NEWSML, "dateline"));
  g_autofree char *body = newsml_body (item);
  g_autofree char *item_class = atlas_node_attr (atlas_node_child (item_meta, ATLAS_NS_NEWSML, "itemClass"), "qcode");

  /* Pictures, video and graphics are not press releases. */
  if (item_class != NULL && !g_str_has_suffix (item_class, ":text") && !g_str_has_suffix (item_class, ":composite"))
    g_object_set_data (G_OBJECT (release), "atlas-skip", GINT_TO_POINTER (TRUE));

  atlas_release_set_field (release, ATLAS_RELEASE_FORMAT, "newsml");
  atlas_release_set_field (release, ATLAS_RELEASE_SOURCE, ctx->feed_title);
  atlas_release_take_text (release, ATLAS_RELEASE_GUID, atlas_node_attr (item, "guid"));
  atlas_release_take_text (release, ATLAS_RELEASE_TITLE, atlas_node_text (atlas_node_child (content_meta, ATLAS_NS_NEWSML, "headline")));
  /* Without a headline: the item's title, then its slugline. */
  if (*atlas_release_get_field (release, ATLAS_RELEASE_TITLE) == '\0')
    atlas_release_take_text (release, ATLAS_RELEASE_TITLE, atlas_node_text (atlas_node_child (item_meta, ATLAS_NS_NEWSML, "title")));
  if (*atlas_release_get_field (release, ATLAS_RELEASE_TITLE) == '\0')
    atlas_release_take_text (release, ATLAS_RELEASE_TITLE, atlas_node_text (atlas_node_child (content_meta, ATLAS_NS_NEWSML, "slugline")));
  if (*atlas_release_get_field (release, ATLAS_RELEASE_TITLE) == '\0')
    {
      xmlNode *content_set = atlas_node_child (item, ATLAS_NS_NEWSML, "contentSet");
      xmlNode *nitf = atlas_node_find (content_set, ATLAS_NS_NITF, "nitf");

      if (nitf == NULL)
        nitf = atlas_node_find (content_set, NULL, "nitf");
      if (nitf != NULL)
        atlas_release_take_text (release, ATLAS_RELEASE_TITLE, nitf_title (nitf, nitf->ns ? (const char *) nitf->ns->href : NULL));
    }
  atlas_release_take_text (release, ATLAS_RELEASE_AUTHOR, atlas_node_text (atlas_node_child (content_meta, ATLAS_NS_NEWSML, "by")));
  if (version != NULL)
    atlas_release_set_version (release, g_ascii_strtoll (version, NULL, 10));

  /* The dateline, or the place the item is located at, leads the text, as
   * it does in print; it also tells which centre was visited. */
  if (dateline != NULL && *dateline != '\0')
    {
      g_autofree char *joined = g_strconcat (dateline, "\n\n", body ? body : "", NULL);
      atlas_release_set_field (release, ATLAS_RELEASE_BODY, joined);
    }
  else if (located != NULL && *located != '\0')
    {
      g_autofree char *joined = g_strconcat (located, "\n\n", body ? body : "", NULL);
      atlas_release_set_field (release, ATLAS_RELEASE_BODY, joined);
    }
  else
    atlas_release_set_field (release, ATLAS_RELEASE_BODY, body);

  /* Without a headline anywhere, the body's first sentence. */
  if (*atlas_release_get_field (release, ATLAS_RELEASE_TITLE) == '\0')
    atlas_release_take_text (release, ATLAS_RELEASE_TITLE, atlas_first_sentence (body));

  /* When the item's own dates are empty, when its content was made. */
  atlas_release_take_date (release, first, FALSE);
  atlas_release_take_date (release, created, FALSE);
  atlas_release_take_date (release, content_created, FALSE);
  atlas_release_take_date (release, created, TRUE);

  return ctx->sink (release, line, ctx->sink_data, error);
}

gboolean
atlas_parse_newsml (AtlasParseContext  *ctx,
                    GError            **error)
{
  xmlTextReaderPtr r = atlas_xml_reader_get (ctx->reader);

  /* A lone newsItem is the root itself. */
  if (want_news_item ((const char *) xmlTextReaderConstNamespaceUri (r),
                      (const char *) xmlTextReaderConstLocalName (r), 0))
    {
      xmlNode *root = atlas_xml_reader_expand (ctx->reader, error);

      if (root == NULL || !handle_news_item (ctx, root, (int) xmlGetLineNo (root), error))
        return FALSE;
      while (TRUE)
        {
          int ret = atlas_xml_reader_read (ctx->reader, error);

          if (ret <= 0)
            return ret == 0;
        }
    }

  return atlas_parse_each_element (ctx, want_news_item, handle_news_item, error);
}
