/* test-catalogue.c: editing the catalogue: validation, contacts, history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "atlas-contact-io.h"
#include "atlas-history.h"
#include "atlas-i18n.h"
#include "atlas-list-model.h"
#include "atlas-record.h"
#include "atlas-store.h"
#include "atlas-validate.h"
#include "atlas-test-util.h"

static void
assert_valid (AtlasCheck  check,
              const char *text,
              gboolean    expected)
{
  g_autofree char *message = atlas_validate (check, text);

  if (expected && message != NULL)
    g_error ("“%s” should pass check %d but got: %s", text, check, message);
  if (!expected && message == NULL)
    g_error ("“%s” should fail check %d", text, check);
}

static void
test_validate_email (void)
{
  const char *good[] = { "", "ki@duesseldorf.de", "vorname.nachname@stadt-koeln.de",
                         "a+b@mail.example.org", "info@müllheim.de", "  presse@mkjfgfi.nrw.de " };
  const char *bad[] = { "ki", "ki@", "@duesseldorf.de", "ki@duesseldorf", "ki@@x.de",
                        "ki @x.de", "ki@x.d", "ki@-x.de", "ki@x..de", ".ki@x.de",
                        "ki..a@x.de", "ki@x.de, b@x.de", "ki@x.1e" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    assert_valid (ATLAS_CHECK_EMAIL, good[i], TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    assert_valid (ATLAS_CHECK_EMAIL, bad[i], FALSE);

  assert_valid (ATLAS_CHECK_EMAILS, "a@x.de, b@y.de; c@z.de", TRUE);
  assert_valid (ATLAS_CHECK_EMAILS, "a@x.de, b-at-y.de", FALSE);
}

static void
test_validate_phone (void)
{
  const char *good[] = { "0211 837-2417", "+49 211 837-2417", "(0211) 8372417", "0211/837 24 17",
                         "+49 (0)211 837 2417", "0049 211 8372417", "0171 1234567", "02151.86-0" };
  const char *bad[] = { "837-2417x", "211 837-2417", "0211", "+49 211 837-2417 +1", "0211 ((837))",
                        "0211) 837(", "Durchwahl 12", "0211 837-2417 123 456 789 0",
                        "0211 837 2417 ext. 5", "++49 211 8372417" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    assert_valid (ATLAS_CHECK_PHONE, good[i], TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    assert_valid (ATLAS_CHECK_PHONE, bad[i], FALSE);

  assert_valid (ATLAS_CHECK_PHONES, "0211 837-2417, 0171 1234567", TRUE);
  assert_valid (ATLAS_CHECK_PHONES, "0211 837-2417, nachmittags", FALSE);
}

static void
test_validate_other (void)
{
  g_autofree char *iso = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *list = NULL;
  g_autofree char *message = NULL;

  assert_valid (ATLAS_CHECK_POSTAL_CODE, "40213", TRUE);
  assert_valid (ATLAS_CHECK_POSTAL_CODE, "01067", TRUE);
  assert_valid (ATLAS_CHECK_POSTAL_CODE, "4021", FALSE);
  assert_valid (ATLAS_CHECK_POSTAL_CODE, "402133", FALSE);
  assert_valid (ATLAS_CHECK_POSTAL_CODE, "4O213", FALSE);
  assert_valid (ATLAS_CHECK_POSTAL_CODE, "00123", FALSE);

  assert_valid (ATLAS_CHECK_URL, "https://www.duesseldorf.de/ki", TRUE);
  assert_valid (ATLAS_CHECK_URL, "http://ki-koeln.de", TRUE);
  assert_valid (ATLAS_CHECK_URL, "www.duesseldorf.de", FALSE);
  assert_valid (ATLAS_CHECK_URL, "ftp://duesseldorf.de", FALSE);
  assert_valid (ATLAS_CHECK_URL, "https://", FALSE);
  assert_valid (ATLAS_CHECK_URL, "https://exa mple.de", FALSE);
  assert_valid (ATLAS_CHECK_URL, "javascript:alert(1)", FALSE);

  assert_valid (ATLAS_CHECK_DATE, "22.11.2026", TRUE);
  assert_valid (ATLAS_CHECK_DATE, "1.2.2020", TRUE);
  assert_valid (ATLAS_CHECK_DATE, "2026-11-22", TRUE);
  assert_valid (ATLAS_CHECK_DATE, "29.02.2024", TRUE);
  assert_valid (ATLAS_CHECK_DATE, "29.02.2023", FALSE);
  assert_valid (ATLAS_CHECK_DATE, "32.01.2020", FALSE);
  assert_valid (ATLAS_CHECK_DATE, "22.11.26", FALSE);
  assert_valid (ATLAS_CHECK_DATE, "gestern", FALSE);

  assert_valid (ATLAS_CHECK_REQUIRED, "KI Köln", TRUE);
  assert_valid (ATLAS_CHECK_REQUIRED, "  ", FALSE);
  assert_valid (ATLAS_CHECK_NONE, "anything at all", TRUE);

  /* Messages explain with an example. */
  message = atlas_validate (ATLAS_CHECK_PHONES, "0211 837-2417, nachmittags");
  g_assert_nonnull (strstr (message, "nachmittags"));

  iso = atlas_validate_normalize (ATLAS_CHECK_DATE, " 1.2.2020 ");
  g_assert_cmpstr (iso, ==, "2020-02-01");
  shown = atlas_validate_display (ATLAS_CHECK_DATE, iso);
  g_assert_cmpstr (shown, ==, "01.02.2020");
  list = atlas_validate_normalize (ATLAS_CHECK_PHONES, "0211 1234567 ;; 0171 1234567,");
  g_assert_cmpstr (list, ==, "0211 1234567, 0171 1234567");

  g_assert_cmpint (atlas_centre_field_check (ATLAS_CENTRE_POSTAL_CODE), ==, ATLAS_CHECK_POSTAL_CODE);
  g_assert_cmpint (atlas_centre_field_check (ATLAS_CENTRE_NAME), ==, ATLAS_CHECK_REQUIRED);
  g_assert_cmpint (atlas_contact_field_check (ATLAS_CONTACT_EMAILS), ==, ATLAS_CHECK_EMAILS);
}

