/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * dsn.c -- compose a delivery status notification (RFC 3464) with the
 * layout of sendmail 8.17's bounces.  See dsn.h.
 *
 * Public: dsn_build, dsn_build_final, dsn_build_xscript.
 * Runs in the delivery process as the daemon's user.
 */
#include "sendmail/dsn.h"

#include "libsm/date.h"
#include "libsm/err.h"
#include "sendmail/collect.h"
#include "sendmail/headers.h"
#include "sendmail/macro.h"
#include "sendmail/mailer.h"
#include "sendmail/readcf.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/* The macros dsn_build sets for the DSN's headers, restored after. */
static const int dsn_macro_ids[] = {
	'g', 'x', 'u', 's', '_', 'r', 'a', 'b', 't'
};
#define DSN_NMACROS	(sizeof(dsn_macro_ids) / sizeof(dsn_macro_ids[0]))

/* The pre-expansion address of recipient I, or NULL. */
#define DSN_FINAL(final, i)	((final) == NULL ? NULL : (final)[i])

static void
dsn_macros_save(char **saved)
{
	size_t i;
	const char *v;

	for (i = 0; i < DSN_NMACROS; i++) {
		v = macro_get(dsn_macro_ids[i]);
		saved[i] = v == NULL ? NULL : sm_strdup_x(v);
	}
}

static void
dsn_macros_restore(char **saved)
{
	size_t i;

	for (i = 0; i < DSN_NMACROS; i++) {
		macro_set(dsn_macro_ids[i], saved[i]);
		free(saved[i]);
	}
}

/* The value of macro NAME ("s", "{daemon_flags}") saved in QF, or NULL. */
static const char *
dsn_qf_macro(const struct queue_file *qf, const char *name)
{
	size_t i;

	for (i = 0; i < qf->qf_nmacros; i++)
		if (strcmp(qf->qf_macros[i].qv_name, name) == 0)
			return qf->qf_macros[i].qv_value;
	return NULL;
}

/* Append S to OUT with every byte that is not printable ASCII (or a tab)
 * shown as '?': a client's bytes never reach the report raw. */
static void
dsn_add_safe(SM_STR *out, const char *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		(void)sm_str_addc(out, (c >= 0x20 && c < 0x7f) || c == '\t' ?
		    (int)c : '?');
	}
}

/* ADDR without the angle brackets around it, into OUT. */
static void
dsn_strip_angles(SM_STR *out, const char *addr)
{
	size_t len = strlen(addr);

	if (len >= 2 && addr[0] == '<' && addr[len - 1] == '>')
		(void)sm_str_add(out, addr + 1, len - 2);
	else
		(void)sm_str_adds(out, addr);
}

/* ADDR qualified with @$j when it has no domain, safe, into OUT. */
static void
dsn_add_qualified(SM_STR *out, const char *addr)
{
	SM_STR *a = sm_str_new(0);
	const char *j = macro_get('j');

	dsn_strip_angles(a, addr);
	dsn_add_safe(out, sm_str_data(a));
	if (strchr(sm_str_data(a), '@') == NULL && j != NULL && *j != '\0') {
		(void)sm_str_addc(out, '@');
		dsn_add_safe(out, j);
	}
	sm_str_free(a);
}

static void
dsn_add_date(SM_STR *out, const char *name, time_t t)
{
	char buf[64];

	if (sm_arpadate(t, buf, sizeof(buf)) < 0)
		buf[0] = '\0';
	(void)sm_str_addf(out, "%s: %s\n", name, buf);
}

/* ---- the envelope and the headers -------------------------------------- */

/* Who gets the DSN: ORIG's sender, or the postmaster for a message that
 * is itself a DSN or has no sender. */
