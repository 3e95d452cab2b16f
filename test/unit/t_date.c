/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * t_date.c -- libsm/date.c: sendmail's $b and $d, RFC 5322 formatting and
 * parsing.
 *
 * Where expected values come from:
 *  - sm_arpadate / sm_date_ctime rows: observed on sendmail 8.17.1.9
 *    (Debian 12), headers "HX-B: $b" and "HX-D: $d" on a delivered message,
 *    time pinned by an LD_PRELOAD time(), O TimeZoneSpec=<zone>.
 *  - dates in RFC 5322 appendix A (A.1.1, A.1.2, A.1.3, A.5, A.6.2, A.6.3)
 *    and the rules of sections 3.3 and 4.3;
 *  - epoch values: GNU date(1), e.g. TZ=UTC date -d '...' +%s.
 */
#include "libsm/date.h"
#include "t.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- sendmail's $b and $d ------------------------------------------- */

static const struct {
	const char	*tz;
	long long	t;
	const char	*b;	/* $b */
	const char	*d;	/* $d */
} observed[] = {
	{ "UTC", 1795306896, "Sun, 22 Nov 2026 00:21:36 GMT",
	    "Sun Nov 22 00:21:36 2026" },
	{ "Asia/Kolkata", 1795306896, "Sun, 22 Nov 2026 05:51:36 +0530",
	    "Sun Nov 22 05:51:36 2026" },
	{ "America/St_Johns", 1795306896, "Sat, 21 Nov 2026 20:51:36 -0330",
	    "Sat Nov 21 20:51:36 2026" },
	{ "America/St_Johns", 1783000000, "Thu, 2 Jul 2026 11:16:40 -0230",
	    "Thu Jul  2 11:16:40 2026" },
	{ "Europe/London", 1783000000, "Thu, 2 Jul 2026 14:46:40 +0100",
	    "Thu Jul  2 14:46:40 2026" },
	{ "Europe/London", 1793577600, "Mon, 2 Nov 2026 00:00:00 GMT",
	    "Mon Nov  2 00:00:00 2026" },
	{ "Pacific/Kiritimati", 1793577600, "Mon, 2 Nov 2026 14:00:00 +1400",
	    "Mon Nov  2 14:00:00 2026" },
	{ "Pacific/Pago_Pago", 1793577600, "Sun, 1 Nov 2026 13:00:00 -1100",
	    "Sun Nov  1 13:00:00 2026" },
	{ "America/New_York", 946684799, "Fri, 31 Dec 1999 18:59:59 -0500",
	    "Fri Dec 31 18:59:59 1999" },
	{ "UTC", 951782400, "Tue, 29 Feb 2000 00:00:00 GMT",
	    "Tue Feb 29 00:00:00 2000" },
	{ "UTC", 1000000000, "Sun, 9 Sep 2001 01:46:40 GMT",
	    "Sun Sep  9 01:46:40 2001" },
	{ "Asia/Kathmandu", 1700000000, "Wed, 15 Nov 2023 03:58:20 +0545",
	    "Wed Nov 15 03:58:20 2023" },
	{ "Australia/Adelaide", 1700000000, "Wed, 15 Nov 2023 08:43:20 +1030",
	    "Wed Nov 15 08:43:20 2023" },
	{ "America/Caracas", 1200000000, "Thu, 10 Jan 2008 16:50:00 -0430",
	    "Thu Jan 10 16:50:00 2008" },
	{ "UTC", 4102444800, "Fri, 1 Jan 2100 00:00:00 GMT",
	    "Fri Jan  1 00:00:00 2100" },
	{ "UTC", 2147483647, "Tue, 19 Jan 2038 03:14:07 GMT",
	    "Tue Jan 19 03:14:07 2038" },
	{ "UTC", 2147483648, "Tue, 19 Jan 2038 03:14:08 GMT",
	    "Tue Jan 19 03:14:08 2038" },
	{ "UTC", -2208988800, "Mon, 1 Jan 1900 00:00:00 GMT",
	    "Mon Jan  1 00:00:00 1900" },
	{ "Asia/Kolkata", -1, "Thu, 1 Jan 1970 05:29:59 +0530",
	    "Thu Jan  1 05:29:59 1970" },
	{ "UTC", 253402300799, "Fri, 31 Dec 9999 23:59:59 GMT",
	    "Fri Dec 31 23:59:59 9999" },
	/* local mean time offsets with seconds: minute-truncated clocks */
	{ "Europe/Amsterdam", -1262304000, "Wed, 1 Jan 1930 00:19:32 +0019",
	    "Wed Jan  1 00:19:32 1930" },
	{ "Europe/Amsterdam", -1262303950, "Wed, 1 Jan 1930 00:20:22 +0020",
	    "Wed Jan  1 00:20:22 1930" },
	{ "Africa/Monrovia", -1262304000, "Tue, 31 Dec 1929 23:15:30 -0045",
	    "Tue Dec 31 23:15:30 1929" },
	/* sendmail printed "Sat, 1 Jan 1000 ..." (four characters of the
	 * year); we keep the whole year, as $d does */
	{ "UTC", 253402300800, "Sat, 1 Jan 10000 00:00:00 GMT",
	    "Sat Jan  1 00:00:00 10000" },
};

