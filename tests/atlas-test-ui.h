/* atlas-test-ui.h: finding and waiting for widgets in the UI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*AtlasTestWidgetMatch) (GtkWidget *widget, gconstpointer data);

/* The first widget under @root, @root included, that @match accepts. */
static inline GtkWidget *
atlas_test_find (GtkWidget            *root,
                 AtlasTestWidgetMatch  match,
                 gconstpointer         data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = atlas_test_find (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static inline gboolean
atlas_test_is_type (GtkWidget     *widget,
                    gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

/* The first widget of @type in the tree under @root, @root included. */
static inline GtkWidget *
atlas_test_find_widget (GtkWidget *root,
                        GType      type)
{
  return atlas_test_find (root, atlas_test_is_type, GSIZE_TO_POINTER (type));
}

static inline gboolean
atlas_test_has_id (GtkWidget     *widget,
                   gconstpointer  data)
{
  return g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), data) == 0;
}

/* The widget with the id @id in a template or UI file under @root. */
static inline GtkWidget *
atlas_test_find_by_id (GtkWidget  *root,
                       const char *id)
{
  return atlas_test_find (root, atlas_test_has_id, id);
}

static inline gboolean
atlas_test_timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Spins the main loop until @done (@data) or five seconds pass; returns
 * @done's last answer. */
static inline gboolean
atlas_test_wait_until (gboolean (*done) (gpointer data),
                       gpointer   data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (5000, atlas_test_timeout_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
  return done (data);
}

/* Mapped and laid out: GTK 4.18 maps a window's widgets before it gives
 * them their size. */
static inline gboolean
atlas_test_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

/* Spins the main loop until @widget is mapped and laid out, or five
 * seconds pass. */
static inline void
atlas_test_wait_for_mapped (GtkWidget *widget)
{
  g_assert_true (atlas_test_wait_until (atlas_test_is_mapped, widget));
}

/* A PDF's text with its compressed streams inflated: cairo 1.18 and newer
 * keep the page tree in a compressed object stream. */
static inline GString *
atlas_test_pdf_inflated (const char *data,
                         gsize       length)
{
  GString *out = g_string_new_len (data, length);
  const char *end = data + length;

  for (const char *p = data; p < end; p++)
    {
      g_autoptr(GConverter) inflater = NULL;
      const char *start;
      char buffer[65536];
      gsize read, written;

      if ((gsize) (end - p) < 7 || memcmp (p, "stream\n", 7) != 0)
        continue;
      start = p + 7;
      inflater = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB));
      while (start < end)
        {
          GConverterResult result = g_converter_convert (inflater, start, end - start, buffer, sizeof buffer,
                                                         G_CONVERTER_NO_FLAGS, &read, &written, NULL);

          if (result == G_CONVERTER_ERROR)
            break;
          g_string_append_len (out, buffer, written);
          start += read;
          if (result == G_CONVERTER_FINISHED)
            break;
        }
    }
  return out;
}

G_END_DECLS