static void
dsn_recipient(const struct queue_file *orig, SM_STR *to)
{
	const char *s = orig->qf_sender;

	if (s == NULL || (orig->qf_flags & QUEUE_F_RESPONSE) ||
	    strcmp(s, "<>") == 0 || *s == '\0' ||
	    strcasecmp(s, "MAILER-DAEMON") == 0)
		(void)sm_str_sets(to, "postmaster");
	else	/* as the S line has it, "<a@b>" included (recorded) */
		dsn_add_safe(to, s);
}

/* An interval as sendmail words it: "4 hours", "1 day, 2 hours",
 * "1 second". */
static void
dsn_interval(char *buf, size_t size, time_t t)
{
	static const struct {
		const char *unit;
		long secs;
	} u[] = { { "day", 86400 }, { "hour", 3600 }, { "minute", 60 },
	    { "second", 1 } };
	size_t i, len = 0;
	long v, left = t < 0 ? 0 : (long)t;

	buf[0] = '\0';
	for (i = 0; i < sizeof(u) / sizeof(u[0]) && len < size; i++) {
		v = left / u[i].secs;
		left %= u[i].secs;
		if (v == 0 && !(i == 3 && len == 0))
			continue;
		len += (size_t)snprintf(buf + len, size - len, "%s%ld %s%s",
		    len == 0 ? "" : ", ", v, u[i].unit, v == 1 ? "" : "s");
	}
}

static const char *
dsn_subject(enum dsn_kind kind, char *buf, size_t size)
{
	const struct conf *co = &readcf_config()->cf_conf;
	char iv[64];

	switch (kind) {
	case DSN_DELAYED:
		dsn_interval(iv, sizeof(iv), co->co_timeout_queuewarn_normal);
		(void)snprintf(buf, size, "Warning: could not send message "
		    "for past %s", iv);
		return buf;
	case DSN_SUCCESS:
		return "Return receipt";
	default:
		return "Returned mail: see transcript for details";
	}
}

/* A collected-field list entry. */
static struct collect_hdr *
dsn_field(struct collect_hdr *h, struct collect_hdr *next, const char *name,
    const char *value)
{
	h->h_link = next;
	h->h_field = (char *)name;
	h->h_value = (char *)value;
	return h;
}

/* The envelope of the DSN: flags, macros, sender, the one recipient
 * (its address into TO). */
static void
dsn_envelope(const struct queue_file *orig, enum dsn_kind kind,
    struct queue_file *out, time_t now, SM_STR *to)
{
	SM_STR *rq = sm_str_new(0);
	struct queue_rcpt *r;
	const char *df;

	out->qf_ctime = now;
	out->qf_flags |= QUEUE_F_RESPONSE | QUEUE_F_SPLIT;
	/* a receipt, or a report on a RET=HDRS message, returns only the
	 * header, and says so in its own qf (recorded "Frns") */
	if (kind == DSN_SUCCESS || (orig->qf_flags & QUEUE_F_NOBODYRET))
		out->qf_flags |= QUEUE_F_NOBODYRET;
	queue_file_set_macro(out, "_", "localhost");
	queue_file_set_macro(out, "r", "");
	queue_file_set_macro(out, "s", "localhost");
	df = dsn_qf_macro(orig, "{daemon_flags}");
	if (df != NULL)
		queue_file_set_macro(out, "{daemon_flags}", df);
	out->qf_sender = queue_file_strdup(out, "MAILER-DAEMON");
	dsn_recipient(orig, to);
	r = queue_file_add_rcpt(out, sm_str_data(to),
	    QUEUE_R_PRIMARY | QUEUE_R_FAILURE);
	(void)sm_str_adds(rq, "RFC822; ");
	dsn_add_qualified(rq, sm_str_data(to));
	r->qr_final = queue_file_strdup(out, sm_str_data(rq));
	sm_str_free(rq);
}

