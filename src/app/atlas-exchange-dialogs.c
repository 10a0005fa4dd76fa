/* atlas-exchange-dialogs.c: the window's calendar, map data and contact
 * list exports, and the calendar import with its preview
 *
 * The formats live in the core (exchange/atlas-ical.c,
 * map/atlas-map-data.c, atlas-contact-sheet.c); here are only the file
 * choosers, the preview and the print dialog. The visits are those the
 * Tour view shows (its tour and period filters), the contacts those the
 * Contacts view lists (all, or what its search finds).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "atlas-file-dialog.h"
#include "atlas-alert.h"
#include "atlas-contact-sheet.h"
#include "atlas-exchange-dialogs.h"
#include "atlas-ical.h"
#include "atlas-map-data.h"
#include "atlas-map-scene.h"
#include "atlas-toast.h"

/* Exports --------------------------------------------------------------------- */

gboolean
atlas_exchange_export_visits (AtlasWindow  *window,
                              GFile        *file,
                              guint        *n_left_out,
                              GError      **error)
{
  GPtrArray *visits = atlas_tour_page_get_visits (atlas_window_get_tour_page (window));

  return atlas_ical_write_visits (atlas_window_get_store (window), visits, file, n_left_out, NULL, error);
}

gboolean
atlas_exchange_export_map_data (AtlasWindow  *window,
                                GFile        *file,
                                GError      **error)
{
  GPtrArray *visits = atlas_tour_page_get_visits (atlas_window_get_tour_page (window));

  return atlas_map_data_write (visits, file, NULL, error);
}

/* The contacts the Contacts view lists, as a sheet to print. */
static AtlasContactSheet *
shown_contacts_sheet (AtlasWindow  *window,
                      GError      **error)
{
  AtlasContactsPage *page = atlas_window_get_contacts_page (window);
  AtlasListModel *model = atlas_contacts_page_get_model (page);
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  const char *filter = model ? atlas_list_model_get_filter (model) : NULL;
  g_autofree char *subtitle = NULL;

  atlas_contacts_page_flush (page);
  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    g_ptr_array_add (contacts, g_list_model_get_item (G_LIST_MODEL (model), i));

  if (filter != NULL && *filter)
    /* TRANSLATORS: the subtitle of a printed contact list; %s is what was searched for */
    subtitle = g_strdup_printf (_("Search: “%s”"), filter);

  return atlas_contact_sheet_new (atlas_window_get_store (window), contacts, subtitle, error);
}

gboolean
atlas_exchange_export_contact_list (AtlasWindow  *window,
                                    GFile        *file,
                                    GError      **error)
{
  g_autoptr(AtlasContactSheet) sheet = shown_contacts_sheet (window, error);

  return sheet != NULL && atlas_contact_sheet_write_pdf (sheet, file, NULL, error);
}

/* Printing -------------------------------------------------------------------- */

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                AtlasContactSheet *sheet)
{
  guint n_pages = atlas_contact_sheet_paginate (sheet, gtk_print_context_get_cairo_context (context),
                                                gtk_print_context_get_width (context),
                                                gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, n_pages);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              AtlasContactSheet *sheet)
{
  atlas_contact_sheet_draw_page (sheet, gtk_print_context_get_cairo_context (context), page);
}

/* A4, the whole page: the sheet keeps its own margins. */
static GtkPrintOperation *
contact_print_operation_new (AtlasWindow  *window,
                             GError      **error)
{
  AtlasContactSheet *sheet = shown_contacts_sheet (window, error);
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPaperSize) a4 = NULL;

  if (sheet == NULL)
    return NULL;

  operation = gtk_print_operation_new ();
  setup = gtk_page_setup_new ();
  a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_job_name (operation, _("Distribution List"));
  g_object_set_data_full (G_OBJECT (operation), "sheet", sheet, (GDestroyNotify) atlas_contact_sheet_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), sheet);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), sheet);
  return operation;
}

void
atlas_exchange_print_contact_list (AtlasWindow *window)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  if (!(operation = contact_print_operation_new (window, &error)) ||
      gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (window), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    atlas_toast_add_text (GTK_WIDGET (window), error->message);
}

/**
 * atlas_exchange_print_contact_list_to_file:
 * @path: a PDF file to write
 *
 * Prints the contact list as the Print action does, into @path instead of
 * on a printer, without asking.
 */