static void
set_tz(const char *tz)
{
	if (tz == NULL)
		(void)unsetenv("TZ");
	else
		(void)setenv("TZ", tz, 1);
	tzset();
}

static void
test_observed(void)
{
	char *old = getenv("TZ") ? strdup(getenv("TZ")) : NULL;
	char buf[SM_DATE_BUFSIZE];
	size_t i;

	for (i = 0; i < sizeof(observed) / sizeof(observed[0]); i++) {
		t_begin("date: $b/$d %s @%lld", observed[i].tz, observed[i].t);
		set_tz(observed[i].tz);
		t_assert_cmp(sm_arpadate((time_t)observed[i].t, buf,
		    sizeof(buf)), ==, 0);
		t_assert_streq(buf, observed[i].b);
		t_assert_cmp(sm_date_ctime((time_t)observed[i].t, buf,
		    sizeof(buf)), ==, 0);
		t_assert_streq(buf, observed[i].d);
		(void)t_end();
	}
	set_tz(old);
	free(old);
}

/* A buffer one byte short fails cleanly; exactly enough succeeds. */
static void
test_small_buffers(void)
{
	char buf[SM_DATE_BUFSIZE];
	size_t need = strlen("Sun, 22 Nov 2026 00:21:36 GMT") + 1;

	set_tz("UTC");
	errno = 0;
	t_assert_cmp(sm_arpadate(1795306896, buf, need - 1), ==, -1);
	t_assert_cmp(errno, ==, ERANGE);
	t_assert_cmp(sm_arpadate(1795306896, buf, need), ==, 0);
	t_assert_cmp(sm_date_ctime(1795306896, buf, 24), ==, -1);
	t_assert_cmp(sm_date_ctime(1795306896, buf, 25), ==, 0);
	t_assert_streq(buf, "Sun Nov 22 00:21:36 2026");
	t_assert_cmp(sm_date_format(0, 0, buf, 5), ==, -1);
	t_assert_cmp(errno, ==, ERANGE);
	t_assert_cmp(sm_arpadate(1795306896, buf, 0), ==, -1);
}

/* ---- sm_date_format ------------------------------------------------- */

