/* peermatch: flattening a network for the matcher, and the rules and score of one pair.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-match-private.h"

#include <stdlib.h>
#include <string.h>

/* Tables larger than this many entries are not built (the values are then computed on
 * demand): 4M hops (16 MiB) and 32M overlaps (64 MiB) keep a compiled network far below
 * the 1 GiB budget whatever the input. */
#define MAX_HOPS_TABLE (4u << 20)
#define MAX_OVERLAP_TABLE (32u << 20)

/* ---- interning: strings to dense numbers 0, 1, 2, ... in first-seen order */

typedef struct
{
  GHashTable *index; /* owned string -> number + 1 */
  GPtrArray *names;  /* borrowed from index */
} Interner;

static void
interner_init (Interner *in)
{
  in->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  in->names = g_ptr_array_new ();
}

static void
interner_clear (Interner *in)
{
  g_ptr_array_unref (in->names);
  g_hash_table_unref (in->index);
}

static gint32
interner_find (Interner *in, const char *name)
{
  gpointer value = name == NULL ? NULL : g_hash_table_lookup (in->index, name);
  return value == NULL ? -1 : GPOINTER_TO_INT (value) - 1;
}

static gint32
interner_add (Interner *in, const char *name)
{
  gint32 found;
  char *copy;

  if (name == NULL)
    return -1;
  found = interner_find (in, name);
  if (found >= 0)
    return found;
  copy = g_strdup (name);
  g_hash_table_insert (in->index, copy, GINT_TO_POINTER (in->names->len + 1));
  g_ptr_array_add (in->names, copy);
  return (gint32)in->names->len - 1;
}

/* Tokens compare case-insensitively after trimming, whatever the setters stored. */
static gint32
interner_add_token (Interner *in, const char *token)
{
  g_autofree char *norm = pm_token_normalize (token);
  return interner_add (in, norm);
}

static gint32
interner_find_token (Interner *in, const char *token)
{
  g_autofree char *norm = pm_token_normalize (token);
  return interner_find (in, norm);
}

static void
set_bits (guint64 *set, Interner *in, const char *const *tokens, gboolean add)
{
  for (guint i = 0; tokens != NULL && tokens[i] != NULL; i++)
    {
      gint32 bit = add ? interner_add_token (in, tokens[i]) : interner_find_token (in, tokens[i]);

      if (bit >= 0)
        set[bit / 64] |= G_GUINT64_CONSTANT (1) << (bit % 64);
    }
}

static guint
words_for (Interner *in)
{
  return MAX (1u, (in->names->len + 63) / 64);
}

/* ---- sorting by id */

static int
compare_supporters (gconstpointer a, gconstpointer b)
{
  return strcmp (pm_supporter_get_id (*(PmSupporter *const *)a),
                 pm_supporter_get_id (*(PmSupporter *const *)b));
}

static int
compare_requests (gconstpointer a, gconstpointer b)
{
  return strcmp (pm_request_get_id (*(PmRequest *const *)a),
                 pm_request_get_id (*(PmRequest *const *)b));
}

static void
load_entities (PmMatchCompiled *self, PmNetwork *network)
{
  self->n_sup = pm_network_get_n_supporters (network);
  self->n_req = pm_network_get_n_requests (network);
  self->sup = g_new (PmSupporter *, MAX (1u, self->n_sup));
  self->req = g_new (PmRequest *, MAX (1u, self->n_req));
  for (guint i = 0; i < self->n_sup; i++)
    self->sup[i] = pm_network_get_supporter (network, i);
  for (guint i = 0; i < self->n_req; i++)
    self->req[i] = pm_network_get_request (network, i);
  qsort (self->sup, self->n_sup, sizeof *self->sup, compare_supporters);
  qsort (self->req, self->n_req, sizeof *self->req, compare_requests);
  self->req_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->n_req; i++)
    g_hash_table_insert (self->req_by_id, (gpointer)pm_request_get_id (self->req[i]),
                         GUINT_TO_POINTER (i + 1));
}

