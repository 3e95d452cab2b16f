/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * date.h -- RFC 5322 dates: the forms sendmail writes, and a parser for
 * the forms mail carries.
 *
 *	sm_arpadate()	$b and the Date:/Received: stamp, in local time
 *	sm_date_ctime()	$d, the ctime(3) form without the newline
 *	sm_date_format()	a date-time in a zone the caller names
 *	sm_date_parse()	RFC 5322 date-time, obsolete RFC 822 forms included
 *	sm_date_timegm()	civil UTC time to time_t without touching TZ
 *	sm_date_monotonic_ms()	a clock for timeouts, which no date change moves
 *
 * Formatting follows sendmail 8.17's arpadate() byte for byte (see date.c
 * for what was observed); parsing is RFC 5322 section 3.3 with the section
 * 4.3 obsolete syntax.  Pure functions but the clock: any process, any
 * privilege.  Only sm_arpadate and sm_date_ctime read the local zone (TZ,
 * tzset(3)).
 */
#ifndef SM_DATE_H
#define SM_DATE_H

#include <stddef.h>
#include <time.h>

/* Room for any date these functions write, NUL included. */
#define SM_DATE_BUFSIZE	64

/*
 * sm_arpadate -- T as sendmail writes it in $b, Date: and Received:
 *	"Sun, 1 Nov 2026 13:00:00 -1100": day of month not padded, zone
 *	numeric from the local zone in effect at T, and "GMT" instead of a
 *	zero offset (sendmail's spelling, not "+0000").
 * Parameters: t the instant; buf/size where to write (SM_DATE_BUFSIZE).
 * Returns: 0, or -1 with errno (ERANGE: buffer too small; EOVERFLOW: T
 *	has no local time).
 */
int	sm_arpadate(time_t t, char *buf, size_t size);

/*
 * sm_date_ctime -- T as sendmail's $d: ctime(3) without the newline,
 *	"Sun Nov  1 13:00:00 2026", in local time.  English names whatever
 *	the locale.
 * Returns: 0, or -1 with errno as sm_arpadate.
 */
int	sm_date_ctime(time_t t, char *buf, size_t size);

/*
 * sm_date_format -- T as an RFC 5322 date-time seen from a zone ZONE
 *	minutes east of UTC, always with a numeric zone ("+0000" for 0):
 *	"Sat, 21 Nov 2026 20:51:36 -0330".  Does not read TZ, so the result
 *	is the same on every host; sm_date_parse reads it back to T.
 * Parameters: zone within -5999..5999 (the 4-digit field's range).
 * Returns: 0, or -1 with errno (ERANGE buffer, EINVAL zone, EOVERFLOW
 *	a year outside 1..9999).
 */
int	sm_date_format(time_t t, int zone, char *buf, size_t size);

/* What sm_date_parse found. */
struct sm_date {
	time_t	d_time;		/* the instant (seconds since the epoch) */
	int	d_zone;		/* zone as written, minutes east of UTC */
	int	d_zone_unknown;	/* "-0000", a military letter or an unknown
				 * name: RFC 5322 says the offset to local
				 * time is not known (d_zone is 0) */
	int	d_obsolete;	/* used RFC 822 syntax: 2/3-digit year,
				 * named zone, comments, CFWS in odd places */
};

/*
 * sm_date_parse -- read an RFC 5322 date-time (a Date: field body).
 *	Accepts the obsolete forms of section 4.3: two-digit years (00-49
 *	are 20xx, 50-99 19xx; three digits add 1900), named zones (UT GMT
 *	EST EDT CST CDT MST MDT PST PDT), military letters and unknown 3-5
 *	letter names (both as "-0000"), comments and folding white space
 *	anywhere between tokens, an optional day of week, optional seconds.
 *	A final line break is allowed; a line break not followed by white
 *	space is not.  The day of week, when present, must match the date.
 * Parameters: s/len the text (need not be NUL-terminated); dp receives
 *	the result; errp, if not NULL, gets a static reason on failure.
 * Returns: 0, or -1 (garbage; *dp untouched).
 */
int	sm_date_parse(const char *s, size_t len, struct sm_date *dp,
	    const char **errp);

/*
 * sm_date_timegm -- seconds since the epoch of a proleptic Gregorian UTC
 *	civil time; TZ is not consulted.  Fields are not normalised: the
 *	caller checks ranges (sec may be 60 for a leap second, counted as
 *	the first second of the next minute).
 * Parameters: year 1..9999, mon 1..12, mday 1..31, hour, min, sec.
 * Returns: 0 with *tp set, or -1 with errno EINVAL (field out of range).
 */
int	sm_date_timegm(int year, int mon, int mday, int hour, int min,
	    int sec, time_t *tp);

/*
 * sm_date_monotonic_ms -- milliseconds on CLOCK_MONOTONIC: deadlines and
 *	elapsed times that setting the date (or a leap second) cannot move.
 *	Only differences mean anything.
 * Parameters: none.
 * Returns: the clock, in ms.
 */
long long	sm_date_monotonic_ms(void);

#endif