static void
test_list_union (void)
{
  g_autofree char *u = atlas_list_union ("a@x.de, B@y.de", "b@y.de; c@z.de");

  g_assert_cmpstr (u, ==, "a@x.de, B@y.de, c@z.de");
}

static AtlasContact *
make_contact (const char *given,
              const char *family,
              const char *emails)
{
  AtlasContact *c = atlas_contact_new ();

  atlas_contact_set_field (c, ATLAS_CONTACT_GIVEN_NAME, given);
  atlas_contact_set_field (c, ATLAS_CONTACT_FAMILY_NAME, family);
  atlas_contact_set_field (c, ATLAS_CONTACT_EMAILS, emails);
  return c;
}

static AtlasContact *
load_contact (AtlasStore *store,
              gint64      id)
{
  g_autoptr(GError) error = NULL;
  GObject *object = atlas_store_load (store, ATLAS_RECORD_CONTACT, id, &error);

  g_assert_no_error (error);
  return ATLAS_CONTACT (object);
}

static void
test_contact_save_delete (AtlasTestDir  *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(AtlasContact) c = make_contact ("Jürgen", "Weiß", "j.weiss@example.de");
  g_autoptr(AtlasContact) back = NULL;
  g_autoptr(GObject) gone = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(AtlasCentre) koeln = NULL;
  AtlasQueryScope scope = { 0 };
  gint64 id;

  g_assert_no_error (error);
  koeln = atlas_store_get_centre_by_ags (store, "05315", &error);
  g_assert_no_error (error);

  atlas_contact_set_field (c, ATLAS_CONTACT_ROLE, "Leitung");
  atlas_contact_set_centre_id (c, atlas_centre_get_id (koeln));
  id = atlas_store_save_contact (store, c, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (atlas_contact_get_id (c), ==, id);

  /* Update in place. */
  atlas_contact_set_field (c, ATLAS_CONTACT_ROLE, "Stellvertretende Leitung");
  g_assert_cmpint (atlas_store_save_contact (store, c, &error), ==, id);
  back = load_contact (store, id);
  g_assert_cmpstr (atlas_contact_get_field (back, ATLAS_CONTACT_ROLE), ==, "Stellvertretende Leitung");
  g_assert_cmpstr (atlas_contact_get_field (back, ATLAS_CONTACT_CENTRE_AGS), ==, "05315");
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_CONTACT, NULL), ==, 1);

  /* Umlaut-tolerant search over names, roles and e-mails. */
  for (guint i = 0; i < 4; i++)
    {
      const char *q[] = { "weiss", "JUERGEN", "jürgen weiß", "stellvertretend" };

      g_clear_pointer (&ids, g_array_unref);
      ids = atlas_store_query_ids (store, ATLAS_RECORD_CONTACT, q[i], &error);
      g_assert_no_error (error);
      g_assert_cmpuint (ids->len, ==, 1);
    }

  /* The centre's contacts. */
  scope.centre_id = atlas_centre_get_id (koeln);
  g_clear_pointer (&ids, g_array_unref);
  ids = atlas_store_query_ids_scoped (store, ATLAS_RECORD_CONTACT, NULL, &scope, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  scope.centre_id = atlas_centre_get_id (koeln) + 1;
  g_clear_pointer (&ids, g_array_unref);
  ids = atlas_store_query_ids_scoped (store, ATLAS_RECORD_CONTACT, NULL, &scope, &error);
  g_assert_cmpuint (ids->len, ==, 0);

  /* Delete, then save the snapshot again: same id, same data. */
  g_assert_true (atlas_store_delete_contact (store, id, &error));
  g_assert_no_error (error);
  gone = atlas_store_load (store, ATLAS_RECORD_CONTACT, id, &error);
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (atlas_store_save_contact (store, back, &error), ==, id);
  g_clear_object (&back);
  back = load_contact (store, id);
  g_assert_cmpstr (atlas_contact_get_field (back, ATLAS_CONTACT_FAMILY_NAME), ==, "Weiß");
}

