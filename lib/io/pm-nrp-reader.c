/* peermatch: the reader of the "Shift Scheduling Benchmark" text format (how it maps onto
 * the rota model: pm-nrp-private.h).
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Two passes: the text is cut into the lines of each section (comments, blanks and line ends
 * dropped, the section order checked), then the sections are read in their canonical order,
 * so that a section out of place is still checked against the ones it refers to. Problems
 * are collected, then listed in line order. */
#include "pm-nrp-private.h"
#include "pm-table-private.h"

#include <string.h>

/* A shift longer than a day would overlap the next day's shifts of the same start. */
#define MAX_SHIFT_MINUTES 1440

typedef enum
{
  SEC_HORIZON,
  SEC_SHIFTS,
  SEC_STAFF,
  SEC_DAYS_OFF,
  SEC_ON,
  SEC_OFF,
  SEC_COVER,
  SEC_N, /* as a current section: the lines are skipped */
} Section;

static const char *const section_names[SEC_N] = {
  "SECTION_HORIZON",
  "SECTION_SHIFTS",
  "SECTION_STAFF",
  "SECTION_DAYS_OFF",
  "SECTION_SHIFT_ON_REQUESTS",
  "SECTION_SHIFT_OFF_REQUESTS",
  "SECTION_COVER",
};

typedef struct
{
  guint line;
  char *text; /* comment dropped, trimmed, never empty */
} Line;

typedef struct
{
  guint line;
  guint order; /* ties keep the order found */
  char *field;
  char *message;
} Problem;

typedef struct
{
  const char *file;
  GArray *problems;         /* Problem */
  GArray *lines[SEC_N];     /* Line, in file order */
  guint header_line[SEC_N]; /* 0: the section is absent */
  guint last_line;
  PmRotaModel *model;
  gboolean days_known; /* FALSE when the horizon is unusable: days are neither checked nor added */
  GArray *shift_lines; /* guint: the line of each shift index */
  GArray *person_lines;
  GHashTable *covers; /* day * n_shifts + shift + 1 → line */
  /* Ids declared on a line with errors (id → line): not in the model, but not unknown
   * either, so that one bad line is not reported again wherever its id is used. */
  GHashTable *broken_shifts;
  GHashTable *broken_people;
} Reader;

static void
line_clear (gpointer data)
{
  g_free (((Line *)data)->text);
}

static void
problem_clear (gpointer data)
{
  Problem *p = data;

  g_free (p->field);
  g_free (p->message);
}

/* Messages read `FIELD: what is wrong`, as in the other readers. */
static void G_GNUC_PRINTF (4, 5)
    problem (Reader *r, guint line, const char *field, const char *format, ...)
{
  g_autofree char *text = NULL;
  Problem p;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  p.line = line;
  p.order = r->problems->len;
  p.field = g_strdup (field);
  p.message = field != NULL ? g_strdup_printf ("%s: %s", field, text) : g_steal_pointer (&text);
  g_array_append_val (r->problems, p);
}

static gint
problem_compare (gconstpointer a, gconstpointer b)
{
  const Problem *pa = a, *pb = b;

  if (pa->line != pb->line)
    return pa->line < pb->line ? -1 : 1;
  return pa->order < pb->order ? -1 : pa->order > pb->order;
}

/* ---- pass 1: the lines of each section */

static Section
section_header (Reader *r, guint line, const char *text, Section *highest)
{
  Section k;

  for (k = 0; k < SEC_N; k++)
    if (strcmp (text, section_names[k]) == 0)
      break;
  if (k == SEC_N)
    {
      problem (r, line, text, "unknown section (its lines are skipped)");
      return SEC_N;
    }
  if (r->header_line[k] != 0)
    {
      problem (r, line, text, "repeated section (first on line %u; its lines are skipped)",
               r->header_line[k]);
      return SEC_N;
    }
  r->header_line[k] = line;
  if (*highest != SEC_N && k < *highest)
    problem (r, line, text, "out of order: must come before %s (line %u)", section_names[*highest],
             r->header_line[*highest]);
  else
    *highest = k;
  return k;
}

