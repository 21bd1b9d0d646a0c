/* peermatch: JSON, CSV and text renderings of rankings and matchings.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-private.h"
#include "pm-csv-private.h"
#include "pm-json-writer-private.h"

#include <string.h>

/**
 * pm_format_from_string:
 * @text: `json`, `csv` or `text` (case and surrounding white space do not matter)
 * @format: (out): the format
 *
 * Returns: %TRUE if @text names a format
 *
 * Since: 0.1
 */
gboolean
pm_format_from_string (const char *text, PmFormat *format)
{
  static const char *const names[] = { "json", "csv", "text" };
  g_autofree char *token = pm_token_normalize (text);

  g_return_val_if_fail (format != NULL, FALSE);
  if (token == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (token, names[i]) == 0)
      {
        *format = (PmFormat)i;
        return TRUE;
      }
  return FALSE;
}

static char *
finish (GString *out, gsize *length)
{
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/* ---- JSON */

static void
json_components (PmJsonWriter *w, const PmPair *pair)
{
  pm_json_writer_key (w, "components");
  pm_json_writer_begin_object (w);
  for (guint c = 0; c < PM_COMPONENT_N; c++)
    {
      pm_json_writer_key (w, pm_component_to_string (c));
      pm_json_writer_double (w, pair->components[c]);
    }
  pm_json_writer_end_object (w);
}

/* The fields a match and a ranking candidate share, from "score" on. */
static void
json_pair_body (PmJsonWriter *w, const PmPair *pair)
{
  pm_json_writer_key (w, "score");
  pm_json_writer_double (w, pair->score);
  pm_json_writer_key (w, "overlap_minutes");
  pm_json_writer_int (w, pair->overlap_minutes);
  pm_json_writer_key (w, "hops");
  if (pair->hops < 0)
    pm_json_writer_null (w);
  else
    pm_json_writer_int (w, pair->hops);
  json_components (w, pair);
}

/* Rules with a zero count are left out; the others keep the rule order. */
static void
json_excluded (PmJsonWriter *w, const guint excluded[PM_REASON_N])
{
  pm_json_writer_key (w, "excluded");
  pm_json_writer_begin_object (w);
  for (guint r = 0; r < PM_REASON_N; r++)
    if (excluded[r] > 0)
      {
        pm_json_writer_key (w, pm_reason_to_string (r));
        pm_json_writer_int (w, excluded[r]);
      }
  pm_json_writer_end_object (w);
}

static void
unmatched_excluded (PmMatching *matching, guint index, guint excluded[PM_REASON_N])
{
  for (guint r = 0; r < PM_REASON_N; r++)
    excluded[r] = pm_matching_get_unmatched_excluded_count (matching, index, r);
}

static void
json_matching_summary (PmJsonWriter *w, PmMatching *matching)
{
  pm_json_writer_key (w, "summary");
  pm_json_writer_begin_object (w);
  pm_json_writer_key (w, "requests");
  pm_json_writer_int (w, pm_matching_get_n_requests (matching));
  pm_json_writer_key (w, "matched");
  pm_json_writer_int (w, pm_matching_get_n_pairs (matching));
  pm_json_writer_key (w, "unmatched");
  pm_json_writer_int (w, pm_matching_get_n_unmatched (matching));
  pm_json_writer_key (w, "escalated");
  pm_json_writer_int (w, pm_matching_get_n_escalated (matching));
  pm_json_writer_key (w, "total_score");
  pm_json_writer_double (w, pm_matching_get_total_score (matching));
  pm_json_writer_end_object (w);
}

static void
json_matching (GString *out, PmMatching *matching)
{
  PmJsonWriter w;
  char date[11];

  pm_json_writer_init (&w, out);
  pm_json_writer_begin_object (&w);
  pm_json_writer_key (&w, "on");
  pm_json_writer_string (&w, pm_date_format (pm_matching_get_date (matching), date));
  json_matching_summary (&w, matching);
  pm_json_writer_key (&w, "matches");
  pm_json_writer_begin_array (&w);
  for (guint i = 0; i < pm_matching_get_n_pairs (matching); i++)
    {
      const PmPair *pair = pm_matching_get_pair (matching, i);

      pm_json_writer_begin_object (&w);
      pm_json_writer_key (&w, "request");
      pm_json_writer_string (&w, pair->request_id);
      pm_json_writer_key (&w, "supporter");
      pm_json_writer_string (&w, pair->supporter_id);
      json_pair_body (&w, pair);
      pm_json_writer_end_object (&w);
    }
  pm_json_writer_end_array (&w);
  pm_json_writer_key (&w, "unmatched");
  pm_json_writer_begin_array (&w);
  for (guint i = 0; i < pm_matching_get_n_unmatched (matching); i++)
    {
      guint excluded[PM_REASON_N];

      unmatched_excluded (matching, i, excluded);
      pm_json_writer_begin_object (&w);
      pm_json_writer_key (&w, "request");
      pm_json_writer_string (&w, pm_matching_get_unmatched_request_id (matching, i));
      pm_json_writer_key (&w, "reason");
      pm_json_writer_string (
          &w, pm_unmatched_reason_to_string (pm_matching_get_unmatched_reason (matching, i)));
      pm_json_writer_key (&w, "eligible");
      pm_json_writer_int (&w, pm_matching_get_unmatched_eligible (matching, i));
      json_excluded (&w, excluded);
      pm_json_writer_end_object (&w);
    }
  pm_json_writer_end_array (&w);
  pm_json_writer_key (&w, "escalated");
  pm_json_writer_begin_array (&w);
  for (guint i = 0; i < pm_matching_get_n_escalated (matching); i++)
    {
      pm_json_writer_begin_object (&w);
      pm_json_writer_key (&w, "request");
      pm_json_writer_string (&w, pm_matching_get_escalated_request_id (matching, i));
      pm_json_writer_end_object (&w);
    }
  pm_json_writer_end_array (&w);
  pm_json_writer_end_object (&w);
  g_string_append_c (out, '\n');
}

static void
json_ranking (GString *out, PmRanking *ranking)
{
  PmJsonWriter w;
  guint excluded[PM_REASON_N];

  for (guint r = 0; r < PM_REASON_N; r++)
    excluded[r] = pm_ranking_get_excluded_count (ranking, r);
  pm_json_writer_init (&w, out);
  pm_json_writer_begin_object (&w);
  pm_json_writer_key (&w, "request");
  pm_json_writer_string (&w, pm_ranking_get_request_id (ranking));
  if (pm_ranking_get_escalated (ranking))
    {
      pm_json_writer_key (&w, "escalated");
      pm_json_writer_boolean (&w, TRUE);
    }
  pm_json_writer_key (&w, "candidates");
  pm_json_writer_begin_array (&w);
  for (guint i = 0; i < pm_ranking_get_n_candidates (ranking); i++)
    {
      const PmPair *pair = pm_ranking_get_candidate (ranking, i);

      pm_json_writer_begin_object (&w);
      pm_json_writer_key (&w, "supporter");
      pm_json_writer_string (&w, pair->supporter_id);
      json_pair_body (&w, pair);
      pm_json_writer_end_object (&w);
    }
  pm_json_writer_end_array (&w);
  json_excluded (&w, excluded);
  pm_json_writer_end_object (&w);
  g_string_append_c (out, '\n');
}

/* ---- CSV */

static void
csv_double (GString *out, double value)
{
  char buf[32];

  g_string_append (out, pm_double_format (value, buf));
}

/* score,overlap_minutes,hops,topics,region,service,availability,role,load */
static void
csv_pair_body (GString *out, const PmPair *pair)
{
  csv_double (out, pair->score);
  g_string_append_printf (out, ",%u,", pair->overlap_minutes);
  if (pair->hops >= 0)
    g_string_append_printf (out, "%d", pair->hops);
  for (guint c = 0; c < PM_COMPONENT_N; c++)
    {
      g_string_append_c (out, ',');
      csv_double (out, pair->components[c]);
    }
}

typedef enum
{
  ROW_MATCHED,
  ROW_UNMATCHED,
  ROW_ESCALATED,
} RowKind;

typedef struct
{
  const char *request_id;
  RowKind kind;
  guint index;
} Row;

static int
row_compare (gconstpointer a, gconstpointer b)
{
  return strcmp (((const Row *)a)->request_id, ((const Row *)b)->request_id);
}

/* Every request of the matching, whatever became of it, in request-id order. */
static GArray *
matching_rows (PmMatching *matching)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (Row));

  for (guint i = 0; i < pm_matching_get_n_pairs (matching); i++)
    {
      Row row = { pm_matching_get_pair (matching, i)->request_id, ROW_MATCHED, i };
      g_array_append_val (rows, row);
    }
  for (guint i = 0; i < pm_matching_get_n_unmatched (matching); i++)
    {
      Row row = { pm_matching_get_unmatched_request_id (matching, i), ROW_UNMATCHED, i };
      g_array_append_val (rows, row);
    }
  for (guint i = 0; i < pm_matching_get_n_escalated (matching); i++)
    {
      Row row = { pm_matching_get_escalated_request_id (matching, i), ROW_ESCALATED, i };
      g_array_append_val (rows, row);
    }
  g_array_sort (rows, row_compare);
  return rows;
}

