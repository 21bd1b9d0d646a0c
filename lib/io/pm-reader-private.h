/* peermatch: readers working on data in memory, shared by the file readers and the
 * built-in defaults. Never installed.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "pm-private.h"

G_BEGIN_DECLS

/* Like pm_reader_read_regions(), on @data; @file names the data in messages. */
PmRegionTree *
pm_reader_parse_regions (const char *data, gsize length, const char *file,
                         PmDiagnostics *diagnostics, GError **error);
/* Like pm_reader_read_policy(), but overrides the settings of @policy. */
gboolean
pm_reader_parse_policy (PmPolicy *policy, const char *data, gsize length, const char *file,
                        PmDiagnostics *diagnostics, GError **error);

/* GKeyFile keeps no line numbers: the line (1-based) of @key's last occurrence in [@group]
 * of the key-file text @data, or of the group's header when @key is NULL; 0 if not found. */
guint
pm_key_file_find_line (const char *data, const char *group, const char *key);
/* The first line of @data that is neither blank, a comment, a group header nor key=value. */
guint
pm_key_file_find_bad_line (const char *data);

G_END_DECLS
