/* peermatch: the rota problem model and its checker. Private: the rota readers, the
 * solver and (later) the public rota API build on it.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One flat model serves both sources of a rota problem (spec/rota.md): a rota.ini with the
 * network's supporters, and the "Shift Scheduling Benchmark" text format. Everything the
 * hard rules and the objective need is precomputed here, in indices, so that the checker and
 * the search never look at strings:
 *   - days 0 .. n_days-1 from a first date; weekends (a Saturday and the Sunday after it)
 *     numbered 0 .. n_weekends-1, with -1 for weekdays;
 *   - shift types 0 .. n_shifts-1, each with a local start minute and a length, and the
 *     forbidden successions (shift a on day d, shift b on day d+1) as an n_shifts^2 matrix;
 *   - people 0 .. n_people-1 with their limits, their hard days off and, per (day, shift),
 *     whether they may take it at all (availability, busy time, paused/trained dates);
 *   - cover groups, each a (day, shift) pair with a need, weights, and its members;
 *   - soft on/off requests.
 * A rota (the solution) is an n_people x n_days array of shift indices, PM_ROTA_OFF for no
 * shift: rule 1 (at most one shift per person per day) holds by construction. */
#pragma once

#include "pm-private.h"

G_BEGIN_DECLS

#define PM_ROTA_OFF (-1)
#define PM_ROTA_UNLIMITED G_MAXINT

typedef struct
{
  char *id;
  int start_minute;   /* local wall-clock minute of the day, 0 .. 1439 */
  int minutes;        /* nominal length */
  int max_per_person; /* PM_ROTA_UNLIMITED by default */
} PmRotaShift;

typedef struct
{
  char *id;
  char *name;         /* display name; NULL when unknown (benchmark) */
  int *max_per_shift; /* n_shifts entries, initialised from each shift's max_per_person
                       * when the person is added (so add shifts first) */
  int max_shifts;
  int max_minutes;
  int min_minutes;
  int max_consecutive; /* working days in a row */
  int min_consecutive;
  int min_days_off; /* days off in a row */
  int max_weekends;
  guint8 *day_off; /* n_days: 1 = hard day off (leave, paused, training lapsed, benchmark) */
  guint8 *allowed; /* n_days * n_shifts: 1 = may take that shift that day (availability,
                    * busy time); day_off wins over it */
} PmRotaPerson;

typedef struct
{
  char *name; /* group name (rota.ini section) or the shift id (benchmark) */
  int day;
  int shift;
  int need;
  int under_weight;
  int over_weight;
  guint8 *member; /* n_people: 1 = counts in this group */
} PmRotaCover;

typedef enum
{
  PM_ROTA_REQUEST_ON,  /* wants that shift that day */
  PM_ROTA_REQUEST_OFF, /* does not want that shift that day */
} PmRotaRequestKind;

typedef struct
{
  int person;
  int day;
  int shift; /* always a shift index: both formats name the shift */
  PmRotaRequestKind kind;
  int weight;
} PmRotaRequest;

typedef struct
{
  char *name;     /* rota name (rota.ini) or the file's base name */
  char *timezone; /* IANA zone name of the wall-clock times (rota.ini); NULL: none given
                   * (benchmark) */
  GDate first_day;
  int n_days;
  int *weekend_of; /* n_days: weekend index of a Saturday or Sunday, else -1 */
  int n_weekends;
  GPtrArray *shifts;    /* PmRotaShift* */
  guint8 *forbidden;    /* n_shifts * n_shifts: [a * n_shifts + b] = b may not follow a */
  GPtrArray *people;    /* PmRotaPerson* */
  GPtrArray *covers;    /* PmRotaCover* */
  GArray *requests;     /* PmRotaRequest */
  int min_rest_minutes; /* already folded into forbidden by pm_rota_model_finish() */
} PmRotaModel;

/* Construction: new, add shifts, then people (their arrays sized by the shifts and days),
 * covers and requests, then finish (derives weekends and the min-rest successions).
 * Adders return the new index, or -1 with @error (PM_ERROR_INVALID_DATA) on a duplicate id or
 * an out-of-range index; messages name the id, never a file (readers add file:line). */
PmRotaModel *
pm_rota_model_new (const char *name, const GDate *first_day, int n_days);
void
pm_rota_model_free (PmRotaModel *model);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmRotaModel, pm_rota_model_free)
int
pm_rota_model_add_shift (PmRotaModel *model, const char *id, int start_minute, int minutes,
                         GError **error);
gboolean
pm_rota_model_forbid (PmRotaModel *model, int shift, int next_shift);
/* Limits default to: unlimited maxima, 0 minima except min_consecutive = min_days_off = 1;
 * every (day, shift) allowed, no day off. */
int
pm_rota_model_add_person (PmRotaModel *model, const char *id, const char *name, GError **error);
int
pm_rota_model_add_cover (PmRotaModel *model, const char *name, int day, int shift, int need,
                         int under_weight, int over_weight, GError **error);
gboolean
pm_rota_model_add_request (PmRotaModel *model, int person, int day, int shift,
                           PmRotaRequestKind kind, int weight, GError **error);
int
pm_rota_model_find_shift (const PmRotaModel *model, const char *id);
int
pm_rota_model_find_person (const PmRotaModel *model, const char *id);
/* Adds the successions whose rest (next start - this end, across midnight, on the nominal
 * clock) is shorter than @min_rest_minutes, and every succession whose shifts would overlap;
 * computes the weekends. Call once, after the shifts and before solving or checking. */
void
pm_rota_model_finish (PmRotaModel *model, int min_rest_minutes);

#define PM_ROTA_PERSON(model, i) ((PmRotaPerson *)g_ptr_array_index ((model)->people, (i)))
#define PM_ROTA_SHIFT(model, i) ((PmRotaShift *)g_ptr_array_index ((model)->shifts, (i)))
#define PM_ROTA_COVER(model, i) ((PmRotaCover *)g_ptr_array_index ((model)->covers, (i)))
#define PM_ROTA_N_SHIFTS(model) ((int)(model)->shifts->len)
#define PM_ROTA_N_PEOPLE(model) ((int)(model)->people->len)

/* ---- checking a rota (spec/rota.md "Hard rules" and "Objective") */

/* PmRotaRule is public (pm-types.h); the number of rules: */
#define PM_ROTA_RULE_N (PM_ROTA_RULE_NOT_ALLOWED + 1)

/* The public boxed PmRotaViolation (pm-rota-violation.h). */
struct _PmRotaViolation
{
  PmRotaRule rule;
  int person;
  char *person_id;
  int day;       /* the first day concerned, or -1 for the whole horizon */
  char *message; /* for a coordinator, e.g. "S12: 4 working days in a row from 2026-12-09
                  * (at most 3)"; names no sensitive data */
};

typedef struct
{
  gint64 under;     /* sum of under_weight * shortfall */
  gint64 over;      /* sum of over_weight * excess */
  gint64 requests;  /* sum of weights of on-requests not granted and off-requests not honoured */
  gint64 objective; /* under + over + requests */
} PmRotaCost;

/* Every hard violation of @rota (n_people * n_days shift indices, person-major) in order of
 * person, then day, then rule; and the objective. Returns the number of violations;
 * @violations (nullable) receives them in a new array that owns them
 * (pm_rota_violation_free is its free function). */
guint
pm_rota_check (const PmRotaModel *model, const int *rota, PmRotaCost *cost, GPtrArray **violations);
PmRotaCost
pm_rota_cost (const PmRotaModel *model, const int *rota);

G_END_DECLS