static void
split_sections (Reader *r, const char *data, gsize length)
{
  const char *p = data, *end = data + length;
  Section section = SEC_N, highest = SEC_N;
  gboolean in_sections = FALSE, stray_reported = FALSE;
  guint line = 0;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      const char *stop = eol != NULL ? eol : end;
      const char *hash = memchr (p, '#', stop - p);
      Line l = { ++line, g_strndup (p, (hash != NULL ? hash : stop) - p) };

      p = eol != NULL ? eol + 1 : end;
      g_strstrip (l.text); /* also the \r of a CRLF */
      if (*l.text == '\0')
        ;
      else if (g_str_has_prefix (l.text, "SECTION_"))
        {
          section = section_header (r, l.line, l.text, &highest);
          in_sections = TRUE;
        }
      else if (!in_sections && !stray_reported)
        {
          problem (r, l.line, NULL, "'%s' comes before the first section", l.text);
          stray_reported = TRUE;
        }
      else if (section != SEC_N)
        {
          g_array_append_val (r->lines[section], l);
          continue;
        }
      g_free (l.text);
    }
  r->last_line = line;
}

static void
report_missing (Reader *r)
{
  for (Section k = 0; k < SEC_N; k++)
    {
      Section next = k + 1;

      if (r->header_line[k] != 0)
        continue;
      while (next < SEC_N && r->header_line[next] == 0)
        next++;
      if (next < SEC_N)
        problem (r, r->header_line[next], section_names[k], "missing (expected before %s)",
                 section_names[next]);
      else
        problem (r, r->last_line, section_names[k], "missing (expected by the end of the file)");
    }
}

/* ---- fields */

/* The comma-separated fields of @l, trimmed; NULL (reported) unless there are
 * @min_fields to @max_fields of them. */
static char **
split_fields (Reader *r, const Line *l, Section section, guint min_fields, guint max_fields,
              const char *names)
{
  g_auto (GStrv) fields = g_strsplit (l->text, ",", -1);
  guint n = g_strv_length (fields);

  if (n < min_fields || n > max_fields)
    {
      problem (r, l->line, section_names[section], "expected %u fields (%s), found %u", max_fields,
               names, n);
      return NULL;
    }
  for (guint i = 0; i < n; i++)
    g_strstrip (fields[i]);
  return g_steal_pointer (&fields);
}

/* A whole number from @min to G_MAXINT. A sign is accepted, as Instance15 writes a
 * requirement of `-0`. */
static gboolean
parse_int (Reader *r, guint line, const char *field, const char *text, int min, int *value)
{
  const char *digits = text + (*text == '-' || *text == '+');
  gint64 n = 0;

  if (*text == '\0')
    {
      problem (r, line, field, "missing value");
      return FALSE;
    }
  if (*digits == '\0')
    {
      problem (r, line, field, "'%s' is not a whole number", text);
      return FALSE;
    }
  for (const char *q = digits; *q != '\0'; q++)
    {
      if (!g_ascii_isdigit (*q))
        {
          problem (r, line, field, "'%s' is not a whole number", text);
          return FALSE;
        }
      n = n * 10 + (*q - '0');
      if (n > G_MAXINT)
        {
          problem (r, line, field, "'%s' is too large", text);
          return FALSE;
        }
    }
  if (*text == '-')
    n = -n;
  if (n < min)
    {
      problem (r, line, field, "'%s' must be at least %d", text, min);
      return FALSE;
    }
  *value = (int)n;
  return TRUE;
}

static gboolean
parse_day (Reader *r, guint line, const char *field, const char *text, int *day)
{
  if (!parse_int (r, line, field, text, 0, day))
    return FALSE;
  if (r->days_known && *day >= r->model->n_days)
    {
      problem (r, line, field, "day %d is outside the horizon (days 0 to %d)", *day,
               r->model->n_days - 1);
      return FALSE;
    }
  return TRUE;
}

static int
find_shift (Reader *r, guint line, const char *field, const char *id)
{
  int shift;

  if (*id == '\0')
    {
      problem (r, line, field, "missing value");
      return -1;
    }
  shift = pm_rota_model_find_shift (r->model, id);
  if (shift < 0 && !g_hash_table_contains (r->broken_shifts, id))
    problem (r, line, field, "unknown shift '%s'", id);
  return shift;
}

