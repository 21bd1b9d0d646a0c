/* peermatch: building the rota problem model (see pm-rota-private.h).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-private.h"
#include "pm-rota-private.h"

#include <string.h>

#define MINUTES_PER_DAY 1440

/* The model's fields are open to the readers, the checker and the search, but its id indexes
 * are not: readers look up every request and cover line by id, and a linear scan over a few
 * thousand supporters per line would make reading quadratic. The public struct is the first
 * member, so a PmRotaModel * is also a RotaModel *. */
typedef struct
{
  PmRotaModel model;
  GHashTable *shift_index;  /* id (borrowed from the shift) -> index + 1 */
  GHashTable *person_index; /* id (borrowed from the person) -> index + 1 */
} RotaModel;

static void
shift_free (gpointer data)
{
  PmRotaShift *shift = data;

  g_free (shift->id);
  g_free (shift);
}

static void
person_free (gpointer data)
{
  PmRotaPerson *person = data;

  g_free (person->id);
  g_free (person->name);
  g_free (person->max_per_shift);
  g_free (person->day_off);
  g_free (person->allowed);
  g_free (person);
}

static void
cover_free (gpointer data)
{
  PmRotaCover *cover = data;

  g_free (cover->name);
  g_free (cover->member);
  g_free (cover);
}

/* A Saturday opens a weekend and the Sunday after it joins that weekend. A Sunday whose
 * Saturday lies before the horizon still opens a weekend of its own: working it is working a
 * weekend, and the limit is counted within the horizon only. */
static void
compute_weekends (PmRotaModel *model)
{
  GDate date = model->first_day;

  g_free (model->weekend_of);
  model->weekend_of = g_new (int, MAX (model->n_days, 1));
  model->n_weekends = 0;
  for (int d = 0; d < model->n_days; d++)
    {
      GDateWeekday weekday = g_date_get_weekday (&date);

      if (weekday == G_DATE_SATURDAY || (weekday == G_DATE_SUNDAY && d == 0))
        model->weekend_of[d] = model->n_weekends++;
      else if (weekday == G_DATE_SUNDAY)
        model->weekend_of[d] = model->weekend_of[d - 1];
      else
        model->weekend_of[d] = -1;
      g_date_add_days (&date, 1);
    }
}

PmRotaModel *
pm_rota_model_new (const char *name, const GDate *first_day, int n_days)
{
  RotaModel *real;
  PmRotaModel *model;

  g_return_val_if_fail (first_day != NULL && g_date_valid (first_day), NULL);
  g_return_val_if_fail (n_days > 0, NULL);
  real = g_new0 (RotaModel, 1);
  real->shift_index = g_hash_table_new (g_str_hash, g_str_equal);
  real->person_index = g_hash_table_new (g_str_hash, g_str_equal);
  model = &real->model;
  model->name = g_strdup (name != NULL ? name : "");
  model->first_day = *first_day;
  model->n_days = n_days;
  model->shifts = g_ptr_array_new_with_free_func (shift_free);
  model->people = g_ptr_array_new_with_free_func (person_free);
  model->covers = g_ptr_array_new_with_free_func (cover_free);
  model->requests = g_array_new (FALSE, FALSE, sizeof (PmRotaRequest));
  /* Weekends depend on the horizon alone: derive them now so that a model is never seen
   * without them; pm_rota_model_finish() derives them again, harmlessly. */
  compute_weekends (model);
  return model;
}

void
pm_rota_model_free (PmRotaModel *model)
{
  RotaModel *real = (RotaModel *)model;

  if (model == NULL)
    return;
  g_hash_table_unref (real->shift_index);
  g_hash_table_unref (real->person_index);
  g_free (model->name);
  g_free (model->timezone);
  g_free (model->weekend_of);
  g_ptr_array_unref (model->shifts);
  g_free (model->forbidden);
  g_ptr_array_unref (model->people);
  g_ptr_array_unref (model->covers);
  g_array_unref (model->requests);
  g_free (real);
}

/* Shifts are added before people because every person holds per-shift arrays; the lengths
 * are capped at a day so that the d -> d+1 succession matrix sees every possible overlap (a
 * shift starting on day d ends before any shift of day d+2 starts). */