static void
csv_matching (GString *out, PmMatching *matching)
{
  g_autoptr (GArray) rows = matching_rows (matching);

  g_string_append (out, "request,status,supporter,score,overlap_minutes,hops,topics,region,"
                        "service,availability,role,load,reason,eligible\n");
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);

      pm_csv_append_field (out, row->request_id);
      switch (row->kind)
        {
          case ROW_MATCHED:
            {
              const PmPair *pair = pm_matching_get_pair (matching, row->index);

              g_string_append (out, ",matched,");
              pm_csv_append_field (out, pair->supporter_id);
              g_string_append_c (out, ',');
              csv_pair_body (out, pair);
              g_string_append (out, ",,\n");
            }
            break;
          case ROW_UNMATCHED:
            g_string_append_printf (out, ",unmatched,,,,,,,,,,,%s,%u\n",
                                    pm_unmatched_reason_to_string (
                                        pm_matching_get_unmatched_reason (matching, row->index)),
                                    pm_matching_get_unmatched_eligible (matching, row->index));
            break;
          case ROW_ESCALATED:
          default:
            g_string_append (out, ",escalated,,,,,,,,,,,crisis,\n");
            break;
        }
    }
}

static void
csv_ranking (GString *out, PmRanking *ranking)
{
  g_string_append (out, "rank,supporter,score,overlap_minutes,hops,topics,region,service,"
                        "availability,role,load\n");
  for (guint i = 0; i < pm_ranking_get_n_candidates (ranking); i++)
    {
      const PmPair *pair = pm_ranking_get_candidate (ranking, i);

      g_string_append_printf (out, "%u,", i + 1);
      pm_csv_append_field (out, pair->supporter_id);
      g_string_append_c (out, ',');
      csv_pair_body (out, pair);
      g_string_append_c (out, '\n');
    }
}

