/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * date.c -- RFC 5322 dates (date.h): sendmail's $b and $d, a zone-explicit
 * formatter, and a parser for the current and obsolete syntax.
 *
 * Public: sm_arpadate, sm_date_ctime, sm_date_format, sm_date_parse,
 * sm_date_timegm, sm_date_monotonic_ms (the one clock libsm's timeouts
 * use).  Any process, any privilege; no state.
 *
 * What sendmail 8.17 writes (observed on sendmail 8.17.1.9, Debian 12, with
 * headers "HX-B: $b" / "HX-D: $d" on a delivered message, time pinned with an
 * LD_PRELOAD time(), TimeZoneSpec set to each zone):
 *	TZ=UTC              Sun, 22 Nov 2026 00:21:36 GMT
 *	TZ=Asia/Kolkata     Sun, 22 Nov 2026 05:51:36 +0530
 *	TZ=America/St_Johns Sat, 21 Nov 2026 20:51:36 -0330
 *	TZ=Pacific/Pago_Pago Sun, 1 Nov 2026 13:00:00 -1100
 *	$d                  Sun Nov  1 13:00:00 2026
 * so: the day of month is not padded in $b but is space-padded in $d; a
 * zero offset is spelt "GMT"; there is no "(zone name)" comment.  The
 * offset is the difference of the minute-truncated local and UTC clocks
 * (Africa/Monrovia in 1929, -00:44:30, prints -0045).  One deliberate
 * difference: sendmail copies four characters of the year, so 10000 comes
 * out as "1000"; we write the whole year.
 */
#include "date.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static const char *const wday_name[7] = {
	"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"
};
static const char *const month_name[12] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
};
/* days before the first of each month in a common year */
static const short month_start[12] = {
	0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334
};

#define DAY_SECS	86400LL
#define YEAR_MIN	1
#define YEAR_MAX	9999
#define ZONE_MAX	(99 * 60 + 59)	/* what +hhmm can say */

/* ---- calendar arithmetic (proleptic Gregorian, no TZ) ---------------- */

