/* atlas-html.c: HTML and XHTML bodies as plain text with paragraphs
 *
 * Bodies arrive as escaped HTML (RSS description, content:encoded, Atom
 * type="html") or as inline XHTML (Atom type="xhtml", NewsML-G2 inlineXML,
 * NITF body). Both become plain text: block elements end a paragraph
 * (a blank line), <br> ends a line, scripts and styles are dropped, and
 * runs of white space fold to one space.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <libxml/HTMLparser.h>

#include "atlas-html.h"

static gboolean
is_block (const char *name)
{
  static const char * const blocks[] = {
    "p", "div", "section", "article", "blockquote", "pre", "ul", "ol", "li", "dl", "dt", "dd",
    "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "hr", "header", "footer", "figure",
    "figcaption", "address", "body", "block", "hedline", "hl1", "hl2", "byline", "dateline",
    "abstract", "nitf", "body.head", "body.content", "body.end", "tagline", "media-caption",
  };

  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    if (g_ascii_strcasecmp (name, blocks[i]) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
is_skipped (const char *name)
{
  return g_ascii_strcasecmp (name, "script") == 0 ||
         g_ascii_strcasecmp (name, "style") == 0 ||
         g_ascii_strcasecmp (name, "head") == 0 ||
         g_ascii_strcasecmp (name, "noscript") == 0 ||
         g_ascii_strcasecmp (name, "iframe") == 0;
}

/* Marks a paragraph break; tidy_text() turns runs of them into one. */
static void
append_break (GString *out,
              char     mark)
{
  g_string_append_c (out, mark);
}

static void
walk (GString *out,
      xmlNode *node,
      guint    depth)
{
  /* Nesting is already bounded by libxml2; this keeps the C stack safe
   * even for trees built some other way. */
  if (depth > 256)
    return;

  for (; node != NULL; node = node->next)
    {
      switch (node->type)
        {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          /* Only text and CDATA: entity nodes are never expanded here.
           * Line breaks in markup are mere white space. */
          if (node->content != NULL)
            {
              gsize from = out->len;

              g_string_append (out, (const char *) node->content);
              for (char *c = out->str + from; *c; c++)
                if (*c == '\n' || *c == '\r' || *c == '\t')
                  *c = ' ';
            }
          break;

        case XML_ELEMENT_NODE:
          {
            const char *name = (const char *) node->name;

            if (is_skipped (name))
              break;
            if (g_ascii_strcasecmp (name, "br") == 0)
              {
                append_break (out, '\n');
                break;
              }
            if (is_block (name))
              append_break (out, '\f');
            walk (out, node->children, depth + 1);
            if (is_block (name))
              append_break (out, '\f');
          }
          break;

        case XML_DOCUMENT_NODE:
        case XML_HTML_DOCUMENT_NODE:
          walk (out, node->children, depth + 1);
          break;

        case XML_ATTRIBUTE_NODE:
        case XML_ENTITY_REF_NODE:
        case XML_ENTITY_NODE:
        case XML_PI_NODE:
        case XML_COMMENT_NODE:
        case XML_DOCUMENT_TYPE_NODE:
        case XML_DOCUMENT_FRAG_NODE:
        case XML_NOTATION_NODE:
        case XML_DTD_NODE:
        case XML_ELEMENT_DECL:
        case XML_ATTRIBUTE_DECL:
        case XML_ENTITY_DECL:
        case XML_NAMESPACE_DECL:
        case XML_XINCLUDE_START:
        case XML_XINCLUDE_END:
#ifdef LIBXML_DOCB_ENABLED
        case XML_DOCB_DOCUMENT_NODE:
#endif
        default:
          break;
        }
    }
}

/**
 * atlas_html_tidy_text:
 *
 * Folds white space: spaces within a line become one, paragraph marks
 * ('\f') become one blank line, line marks ('\n' from <br> or plain text)
 * one line break. Leading and trailing space goes.
 */