static const struct {
	const char	*name;
	long long	t;
	int		zone;
	const char	*want;		/* NULL: must fail */
	int		err;
} formats[] = {
	{ "RFC 5322 A.1.1", 880127706, -360,
	    "Fri, 21 Nov 1997 09:55:06 -0600", 0 },
	{ "RFC 5322 A.1.2", 1057049557, 120,
	    "Tue, 1 Jul 2003 10:52:37 +0200", 0 },
	{ "RFC 5322 A.1.3", -27723426, -210,
	    "Thu, 13 Feb 1969 23:32:54 -0330", 0 },
	{ "epoch", 0, 0, "Thu, 1 Jan 1970 00:00:00 +0000", 0 },
	{ "epoch minus one", -1, 0, "Wed, 31 Dec 1969 23:59:59 +0000", 0 },
	{ "Kolkata", 1795306896, 330, "Sun, 22 Nov 2026 05:51:36 +0530", 0 },
	{ "St Johns", 1795306896, -210,
	    "Sat, 21 Nov 2026 20:51:36 -0330", 0 },
	{ "leap day", 951825600, 0, "Tue, 29 Feb 2000 12:00:00 +0000", 0 },
	{ "after 2038", 2147483648, 0, "Tue, 19 Jan 2038 03:14:08 +0000", 0 },
	{ "year 1", -62135596800, 0, "Mon, 1 Jan 0001 00:00:00 +0000", 0 },
	{ "year 9999", 253402300799, 0,
	    "Fri, 31 Dec 9999 23:59:59 +0000", 0 },
	{ "+9959", 946324860, 5999, "Sat, 1 Jan 2000 00:00:00 +9959", 0 },
	{ "-9959", 947044740, -5999, "Sat, 1 Jan 2000 00:00:00 -9959", 0 },
	{ "year 10000", 253402300800, 0, NULL, EOVERFLOW },
	{ "zone pushes past 9999", 253402300799, 1, NULL, EOVERFLOW },
	{ "year 0", -62135596801, 0, NULL, EOVERFLOW },
	{ "huge", 0x7fffffffffffffffLL, 0, NULL, EOVERFLOW },
	{ "zone too far east", 0, 6000, NULL, EINVAL },
	{ "zone too far west", 0, -6000, NULL, EINVAL },
};

static void
test_format(void)
{
	char buf[SM_DATE_BUFSIZE];
	size_t i;
	int rc;

	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		t_begin("date: format %s", formats[i].name);
		errno = 0;
		rc = sm_date_format((time_t)formats[i].t, formats[i].zone, buf,
		    sizeof(buf));
		if (formats[i].want == NULL) {
			t_assert_cmp(rc, ==, -1);
			t_assert_cmp(errno, ==, formats[i].err);
		} else {
			t_assert_cmp(rc, ==, 0);
			t_assert_streq(buf, formats[i].want);
		}
		(void)t_end();
	}
}

/* ---- sm_date_parse: accepted ---------------------------------------- */