/* The macros the cf's templates read, as a DSN made at NOW has them. */
static void
dsn_macros_set(time_t now)
{
	char date[64];
	struct tm tm;

	macro_set('g', "MAILER-DAEMON");
	macro_set('x', "Mail Delivery Subsystem");
	macro_set('u', NULL);
	macro_set('s', "localhost");
	macro_set('_', "localhost");
	macro_set('r', NULL);
	if (sm_arpadate(now, date, sizeof(date)) == 0) {
		macro_set('a', date);
		macro_set('b', date);
	}
	if (gmtime_r(&now, &tm) != NULL &&
	    strftime(date, sizeof(date), "%Y%m%d%H%M", &tm) > 0)
		macro_set('t', date);
}

/* Envelope and header of the DSN into OUT; BOUNDARY gets its boundary. */
static void
dsn_head(const struct queue_file *orig, enum dsn_kind kind,
    struct queue_file *out, SM_STR *boundary)
{
	struct collect_hdr f[5];
	char subj[160], auto_sub[64], tmp[128];
	const char *id = macro_get('i'), *j = macro_get('j');
	SM_STR *to = sm_str_new(0), *ct = sm_str_new(0), *rq = sm_str_new(0);
	time_t now = time(NULL);

	(void)sm_str_addf(boundary, "%s.%lld/%s", id == NULL ? "" : id,
	    (long long)now, j == NULL ? "" : j);
	dsn_envelope(orig, kind, out, now, to);
	dsn_macros_set(now);
	(void)sm_str_addf(ct, " multipart/report; "
	    "report-type=delivery-status;\n\tboundary=\"%s\"",
	    sm_str_data(boundary));
	(void)sm_str_set(rq, " ", 1);
	(void)sm_str_adds(rq, sm_str_data(to));
	(void)snprintf(auto_sub, sizeof(auto_sub), " auto-generated (%s)",
	    kind == DSN_FAILED ? "failure" : kind == DSN_DELAYED ?
	    "warning-timeout" : "return-receipt");
	(void)snprintf(subj, sizeof(subj), " %s",
	    dsn_subject(kind, tmp, sizeof(tmp)));
	(void)dsn_field(&f[0], &f[1], "To", sm_str_data(rq));
	(void)dsn_field(&f[1], &f[2], "MIME-Version", " 1.0");
	(void)dsn_field(&f[2], &f[3], "Content-Type", sm_str_data(ct));
	(void)dsn_field(&f[3], &f[4], "Subject", subj);
	(void)dsn_field(&f[4], NULL, "Auto-Submitted", auto_sub);
	(void)hdr_submit(out, f, 0, NULL);
	out->qf_flags &= ~QUEUE_F_DELETEBCC;	/* "Frs": none on a DSN */
	sm_str_free(to);
	sm_str_free(ct);
	sm_str_free(rq);
}

/* ---- the body ------------------------------------------------------------ */

static const char *
dsn_default_action(enum dsn_kind kind)
{
	return kind == DSN_FAILED ? "failed" : kind == DSN_DELAYED ?
	    "delayed" : "delivered";
}

static const char *
dsn_default_status(enum dsn_kind kind)
{
	return kind == DSN_FAILED ? "5.0.0" : kind == DSN_DELAYED ?
	    "4.0.0" : "2.0.0";
}

/* "550 5.1.1 User unknown" for ADDR as a transcript line:
 * "550 5.1.1 ADDR... User unknown" (sendmail's layout). */
static void
dsn_transcript_line(SM_STR *b, const char *addr, const char *d)
{
	size_t pre = 0;
	char *head;

	if (strlen(d) >= 4 && d[0] >= '2' && d[0] <= '5' && d[3] == ' ') {
		pre = 4;
		if (d[4] >= '2' && d[4] <= '5' && d[5] == '.') {
			const char *sp = strchr(d + 4, ' ');

			pre = sp == NULL ? strlen(d) : (size_t)(sp - d + 1);
		}
	}
	head = sm_strndup_x(d, pre);
	dsn_add_safe(b, head);
	free(head);
	dsn_add_safe(b, addr);
	(void)sm_str_adds(b, "... ");
	dsn_add_safe(b, d + pre);
	(void)sm_str_addc(b, '\n');
}

