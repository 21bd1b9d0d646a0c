/* peermatch: JSON, CSV and text renderings of a rota (spec/rota.md "Commands").
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * JSON is the object of the specification, keys in its order:
 *   {"objective", "hard_violations": [{"rule", "person", "date", "day", "message"}],
 *    "breakdown": {"under", "over", "requests"},
 *    "assignments": [{"date", "day", "shift", "person"}],
 *    "uncovered": [{"date", "day", "shift", "group", "need", "assigned"}],
 *    "people": [{"person", "shifts", "minutes", "weekends"}]}
 * with "date" and "day" null for a violation about the whole horizon. Assignments are
 * sorted by day, then shift id, then person id, ids compared byte by byte (strcmp), since
 * that is what a checker comparing strings expects; uncovered lists every cover group with
 * fewer people than it needs, sorted by day, shift id and group name; people lists everyone,
 * sorted by id.
 *
 * CSV is what `rota check` and pm_reader_read_rota() read back: a header `date,shift,person`
 * and one row per assignment, in the JSON order, fields quoted as RFC 4180 requires.
 *
 * Text is for a coordinator:
 *   Merseyside peer support on-call: 2026-12-07 to 2027-01-03 (28 days)
 *
 *   Person 07 08 ... shifts minutes
 *          M  T  ... S* S*
 *   S1     D  .  ...      9    6480
 *   (D = day 08:00-20:00, N = night 20:00-08:00; . = day off, * = weekend)
 *
 *   Objective 607: under 0, over 12, requests 595
 *   No hard rule broken.            (or "Hard rules broken (N):" and "  rule: message" lines)
 *   Uncovered (1):
 *     2026-12-09 night merseyside-trim: 0 of 1
 * A shift type shows as the shortest prefix of its id that tells the types apart (the legend
 * spells them out). Day columns are as wide as the longest code (at least 2), one blank
 * apart; people are in problem order; lines carry no trailing blanks. All three end with a line
 * feed and depend only on the rota. */
#include "pm-private.h"
#include "pm-csv-private.h"
#include "pm-json-writer-private.h"
#include "pm-rota-api-private.h"

#include <string.h>

typedef struct
{
  int day;
  int shift;
  int person;
} Assignment;

typedef struct
{
  int cover;
  int assigned;
} Uncovered;

typedef struct
{
  int shifts;
  gint64 minutes;
  int weekends;
} PersonTotals;

/* Everything the three formats show, computed once. */
typedef struct
{
  PmRota *rota;
  const PmRotaModel *model;
  const int *cells;
  GArray *assignments; /* Assignment, sorted */
  GArray *uncovered;   /* Uncovered, sorted */
  PersonTotals *totals;
  int *by_id; /* people indices sorted by id */
} View;

static int
cell (const View *v, int person, int day)
{
  return v->cells[(gsize)person * (gsize)v->model->n_days + (gsize)day];
}

static gint
assignment_compare (gconstpointer a, gconstpointer b, gpointer data)
{
  const Assignment *x = a, *y = b;
  const PmRotaModel *model = data;
  int c;

  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  c = strcmp (PM_ROTA_SHIFT (model, x->shift)->id, PM_ROTA_SHIFT (model, y->shift)->id);
  if (c != 0)
    return c;
  return strcmp (PM_ROTA_PERSON (model, x->person)->id, PM_ROTA_PERSON (model, y->person)->id);
}

static gint
uncovered_compare (gconstpointer a, gconstpointer b, gpointer data)
{
  const PmRotaModel *model = data;
  const PmRotaCover *x = PM_ROTA_COVER (model, ((const Uncovered *)a)->cover);
  const PmRotaCover *y = PM_ROTA_COVER (model, ((const Uncovered *)b)->cover);
  int c;

  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  c = strcmp (PM_ROTA_SHIFT (model, x->shift)->id, PM_ROTA_SHIFT (model, y->shift)->id);
  return c != 0 ? c : strcmp (x->name, y->name);
}

static gint
person_compare (gconstpointer a, gconstpointer b, gpointer data)
{
  const PmRotaModel *model = data;

  return strcmp (PM_ROTA_PERSON (model, *(const int *)a)->id,
                 PM_ROTA_PERSON (model, *(const int *)b)->id);
}