static void
test_contact_duplicates (AtlasTestDir  *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_NO_SEED, &error);
  g_autoptr(AtlasContact) a = make_contact ("Jürgen", "Müller", "jm@example.de");
  g_autoptr(AtlasContact) b = make_contact ("Anna", "Schmidt", "presse@stadt.de, as@example.de");
  g_autoptr(AtlasContact) c = make_contact ("Jürgen", "Müller-Lüdenscheidt", "");
  g_autoptr(AtlasContact) probe = NULL;
  g_autoptr(AtlasContact) merged = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GObject) gone = NULL;

  g_assert_no_error (error);
  atlas_contact_set_field (a, ATLAS_CONTACT_PHONES, "0211 1234567");
  atlas_contact_set_field (b, ATLAS_CONTACT_PHONES, "0221 7654321");
  atlas_contact_set_field (b, ATLAS_CONTACT_ROLE, "Pressesprecherin");
  atlas_store_save_contact (store, a, &error);
  atlas_store_save_contact (store, b, &error);
  atlas_store_save_contact (store, c, &error);
  g_assert_no_error (error);

  /* The same name spelled without umlauts and in capitals. */
  probe = make_contact ("JUERGEN", "Mueller", "");
  ids = atlas_store_find_duplicates (store, probe, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, atlas_contact_get_id (a));
  g_clear_pointer (&ids, g_array_unref);

  /* Another name, a shared e-mail (case differs). */
  g_clear_object (&probe);
  probe = make_contact ("A.", "Schmitt", "AS@example.de");
  ids = atlas_store_find_duplicates (store, probe, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, atlas_contact_get_id (b));
  g_clear_pointer (&ids, g_array_unref);

  /* A contact is not its own duplicate; part of a name is not a match. */
  ids = atlas_store_find_duplicates (store, a, &error);
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);

  /* Merge b into a: lists joined, empty fields filled, b gone. */
  g_assert_true (atlas_store_merge_contacts (store, atlas_contact_get_id (a),
                                             atlas_contact_get_id (b), &error));
  g_assert_no_error (error);
  merged = load_contact (store, atlas_contact_get_id (a));
  g_assert_cmpstr (atlas_contact_get_field (merged, ATLAS_CONTACT_GIVEN_NAME), ==, "Jürgen");
  g_assert_cmpstr (atlas_contact_get_field (merged, ATLAS_CONTACT_EMAILS), ==,
                   "jm@example.de, presse@stadt.de, as@example.de");
  g_assert_cmpstr (atlas_contact_get_field (merged, ATLAS_CONTACT_PHONES), ==,
                   "0211 1234567, 0221 7654321");
  g_assert_cmpstr (atlas_contact_get_field (merged, ATLAS_CONTACT_ROLE), ==, "Pressesprecherin");
  gone = atlas_store_load (store, ATLAS_RECORD_CONTACT, atlas_contact_get_id (b), &error);
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_CONTACT, NULL), ==, 2);
}

static const char *
centre_field (AtlasStore       *store,
              gint64            id,
              AtlasCentreField  field)
{
  static char buffer[256];
  g_autoptr(GObject) centre = atlas_store_load (store, ATLAS_RECORD_CENTRE, id, NULL);

  g_strlcpy (buffer, atlas_centre_get_field (ATLAS_CENTRE (centre), field), sizeof buffer);
  return buffer;
}