static void
load_policy (PmMatchCompiled *self, PmPolicy *policy)
{
  for (guint c = 0; c < PM_COMPONENT_N; c++)
    self->weight[c] = pm_policy_get_weight (policy, c);
  self->min_overlap = pm_policy_get_min_overlap_minutes (policy);
  self->full_overlap = pm_policy_get_full_overlap_minutes (policy);
  self->max_hops = pm_policy_get_max_in_person_hops (policy);
  self->avoid_same_team = pm_policy_get_avoid_same_team (policy);
}

/* ---- line management: an Euler tour of the forest of everyone involved */

typedef struct
{
  Interner people;
  GArray *parent; /* gint32 per person, -1 for a root */
} Forest;

/* Interns @id and, through the org chart, everyone above it. The chart is a forest (it
 * refuses cycles), so the climb ends; it stops early at a person already climbed from. */
static gint32
forest_add (Forest *f, PmOrgChart *chart, const char *id)
{
  gint32 person = interner_add (&f->people, id);
  gint32 child = person;
  const char *manager;

  if ((guint)person < f->parent->len)
    return person;
  for (;;)
    {
      gint32 up;
      gint32 none = -1;

      g_array_append_val (f->parent, none);
      manager = pm_org_chart_get_manager (chart, f->people.names->pdata[child]);
      if (manager == NULL)
        break;
      up = interner_add (&f->people, manager);
      g_array_index (f->parent, gint32, child) = up;
      if ((guint)up < f->parent->len)
        break;
      child = up;
    }
  return person;
}

/* Preorder numbers and subtree ends, so that an ancestor test costs two comparisons instead
 * of a climb through the chart for each of the 10^8 pairs of a batch. */
static void
forest_tour (Forest *f, gint32 *tin, gint32 *tout)
{
  guint n = f->parent->len;
  const gint32 *parent = (const gint32 *)(void *)f->parent->data;
  g_autofree guint *first = g_new0 (guint, n + 1);
  g_autofree guint *child = g_new (guint, MAX (1u, n));
  g_autofree guint *fill = NULL;
  g_autofree guint *stack = g_new (guint, MAX (1u, n));
  g_autofree guint *order = g_new (guint, MAX (1u, n));
  guint top = 0, visited = 0;

  for (guint v = 0; v < n; v++)
    if (parent[v] >= 0)
      first[parent[v] + 1]++;
  for (guint v = 0; v < n; v++)
    first[v + 1] += first[v];
  fill = g_memdup2 (first, sizeof (guint) * (n + 1));
  for (guint v = 0; v < n; v++)
    if (parent[v] >= 0)
      child[fill[parent[v]]++] = v;
  for (guint root = 0; root < n; root++)
    {
      if (parent[root] >= 0)
        continue;
      stack[top++] = root;
      while (top > 0)
        {
          guint v = stack[--top];

          tin[v] = (gint32)visited;
          order[visited++] = v;
          for (guint k = first[v + 1]; k > first[v]; k--)
            stack[top++] = child[k - 1];
        }
    }
  /* Subtree sizes, children before parents: reverse preorder. */
  for (guint v = 0; v < n; v++)
    tout[v] = 1;
  for (guint k = visited; k > 0; k--)
    {
      guint v = order[k - 1];

      if (parent[v] >= 0)
        tout[parent[v]] += tout[v];
    }
  for (guint v = 0; v < n; v++)
    tout[v] += tin[v];
}