static int
find_person (Reader *r, guint line, const char *field, const char *id)
{
  int person;

  if (*id == '\0')
    {
      problem (r, line, field, "missing value");
      return -1;
    }
  person = pm_rota_model_find_person (r->model, id);
  if (person < 0 && !g_hash_table_contains (r->broken_people, id))
    problem (r, line, field, "unknown staff '%s'", id);
  return person;
}

/* The line shift or staff @id was first declared on, or 0: @find looks it up in the model,
 * @lines holds the lines of the model's entries. */
static guint
first_line (Reader *r, int (*find) (const PmRotaModel *, const char *), GArray *lines,
            GHashTable *broken, const char *id)
{
  int index = find (r->model, id);

  if (index >= 0)
    return g_array_index (lines, guint, index);
  return GPOINTER_TO_UINT (g_hash_table_lookup (broken, id));
}

/* ---- SECTION_HORIZON: the number of days */

static int
read_horizon (Reader *r)
{
  GArray *lines = r->lines[SEC_HORIZON];
  const Line *first;
  int n_days = 0;

  if (lines->len == 0)
    {
      if (r->header_line[SEC_HORIZON] != 0)
        problem (r, r->header_line[SEC_HORIZON], section_names[SEC_HORIZON], "no number of days");
      return 0;
    }
  first = &g_array_index (lines, Line, 0);
  for (guint i = 1; i < lines->len; i++)
    problem (r, g_array_index (lines, Line, i).line, "Horizon",
             "more than one value (the horizon is on line %u)", first->line);
  if (!parse_int (r, first->line, "Horizon", first->text, 1, &n_days))
    return 0;
  if (n_days > PM_NRP_MAX_DAYS)
    {
      problem (r, first->line, "Horizon", "'%s' is more than %d days", first->text,
               PM_NRP_MAX_DAYS);
      return 0;
    }
  return n_days;
}

/* ---- SECTION_SHIFTS: ShiftID, Length, the shifts that cannot follow it (`|`-separated) */

#define SHIFT_FIELDS "ShiftID, Length, NotFollowedBy"

static gboolean
check_shift_id (Reader *r, const Line *l, const char *id)
{
  guint first;

  if (*id == '\0')
    problem (r, l->line, "ShiftID", "missing value");
  else if (strpbrk (id, "=|") != NULL)
    problem (r, l->line, "ShiftID", "'%s' may not contain '=' or '|'", id);
  else if ((first = first_line (r, pm_rota_model_find_shift, r->shift_lines, r->broken_shifts, id))
           != 0)
    problem (r, l->line, "ShiftID", "duplicate shift '%s' (first on line %u)", id, first);
  else
    return TRUE;
  return FALSE;
}

static int
read_shift (Reader *r, const Line *l, char **fields)
{
  g_autoptr (GError) error = NULL;
  gboolean id_ok = check_shift_id (r, l, fields[0]);
  int minutes = 0, shift;

  if (parse_int (r, l->line, "Length", fields[1], 1, &minutes) && minutes > MAX_SHIFT_MINUTES)
    {
      problem (r, l->line, "Length", "'%s' is more than %d minutes", fields[1], MAX_SHIFT_MINUTES);
      minutes = 0;
    }
  if (id_ok && minutes > 0)
    {
      /* The format has no start times: every shift starts at midnight (see the header). */
      shift = pm_rota_model_add_shift (r->model, fields[0], 0, minutes, &error);
      if (shift >= 0)
        {
          g_array_append_val (r->shift_lines, l->line);
          return shift;
        }
      problem (r, l->line, "ShiftID", "%s", error->message);
    }
  if (id_ok)
    g_hash_table_insert (r->broken_shifts, g_strdup (fields[0]), GUINT_TO_POINTER (l->line));
  return -1;
}

static void
read_successions (Reader *r, const Line *l, const char *list, int shift)
{
  g_auto (GStrv) items = g_strsplit (list, "|", -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      int next;

      g_strstrip (items[i]);
      if (*items[i] == '\0')
        continue;
      next = find_shift (r, l->line, "NotFollowedBy", items[i]);
      if (next >= 0 && shift >= 0)
        pm_rota_model_forbid (r->model, shift, next);
    }
}