int
pm_rota_model_add_shift (PmRotaModel *model, const char *id, int start_minute, int minutes,
                         GError **error)
{
  RotaModel *real = (RotaModel *)model;
  PmRotaShift *shift;
  int n, index;
  guint8 *forbidden;

  g_return_val_if_fail (model != NULL && id != NULL, -1);
  g_return_val_if_fail (model->people->len == 0, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);
  if (g_hash_table_contains (real->shift_index, id))
    {
      g_set_error (error, PM_ERROR, PM_ERROR_INVALID_DATA, "shift '%s' is defined twice", id);
      return -1;
    }
  if (start_minute < 0 || start_minute >= MINUTES_PER_DAY)
    {
      g_set_error (error, PM_ERROR, PM_ERROR_INVALID_DATA,
                   "shift '%s': start minute %d is out of range (0 to %d)", id, start_minute,
                   MINUTES_PER_DAY - 1);
      return -1;
    }
  if (minutes < 1 || minutes > MINUTES_PER_DAY)
    {
      g_set_error (error, PM_ERROR, PM_ERROR_INVALID_DATA,
                   "shift '%s': length %d minutes is out of range (1 to %d)", id, minutes,
                   MINUTES_PER_DAY);
      return -1;
    }
  shift = g_new0 (PmRotaShift, 1);
  shift->id = g_strdup (id);
  shift->start_minute = start_minute;
  shift->minutes = minutes;
  shift->max_per_person = PM_ROTA_UNLIMITED;
  index = (int)model->shifts->len;
  g_ptr_array_add (model->shifts, shift);
  g_hash_table_insert (real->shift_index, shift->id, GINT_TO_POINTER (index + 1));

  /* The matrix is n x n, so a new shift moves every row. */
  n = index + 1;
  forbidden = g_new0 (guint8, n * n);
  for (int a = 0; a < index; a++)
    for (int b = 0; b < index; b++)
      forbidden[a * n + b] = model->forbidden[a * index + b];
  g_free (model->forbidden);
  model->forbidden = forbidden;
  return index;
}

gboolean
pm_rota_model_forbid (PmRotaModel *model, int shift, int next_shift)
{
  int n;

  g_return_val_if_fail (model != NULL, FALSE);
  n = PM_ROTA_N_SHIFTS (model);
  g_return_val_if_fail (shift >= 0 && shift < n, FALSE);
  g_return_val_if_fail (next_shift >= 0 && next_shift < n, FALSE);
  model->forbidden[shift * n + next_shift] = 1;
  return TRUE;
}

/* Covers hold a membership array sized by the people, so people come before covers. */
int
pm_rota_model_add_person (PmRotaModel *model, const char *id, const char *name, GError **error)
{
  RotaModel *real = (RotaModel *)model;
  PmRotaPerson *person;
  int n_shifts, index;

  g_return_val_if_fail (model != NULL && id != NULL, -1);
  g_return_val_if_fail (model->covers->len == 0, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);
  if (g_hash_table_contains (real->person_index, id))
    {
      g_set_error (error, PM_ERROR, PM_ERROR_INVALID_DATA, "person '%s' is listed twice", id);
      return -1;
    }
  n_shifts = PM_ROTA_N_SHIFTS (model);
  person = g_new0 (PmRotaPerson, 1);
  person->id = g_strdup (id);
  person->name = g_strdup (name);
  person->max_per_shift = g_new (int, MAX (n_shifts, 1));
  for (int s = 0; s < n_shifts; s++)
    person->max_per_shift[s] = PM_ROTA_SHIFT (model, s)->max_per_person;
  person->max_shifts = PM_ROTA_UNLIMITED;
  person->max_minutes = PM_ROTA_UNLIMITED;
  person->min_minutes = 0;
  person->max_consecutive = PM_ROTA_UNLIMITED;
  person->min_consecutive = 1;
  person->min_days_off = 1;
  person->max_weekends = PM_ROTA_UNLIMITED;
  person->day_off = g_new0 (guint8, model->n_days);
  person->allowed = g_new (guint8, MAX (model->n_days * n_shifts, 1));
  memset (person->allowed, 1, (gsize)model->n_days * (gsize)n_shifts);
  index = (int)model->people->len;
  g_ptr_array_add (model->people, person);
  g_hash_table_insert (real->person_index, person->id, GINT_TO_POINTER (index + 1));
  return index;
}

static gboolean
check_day_shift (const PmRotaModel *model, const char *what, int day, int shift, GError **error)
{
  if (day < 0 || day >= model->n_days)
    {
      g_set_error (error, PM_ERROR, PM_ERROR_INVALID_DATA,
                   "%s: day %d is outside the horizon (0 to %d)", what, day, model->n_days - 1);
      return FALSE;
    }
  if (shift < 0 || shift >= PM_ROTA_N_SHIFTS (model))
    {
      g_set_error (error, PM_ERROR, PM_ERROR_INVALID_DATA, "%s: no shift number %d", what, shift);
      return FALSE;
    }
  return TRUE;
}