static const struct {
	const char	*name;
	const char	*in;
	long long	t;
	int		zone, unknown, obs;
} goods[] = {
	{ "A.1.1", "Fri, 21 Nov 1997 09:55:06 -0600", 880127706, -360, 0, 0 },
	{ "A.1.2", "Tue, 1 Jul 2003 10:52:37 +0200", 1057049557, 120, 0, 0 },
	{ "A.1.3", "Thu, 13 Feb 1969 23:32:54 -0330", -27723426, -210, 0, 0 },
	{ "A.5 folded, no seconds",
	    "Thu,\r\n      13\r\n        Feb\r\n          1969\r\n"
	    "      23:32\r\n               -0330 (Newfoundland Time)",
	    -27723480, -210, 0, 0 },
	{ "A.6.2 two-digit year, GMT", "21 Nov 97 09:55:06 GMT",
	    880106106, 0, 0, 1 },
	{ "A.6.3 comment and spaces in time",
	    "Fri, 21 Nov 1997 09(comment):   55  :  06 -0600",
	    880127706, -360, 0, 1 },
	{ "sendmail $b GMT", "Sun, 22 Nov 2026 00:21:36 GMT",
	    1795306896, 0, 0, 1 },
	{ "Kolkata", "Sun, 22 Nov 2026 05:51:36 +0530", 1795306896, 330, 0, 0 },
	{ "St Johns", "Sat, 21 Nov 2026 20:51:36 -0330",
	    1795306896, -210, 0, 0 },
	{ "-0000 is unknown", "1 Jan 1970 00:00:00 -0000", 0, 0, 1, 0 },
	{ "+0000 is known", "1 Jan 1970 00:00:00 +0000", 0, 0, 0, 0 },
	{ "UT", "1 Jan 1970 00:00:00 UT", 0, 0, 0, 1 },
	{ "military Z", "1 Jan 1970 00:00:00 Z", 0, 0, 1, 1 },
	{ "military A is -0000", "1 Jan 1970 00:00:00 A", 0, 0, 1, 1 },
	{ "military y lower case", "1 Jan 1970 00:00:00 y", 0, 0, 1, 1 },
	{ "unknown name CET", "1 Jan 1970 00:00:00 CET", 0, 0, 1, 1 },
	{ "EST", "Fri, 31 Dec 1999 23:59:59 EST", 946702799, -300, 0, 1 },
	{ "EDT", "Sun, 4 Jul 2021 12:00:00 EDT", 1625414400, -240, 0, 1 },
	{ "CST", "Fri, 31 Dec 1999 23:59:59 CST", 946706399, -360, 0, 1 },
	{ "CDT", "Sun, 4 Jul 2021 12:00:00 CDT", 1625418000, -300, 0, 1 },
	{ "MST", "Fri, 31 Dec 1999 23:59:59 MST", 946709999, -420, 0, 1 },
	{ "MDT", "Sun, 4 Jul 2021 12:00:00 MDT", 1625421600, -360, 0, 1 },
	{ "PST", "Fri, 31 Dec 1999 23:59:59 PST", 946713599, -480, 0, 1 },
	{ "PDT", "Sun, 4 Jul 2021 12:00:00 PDT", 1625425200, -420, 0, 1 },
	{ "lower case names", "fri, 21 nov 1997 09:55:06 gmt",
	    880106106, 0, 0, 1 },
	{ "year 49 is 2049", "1 Jan 49 00:00 +0000", 2493072000, 0, 0, 1 },
	{ "year 50 is 1950", "1 Jan 50 00:00 +0000", -631152000, 0, 0, 1 },
	{ "year 00 is 2000", "1 Jan 00 00:00 +0000", 946684800, 0, 0, 1 },
	{ "year 100 is 2000", "1 Jan 100 00:00 +0000", 946684800, 0, 0, 1 },
	{ "five-digit year 02000", "1 Jan 02000 00:00 +0000",
	    946684800, 0, 0, 0 },
	{ "no seconds", "21 Nov 1997 09:55 -0600", 880127700, -360, 0, 0 },
	{ "leap day", "Tue, 29 Feb 2000 12:00:00 +0000", 951825600, 0, 0, 0 },
	{ "leap second", "31 Dec 1998 23:59:60 +0000", 915148800, 0, 0, 0 },
	{ "first of 1900", "Mon, 1 Jan 1900 00:00:00 +0000",
	    -2208988800, 0, 0, 0 },
	{ "last of 9999", "Fri, 31 Dec 9999 23:59:59 +0000",
	    253402300799, 0, 0, 0 },
	{ "9999 west of UTC", "31 Dec 9999 23:59:59 -0100",
	    253402304399, -60, 0, 0 },
	{ "after 2038", "Tue, 19 Jan 2038 03:14:08 +0000",
	    2147483648, 0, 0, 0 },
	{ "2100 not leap, 1 Mar", "1 Mar 2100 00:00:00 +0000",
	    4107542400, 0, 0, 0 },
	{ "zone +9959", "1 Jan 2000 00:00:00 +9959", 946324860, 5999, 0, 0 },
	{ "zone -9959", "1 Jan 2000 00:00:00 -9959", 947044740, -5999, 0, 0 },
	{ "final CRLF", "Tue, 1 Jul 2003 10:52:37 +0200\r\n",
	    1057049557, 120, 0, 0 },
	{ "final LF", "Tue, 1 Jul 2003 10:52:37 +0200\n",
	    1057049557, 120, 0, 0 },
	{ "LF fold", "Tue, 1 Jul 2003\n 10:52:37 +0200",
	    1057049557, 120, 0, 0 },
	{ "leading zero day", "Tue, 01 Jul 2003 10:52:37 +0200",
	    1057049557, 120, 0, 0 },
	{ "tabs", "Tue,\t1\tJul\t2003\t10:52:37\t+0200",
	    1057049557, 120, 0, 0 },
	{ "no spaces (obs)", "1Jul2003 10:52:37 +0200", 1057049557, 120, 0, 1 },
	{ "space before comma (obs)", "Tue , 1 Jul 2003 10:52:37 +0200",
	    1057049557, 120, 0, 1 },
	{ "nested comment, quoted pair",
	    "Tue, 1 Jul 2003 10:52:37 +0200 (a (nested \\) one) here)",
	    1057049557, 120, 0, 0 },
	{ "comment first (obs)", "(hi) Tue, 1 Jul 2003 10:52:37 +0200",
	    1057049557, 120, 0, 1 },
	{ "8-bit comment", "Tue, 1 Jul 2003 10:52:37 +0200 (Zeit \xc3\xa4)",
	    1057049557, 120, 0, 0 },
	{ "folded comment", "Tue, 1 Jul 2003 10:52:37 +0200 (a\r\n b)",
	    1057049557, 120, 0, 0 },
};