static void
read_shifts (Reader *r)
{
  GArray *lines = r->lines[SEC_SHIFTS];
  g_autofree int *added = g_new (int, lines->len + 1);

  /* A shift may forbid shifts listed after it: resolve the lists once all are known. */
  for (guint i = 0; i < lines->len; i++)
    {
      const Line *l = &g_array_index (lines, Line, i);
      g_auto (GStrv) fields = split_fields (r, l, SEC_SHIFTS, 2, 3, SHIFT_FIELDS);

      added[i] = fields != NULL ? read_shift (r, l, fields) : -2;
    }
  for (guint i = 0; i < lines->len; i++)
    {
      const Line *l = &g_array_index (lines, Line, i);
      g_auto (GStrv) fields = NULL;

      if (added[i] == -2)
        continue;
      fields = g_strsplit (l->text, ",", -1);
      if (fields[1] != NULL && fields[2] != NULL)
        read_successions (r, l, fields[2], added[i]);
    }
}

/* ---- SECTION_STAFF */

#define STAFF_FIELDS                                                                               \
  "ID, MaxShifts, MaxTotalMinutes, MinTotalMinutes, MaxConsecutiveShifts, "                        \
  "MinConsecutiveShifts, MinConsecutiveDaysOff, MaxWeekends"

static const char *const staff_limit_names[6] = {
  "MaxTotalMinutes",      "MinTotalMinutes",       "MaxConsecutiveShifts",
  "MinConsecutiveShifts", "MinConsecutiveDaysOff", "MaxWeekends",
};

/* `SHIFT=N|SHIFT=N` into @max (n_shifts entries, -1 where not given). */
static gboolean
read_max_shifts (Reader *r, const Line *l, const char *text, int *max)
{
  g_auto (GStrv) items = g_strsplit (text, "|", -1);
  gboolean ok = TRUE;

  for (guint i = 0; items[i] != NULL; i++)
    {
      char *eq;
      int shift, n;

      g_strstrip (items[i]);
      if (*items[i] == '\0')
        continue;
      eq = strchr (items[i], '=');
      if (eq == NULL)
        {
          problem (r, l->line, "MaxShifts", "'%s' is not SHIFT=N", items[i]);
          ok = FALSE;
          continue;
        }
      *eq = '\0';
      g_strstrip (items[i]);
      shift = find_shift (r, l->line, "MaxShifts", items[i]);
      if (!parse_int (r, l->line, "MaxShifts", g_strstrip (eq + 1), 0, &n) || shift < 0)
        ok = FALSE;
      else if (max[shift] >= 0)
        {
          problem (r, l->line, "MaxShifts", "shift '%s' is given twice", items[i]);
          ok = FALSE;
        }
      else
        max[shift] = n;
    }
  return ok;
}

static void
add_person (Reader *r, const Line *l, const char *id, const int *max, const int *limits)
{
  g_autoptr (GError) error = NULL;
  int index = pm_rota_model_add_person (r->model, id, NULL, &error);
  PmRotaPerson *person;

  if (index < 0)
    {
      problem (r, l->line, "ID", "%s", error->message);
      return;
    }
  g_array_append_val (r->person_lines, l->line);
  person = PM_ROTA_PERSON (r->model, index);
  for (int s = 0; s < PM_ROTA_N_SHIFTS (r->model); s++)
    if (max[s] >= 0)
      person->max_per_shift[s] = max[s];
  person->max_minutes = limits[0];
  person->min_minutes = limits[1];
  person->max_consecutive = limits[2];
  person->min_consecutive = limits[3];
  person->min_days_off = limits[4];
  person->max_weekends = limits[5];
}

static gboolean
check_staff_id (Reader *r, const Line *l, const char *id)
{
  guint first;

  if (*id == '\0')
    problem (r, l->line, "ID", "missing value");
  else if ((first
            = first_line (r, pm_rota_model_find_person, r->person_lines, r->broken_people, id))
           != 0)
    problem (r, l->line, "ID", "duplicate staff '%s' (first on line %u)", id, first);
  else
    return TRUE;
  return FALSE;
}

