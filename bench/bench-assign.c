/* peermatch benchmark: the exact assignment solver (lib/pm-assign.c) on large instances,
 * optionally checked against LEMON's network simplex (bench/lemon-assign.cc).
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The instance is read from a graph file (--read-graph) or generated from a seed. Graph file
 * (text, shared with lemon-assign): first line "rows cols", second line the cols
 * capacities, then one "row col weight" line per edge (0-based, weight a positive int64).
 * Text is parsed at several million edges a second, so parsing never dominates; load time is
 * printed apart from solve time anyway.
 *
 * The generator mimics what the matcher hands over: supporters (columns) sit in regions and
 * have a popularity that shifts every request's score towards them; a request (row) has
 * --degree eligible supporters, mostly from its own region; 10% of rows are priority. The
 * weight folds the objective's tiers exactly as lexicographic order needs:
 *   weight = [priority] * T2 + T1 + score, score < S, T1 = (rows + 1) * S,
 *   T2 = (rows + 1) * (T1 + S),
 * with S = --score-max (default 1e6, so that T2 times the priority rows stays in int64).
 *
 * Modes: all edges as candidates (the whole graph), and with --top-k K each row's K best
 * edges plus pm_assign_price() rounds until optimality is proven. --lemon PATH writes the
 * instance to a temporary file, runs PATH on it and compares the totals. */
#include "pm-private.h"
#include "pm-assign-private.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

typedef struct
{
  guint n_rows, n_cols;
  guint *cap;
  guint *off; /* CSR: the edges of row r are [off[r], off[r + 1]), sorted by column */
  guint *col;
  gint64 *w;
} Graph;

static void
graph_free (Graph *g)
{
  g_free (g->cap);
  g_free (g->off);
  g_free (g->col);
  g_free (g->w);
  g_free (g);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Graph, graph_free)

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static double
peak_rss_mib (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024.0;
}

static int
cmp_guint (const void *a, const void *b)
{
  guint x = *(const guint *)a, y = *(const guint *)b;

  return x < y ? -1 : x > y;
}

static Graph *
graph_generate (guint n_rows, guint n_cols, guint degree, guint cap_max, gint64 score_max,
                guint32 seed)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  Graph *g = g_new0 (Graph, 1);
  guint n_regions = MAX (1, n_cols / 250), region_size, r, c, k;
  g_autofree gint64 *pop = g_new (gint64, MAX (n_cols, 1));
  g_autofree guint *stamp = g_new0 (guint, MAX (n_cols, 1));
  gint64 t1 = (gint64)(n_rows + 1) * score_max, t2 = (gint64)(n_rows + 1) * (t1 + score_max);

  degree = MIN (degree, n_cols);
  region_size = MAX (1, n_cols / n_regions);
  g->n_rows = n_rows;
  g->n_cols = n_cols;
  g->cap = g_new (guint, MAX (n_cols, 1));
  for (c = 0; c < n_cols; c++)
    {
      g->cap[c] = g_rand_int_range (rand, 0, cap_max + 1);
      pop[c] = (gint64)(g_rand_double (rand) * score_max / 2);
    }
  g->off = g_new (guint, n_rows + 1);
  g->col = g_new (guint, MAX ((gsize)n_rows * degree, 1));
  g->w = g_new (gint64, MAX ((gsize)n_rows * degree, 1));
  for (r = 0; r < n_rows; r++)
    {
      guint region = g_rand_int_range (rand, 0, n_regions), e0 = r * degree;
      gboolean prio = g_rand_double (rand) < 0.1;

      g->off[r] = e0;
      for (k = 0; k < degree;)
        {
          if (g_rand_double (rand) < 0.8 && region_size >= 2 * degree)
            c = MIN (n_cols - 1, region * region_size + g_rand_int_range (rand, 0, region_size));
          else
            c = g_rand_int_range (rand, 0, n_cols);
          if (stamp[c] == r + 1)
            continue;
          stamp[c] = r + 1;
          g->col[e0 + k++] = c;
        }
      qsort (g->col + e0, degree, sizeof (guint), cmp_guint);
      for (k = 0; k < degree; k++)
        g->w[e0 + k] = (prio ? t2 : 0) + t1 + pop[g->col[e0 + k]]
                       + (gint64)(g_rand_double (rand) * score_max / 2);
    }
  g->off[n_rows] = n_rows * degree;
  return g;
}