/* ---- text */

/* "training expired 3, language 1": counts only, never who was excluded or why in detail. */
static void
text_excluded (GString *out, const guint excluded[PM_REASON_N])
{
  gboolean first = TRUE;

  for (guint r = 0; r < PM_REASON_N; r++)
    {
      g_autofree char *words = NULL;

      if (excluded[r] == 0)
        continue;
      words = g_strdelimit (g_strdup (pm_reason_to_string (r)), "_", ' ');
      g_string_append_printf (out, "%s%s %u", first ? "" : ", ", words, excluded[r]);
      first = FALSE;
    }
  if (first)
    g_string_append (out, "there are no supporters");
}

static void
text_unmatched (GString *out, PmMatching *matching, guint index)
{
  guint eligible = pm_matching_get_unmatched_eligible (matching, index);
  guint excluded[PM_REASON_N];

  g_string_append_printf (out, "  %s: ", pm_matching_get_unmatched_request_id (matching, index));
  unmatched_excluded (matching, index, excluded);
  if (pm_matching_get_unmatched_reason (matching, index) == PM_UNMATCHED_CAPACITY_TAKEN)
    {
      gboolean any = FALSE;

      if (eligible == 1)
        g_string_append (out, "capacity taken — the 1 eligible supporter was needed for "
                              "another request");
      else
        g_string_append_printf (out,
                                "capacity taken — %u eligible supporters were all needed for "
                                "other requests",
                                eligible);
      /* The others, as for a request nobody suits: counts by first failing rule. */
      for (guint r = 0; r < PM_REASON_N; r++)
        any |= excluded[r] > 0;
      if (any)
        {
          g_string_append (out, " (not eligible: ");
          text_excluded (out, excluded);
          g_string_append_c (out, ')');
        }
      g_string_append_c (out, '\n');
      return;
    }
  g_string_append (out, "no eligible supporter — ");
  text_excluded (out, excluded);
  g_string_append_c (out, '\n');
}

