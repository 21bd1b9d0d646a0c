/* peermatch bench: a generator of synthetic but realistic matching instances.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *   gen-instance --supporters N --requests M --seed S --out DIR
 *
 * writes DIR/supporters.csv, DIR/requests.csv and DIR/org.csv for the built-in region tree.
 * The mix follows what a blue-light peer-support scheme sees: mostly English speakers (Welsh
 * in Wales), shift-worker availability from a few dozen rota patterns, teams of about eight
 * under a manager who is often a supporter too (so line management and same-team rules
 * bite), about 5% lapsed training, 3% paused, 10% priority and 1% crisis requests. Same
 * seed, same files. */
#include <peermatch/peermatch.h>

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const network_areas[] = {
  "merseyside", "inner_london", "cambridgeshire_peterborough",
  "north_east", "bedfordshire", "wales",
};
static const char *const services[]
    = { "police", "fire", "ambulance", "search_rescue", "volunteer" };
static const double service_share[] = { 0.40, 0.22, 0.25, 0.05, 0.08 };
static const char *const organisation_kind[]
    = { "Police", "Fire and Rescue", "Ambulance Service", "Search and Rescue", "Volunteers" };
static const char *const roles[]
    = { "frontline", "control_room", "manager", "support_staff", "volunteer" };
static const char *const topics[] = {
  "bereavement", "suicide_loss", "ptsd",      "trauma", "depression",
  "anxiety",     "addiction",    "menopause", "lgbtq",  "racism",
  "disability",  "assault",      "leavers",   "family", "finances",
};
static const char *const genders[] = { "female", "male", "non_binary" };
static const double gender_share[] = { 0.45, 0.50, 0.05 };

/* Shift patterns: day sets x time windows, 40 templates. */
static const char *const day_sets[] = {
  "weekdays", "mon-thu", "tue-fri", "mon,wed,fri", "tue,thu,sat",
  "weekends", "fri-mon", "daily",   "sat-tue",     "wed-sun",
};
static const char *const windows[][2] = {
  { "07:00", "15:00" },
  { "09:00", "17:00" },
  { "14:00", "22:00" },
  { "19:00", "07:00" },
};

typedef struct
{
  GRand *rand;
  PmRegionTree *tree;
  GPtrArray *areas;  /* network area ids found in the tree */
  GPtrArray *locals; /* per area: GPtrArray of local areas */
} Gen;

static guint
pick_index (GRand *rand, guint n)
{
  return (guint)g_rand_int_range (rand, 0, (gint32)n);
}

static guint
pick_weighted (GRand *rand, const double *share, guint n)
{
  double x = g_rand_double (rand);

  for (guint i = 0; i + 1 < n; i++)
    {
      if (x < share[i])
        return i;
      x -= share[i];
    }
  return n - 1;
}

static gboolean
chance (GRand *rand, double p)
{
  return g_rand_double (rand) < p;
}