static long long
floor_div(long long a, long long b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

static int
is_leap(long long y)
{
	return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

static int
month_days(int y, int m)
{
	static const unsigned char len[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	return len[m - 1] + (m == 2 && is_leap(y));
}

/* leap years in 1..y, for y >= 0 */
static long long
leaps_through(long long y)
{
	return y / 4 - y / 100 + y / 400;
}

/* days from 1970-01-01 to January 1st of year y (y >= 1) */
static long long
year_start(long long y)
{
	return 365 * (y - 1970) + leaps_through(y - 1) - leaps_through(1969);
}

static long long
days_from_civil(int y, int m, int d)
{
	return year_start(y) + month_start[m - 1] + (m > 2 && is_leap(y)) +
	    d - 1;
}

/* The civil date of day number DAYS; -1 if outside years 1..9999. */
static int
civil_from_days(long long days, int *yp, int *mp, int *dp)
{
	long long y, doy;
	int m;

	if (days < year_start(YEAR_MIN) || days >= year_start(YEAR_MAX + 1))
		return -1;
	y = 1970 + floor_div(days, 365);
	while (y > YEAR_MIN && year_start(y) > days)
		y--;
	while (year_start(y + 1) <= days)
		y++;
	doy = days - year_start(y);
	for (m = 12; m > 1; m--)
		if (doy >= month_start[m - 1] + (m > 2 && is_leap(y)))
			break;
	*yp = (int)y;
	*mp = m;
	*dp = (int)(doy - month_start[m - 1] - (m > 2 && is_leap(y))) + 1;
	return 0;
}

static int
weekday(long long days)
{
	return (int)(days - 7 * floor_div(days + 4, 7) + 4);
}

int
sm_date_timegm(int year, int mon, int mday, int hour, int min, int sec,
    time_t *tp)
{
	if (year < YEAR_MIN || year > YEAR_MAX || mon < 1 || mon > 12 ||
	    mday < 1 || mday > month_days(year, mon) || hour < 0 ||
	    hour > 23 || min < 0 || min > 59 || sec < 0 || sec > 60) {
		errno = EINVAL;
		return -1;
	}
	*tp = (time_t)(days_from_civil(year, mon, mday) * DAY_SECS +
	    hour * 3600 + min * 60 + sec);
	return 0;
}

/* ---- formatting ------------------------------------------------------ */

/* N is what snprintf returned for a SIZE buffer: -1 with ERANGE if the
 * text did not fit. */
static int
put(size_t size, int n)
{
	if (n < 0 || (size_t)n >= size) {
		errno = ERANGE;
		return -1;
	}
	return 0;
}

int
sm_arpadate(time_t t, char *buf, size_t size)
{
	struct tm tm;
	long long off;
	int n;

	if (localtime_r(&t, &tm) == NULL) {
		errno = EOVERFLOW;
		return -1;
	}
	/* minute-truncated local clock minus minute-truncated UTC clock */
	off = floor_div((long long)t + tm.tm_gmtoff, 60) -
	    floor_div((long long)t, 60);
	if (off >= 24 * 60 || off <= -24 * 60)	/* sendmail's clamp */
		off = off < 0 ? -(23 * 60 + 59) : 23 * 60 + 59;
	n = snprintf(buf, size, "%s, %d %s %d %02d:%02d:%02d ",
	    wday_name[tm.tm_wday], tm.tm_mday, month_name[tm.tm_mon],
	    tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
	if (put(size, n) < 0)
		return -1;
	if (off == 0)
		return put(size, n + snprintf(buf + n, size - (size_t)n,
		    "GMT"));
	return put(size, n + snprintf(buf + n, size - (size_t)n,
	    "%c%02lld%02lld", off < 0 ? '-' : '+', (off < 0 ? -off : off) / 60,
	    (off < 0 ? -off : off) % 60));
}

int
sm_date_ctime(time_t t, char *buf, size_t size)
{
	struct tm tm;

	if (localtime_r(&t, &tm) == NULL) {
		errno = EOVERFLOW;
		return -1;
	}
	return put(size, snprintf(buf, size,
	    "%s %s %2d %02d:%02d:%02d %d", wday_name[tm.tm_wday],
	    month_name[tm.tm_mon], tm.tm_mday, tm.tm_hour, tm.tm_min,
	    tm.tm_sec, tm.tm_year + 1900));
}

int
sm_date_format(time_t t, int zone, char *buf, size_t size)
{
	long long local, days, secs;
	int y, m, d, az = zone < 0 ? -zone : zone;

	if (zone < -ZONE_MAX || zone > ZONE_MAX) {
		errno = EINVAL;
		return -1;
	}
	/* beyond year 9999 anyway; keeps the addition from overflowing */
	if ((long long)t > (1LL << 50) || (long long)t < -(1LL << 50)) {
		errno = EOVERFLOW;
		return -1;
	}
	local = (long long)t + zone * 60LL;
	days = floor_div(local, DAY_SECS);
	secs = local - days * DAY_SECS;
	if (civil_from_days(days, &y, &m, &d) < 0) {
		errno = EOVERFLOW;
		return -1;
	}
	return put(size, snprintf(buf, size,
	    "%s, %d %s %04d %02lld:%02lld:%02lld %c%02d%02d",
	    wday_name[weekday(days)], d, month_name[m - 1], y, secs / 3600,
	    secs / 60 % 60, secs % 60, zone < 0 ? '-' : '+', az / 60,
	    az % 60));
}

/* ---- parsing ----------------------------------------------------------- */

#define MAX_NEST	32	/* comment nesting we follow */

struct cursor {
	const unsigned char *p, *end;
	const char	*why;		/* reason of the first failure */
	int		comment;	/* a comment was skipped */
};

struct fields {
	int	wday;			/* -1: not given */
	int	mday, mon, year, hour, min, sec;
	int	ydigits;
	int	zone, zone_unknown;
	int	obs;
};

static int
fail(struct cursor *c, const char *why)
{
	if (c->why == NULL)
		c->why = why;
	return -1;
}

static int
at_end(const struct cursor *c)
{
	return c->p >= c->end;
}

static int
is_wsp(int ch)
{
	return ch == ' ' || ch == '\t';
}

static int
is_alpha(int ch)
{
	return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
}

/* A line break (CRLF, or LF alone as in local files): a fold when white
 * space follows, acceptable at the very end, an error otherwise. */
static int
line_break(struct cursor *c)
{
	if (*c->p == '\r') {
		c->p++;
		if (at_end(c) || *c->p != '\n')
			return fail(c, "bare CR");
	}
	c->p++;
	if (at_end(c) || is_wsp(*c->p))
		return 0;
	return fail(c, "line break not followed by white space");
}

/* A comment, nested ones and quoted pairs included; c->p is at "(". */
static int
comment(struct cursor *c)
{
	int depth = 0;

	c->comment = 1;
	do {
		if (at_end(c))
			return fail(c, "unterminated comment");
		switch (*c->p) {
		case '\\':
			if (++c->p == c->end)
				return fail(c, "unterminated comment");
			break;
		case '(':
			if (++depth > MAX_NEST)
				return fail(c, "comments nested too deeply");
			break;
		case ')':
			depth--;
			break;
		case '\r':
		case '\n':
			if (line_break(c) < 0)
				return -1;
			continue;
		case '\0':
			return fail(c, "NUL in comment");
		}
		c->p++;
	} while (depth > 0);
	return 0;
}

/* Skip CFWS.  Returns 1 if anything was skipped, 0 if not, -1 on error. */
static int
gap(struct cursor *c)
{
	const unsigned char *start = c->p;

	while (!at_end(c)) {
		if (is_wsp(*c->p))
			c->p++;
		else if (*c->p == '\r' || *c->p == '\n') {
			if (line_break(c) < 0)
				return -1;
		} else if (*c->p == '(') {
			if (comment(c) < 0)
				return -1;
		} else
			break;
	}
	return c->p != start;
}

/* A run of digits: returns how many (0: none); *vp holds the value of the
 * first nine, so callers can bound by count without overflow. */
static int
digits(struct cursor *c, int *vp)
{
	int n = 0, v = 0;

	while (!at_end(c) && *c->p >= '0' && *c->p <= '9') {
		if (n < 9)
			v = v * 10 + (*c->p - '0');
		n++;
		c->p++;
	}
	*vp = v;
	return n;
}

/* A run of letters: its length; the first size-1 go to buf. */
static size_t
word(struct cursor *c, char *buf, size_t size)
{
	size_t n = 0;

	while (!at_end(c) && is_alpha(*c->p)) {
		if (n + 1 < size)
			buf[n] = (char)*c->p;
		n++;
		c->p++;
	}
	buf[n < size ? n : size - 1] = '\0';
	return n;
}

/* Index of NAME in the three-letter table, case-insensitively, or -1. */
static int
lookup3(const char *name, size_t len, const char *const *tab, int n)
{
	int i;

	if (len != 3)
		return -1;
	for (i = 0; i < n; i++)
		if (strcasecmp(name, tab[i]) == 0)
			return i;
	return -1;
}

/* Exactly two digits, for hour, minute and second. */
static int
two_digits(struct cursor *c, int *vp, const char *what)
{
	if (digits(c, vp) != 2)
		return fail(c, what);
	return 0;
}

/* [ day-of-week "," ] */
static int
parse_wday(struct cursor *c, struct fields *f)
{
	char name[8];
	size_t n;
	int g;

	f->wday = -1;
	if (gap(c) < 0 || at_end(c) || !is_alpha(*c->p))
		return c->why ? -1 : 0;
	n = word(c, name, sizeof(name));
	f->wday = lookup3(name, n, wday_name, 7);
	if (f->wday < 0)
		return fail(c, "unknown day of week");
	if ((g = gap(c)) < 0)
		return -1;
	f->obs |= g;		/* obs-day-of-week: CFWS before the comma */
	if (at_end(c) || *c->p != ',')
		return fail(c, "no comma after the day of week");
	c->p++;
	return 0;
}

/* day month year */
static int
parse_date(struct cursor *c, struct fields *f)
{
	char name[8];
	size_t n;
	int nd, g;

	if (gap(c) < 0)
		return -1;
	nd = digits(c, &f->mday);
	if (nd == 0)
		return fail(c, "no day of month");
	if (nd > 2)
		return fail(c, "day of month has more than two digits");
	if ((g = gap(c)) < 0)
		return -1;
	f->obs |= !g;
	n = word(c, name, sizeof(name));
	if (n == 0)
		return fail(c, "no month");
	f->mon = lookup3(name, n, month_name, 12) + 1;
	if (f->mon == 0)
		return fail(c, "unknown month");
	if ((g = gap(c)) < 0)
		return -1;
	f->obs |= !g;
	f->ydigits = digits(c, &f->year);
	if (f->ydigits == 0)
		return fail(c, "no year");
	if (f->ydigits == 1)
		return fail(c, "one-digit year");
	if (f->ydigits > 9)
		return fail(c, "year out of range");
	/* RFC 5322 section 4.3 */
	if (f->ydigits == 2)
		f->year += f->year < 50 ? 2000 : 1900;
	else if (f->ydigits == 3)
		f->year += 1900;
	return 0;
}

/* hour ":" minute [ ":" second ], CFWS allowed around the colons (obs) */
static int
parse_time(struct cursor *c, struct fields *f)
{
	const unsigned char *start;
	int g, g2, comment_seen;

	if ((g = gap(c)) < 0)
		return -1;
	f->obs |= !g;
	if (at_end(c))
		return fail(c, "no time of day");
	if (two_digits(c, &f->hour, "hour is not two digits") < 0)
		return -1;
	if ((g = gap(c)) < 0)
		return -1;
	if (at_end(c) || *c->p != ':')
		return fail(c, "no colon after the hour");
	c->p++;
	if ((g |= gap(c)) < 0 ||
	    two_digits(c, &f->min, "minute is not two digits") < 0)
		return -1;
	f->sec = 0;
	start = c->p;
	comment_seen = c->comment;
	if ((g2 = gap(c)) < 0)
		return -1;
	if (at_end(c) || *c->p != ':') {
		/* no seconds: leave the white space to the zone */
		c->p = start;
		c->comment = comment_seen;
		f->obs |= g;
		return 0;
	}
	c->p++;
	if ((g |= g2 | gap(c)) < 0 ||
	    two_digits(c, &f->sec, "second is not two digits") < 0)
		return -1;
	f->obs |= g;
	return 0;
}

/* The named zones of RFC 5322 section 4.3, minutes east of UTC. */
static const struct {
	const char	*name;
	int		zone;
} zone_names[] = {
	{ "UT", 0 }, { "GMT", 0 },
	{ "EST", -5 * 60 }, { "EDT", -4 * 60 },
	{ "CST", -6 * 60 }, { "CDT", -5 * 60 },
	{ "MST", -7 * 60 }, { "MDT", -6 * 60 },
	{ "PST", -8 * 60 }, { "PDT", -7 * 60 },
};

/* An alphabetic zone: named, military letter or unknown (both "-0000"). */
static int
alpha_zone(struct cursor *c, struct fields *f)
{
	char name[8];
	size_t i, n = word(c, name, sizeof(name));

	f->obs = 1;
	for (i = 0; i < sizeof(zone_names) / sizeof(zone_names[0]); i++)
		if (strcasecmp(name, zone_names[i].name) == 0) {
			f->zone = zone_names[i].zone;
			return 0;
		}
	/* military letters: A-I, K-Z, either case; J is not one */
	if ((n == 1 && name[0] != 'J' && name[0] != 'j') || (n >= 3 && n <= 5)) {
		f->zone = 0;
		f->zone_unknown = 1;
		return 0;
	}
	return fail(c, "unknown zone");
}

static int
parse_zone(struct cursor *c, struct fields *f)
{
	int sign, v, g;

	if ((g = gap(c)) < 0)
		return -1;
	f->obs |= !g;
	if (at_end(c))
		return fail(c, "no zone");
	if (is_alpha(*c->p))
		return alpha_zone(c, f);
	if (*c->p != '+' && *c->p != '-')
		return fail(c, "no zone");
	sign = *c->p++ == '-' ? -1 : 1;
	if (digits(c, &v) != 4)
		return fail(c, "zone is not four digits");
	if (v % 100 > 59)
		return fail(c, "zone minutes out of range");
	f->zone = sign * (v / 100 * 60 + v % 100);
	f->zone_unknown = sign < 0 && v == 0;
	return 0;
}

/* Range checks, the instant, the day of week. */
static int
resolve(struct cursor *c, const struct fields *f, struct sm_date *dp)
{
	time_t local;
	long long days;

	if (f->year < 1900)
		return fail(c, "year before 1900");
	if (f->year > YEAR_MAX)
		return fail(c, "year out of range");
	if (f->mday < 1 || f->mday > month_days(f->year, f->mon))
		return fail(c, "day out of range for the month");
	if (f->hour > 23 || f->min > 59 || f->sec > 60)
		return fail(c, "time of day out of range");
	(void)sm_date_timegm(f->year, f->mon, f->mday, f->hour, f->min,
	    f->sec, &local);
	days = days_from_civil(f->year, f->mon, f->mday);
	if (f->wday >= 0 && f->wday != weekday(days))
		return fail(c, "day of week does not match the date");
	/* 9999-12-31 23:59:60 is a second too far to write back */
	if ((long long)local >= year_start(YEAR_MAX + 1) * DAY_SECS)
		return fail(c, "year out of range");
	dp->d_time = local - (time_t)f->zone * 60;
	dp->d_zone = f->zone;
	dp->d_zone_unknown = f->zone_unknown;
	dp->d_obsolete = f->obs || f->ydigits < 4;
	return 0;
}

int
sm_date_parse(const char *s, size_t len, struct sm_date *dp,
    const char **errp)
{
	struct cursor c;
	struct fields f;
	int rc;

	memset(&f, 0, sizeof(f));
	c.p = (const unsigned char *)s;
	c.end = c.p + len;
	c.why = NULL;
	c.comment = 0;
	rc = parse_wday(&c, &f);
	if (rc == 0)
		rc = parse_date(&c, &f);
	if (rc == 0)
		rc = parse_time(&c, &f);
	if (rc == 0)
		rc = parse_zone(&c, &f);
	f.obs |= c.comment;	/* comments before the end of the zone */
	/* the zone ends the date-time: only CFWS may follow */
	if (rc == 0 && (rc = gap(&c)) >= 0 && !at_end(&c))
		rc = fail(&c, "garbage after the zone");
	if (rc >= 0)
		rc = resolve(&c, &f, dp);
	if (rc < 0 && errp != NULL)
		*errp = c.why != NULL ? c.why : "malformed date";
	return rc < 0 ? -1 : 0;
}

long long
sm_date_monotonic_ms(void)
{
	struct timespec ts;

	(void)clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}
