/* peermatch tests: the RFC 4180 CSV tokenizer.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-test-util.h"
#include "pm-csv-private.h"

#include <string.h>

/* Tokenizes @text into "line|field|field" strings, errors as "line!message". */
static char *
tokenize (const char *text, gsize length)
{
  g_autoptr (PmCsvReader) reader = pm_csv_reader_new (text, length);
  GString *out = g_string_new (NULL);

  for (;;)
    {
      g_autoptr (GError) error = NULL;
      g_auto (GStrv) fields = NULL;
      guint line = 0;
      PmCsvStatus status = pm_csv_reader_next (reader, &fields, &line, &error);

      if (status == PM_CSV_END)
        break;
      if (status == PM_CSV_ERROR)
        {
          assert_non_null (error);
          assert_true (g_error_matches (error, PM_ERROR, PM_ERROR_INVALID_DATA));
          g_string_append_printf (out, "%u!%s\n", line, error->message);
          continue;
        }
      assert_null (error);
      g_string_append_printf (out, "%u", line);
      for (guint i = 0; fields[i] != NULL; i++)
        g_string_append_printf (out, "|%s", fields[i]);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static void
check (const char *text, const char *expected)
{
  g_autofree char *got = tokenize (text, strlen (text));

  assert_string_equal (got, expected);
}

static void
test_simple (void **state)
{
  check ("id,name\nS1,Alex\nS2,Sam", "1|id|name\n2|S1|Alex\n3|S2|Sam\n");
  check ("a,,c,\n", "1|a||c|\n");
  check ("", "");
  check ("  x , y \n", "1|  x | y \n");
}

static void
test_quoted (void **state)
{
  check ("\"a,b\",\"say \"\"hi\"\"\",\"\"\n", "1|a,b|say \"hi\"|\n");
  check ("id,note\nS1,\"two\nlines\"\nS2,x\n", "1|id|note\n2|S1|two\nlines\n4|S2|x\n");
  check ("id,note\r\nS1,\"two\r\nlines\"\r\nS2,x\r\n", "1|id|note\n2|S1|two\nlines\n4|S2|x\n");
  /* Blanks around a quoted field are dropped. */
  check ("\"a\" , \"b\"\n", "1|a|b\n");
}

static void
test_line_ends_and_bom (void **state)
{
  check ("\xEF\xBB\xBFid,name\r\nS1,A\r\n", "1|id|name\n2|S1|A\n");
  check ("id\rS1\r", "1|id\n2|S1\n");
  check ("\n\nid\n  \n\t\nS1\n\n", "3|id\n6|S1\n");
}

static void
test_errors (void **state)
{
  /* Each error skips the rest of its line; the following records still come out. */
  check ("id,name\nS1,Al\"ex\nS2,Sam\n",
         "1|id|name\n2!stray quote inside an unquoted field "
         "(quote the whole field and double the quote)\n3|S2|Sam\n");
  check ("id\n\"S1\"x,y\nS2\n",
         "1|id\n2!unexpected character 'x' after a closing quote (a quote inside a quoted field "
         "must be doubled)\n3|S2\n");
  check ("id\nS1\n\"S2\nS3\n", "1|id\n2|S1\n3!unterminated quoted field\n");
}

static void
test_invalid_utf8 (void **state)
{
  const char text[] = "id,name\nS1,\"a\nb\xC3\x28\"\nS2,ok\n";

  check (text, "1|id|name\n3!invalid UTF-8 (save the file as UTF-8)\n4|S2|ok\n");
  check ("id\nS\xff\n", "1|id\n2!invalid UTF-8 (save the file as UTF-8)\n");
}

static void
test_embedded_nul (void **state)
{
  const char text[] = "id\nS\0001\nS2\n";
  g_autofree char *got = tokenize (text, sizeof text - 1);

  assert_string_equal (got, "1|id\n2!invalid UTF-8 (save the file as UTF-8)\n3|S2\n");
}

static void
test_append_field (void **state)
{
  g_autoptr (GString) out = g_string_new (NULL);

  pm_csv_append_field (out, "plain");
  g_string_append_c (out, ',');
  pm_csv_append_field (out, "a,b");
  g_string_append_c (out, ',');
  pm_csv_append_field (out, "say \"hi\"");
  g_string_append_c (out, ',');
  pm_csv_append_field (out, "two\nlines");
  g_string_append_c (out, ',');
  pm_csv_append_field (out, NULL);
  assert_string_equal (out->str, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",");
  /* What is written reads back the same. */
  {
    g_autofree char *got = tokenize (out->str, out->len);
    assert_string_equal (got, "1|plain|a,b|say \"hi\"|two\nlines|\n");
  }
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_simple),
    cmocka_unit_test (test_quoted),
    cmocka_unit_test (test_line_ends_and_bom),
    cmocka_unit_test (test_errors),
    cmocka_unit_test (test_invalid_utf8),
    cmocka_unit_test (test_embedded_nul),
    cmocka_unit_test (test_append_field),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