char *
atlas_html_tidy_text (const char *text)
{
  GString *out = g_string_sized_new (text != NULL ? strlen (text) : 0);
  gboolean pending_space = FALSE;
  int pending_break = 0;  /* 0 none, 1 line, 2 paragraph */

  for (const char *p = text; p && *p; p++)
    {
      char c = *p;

      if (c == '\f')
        pending_break = 2;
      else if (c == '\n')
        {
          /* Two newlines in plain text are a paragraph. */
          if (pending_break >= 1)
            pending_break = 2;
          else
            pending_break = 1;
        }
      else if (c == ' ' || c == '\t' || c == '\r')
        pending_space = TRUE;
      else if ((guchar) c == 0xC2 && (guchar) p[1] == 0xA0)
        {
          /* A no-break space is a space like any other here. */
          pending_space = TRUE;
          p++;
        }
      else
        {
          if (out->len > 0)
            {
              if (pending_break == 2)
                g_string_append (out, "\n\n");
              else if (pending_break == 1)
                g_string_append_c (out, '\n');
              else if (pending_space)
                g_string_append_c (out, ' ');
            }
          pending_break = 0;
          pending_space = FALSE;
          g_string_append_c (out, c);
        }
    }

  return g_string_free (out, FALSE);
}

/* Appends the text of @node and its children, with paragraph marks; call
 * atlas_html_tidy_text() on the whole. */
void
atlas_html_append_node_text (GString *out,
                             xmlNode *node)
{
  walk (out, node, 0);
}

/**
 * atlas_html_to_text:
 * @html: escaped HTML from a feed
 *
 * Parses @html with libxml2's HTML parser (no network, errors ignored:
 * feed HTML is rarely valid) and returns its plain text.
 *
 * Returns: (transfer full): the text, "" for nothing
 */
/**
 * atlas_html_has_markup:
 *
 * Returns: whether @text holds HTML: a tag ("<p>", "</a>", "<br/>"), a
 *   comment, or an entity or character reference ("&amp;", "&#8211;"),
 *   rather than a lone "&" or "<" of plain text ("A & B", "x < 3")
 */
gboolean
atlas_html_has_markup (const char *text)
{
  for (const char *p = text; p && *p; p++)
    {
      if (*p == '<' && (g_ascii_isalpha (p[1]) || ((p[1] == '/' || p[1] == '!') && g_ascii_isalpha (p[2])) ||
                        g_str_has_prefix (p + 1, "!--")))
        {
          const char *q = p + 1;

          /* A tag's name, then ">", "/>" or attributes. */
          while (*q == '/' || *q == '!' || *q == '-')
            q++;
          while (g_ascii_isalnum (*q))
            q++;
          if (*q == '>' || *q == '/' || g_ascii_isspace (*q) || g_str_has_prefix (p + 1, "!--"))
            if (strchr (q, '>') != NULL)
              return TRUE;
        }
      else if (*p == '&')
        {
          const char *q = p + 1;

          if (*q == '#')
            {
              q++;
              if (*q == 'x' || *q == 'X')
                q++;
              if (!g_ascii_isxdigit (*q))
                continue;
              while (g_ascii_isxdigit (*q))
                q++;
            }
          else
            {
              if (!g_ascii_isalpha (*q))
                continue;
              while (g_ascii_isalnum (*q))
                q++;
            }
          if (*q == ';')
            return TRUE;
        }
    }

  return FALSE;
}

char *
atlas_html_to_text (const char *html)
{
  g_autoptr(GString) raw = g_string_sized_new (html != NULL ? strlen (html) : 0);
  htmlDocPtr doc;
  gsize len;

  if (html == NULL || *html == '\0')
    return g_strdup ("");

  /* Plain text that merely sits in a description keeps its line breaks,
   * also when it has an "&" or a "<" of its own. */
  if (!atlas_html_has_markup (html))
    return atlas_html_tidy_text (html);

  len = strlen (html);
  if (len > G_MAXINT)
    return g_strdup ("");

  doc = htmlReadMemory (html, (int) len, NULL, "UTF-8",
                        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NOIMPLIED | HTML_PARSE_COMPACT);
  if (doc == NULL)
    return atlas_html_tidy_text (html);

  walk (raw, (xmlNode *) doc, 0);
  xmlFreeDoc (doc);

  return atlas_html_tidy_text (raw->str);
}