static void
test_parse_good(void)
{
	struct sm_date d;
	const char *why;
	size_t i;

	for (i = 0; i < sizeof(goods) / sizeof(goods[0]); i++) {
		t_begin("date: parse %s", goods[i].name);
		why = NULL;
		memset(&d, 0xa5, sizeof(d));
		t_assert_cmp(sm_date_parse(goods[i].in, strlen(goods[i].in),
		    &d, &why), ==, 0);
		t_assert(why == NULL);
		t_assert_cmp(d.d_time, ==, goods[i].t);
		t_assert_cmp(d.d_zone, ==, goods[i].zone);
		t_assert_cmp(d.d_zone_unknown, ==, goods[i].unknown);
		t_assert_cmp(d.d_obsolete, ==, goods[i].obs);
		(void)t_end();
	}
}

/* ---- sm_date_parse: refused, each for its own reason ----------------- */

static const struct {
	const char	*name;
	const char	*in;
	size_t		len;		/* 0: strlen(in) */
	const char	*why;
} bads[] = {
	{ "empty", "", 0, "no day of month" },
	{ "white space only", "  \t ", 0, "no day of month" },
	{ "a word", "garbage", 0, "unknown day of week" },
	{ "long day name", "Friday, 21 Nov 1997 09:55:06 -0600", 0,
	    "unknown day of week" },
	{ "day without comma", "Fri 21 Nov 1997 09:55:06 -0600", 0,
	    "no comma after the day of week" },
	{ "two commas", "Fri,, 21 Nov 1997 09:55:06 -0600", 0,
	    "no day of month" },
	{ "three-digit day", "123 Nov 1997 09:55:06 -0600", 0,
	    "day of month has more than two digits" },
	{ "no month", "21 1997 09:55:06 -0600", 0, "no month" },
	{ "unknown month", "21 Foo 1997 09:55:06 -0600", 0, "unknown month" },
	{ "long month", "21 November 1997 09:55:06 -0600", 0,
	    "unknown month" },
	{ "no year", "21 Nov", 0, "no year" },
	{ "one-digit year", "21 Nov 7 09:55:06 -0600", 0, "one-digit year" },
	{ "ten-digit year", "21 Nov 1234567890 09:55:06 -0600", 0,
	    "year out of range" },
	{ "year 10000", "1 Jan 10000 00:00 +0000", 0, "year out of range" },
	{ "year 1899", "31 Dec 1899 23:59:59 +0000", 0, "year before 1900" },
	{ "four-digit year 0999", "1 Jan 0999 00:00 +0000", 0,
	    "year before 1900" },
	{ "no time", "21 Nov 1997", 0, "no time of day" },
	{ "one-digit hour", "21 Nov 1997 9:55:06 -0600", 0,
	    "hour is not two digits" },
	{ "hhmm", "21 Nov 1997 0955 -0600", 0, "hour is not two digits" },
	{ "zone instead of time", "21 Nov 1997 -0600", 0,
	    "hour is not two digits" },
	{ "no colon", "21 Nov 1997 09-55 -0600", 0,
	    "no colon after the hour" },
	{ "one-digit minute", "21 Nov 1997 09:5 -0600", 0,
	    "minute is not two digits" },
	{ "one-digit second", "21 Nov 1997 09:55:6 -0600", 0,
	    "second is not two digits" },
	{ "no zone", "Fri, 21 Nov 1997 09:55:06", 0, "no zone" },
	{ "no zone, comment", "Fri, 21 Nov 1997 09:55:06 (x)", 0, "no zone" },
	{ "zone punctuation", "Fri, 21 Nov 1997 09:55:06 *0600", 0,
	    "no zone" },
	{ "three-digit zone", "Fri, 21 Nov 1997 09:55:06 -060", 0,
	    "zone is not four digits" },
	{ "five-digit zone", "Fri, 21 Nov 1997 09:55:06 -06000", 0,
	    "zone is not four digits" },
	{ "sign alone", "Fri, 21 Nov 1997 09:55:06 +", 0,
	    "zone is not four digits" },
	{ "zone minutes 60", "Fri, 21 Nov 1997 09:55:06 -0660", 0,
	    "zone minutes out of range" },
	{ "J is no zone", "Fri, 21 Nov 1997 09:55:06 J", 0, "unknown zone" },
	{ "two letters", "Fri, 21 Nov 1997 09:55:06 XY", 0, "unknown zone" },
	{ "six letters", "Fri, 21 Nov 1997 09:55:06 ABCDEF", 0,
	    "unknown zone" },
	{ "garbage after zone", "Fri, 21 Nov 1997 09:55:06 -0600 x", 0,
	    "garbage after the zone" },
	{ "two zones", "Fri, 21 Nov 1997 09:55:06 -0600 +0100", 0,
	    "garbage after the zone" },
	{ "NUL after zone", "Fri, 21 Nov 1997 09:55:06 -0600\0", 32,
	    "garbage after the zone" },
	{ "32 Nov", "Fri, 32 Nov 1997 09:55:06 -0600", 0,
	    "day out of range for the month" },
	{ "day 0", "0 Nov 1997 09:55:06 -0600", 0,
	    "day out of range for the month" },
	{ "31 Apr", "31 Apr 2000 00:00:00 +0000", 0,
	    "day out of range for the month" },
	{ "29 Feb 1900", "29 Feb 1900 00:00:00 +0000", 0,
	    "day out of range for the month" },
	{ "29 Feb 2100", "29 Feb 2100 00:00:00 +0000", 0,
	    "day out of range for the month" },
	{ "29 Feb 2001", "29 Feb 2001 00:00:00 +0000", 0,
	    "day out of range for the month" },
	{ "hour 24", "21 Nov 1997 24:00:00 +0000", 0,
	    "time of day out of range" },
	{ "minute 60", "21 Nov 1997 23:60:00 +0000", 0,
	    "time of day out of range" },
	{ "second 61", "21 Nov 1997 23:59:61 +0000", 0,
	    "time of day out of range" },
	{ "wrong day of week", "Sat, 21 Nov 1997 09:55:06 -0600", 0,
	    "day of week does not match the date" },
	{ "leap second past 9999", "31 Dec 9999 23:59:60 +0000", 0,
	    "year out of range" },
	{ "unterminated comment", "(hello", 0, "unterminated comment" },
	{ "unterminated nested", "Fri, 21 Nov 1997 09:55:06 -0600 (a (b)", 0,
	    "unterminated comment" },
	{ "backslash at end", "Fri, 21 Nov 1997 09:55:06 -0600 (a\\", 0,
	    "unterminated comment" },
	{ "cut inside comment", "Fri, 21 Nov 1997 09:55:06 -0600 (abc)", 35,
	    "unterminated comment" },
	{ "NUL in comment", "Fri, 21 Nov 1997 09:55:06 -0600 (a\0b)", 37,
	    "NUL in comment" },
	{ "line break, no fold", "Tue, 1 Jul 2003\r\n10:52:37 +0200", 0,
	    "line break not followed by white space" },
	{ "blank line after", "Tue, 1 Jul 2003 10:52:37 +0200\r\n\r\n", 0,
	    "line break not followed by white space" },
	{ "bare CR", "Tue, 1 Jul 2003 10:52:37\r +0200", 0, "bare CR" },
	{ "bare CR at end", "Tue, 1 Jul 2003 10:52:37 +0200\r", 0,
	    "bare CR" },
	{ "broken fold in comment", "Tue, 1 Jul 2003 10:52:37 +0200 (a\r\nb)",
	    0, "line break not followed by white space" },
};

