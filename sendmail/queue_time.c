/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * queue_time.c -- the queue's decisions on times and priorities, as pure
 * functions: when a message is too young for a queue run (MinQueueAge,
 * MaxQueueAge), when to warn the sender (Timeout.queuewarn) and when to
 * give up (Timeout.queuereturn), which timeout class a message has, when
 * a high load average holds a message (QueueLA, QueueFactor), the
 * priority P and its growth per run, and sendmail's way of printing an
 * interval ("4 hours", "00:00:05").
 *
 *	queue_timeouts_conf queue_toclass queue_age_check queue_warn_ok
 *	queue_too_young queue_shouldqueue queue_priority
 *	queue_priority_retry queue_interval queue_warn_text
 *	queue_return_text
 *
 * The rules are sendmail 8.17's (its queue.c gatherq/readqf, envelope.c
 * dropenvelope, headers.c eatheader, conf.c shouldqueue).  No I/O, no
 * clock: callers pass NOW.  Any process.
 */
#include "sendmail/queue.h"

#include "sendmail/conf.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

void
queue_timeouts_conf(struct queue_timeouts *t, const struct conf *cf)
{
	t->qt_warn[QUEUE_TOC_NORMAL] = cf->co_timeout_queuewarn_normal;
	t->qt_warn[QUEUE_TOC_URGENT] = cf->co_timeout_queuewarn_urgent;
	t->qt_warn[QUEUE_TOC_NONURGENT] = cf->co_timeout_queuewarn_nonurgent;
	t->qt_warn[QUEUE_TOC_DSN] = cf->co_timeout_queuewarn_dsn;
	t->qt_return[QUEUE_TOC_NORMAL] = cf->co_timeout_queuereturn_normal;
	t->qt_return[QUEUE_TOC_URGENT] = cf->co_timeout_queuereturn_urgent;
	t->qt_return[QUEUE_TOC_NONURGENT] =
	    cf->co_timeout_queuereturn_nonurgent;
	t->qt_return[QUEUE_TOC_DSN] = cf->co_timeout_queuereturn_dsn;
}

enum queue_toclass
queue_toclass(int precedence, const char *priority, bool response)
{
	enum queue_toclass c = QUEUE_TOC_NORMAL;

	if (precedence < 0)
		c = QUEUE_TOC_NONURGENT;
	else if (precedence > 0)
		c = QUEUE_TOC_URGENT;
	if (priority != NULL && strcasecmp(priority, "urgent") == 0)
		c = QUEUE_TOC_URGENT;
	else if (priority != NULL && strcasecmp(priority, "normal") == 0)
		c = QUEUE_TOC_NORMAL;
	else if (priority != NULL && strcasecmp(priority, "non-urgent") == 0)
		c = QUEUE_TOC_NONURGENT;
	else if (response)
		c = QUEUE_TOC_DSN;
	return c;
}

/* T + D without overflow (a huge timeout means "never"). */
static bool
reached(time_t now, time_t t, time_t d)
{
	if (d > 0 && t > (time_t)(LLONG_MAX - d))
		return false;
	return now >= t + d;
}

enum queue_age
queue_age_check(const struct queue_timeouts *t, enum queue_toclass toc,
    time_t ctime, time_t now, unsigned qfflags)
{
	time_t ret, warn;

	if ((int)toc < 0 || toc >= QUEUE_TOC_N)
		toc = QUEUE_TOC_NORMAL;
	ret = t->qt_return[toc];
	warn = t->qt_warn[toc];
	if (ret == CONF_TIME_NOW || reached(now, ctime, ret))
		return QUEUE_AGE_RETURN;
	if (warn > 0 && reached(now, ctime, warn) &&
	    (qfflags & (QUEUE_F_WARNING | QUEUE_F_RESPONSE)) == 0)
		return QUEUE_AGE_WARN;
	return QUEUE_AGE_OK;
}