static void
load_people (PmMatchCompiled *self, PmNetwork *network)
{
  PmOrgChart *chart = pm_network_get_org_chart (network);
  Forest f;
  g_autofree gint32 *tin = NULL;
  g_autofree gint32 *tout = NULL;

  interner_init (&f.people);
  f.parent = g_array_new (FALSE, FALSE, sizeof (gint32));
  self->s_person = g_new (gint32, MAX (1u, self->n_sup));
  self->r_person = g_new (gint32, MAX (1u, self->n_req));
  for (guint s = 0; s < self->n_sup; s++)
    self->s_person[s] = forest_add (&f, chart, pm_supporter_get_id (self->sup[s]));
  for (guint r = 0; r < self->n_req; r++)
    self->r_person[r] = forest_add (&f, chart, pm_request_get_person (self->req[r]));
  tin = g_new (gint32, MAX (1u, f.parent->len));
  tout = g_new (gint32, MAX (1u, f.parent->len));
  forest_tour (&f, tin, tout);
  /* The forest by preorder number, for the diagnostics' walk up from a seeker. */
  self->n_people = f.parent->len;
  self->p_parent = g_new (gint32, MAX (1u, self->n_people));
  for (guint v = 0; v < self->n_people; v++)
    {
      gint32 up = g_array_index (f.parent, gint32, v);
      self->p_parent[tin[v]] = up >= 0 ? tin[up] : -1;
    }
  self->s_tin = g_new (gint32, MAX (1u, self->n_sup));
  self->s_tout = g_new (gint32, MAX (1u, self->n_sup));
  self->r_tin = g_new (gint32, MAX (1u, self->n_req));
  self->r_tout = g_new (gint32, MAX (1u, self->n_req));
  for (guint s = 0; s < self->n_sup; s++)
    {
      self->s_tin[s] = tin[self->s_person[s]];
      self->s_tout[s] = tout[self->s_person[s]];
    }
  for (guint r = 0; r < self->n_req; r++)
    {
      self->r_tin[r] = tin[self->r_person[r]];
      self->r_tout[r] = tout[self->r_person[r]];
    }
  g_array_unref (f.parent);
  interner_clear (&f.people);
}

/* ---- single-valued tokens and ids */

static void
load_attributes (PmMatchCompiled *self)
{
  Interner team, gender, service, role;

  interner_init (&team);
  interner_init (&gender);
  interner_init (&service);
  interner_init (&role);
  self->s_team = g_new (gint32, MAX (1u, self->n_sup));
  self->s_gender = g_new (gint32, MAX (1u, self->n_sup));
  self->s_service = g_new (gint32, MAX (1u, self->n_sup));
  self->s_role = g_new (gint32, MAX (1u, self->n_sup));
  self->s_modes = g_new (guint8, MAX (1u, self->n_sup));
  self->r_team = g_new (gint32, MAX (1u, self->n_req));
  self->r_gender = g_new (gint32, MAX (1u, self->n_req));
  self->r_service = g_new (gint32, MAX (1u, self->n_req));
  self->r_role = g_new (gint32, MAX (1u, self->n_req));
  self->r_modes = g_new (guint8, MAX (1u, self->n_req));
  self->r_pref = g_new (guint8, MAX (1u, self->n_req));
  self->r_urgency = g_new (guint8, MAX (1u, self->n_req));
  for (guint s = 0; s < self->n_sup; s++)
    {
      PmSupporter *sup = self->sup[s];
      const char *team_id = pm_supporter_get_team (sup);

      /* Team ids are ids (compared exactly); an empty one means unset. */
      self->s_team[s] = team_id != NULL && *team_id != '\0' ? interner_add (&team, team_id) : -1;
      self->s_gender[s] = interner_add_token (&gender, pm_supporter_get_gender (sup));
      self->s_service[s] = interner_add_token (&service, pm_supporter_get_service (sup));
      self->s_role[s] = interner_add_token (&role, pm_supporter_get_role (sup));
      self->s_modes[s] = pm_supporter_get_modes (sup) & PM_MODES_ALL;
    }
  for (guint r = 0; r < self->n_req; r++)
    {
      PmRequest *req = self->req[r];
      const char *team_id = pm_request_get_team (req);

      self->r_team[r] = team_id != NULL && *team_id != '\0' ? interner_find (&team, team_id) : -1;
      /* A gender nobody has still excludes everyone: keep it distinct from "unset". */
      self->r_gender[r] = interner_add_token (&gender, pm_request_get_gender (req));
      self->r_service[r] = interner_find_token (&service, pm_request_get_service (req));
      self->r_role[r] = interner_find_token (&role, pm_request_get_role (req));
      self->r_modes[r] = pm_request_get_modes (req) & PM_MODES_ALL;
      self->r_pref[r] = pm_request_get_service_pref (req);
      self->r_urgency[r] = pm_request_get_urgency (req);
    }
  interner_clear (&team);
  interner_clear (&gender);
  interner_clear (&service);
  interner_clear (&role);
}