static gboolean
graph_write (const Graph *g, const char *path, GError **error)
{
  FILE *f = fopen (path, "w");
  guint r, c, k;

  if (f == NULL)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno), "%s: %s", path,
                   g_strerror (errno));
      return FALSE;
    }
  fprintf (f, "%u %u\n", g->n_rows, g->n_cols);
  for (c = 0; c < g->n_cols; c++)
    fprintf (f, c + 1 < g->n_cols ? "%u " : "%u", g->cap[c]);
  fputc ('\n', f);
  for (r = 0; r < g->n_rows; r++)
    for (k = g->off[r]; k < g->off[r + 1]; k++)
      fprintf (f, "%u %u %" G_GINT64_FORMAT "\n", r, g->col[k], g->w[k]);
  if (fclose (f) != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno), "%s: %s", path,
                   g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  guint row, col;
  gint64 w;
} Edge;

static int
cmp_edge (const void *a, const void *b)
{
  const Edge *x = a, *y = b;

  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  return x->col < y->col ? -1 : x->col > y->col;
}

static Graph *
graph_read (const char *path, GError **error)
{
  g_autofree char *text = NULL;
  g_autoptr (GArray) edges = g_array_new (FALSE, FALSE, sizeof (Edge));
  g_autoptr (Graph) g = g_new0 (Graph, 1);
  char *p, *end;
  guint c, i, r;

  if (!g_file_get_contents (path, &text, NULL, error))
    return NULL;
  p = text;
  g->n_rows = strtoul (p, &end, 10);
  g->n_cols = strtoul (end, &p, 10);
  g->cap = g_new (guint, MAX (g->n_cols, 1));
  for (c = 0; c < g->n_cols; c++)
    {
      g->cap[c] = strtoul (p, &end, 10);
      p = end;
    }
  for (;;)
    {
      Edge e;

      e.row = strtoul (p, &end, 10);
      if (end == p)
        break;
      e.col = strtoul (end, &p, 10);
      e.w = strtoll (p, &end, 10);
      p = end;
      if (e.row >= g->n_rows || e.col >= g->n_cols || e.w <= 0)
        {
          g_set_error (error, PM_ERROR, PM_ERROR_INVALID_DATA, "%s: bad edge %u %u", path, e.row,
                       e.col);
          return NULL;
        }
      g_array_append_val (edges, e);
    }
  g_array_sort (edges, cmp_edge);
  g->off = g_new0 (guint, g->n_rows + 1);
  g->col = g_new (guint, MAX (edges->len, 1));
  g->w = g_new (gint64, MAX (edges->len, 1));
  for (i = 0, r = 0; i < edges->len; i++)
    {
      const Edge *e = &g_array_index (edges, Edge, i);

      g->off[e->row + 1]++;
      g->col[i] = e->col;
      g->w[i] = e->w;
    }
  for (r = 0; r < g->n_rows; r++)
    g->off[r + 1] += g->off[r];
  return g_steal_pointer (&g);
}

static gboolean
graph_weight (gpointer user_data, guint row, guint col, gint64 *weight)
{
  const Graph *g = user_data;
  guint lo = g->off[row], hi = g->off[row + 1];

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g->col[mid] < col)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo < g->off[row + 1] && g->col[lo] == col)
    {
      *weight = g->w[lo];
      return TRUE;
    }
  return FALSE;
}