static void
text_escalated (GString *out, const char *request_id)
{
  g_string_append_printf (out,
                          "  %s: CRISIS — not matched: peer support is not crisis care; route "
                          "this request to crisis services now\n",
                          request_id);
}

static void
text_matching (GString *out, PmMatching *matching)
{
  guint n_pairs = pm_matching_get_n_pairs (matching);
  guint n_unmatched = pm_matching_get_n_unmatched (matching);
  guint n_escalated = pm_matching_get_n_escalated (matching);
  char date[11];
  char score[32];

  g_string_append_printf (
      out, "Matching on %s: %u requests, %u matched, %u unmatched, %u escalated (total score %s)\n",
      pm_date_format (pm_matching_get_date (matching), date), pm_matching_get_n_requests (matching),
      n_pairs, n_unmatched, n_escalated,
      pm_double_format_brief (pm_matching_get_total_score (matching), score));
  if (n_escalated > 0)
    {
      g_string_append (out, "\nEscalated — must go to crisis services:\n");
      for (guint i = 0; i < n_escalated; i++)
        text_escalated (out, pm_matching_get_escalated_request_id (matching, i));
    }
  if (n_pairs > 0)
    g_string_append (out, "\nMatched:\n");
  for (guint i = 0; i < n_pairs; i++)
    {
      const PmPair *pair = pm_matching_get_pair (matching, i);
      g_autofree char *why = pm_pair_to_explanation (pair);

      g_string_append_printf (out, "  %s → %s: %s\n", pair->request_id, pair->supporter_id, why);
    }
  if (n_unmatched > 0)
    g_string_append (out, "\nUnmatched:\n");
  for (guint i = 0; i < n_unmatched; i++)
    text_unmatched (out, matching, i);
}

static void
text_ranking (GString *out, PmRanking *ranking)
{
  guint n_candidates = pm_ranking_get_n_candidates (ranking);
  guint n_eligible = pm_ranking_get_n_eligible (ranking);
  guint excluded[PM_REASON_N];
  gboolean any_excluded = FALSE;

  if (pm_ranking_get_escalated (ranking))
    {
      g_string_append_printf (out, "Request %s is a crisis request:\n",
                              pm_ranking_get_request_id (ranking));
      text_escalated (out, pm_ranking_get_request_id (ranking));
      return;
    }
  g_string_append_printf (out, "Request %s: %u eligible supporter%s",
                          pm_ranking_get_request_id (ranking), n_eligible,
                          n_eligible == 1 ? "" : "s");
  if (n_candidates < n_eligible)
    g_string_append_printf (out, ", best %u shown", n_candidates);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < n_candidates; i++)
    {
      const PmPair *pair = pm_ranking_get_candidate (ranking, i);
      g_autofree char *why = pm_pair_to_explanation (pair);

      g_string_append_printf (out, "  %u. %s: %s\n", i + 1, pair->supporter_id, why);
    }
  for (guint r = 0; r < PM_REASON_N; r++)
    {
      excluded[r] = pm_ranking_get_excluded_count (ranking, r);
      any_excluded |= excluded[r] > 0;
    }
  if (any_excluded)
    {
      g_string_append (out, "Not eligible: ");
      text_excluded (out, excluded);
      g_string_append_c (out, '\n');
    }
}

