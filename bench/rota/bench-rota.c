/* peermatch benchmark: the rota search on the 24 "Shift Scheduling Benchmark" instances.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * bench-rota DIR [SECONDS [FIRST [LAST [SEED]]]] runs the search with a time limit of
 * SECONDS (default 60; 0: no limit, the fixed amount of work, reproducible) on DIR/InstanceN.txt
 * for N in FIRST..LAST (default 1..24), checks every result with the independent checker
 * (pm_rota_check) and prints one row per instance: objective, best known, gap, time and hard
 * violations. Exits 1 when any result breaks a hard rule or when the checker's objective differs
 * from the search's. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "pm-private.h"
#include "pm-nrp-private.h"
#include "pm-rota-search-private.h"

/* The best-known objective values, from /work/shared/data/nrp/README.md (Curtois and Qu
 * 2014, schedulingbenchmarks.org; I15, I23 and I24 differ across sources: the larger
 * figure is used). */
static const gint64 best_known[25] = {
  0,    607,  828,  1001, 1716, 1143, 1950, 1056, 1300,  439,   4631,  3443,  4040,
  1348, 1278, 3829, 3225, 5746, 4459, 3149, 4769, 21133, 30241, 17428, 42463,
};

/* CPU time of the process: with BENCH_CPU_CLOCK set, a busy machine does not skew
 * comparisons between two versions of the search. */
static gint64
cpu_clock (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64)ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static int
run_one (const char *dir, int n, double seconds, guint64 seed)
{
  g_autofree char *path = g_strdup_printf ("%s/Instance%d.txt", dir, n);
  g_autoptr (GError) error = NULL;
  g_autoptr (PmRotaModel) model = pm_nrp_read (path, NULL, &error);
  g_autofree int *rota = NULL;
  PmRotaSearchOptions options = { 0 };
  PmRotaCost cost, checked;
  gint64 t0, t1;
  guint n_hard;

  if (model == NULL)
    {
      fprintf (stderr, "bench-rota: %s\n", error->message);
      return 1;
    }
  options.seed = seed;
  options.time_limit_seconds = seconds;
  options.clock = g_getenv ("BENCH_CPU_CLOCK") ? cpu_clock : g_get_monotonic_time;
  rota = g_new (int, MAX ((gsize)PM_ROTA_N_PEOPLE (model) * model->n_days, 1));
  t0 = g_get_monotonic_time ();
  if (!pm_rota_search (model, &options, rota, &cost, NULL, &error))
    {
      fprintf (stderr, "bench-rota: %s\n", error->message);
      return 1;
    }
  t1 = g_get_monotonic_time ();
  n_hard = pm_rota_check (model, rota, &checked, NULL);
  printf ("%8d %5d %6d %10" G_GINT64_FORMAT " %10" G_GINT64_FORMAT
          " %7.1f%% %7.1f %5u %8" G_GINT64_FORMAT " %6" G_GINT64_FORMAT " %6" G_GINT64_FORMAT "\n",
          n, model->n_days, PM_ROTA_N_PEOPLE (model), checked.objective, best_known[n],
          100.0 * (double)(checked.objective - best_known[n]) / (double)best_known[n],
          (double)(t1 - t0) / G_USEC_PER_SEC, n_hard, checked.under, checked.over,
          checked.requests);
  fflush (stdout);
  if (checked.objective != cost.objective)
    {
      fprintf (stderr,
               "bench-rota: instance %d: the search reports %" G_GINT64_FORMAT
               ", the checker %" G_GINT64_FORMAT "\n",
               n, cost.objective, checked.objective);
      return 1;
    }
  return n_hard > 0;
}

int
main (int argc, char **argv)
{
  double seconds = argc > 2 ? g_ascii_strtod (argv[2], NULL) : 60.0;
  int first = argc > 3 ? atoi (argv[3]) : 1;
  int last = argc > 4 ? atoi (argv[4]) : 24;
  guint64 seed = argc > 5 ? g_ascii_strtoull (argv[5], NULL, 10) : 1;
  int status = 0;

  if (argc < 2 || seconds < 0 || first < 1 || last > 24 || first > last)
    {
      fprintf (stderr, "usage: bench-rota DIR [SECONDS [FIRST [LAST [SEED]]]]\n");
      return 2;
    }
  printf (
      "instance  days people  objective best-known     gap    time  hard    under   over  reqs\n");
  for (int n = first; n <= last; n++)
    status |= run_one (argv[1], n, seconds, seed);
  return status;
}