/* Quotes a CSV field when it has to (RFC 4180). */
static void
put_field (GString *out, const char *text, gboolean last)
{
  if (text != NULL && strpbrk (text, ",\"\n\r") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else if (text != NULL)
    g_string_append (out, text);
  g_string_append_c (out, last ? '\n' : ',');
}

static void
load_regions (Gen *g)
{
  g->tree = pm_region_tree_new_default ();
  g->areas = g_ptr_array_new ();
  g->locals = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  for (guint a = 0; a < G_N_ELEMENTS (network_areas); a++)
    {
      GPtrArray *locals;

      if (!pm_region_tree_contains (g->tree, network_areas[a]))
        continue;
      locals = g_ptr_array_new ();
      for (guint i = 0; i < pm_region_tree_get_n_regions (g->tree); i++)
        {
          const char *id = pm_region_tree_get_id (g->tree, i);
          const char *parent = pm_region_tree_get_parent (g->tree, id);

          if (parent != NULL && strcmp (parent, network_areas[a]) == 0)
            g_ptr_array_add (locals, (gpointer)id);
        }
      g_ptr_array_add (g->areas, (gpointer)network_areas[a]);
      g_ptr_array_add (g->locals, locals);
    }
  if (g->areas->len == 0)
    g_error ("the built-in region tree has none of the expected network areas");
}

/* A person's region: a local area of their network area, now and then the area itself. */
static const char *
pick_region (Gen *g, guint area)
{
  GPtrArray *locals = g->locals->pdata[area];

  if (locals->len == 0 || chance (g->rand, 0.1))
    return g->areas->pdata[area];
  return locals->pdata[pick_index (g->rand, locals->len)];
}

static char *
pick_availability (Gen *g)
{
  guint d = pick_index (g->rand, G_N_ELEMENTS (day_sets));
  guint w = pick_index (g->rand, G_N_ELEMENTS (windows));
  GString *out = g_string_new (NULL);
  int shift = 0;

  /* Rotas vary a little: an hour earlier or later, a second weekend window. */
  if (chance (g->rand, 0.25))
    shift = chance (g->rand, 0.5) ? -1 : 1;
  {
    int start = atoi (windows[w][0]) + shift, end = atoi (windows[w][1]) + shift;
    g_string_append_printf (out, "%s %02d:00-%02d:00", day_sets[d], (start + 24) % 24,
                            (end + 24) % 24);
  }
  if (chance (g->rand, 0.15))
    g_string_append (out, ";sat-sun 10:00-14:00");
  return g_string_free (out, FALSE);
}

static char *
pick_languages (Gen *g, guint area)
{
  gboolean welsh = strcmp (g->areas->pdata[area], "wales") == 0;
  double x = g_rand_double (g->rand);

  if (welsh && x < 0.3)
    return g_strdup (chance (g->rand, 0.5) ? "cy" : "en;cy");
  if (x < 0.03)
    return g_strdup ("en;pl");
  if (x < 0.05)
    return g_strdup ("en;ur");
  if (x < 0.07)
    return g_strdup ("en;pa");
  if (x < 0.08)
    return g_strdup ("pl");
  return g_strdup ("en");
}

static char *
pick_tags (Gen *g, guint max)
{
  guint n = pick_index (g->rand, max + 1);
  GString *out = g_string_new (NULL);
  guint used = 0;

  for (guint i = 0; i < n; i++)
    {
      guint t = pick_index (g->rand, G_N_ELEMENTS (topics));

      if (used & (1u << t))
        continue;
      used |= 1u << t;
      if (out->len > 0)
        g_string_append_c (out, ';');
      g_string_append (out, topics[t]);
    }
  return g_string_free (out, FALSE);
}

static void
format_date (char buf[16], int year, int month, int day)
{
  g_snprintf (buf, 16, "%04d-%02d-%02d", year, month, day);
}

/* Teams of about eight: member 0 leads and line-manages the others; leaders report to one
 * of a few directors per area (org.csv), who report to a chief. */
static void
write_supporters (Gen *g, guint n, GString *out, GString *org, guint *n_teams)
{
  guint team = 0, in_team = 8;
  char leader[32] = "";
  guint area = 0, service = 0;

  g_string_append (out, "id,name,service,organisation,region,role,experience,languages,modes,"
                        "gender,capacity,load,trained_until,paused_until,manager,team,skills,"
                        "availability\n");
  g_string_append (org, "id,manager\n");
  for (guint i = 0; i < n; i++)
    {
      char id[32], name[48], team_id[32], cap[8], load[8], trained[16], paused[16] = "",
                                                                        org_name[96];
      g_autofree char *exp = pick_tags (g, 3);
      g_autofree char *langs = NULL;
      g_autofree char *avail = pick_availability (g);
      guint capacity = 1 + pick_index (g->rand, 4), l = 0;
      gboolean leads;

      if (in_team >= 8 || (in_team >= 6 && chance (g->rand, 0.3)))
        {
          team++;
          in_team = 0;
          area = pick_index (g->rand, g->areas->len);
          service = pick_weighted (g->rand, service_share, G_N_ELEMENTS (services));
        }
      leads = in_team == 0;
      g_snprintf (id, sizeof id, "S%05u", i + 1);
      if (leads)
        {
          g_strlcpy (leader, id, sizeof leader);
          g_string_append_printf (org, "%s,D%s%u\n", id, (char *)g->areas->pdata[area],
                                  pick_index (g->rand, 3));
        }
      in_team++;
      g_snprintf (name, sizeof name, "Supporter %u", i + 1);
      g_snprintf (team_id, sizeof team_id, "T%04u", team);
      g_snprintf (org_name, sizeof org_name, "%s %s", (char *)g->areas->pdata[area],
                  organisation_kind[service]);
      langs = pick_languages (g, area);
      if (chance (g->rand, 0.35))
        l = pick_index (g->rand, capacity + 1);
      g_snprintf (cap, sizeof cap, "%u", capacity);
      g_snprintf (load, sizeof load, "%u", l);
      if (chance (g->rand, 0.05))
        format_date (trained, 2026, 1 + pick_index (g->rand, 11), 1 + pick_index (g->rand, 28));
      else
        format_date (trained, 2027 + pick_index (g->rand, 3), 1 + pick_index (g->rand, 12),
                     1 + pick_index (g->rand, 28));
      if (chance (g->rand, 0.03))
        format_date (paused, 2026, 12, 1 + pick_index (g->rand, 28));
      put_field (out, id, FALSE);
      put_field (out, name, FALSE);
      put_field (out, services[service], FALSE);
      put_field (out, org_name, FALSE);
      put_field (out, pick_region (g, area), FALSE);
      put_field (out, leads ? "manager" : roles[pick_index (g->rand, G_N_ELEMENTS (roles))], FALSE);
      put_field (out, exp, FALSE);
      put_field (out, langs, FALSE);
      put_field (out, chance (g->rand, 0.05) ? "phone;video" : "", FALSE);
      put_field (out,
                 chance (g->rand, 0.9) ? genders[pick_weighted (g->rand, gender_share, 3)] : "",
                 FALSE);
      put_field (out, cap, FALSE);
      put_field (out, load, FALSE);
      put_field (out, trained, FALSE);
      put_field (out, paused, FALSE);
      put_field (out, leads ? "" : leader, FALSE);
      put_field (out, team_id, FALSE);
      put_field (out, chance (g->rand, 0.3) ? "trim;mhfa" : "mhfa", FALSE);
      put_field (out, avail, TRUE);
    }
  /* Directors report to one chief per area. */
  for (guint a = 0; a < g->areas->len; a++)
    for (guint d = 0; d < 3; d++)
      g_string_append_printf (org, "D%s%u,CHIEF_%s\n", (char *)g->areas->pdata[a], d,
                              (char *)g->areas->pdata[a]);
  *n_teams = team;
}

static void
write_requests (Gen *g, guint n, guint n_sup, guint n_teams, GString *out)
{
  g_string_append (out, "id,person,service,organisation,region,role,topics,languages,modes,"
                        "gender,service_pref,manager,team,exclude,urgency,availability\n");
  for (guint i = 0; i < n; i++)
    {
      char id[32], person[32], team_id[32] = "", manager[32] = "", exclude[64] = "";
      guint area = pick_index (g->rand, g->areas->len);
      guint service = pick_weighted (g->rand, service_share, G_N_ELEMENTS (services));
      g_autofree char *tags = pick_tags (g, 3);
      g_autofree char *langs = pick_languages (g, area);
      g_autofree char *avail = pick_availability (g);
      double x = g_rand_double (g->rand);
      const char *modes = "", *pref = "", *urgency = "";

      g_snprintf (id, sizeof id, "R%06u", i + 1);
      g_snprintf (person, sizeof person, "P%06u", i + 1);
      /* Some seekers share a team with supporters, some are managed by one, some exclude
       * one or two (say, after a bad experience). */
      if (n_teams > 0 && chance (g->rand, 0.3))
        {
          guint t = 1 + pick_index (g->rand, n_teams);
          g_snprintf (team_id, sizeof team_id, "T%04u", t);
        }
      if (n_sup > 0 && chance (g->rand, 0.1))
        g_snprintf (manager, sizeof manager, "S%05u", 1 + pick_index (g->rand, n_sup));
      if (n_sup > 0 && chance (g->rand, 0.1))
        g_snprintf (exclude, sizeof exclude, "S%05u;S%05u", 1 + pick_index (g->rand, n_sup),
                    1 + pick_index (g->rand, n_sup));
      if (x < 0.15)
        modes = "in_person";
      else if (x < 0.22)
        modes = "phone";
      else if (x < 0.30)
        modes = "phone;video";
      x = g_rand_double (g->rand);
      pref = x < 0.2 ? "same" : x < 0.3 ? "other" : "any";
      x = g_rand_double (g->rand);
      urgency = x < 0.01 ? "crisis" : x < 0.11 ? "priority" : "routine";
      put_field (out, id, FALSE);
      put_field (out, person, FALSE);
      put_field (out, services[service], FALSE);
      put_field (out, "", FALSE);
      put_field (out, pick_region (g, area), FALSE);
      put_field (out, roles[pick_index (g->rand, G_N_ELEMENTS (roles))], FALSE);
      put_field (out, tags, FALSE);
      put_field (out, langs, FALSE);
      put_field (out, modes, FALSE);
      put_field (out, chance (g->rand, 0.1) ? genders[pick_index (g->rand, 2)] : "", FALSE);
      put_field (out, pref, FALSE);
      put_field (out, manager, FALSE);
      put_field (out, team_id, FALSE);
      put_field (out, exclude, FALSE);
      put_field (out, urgency, FALSE);
      put_field (out, avail, TRUE);
    }
}

static void
save (const char *dir, const char *name, GString *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;

  if (!g_file_set_contents (path, contents->str, (gssize)contents->len, &error))
    {
      g_printerr ("gen-instance: %s\n", error->message);
      exit (73);
    }
}

int
main (int argc, char **argv)
{
  gint n_sup = 5000, n_req = 20000, seed = 1;
  g_autofree char *dir = NULL;
  GOptionEntry entries[] = {
    { "supporters", 0, 0, G_OPTION_ARG_INT, &n_sup, "number of supporters", "N" },
    { "requests", 0, 0, G_OPTION_ARG_INT, &n_req, "number of requests", "M" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "random seed", "S" },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &dir, "output directory", "DIR" },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("- write a synthetic instance");
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) sup = g_string_new (NULL);
  g_autoptr (GString) req = g_string_new (NULL);
  g_autoptr (GString) org = g_string_new (NULL);
  Gen g = { NULL };
  guint n_teams = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || dir == NULL || n_sup < 0
      || n_req < 0)
    {
      g_printerr ("gen-instance: %s\n", error != NULL ? error->message : "--out DIR is required");
      return 64;
    }
  g_mkdir_with_parents (dir, 0755);
  g.rand = g_rand_new_with_seed ((guint32)seed);
  load_regions (&g);
  write_supporters (&g, (guint)n_sup, sup, org, &n_teams);
  write_requests (&g, (guint)n_req, (guint)n_sup, n_teams, req);
  save (dir, "supporters.csv", sup);
  save (dir, "requests.csv", req);
  save (dir, "org.csv", org);
  g_rand_free (g.rand);
  g_ptr_array_unref (g.locals);
  g_ptr_array_unref (g.areas);
  g_object_unref (g.tree);
  return 0;
}
