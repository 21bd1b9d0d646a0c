/* peermatch bench: the matcher on a generated instance (see gen-instance).
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *   bench-match --dir DIR [--k K] [--rank-samples N] [--on YYYY-MM-DD]
 *               [--write-graph FILE] [--lemon PATH]
 *
 * Loads DIR/supporters.csv, requests.csv and org.csv through the readers, then prints the
 * wall time of the batch (compile + scan + exact solve + pricing), the objective it reached,
 * the median latency of a top-10 ranking over many requests, and the peak resident set
 * size. Targets for 20,000 requests x 5,000 supporters on one core: batch <= 2 s,
 * rank <= 1 ms, peak RSS <= 1 GiB.
 *
 * The objective is printed as the matcher optimises it: matched priority requests, matched
 * requests, and the total score in integer micro-points, sum of q = llround (score * 1e6).
 *
 * --write-graph FILE writes, after the figures above, the FULL graph the batch is an optimum
 * over: every eligible (request, supporter) pair, found through the public API only
 * (pm_matcher_rank with top 0 for every non-crisis request), in lemon-assign's binary format
 * (bench/lemon-assign.cc). Rows are the non-crisis requests with an eligible supporter (in
 * network order), columns the supporters passing rules 5 to 7 (trained, not paused, load <
 * capacity; in network order) with capacity - load, and each edge's weight is what
 * lib/pm-matcher.c gives the solver, replicated here (keep the two in step):
 *   weight = B * (1 + priority) + q - q_min,   q = llround (score * 1e6) clamped to
 *   [q_min, q_max], q_min and q_max the sums of the negative and positive policy weights
 *   times 1e6, B = n * (q_max - q_min) + 1, n = min (rows, free slots)
 * (batch_set_bounds, batch_set_tier and edge_weight there).
 * --lemon PATH then runs PATH (lemon-assign) on that file (a temporary one without
 * --write-graph), prints its figures beside ours and exits 1 unless both objectives agree.
 * Peak RSS is ours before the graph is written; writing it needs about 12 bytes an edge. */
#include "pm-match-private.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

/* The objective as the matcher optimises it. */
typedef struct
{
  guint priority;
  guint matched;
  gint64 score; /* micro-points */
} Objective;

/* llround (score * 1e6) clamped to [q_min, q_max], as lib/pm-matcher.c quantises scores. */
static gint64
quantise (double score, gint64 q_min, gint64 q_max)
{
  gint64 q = llround (score * 1e6);

  return CLAMP (q, q_min, q_max);
}

/* The policy's score bounds in micro-points (batch_set_bounds in lib/pm-matcher.c). */
static void
score_bounds (PmNetwork *network, gint64 *q_min, gint64 *q_max)
{
  PmPolicy *policy = pm_network_get_policy (network);
  double lo = 0.0, hi = 0.0;

  for (guint k = 0; k < PM_COMPONENT_N; k++)
    {
      double w = pm_policy_get_weight (policy, (PmComponent)k);

      if (w < 0)
        lo += w;
      else
        hi += w;
    }
  *q_min = llround (lo * 1e6);
  *q_max = llround (hi * 1e6);
}

static Objective
matching_objective (PmMatching *matching, PmNetwork *network)
{
  Objective o
      = { pm_matching_get_n_matched_priority (matching), pm_matching_get_n_pairs (matching), 0 };
  gint64 q_min, q_max;

  score_bounds (network, &q_min, &q_max);
  for (guint i = 0; i < o.matched; i++)
    o.score += quantise (pm_pair_get_score (pm_matching_get_pair (matching, i)), q_min, q_max);
  return o;
}

/* Whether supporter @sup passes rules 5 to 7 on @on (training, pause, capacity). */
static gboolean
supporter_active (PmSupporter *sup, const GDate *on)
{
  const GDate *trained = pm_supporter_get_trained_until (sup);
  const GDate *paused = pm_supporter_get_paused_until (sup);

  if (trained == NULL || !g_date_valid (trained) || g_date_compare (trained, on) < 0)
    return FALSE;
  if (paused != NULL && g_date_valid (paused) && g_date_compare (paused, on) >= 0)
    return FALSE;
  return pm_supporter_get_load (sup) < pm_supporter_get_capacity (sup);
}