static void
test_parse_bad(void)
{
	struct sm_date d, before;
	const char *why;
	size_t i, len;

	for (i = 0; i < sizeof(bads) / sizeof(bads[0]); i++) {
		t_begin("date: refuse %s", bads[i].name);
		len = bads[i].len ? bads[i].len : strlen(bads[i].in);
		why = NULL;
		memset(&d, 0x5a, sizeof(d));
		before = d;
		t_assert_cmp(sm_date_parse(bads[i].in, len, &d, &why), ==, -1);
		t_require(why != NULL);
		t_assert_streq(why, bads[i].why);
		t_assert_memeq(&d, sizeof(d), &before, sizeof(before));
		/* errp is optional */
		t_assert_cmp(sm_date_parse(bads[i].in, len, &d, NULL), ==, -1);
		(void)t_end();
	}
}

/* Nesting: 32 levels are followed, 33 are refused. */
static void
test_nesting(void)
{
	char in[200];
	const char *why = NULL;
	struct sm_date d;
	int n, i;

	for (n = 32; n <= 33; n++) {
		size_t len = (size_t)snprintf(in, sizeof(in),
		    "1 Jan 2000 00:00 +0000 ");

		for (i = 0; i < n; i++)
			in[len++] = '(';
		for (i = 0; i < n; i++)
			in[len++] = ')';
		t_assert_cmp(sm_date_parse(in, len, &d, &why), ==,
		    n == 32 ? 0 : -1);
	}
	t_require(why != NULL);
	t_assert_streq(why, "comments nested too deeply");
}

