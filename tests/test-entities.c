/* peermatch tests: supporters and requests (normalisation and defaults).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-test-util.h"

static void
assert_strv (const char *const *actual, const char *const *expected)
{
  assert_non_null (actual);
  assert_int_equal (g_strv_length ((char **)actual), g_strv_length ((char **)expected));
  for (guint i = 0; expected[i] != NULL; i++)
    assert_string_equal (actual[i], expected[i]);
}

static const char *const none[] = { NULL };
static const char *const en[] = { "en", NULL };

static void
test_supporter_defaults (void **state)
{
  g_autoptr (PmSupporter) s = pm_supporter_new ("S1");
  const PmAvailability *availability = pm_supporter_get_availability (s);

  assert_string_equal (pm_supporter_get_id (s), "S1");
  assert_null (pm_supporter_get_name (s));
  assert_null (pm_supporter_get_service (s));
  assert_null (pm_supporter_get_organisation (s));
  assert_null (pm_supporter_get_region (s));
  assert_null (pm_supporter_get_role (s));
  assert_null (pm_supporter_get_gender (s));
  assert_null (pm_supporter_get_manager (s));
  assert_null (pm_supporter_get_team (s));
  assert_strv (pm_supporter_get_experience (s), none);
  assert_strv (pm_supporter_get_skills (s), none);
  assert_strv (pm_supporter_get_languages (s), en);
  assert_int_equal (pm_supporter_get_modes (s), PM_MODES_ALL);
  assert_int_equal (pm_supporter_get_capacity (s), 0);
  assert_int_equal (pm_supporter_get_load (s), 0);
  assert_null (pm_supporter_get_trained_until (s));
  assert_null (pm_supporter_get_paused_until (s));
  assert_non_null (availability);
  assert_int_equal (pm_availability_get_minutes (availability), 0);
  assert_false (pm_supporter_has_skill (s, "trim"));
}

static void
test_supporter_normalisation (void **state)
{
  g_autoptr (PmSupporter) s = pm_supporter_new (" Staff 1 ");
  const char *experience[] = { " PTSD", "", "Bereavement", "ptsd ", "  ", NULL };
  const char *expected_experience[] = { "ptsd", "bereavement", NULL };
  const char *languages[] = { "EN", " Cy ", "en", NULL };
  const char *expected_languages[] = { "en", "cy", NULL };
  const char *skills[] = { "TRiM", "MHFA", NULL };

  /* ids and free text are kept as given */
  assert_string_equal (pm_supporter_get_id (s), " Staff 1 ");
  pm_supporter_set_name (s, " Alex Smith ");
  pm_supporter_set_organisation (s, "Merseyside Police");
  pm_supporter_set_manager (s, " M-7 ");
  pm_supporter_set_team (s, "Blue Watch");
  assert_string_equal (pm_supporter_get_name (s), " Alex Smith ");
  assert_string_equal (pm_supporter_get_organisation (s), "Merseyside Police");
  assert_string_equal (pm_supporter_get_manager (s), " M-7 ");
  assert_string_equal (pm_supporter_get_team (s), "Blue Watch");
  /* tokens are trimmed and lower-cased */
  pm_supporter_set_service (s, " Police ");
  pm_supporter_set_region (s, "MerseySide");
  pm_supporter_set_role (s, "Control_Room\t");
  pm_supporter_set_gender (s, " F ");
  assert_string_equal (pm_supporter_get_service (s), "police");
  assert_string_equal (pm_supporter_get_region (s), "merseyside");
  assert_string_equal (pm_supporter_get_role (s), "control_room");
  assert_string_equal (pm_supporter_get_gender (s), "f");
  pm_supporter_set_experience (s, experience);
  assert_strv (pm_supporter_get_experience (s), expected_experience);
  pm_supporter_set_languages (s, languages);
  assert_strv (pm_supporter_get_languages (s), expected_languages);
  pm_supporter_set_skills (s, skills);
  assert_true (pm_supporter_has_skill (s, "trim"));
  assert_true (pm_supporter_has_skill (s, " Mhfa "));
  assert_false (pm_supporter_has_skill (s, "senior"));
  assert_false (pm_supporter_has_skill (s, NULL));
  /* blank clears */
  pm_supporter_set_name (s, "   ");
  pm_supporter_set_service (s, " ");
  pm_supporter_set_manager (s, "");
  pm_supporter_set_team (s, NULL);
  pm_supporter_set_organisation (s, "\t");
  assert_null (pm_supporter_get_name (s));
  assert_null (pm_supporter_get_service (s));
  assert_null (pm_supporter_get_manager (s));
  assert_null (pm_supporter_get_team (s));
  assert_null (pm_supporter_get_organisation (s));
  /* lists: NULL empties; languages fall back to the default */
  pm_supporter_set_experience (s, NULL);
  assert_strv (pm_supporter_get_experience (s), none);
  pm_supporter_set_languages (s, none);
  assert_strv (pm_supporter_get_languages (s), en);
  pm_supporter_set_languages (s, expected_languages);
  pm_supporter_set_languages (s, NULL);
  assert_strv (pm_supporter_get_languages (s), en);
  /* setting a value from its own getter is safe */
  pm_supporter_set_region (s, "wirral");
  pm_supporter_set_region (s, pm_supporter_get_region (s));
  assert_string_equal (pm_supporter_get_region (s), "wirral");
  pm_supporter_set_skills (s, pm_supporter_get_skills (s));
  assert_true (pm_supporter_has_skill (s, "trim"));
}