/* ---- sets: languages and topics as bitsets of any width */

static void
load_sets (PmMatchCompiled *self)
{
  Interner lang, tag;

  /* Only values some request asks for can ever meet, so only they get a bit: supporters'
   * other languages and experience tags are dropped. */
  interner_init (&lang);
  interner_init (&tag);
  for (guint r = 0; r < self->n_req; r++)
    {
      const char *const *langs = pm_request_get_languages (self->req[r]);
      const char *const *topics = pm_request_get_topics (self->req[r]);

      for (guint i = 0; langs != NULL && langs[i] != NULL; i++)
        interner_add_token (&lang, langs[i]);
      for (guint i = 0; topics != NULL && topics[i] != NULL; i++)
        interner_add_token (&tag, topics[i]);
    }
  self->lang_words = words_for (&lang);
  self->tag_words = words_for (&tag);
  self->r_lang = g_new0 (guint64, (gsize)MAX (1u, self->n_req) * self->lang_words);
  self->r_topics = g_new0 (guint64, (gsize)MAX (1u, self->n_req) * self->tag_words);
  self->r_n_topics = g_new0 (guint, MAX (1u, self->n_req));
  self->s_lang = g_new0 (guint64, (gsize)MAX (1u, self->n_sup) * self->lang_words);
  self->s_exp = g_new0 (guint64, (gsize)MAX (1u, self->n_sup) * self->tag_words);
  for (guint r = 0; r < self->n_req; r++)
    {
      guint64 *topics = self->r_topics + (gsize)r * self->tag_words;

      set_bits (self->r_lang + (gsize)r * self->lang_words, &lang,
                pm_request_get_languages (self->req[r]), FALSE);
      set_bits (topics, &tag, pm_request_get_topics (self->req[r]), FALSE);
      /* |T| counts distinct topics: "PTSD" and "ptsd" are one tag. */
      for (guint w = 0; w < self->tag_words; w++)
        self->r_n_topics[r] += (guint)__builtin_popcountll (topics[w]);
    }
  for (guint s = 0; s < self->n_sup; s++)
    {
      set_bits (self->s_lang + (gsize)s * self->lang_words, &lang,
                pm_supporter_get_languages (self->sup[s]), FALSE);
      set_bits (self->s_exp + (gsize)s * self->tag_words, &tag,
                pm_supporter_get_experience (self->sup[s]), FALSE);
    }
  interner_clear (&lang);
  interner_clear (&tag);
}

/* ---- supporter-only rules (5 to 7) and the load component */

static void
load_supporter_state (PmMatchCompiled *self, const GDate *on)
{
  self->s_static = g_new (guint8, MAX (1u, self->n_sup));
  self->s_free = g_new (guint, MAX (1u, self->n_sup));
  self->s_load = g_new (double, MAX (1u, self->n_sup));
  for (guint s = 0; s < self->n_sup; s++)
    {
      PmSupporter *sup = self->sup[s];
      const GDate *trained = pm_supporter_get_trained_until (sup);
      const GDate *paused = pm_supporter_get_paused_until (sup);
      guint capacity = pm_supporter_get_capacity (sup);
      guint load = pm_supporter_get_load (sup);

      /* Without a training date nobody can vouch for the training: count it as lapsed. */
      if (trained == NULL || !g_date_valid (trained) || g_date_compare (trained, on) < 0)
        self->s_static[s] = PM_REASON_TRAINING_EXPIRED;
      else if (paused != NULL && g_date_valid (paused) && g_date_compare (paused, on) >= 0)
        self->s_static[s] = PM_REASON_PAUSED;
      else if (load >= capacity)
        self->s_static[s] = PM_REASON_NO_CAPACITY;
      else
        self->s_static[s] = PM_REASON_N;
      self->s_free[s] = load < capacity ? capacity - load : 0;
      self->s_load[s] = load < capacity ? self->weight[PM_COMPONENT_LOAD]
                                              * ((double)(capacity - load) / (double)capacity)
                                        : 0.0;
    }
}