static void
read_staff_line (Reader *r, const Line *l)
{
  g_auto (GStrv) fields = split_fields (r, l, SEC_STAFF, 8, 8, STAFF_FIELDS);
  g_autofree int *max = NULL;
  int limits[6];
  gboolean id_ok, ok;

  if (fields == NULL)
    return;
  ok = id_ok = check_staff_id (r, l, fields[0]);
  max = g_new (int, PM_ROTA_N_SHIFTS (r->model) + 1);
  for (int s = 0; s < PM_ROTA_N_SHIFTS (r->model); s++)
    max[s] = -1;
  ok = read_max_shifts (r, l, fields[1], max) && ok;
  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    ok = parse_int (r, l->line, staff_limit_names[i], fields[2 + i], 0, &limits[i]) && ok;
  if (ok)
    add_person (r, l, fields[0], max, limits);
  else if (id_ok)
    g_hash_table_insert (r->broken_people, g_strdup (fields[0]), GUINT_TO_POINTER (l->line));
}

/* ---- SECTION_DAYS_OFF: EmployeeID, then day indexes */

static void
read_days_off_line (Reader *r, const Line *l)
{
  g_auto (GStrv) fields = g_strsplit (l->text, ",", -1);
  int person = find_person (r, l->line, "EmployeeID", g_strstrip (fields[0]));

  for (guint i = 1; fields[i] != NULL; i++)
    {
      int day;

      if (*g_strstrip (fields[i]) == '\0') /* a trailing comma */
        continue;
      if (parse_day (r, l->line, "DayIndexes", g_strstrip (fields[i]), &day) && person >= 0
          && r->days_known)
        PM_ROTA_PERSON (r->model, person)->day_off[day] = 1;
    }
}

/* ---- SECTION_SHIFT_ON_REQUESTS and SECTION_SHIFT_OFF_REQUESTS */

#define REQUEST_FIELDS "EmployeeID, Day, ShiftID, Weight"

static void
read_request_line (Reader *r, const Line *l, Section section)
{
  g_auto (GStrv) fields = split_fields (r, l, section, 4, 4, REQUEST_FIELDS);
  g_autoptr (GError) error = NULL;
  int person, day = 0, shift, weight = 0;
  gboolean ok;

  if (fields == NULL)
    return;
  person = find_person (r, l->line, "EmployeeID", fields[0]);
  ok = parse_day (r, l->line, "Day", fields[1], &day);
  shift = find_shift (r, l->line, "ShiftID", fields[2]);
  ok = parse_int (r, l->line, "Weight", fields[3], 0, &weight) && ok;
  if (!ok || person < 0 || shift < 0 || !r->days_known)
    return;
  if (!pm_rota_model_add_request (r->model, person, day, shift,
                                  section == SEC_ON ? PM_ROTA_REQUEST_ON : PM_ROTA_REQUEST_OFF,
                                  weight, &error))
    problem (r, l->line, section_names[section], "%s", error->message);
}

/* ---- SECTION_COVER: one group of every member of staff per line */

#define COVER_FIELDS "Day, ShiftID, Requirement, Weight for under, Weight for over"

static void
add_cover (Reader *r, const Line *l, int day, int shift, const int *values)
{
  g_autoptr (GError) error = NULL;
  gpointer key = GINT_TO_POINTER (day * PM_ROTA_N_SHIFTS (r->model) + shift + 1);
  gpointer first = g_hash_table_lookup (r->covers, key);
  int index;

  if (first != NULL)
    {
      problem (r, l->line, "ShiftID", "shift '%s' on day %d is already covered on line %u",
               PM_ROTA_SHIFT (r->model, shift)->id, day, GPOINTER_TO_UINT (first));
      return;
    }
  g_hash_table_insert (r->covers, key, GUINT_TO_POINTER (l->line));
  index = pm_rota_model_add_cover (r->model, PM_ROTA_SHIFT (r->model, shift)->id, day, shift,
                                   values[0], values[1], values[2], &error);
  if (index < 0)
    {
      problem (r, l->line, section_names[SEC_COVER], "%s", error->message);
      return;
    }
  for (int p = 0; p < PM_ROTA_N_PEOPLE (r->model); p++)
    PM_ROTA_COVER (r->model, index)->member[p] = 1;
}

