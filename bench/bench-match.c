/* peermatch bench: the matcher on a generated instance (see gen-instance).
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *   bench-match --dir DIR [--k K] [--rank-samples N] [--on YYYY-MM-DD]
 *
 * Loads DIR/supporters.csv, requests.csv and org.csv through the readers, then prints the
 * wall time of the batch (compile + exact solve), the median latency of a top-10 ranking
 * over many requests, and the peak resident set size. Targets for 20,000 requests x 5,000
 * supporters on one core: batch <= 2 s, rank <= 1 ms, peak RSS <= 1 GiB. */
#include "pm-match-private.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

static double
now (void)
{
  return (double)g_get_monotonic_time () / 1e6;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static void
die (const char *what, GError *error)
{
  g_printerr ("bench-match: %s: %s\n", what, error->message);
  exit (65);
}

static PmNetwork *
load (const char *dir)
{
  g_autoptr (PmRegionTree) tree = pm_region_tree_new_default ();
  g_autoptr (PmPolicy) policy = pm_policy_new_default ();
  g_autoptr (PmDiagnostics) diagnostics = pm_diagnostics_new ();
  g_autofree char *sup = g_build_filename (dir, "supporters.csv", NULL);
  g_autofree char *req = g_build_filename (dir, "requests.csv", NULL);
  g_autofree char *org = g_build_filename (dir, "org.csv", NULL);
  PmNetwork *network = pm_network_new (tree, policy);
  GError *error = NULL;

  if (!pm_reader_read_org_chart (pm_network_get_org_chart (network), org, diagnostics, &error))
    die (org, error);
  if (!pm_reader_read_supporters (network, sup, diagnostics, &error))
    die (sup, error);
  if (!pm_reader_read_requests (network, req, diagnostics, &error))
    die (req, error);
  if (pm_diagnostics_get_n_errors (diagnostics) > 0)
    {
      g_autofree char *first = pm_diagnostics_format_item (diagnostics, 0);
      g_printerr ("bench-match: input errors, first: %s\n", first);
      exit (65);
    }
  return network;
}

/* The median latency of pm_matcher_rank (top 10) over @samples requests spread evenly. */
static double
rank_median (PmMatcher *matcher, PmNetwork *network, guint samples)
{
  guint n = pm_network_get_n_requests (network);
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < samples && n > 0; i++)
    {
      PmRequest *req = pm_network_get_request (network, (guint)((guint64)i * n / samples));
      g_autoptr (GError) error = NULL;
      double t0 = now (), dt;
      g_autoptr (PmRanking) ranking
          = pm_matcher_rank (matcher, pm_request_get_id (req), 10, &error);

      dt = now () - t0;
      if (ranking == NULL)
        die ("rank", error);
      g_array_append_val (times, dt);
    }
  if (times->len == 0)
    return 0.0;
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *on_text = NULL;
  gint k = 0, samples = 1000;
  GOptionEntry entries[] = {
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir, "instance directory", "DIR" },
    { "k", 0, 0, G_OPTION_ARG_INT, &k, "candidate edges per request (default: the library's)",
      "K" },
    { "rank-samples", 0, 0, G_OPTION_ARG_INT, &samples, "rankings to time", "N" },
    { "on", 0, 0, G_OPTION_ARG_STRING, &on_text, "matching day (default 2026-12-01)", "DATE" },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("- time the matcher");
  g_autoptr (GError) error = NULL;
  g_autoptr (PmNetwork) network = NULL;
  g_autoptr (PmMatcher) batch = NULL;
  g_autoptr (PmMatcher) ranker = NULL;
  g_autoptr (PmMatching) matching = NULL;
  g_autoptr (PmRanking) first = NULL;
  struct rusage usage;
  double t0, t_load, t_batch, t_first, median;
  GDate on;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || dir == NULL)
    {
      g_printerr ("bench-match: %s\n", error != NULL ? error->message : "--dir DIR is required");
      return 64;
    }
  if (!pm_date_parse (on_text != NULL ? on_text : "2026-12-01", &on))
    {
      g_printerr ("bench-match: bad --on date\n");
      return 64;
    }
  t0 = now ();
  network = load (dir);
  t_load = now () - t0;

  batch = pm_matcher_new (network, &on);
  if (k > 0)
    pm_matcher_set_top_k (batch, (guint)k);
  t0 = now ();
  matching = pm_matcher_solve (batch, NULL, &error);
  t_batch = now () - t0;
  if (matching == NULL)
    die ("solve", error);

  ranker = pm_matcher_new (network, &on);
  t0 = now ();
  first = pm_matcher_rank (ranker, pm_request_get_id (pm_network_get_request (network, 0)), 10,
                           &error);
  t_first = now () - t0;
  if (first == NULL)
    die ("rank", error);
  median = rank_median (ranker, network, (guint)samples);
  getrusage (RUSAGE_SELF, &usage);

  printf ("instance: %u supporters, %u requests\n", pm_network_get_n_supporters (network),
          pm_network_get_n_requests (network));
  printf ("load (readers): %.3f s\n", t_load);
  printf ("batch (compile + solve): %.3f s\n", t_batch);
  printf ("  matched %u (priority %u), unmatched %u, escalated %u, total score %.6f\n",
          pm_matching_get_n_pairs (matching), pm_matching_get_n_matched_priority (matching),
          pm_matching_get_n_unmatched (matching), pm_matching_get_n_escalated (matching),
          pm_matching_get_total_score (matching));
  printf ("first rank (incl. compile): %.3f ms\n", t_first * 1e3);
  printf ("rank top 10, median of %d: %.3f ms\n", samples, median * 1e3);
  printf ("peak RSS: %.1f MiB\n", (double)usage.ru_maxrss / 1024.0);
  return 0;
}