/* ---- exclude lists as sorted supporter indices */

static int
compare_u32 (gconstpointer a, gconstpointer b)
{
  guint32 x = *(const guint32 *)a, y = *(const guint32 *)b;
  return (x > y) - (x < y);
}

static void
load_excludes (PmMatchCompiled *self)
{
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  GArray *all = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (guint s = 0; s < self->n_sup; s++)
    g_hash_table_insert (by_id, (gpointer)pm_supporter_get_id (self->sup[s]),
                         GUINT_TO_POINTER (s + 1));
  self->r_excl = g_new (guint, self->n_req + 1);
  for (guint r = 0; r < self->n_req; r++)
    {
      const char *const *ids = pm_request_get_exclude (self->req[r]);
      guint start = all->len;

      self->r_excl[r] = start;
      for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
        {
          guint32 s = GPOINTER_TO_UINT (g_hash_table_lookup (by_id, ids[i]));

          /* Ids of nobody in the network exclude nobody. */
          if (s > 0)
            {
              s--;
              g_array_append_val (all, s);
            }
        }
      if (all->len > start)
        {
          guint32 *slice = &g_array_index (all, guint32, start);
          guint n = all->len - start, kept = 0;

          qsort (slice, n, sizeof *slice, compare_u32);
          for (guint i = 0; i < n; i++)
            if (kept == 0 || slice[kept - 1] != slice[i])
              slice[kept++] = slice[i];
          g_array_set_size (all, start + kept);
        }
    }
  self->r_excl[self->n_req] = all->len;
  self->excl = (guint32 *)(void *)g_array_free (all, FALSE);
}

gboolean
pm_match_is_excluded (PmMatchCompiled *self, guint r, guint s)
{
  guint lo = self->r_excl[r], hi = self->r_excl[r + 1];

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->excl[mid] == s)
        return TRUE;
      if (self->excl[mid] < s)
        lo = mid + 1;
      else
        hi = mid;
    }
  return FALSE;
}

/* ---- regions: hops between every request region and every supporter region in use */

static void
load_regions (PmMatchCompiled *self, PmNetwork *network)
{
  Interner rreg, sreg;

  interner_init (&rreg);
  interner_init (&sreg);
  self->tree = g_object_ref (pm_network_get_regions (network));
  self->r_region = g_new (guint32, MAX (1u, self->n_req));
  self->s_region = g_new (guint32, MAX (1u, self->n_sup));
  /* An unset region is its own value: the tree knows no "" and answers -1 for it. */
  for (guint r = 0; r < self->n_req; r++)
    {
      const char *region = pm_request_get_region (self->req[r]);
      g_autofree char *norm = pm_token_normalize (region);

      self->r_region[r] = (guint32)interner_add (&rreg, norm != NULL ? norm : "");
    }
  for (guint s = 0; s < self->n_sup; s++)
    {
      const char *region = pm_supporter_get_region (self->sup[s]);
      g_autofree char *norm = pm_token_normalize (region);

      self->s_region[s] = (guint32)interner_add (&sreg, norm != NULL ? norm : "");
    }
  self->n_rreg = rreg.names->len;
  self->n_sreg = sreg.names->len;
  self->rreg = g_new0 (char *, self->n_rreg + 1);
  self->sreg = g_new0 (char *, self->n_sreg + 1);
  for (guint i = 0; i < self->n_rreg; i++)
    self->rreg[i] = g_strdup (rreg.names->pdata[i]);
  for (guint j = 0; j < self->n_sreg; j++)
    self->sreg[j] = g_strdup (sreg.names->pdata[j]);
  if ((guint64)self->n_rreg * self->n_sreg <= MAX_HOPS_TABLE)
    {
      self->hops = g_new (gint32, MAX (1u, self->n_rreg * self->n_sreg));
      for (guint i = 0; i < self->n_rreg; i++)
        for (guint j = 0; j < self->n_sreg; j++)
          self->hops[(gsize)i * self->n_sreg + j]
              = pm_region_tree_hops (self->tree, self->rreg[i], self->sreg[j]);
    }
  interner_clear (&rreg);
  interner_clear (&sreg);
}

