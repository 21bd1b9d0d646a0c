// peermatch benchmark: the reference solver, LEMON's network simplex on a graph file written by
// bench-assign (text) or by bench-match --write-graph (binary, the matcher's full graph).
// SPDX-License-Identifier: LGPL-2.1-or-later
//
//   lemon-assign GRAPH-FILE
//
// The maximum-weight assignment as a min-cost flow: source -> row (capacity 1, cost 0),
// row -> col (capacity 1, cost -w), col -> sink (capacity cap, cost 0), and one bypass arc
// source -> sink (capacity rows, cost 0) so that a row may stay unmatched. The source supplies
// rows units; the optimum cost is minus the maximum total weight. Flows are int, costs
// long long.
//
// Text format (bench-assign.c): "rows cols", the cols capacities, then "row col weight" lines.
//
// Binary format (bench-match.c, recognised by its magic; every number little-endian):
//   char magic[8] = "PMGRAPH1"
//   u32 rows, u32 cols
//   i64 tier, i64 q_min       the matcher's B and smallest micro-point score
//   u8 priority[rows]         1 for a `priority` request
//   u32 cap[cols]             capacity - load of each column
//   u64 n_edges
//   n_edges x { u32 row, u32 col, i64 weight }   weight = tier * (1 + priority) + q - q_min
// With the binary format the optimum is also decoded into the matcher's objective: matched
// priority rows, matched rows and the total score sum (q) in micro-points, q = weight -
// tier * (1 + priority) + q_min.
//
// Times: "load" reads the file and builds the digraph, "setup" builds the network simplex
// (its arrays and the capacity and cost maps), "solve" is NetworkSimplex::run() alone.
// Besides the human line, a "lemon-figures:" line carries every figure as key=value.
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <sys/resource.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

typedef lemon::SmartDigraph Graph;
typedef long long Cost;
typedef int Flow;
typedef lemon::NetworkSimplex<Graph, Flow, Cost> Simplex;

static double
seconds_since (std::chrono::steady_clock::time_point t0)
{
  return std::chrono::duration<double> (std::chrono::steady_clock::now () - t0).count ();
}

// The arcs are added in this order, so an arc's id says what it is: cols arcs col -> sink,
// rows arcs source -> row, the bypass, then the edges. Capacities need no storage.
struct CapMap
{
  typedef Graph::Arc Key;
  typedef Flow Value;
  const std::vector<unsigned> *cap;
  unsigned n_rows;
  Value
  operator[] (const Key &a) const
  {
    unsigned id = (unsigned)Graph::id (a), n_cols = (unsigned)cap->size ();
    if (id < n_cols)
      return (Value)(*cap)[id];
    if (id == n_cols + n_rows)
      return (Value)n_rows;
    return 1;
  }
};

struct CostMap
{
  typedef Graph::Arc Key;
  typedef Cost Value;
  const std::vector<Cost> *cost;
  Value
  operator[] (const Key &a) const
  {
    return (*cost)[(size_t)Graph::id (a)];
  }
};

struct Instance
{
  bool binary = false;
  unsigned n_rows = 0, n_cols = 0;
  long long tier = 0, q_min = 0;
  std::vector<unsigned char> priority;
  std::vector<unsigned> cap;
  Graph g;
  Graph::Node source, sink;
  std::vector<Graph::Node> row, col;
  std::vector<Cost> cost; // by arc id
  size_t n_edges = 0;
};

static bool
read_exact (FILE *f, void *buf, size_t n)
{
  return std::fread (buf, 1, n, f) == n;
}