static void
view_people (View *v)
{
  const PmRotaModel *model = v->model;
  int n_people = PM_ROTA_N_PEOPLE (model);
  g_autofree guint8 *worked = g_new (guint8, MAX (model->n_weekends, 1));

  v->totals = g_new0 (PersonTotals, MAX (n_people, 1));
  v->by_id = g_new (int, MAX (n_people, 1));
  for (int p = 0; p < n_people; p++)
    {
      PersonTotals *t = &v->totals[p];

      v->by_id[p] = p;
      memset (worked, 0, (gsize)MAX (model->n_weekends, 1));
      for (int d = 0; d < model->n_days; d++)
        {
          int s = cell (v, p, d);
          Assignment a = { d, s, p };

          if (s == PM_ROTA_OFF)
            continue;
          g_array_append_val (v->assignments, a);
          t->shifts++;
          t->minutes += PM_ROTA_SHIFT (model, s)->minutes;
          if (model->weekend_of[d] >= 0 && !worked[model->weekend_of[d]])
            {
              worked[model->weekend_of[d]] = 1;
              t->weekends++;
            }
        }
    }
  g_qsort_with_data (v->by_id, n_people, sizeof (int), person_compare, (gpointer)model);
}

static void
view_covers (View *v)
{
  const PmRotaModel *model = v->model;

  for (guint c = 0; c < model->covers->len; c++)
    {
      const PmRotaCover *cover = PM_ROTA_COVER (model, c);
      Uncovered u = { (int)c, 0 };

      for (int p = 0; p < PM_ROTA_N_PEOPLE (model); p++)
        u.assigned += cover->member[p] && cell (v, p, cover->day) == cover->shift;
      if (u.assigned < cover->need)
        g_array_append_val (v->uncovered, u);
    }
}

static void
view_init (View *v, PmRota *rota)
{
  v->rota = rota;
  v->model = pm_rota_problem_get_model (pm_rota_get_problem (rota));
  v->cells = pm_rota_get_cells (rota);
  v->assignments = g_array_new (FALSE, FALSE, sizeof (Assignment));
  v->uncovered = g_array_new (FALSE, FALSE, sizeof (Uncovered));
  view_people (v);
  view_covers (v);
  g_array_sort_with_data (v->assignments, assignment_compare, (gpointer)v->model);
  g_array_sort_with_data (v->uncovered, uncovered_compare, (gpointer)v->model);
}

static void
view_clear (View *v)
{
  g_array_unref (v->assignments);
  g_array_unref (v->uncovered);
  g_free (v->totals);
  g_free (v->by_id);
}

static const char *
day_date (const PmRotaModel *model, int day, char buf[static 11])
{
  GDate date = model->first_day;

  g_date_add_days (&date, (guint)day);
  return pm_date_format (&date, buf);
}

/* ---- JSON */

static void
json_day (PmJsonWriter *w, const PmRotaModel *model, int day)
{
  char date[11];

  pm_json_writer_key (w, "date");
  if (day < 0)
    pm_json_writer_null (w);
  else
    pm_json_writer_string (w, day_date (model, day, date));
  pm_json_writer_key (w, "day");
  if (day < 0)
    pm_json_writer_null (w);
  else
    pm_json_writer_int (w, day);
}

static void
json_violations (PmJsonWriter *w, const View *v)
{
  pm_json_writer_key (w, "hard_violations");
  pm_json_writer_begin_array (w);
  for (guint i = 0; i < pm_rota_get_n_violations (v->rota); i++)
    {
      const PmRotaViolation *violation = pm_rota_get_violation (v->rota, i);

      pm_json_writer_begin_object (w);
      pm_json_writer_key (w, "rule");
      pm_json_writer_string (w, pm_rota_rule_to_string (violation->rule));
      pm_json_writer_key (w, "person");
      pm_json_writer_string (w, violation->person_id);
      json_day (w, v->model, violation->day);
      pm_json_writer_key (w, "message");
      pm_json_writer_string (w, violation->message);
      pm_json_writer_end_object (w);
    }
  pm_json_writer_end_array (w);
}

static void
json_breakdown (PmJsonWriter *w, PmRota *rota)
{
  pm_json_writer_key (w, "breakdown");
  pm_json_writer_begin_object (w);
  for (guint part = PM_ROTA_COST_UNDER; part <= PM_ROTA_COST_REQUESTS; part++)
    {
      pm_json_writer_key (w, pm_rota_cost_part_to_string (part));
      pm_json_writer_int (w, pm_rota_get_cost (rota, part));
    }
  pm_json_writer_end_object (w);
}