/* ---- availabilities: the distinct values in use, and a lazy table of their overlaps */

static guint
availability_hash (gconstpointer key)
{
  const PmAvailability *a = key;
  guint h = 2166136261u;

  for (guint i = 0; i < 2 * a->n; i++)
    h = (h ^ a->iv[i]) * 16777619u;
  return h;
}

static gboolean
availability_equal (gconstpointer a, gconstpointer b)
{
  const PmAvailability *x = a, *y = b;

  if (x->n != y->n)
    return FALSE;
  return x->n == 0 || memcmp (x->iv, y->iv, sizeof (guint32) * 2 * x->n) == 0;
}

/* Shift workers share rota patterns, so a few hundred distinct values typically cover
 * thousands of people and each overlap is computed once instead of once per pair. */
static guint32
intern_availability (GHashTable *index, GPtrArray *values, const PmAvailability *a,
                     const PmAvailability *empty)
{
  gpointer found;

  if (a == NULL)
    a = empty;
  found = g_hash_table_lookup (index, a);
  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;
  g_ptr_array_add (values, (gpointer)a);
  g_hash_table_insert (index, (gpointer)a, GUINT_TO_POINTER (values->len));
  return values->len - 1;
}

static void
load_availabilities (PmMatchCompiled *self, const PmAvailability *empty)
{
  g_autoptr (GHashTable) rindex = g_hash_table_new (availability_hash, availability_equal);
  g_autoptr (GHashTable) sindex = g_hash_table_new (availability_hash, availability_equal);
  GPtrArray *rvalues = g_ptr_array_new ();
  GPtrArray *svalues = g_ptr_array_new ();
  guint64 cells;

  self->r_avail = g_new (guint32, MAX (1u, self->n_req));
  self->s_avail = g_new (guint32, MAX (1u, self->n_sup));
  for (guint r = 0; r < self->n_req; r++)
    self->r_avail[r]
        = intern_availability (rindex, rvalues, pm_request_get_availability (self->req[r]), empty);
  for (guint s = 0; s < self->n_sup; s++)
    self->s_avail[s] = intern_availability (sindex, svalues,
                                            pm_supporter_get_availability (self->sup[s]), empty);
  self->n_ravail = rvalues->len;
  self->n_savail = svalues->len;
  self->ravail = (const PmAvailability **)g_ptr_array_free (rvalues, FALSE);
  self->savail = (const PmAvailability **)g_ptr_array_free (svalues, FALSE);
  cells = (guint64)self->n_ravail * self->n_savail;
  if (cells <= MAX_OVERLAP_TABLE)
    {
      self->overlap = g_new (guint16, MAX (1u, cells));
      memset (self->overlap, 0xff, sizeof (guint16) * cells);
    }
}

/* ---- the whole */

static PmAvailability *
empty_availability (void)
{
  /* A real (if unused) interval pointer: NULL + 0 upsets sanitizers. */
  static guint32 none[2];
  static PmAvailability empty = { 0, 0, none };
  return &empty;
}

PmMatchCompiled *
pm_match_compiled_new (PmNetwork *network, const GDate *on)
{
  PmMatchCompiled *self = g_new0 (PmMatchCompiled, 1);

  load_entities (self, network);
  load_policy (self, pm_network_get_policy (network));
  load_people (self, network);
  load_attributes (self);
  load_sets (self);
  load_supporter_state (self, on);
  load_excludes (self);
  load_regions (self, network);
  load_availabilities (self, empty_availability ());
  return self;
}