bool
queue_warn_ok(const char *sender, int precedence)
{
	size_t n;

	if (precedence < 0 || sender == NULL || strcmp(sender, "<>") == 0 ||
	    strncasecmp(sender, "owner-", 6) == 0)
		return false;
	n = strlen(sender);
	return n <= 8 || strcasecmp(sender + n - 8, "-request") != 0;
}

bool
queue_too_young(time_t now, time_t ctime, time_t dtime, int ntries,
    time_t minage, time_t maxage)
{
	time_t delay;

	if (ntries == 0)
		return false;
	if (maxage > 0) {
		delay = dtime - ctime < maxage ? dtime - ctime : maxage;
		return now - dtime < delay;
	}
	return now - dtime >= 0 && minage > 0 && now - dtime < minage;
}

bool
queue_shouldqueue(long pri, int la, int queuela, long queuefactor)
{
	if (la < 0 || la < queuela)
		return false;
	return pri > queuefactor / (la - queuela + 1);
}

/* A + B, saturating. */
static long
sat_add(long a, long b)
{
	if (b > 0 && a > LONG_MAX - b)
		return LONG_MAX;
	if (b < 0 && a < LONG_MIN - b)
		return LONG_MIN;
	return a + b;
}

/* A * B, saturating. */
static long
sat_mul(long a, long b)
{
	long r;

	if (__builtin_mul_overflow(a, b, &r))
		return (a < 0) != (b < 0) ? LONG_MIN : LONG_MAX;
	return r;
}

long
queue_priority(long msgsize, int precedence, int nrcpts, long classfactor,
    long recipfactor)
{
	return sat_add(sat_add(msgsize, sat_mul(-(long)precedence, classfactor)),
	    sat_mul(nrcpts, recipfactor));
}

long
queue_priority_retry(long pri, long retryfactor)
{
	return sat_add(pri, retryfactor);
}

/* Append ", N unit[s]" when N > 0. */
static void
part(char *buf, size_t size, long long n, const char *unit)
{
	size_t l = strlen(buf);

	if (n > 0 && l < size)
		(void)snprintf(buf + l, size - l, ", %lld %s%s", n, unit,
		    n == 1 ? "" : "s");
}

char *
queue_interval(time_t secs, bool brief, char *buf, size_t size)
{
	long long t = secs, se, mi, hr, dy, wk;

	if (size == 0)
		return buf;
	buf[0] = '\0';
	if (t == CONF_TIME_NOW) {
		(void)snprintf(buf, size, "too long");
		return buf;
	}
	if (t == 0 && !brief) {
		(void)snprintf(buf, size, "zero seconds");
		return buf;
	}
	se = t % 60;
	mi = t / 60 % 60;
	hr = t / 3600 % 24;
	dy = t / 86400;
	if (brief) {
		if (dy > 0)
			(void)snprintf(buf, size, "%lld+", dy);
		(void)snprintf(buf + strlen(buf), size - strlen(buf),
		    "%02lld:%02lld:%02lld", hr, mi, se);
		return buf;
	}
	wk = dy / 7;
	dy %= 7;
	part(buf, size, wk, "week");
	part(buf, size, dy, "day");
	part(buf, size, hr, "hour");
	part(buf, size, mi, "minute");
	part(buf, size, se, "second");
	/* drop the leading ", " */
	if (strlen(buf) >= 2)
		memmove(buf, buf + 2, strlen(buf + 2) + 1);
	return buf;
}

char *
queue_warn_text(time_t warn, char *buf, size_t size)
{
	char iv[64];

	(void)snprintf(buf, size, "Warning: could not send message for past %s",
	    queue_interval(warn, false, iv, sizeof(iv)));
	return buf;
}

char *
queue_return_text(time_t ret, char *buf, size_t size)
{
	char iv[64];

	(void)snprintf(buf, size, "Cannot send message for %s",
	    queue_interval(ret, false, iv, sizeof(iv)));
	return buf;
}
