// peermatch benchmark: the reference for bench-assign, LEMON's network simplex on the same
// graph file (format in bench-assign.c).
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The maximum-weight assignment as a min-cost flow: source -> row (capacity 1, cost 0),
// row -> col (capacity 1, cost -w), col -> sink (capacity cap, cost 0), and one bypass arc
// source -> sink (capacity rows, cost 0) so that a row may stay unmatched. The source supplies
// rows units; the optimum cost is minus the maximum total weight.
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

typedef lemon::SmartDigraph Graph;
typedef long long Int;

static double
seconds_since (std::chrono::steady_clock::time_point t0)
{
  return std::chrono::duration<double> (std::chrono::steady_clock::now () - t0).count ();
}

int
main (int argc, char **argv)
{
  if (argc != 2)
    {
      std::fprintf (stderr, "usage: lemon-assign GRAPH-FILE\n");
      return 64;
    }
  auto t0 = std::chrono::steady_clock::now ();
  FILE *f = std::fopen (argv[1], "r");
  unsigned n_rows, n_cols;
  if (f == nullptr || std::fscanf (f, "%u %u", &n_rows, &n_cols) != 2)
    {
      std::fprintf (stderr, "lemon-assign: cannot read %s\n", argv[1]);
      return 66;
    }

  Graph g;
  g.reserveNode (n_rows + n_cols + 2);
  Graph::Node source = g.addNode (), sink = g.addNode ();
  std::vector<Graph::Node> row (n_rows), col (n_cols);
  Graph::ArcMap<Int> cap (g), cost (g);
  for (unsigned r = 0; r < n_rows; r++)
    row[r] = g.addNode ();
  for (unsigned c = 0; c < n_cols; c++)
    {
      unsigned k;
      if (std::fscanf (f, "%u", &k) != 1)
        return 65;
      col[c] = g.addNode ();
      Graph::Arc a = g.addArc (col[c], sink);
      cap[a] = k;
      cost[a] = 0;
    }
  for (unsigned r = 0; r < n_rows; r++)
    {
      Graph::Arc a = g.addArc (source, row[r]);
      cap[a] = 1;
      cost[a] = 0;
    }
  Graph::Arc bypass = g.addArc (source, sink);
  cap[bypass] = n_rows;
  cost[bypass] = 0;
  unsigned r, c;
  long long w;
  size_t n_edges = 0;
  while (std::fscanf (f, "%u %u %lld", &r, &c, &w) == 3)
    {
      Graph::Arc a = g.addArc (row[r], col[c]);
      cap[a] = 1;
      cost[a] = -w;
      n_edges++;
    }
  std::fclose (f);
  double t_load = seconds_since (t0);

  auto t1 = std::chrono::steady_clock::now ();
  lemon::NetworkSimplex<Graph, Int, Int> ns (g);
  ns.upperMap (cap).costMap (cost).stSupply (source, sink, n_rows);
  if (ns.run () != lemon::NetworkSimplex<Graph, Int, Int>::OPTIMAL)
    {
      std::fprintf (stderr, "lemon-assign: not optimal\n");
      return 1;
    }
  double t_solve = seconds_since (t1);
  Int total = -ns.totalCost ();
  unsigned matched = 0;
  for (unsigned i = 0; i < n_rows; i++)
    for (Graph::OutArcIt a (g, row[i]); a != lemon::INVALID; ++a)
      matched += ns.flow (a) > 0;

  struct rusage ru;
  getrusage (RUSAGE_SELF, &ru);
  std::printf ("lemon network simplex: solve %8.3f s (load %.3f s)  total %lld  matched %u  "
               "(%zu edges, peak RSS %.1f MiB)\n",
               t_solve, t_load, total, matched, n_edges, ru.ru_maxrss / 1024.0);
  return 0;
}