void
pm_match_compiled_free (PmMatchCompiled *self)
{
  if (self == NULL)
    return;
  g_free (self->sup);
  g_free (self->req);
  g_clear_pointer (&self->req_by_id, g_hash_table_unref);
  g_free (self->s_person);
  g_free (self->s_tin);
  g_free (self->s_tout);
  g_free (self->s_team);
  g_free (self->s_gender);
  g_free (self->s_service);
  g_free (self->s_role);
  g_free (self->s_modes);
  g_free (self->s_static);
  g_free (self->s_region);
  g_free (self->s_avail);
  g_free (self->s_lang);
  g_free (self->s_exp);
  g_free (self->s_free);
  g_free (self->s_load);
  g_free (self->r_person);
  g_free (self->r_tin);
  g_free (self->r_tout);
  g_free (self->p_parent);
  g_free (self->r_team);
  g_free (self->r_gender);
  g_free (self->r_service);
  g_free (self->r_role);
  g_free (self->r_modes);
  g_free (self->r_pref);
  g_free (self->r_urgency);
  g_free (self->r_region);
  g_free (self->r_avail);
  g_free (self->r_lang);
  g_free (self->r_topics);
  g_free (self->r_n_topics);
  g_free (self->r_excl);
  g_free (self->excl);
  g_clear_object (&self->tree);
  g_strfreev (self->rreg);
  g_strfreev (self->sreg);
  g_free (self->hops);
  g_free (self->ravail);
  g_free (self->savail);
  g_free (self->overlap);
  g_free (self);
}

guint
pm_match_compiled_lookup_request (PmMatchCompiled *self, const char *request_id)
{
  gpointer found = g_hash_table_lookup (self->req_by_id, request_id);
  return found == NULL ? G_MAXUINT : GPOINTER_TO_UINT (found) - 1;
}

/* ---- one pair */

PmReason
pm_match_check_related (PmMatchCompiled *self, guint r, guint s)
{
  if (self->s_person[s] == self->r_person[r])
    return PM_REASON_SELF;
  if (pm_match_is_excluded (self, r, s))
    return PM_REASON_EXCLUDED;
  if (pm_match_line_managed (self->r_tin[r], self->r_tout[r], self->s_tin[s], self->s_tout[s]))
    return PM_REASON_LINE_MANAGEMENT;
  if (self->avoid_same_team && self->r_team[r] >= 0 && self->s_team[s] == self->r_team[r])
    return PM_REASON_SAME_TEAM;
  return PM_REASON_N;
}

PmReason
pm_match_check_rest (PmMatchCompiled *self, guint r, guint s, PmMatchEval *eval)
{
  guint modes = self->r_modes[r] & self->s_modes[s];
  guint overlap;
  gint hops;

  if (self->s_static[s] != PM_REASON_N)
    return self->s_static[s];
  if (self->r_gender[r] >= 0 && self->s_gender[s] != self->r_gender[r])
    return PM_REASON_GENDER;
  if (!pm_match_sets_meet (self->r_lang + (gsize)r * self->lang_words,
                           self->s_lang + (gsize)s * self->lang_words, self->lang_words))
    return PM_REASON_LANGUAGE;
  if (modes == 0)
    return PM_REASON_MODE;
  hops = pm_match_hops (self, self->r_region[r], self->s_region[s]);
  if (modes == PM_MODES_IN_PERSON && (hops < 0 || (guint)hops > self->max_hops))
    return PM_REASON_DISTANCE;
  overlap = pm_match_overlap (self, self->r_avail[r], self->s_avail[s]);
  if (overlap < self->min_overlap)
    return PM_REASON_AVAILABILITY;
  pm_match_score (self, r, s, overlap, hops, eval);
  return PM_REASON_N;
}

PmReason
pm_match_check (PmMatchCompiled *self, guint r, guint s, PmMatchEval *eval)
{
  PmReason reason = pm_match_check_related (self, r, s);

  return reason != PM_REASON_N ? reason : pm_match_check_rest (self, r, s, eval);
}
