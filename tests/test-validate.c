/* test-validate.c: checking what the user types, and how it is stored and shown
 * (atlas-validate.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "atlas-i18n.h"
#include "atlas-record.h"
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
  /* A day that does not exist says so (it said "Not a date", a walk found). */
  {
    g_autofree char *feb = atlas_validate (ATLAS_CHECK_VISIT_DATE, "31.02.2017");
    g_autofree char *leap = atlas_validate (ATLAS_CHECK_DATE, "29.02.2023");
    g_autofree char *other = atlas_validate (ATLAS_CHECK_VISIT_DATE, "gestern");

    g_assert_cmpstr (feb, ==, "There is no 31.02.2017: that month has 28 days.");
    g_assert_cmpstr (leap, ==, "There is no 29.02.2023: that month has 28 days.");
    g_assert_true (g_str_has_prefix (other, "Not a date."));
  }

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

  return g_test_run ();
}