static void
read_cover_line (Reader *r, const Line *l)
{
  static const char *const names[3] = { "Requirement", "Weight for under", "Weight for over" };
  g_auto (GStrv) fields = split_fields (r, l, SEC_COVER, 5, 5, COVER_FIELDS);
  int day = 0, shift, values[3];
  gboolean ok;

  if (fields == NULL)
    return;
  ok = parse_day (r, l->line, "Day", fields[0], &day);
  shift = find_shift (r, l->line, "ShiftID", fields[1]);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    ok = parse_int (r, l->line, names[i], fields[2 + i], 0, &values[i]) && ok;
  if (ok && shift >= 0 && r->days_known)
    add_cover (r, l, day, shift, values);
}

/* ---- the whole file */

static void
read_sections (Reader *r)
{
  for (Section k = SEC_STAFF; k < SEC_N; k++)
    for (guint i = 0; i < r->lines[k]->len; i++)
      {
        const Line *l = &g_array_index (r->lines[k], Line, i);

        if (k == SEC_STAFF)
          read_staff_line (r, l);
        else if (k == SEC_DAYS_OFF)
          read_days_off_line (r, l);
        else if (k == SEC_COVER)
          read_cover_line (r, l);
        else
          read_request_line (r, l, k);
      }
}

static gboolean
report_problems (Reader *r, PmDiagnostics *diagnostics, GError **error)
{
  PmTableCtx ctx;
  gboolean ok;

  g_array_sort (r->problems, problem_compare);
  pm_table_ctx_init (&ctx, r->file, diagnostics);
  for (guint i = 0; i < r->problems->len; i++)
    {
      const Problem *p = &g_array_index (r->problems, Problem, i);

      pm_table_report (&ctx, PM_SEVERITY_ERROR, p->line, p->field, "%s", p->message);
    }
  ok = pm_table_ctx_finish (&ctx, error);
  pm_table_ctx_clear (&ctx);
  return ok;
}

static void
reader_clear (Reader *r)
{
  g_array_unref (r->problems);
  for (Section k = 0; k < SEC_N; k++)
    g_array_unref (r->lines[k]);
  g_clear_pointer (&r->model, pm_rota_model_free);
  g_array_unref (r->shift_lines);
  g_array_unref (r->person_lines);
  g_hash_table_unref (r->covers);
  g_hash_table_unref (r->broken_shifts);
  g_hash_table_unref (r->broken_people);
}

PmRotaModel *
pm_nrp_parse (const char *data, gsize length, const char *file_name, PmDiagnostics *diagnostics,
              GError **error)
{
  g_autofree char *name = NULL;
  Reader r = { 0 };
  GDate first_day;
  int n_days;
  PmRotaModel *model = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  r.file = file_name;
  r.problems = g_array_new (FALSE, FALSE, sizeof (Problem));
  g_array_set_clear_func (r.problems, problem_clear);
  for (Section k = 0; k < SEC_N; k++)
    {
      r.lines[k] = g_array_new (FALSE, FALSE, sizeof (Line));
      g_array_set_clear_func (r.lines[k], line_clear);
    }
  r.shift_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  r.person_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  r.covers = g_hash_table_new (g_direct_hash, g_direct_equal);
  r.broken_shifts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r.broken_people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  split_sections (&r, data != NULL ? data : "", length);
  report_missing (&r);
  n_days = read_horizon (&r);
  r.days_known = n_days > 0;
  /* Day 0 is a Monday; the format has no dates, so take a Monday (see the header). */
  g_date_clear (&first_day, 1);
  g_date_set_dmy (&first_day, 1, G_DATE_JANUARY, 2024);
  name = g_path_get_basename (file_name);
  r.model = pm_rota_model_new (name, &first_day, r.days_known ? n_days : 1);
  read_shifts (&r);
  read_sections (&r);
  if (report_problems (&r, diagnostics, error))
    {
      model = g_steal_pointer (&r.model);
      pm_rota_model_finish (model, 0);
    }
  reader_clear (&r);
  return model;
}

PmRotaModel *
pm_nrp_read (const char *path, PmDiagnostics *diagnostics, GError **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  if (!pm_table_load_file (path, &data, &length, error))
    return NULL;
  return pm_nrp_parse (data, length, path, diagnostics, error);
}