gboolean
atlas_exchange_print_contact_list_to_file (AtlasWindow  *window,
                                           const char   *path,
                                           GError      **error)
{
  g_autoptr(GtkPrintOperation) operation = contact_print_operation_new (window, error);

  if (operation == NULL)
    return FALSE;
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                  GTK_WINDOW (window), error) != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/* Calendar import ------------------------------------------------------------- */

typedef struct {
  AtlasWindow *window;
  GPtrArray *plan;
} PendingPlan;

static void
pending_plan_free (PendingPlan *pending)
{
  g_object_unref (pending->window);
  g_ptr_array_unref (pending->plan);
  g_free (pending);
}

static void
import_response_cb (AdwAlertDialog *dialog,
                    const char     *response,
                    PendingPlan    *pending)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  if (!g_str_equal (response, "import"))
    return;

  if (!atlas_ical_apply_import (atlas_window_get_store (pending->window), pending->plan, &error))
    {
      atlas_toast_add_text (GTK_WIDGET (pending->window), error->message);
      return;
    }
  summary = atlas_ical_plan_summary (pending->plan);
  atlas_toast_add_text (GTK_WIDGET (pending->window), summary);
}

/**
 * atlas_exchange_preview_visits:
 *
 * Reads a calendar and asks, with what happens to each of its events,
 * whether to import it.
 *
 * Returns: (transfer none) (nullable): the dialog, shown; %NULL when the
 *   file cannot be read, with a toast that says why
 */
AdwAlertDialog *
atlas_exchange_preview_visits (AtlasWindow *window,
                               GFile       *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = NULL;
  g_autofree char *summary = NULL;
  PendingPlan *pending;
  AdwDialog *dialog;
  guint n_changes = 0;

  if (!(bytes = g_file_load_bytes (file, NULL, NULL, &error)) ||
      !(plan = atlas_ical_plan_import (atlas_window_get_store (window), bytes, &error)))
    {
      g_autofree char *text = g_markup_printf_escaped (_("“%s” cannot be imported: %s"), name, error->message);

      atlas_toast_add (GTK_WIDGET (window), adw_toast_new (text));
      return NULL;
    }

  /* TRANSLATORS: %u events read from a calendar file */
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Import %u Calendar Event?",
                                          "Import %u Calendar Events?", plan->len), plan->len);
  summary = atlas_ical_plan_summary (plan);
  /* Every event in a scrolled box: the alert stays as high as it fits. */
  for (guint i = 0; i < plan->len; i++)
    {
      AtlasIcalEntry *entry = g_ptr_array_index (plan, i);
      g_autofree char *date = atlas_format_visit_date (entry->date);

      if (entry->action == ATLAS_ICAL_NEW || entry->action == ATLAS_ICAL_UPDATE)
        n_changes++;
      g_string_append_printf (list, "%s• %s: %s, %s", i > 0 ? "\n" : "",
                              atlas_ical_action_label (entry->action), date,
                              entry->centre_name ? entry->centre_name : entry->reason);
    }

  dialog = atlas_alert_new_question (heading, summary, "import", _("_Import"), ADW_RESPONSE_SUGGESTED);
  atlas_alert_set_details (ADW_ALERT_DIALOG (dialog), list->str);
  adw_alert_dialog_set_response_enabled (ADW_ALERT_DIALOG (dialog), "import", n_changes > 0);

  pending = g_new0 (PendingPlan, 1);
  pending->window = g_object_ref (window);
  pending->plan = g_steal_pointer (&plan);
  g_signal_connect_data (dialog, "response", G_CALLBACK (import_response_cb), pending,
                         (GClosureNotify) (void (*) (void)) pending_plan_free, 0);
  adw_dialog_present (dialog, GTK_WIDGET (window));
  return ADW_ALERT_DIALOG (dialog);
}

/* File choosers --------------------------------------------------------------- */

typedef enum {
  EXPORT_VISITS,
  EXPORT_MAP_DATA,
  EXPORT_CONTACT_LIST,
  IMPORT_VISITS,
} Exchange;