/*
 * The reply code sendmail's transcript gives a mailer's exit code CODE
 * (decimal, dr_code): its table of sysexits texts carries one per code.
 * Recorded: 67 (EX_NOUSER) -> "550 5.1.1 \"|exit 67\"... User unknown";
 * the others as that table has them; unknown codes 554.
 */
static const char *
dsn_exit_reply(const char *code)
{
	static const char *const reply[] = {
		"500", "501", "550", "550", "550", "554", "554", "451",
		"554", "550", "451", "450", "554", "550", "554"
	};
	long ex = strtol(code, NULL, 10);

	return ex >= 64 && ex <= 78 ? reply[ex - 64] : "554";
}

/* One transcript line of R: a mailer's exit code gets its reply code
 * and the status in front, as sendmail's transcript has them. */
static void
dsn_transcript_rcpt(SM_STR *b, const struct dsn_rcpt *r)
{
	SM_STR *d;

	if (r->dr_code == NULL || r->dr_status == NULL ||
	    (r->dr_diag[0] >= '2' && r->dr_diag[0] <= '5' &&
	    strlen(r->dr_diag) >= 4 && r->dr_diag[3] == ' ')) {
		dsn_transcript_line(b, r->dr_addr, r->dr_diag);
		return;
	}
	d = sm_str_new(0);
	(void)sm_str_addf(d, "%s %s %s", dsn_exit_reply(r->dr_code),
	    r->dr_status, r->dr_diag);
	dsn_transcript_line(b, r->dr_addr, sm_str_data(d));
	sm_str_free(d);
}

/* The opening words of the text part. */
static void
dsn_text_intro(SM_STR *b, const struct queue_file *orig, enum dsn_kind kind)
{
	char date[64];
	const char *from = dsn_qf_macro(orig, "_");

	if (kind == DSN_DELAYED)
		(void)sm_str_adds(b, "\n    *** Only a warning: nothing to do "
		    "yet, the message is still queued. ***\n");
	if (sm_arpadate(orig->qf_ctime, date, sizeof(date)) < 0)
		date[0] = '\0';
	(void)sm_str_adds(b, "\nThis report is about your message accepted "
	    "on ");
	(void)sm_str_adds(b, date);
	if (from != NULL && *from != '\0') {
		(void)sm_str_adds(b, "\nsubmitted by ");
		dsn_add_safe(b, from);
	}
	(void)sm_str_adds(b, kind == DSN_FAILED ?
	    ".\nIt could not be delivered to every recipient.\n\n" :
	    kind == DSN_DELAYED ? ".\nIts delivery is taking longer than "
	    "expected.\n\n" : ".\nIt was delivered as you asked.\n\n");
}

/* One recipient in the list of the text part. */
static void
dsn_text_rcpt(SM_STR *b, const struct dsn_rcpt *r, const char *final,
    enum dsn_kind kind)
{
	dsn_add_safe(b, r->dr_addr);
	if (kind == DSN_SUCCESS) {
		(void)sm_str_adds(b, "  (delivered)\n");
		return;
	}
	(void)sm_str_addc(b, '\n');
	if (r->dr_diag != NULL) {
		(void)sm_str_adds(b, "    (reason: ");
		dsn_add_safe(b, r->dr_diag);
		(void)sm_str_adds(b, ")\n");
	}
	/* recorded: "(expanded from: <fails@mta.example.org>)", the
	 * address as the client gave it, not the r line's "RFC822; ..." */
	if (r->dr_expfrom != NULL)
		final = r->dr_expfrom;
	if (final != NULL && strcmp(final, r->dr_addr) != 0) {
		(void)sm_str_adds(b, "    (expanded from: ");
		dsn_add_safe(b, final);
		(void)sm_str_adds(b, ")\n");
	}
}