static void
test_supporter_values (void **state)
{
  g_autoptr (PmSupporter) s = pm_supporter_new ("S1");
  g_autoptr (PmAvailability) availability
      = pm_availability_new_from_string ("weekdays 09:00-17:00", NULL);
  GDate date;

  pm_supporter_set_capacity (s, 3);
  pm_supporter_set_load (s, 1);
  pm_supporter_set_modes (s, PM_MODES_PHONE | PM_MODES_VIDEO);
  assert_int_equal (pm_supporter_get_capacity (s), 3);
  assert_int_equal (pm_supporter_get_load (s), 1);
  assert_int_equal (pm_supporter_get_modes (s), PM_MODES_PHONE | PM_MODES_VIDEO);

  /* dates are copied */
  assert_true (pm_date_parse ("2027-03-31", &date));
  pm_supporter_set_trained_until (s, &date);
  assert_true (pm_date_parse ("2026-12-24", &date));
  pm_supporter_set_paused_until (s, &date);
  g_date_add_days (&date, 10);
  assert_int_equal (g_date_get_year (pm_supporter_get_trained_until (s)), 2027);
  assert_int_equal (g_date_get_day (pm_supporter_get_paused_until (s)), 24);
  pm_supporter_set_paused_until (s, NULL);
  assert_null (pm_supporter_get_paused_until (s));
  assert_non_null (pm_supporter_get_trained_until (s));

  /* the availability is copied */
  pm_supporter_set_availability (s, availability);
  pm_availability_add_interval (availability, 0, 60);
  assert_int_equal (pm_availability_get_minutes (pm_supporter_get_availability (s)), 40 * 60);
  pm_supporter_set_availability (s, pm_supporter_get_availability (s));
  assert_int_equal (pm_availability_get_minutes (pm_supporter_get_availability (s)), 40 * 60);
  pm_supporter_set_availability (s, NULL);
  assert_int_equal (pm_availability_get_minutes (pm_supporter_get_availability (s)), 0);
}