static uint32_t
le32 (const unsigned char *p)
{
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t
le64 (const unsigned char *p)
{
  return (uint64_t)le32 (p) | (uint64_t)le32 (p + 4) << 32;
}

// The nodes and the arcs that do not depend on the edges.
static void
build_frame (Instance &in, size_t n_edges_hint)
{
  in.g.reserveNode ((int)(in.n_rows + in.n_cols + 2));
  in.g.reserveArc ((int)(in.n_cols + in.n_rows + 1 + n_edges_hint));
  in.cost.reserve (in.n_cols + in.n_rows + 1 + n_edges_hint);
  in.source = in.g.addNode ();
  in.sink = in.g.addNode ();
  in.row.resize (in.n_rows);
  in.col.resize (in.n_cols);
  for (unsigned r = 0; r < in.n_rows; r++)
    in.row[r] = in.g.addNode ();
  for (unsigned c = 0; c < in.n_cols; c++)
    in.col[c] = in.g.addNode ();
  for (unsigned c = 0; c < in.n_cols; c++)
    {
      in.g.addArc (in.col[c], in.sink);
      in.cost.push_back (0);
    }
  for (unsigned r = 0; r < in.n_rows; r++)
    {
      in.g.addArc (in.source, in.row[r]);
      in.cost.push_back (0);
    }
  in.g.addArc (in.source, in.sink);
  in.cost.push_back (0);
}

static bool
add_edge (Instance &in, unsigned r, unsigned c, long long w)
{
  if (r >= in.n_rows || c >= in.n_cols)
    return false;
  in.g.addArc (in.row[r], in.col[c]);
  in.cost.push_back (-w);
  in.n_edges++;
  return true;
}

static bool
read_text (FILE *f, Instance &in)
{
  if (std::fscanf (f, "%u %u", &in.n_rows, &in.n_cols) != 2)
    return false;
  in.cap.resize (in.n_cols);
  for (unsigned c = 0; c < in.n_cols; c++)
    if (std::fscanf (f, "%u", &in.cap[c]) != 1)
      return false;
  build_frame (in, 0);
  unsigned r, c;
  long long w;
  while (std::fscanf (f, "%u %u %lld", &r, &c, &w) == 3)
    if (!add_edge (in, r, c, w))
      return false;
  return true;
}

static bool
read_binary (FILE *f, Instance &in)
{
  unsigned char head[24], b8[8];
  if (!read_exact (f, head, sizeof head))
    return false;
  in.binary = true;
  in.n_rows = le32 (head);
  in.n_cols = le32 (head + 4);
  in.tier = (long long)le64 (head + 8);
  in.q_min = (long long)le64 (head + 16);
  in.priority.resize (in.n_rows);
  if (in.n_rows > 0 && !read_exact (f, in.priority.data (), in.n_rows))
    return false;
  in.cap.resize (in.n_cols);
  for (unsigned c = 0; c < in.n_cols; c++)
    {
      unsigned char b4[4];
      if (!read_exact (f, b4, 4))
        return false;
      in.cap[c] = le32 (b4);
    }
  if (!read_exact (f, b8, 8))
    return false;
  uint64_t n_edges = le64 (b8);
  if (n_edges > (uint64_t)INT32_MAX - in.n_rows - in.n_cols - 1)
    return false; // LEMON's ids are int
  build_frame (in, (size_t)n_edges);
  std::vector<unsigned char> buf ((size_t)1 << 20); // whole 16-byte records
  uint64_t left = n_edges;
  while (left > 0)
    {
      size_t n = (size_t)(left < buf.size () / 16 ? left : buf.size () / 16);
      if (!read_exact (f, buf.data (), n * 16))
        return false;
      for (size_t i = 0; i < n; i++)
        {
          const unsigned char *p = buf.data () + i * 16;
          if (!add_edge (in, le32 (p), le32 (p + 4), (long long)le64 (p + 8)))
            return false;
        }
      left -= n;
    }
  return std::fgetc (f) == EOF;
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
  FILE *f = std::fopen (argv[1], "rb");
  if (f == nullptr)
    {
      std::fprintf (stderr, "lemon-assign: cannot open %s\n", argv[1]);
      return 66;
    }
  Instance in;
  char magic[8];
  bool ok;
  if (std::fread (magic, 1, 8, f) == 8 && std::memcmp (magic, "PMGRAPH1", 8) == 0)
    ok = read_binary (f, in);
  else
    {
      std::rewind (f);
      ok = read_text (f, in);
    }
  std::fclose (f);
  if (!ok)
    {
      std::fprintf (stderr, "lemon-assign: %s: not a valid graph file\n", argv[1]);
      return 65;
    }
  double t_load = seconds_since (t0);

  auto t1 = std::chrono::steady_clock::now ();
  Simplex ns (in.g);
  CapMap cap = { &in.cap, in.n_rows };
  CostMap cost = { &in.cost };
  ns.upperMap (cap).costMap (cost).stSupply (in.source, in.sink, (Flow)in.n_rows);
  double t_setup = seconds_since (t1);

  auto t2 = std::chrono::steady_clock::now ();
  if (ns.run () != Simplex::OPTIMAL)
    {
      std::fprintf (stderr, "lemon-assign: not optimal\n");
      return 1;
    }
  double t_solve = seconds_since (t2);

  Cost total = -ns.totalCost ();
  unsigned matched = 0, n_priority = 0;
  long long score = 0;
  bool decoded = true;
  for (unsigned r = 0; r < in.n_rows; r++)
    for (Graph::OutArcIt a (in.g, in.row[r]); a != lemon::INVALID; ++a)
      if (ns.flow (a) > 0)
        {
          matched++;
          if (in.binary)
            {
              long long w = -in.cost[(size_t)Graph::id (a)];
              long long q = w - in.tier * (1 + in.priority[r]) + in.q_min;
              // A weight outside its row's tier would mean a malformed file.
              decoded = decoded && w >= in.tier * (1 + in.priority[r])
                        && w < in.tier * (2 + in.priority[r]);
              n_priority += in.priority[r];
              score += q;
            }
        }

  struct rusage ru;
  getrusage (RUSAGE_SELF, &ru);
  double rss = ru.ru_maxrss / 1024.0;
  std::printf ("lemon network simplex: solve %8.3f s (load %.3f s, setup %.3f s)  total %lld  "
               "matched %u  (%zu edges, peak RSS %.1f MiB)\n",
               t_solve, t_load, t_setup, total, matched, in.n_edges, rss);
  if (in.binary)
    {
      if (!decoded)
        {
          std::fprintf (stderr, "lemon-assign: a weight is outside its tier\n");
          return 65;
        }
      std::printf ("lemon objective: priority %u  matched %u  score %lld micro-points (%.6f)\n",
                   n_priority, matched, score, score / 1e6);
      std::printf ("lemon-figures: rows=%u cols=%u edges=%zu load=%.3f setup=%.3f solve=%.3f "
                   "rss_mib=%.1f priority=%u matched=%u score=%lld\n",
                   in.n_rows, in.n_cols, in.n_edges, t_load, t_setup, t_solve, rss, n_priority,
                   matched, score);
    }
  return 0;
}