static void
json_assignments (PmJsonWriter *w, const View *v)
{
  pm_json_writer_key (w, "assignments");
  pm_json_writer_begin_array (w);
  for (guint i = 0; i < v->assignments->len; i++)
    {
      const Assignment *a = &g_array_index (v->assignments, Assignment, i);

      pm_json_writer_begin_object (w);
      json_day (w, v->model, a->day);
      pm_json_writer_key (w, "shift");
      pm_json_writer_string (w, PM_ROTA_SHIFT (v->model, a->shift)->id);
      pm_json_writer_key (w, "person");
      pm_json_writer_string (w, PM_ROTA_PERSON (v->model, a->person)->id);
      pm_json_writer_end_object (w);
    }
  pm_json_writer_end_array (w);
}

static void
json_uncovered (PmJsonWriter *w, const View *v)
{
  pm_json_writer_key (w, "uncovered");
  pm_json_writer_begin_array (w);
  for (guint i = 0; i < v->uncovered->len; i++)
    {
      const Uncovered *u = &g_array_index (v->uncovered, Uncovered, i);
      const PmRotaCover *cover = PM_ROTA_COVER (v->model, u->cover);

      pm_json_writer_begin_object (w);
      json_day (w, v->model, cover->day);
      pm_json_writer_key (w, "shift");
      pm_json_writer_string (w, PM_ROTA_SHIFT (v->model, cover->shift)->id);
      pm_json_writer_key (w, "group");
      pm_json_writer_string (w, cover->name);
      pm_json_writer_key (w, "need");
      pm_json_writer_int (w, cover->need);
      pm_json_writer_key (w, "assigned");
      pm_json_writer_int (w, u->assigned);
      pm_json_writer_end_object (w);
    }
  pm_json_writer_end_array (w);
}

static void
json_people (PmJsonWriter *w, const View *v)
{
  pm_json_writer_key (w, "people");
  pm_json_writer_begin_array (w);
  for (int i = 0; i < PM_ROTA_N_PEOPLE (v->model); i++)
    {
      int p = v->by_id[i];

      pm_json_writer_begin_object (w);
      pm_json_writer_key (w, "person");
      pm_json_writer_string (w, PM_ROTA_PERSON (v->model, p)->id);
      pm_json_writer_key (w, "shifts");
      pm_json_writer_int (w, v->totals[p].shifts);
      pm_json_writer_key (w, "minutes");
      pm_json_writer_int (w, v->totals[p].minutes);
      pm_json_writer_key (w, "weekends");
      pm_json_writer_int (w, v->totals[p].weekends);
      pm_json_writer_end_object (w);
    }
  pm_json_writer_end_array (w);
}

static void
json_rota (GString *out, const View *v)
{
  PmJsonWriter w;

  pm_json_writer_init (&w, out);
  pm_json_writer_begin_object (&w);
  pm_json_writer_key (&w, "objective");
  pm_json_writer_int (&w, pm_rota_get_objective (v->rota));
  json_violations (&w, v);
  json_breakdown (&w, v->rota);
  json_assignments (&w, v);
  json_uncovered (&w, v);
  json_people (&w, v);
  pm_json_writer_end_object (&w);
  g_string_append_c (out, '\n');
}

/* ---- CSV */

static void
csv_rota (GString *out, const View *v)
{
  char date[11];

  g_string_append (out, "date,shift,person\n");
  for (guint i = 0; i < v->assignments->len; i++)
    {
      const Assignment *a = &g_array_index (v->assignments, Assignment, i);

      g_string_append (out, day_date (v->model, a->day, date));
      g_string_append_c (out, ',');
      pm_csv_append_field (out, PM_ROTA_SHIFT (v->model, a->shift)->id);
      g_string_append_c (out, ',');
      pm_csv_append_field (out, PM_ROTA_PERSON (v->model, a->person)->id);
      g_string_append_c (out, '\n');
    }
}

/* ---- text */

/* Ends @line without its trailing blanks and appends it to @out. */
static void
text_line (GString *out, GString *line)
{
  while (line->len > 0 && line->str[line->len - 1] == ' ')
    g_string_truncate (line, line->len - 1);
  g_string_append_len (out, line->str, (gssize)line->len);
  g_string_append_c (out, '\n');
  g_string_truncate (line, 0);
}

/* Pads @line with blanks to @width bytes more than @start (ids are usually ASCII). */
static void
pad_to (GString *line, gsize start, gsize width)
{
  while (line->len < start + width)
    g_string_append_c (line, ' ');
}

