/* peermatch tests: building small networks through the public API.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-test-network.h"

PmRegionTree *
pm_test_make_tree (void)
{
  PmRegionTree *tree = pm_region_tree_new ();
  const char *rows[][2] = {
    { "uk", NULL },   { "north", "uk" }, { "south", "uk" },  { "a", "north" },
    { "b", "north" }, { "c", "south" },  { "island", NULL }, { "i1", "island" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr (GError) error = NULL;
      assert_true (pm_region_tree_add (tree, rows[i][0], rows[i][1], NULL, &error));
    }
  return tree;
}

PmNetwork *
pm_test_network_new (PmPolicy *policy)
{
  g_autoptr (PmRegionTree) tree = pm_test_make_tree ();
  g_autoptr (PmPolicy) owned = policy != NULL ? g_object_ref (policy) : pm_policy_new ();

  return pm_network_new (tree, owned);
}

void
pm_test_set_avail_supporter (PmSupporter *s, const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PmAvailability) a = pm_availability_new_from_string (text, &error);

  assert_non_null (a);
  pm_supporter_set_availability (s, a);
}

void
pm_test_set_avail_request (PmRequest *r, const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PmAvailability) a = pm_availability_new_from_string (text, &error);

  assert_non_null (a);
  pm_request_set_availability (r, a);
}

void
pm_test_set_date (GDate *date, const char *text)
{
  assert_true (pm_date_parse (text, date));
}

PmSupporter *
pm_test_sup_new (const char *id)
{
  PmSupporter *s = pm_supporter_new (id);
  GDate trained;

  pm_supporter_set_service (s, "police");
  pm_supporter_set_region (s, "a");
  pm_supporter_set_capacity (s, 2);
  pm_test_set_date (&trained, "2030-01-01");
  pm_supporter_set_trained_until (s, &trained);
  pm_test_set_avail_supporter (s, "daily 08:00-20:00");
  return s;
}

PmRequest *
pm_test_req_new (const char *id, const char *person)
{
  PmRequest *r = pm_request_new (id, person);

  pm_request_set_service (r, "police");
  pm_request_set_region (r, "a");
  pm_test_set_avail_request (r, "daily 08:00-20:00");
  return r;
}

void
pm_test_add_sup (PmNetwork *net, PmSupporter *s)
{
  g_autoptr (GError) error = NULL;

  if (!pm_network_add_supporter (net, s, &error))
    fail_msg ("add supporter: %s", error->message);
  g_object_unref (s);
}

void
pm_test_add_req (PmNetwork *net, PmRequest *r)
{
  g_autoptr (GError) error = NULL;

  if (!pm_network_add_request (net, r, &error))
    fail_msg ("add request: %s", error->message);
  g_object_unref (r);
}

PmMatching *
pm_test_solve (PmNetwork *net, const GDate *on)
{
  g_autoptr (PmMatcher) m = pm_matcher_new (net, on);
  g_autoptr (GError) error = NULL;
  PmMatching *matching = pm_matcher_solve (m, NULL, &error);

  if (matching == NULL)
    fail_msg ("solve: %s", error->message);
  return matching;
}

/* A supporter for rota tests: region uk, always available, trained to the end of 2027. */
void
pm_test_add_rota_supporter (PmNetwork *network, const char *service, const char *id,
                            const char *skill)
{
  g_autoptr (PmSupporter) s = pm_supporter_new (id);
  g_autoptr (PmAvailability) a = pm_availability_new_from_string ("daily 00:00-24:00", NULL);
  const char *skills[] = { skill, NULL };
  g_autoptr (GError) error = NULL;
  GDate date;

  pm_supporter_set_service (s, service);
  pm_supporter_set_region (s, "uk");
  pm_supporter_set_skills (s, skill != NULL ? skills : NULL);
  pm_supporter_set_availability (s, a);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 31, G_DATE_DECEMBER, 2027);
  pm_supporter_set_trained_until (s, &date);
  assert_true (pm_network_add_supporter (network, s, &error));
}
