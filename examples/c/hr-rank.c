/* peermatch example: what an HR or wellbeing system would write.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The system keeps its own records (here a static table standing in for its database), so
 * it builds the peermatch objects through the API instead of writing CSV files: supporters
 * and one request, then ranks the candidates for that request and prints each candidate's
 * explanation. Expected failures come back as a GError in the PM_ERROR domain: a record
 * with a mistyped region is reported and skipped (PM_ERROR_INVALID_DATA), and the last step
 * asks for an id the network does not hold and prints the error it gets (PM_ERROR_NOT_FOUND).
 *
 * Build against an installed peermatch:
 *   cc hr-rank.c $(pkg-config --cflags --libs peermatch-1) -o hr-rank
 */
#include <peermatch/peermatch.h>

/* One row of the HR system's own supporter records. */
typedef struct
{
  const char *staff_id;
  const char *name;
  const char *service;
  const char *region;
  const char *experience[4];
  guint capacity;
  guint load;
  const char *weekly_hours;
} StaffRecord;

/* One record a line reads as the table it stands for. */
/* clang-format off */
static const StaffRecord staff_records[] = {
  { "S-1001", "Aisha Okafor", "police", "liverpool", { "ptsd", "trauma", NULL }, 3, 1,
    "mon-thu 18:00-22:00; sat 10:00-14:00" },
  { "S-1002", "Joanne McCabe", "fire", "wirral", { "bereavement", NULL }, 2, 0,
    "weekdays 09:00-17:00" },
  { "S-1003", "Tomasz Nowak", "ambulance", "knowsley", { "ptsd", "addiction", NULL }, 2, 1,
    "mon-wed 18:00-22:00" },
  { "S-1004", "Rhys Evans", "police", "cardiff", { "ptsd", NULL }, 1, 0,
    "daily 18:00-22:00" },
  /* Capacity 2, load 2: full, so never a candidate. */
  { "S-1005", "Priya Shah", "police", "sefton", { "trauma", NULL }, 2, 2,
    "weekdays 18:00-22:00" },
  /* A typing error in the HR system: a region the region tree does not know. */
  { "S-1006", "Sam Jones", "fire", "wiral", { "ptsd", NULL }, 2, 0,
    "daily 18:00-22:00" },
};
/* clang-format on */
/* clang-format on */

static PmSupporter *
supporter_from_record (const StaffRecord *record, GError **error)
{
  g_autoptr (PmSupporter) supporter = pm_supporter_new (record->staff_id);
  g_autoptr (PmAvailability) week = NULL;
  g_autoptr (GDate) trained_until = g_date_new_dmy (30, G_DATE_JUNE, 2027);

  week = pm_availability_new_from_string (record->weekly_hours, error);
  if (week == NULL)
    return NULL;
  pm_supporter_set_name (supporter, record->name);
  pm_supporter_set_service (supporter, record->service);
  pm_supporter_set_region (supporter, record->region);
  pm_supporter_set_experience (supporter, record->experience);
  pm_supporter_set_capacity (supporter, record->capacity);
  pm_supporter_set_load (supporter, record->load);
  pm_supporter_set_trained_until (supporter, trained_until);
  pm_supporter_set_availability (supporter, week);
  return g_steal_pointer (&supporter);
}

static gboolean
load_network (PmNetwork *network, GError **error)
{
  g_autoptr (PmRequest) request = pm_request_new ("REQ-42", "P-2001");
  g_autoptr (PmAvailability) evenings = NULL;
  const char *topics[] = { "ptsd", NULL };

  for (gsize i = 0; i < G_N_ELEMENTS (staff_records); i++)
    {
      g_autoptr (GError) local = NULL;
      g_autoptr (PmSupporter) supporter = supporter_from_record (&staff_records[i], &local);

      if (supporter != NULL && pm_network_add_supporter (network, supporter, &local))
        continue;
      /* A bad record is reported and skipped, so one typing error does not stop the
       * service; anything else is a real failure. */
      if (!g_error_matches (local, PM_ERROR, PM_ERROR_INVALID_DATA))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      g_print ("Skipped a record (PM_ERROR_INVALID_DATA): %s\n", local->message);
    }
  evenings = pm_availability_new_from_string ("mon-fri 18:00-22:00", error);
  if (evenings == NULL)
    return FALSE;
  pm_request_set_service (request, "police");
  pm_request_set_region (request, "liverpool");
  pm_request_set_topics (request, topics);
  pm_request_set_availability (request, evenings);
  return pm_network_add_request (network, request, error);
}

static void
print_ranking (PmNetwork *network, PmRanking *ranking)
{
  g_print ("Request %s: %u eligible supporters\n", pm_ranking_get_request_id (ranking),
           pm_ranking_get_n_eligible (ranking));
  for (guint i = 0; i < pm_ranking_get_n_candidates (ranking); i++)
    {
      const PmPair *pair = pm_ranking_get_candidate (ranking, i);
      const char *id = pm_pair_get_supporter_id (pair);
      PmSupporter *supporter = pm_network_lookup_supporter (network, id);
      g_autofree char *why = pm_pair_to_explanation (pair);
      g_print ("%u. %s %s: %s\n", i + 1, id, pm_supporter_get_name (supporter), why);
    }
  g_print ("Excluded for no capacity: %u\n",
           pm_ranking_get_excluded_count (ranking, PM_REASON_NO_CAPACITY));
}

int
main (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PmRegionTree) regions = pm_region_tree_new_default ();
  g_autoptr (PmPolicy) policy = pm_policy_new_default ();
  g_autoptr (PmNetwork) network = pm_network_new (regions, policy);
  g_autoptr (GDate) today = g_date_new_dmy (1, G_DATE_DECEMBER, 2026);
  g_autoptr (PmMatcher) matcher = NULL;
  g_autoptr (PmRanking) ranking = NULL;
  g_autoptr (PmRanking) missing = NULL;

  g_print ("peermatch %s\n", pm_get_version_string ());
  if (!load_network (network, &error))
    {
      g_printerr ("cannot load the records: %s\n", error->message);
      return 1;
    }
  matcher = pm_matcher_new (network, today);
  ranking = pm_matcher_rank (matcher, "REQ-42", 3, &error);
  if (ranking == NULL)
    {
      g_printerr ("cannot rank: %s\n", error->message);
      return 1;
    }
  print_ranking (network, ranking);

  /* A request id the network does not hold: an expected failure, reported as a GError. */
  missing = pm_matcher_rank (matcher, "REQ-404", 3, &error);
  if (missing != NULL || !g_error_matches (error, PM_ERROR, PM_ERROR_NOT_FOUND))
    {
      g_printerr ("expected PM_ERROR_NOT_FOUND for REQ-404\n");
      return 1;
    }
  g_print ("Error (PM_ERROR_NOT_FOUND): %s\n", error->message);
  return 0;
}