static void
text_header (GString *out, const View *v, gsize id_width, gsize width)
{
  static const char initials[] = "?MTWTFSS"; /* by GDateWeekday, 1 = Monday */
  g_autoptr (GString) line = g_string_new ("Person");
  g_autoptr (GString) days = g_string_new (NULL);
  GDate date = v->model->first_day;

  pad_to (line, 0, id_width);
  pad_to (days, 0, id_width);
  for (int d = 0; d < v->model->n_days; d++, g_date_add_days (&date, 1))
    {
      GDateWeekday weekday = g_date_get_weekday (&date);
      gsize start = line->len;

      g_string_append_printf (line, " %02u", g_date_get_day (&date));
      pad_to (line, start, width + 1);
      start = days->len;
      g_string_append_printf (days, " %c%s", initials[weekday],
                              weekday >= G_DATE_SATURDAY ? "*" : "");
      pad_to (days, start, width + 1);
    }
  g_string_append (line, "  shifts minutes");
  text_line (out, line);
  text_line (out, days);
}

/* The grid shows each shift type by the shortest prefix of its id that tells all the types
 * apart (`D` and `N` for day and night), so that four weeks fit a screen; a legend says what
 * each code stands for. Returns a new array of n_shifts codes (the ids themselves when only
 * whole ids differ). */
static char **
shift_codes (const PmRotaModel *model)
{
  const int n = PM_ROTA_N_SHIFTS (model);
  char **codes = g_new0 (char *, n + 1);
  glong longest = 1;

  for (int s = 0; s < n; s++)
    longest = MAX (longest, g_utf8_strlen (PM_ROTA_SHIFT (model, s)->id, -1));
  for (glong k = 1; k <= longest; k++)
    {
      g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
      gboolean distinct = TRUE;

      for (int s = 0; s < n; s++)
        {
          g_free (codes[s]);
          codes[s] = g_utf8_substring (PM_ROTA_SHIFT (model, s)->id, 0, k);
          distinct = distinct && g_hash_table_add (seen, codes[s]);
        }
      if (distinct)
        break;
    }
  return codes;
}

/* "(d = day 08:00-20:00, n = night 20:00-08:00; . = day off, * = weekend)"; a benchmark
 * problem has no wall-clock times (no timezone), so its legend gives lengths instead. */
static void
text_legend (GString *out, const PmRotaModel *model, char **codes)
{
  for (int s = 0; s < PM_ROTA_N_SHIFTS (model); s++)
    {
      const PmRotaShift *shift = PM_ROTA_SHIFT (model, s);
      const int end = (shift->start_minute + shift->minutes) % 1440;

      g_string_append (out, s == 0 ? "(" : ", ");
      g_string_append (out, codes[s]);
      if (strcmp (codes[s], shift->id) != 0)
        g_string_append_printf (out, " = %s", shift->id);
      if (model->timezone != NULL)
        g_string_append_printf (out, " %02d:%02d-%02d:%02d", shift->start_minute / 60,
                                shift->start_minute % 60, end / 60, end % 60);
      else
        g_string_append_printf (out, " %d min", shift->minutes);
    }
  g_string_append (out, PM_ROTA_N_SHIFTS (model) > 0 ? "; " : "(");
  g_string_append (out, ". = day off, * = weekend)\n");
}

static void
text_grid (GString *out, const View *v)
{
  const PmRotaModel *model = v->model;
  g_auto (GStrv) codes = shift_codes (model);
  g_autoptr (GString) line = g_string_new (NULL);
  gsize id_width = strlen ("Person"), width = 2;

  for (int p = 0; p < PM_ROTA_N_PEOPLE (model); p++)
    id_width = MAX (id_width, strlen (PM_ROTA_PERSON (model, p)->id));
  for (int s = 0; s < PM_ROTA_N_SHIFTS (model); s++)
    width = MAX (width, strlen (codes[s]));
  text_header (out, v, id_width, width);
  for (int p = 0; p < PM_ROTA_N_PEOPLE (model); p++)
    {
      g_string_append (line, PM_ROTA_PERSON (model, p)->id);
      pad_to (line, 0, id_width);
      for (int d = 0; d < model->n_days; d++)
        {
          gsize start = line->len;
          int s = cell (v, p, d);

          g_string_append_printf (line, " %s", s == PM_ROTA_OFF ? "." : codes[s]);
          pad_to (line, start, width + 1);
        }
      g_string_append_printf (line, "  %6d %7" G_GINT64_FORMAT, v->totals[p].shifts,
                              v->totals[p].minutes);
      text_line (out, line);
    }
  text_legend (out, model, codes);
}