typedef struct
{
  FILE *f;
  gboolean failed;
} Out;

static void
put (Out *out, const void *data, gsize n)
{
  if (!out->failed && n > 0 && fwrite (data, 1, n, out->f) != n)
    out->failed = TRUE;
}

static void
put_u32 (Out *out, guint32 v)
{
  v = GUINT32_TO_LE (v);
  put (out, &v, 4);
}

static void
put_i64 (Out *out, gint64 v)
{
  v = GINT64_TO_LE (v);
  put (out, &v, 8);
}

typedef struct
{
  guint n_rows;
  guint n_cols;
  guint64 n_edges;
  gint64 tier;
} GraphInfo;

/* The full eligible graph of the batch in lemon-assign's binary format (see the top). */
static gboolean
write_graph (PmNetwork *network, const GDate *on, const char *path, GraphInfo *info, GError **error)
{
  guint n_sup = pm_network_get_n_supporters (network);
  guint n_req = pm_network_get_n_requests (network);
  g_autoptr (PmMatcher) matcher = pm_matcher_new (network, on);
  g_autoptr (GHashTable) col_of = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GArray) cap = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr (GByteArray) priority = g_byte_array_new ();
  g_autoptr (GArray) first = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr (GArray) cols = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr (GArray) qs = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint64 free_slots = 0, zero = 0;
  gint64 q_min, q_max, n, tier;
  Out out = { NULL, FALSE };

  score_bounds (network, &q_min, &q_max);
  for (guint s = 0; s < n_sup; s++)
    {
      PmSupporter *sup = pm_network_get_supporter (network, s);
      guint32 free;

      if (!supporter_active (sup, on))
        continue;
      free = pm_supporter_get_capacity (sup) - pm_supporter_get_load (sup);
      g_hash_table_insert (col_of, (gpointer)pm_supporter_get_id (sup),
                           GUINT_TO_POINTER (cap->len));
      g_array_append_val (cap, free);
      free_slots += free;
    }
  /* Every eligible pair, row by row; the weights wait for B, which needs the row count. */
  g_array_append_val (first, zero);
  for (guint r = 0; r < n_req; r++)
    {
      PmRequest *req = pm_network_get_request (network, r);
      g_autoptr (PmRanking) ranking = NULL;
      guint64 end;
      guint8 prio;

      if (pm_request_get_urgency (req) == PM_URGENCY_CRISIS)
        continue;
      ranking = pm_matcher_rank (matcher, pm_request_get_id (req), 0, error);
      if (ranking == NULL)
        return FALSE;
      if (pm_ranking_get_n_candidates (ranking) == 0)
        continue;
      g_assert (pm_ranking_get_n_candidates (ranking) == pm_ranking_get_n_eligible (ranking));
      for (guint i = 0; i < pm_ranking_get_n_candidates (ranking); i++)
        {
          const PmPair *pair = pm_ranking_get_candidate (ranking, i);
          gpointer col;
          guint32 c;
          gint64 q;

          if (!g_hash_table_lookup_extended (col_of, pm_pair_get_supporter_id (pair), NULL, &col))
            {
              g_set_error (error, PM_ERROR, PM_ERROR_INVALID_DATA,
                           "eligible supporter '%s' fails rules 5 to 7 here",
                           pm_pair_get_supporter_id (pair));
              return FALSE;
            }
          c = GPOINTER_TO_UINT (col);
          q = quantise (pm_pair_get_score (pair), q_min, q_max);
          g_array_append_val (cols, c);
          g_array_append_val (qs, q);
        }
      prio = pm_request_get_urgency (req) == PM_URGENCY_PRIORITY;
      g_byte_array_append (priority, &prio, 1);
      end = cols->len;
      g_array_append_val (first, end);
    }
  /* The tier B (batch_set_tier in lib/pm-matcher.c). */
  n = (gint64)MIN ((guint64)priority->len, free_slots);
  if (__builtin_mul_overflow (n, q_max - q_min, &tier) || __builtin_add_overflow (tier, 1, &tier))
    {
      g_set_error (error, PM_ERROR, PM_ERROR_LIMIT, "too many rows for 64-bit weights");
      return FALSE;
    }
  info->n_rows = priority->len;
  info->n_cols = cap->len;
  info->n_edges = cols->len;
  info->tier = tier;

  out.f = g_fopen (path, "wb");
  if (out.f == NULL)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", path,
                   g_strerror (saved));
      return FALSE;
    }
  setvbuf (out.f, NULL, _IOFBF, 1 << 20);
  put (&out, "PMGRAPH1", 8);
  put_u32 (&out, info->n_rows);
  put_u32 (&out, info->n_cols);
  put_i64 (&out, tier);
  put_i64 (&out, q_min);
  put (&out, priority->data, priority->len);
  for (guint c = 0; c < cap->len; c++)
    put_u32 (&out, g_array_index (cap, guint32, c));
  put_i64 (&out, (gint64)info->n_edges);
  for (guint row = 0; row < info->n_rows; row++)
    {
      gint64 base = tier * (1 + priority->data[row]) - q_min;

      for (guint64 e = g_array_index (first, guint64, row);
           e < g_array_index (first, guint64, row + 1); e++)
        {
          put_u32 (&out, row);
          put_u32 (&out, g_array_index (cols, guint32, e));
          put_i64 (&out, base + g_array_index (qs, gint64, e));
        }
    }
  if (fclose (out.f) != 0)
    out.failed = TRUE;
  if (out.failed)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_IO, "%s: write failed", path);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  double load, setup, solve, rss_mib;
  Objective objective;
} LemonFigures;