/* Gives each row its @k best edges (all of them for k = 0). */
static PmAssign *
graph_assign (const Graph *g, guint k)
{
  PmAssign *a = pm_assign_new (g->n_rows, g->n_cols, g->cap);
  g_autoptr (GArray) tmp = g_array_new (FALSE, FALSE, sizeof (Edge));
  g_autofree guint *cols = NULL;
  g_autofree gint64 *ws = NULL;
  guint r, i, n, max_deg = 1;

  for (r = 0; r < g->n_rows; r++)
    max_deg = MAX (max_deg, g->off[r + 1] - g->off[r]);
  cols = g_new (guint, max_deg);
  ws = g_new (gint64, max_deg);
  for (r = 0; r < g->n_rows; r++)
    {
      n = g->off[r + 1] - g->off[r];
      if (k == 0 || n <= k)
        {
          pm_assign_set_row (a, r, n, g->col + g->off[r], g->w + g->off[r]);
          pm_assign_set_row_bound (a, r, 0);
          continue;
        }
      /* the k heaviest: a partial selection by repeated maximum is enough for small k */
      g_array_set_size (tmp, 0);
      for (i = g->off[r]; i < g->off[r + 1]; i++)
        g_array_append_val (tmp, ((Edge){ r, g->col[i], g->w[i] }));
      for (i = 0; i < k; i++)
        {
          guint j, best = i;
          Edge t;

          for (j = i + 1; j < n; j++)
            if (g_array_index (tmp, Edge, j).w > g_array_index (tmp, Edge, best).w)
              best = j;
          t = g_array_index (tmp, Edge, i);
          g_array_index (tmp, Edge, i) = g_array_index (tmp, Edge, best);
          g_array_index (tmp, Edge, best) = t;
          cols[i] = g_array_index (tmp, Edge, i).col;
          ws[i] = g_array_index (tmp, Edge, i).w;
        }
      pm_assign_set_row (a, r, k, cols, ws);
    }
  return a;
}

static guint
count_matched (PmAssign *a, guint n_rows)
{
  guint r, n = 0;

  for (r = 0; r < n_rows; r++)
    n += pm_assign_get_col (a, r) != PM_ASSIGN_NONE;
  return n;
}

/* Solves with all edges (k = 0) or top-k plus pricing; returns the total or -1. */
static gint64
run_pm (const Graph *g, guint k)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PmAssign) a = NULL;
  double t0 = now (), t1;
  guint rounds = 0, added = 0, n;

  a = graph_assign (g, k);
  t1 = now ();
  for (;;)
    {
      if (!pm_assign_solve (a, NULL, &error))
        {
          g_printerr ("bench-assign: %s\n", error->message);
          return -1;
        }
      rounds++;
      n = pm_assign_price (a, graph_weight, (gpointer)g);
      if (n == 0)
        break;
      added += n;
    }
  if (k == 0)
    printf ("peermatch all edges:  solve %8.3f s (set-up %.3f s)  total %" G_GINT64_FORMAT
            "  matched %u\n",
            now () - t1, t1 - t0, pm_assign_get_total_weight (a), count_matched (a, g->n_rows));
  else
    printf ("peermatch top-%-3u:    solve %8.3f s (set-up %.3f s)  total %" G_GINT64_FORMAT
            "  matched %u  (%u solves, %u edges priced in)\n",
            k, now () - t1, t1 - t0, pm_assign_get_total_weight (a), count_matched (a, g->n_rows),
            rounds, added);
  return pm_assign_get_total_weight (a);
}

static gint64
run_lemon (const char *lemon, const char *graph_path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { lemon, graph_path, NULL };
  const char *total;
  int status;

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status,
                     &error)
      || !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("bench-assign: %s: %s\n", lemon, error->message);
      return -1;
    }
  printf ("%s", out);
  total = strstr (out, "total ");
  return total != NULL ? g_ascii_strtoll (total + 6, NULL, 10) : -1;
}