static void
chosen_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AtlasWindow) window = user_data;
  GtkFileDialog *chooser = GTK_FILE_DIALOG (source);
  Exchange kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "exchange"));
  g_autoptr(GFile) file = kind == IMPORT_VISITS ? gtk_file_dialog_open_finish (chooser, result, NULL)
                                                : gtk_file_dialog_save_finish (chooser, result, NULL);

  atlas_file_dialog_remember (file);
  /* NULL: cancelled, or the portal failed and said so itself. */
  if (file != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *done = NULL;
      guint left_out = 0;
      gboolean ok = TRUE;

      switch (kind)
        {
        case EXPORT_VISITS:
          ok = atlas_exchange_export_visits (window, file, &left_out, &error);
          done = left_out > 0
                 ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "Visits saved as “%s”; %u known only to the month, week or year left out",
                                                 "Visits saved as “%s”; %u known only to the month, week or year left out",
                                                 left_out), name, left_out)
                 : g_strdup_printf (_("Visits saved as “%s”"), name);
          break;
        case EXPORT_MAP_DATA:
          ok = atlas_exchange_export_map_data (window, file, &error);
          done = g_strdup_printf (_("Map data saved as “%s”"), name);
          break;
        case EXPORT_CONTACT_LIST:
          ok = atlas_exchange_export_contact_list (window, file, &error);
          done = g_strdup_printf (_("Contact list saved as “%s”"), name);
          break;
        case IMPORT_VISITS:
        default:
          atlas_exchange_preview_visits (window, file);
          break;
        }

      if (!ok)
        atlas_toast_add_text (GTK_WIDGET (window), error->message);
      else if (done != NULL)
        atlas_toast_add_text (GTK_WIDGET (window), done);
    }
}

static GtkFileFilter *
filter_new (const char *name,
            const char *mime_type,
            const char *suffix)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_suffix (filter, suffix);
  return filter;
}

static void
choose (AtlasWindow   *window,
        Exchange       kind,
        const char    *title,
        const char    *accept,
        const char    *suggested_name,
        GtkFileFilter *filter,
        GtkFileFilter *other_filter)
{
  g_autoptr(GtkFileDialog) chooser = atlas_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  gtk_file_dialog_set_title (chooser, title);
  gtk_file_dialog_set_accept_label (chooser, accept);
  if (suggested_name != NULL)
    gtk_file_dialog_set_initial_name (chooser, suggested_name);
  g_list_store_append (filters, filter);
  g_object_unref (filter);
  if (other_filter != NULL)
    {
      g_list_store_append (filters, other_filter);
      g_object_unref (other_filter);
    }
  gtk_file_dialog_set_filters (chooser, G_LIST_MODEL (filters));
  g_object_set_data (G_OBJECT (chooser), "exchange", GINT_TO_POINTER (kind));
  if (kind == IMPORT_VISITS)
    gtk_file_dialog_open (chooser, GTK_WINDOW (window), NULL, chosen_cb, g_object_ref (window));
  else
    gtk_file_dialog_save (chooser, GTK_WINDOW (window), NULL, chosen_cb, g_object_ref (window));
}

void
atlas_exchange_choose_export_visits (AtlasWindow *window)
{
  /* TRANSLATORS: the suggested file name of exported visits */
  const char *name = _("visits.ics");

  choose (window, EXPORT_VISITS, _("Export the Visits as a Calendar"), _("_Export"), name,
          filter_new (_("iCalendar (.ics)"), "text/calendar", "ics"), NULL);
}

void
atlas_exchange_choose_import_visits (AtlasWindow *window)
{
  choose (window, IMPORT_VISITS, _("Import Planned Visits from a Calendar"), _("_Open"), NULL,
          filter_new (_("iCalendar (.ics)"), "text/calendar", "ics"), NULL);
}

void
atlas_exchange_choose_export_map_data (AtlasWindow *window)
{
  /* TRANSLATORS: the suggested file name of the map data; it must end in .csv */
  const char *name = _("tour-districts.csv");

  choose (window, EXPORT_MAP_DATA, _("Export the Map Data"), _("_Export"), name,
          filter_new (_("CSV table by AGS (.csv)"), "text/csv", "csv"),
          filter_new (_("GeoJSON areas (.geojson)"), "application/geo+json", "geojson"));
}

void
atlas_exchange_choose_export_contact_list (AtlasWindow *window)
{
  /* TRANSLATORS: the suggested file name of the printed contact list */
  const char *name = _("distribution-list.pdf");

  choose (window, EXPORT_CONTACT_LIST, _("Export the Contact List as PDF"), _("_Export"),
          name, filter_new (_("PDF document (.pdf)"), "application/pdf", "pdf"), NULL);
}