/* Runs lemon-assign on @graph and reads its "lemon-figures:" line. */
static gboolean
run_lemon (const char *lemon, const char *graph, LemonFigures *fig)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  const char *argv[] = { lemon, graph, NULL };
  const char *line;
  gint64 score;
  int status;

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &text, NULL, &status,
                     &error)
      || !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("bench-match: %s: %s\n", lemon, error->message);
      return FALSE;
    }
  printf ("%s", text);
  line = strstr (text, "lemon-figures:");
  if (line == NULL
      || sscanf (line,
                 "lemon-figures: rows=%*u cols=%*u edges=%*u load=%lf setup=%lf solve=%lf "
                 "rss_mib=%lf priority=%u matched=%u score=%" G_GINT64_FORMAT,
                 &fig->load, &fig->setup, &fig->solve, &fig->rss_mib, &fig->objective.priority,
                 &fig->objective.matched, &score)
             != 7)
    {
      g_printerr ("bench-match: %s printed no figures\n", lemon);
      return FALSE;
    }
  fig->objective.score = score;
  return TRUE;
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *on_text = NULL;
  g_autofree char *graph_path = NULL;
  g_autofree char *lemon = NULL;
  g_autofree char *tmp_graph = NULL;
  gint k = 0, samples = 1000;
  GOptionEntry entries[] = {
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir, "instance directory", "DIR" },
    { "k", 0, 0, G_OPTION_ARG_INT, &k, "candidate edges per request (default: the library's)",
      "K" },
    { "rank-samples", 0, 0, G_OPTION_ARG_INT, &samples, "rankings to time", "N" },
    { "on", 0, 0, G_OPTION_ARG_STRING, &on_text, "matching day (default 2026-12-01)", "DATE" },
    { "write-graph", 0, 0, G_OPTION_ARG_FILENAME, &graph_path,
      "write the full eligible graph (lemon-assign's binary format)", "FILE" },
    { "lemon", 0, 0, G_OPTION_ARG_FILENAME, &lemon, "compare with this lemon-assign", "PATH" },
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
  double t0, t_load, t_batch, t_first, median, rss;
  Objective ours;
  GraphInfo info;
  LemonFigures theirs;
  gboolean agree;
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

  rss = (double)usage.ru_maxrss / 1024.0;
  ours = matching_objective (matching, network);

  printf ("instance: %u supporters, %u requests\n", pm_network_get_n_supporters (network),
          pm_network_get_n_requests (network));
  printf ("load (readers): %.3f s\n", t_load);
  printf ("batch (compile + scan + solve + pricing): %.3f s\n", t_batch);
  printf ("  matched %u (priority %u), unmatched %u, escalated %u, total score %.6f\n",
          pm_matching_get_n_pairs (matching), pm_matching_get_n_matched_priority (matching),
          pm_matching_get_n_unmatched (matching), pm_matching_get_n_escalated (matching),
          pm_matching_get_total_score (matching));
  printf ("  objective: priority %u, matched %u, score %" G_GINT64_FORMAT " micro-points (%.6f)\n",
          ours.priority, ours.matched, ours.score, (double)ours.score / 1e6);
  printf ("first rank (incl. compile): %.3f ms\n", t_first * 1e3);
  printf ("rank top 10, median of %d: %.3f ms\n", samples, median * 1e3);
  printf ("peak RSS: %.1f MiB\n", rss);
  if (graph_path == NULL && lemon == NULL)
    return 0;

  if (graph_path == NULL)
    {
      int fd = g_file_open_tmp ("pm-graph-XXXXXX.bin", &tmp_graph, &error);

      if (fd < 0)
        die ("temporary graph file", error);
      g_close (fd, NULL);
    }
  fflush (stdout);
  t0 = now ();
  if (!write_graph (network, &on, graph_path != NULL ? graph_path : tmp_graph, &info, &error))
    {
      if (tmp_graph != NULL)
        g_unlink (tmp_graph);
      die ("write graph", error);
    }
  printf ("full graph: %u rows, %u columns, %" G_GUINT64_FORMAT " edges, B = %" G_GINT64_FORMAT
          ", written in %.3f s\n",
          info.n_rows, info.n_cols, info.n_edges, info.tier, now () - t0);
  if (lemon == NULL)
    return 0;
  fflush (stdout);
  if (!run_lemon (lemon, graph_path != NULL ? graph_path : tmp_graph, &theirs))
    {
      if (tmp_graph != NULL)
        g_unlink (tmp_graph);
      return 1;
    }
  if (tmp_graph != NULL)
    g_unlink (tmp_graph);
  agree = ours.priority == theirs.objective.priority && ours.matched == theirs.objective.matched
          && ours.score == theirs.objective.score;
  printf ("\n%-30s %24s %26s\n", "same instance", "peermatch batch", "LEMON NetworkSimplex");
  printf ("%-30s %24s %26" G_GUINT64_FORMAT "\n", "edges (full graph)", "top K + pricing",
          info.n_edges);
  printf ("%-30s %24s %24.3f s\n", "graph construction", "(in the batch)",
          theirs.load + theirs.setup);
  printf ("%-30s %22.3f s %24.3f s\n", "solve (ours: whole batch)", t_batch, theirs.solve);
  printf ("%-30s %22.3f s %24.3f s\n", "total", t_batch, theirs.load + theirs.setup + theirs.solve);
  printf ("%-30s %20.1f MiB %22.1f MiB\n", "peak RSS (process)", rss, theirs.rss_mib);
  printf ("%-30s %24u %26u\n", "matched priority", ours.priority, theirs.objective.priority);
  printf ("%-30s %24u %26u\n", "matched", ours.matched, theirs.objective.matched);
  printf ("%-30s %24.6f %26.6f\n", "total score (points)", (double)ours.score / 1e6,
          (double)theirs.objective.score / 1e6);
  printf ("objectives %s\n", agree ? "agree" : "DIFFER");
  return agree ? 0 : 1;
  return 0;
}