/**
 * pm_matching_to_data:
 * @matching: a #PmMatching
 * @format: the output format
 * @length: (out) (optional): the length of the result in bytes
 *
 * Renders @matching. All three formats end with a line feed and are deterministic.
 *
 * %PM_FORMAT_JSON is one compact object as in the specification: `on`, `summary`
 * (`requests`, `matched`, `unmatched`, `escalated`, `total_score`), `matches` (`request`,
 * `supporter`, `score`, `overlap_minutes`, `hops` — null when the regions share no root —,
 * `components`), `unmatched` (`request`, `reason`, `eligible`, `excluded`: counts by first
 * failing rule, zero counts left out, in rule order) and `escalated` (`request`).
 *
 * %PM_FORMAT_CSV has a header row and then one row per request, in request-id order, with
 * the columns `request,status,supporter,score,overlap_minutes,hops,topics,region,service,
 * availability,role,load,reason,eligible`. `status` is `matched`, `unmatched` or
 * `escalated`. A matched row fills `supporter` to `load` (the components are the weighted
 * contributions; `hops` is empty when the regions share no root) and leaves `reason` and
 * `eligible` empty. An unmatched row leaves `supporter` to `load` empty and gives `reason`
 * (`no_eligible_supporter` or `capacity_taken`) and `eligible` (the number of eligible
 * supporters). An escalated row has `reason` `crisis` and nothing else. Fields are quoted
 * as RFC 4180 requires; lines end with LF.
 *
 * %PM_FORMAT_TEXT is for a coordinator: a header line with the date and the counts, the
 * escalated requests (which must go to crisis services), each pair with its explanation
 * and each unmatched request with why, in words and counts. It never names topics or the
 * supporters a seeker excluded.
 *
 * Returns: (transfer full): the rendering, NUL-terminated
 *
 * Since: 0.1
 */
char *
pm_matching_to_data (PmMatching *matching, PmFormat format, gsize *length)
{
  GString *out;

  g_return_val_if_fail (PM_IS_MATCHING (matching), NULL);
  out = g_string_new (NULL);
  switch (format)
    {
      case PM_FORMAT_CSV:
        csv_matching (out, matching);
        break;
      case PM_FORMAT_TEXT:
        text_matching (out, matching);
        break;
      case PM_FORMAT_JSON:
      default:
        json_matching (out, matching);
        break;
    }
  return finish (out, length);
}

/**
 * pm_ranking_to_data:
 * @ranking: a #PmRanking
 * @format: the output format
 * @length: (out) (optional): the length of the result in bytes
 *
 * Renders @ranking. All three formats end with a line feed and are deterministic.
 *
 * %PM_FORMAT_JSON is one compact object: `request`, `escalated` (only present, as `true`,
 * for a crisis request), `candidates` (`supporter`, `score`, `overlap_minutes`, `hops`,
 * `components`, best first) and `excluded` (counts by first failing rule, zero counts left
 * out, in rule order).
 *
 * %PM_FORMAT_CSV has a header row and then one row per candidate, best first, with the
 * columns `rank,supporter,score,overlap_minutes,hops,topics,region,service,availability,
 * role,load` (`rank` from 1; `hops` empty when the regions share no root). A crisis
 * request has the header row only.
 *
 * %PM_FORMAT_TEXT is for a coordinator: the number of eligible supporters, each candidate
 * with its explanation, and the ineligible ones counted by rule; a crisis request gets a
 * clear line that it must go to crisis services.
 *
 * Returns: (transfer full): the rendering, NUL-terminated
 *
 * Since: 0.1
 */
char *
pm_ranking_to_data (PmRanking *ranking, PmFormat format, gsize *length)
{
  GString *out;

  g_return_val_if_fail (PM_IS_RANKING (ranking), NULL);
  out = g_string_new (NULL);
  switch (format)
    {
      case PM_FORMAT_CSV:
        csv_ranking (out, ranking);
        break;
      case PM_FORMAT_TEXT:
        text_ranking (out, ranking);
        break;
      case PM_FORMAT_JSON:
      default:
        json_ranking (out, ranking);
        break;
    }
  return finish (out, length);
}