static void
test_request_defaults (void **state)
{
  g_autoptr (PmRequest) r = pm_request_new ("R1", "P1");
  g_autoptr (PmRequest) blank = pm_request_new ("R2", "  ");
  g_autoptr (PmRequest) none_person = pm_request_new ("R3", NULL);

  assert_string_equal (pm_request_get_id (r), "R1");
  assert_string_equal (pm_request_get_person (r), "P1");
  assert_null (pm_request_get_person (blank));
  assert_null (pm_request_get_person (none_person));
  assert_null (pm_request_get_service (r));
  assert_null (pm_request_get_organisation (r));
  assert_null (pm_request_get_region (r));
  assert_null (pm_request_get_role (r));
  assert_null (pm_request_get_gender (r));
  assert_null (pm_request_get_manager (r));
  assert_null (pm_request_get_team (r));
  assert_strv (pm_request_get_topics (r), none);
  assert_strv (pm_request_get_exclude (r), none);
  assert_strv (pm_request_get_languages (r), en);
  assert_int_equal (pm_request_get_modes (r), PM_MODES_ALL);
  assert_int_equal (pm_request_get_service_pref (r), PM_SERVICE_PREF_ANY);
  assert_int_equal (pm_request_get_urgency (r), PM_URGENCY_ROUTINE);
  assert_int_equal (pm_availability_get_minutes (pm_request_get_availability (r)), 0);
}

static void
test_request_normalisation (void **state)
{
  g_autoptr (PmRequest) r = pm_request_new ("R-1", " P 1");
  const char *topics[] = { "Trauma", " ptsd", "TRAUMA", "", NULL };
  const char *expected_topics[] = { "trauma", "ptsd", NULL };
  const char *exclude[] = { "S1", " s2 ", "", "S1", "  ", "s1", NULL };
  const char *expected_exclude[] = { "S1", " s2 ", "s1", NULL };
  const char *languages[] = { "PL", NULL };
  const char *expected_languages[] = { "pl", NULL };
  g_autoptr (PmAvailability) availability
      = pm_availability_new_from_string ("sat 10:00-12:00", NULL);

  assert_string_equal (pm_request_get_person (r), " P 1");
  pm_request_set_service (r, "FIRE ");
  pm_request_set_organisation (r, " Some Fire & Rescue ");
  pm_request_set_region (r, " Wirral");
  pm_request_set_role (r, "Frontline");
  pm_request_set_gender (r, " ");
  pm_request_set_manager (r, "Boss");
  pm_request_set_team (r, " Red Watch");
  pm_request_set_topics (r, topics);
  pm_request_set_exclude (r, exclude);
  pm_request_set_languages (r, languages);
  pm_request_set_modes (r, PM_MODES_IN_PERSON);
  pm_request_set_service_pref (r, PM_SERVICE_PREF_OTHER);
  pm_request_set_urgency (r, PM_URGENCY_PRIORITY);
  pm_request_set_availability (r, availability);
  assert_string_equal (pm_request_get_service (r), "fire");
  assert_string_equal (pm_request_get_organisation (r), " Some Fire & Rescue ");
  assert_string_equal (pm_request_get_region (r), "wirral");
  assert_string_equal (pm_request_get_role (r), "frontline");
  assert_null (pm_request_get_gender (r));
  assert_string_equal (pm_request_get_manager (r), "Boss");
  assert_string_equal (pm_request_get_team (r), " Red Watch");
  assert_strv (pm_request_get_topics (r), expected_topics);
  /* exclude holds ids: exact, blanks and repeats dropped */
  assert_strv (pm_request_get_exclude (r), expected_exclude);
  assert_strv (pm_request_get_languages (r), expected_languages);
  assert_int_equal (pm_request_get_modes (r), PM_MODES_IN_PERSON);
  assert_int_equal (pm_request_get_service_pref (r), PM_SERVICE_PREF_OTHER);
  assert_int_equal (pm_request_get_urgency (r), PM_URGENCY_PRIORITY);
  assert_true (pm_availability_equal (pm_request_get_availability (r), availability));
  pm_request_set_exclude (r, NULL);
  assert_strv (pm_request_get_exclude (r), none);
  pm_request_set_topics (r, pm_request_get_topics (r));
  assert_strv (pm_request_get_topics (r), expected_topics);
  pm_request_set_gender (r, "M");
  assert_string_equal (pm_request_get_gender (r), "m");
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_supporter_defaults),    cmocka_unit_test (test_supporter_normalisation),
    cmocka_unit_test (test_supporter_values),      cmocka_unit_test (test_request_defaults),
    cmocka_unit_test (test_request_normalisation),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