/* ---- sm_date_timegm -------------------------------------------------- */

static const struct {
	int		y, mo, d, h, mi, s;
	long long	t;		/* -1: must fail (EINVAL) */
	int		ok;
} civils[] = {
	{ 1970, 1, 1, 0, 0, 0, 0, 1 },
	{ 1969, 12, 31, 23, 59, 59, -1, 1 },
	{ 2000, 2, 29, 12, 0, 0, 951825600, 1 },
	{ 1, 1, 1, 0, 0, 0, -62135596800, 1 },
	{ 9999, 12, 31, 23, 59, 59, 253402300799, 1 },
	{ 1998, 12, 31, 23, 59, 60, 915148800, 1 },
	{ 0, 1, 1, 0, 0, 0, 0, 0 },
	{ 10000, 1, 1, 0, 0, 0, 0, 0 },
	{ 2000, 13, 1, 0, 0, 0, 0, 0 },
	{ 2000, 0, 1, 0, 0, 0, 0, 0 },
	{ 2001, 2, 29, 0, 0, 0, 0, 0 },
	{ 2000, 1, 0, 0, 0, 0, 0, 0 },
	{ 2000, 1, 1, 24, 0, 0, 0, 0 },
	{ 2000, 1, 1, 0, 60, 0, 0, 0 },
	{ 2000, 1, 1, 0, 0, 61, 0, 0 },
	{ 2000, 1, 1, -1, 0, 0, 0, 0 },
};