/* The transcript XS as it is, each byte that is neither printable nor a
 * line end shown as '?', ending in a newline. */
static void
dsn_transcript_raw(SM_STR *b, const char *xs)
{
	const char *nl;

	while (*xs != '\0') {
		char *line;

		nl = strchr(xs, '\n');
		line = sm_strndup_x(xs, nl == NULL ? strlen(xs) :
		    (size_t)(nl - xs));
		dsn_add_safe(b, line);
		(void)sm_str_addc(b, '\n');
		free(line);
		xs = nl == NULL ? xs + strlen(xs) : nl + 1;
	}
}

/* The human-readable part (after its boundary line). */
static void
dsn_text(SM_STR *b, const struct queue_file *orig, const struct dsn_rcpt *r,
    const char *const *final, size_t n, enum dsn_kind kind, const char *xs)
{
	const struct conf *co = &readcf_config()->cf_conf;
	char iv[80];
	size_t i;
	bool diag = false;

	dsn_text_intro(b, orig, kind);
	if (kind != DSN_DELAYED) {
		(void)sm_str_adds(b, kind == DSN_FAILED ?
		    "   ----- The following addresses had permanent fatal "
		    "errors -----\n" : "   ----- The following addresses "
		    "had successful delivery notifications -----\n");
		for (i = 0; i < n; i++)
			dsn_text_rcpt(b, &r[i], DSN_FINAL(final, i), kind);
		(void)sm_str_addc(b, '\n');
	}
	for (i = 0; i < n; i++)
		diag = diag || r[i].dr_diag != NULL;
	if (xs != NULL && *xs == '\0')
		xs = NULL;
	if (!diag && xs == NULL && kind != DSN_DELAYED)
		return;
	(void)sm_str_adds(b, "   ----- Transcript of session follows "
	    "-----\n");
	if (xs != NULL)
		dsn_transcript_raw(b, xs);
	else
		for (i = 0; i < n; i++)
			if (r[i].dr_diag != NULL)
				dsn_transcript_rcpt(b, &r[i]);
	if (kind == DSN_DELAYED) {
		dsn_interval(iv, sizeof(iv), co->co_timeout_queuewarn_normal);
		(void)sm_str_addf(b, "Not delivered yet after %s;", iv);
		dsn_interval(iv, sizeof(iv),
		    co->co_timeout_queuereturn_normal);
		(void)sm_str_addf(b, " retries go on until the message is "
		    "%s old.\n", iv);
	}
	(void)sm_str_addc(b, '\n');
}

/* ADDR with its address type, and a newline: a program or a file is
 * "X-Unix; |prog" (its quotes off), an address TYPE (the case differs
 * between the fields) and ADDR qualified; an address already typed
 * ("RFC822; a@b", a qf r line) as it is. */
static void
dsn_add_typed(SM_STR *b, const char *addr, const char *type)
{
	SM_STR *a = sm_str_new(0);
	size_t len;
	const char *semi = strchr(addr, ';');

	if (semi != NULL && strncasecmp(addr, "rfc822;", 7) == 0) {
		dsn_add_safe(b, addr);
		(void)sm_str_addc(b, '\n');
		sm_str_free(a);
		return;
	}
	len = strlen(addr);
	if (len >= 2 && addr[0] == '"' && addr[len - 1] == '"')
		(void)sm_str_add(a, addr + 1, len - 2);
	else
		(void)sm_str_adds(a, addr);
	if (sm_str_data(a)[0] == '|' || sm_str_data(a)[0] == '/') {
		(void)sm_str_adds(b, "X-Unix; ");
		dsn_add_safe(b, sm_str_data(a));
	} else {
		(void)sm_str_adds(b, type);
		dsn_add_qualified(b, addr);
	}
	(void)sm_str_addc(b, '\n');
	sm_str_free(a);
}