int
main (int argc, char **argv)
{
  gint rows = 5000, cols = 1250, degree = 30, cap_max = 5, top_k = 0, seed = 1;
  gint64 score_max = 1000000;
  gboolean no_full = FALSE;
  g_autofree char *write_path = NULL, *read_path = NULL, *lemon = NULL;
  const GOptionEntry entries[]
      = { { "rows", 0, 0, G_OPTION_ARG_INT, &rows, "Rows (requests) to generate", "N" },
          { "cols", 0, 0, G_OPTION_ARG_INT, &cols, "Columns (supporters) to generate", "N" },
          { "degree", 0, 0, G_OPTION_ARG_INT, &degree, "Edges per row", "N" },
          { "cap-max", 0, 0, G_OPTION_ARG_INT, &cap_max, "Capacities are uniform in 0..N", "N" },
          { "score-max", 0, 0, G_OPTION_ARG_INT64, &score_max, "Scores are below N", "N" },
          { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Generator seed", "N" },
          { "read-graph", 0, 0, G_OPTION_ARG_FILENAME, &read_path, "Read the instance", "FILE" },
          { "write-graph", 0, 0, G_OPTION_ARG_FILENAME, &write_path, "Write the instance and exit",
            "FILE" },
          { "top-k", 0, 0, G_OPTION_ARG_INT, &top_k,
            "Also solve with K candidates per row + pricing", "K" },
          { "no-full", 0, 0, G_OPTION_ARG_NONE, &no_full, "Skip the all-edges solve", NULL },
          { "lemon", 0, 0, G_OPTION_ARG_FILENAME, &lemon, "Compare with this lemon-assign",
            "PATH" },
          { NULL } };
  g_autoptr (GOptionContext) ctx = g_option_context_new ("- benchmark pm_assign");
  g_autoptr (GError) error = NULL;
  g_autoptr (Graph) g = NULL;
  g_autofree char *tmp_dir = NULL, *tmp_path = NULL;
  double t0 = now ();
  gint64 ours = -1, other = -1, theirs = -1;
  gsize n_edges;

  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error) || rows < 0 || cols < 0 || degree < 0
      || cap_max < 0 || top_k < 0 || score_max < 1)
    {
      g_printerr ("bench-assign: %s\n", error != NULL ? error->message : "bad option value");
      return 64;
    }
  if (read_path != NULL)
    g = graph_read (read_path, &error);
  else
    g = graph_generate (rows, cols, degree, cap_max, score_max, seed);
  if (g == NULL)
    {
      g_printerr ("bench-assign: %s\n", error->message);
      return 66;
    }
  n_edges = g->off[g->n_rows];
  printf ("instance: %u rows x %u cols, %" G_GSIZE_FORMAT " edges (%.1f per row), "
          "loaded in %.3f s\n",
          g->n_rows, g->n_cols, n_edges, g->n_rows ? (double)n_edges / g->n_rows : 0.0,
          now () - t0);
  if (read_path == NULL)
    printf ("generated: seed %d, capacities 0..%d, scores below %" G_GINT64_FORMAT "\n", seed,
            cap_max, score_max);
  if (write_path != NULL)
    {
      if (!graph_write (g, write_path, &error))
        {
          g_printerr ("bench-assign: %s\n", error->message);
          return 73;
        }
      return 0;
    }
  if (!no_full)
    ours = run_pm (g, 0);
  if (top_k > 0)
    {
      other = run_pm (g, top_k);
      if (ours >= 0 && other != ours)
        {
          printf ("MISMATCH: top-%d with pricing %" G_GINT64_FORMAT
                  " != all edges %" G_GINT64_FORMAT "\n",
                  top_k, other, ours);
          return 1;
        }
      ours = other;
    }
  printf ("peermatch peak RSS %.1f MiB\n", peak_rss_mib ());
  if (lemon != NULL)
    {
      tmp_dir = g_dir_make_tmp ("bench-assign-XXXXXX", &error);
      if (tmp_dir == NULL)
        {
          g_printerr ("bench-assign: %s\n", error->message);
          return 73;
        }
      tmp_path = g_build_filename (tmp_dir, "graph.txt", NULL);
      if (!graph_write (g, tmp_path, &error))
        {
          g_printerr ("bench-assign: %s\n", error->message);
          return 73;
        }
      theirs = run_lemon (lemon, tmp_path);
      g_unlink (tmp_path);
      g_rmdir (tmp_dir);
      printf ("totals: peermatch %" G_GINT64_FORMAT "  lemon %" G_GINT64_FORMAT "  %s\n", ours,
              theirs, ours == theirs ? "AGREE" : "DIFFER");
      return ours == theirs ? 0 : 1;
    }
  return ours >= 0 ? 0 : 1;
}
