/* peermatch tests: building small networks through the public API, shared by the matcher's
 * tests.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "pm-test-util.h"

#include <math.h>

/* cmocka 1.1's assert_float_equal compares floats; these need doubles. */
#define assert_close(a, b, eps)                                                                    \
  do                                                                                               \
    {                                                                                              \
      double a_ = (a), b_ = (b);                                                                   \
      if (!(fabs (a_ - b_) <= (eps)))                                                              \
        fail_msg ("%s = %.17g, expected %.17g", #a, a_, b_);                                       \
    }                                                                                              \
  while (0)

/*   uk ── north ── a, b        island ── i1
 *      └─ south ── c
 * hops: a-a 0, a-north 1, a-b 2, a-uk 2, a-south 3, a-c 4, a-i1 -1 */
PmRegionTree *
pm_test_make_tree (void);
/* A network on that tree with @policy (NULL: the default policy). */
PmNetwork *
pm_test_network_new (PmPolicy *policy);

void
pm_test_set_avail_supporter (PmSupporter *s, const char *text);
void
pm_test_set_avail_request (PmRequest *r, const char *text);
void
pm_test_set_date (GDate *date, const char *text);

/* An eligible-by-default supporter: police, region a, capacity 2, trained, available
 * daily 08:00-20:00. */
PmSupporter *
pm_test_sup_new (const char *id);
/* A request for @person that such a supporter can take: police, region a, daily
 * 08:00-20:00. */
PmRequest *
pm_test_req_new (const char *id, const char *person);
/* Takes @s. */
void
pm_test_add_sup (PmNetwork *net, PmSupporter *s);
/* Takes @r. */
void
pm_test_add_req (PmNetwork *net, PmRequest *r);

/* The batch matching of @net on @on (fails the test on an error). */
PmMatching *
pm_test_solve (PmNetwork *net, const GDate *on);

/* Adds supporter @id of @service for rota tests: region uk, available at all times, trained
 * until 2027-12-31, with the one skill @skill (nullable). */
void
pm_test_add_rota_supporter (PmNetwork *network, const char *service, const char *id,
                            const char *skill);