static void
test_history (AtlasTestDir  *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(AtlasHistory) history = atlas_history_new (store);
  g_autoptr(AtlasCentre) before = atlas_store_get_centre_by_ags (store, "05111", &error);
  g_autoptr(GObject) after = atlas_record_copy (G_OBJECT (before));
  g_autoptr(GObject) other = NULL;
  g_autoptr(AtlasContact) c = make_contact ("Erika", "Mustermann", "");
  gint64 id = atlas_centre_get_id (before);

  g_assert_no_error (error);
  g_assert_false (atlas_history_can_undo (history));

  /* Edit the street, then (someone else) the phone. */
  atlas_centre_set_field (ATLAS_CENTRE (after), ATLAS_CENTRE_STREET, "Willi-Becker-Allee 7");
  g_assert_true (atlas_store_update_centre (store, ATLAS_CENTRE (after), &error));
  atlas_history_push (history, ATLAS_RECORD_CENTRE, G_OBJECT (before), after, "Street");
  other = atlas_record_copy (after);
  atlas_centre_set_field (ATLAS_CENTRE (other), ATLAS_CENTRE_PHONE, "0211 8921234");
  g_assert_true (atlas_store_update_centre (store, ATLAS_CENTRE (other), &error));
  g_assert_true (atlas_history_can_undo (history));
  g_assert_cmpstr (atlas_history_get_undo_label (history), ==, "Street");

  /* Undo reverts the street only. */
  g_assert_true (atlas_history_undo (history, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (centre_field (store, id, ATLAS_CENTRE_STREET), ==,
                   atlas_centre_get_field (before, ATLAS_CENTRE_STREET));
  g_assert_cmpstr (centre_field (store, id, ATLAS_CENTRE_PHONE), ==, "0211 8921234");
  g_assert_false (atlas_history_can_undo (history));
  g_assert_true (atlas_history_can_redo (history));

  g_assert_true (atlas_history_redo (history, &error));
  g_assert_cmpstr (centre_field (store, id, ATLAS_CENTRE_STREET), ==, "Willi-Becker-Allee 7");

  /* Creating and deleting a contact. */
  atlas_store_save_contact (store, c, &error);
  atlas_history_push (history, ATLAS_RECORD_CONTACT, NULL, G_OBJECT (c), "Create");
  g_assert_false (atlas_history_can_redo (history));
  atlas_store_delete_contact (store, atlas_contact_get_id (c), &error);
  atlas_history_push (history, ATLAS_RECORD_CONTACT, G_OBJECT (c), NULL, "Delete");
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_CONTACT, NULL), ==, 0);

  g_assert_true (atlas_history_undo (history, &error));  /* the delete */
  g_assert_no_error (error);
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_CONTACT, NULL), ==, 1);
  g_assert_true (atlas_history_undo (history, &error));  /* the creation */
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_CONTACT, NULL), ==, 0);
  g_assert_true (atlas_history_redo (history, &error));
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_CONTACT, NULL), ==, 1);

  /* A group undoes together. */
  atlas_history_begin_group (history, "Two edits");
  atlas_history_push (history, ATLAS_RECORD_CONTACT, G_OBJECT (c), NULL, NULL);
  atlas_history_push (history, ATLAS_RECORD_CENTRE, after, G_OBJECT (before), NULL);
  atlas_history_end_group (history);
  atlas_store_delete_contact (store, atlas_contact_get_id (c), &error);
  atlas_store_update_centre (store, before, &error);
  g_assert_true (atlas_history_undo (history, &error));
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_CONTACT, NULL), ==, 1);
  g_assert_cmpstr (centre_field (store, id, ATLAS_CENTRE_STREET), ==, "Willi-Becker-Allee 7");

  atlas_history_clear (history);
  g_assert_false (atlas_history_can_undo (history));
  g_assert_false (atlas_history_can_redo (history));
}


static AtlasContact *
full_contact (guint i)
{
  AtlasContact *c = atlas_contact_new ();
  g_autofree char *family = g_strdup_printf ("Müller-Lüdenscheidt %u", i);
  g_autofree char *emails = g_strdup_printf ("j.mueller%u@stadt-koeln.de, presse%u@stadt-koeln.de", i, i);

  atlas_contact_set_field (c, ATLAS_CONTACT_HONORIFIC, "Prof. Dr.");
  atlas_contact_set_field (c, ATLAS_CONTACT_GIVEN_NAME, "Jürgen; „Jo“");
  atlas_contact_set_field (c, ATLAS_CONTACT_FAMILY_NAME, family);
  atlas_contact_set_field (c, ATLAS_CONTACT_ROLE, "Leitung, Presse \\ Öffentlichkeitsarbeit");
  atlas_contact_set_field (c, ATLAS_CONTACT_ORGANISATION, "Kommunales Integrationszentrum Städteregion Aachen – Büro für Chancengleichheit und Vielfalt");
  atlas_contact_set_field (c, ATLAS_CONTACT_CENTRE_AGS, i % 2 ? "05315" : "");
  atlas_contact_set_field (c, ATLAS_CONTACT_PHONES, "0221 221-29292, +49 171 1234567");
  atlas_contact_set_field (c, ATLAS_CONTACT_EMAILS, emails);
  atlas_contact_set_field (c, ATLAS_CONTACT_NOTES, "Erste Zeile, mit \"Anführung\";\nzweite Zeile\n\nDritte: 100 % ß");
  atlas_contact_set_field (c, ATLAS_CONTACT_TAGS, "Presse, KI, Sommertour 2017");
  return c;
}

static void
assert_same_contacts (GPtrArray *a,
                      GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    for (AtlasContactField f = 1; f < ATLAS_CONTACT_N_FIELDS; f++)
      g_assert_cmpstr (atlas_contact_get_field (g_ptr_array_index (a, i), f), ==,
                       atlas_contact_get_field (g_ptr_array_index (b, i), f));
}

static GPtrArray *
parse_text (const char          *text,
            gsize                len,
            AtlasContactFormat  *format,
            GError             **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, len == 0 ? strlen (text) : len);

  return atlas_contacts_parse (bytes, format, NULL, error);
}

static void
test_exchange_round_trip (void)
{
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *vcard = NULL;
  g_autofree char *csv = NULL;
  AtlasContactFormat format;
  g_auto(GStrv) lines = NULL;

  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (contacts, full_contact (i));
  /* Only an organisation. */
  {
    AtlasContact *office = atlas_contact_new ();

    atlas_contact_set_field (office, ATLAS_CONTACT_ORGANISATION, "Pressestelle der Stadt Bonn");
    g_ptr_array_add (contacts, office);
  }

  vcard = atlas_contacts_to_vcard (contacts);
  /* RFC 6350: CRLF, no line longer than 75 octets, 4.0, FN present. */
  lines = g_strsplit (vcard, "\r\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_null (strchr (lines[i], '\n'));
    }
  g_assert_nonnull (strstr (vcard, "VERSION:4.0\r\n"));
  g_assert_nonnull (strstr (vcard, "FN:Pressestelle der Stadt Bonn\r\n"));
  g_assert_nonnull (strstr (vcard, "N:Müller-Lüdenscheidt 0;Jürgen\\; „Jo“;;Prof. Dr.;\r\n"));
  back = parse_text (vcard, 0, &format, &error);
  g_assert_no_error (error);
  g_assert_cmpint (format, ==, ATLAS_CONTACT_FORMAT_VCARD);
  assert_same_contacts (contacts, back);
  g_clear_pointer (&back, g_ptr_array_unref);

  csv = atlas_contacts_to_csv (contacts);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBFhonorific,given-name,family-name,"));
  back = parse_text (csv, 0, &format, &error);
  g_assert_no_error (error);
  g_assert_cmpint (format, ==, ATLAS_CONTACT_FORMAT_CSV);
  assert_same_contacts (contacts, back);
}

