/* peermatch tests: the region tree.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-test-util.h"

#include <string.h>

/*   uk ─┬─ england ─┬─ merseyside ─┬─ liverpool
 *       │           │              └─ wirral
 *       │           └─ london ──── camden
 *       └─ wales ───── gwent
 *   ie ─── dublin                                       (a second root) */
static PmRegionTree *
make_tree (void)
{
  const char *rows[][3] = {
    { "UK", NULL, "United Kingdom" },
    { "england", "uk", "England" },
    { "wales", " UK ", "Wales" },
    { "Merseyside", "england", "Merseyside" },
    { "liverpool", "merseyside", "Liverpool" },
    { "wirral", "MERSEYSIDE", NULL },
    { "london", "england", "London" },
    { "camden", "london", "Camden" },
    { "gwent", "wales", "Gwent" },
    { "ie", "", "Ireland" },
    { "dublin", "ie", "Dublin" },
  };
  PmRegionTree *tree = pm_region_tree_new ();

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr (GError) error = NULL;

      if (!pm_region_tree_add (tree, rows[i][0], rows[i][1], rows[i][2], &error))
        fail_msg ("cannot add %s: %s", rows[i][0], error->message);
    }
  return tree;
}

static void
test_add_and_lookup (void **state)
{
  g_autoptr (PmRegionTree) tree = make_tree ();

  assert_int_equal (pm_region_tree_get_n_regions (tree), 11);
  /* ids are stored normalised, in the order they were added */
  assert_string_equal (pm_region_tree_get_id (tree, 0), "uk");
  assert_string_equal (pm_region_tree_get_id (tree, 3), "merseyside");
  assert_true (pm_region_tree_contains (tree, "merseyside"));
  assert_true (pm_region_tree_contains (tree, "  MerseySide "));
  assert_false (pm_region_tree_contains (tree, "mersey"));
  assert_false (pm_region_tree_contains (tree, ""));
  assert_false (pm_region_tree_contains (tree, NULL));
  assert_string_equal (pm_region_tree_get_parent (tree, "Liverpool"), "merseyside");
  assert_string_equal (pm_region_tree_get_parent (tree, "wales"), "uk");
  assert_null (pm_region_tree_get_parent (tree, "uk"));
  assert_null (pm_region_tree_get_parent (tree, "ie"));
  assert_null (pm_region_tree_get_parent (tree, "atlantis"));
  assert_string_equal (pm_region_tree_get_name (tree, "uk"), "United Kingdom");
  assert_null (pm_region_tree_get_name (tree, "wirral"));
  assert_null (pm_region_tree_get_name (tree, "atlantis"));
}