int
pm_rota_model_add_cover (PmRotaModel *model, const char *name, int day, int shift, int need,
                         int under_weight, int over_weight, GError **error)
{
  g_autofree char *what = NULL;
  PmRotaCover *cover;

  g_return_val_if_fail (model != NULL && name != NULL, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);
  what = g_strdup_printf ("cover '%s'", name);
  if (!check_day_shift (model, what, day, shift, error))
    return -1;
  /* Negative values would reward shortfalls or crowding and turn the objective around. */
  if (need < 0 || under_weight < 0 || over_weight < 0)
    {
      g_set_error (error, PM_ERROR, PM_ERROR_INVALID_DATA,
                   "%s: need and weights must not be negative (need %d, under %d, over %d)", what,
                   need, under_weight, over_weight);
      return -1;
    }
  cover = g_new0 (PmRotaCover, 1);
  cover->name = g_strdup (name);
  cover->day = day;
  cover->shift = shift;
  cover->need = need;
  cover->under_weight = under_weight;
  cover->over_weight = over_weight;
  cover->member = g_new0 (guint8, MAX (PM_ROTA_N_PEOPLE (model), 1));
  g_ptr_array_add (model->covers, cover);
  return (int)model->covers->len - 1;
}

gboolean
pm_rota_model_add_request (PmRotaModel *model, int person, int day, int shift,
                           PmRotaRequestKind kind, int weight, GError **error)
{
  g_autofree char *what = NULL;
  PmRotaRequest request;

  g_return_val_if_fail (model != NULL, FALSE);
  g_return_val_if_fail (kind == PM_ROTA_REQUEST_ON || kind == PM_ROTA_REQUEST_OFF, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (person < 0 || person >= PM_ROTA_N_PEOPLE (model))
    {
      g_set_error (error, PM_ERROR, PM_ERROR_INVALID_DATA, "request: no person number %d", person);
      return FALSE;
    }
  what = g_strdup_printf ("request of '%s'", PM_ROTA_PERSON (model, person)->id);
  if (!check_day_shift (model, what, day, shift, error))
    return FALSE;
  if (weight < 0)
    {
      g_set_error (error, PM_ERROR, PM_ERROR_INVALID_DATA, "%s: weight %d is negative", what,
                   weight);
      return FALSE;
    }
  request.person = person;
  request.day = day;
  request.shift = shift;
  request.kind = kind;
  request.weight = weight;
  g_array_append_val (model->requests, request);
  return TRUE;
}

int
pm_rota_model_find_shift (const PmRotaModel *model, const char *id)
{
  const RotaModel *real = (const RotaModel *)model;

  g_return_val_if_fail (model != NULL, -1);
  if (id == NULL)
    return -1;
  return GPOINTER_TO_INT (g_hash_table_lookup (real->shift_index, id)) - 1;
}

int
pm_rota_model_find_person (const PmRotaModel *model, const char *id)
{
  const RotaModel *real = (const RotaModel *)model;

  g_return_val_if_fail (model != NULL, -1);
  if (id == NULL)
    return -1;
  return GPOINTER_TO_INT (g_hash_table_lookup (real->person_index, id)) - 1;
}

/* The rest between shift a on day d and shift b on day d+1 is measured on the nominal clock
 * (start of b on the next day minus the end of a), so a 12-hour night 20:00 followed by a
 * 08:00 day shift has 0 minutes' rest. Clock changes are ignored on purpose: the rules are a
 * property of the shift types, the same on every day of the horizon. */
void
pm_rota_model_finish (PmRotaModel *model, int min_rest_minutes)
{
  int n;

  g_return_if_fail (model != NULL);
  n = PM_ROTA_N_SHIFTS (model);
  model->min_rest_minutes = min_rest_minutes;
  for (int a = 0; a < n; a++)
    for (int b = 0; b < n; b++)
      {
        const PmRotaShift *sa = PM_ROTA_SHIFT (model, a);
        const PmRotaShift *sb = PM_ROTA_SHIFT (model, b);
        int rest = (sb->start_minute + MINUTES_PER_DAY) - (sa->start_minute + sa->minutes);

        if (rest < 0 || rest < min_rest_minutes)
          model->forbidden[a * n + b] = 1;
      }
  compute_weekends (model);
}