static void
test_timegm(void)
{
	char *old = getenv("TZ") ? strdup(getenv("TZ")) : NULL;
	time_t t;
	size_t i;

	set_tz("Asia/Kolkata");		/* must not matter */
	for (i = 0; i < sizeof(civils) / sizeof(civils[0]); i++) {
		t_begin("date: timegm %04d-%02d-%02d %02d:%02d:%02d",
		    civils[i].y, civils[i].mo, civils[i].d, civils[i].h,
		    civils[i].mi, civils[i].s);
		errno = 0;
		if (civils[i].ok) {
			t_assert_cmp(sm_date_timegm(civils[i].y, civils[i].mo,
			    civils[i].d, civils[i].h, civils[i].mi,
			    civils[i].s, &t), ==, 0);
			t_assert_cmp(t, ==, civils[i].t);
		} else {
			t_assert_cmp(sm_date_timegm(civils[i].y, civils[i].mo,
			    civils[i].d, civils[i].h, civils[i].mi,
			    civils[i].s, &t), ==, -1);
			t_assert_cmp(errno, ==, EINVAL);
		}
		(void)t_end();
	}
	set_tz(old);
	free(old);
}

/* ---- round trips ------------------------------------------------------ */

/* Every day-aligned and odd instant from 1900 to 9999 in a spread of zones:
 * format, parse, compare; and sm_date_timegm agrees with gmtime_r. */
static void
test_round_trip(void)
{
	static const int zones[] = { 0, 330, -210, 345, -660, 840, 5999,
	    -5999, 1, -1 };
	const long long lo = -2208988800LL + 6000 * 60;
	const long long hi = 253402300799LL - 6000 * 60;
	char buf[SM_DATE_BUFSIZE];
	struct sm_date d;
	struct tm tm;
	time_t back;
	long long t;
	size_t z;
	int bad = 0, n = 0;

	for (t = lo; t < hi && bad < 5; t += 86400LL * 3001 + 4567) {
		for (z = 0; z < sizeof(zones) / sizeof(zones[0]); z++, n++) {
			if (sm_date_format((time_t)t, zones[z], buf,
			    sizeof(buf)) < 0 ||
			    sm_date_parse(buf, strlen(buf), &d, NULL) < 0 ||
			    d.d_time != (time_t)t || d.d_zone != zones[z])
				bad += !t_assert_streq(buf, "(round trip)");
		}
		back = (time_t)t;
		if (gmtime_r(&back, &tm) == NULL ||
		    sm_date_timegm(tm.tm_year + 1900, tm.tm_mon + 1,
		    tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, &back) < 0 ||
		    back != (time_t)t) {
			t_assert_cmp(back, ==, t);
			bad++;
		}
	}
	t_assert_cmp(n, >, 9000);
}

int
main(void)
{
	test_observed();
	(void)t_run("date: buffers too small", test_small_buffers);
	test_format();
	test_parse_good();
	test_parse_bad();
	(void)t_run("date: comment nesting bound", test_nesting);
	test_timegm();
	(void)t_run("date: format/parse/timegm round trips", test_round_trip);
	return t_done();
}