/* One recipient's group of the message/delivery-status part. */
static void
dsn_status_rcpt(SM_STR *b, const struct dsn_rcpt *r, const char *final,
    enum dsn_kind kind, time_t ctime)
{
	(void)sm_str_addc(b, '\n');
	if (r->dr_orcpt != NULL) {
		(void)sm_str_adds(b, "Original-Recipient: ");
		dsn_add_safe(b, r->dr_orcpt);
		(void)sm_str_addc(b, '\n');
	}
	(void)sm_str_adds(b, "Final-Recipient: ");
	dsn_add_typed(b, final != NULL ? final : r->dr_addr, "RFC822; ");
	if (r->dr_mta == NULL) {
		(void)sm_str_adds(b, "X-Actual-Recipient: ");
		dsn_add_typed(b, r->dr_addr, "rfc822; ");
	}
	(void)sm_str_adds(b, "Action: ");
	dsn_add_safe(b, r->dr_action != NULL ? r->dr_action :
	    dsn_default_action(kind));
	(void)sm_str_adds(b, "\nStatus: ");
	dsn_add_safe(b, r->dr_status != NULL ? r->dr_status :
	    dsn_default_status(kind));
	(void)sm_str_addc(b, '\n');
	if (r->dr_mta != NULL) {
		(void)sm_str_adds(b, "Remote-MTA: DNS; ");
		dsn_add_safe(b, r->dr_mta);
		(void)sm_str_addc(b, '\n');
	}
	if (r->dr_code != NULL || r->dr_diag != NULL) {
		(void)sm_str_adds(b, r->dr_mta != NULL ?
		    "Diagnostic-Code: SMTP; " : "Diagnostic-Code: X-Unix; ");
		dsn_add_safe(b, r->dr_code != NULL ? r->dr_code : r->dr_diag);
		(void)sm_str_addc(b, '\n');
	}
	dsn_add_date(b, "Last-Attempt-Date",
	    r->dr_last != 0 ? r->dr_last : time(NULL));
	if (kind == DSN_DELAYED && ctime > 0)
		dsn_add_date(b, "Will-Retry-Until", ctime +
		    readcf_config()->cf_conf.co_timeout_queuereturn_normal);
}

/* The message/delivery-status part (after its boundary line). */
static void
dsn_status(SM_STR *b, const struct queue_file *orig, const char *origid,
    const struct dsn_rcpt *r, const char *const *final, size_t n,
    enum dsn_kind kind)
{
	const char *j = macro_get('j'), *u = dsn_qf_macro(orig, "_");
	const char *br, *at;
	size_t i;

	(void)sm_str_adds(b, "Content-Type: message/delivery-status\n\n");
	if (orig->qf_envid != NULL) {
		(void)sm_str_adds(b, "Original-Envelope-Id: ");
		dsn_add_safe(b, orig->qf_envid);
		(void)sm_str_addc(b, '\n');
	}
	(void)sm_str_adds(b, "Reporting-MTA: dns; ");
	dsn_add_safe(b, j);
	(void)sm_str_addc(b, '\n');
	/* from a network client ($_ "host [addr]", "user@host [addr]"):
	 * its name; -bs and local submissions have none (recorded) */
	if (u != NULL && (br = strstr(u, " [")) != NULL) {
		char *host;

		at = memchr(u, '@', (size_t)(br - u));
		at = at == NULL ? u : at + 1;
		host = sm_strndup_x(at, (size_t)(br - at));
		(void)sm_str_adds(b, "Received-From-MTA: DNS; ");
		dsn_add_safe(b, host);
		(void)sm_str_addc(b, '\n');
		free(host);
	}
	(void)origid;
	dsn_add_date(b, "Arrival-Date", orig->qf_ctime);
	for (i = 0; i < n; i++)
		dsn_status_rcpt(b, &r[i], DSN_FINAL(final, i), kind,
		    orig->qf_ctime);
}