static void
test_add_errors (void **state)
{
  g_autoptr (PmRegionTree) tree = make_tree ();
  struct
  {
    const char *id, *parent, *fragment;
  } cases[] = {
    { "", NULL, "empty" },
    { "   ", "uk", "empty" },
    { NULL, "uk", "empty" },
    { "wirral", "merseyside", "duplicate region 'wirral'" },
    { " WIRRAL", NULL, "duplicate region 'wirral'" },
    { "sefton", "mersey", "parent 'mersey'" },
    { "sefton", "knowsley", "not defined" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;

      assert_false (pm_region_tree_add (tree, cases[i].id, cases[i].parent, NULL, &error));
      assert_true (g_error_matches (error, PM_ERROR, PM_ERROR_INVALID_DATA));
      if (strstr (error->message, cases[i].fragment) == NULL)
        fail_msg ("'%s' does not mention '%s'", error->message, cases[i].fragment);
    }
  /* nothing was added by the failures */
  assert_int_equal (pm_region_tree_get_n_regions (tree), 11);
  assert_false (pm_region_tree_contains (tree, "sefton"));
}

static void
test_hops (void **state)
{
  g_autoptr (PmRegionTree) tree = make_tree ();
  struct
  {
    const char *a, *b;
    gint hops;
  } cases[] = {
    { "liverpool", "liverpool", 0 },
    { "liverpool", " LIVERPOOL", 0 },
    { "liverpool", "merseyside", 1 },
    { "merseyside", "liverpool", 1 },
    { "liverpool", "wirral", 2 },
    { "liverpool", "england", 2 },
    { "liverpool", "uk", 3 },
    { "liverpool", "london", 3 },
    { "liverpool", "camden", 4 },
    { "camden", "liverpool", 4 },
    { "liverpool", "wales", 4 },
    { "liverpool", "gwent", 5 },
    { "gwent", "camden", 5 },
    { "uk", "uk", 0 },
    { "ie", "dublin", 1 },
    { "dublin", "liverpool", -1 },
    { "uk", "ie", -1 },
    { "liverpool", "atlantis", -1 },
    { "atlantis", "atlantis", -1 },
    { NULL, "uk", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    if (pm_region_tree_hops (tree, cases[i].a, cases[i].b) != cases[i].hops)
      fail_msg ("hops (%s, %s) = %d, expected %d", cases[i].a, cases[i].b,
                pm_region_tree_hops (tree, cases[i].a, cases[i].b), cases[i].hops);
}

static void
test_is_within (void **state)
{
  g_autoptr (PmRegionTree) tree = make_tree ();

  assert_true (pm_region_tree_is_within (tree, "liverpool", "liverpool"));
  assert_true (pm_region_tree_is_within (tree, "liverpool", "merseyside"));
  assert_true (pm_region_tree_is_within (tree, "liverpool", "England"));
  assert_true (pm_region_tree_is_within (tree, "liverpool", "uk"));
  assert_false (pm_region_tree_is_within (tree, "merseyside", "liverpool"));
  assert_false (pm_region_tree_is_within (tree, "liverpool", "wirral"));
  assert_false (pm_region_tree_is_within (tree, "liverpool", "wales"));
  assert_false (pm_region_tree_is_within (tree, "dublin", "uk"));
  assert_true (pm_region_tree_is_within (tree, "dublin", "ie"));
  assert_false (pm_region_tree_is_within (tree, "atlantis", "uk"));
  assert_false (pm_region_tree_is_within (tree, "uk", "atlantis"));
}

/* hops against a brute-force oracle (breadth-first search over the undirected tree) on
 * random forests */
static gint
bfs_hops (const gint *parent, guint n, guint a, guint b)
{
  g_autofree gint *dist = g_new (gint, n);
  g_autofree guint *queue = g_new (guint, n);
  guint head = 0, tail = 0;

  for (guint i = 0; i < n; i++)
    dist[i] = -1;
  dist[a] = 0;
  queue[tail++] = a;
  while (head < tail)
    {
      guint v = queue[head++];

      for (guint w = 0; w < n; w++)
        if ((parent[w] == (gint)v || parent[v] == (gint)w) && dist[w] < 0)
          {
            dist[w] = dist[v] + 1;
            queue[tail++] = w;
          }
    }
  return dist[b];
}

static void
test_random_hops (void **state)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);

  for (guint round = 0; round < 30; round++)
    {
      g_autoptr (PmRegionTree) tree = pm_region_tree_new ();
      guint n = g_rand_int_range (rand, 1, 40);
      gint parent[40];

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *id = g_strdup_printf ("r%u", i);
          g_autofree char *parent_id = NULL;

          parent[i] = i == 0 || g_rand_int_range (rand, 0, 6) == 0
                          ? -1
                          : g_rand_int_range (rand, 0, (gint)i);
          if (parent[i] >= 0)
            parent_id = g_strdup_printf ("R%d", parent[i]);
          assert_true (pm_region_tree_add (tree, id, parent_id, NULL, NULL));
        }
      for (guint a = 0; a < n; a++)
        for (guint b = 0; b < n; b++)
          {
            char ida[16], idb[16];

            g_snprintf (ida, sizeof ida, "r%u", a);
            g_snprintf (idb, sizeof idb, "r%u", b);
            assert_int_equal (pm_region_tree_hops (tree, ida, idb), bfs_hops (parent, n, a, b));
          }
    }
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_add_and_lookup), cmocka_unit_test (test_add_errors),
    cmocka_unit_test (test_hops),           cmocka_unit_test (test_is_within),
    cmocka_unit_test (test_random_hops),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