static void
test_exchange_odd_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) got = NULL;
  AtlasContactFormat format;
  AtlasContact *c;
  /* Outlook, German, Windows-1252, semicolons, categories with ; inside. */
  const char cp1252[] =
    "Anrede;Vorname;Weitere Vornamen;Nachname;Firma;Position;Telefon gesch\xe4" "ftlich;"
    "Mobiltelefon;E-Mail-Adresse;E-Mail 2: Adresse;Notizen;Kategorien\r\n"
    "Frau;Ay\xfe" "e;;Stra\xdf" "er;Stadt D\xfcsseldorf;B\xfcroleitung;0211 89-93456;;"
    "a.strasser@duesseldorf.de;presse@duesseldorf.de;\"Mag \"\"Kaffee\"\";\r\nzweite Zeile\";\"Presse;KI\"\r\n";
  /* Outlook «Unicode text»: UTF-16LE with BOM, tabs. */
  const char *utf16_source = "First Name\tLast Name\tCompany\tE-mail Address\r\nZoë\tÇelik\tKreis Kleve\tz.celik@kreis-kleve.de\r\n";
  /* vCard 2.1 as Outlook writes it: quoted-printable, Latin-1, soft breaks. */
  const char vcard21[] =
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;J=FCrgen;;Dr.\r\n"
    "FN:Dr. J\xfcrgen M\xfcller\r\nORG;CHARSET=ISO-8859-1:Stadt K\xf6ln\r\n"
    "NOTE;ENCODING=QUOTED-PRINTABLE:Erste Zeile=0D=0Azweite =\r\nZeile\r\n"
    "TEL;WORK;VOICE:0221 221-0\r\nEMAIL;PREF;INTERNET:jm@stadt-koeln.de\r\n"
    "PHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQSkZJRgABAQ\r\n AAAQABAAD\r\n\r\nEND:VCARD\r\n";
  /* vCard 3.0 from a phone: LF only, folded, grouped properties, URIs. */
  const char *vcard30 =
    "BEGIN:VCARD\nVERSION:3.0\nFN:Anna Schmidt\nN:Schmidt;Anna;;;\nitem1.EMAIL;type=INTERNET;ty\n pe=pref:anna@exam\n ple.de\n"
    "TEL;TYPE=CELL:tel:+49-171-1234567\nCATEGORIES:Presse,Ministerium\nEND:VCARD\n";

  got = parse_text (cp1252, sizeof cp1252 - 1, &format, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (got->len, ==, 1);
  c = g_ptr_array_index (got, 0);
  g_assert_cmpstr (atlas_contact_get_field (c, ATLAS_CONTACT_GIVEN_NAME), ==, "Ayþe");
  g_assert_cmpstr (atlas_contact_get_field (c, ATLAS_CONTACT_FAMILY_NAME), ==, "Straßer");
  g_assert_cmpstr (atlas_contact_get_field (c, ATLAS_CONTACT_ROLE), ==, "Büroleitung");
  g_assert_cmpstr (atlas_contact_get_field (c, ATLAS_CONTACT_EMAILS), ==, "a.strasser@duesseldorf.de, presse@duesseldorf.de");
  g_assert_cmpstr (atlas_contact_get_field (c, ATLAS_CONTACT_NOTES), ==, "Mag \"Kaffee\";\nzweite Zeile");
  g_assert_cmpstr (atlas_contact_get_field (c, ATLAS_CONTACT_TAGS), ==, "Presse, KI");
  g_clear_pointer (&got, g_ptr_array_unref);

  {
    gsize len = 0;
    g_autofree char *utf16 = g_convert (utf16_source, -1, "UTF-16LE", "UTF-8", NULL, &len, NULL);
    g_autofree char *with_bom = g_malloc (len + 2);

    memcpy (with_bom, "\xFF\xFE", 2);
    memcpy (with_bom + 2, utf16, len);
    got = parse_text (with_bom, len + 2, &format, &error);
    g_assert_no_error (error);
    c = g_ptr_array_index (got, 0);
    g_assert_cmpstr (atlas_contact_get_field (c, ATLAS_CONTACT_GIVEN_NAME), ==, "Zoë");
    g_assert_cmpstr (atlas_contact_get_field (c, ATLAS_CONTACT_FAMILY_NAME), ==, "Çelik");
    g_assert_cmpstr (atlas_contact_get_field (c, ATLAS_CONTACT_ORGANISATION), ==, "Kreis Kleve");
    g_clear_pointer (&got, g_ptr_array_unref);
  }

  got = parse_text (vcard21, sizeof vcard21 - 1, &format, &error);
  g_assert_no_error (error);
  c = g_ptr_array_index (got, 0);
  g_assert_cmpstr (atlas_contact_get_field (c, ATLAS_CONTACT_FAMILY_NAME), ==, "Müller");
  g_assert_cmpstr (atlas_contact_get_field (c, ATLAS_CONTACT_GIVEN_NAME), ==, "Jürgen");
  g_assert_cmpstr (atlas_contact_get_field (c, ATLAS_CONTACT_HONORIFIC), ==, "Dr.");
  g_assert_cmpstr (atlas_contact_get_field (c, ATLAS_CONTACT_ORGANISATION), ==, "Stadt Köln");
  g_assert_cmpstr (atlas_contact_get_field (c, ATLAS_CONTACT_NOTES), ==, "Erste Zeile\r\nzweite Zeile");
  g_assert_cmpstr (atlas_contact_get_field (c, ATLAS_CONTACT_PHONES), ==, "0221 221-0");
  g_clear_pointer (&got, g_ptr_array_unref);

  got = parse_text (vcard30, 0, &format, &error);
  g_assert_no_error (error);
  c = g_ptr_array_index (got, 0);
  g_assert_cmpstr (atlas_contact_get_field (c, ATLAS_CONTACT_EMAILS), ==, "anna@example.de");
  g_assert_cmpstr (atlas_contact_get_field (c, ATLAS_CONTACT_PHONES), ==, "+49-171-1234567");
  g_assert_cmpstr (atlas_contact_get_field (c, ATLAS_CONTACT_TAGS), ==, "Presse, Ministerium");
  g_clear_pointer (&got, g_ptr_array_unref);

  /* Clear refusals. */
  got = parse_text ("  \r\n", 0, &format, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  got = parse_text ("PK\x03\x04\0\0binary", 12, &format, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  got = parse_text ("Spalte A;Spalte B\r\n1;2\r\n", 0, &format, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "Vorname"));
  g_clear_error (&error);
  got = parse_text ("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ohne Ende\r\n", 0, &format, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (got->len, ==, 1);
}

static void
test_exchange_import (AtlasTestDir  *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path_b = g_build_filename (fixture->dir, "b.sqlite", NULL);
  g_autoptr(AtlasStore) a = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(AtlasStore) b = atlas_store_new (path_b, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GPtrArray) from_a = NULL;
  g_autoptr(GPtrArray) parsed = NULL;
  g_autoptr(GPtrArray) from_b = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *vcf = g_build_filename (fixture->dir, "contacts.vcf", NULL);
  AtlasContactReport report = { 0 };
  AtlasContactFormat format;

  g_assert_no_error (error);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(AtlasContact) c = full_contact (i);
      g_autoptr(AtlasCentre) koeln = atlas_store_get_centre_by_ags (a, "05315", NULL);

      if (*atlas_contact_get_field (c, ATLAS_CONTACT_CENTRE_AGS) != '\0')
        atlas_contact_set_centre_id (c, atlas_centre_get_id (koeln));
      g_assert_cmpint (atlas_store_save_contact (a, c, &error), >, 0);
    }

  /* Store → vCard file → other store: the same contacts. */
  from_a = atlas_contacts_collect (a, NULL, &error);
  file = g_file_new_for_path (vcf);
  g_assert_true (atlas_contacts_write (from_a, ATLAS_CONTACT_FORMAT_VCARD, file, NULL, &error));
  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  parsed = atlas_contacts_parse (bytes, &format, NULL, &error);
  g_assert_no_error (error);

  /* A preview changes nothing. */
  g_assert_true (atlas_contacts_import (b, parsed, TRUE, &report, &error));
  g_assert_cmpuint (report.added, ==, 5);
  g_assert_cmpint (atlas_store_count (b, ATLAS_RECORD_CONTACT, NULL), ==, 0);

  g_assert_true (atlas_contacts_import (b, parsed, FALSE, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.added, ==, 5);
  from_b = atlas_contacts_collect (b, NULL, &error);
  assert_same_contacts (from_a, from_b);

  /* The same file again: nothing new. */
  g_assert_true (atlas_contacts_import (b, parsed, FALSE, &report, &error));
  g_assert_cmpuint (report.added, ==, 0);
  g_assert_cmpuint (report.skipped, ==, 5);

  /* A known person with a new address is merged; no name is skipped; an
   * unknown centre is reported and dropped. */
  {
    g_autoptr(GPtrArray) more = parse_text ("Vorname,Nachname,E-Mail-Adresse,centre-ags\r\n"
                                            "Jürgen; „Jo“,Müller-Lüdenscheidt 1,neu@example.de,\r\n"
                                            ",,niemand@example.de,\r\n"
                                            "Eva,Neu,,99999\r\n", 0, &format, &error);

    g_assert_no_error (error);
    g_assert_true (atlas_contacts_import (b, more, FALSE, &report, &error));
    g_assert_cmpuint (report.added, ==, 1);
    g_assert_cmpuint (report.merged, ==, 1);
    g_assert_cmpuint (report.skipped, ==, 1);
    g_assert_cmpuint (report.messages->len, ==, 2);
    g_assert_nonnull (strstr (g_ptr_array_index (report.messages, 0), "3"));
  }
  atlas_contact_report_clear (&report);
}


/* A vCard from another program names its centre by its address or its
 * organisation, as releases and calendar events do: linked like them (a
 * walk found such contacts imported without a centre). */
static void
test_exchange_import_links_centre (AtlasTestDir  *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(AtlasCentre) bielefeld = NULL;
  g_autoptr(GPtrArray) parsed = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  AtlasContactReport report = { 0 };
  AtlasContactFormat format;
  static const struct {
    const char *family;
    const char *ags;
  } expected[] = {
    { "Adresse", "05711" },
    { "Organisation", "05334002" },
    { "Einheit", "05154" },
    { "Ministerium", "" },
    { "Kreisverwaltung", "05162" },
    { "Zeitung", "" },
    { "Behoerde", "" },
  };

  g_assert_no_error (error);
  bielefeld = atlas_store_get_centre_by_ags (store, "05711", &error);
  g_assert_no_error (error);
  atlas_centre_set_field (bielefeld, ATLAS_CENTRE_STREET, "Niederwall 23");
  atlas_centre_set_field (bielefeld, ATLAS_CENTRE_POSTAL_CODE, "33602");
  g_assert_true (atlas_store_update_centre (store, bielefeld, &error));
  g_assert_no_error (error);

  parsed = parse_text ("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Adresse;Ada\r\nORG:Amt für Integration\r\n"
                       "ADR;TYPE=WORK:;;Niederwall 23;Bielefeld;;33602;Deutschland\r\nEND:VCARD\r\n"
                       "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Organisation;Olga\r\n"
                       "ORG:Kommunales Integrationszentrum der Stadt Aachen\r\nEND:VCARD\r\n"
                       "BEGIN:VCARD\r\nVERSION:4.0\r\nN:Einheit;Emil\r\n"
                       "ORG:Kreis Kleve;Kommunales Integrationszentrum\r\nEND:VCARD\r\n"
                       "BEGIN:VCARD\r\nVERSION:4.0\r\nN:Ministerium;Mia\r\n"
                       "ORG:Ministerium für Kinder, Jugend, Familie, Gleichstellung, Flucht und Integration\r\n"
                       "END:VCARD\r\n"
                       "BEGIN:VCARD\r\nVERSION:4.0\r\nN:Kreisverwaltung;Kai\r\nORG:Rhein-Kreis Neuss\r\nEND:VCARD\r\n"
                       /* A town's newspaper or state authority is not its centre. */
                       "BEGIN:VCARD\r\nVERSION:4.0\r\nN:Zeitung;Zoe\r\nORG:Rheinische Post Düsseldorf\r\nEND:VCARD\r\n"
                       "BEGIN:VCARD\r\nVERSION:4.0\r\nN:Behoerde;Ben\r\nORG:Bezirksregierung Köln\r\nEND:VCARD\r\n",
                       0, &format, &error);
  g_assert_no_error (error);
  g_assert_true (atlas_contacts_import (store, parsed, FALSE, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.added, ==, G_N_ELEMENTS (expected));

  stored = atlas_contacts_collect (store, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      AtlasContact *found = NULL;

      for (guint j = 0; j < stored->len; j++)
        if (g_str_equal (atlas_contact_get_field (g_ptr_array_index (stored, j), ATLAS_CONTACT_FAMILY_NAME),
                         expected[i].family))
          found = g_ptr_array_index (stored, j);
      g_assert_nonnull (found);
      g_assert_cmpstr (atlas_contact_get_field (found, ATLAS_CONTACT_CENTRE_AGS), ==, expected[i].ags);
      if (*expected[i].ags != '\0')
        {
          g_autoptr(AtlasCentre) centre = atlas_store_get_centre_by_ags (store, expected[i].ags, NULL);

          g_assert_cmpint (atlas_contact_get_centre_id (found), ==, atlas_centre_get_id (centre));
        }
      else
        g_assert_cmpint (atlas_contact_get_centre_id (found), ==, 0);
    }
  atlas_contact_report_clear (&report);
}

static void
test_visit_dates (void)
{
  static const struct { const char *typed, *stored, *sort; } cases[] = {
    { "02.10.2018", "2018-10-02", "2018-10-02" },
    { "2.10.2018", "2018-10-02", "2018-10-02" },
    { "2018-10-02", "2018-10-02", "2018-10-02" },
    { "10/2018", "2018-10", "2018-10-01" },
    { "10.2018", "2018-10", "2018-10-01" },
    { "2019-08", "2019-08", "2019-08-01" },
    { "2018", "2018", "2018-01-01" },
    { "KW 31/2017", "2017-W31", "2017-07-31" },
    { "week 1/2021", "2021-W01", "2021-01-04" },
    { "2017-W31", "2017-W31", "2017-07-31" },
    { "31.07.–15.08.2017", "2017-07-31/2017-08-15", "2017-07-31" },
    { "30.12.2017–02.01.2018", "2017-12-30/2018-01-02", "2017-12-30" },
    { "2017-07-31/2017-08-15", "2017-07-31/2017-08-15", "2017-07-31" },
  };
  static const char * const bad[] = {
    "", "gestern", "31.02.2018", "13/2018", "KW 54/2017", "15.08.–31.07.2017", "20188", "2018-13",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *stored = atlas_visit_parse_date (cases[i].typed);
      g_autofree char *sort = atlas_visit_sort_date (stored);
      g_autofree char *shown = atlas_validate_display (ATLAS_CHECK_VISIT_DATE, stored);
      g_autofree char *again = atlas_visit_parse_date (shown);

      g_assert_cmpstr (stored, ==, cases[i].stored);
      g_assert_cmpstr (sort, ==, cases[i].sort);
      /* What the field shows reads back as the same date. */
      g_assert_cmpstr (again, ==, stored);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *stored = atlas_visit_parse_date (bad[i]);

      if (stored != NULL)
        g_error ("“%s” read as %s", bad[i], stored);
    }
}

static void
test_visit_save_undo (AtlasTestDir  *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (fixture->db_path, ATLAS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(AtlasHistory) history = atlas_history_new (store);
  g_autoptr(AtlasCentre) kleve = atlas_store_get_centre_by_ags (store, "05154", &error);
  g_autoptr(AtlasVisit) visit = atlas_visit_new ();
  g_autoptr(GObject) before = NULL;
  g_autoptr(GObject) back = NULL;
  gint64 id;

  g_assert_no_error (error);
  atlas_visit_set_centre_id (visit, atlas_centre_get_id (kleve));
  atlas_visit_set_field (visit, ATLAS_VISIT_DATE, "2017-W31");
  atlas_visit_set_field (visit, ATLAS_VISIT_STATUS, "planned");
  atlas_visit_set_field (visit, ATLAS_VISIT_VISITORS, "Staatssekretärin");
  id = atlas_store_save_visit (store, visit, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  atlas_history_push (history, ATLAS_RECORD_VISIT, NULL, G_OBJECT (visit), "Create");

  back = atlas_store_load (store, ATLAS_RECORD_VISIT, id, &error);
  g_assert_cmpstr (atlas_visit_get_field (ATLAS_VISIT (back), ATLAS_VISIT_SORT_DATE), ==, "2017-07-31");
  g_assert_cmpstr (atlas_visit_get_field (ATLAS_VISIT (back), ATLAS_VISIT_AGS), ==, "05154");

  /* Change the date; undo brings the old one back. */
  before = atlas_record_copy (back);
  atlas_visit_set_field (ATLAS_VISIT (back), ATLAS_VISIT_DATE, "2017-08-02");
  atlas_visit_set_field (ATLAS_VISIT (back), ATLAS_VISIT_STATUS, "done");
  g_assert_cmpint (atlas_store_save_visit (store, ATLAS_VISIT (back), &error), ==, id);
  atlas_history_push (history, ATLAS_RECORD_VISIT, before, back, "Edit");
  g_assert_true (atlas_history_undo (history, &error));
  g_clear_object (&back);
  back = atlas_store_load (store, ATLAS_RECORD_VISIT, id, &error);
  g_assert_cmpstr (atlas_visit_get_field (ATLAS_VISIT (back), ATLAS_VISIT_DATE), ==, "2017-W31");
  g_assert_cmpstr (atlas_visit_get_field (ATLAS_VISIT (back), ATLAS_VISIT_STATUS), ==, "planned");

  /* Undo the creation: gone; redo: back with its id. */
  g_assert_true (atlas_history_undo (history, &error));
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_VISIT, NULL), ==, 0);
  g_assert_true (atlas_history_redo (history, &error));
  g_assert_cmpint (atlas_store_count (store, ATLAS_RECORD_VISIT, NULL), ==, 1);

  /* A date that is none is refused. */
  atlas_visit_set_field (visit, ATLAS_VISIT_DATE, "irgendwann");
  g_assert_cmpint (atlas_store_save_visit (store, visit, &error), ==, 0);
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CONSTRAINT);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  atlas_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/email", test_validate_email);
  g_test_add_func ("/validate/phone", test_validate_phone);
  g_test_add_func ("/validate/other", test_validate_other);
  g_test_add_func ("/validate/list-union", test_list_union);
  ATLAS_TEST_ADD ("/contact/save-delete", test_contact_save_delete);
  ATLAS_TEST_ADD ("/contact/duplicates", test_contact_duplicates);
  ATLAS_TEST_ADD ("/history/undo-redo", test_history);
  g_test_add_func ("/visit/dates", test_visit_dates);
  ATLAS_TEST_ADD ("/visit/save-undo", test_visit_save_undo);
  g_test_add_func ("/exchange/round-trip", test_exchange_round_trip);
  g_test_add_func ("/exchange/odd-files", test_exchange_odd_files);
  ATLAS_TEST_ADD ("/exchange/import", test_exchange_import);
  ATLAS_TEST_ADD ("/exchange/import-links-centre", test_exchange_import_links_centre);

  return g_test_run ();
}