/* Write all of S to FD. */
static int
dsn_write(int fd, const SM_STR *s)
{
	const char *p = sm_str_data(s);
	size_t left = sm_str_len(s);
	ssize_t w;

	while (left > 0) {
		w = write(fd, p, left);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		left -= (size_t)w;
	}
	return 0;
}

/* The original message part: its headers as the local mailer would get
 * them, then (unless RET=HDRS) the body from DFD. */
static int
dsn_original(SM_STR *b, const struct queue_file *orig, int dfd,
    bool hdrsonly, int outfd)
{
	SM_STR *g = sm_str_new(0);
	char buf[8192];
	off_t off = 0;
	ssize_t got;
	char last = '\n';

	(void)sm_str_adds(b, hdrsonly ? "Content-Type: text/rfc822-headers\n\n"
	    : "Content-Type: message/rfc822\n\n");
	dsn_strip_angles(g, orig->qf_sender == NULL ? "" : orig->qf_sender);
	macro_set('g', sm_str_data(g));
	sm_str_free(g);
	(void)hdr_put(b, orig, mailer_find("local"), HDR_P_RAW, NULL);
	if (hdrsonly)
		return 0;
	(void)sm_str_addc(b, '\n');
	if (dsn_write(outfd, b) < 0)
		return -1;
	sm_str_reset(b);
	while ((got = pread(dfd, buf, sizeof(buf), off)) != 0) {
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			return -1;
		(void)sm_str_set(b, buf, (size_t)got);
		if (dsn_write(outfd, b) < 0)
			return -1;
		last = buf[got - 1];
		off += got;
	}
	sm_str_reset(b);
	if (last != '\n')
		(void)sm_str_addc(b, '\n');
	return 0;
}

int
dsn_build(const struct queue_file *orig, const char *origid, int dfd,
    const struct dsn_rcpt *r, size_t n, enum dsn_kind kind,
    struct queue_file *out, int outfd, SM_STR *why)
{
	return dsn_build_final(orig, origid, dfd, r, NULL, n, kind, out,
	    outfd, why);
}

int
dsn_build_final(const struct queue_file *orig, const char *origid,
    int dfd, const struct dsn_rcpt *r, const char *const *final,
    size_t n, enum dsn_kind kind, struct queue_file *out, int outfd,
    SM_STR *why)
{
	return dsn_build_xscript(orig, origid, dfd, r, final, n, kind, NULL,
	    out, outfd, why);
}

int
dsn_build_xscript(const struct queue_file *orig, const char *origid,
    int dfd, const struct dsn_rcpt *r, const char *const *final,
    size_t n, enum dsn_kind kind, const char *xscript,
    struct queue_file *out, int outfd, SM_STR *why)
{
	char *saved[DSN_NMACROS];
	SM_STR *bnd = sm_str_new(0), *b = sm_str_new(0);
	int rc = 0;

	dsn_macros_save(saved);
	dsn_head(orig, kind, out, bnd);
	(void)sm_str_addf(b, "A delivery status report in MIME format (RFC 3464).\n\n--%s\n",
	    sm_str_data(bnd));
	dsn_text(b, orig, r, final, n, kind, xscript);
	(void)sm_str_addf(b, "--%s\n", sm_str_data(bnd));
	dsn_status(b, orig, origid, r, final, n, kind);
	(void)sm_str_addf(b, "\n--%s\n", sm_str_data(bnd));
	if (dsn_original(b, orig, dfd, (out->qf_flags & QUEUE_F_NOBODYRET)
	    != 0, outfd) < 0)
		rc = -1;
	if (rc == 0) {
		(void)sm_str_addf(b, "\n--%s--\n\n", sm_str_data(bnd));
		if (dsn_write(outfd, b) < 0)
			rc = -1;
	}
	if (rc < 0 && why != NULL)
		(void)sm_str_addf(why, "cannot write the DSN: %s",
		    strerror(errno));
	dsn_macros_restore(saved);
	sm_str_free(bnd);
	sm_str_free(b);
	return rc;
}