static void
text_summary (GString *out, const View *v)
{
  guint n_violations = pm_rota_get_n_violations (v->rota);
  char date[11];

  g_string_append_printf (out,
                          "\nObjective %" G_GINT64_FORMAT ": under %" G_GINT64_FORMAT
                          ", over %" G_GINT64_FORMAT ", requests %" G_GINT64_FORMAT "\n",
                          pm_rota_get_objective (v->rota),
                          pm_rota_get_cost (v->rota, PM_ROTA_COST_UNDER),
                          pm_rota_get_cost (v->rota, PM_ROTA_COST_OVER),
                          pm_rota_get_cost (v->rota, PM_ROTA_COST_REQUESTS));
  if (n_violations == 0)
    g_string_append (out, "No hard rule broken.\n");
  else
    g_string_append_printf (out, "Hard rules broken (%u):\n", n_violations);
  for (guint i = 0; i < n_violations; i++)
    {
      const PmRotaViolation *violation = pm_rota_get_violation (v->rota, i);

      g_string_append_printf (out, "  %s: %s\n", pm_rota_rule_to_string (violation->rule),
                              violation->message);
    }
  if (v->uncovered->len == 0)
    g_string_append (out, "Every cover group has the people it needs.\n");
  else
    g_string_append_printf (out, "Uncovered (%u):\n", v->uncovered->len);
  for (guint i = 0; i < v->uncovered->len; i++)
    {
      const Uncovered *u = &g_array_index (v->uncovered, Uncovered, i);
      const PmRotaCover *cover = PM_ROTA_COVER (v->model, u->cover);

      g_string_append_printf (out, "  %s %s %s: %d of %d\n", day_date (v->model, cover->day, date),
                              PM_ROTA_SHIFT (v->model, cover->shift)->id, cover->name, u->assigned,
                              cover->need);
    }
}

static void
text_rota (GString *out, const View *v)
{
  char first[11], last[11];

  g_string_append_printf (out, "%s: %s to %s (%d day%s)\n\n", v->model->name,
                          day_date (v->model, 0, first),
                          day_date (v->model, v->model->n_days - 1, last), v->model->n_days,
                          v->model->n_days == 1 ? "" : "s");
  text_grid (out, v);
  text_summary (out, v);
}

/**
 * pm_rota_to_data:
 * @rota: a #PmRota
 * @format: the output format
 * @length: (out) (optional): the length of the result in bytes
 *
 * Renders @rota. All three formats end with a line feed and depend only on the rota.
 *
 * %PM_FORMAT_JSON is one compact object as in the specification: `objective`,
 * `hard_violations` (`rule`, `person`, `date`, `day` — both null for a rule over the whole
 * horizon —, `message`), `breakdown` (`under`, `over`, `requests`), `assignments` (`date`,
 * `day`, `shift`, `person`; sorted by day, shift id and person id compared byte by byte),
 * `uncovered` (every cover group with fewer people than it needs: `date`, `day`, `shift`,
 * `group`, `need`, `assigned`; sorted by day, shift id and group name) and `people`
 * (everyone, sorted by id: `person`, `shifts`, `minutes`, `weekends` worked).
 *
 * %PM_FORMAT_CSV is the header `date,shift,person` and one row per assignment in the same
 * order: what pm_reader_read_rota() and `peermatch rota check` read back.
 *
 * %PM_FORMAT_TEXT is for a coordinator: a title (name and dates), a grid with a row per
 * person and a column per day (day of the month and weekday initial on top, weekends
 * marked `*`, a shift code or `.` for a day off, then the person's shifts and minutes; the
 * codes are the shortest prefixes that tell the shift ids apart, spelled out in a legend), the
 * objective and its parts, the broken hard rules (or `No hard rule broken.`) and the
 * uncovered cover groups.
 *
 * Returns: (transfer full): the rendering, NUL-terminated
 *
 * Since: 0.1
 */
char *
pm_rota_to_data (PmRota *rota, PmFormat format, gsize *length)
{
  GString *out;
  View v;

  g_return_val_if_fail (PM_IS_ROTA (rota), NULL);
  out = g_string_new (NULL);
  view_init (&v, rota);
  switch (format)
    {
      case PM_FORMAT_CSV:
        csv_rota (out, &v);
        break;
      case PM_FORMAT_TEXT:
        text_rota (out, &v);
        break;
      case PM_FORMAT_JSON:
      default:
        json_rota (out, &v);
        break;
    }
  view_clear (&v);
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}
