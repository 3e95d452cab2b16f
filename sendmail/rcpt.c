/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rcpt.c -- the recipient list of a delivery (see rcpt.h).
 *
 * Public: rcpt_list_init, rcpt_list_free, rcpt_add, rcpt_child,
 * rcpt_expand, rcpt_verify, rcpt_local_exists, rcpt_local_lookup,
 * rcpt_reply_code, rcpt_builtin_local, rcpt_mailbox_dir, rcpt_same.
 * Runs in the delivery process and the SMTP server child.
 *
 * sendmail's recipient() in small steps: parse (rulesets 3 and 0, with
 * the parser's messages caught as the failure text), refuse programs and
 * files given directly, drop duplicates, then for the local mailer (F=A)
 * look the user up in the aliases, for *include* read the file, for a
 * user with a password entry (F=w) read the forward file; what is left is
 * delivered.  Expansion is depth first and bounded by MaxAliasRecursion.
 */
#include "sendmail/rcpt.h"

#include "libsm/err.h"
#include "libsm/log.h"
#include "sendmail/macro.h"
#include "sendmail/map.h"
#include "sendmail/msg.h"
#include "sendmail/parseaddr.h"
#include "sendmail/readcf.h"

#include <sys/stat.h>

#include <ctype.h>
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>
#include <unistd.h>

#define RCPT_FILE_MAX	(1024 * 1024)	/* largest include/forward file */

const char *
rcpt_mailbox_dir(void)
{
	const char *d = readcf_config()->cf_conf.co_mailboxdirectory;

	return d != NULL && *d != '\0' ? d : "/var/mail";
}

bool
rcpt_builtin_local(const MAILER *m)
{
	const char *p, *slash;

	if (m == NULL || m->m_mailer == NULL)
		return false;
	p = m->m_mailer;
	if (strcmp(p, "[LOCAL]") == 0)
		return true;
	slash = strrchr(p, '/');
	return strcmp(slash != NULL ? slash + 1 : p, "mail.local") == 0;
}

bool
rcpt_same(const struct rcpt *a, const struct rcpt *b)
{
	if (a->r_mailer != b->r_mailer)
		return false;
	if ((a->r_host == NULL) != (b->r_host == NULL))
		return false;
	if (a->r_host != NULL && strcasecmp(a->r_host, b->r_host) != 0)
		return false;
	return strcmp(a->r_user, b->r_user) == 0;
}

void
rcpt_list_init(struct rcpt_list *rl)
{
	memset(rl, 0, sizeof(*rl));
	rl->rl_pool = sm_rpool_new_x();
	rl->rl_maxdepth = readcf_config()->cf_conf.co_maxaliasrecursion;
	if (rl->rl_maxdepth <= 0)
		rl->rl_maxdepth = 10;
}

void
rcpt_list_free(struct rcpt_list *rl)
{
	free(rl->rl_v);
	sm_rpool_free(rl->rl_pool);
	memset(rl, 0, sizeof(*rl));
}

/* Set R's outcome. */
static void
rcpt_set(struct rcpt_list *rl, struct rcpt *r, enum rcpt_state st, int ex,
    const char *status, const char *diag)
{
	r->r_state = st;
	r->r_exit = ex;
	r->r_seq = ++rl->rl_seq;
	r->r_status = status != NULL ?
	    sm_rpool_strdup_x(rl->rl_pool, status) : NULL;
	r->r_diag = diag != NULL ? sm_rpool_strdup_x(rl->rl_pool, diag) : NULL;
}

/* A new zeroed entry at the end; pointers into rl_v change. */
static struct rcpt *
rcpt_push(struct rcpt_list *rl)
{
	struct rcpt *r;

	if (rl->rl_n == rl->rl_size) {
		rl->rl_size = rl->rl_size == 0 ? 8 : rl->rl_size * 2;
		rl->rl_v = sm_reallocarray_x(rl->rl_v, rl->rl_size,
		    sizeof(*rl->rl_v));
	}
	r = &rl->rl_v[rl->rl_n++];
	memset(r, 0, sizeof(*r));
	r->r_parent = -1;
	r->r_qr = -1;
	r->r_uid = (uid_t)-1;
	r->r_gid = (gid_t)-1;
	return r;
}

/* The last line the parser printed into BUF (its failure text). */
static const char *
rcpt_lastline(char *buf, size_t len)
{
	char *p;

	while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
		buf[--len] = '\0';
	p = strrchr(buf, '\n');
	return p != NULL ? p + 1 : buf;
}

/* "\"|prog\"" -> "|prog": the prog mailer's user, as sendmail has it. */
static void
rcpt_unquote(char *s)
{
	size_t len = strlen(s);

	if (len >= 2 && s[0] == '"' && s[len - 1] == '"') {
		memmove(s, s + 1, len - 2);
		s[len - 2] = '\0';
	}
}

/*
 * R went to the error mailer: its $: text (quotes dropped) is the
 * failure, a leading reply code ("553 Invalid route address") its code.
 */
static void
rcpt_error_text(struct rcpt_list *rl, struct rcpt *r, const char *status)
{
	char *t = r->r_user;
	size_t n = strlen(t);
	int code = 0;

	if (n >= 2 && t[0] == '"' && t[n - 1] == '"') {
		t = sm_rpool_strndup_x(rl->rl_pool, t + 1, n - 2);
		n -= 2;
	}
	if (n >= 3 && isdigit((unsigned char)t[0]) &&
	    isdigit((unsigned char)t[1]) && isdigit((unsigned char)t[2]) &&
	    (t[3] == ' ' || t[3] == '\0')) {
		code = (t[0] - '0') * 100 + (t[1] - '0') * 10 + (t[2] - '0');
		t += t[3] == ' ' ? 4 : 3;
	}
	rcpt_set(rl, r, status != NULL && status[0] == '4' ? RCPT_TEMP :
	    RCPT_FAIL, status != NULL && status[0] == '4' ? EX_TEMPFAIL :
	    EX_UNAVAILABLE, status != NULL ? status : code / 100 == 4 ?
	    "4.0.0" : "5.0.0", t);
	r->r_code = code;
}

/*
 * Parse ADDR into R (through rulesets 3 and 0); the parser's messages
 * are caught and become the failure text.  Returns 0, or -1 when the
 * address is bad (R then records why).
 */
static int
rcpt_parse(struct rcpt_list *rl, struct rcpt *r, const char *addr)
{
	char *copy = sm_strdup_x(addr), *text = NULL;
	size_t tlen = 0;
	FILE *fp = open_memstream(&text, &tlen), *old = msg_out();
	ADDRESS a;
	ADDRESS *ap;

	if (fp != NULL)
		msg_set_out(fp);
	ap = parseaddr(copy, &a, 0);
	if (fp != NULL) {
		(void)fclose(fp);
		msg_set_out(old == stdout ? NULL : old);
	}
	free(copy);
	if (ap == NULL) {
		rcpt_set(rl, r, RCPT_FAIL, EX_DATAERR, "5.1.3",
		    text != NULL && tlen > 0 ? rcpt_lastline(text, tlen) :
		    "Invalid address");
		free(text);
		return -1;
	}
	free(text);
	r->r_mailer = a.q_mailer;
	r->r_user = sm_rpool_strdup_x(rl->rl_pool,
	    a.q_user != NULL ? a.q_user : "");
	if (r->r_mailer == mailer_find("prog"))
		rcpt_unquote(r->r_user);
	r->r_host = a.q_host != NULL ?
	    sm_rpool_strdup_x(rl->rl_pool, a.q_host) : NULL;
	if (a.q_bad == 2 && a.q_mailer != mailer_error()) {
		/* a lookup deferred (no name server now): the queue run
		 * parses it again */
		rcpt_set(rl, r, RCPT_TEMP, EX_TEMPFAIL, "4.4.3",
		    "Transient parse error -- message queued for future "
		    "delivery");
		parseaddr_free(&a);
		return -1;
	}
	if (a.q_bad) {
		rcpt_error_text(rl, r, a.q_status);
		parseaddr_free(&a);
		return -1;
	}
	parseaddr_free(&a);
	return 0;
}

/* Is entry I an ancestor of entry J (or J itself)? */
static bool
rcpt_is_ancestor(const struct rcpt_list *rl, int i, int j)
{
	for (; j >= 0; j = rl->rl_v[j].r_parent)
		if (i == j)
			return true;
	return false;
}

static void rcpt_local_user(struct rcpt_list *rl, int n);

/*
 * Entry N duplicates an earlier one?  Naming the alias being expanded
 * ("bob: bob, joe") makes that alias a deliverable address itself, as
 * sendmail's self reference; naming one further up is a loop, noted on
 * the top entry.  Returns true when N is to be dropped.
 */
static bool
rcpt_dup(struct rcpt_list *rl, int n)
{
	int i, parent = rl->rl_v[n].r_parent;

	for (i = 0; i < n; i++) {
		struct rcpt *o = &rl->rl_v[i];

		if (o->r_state == RCPT_DUP || o->r_mailer == NULL ||
		    !rcpt_same(o, &rl->rl_v[n]))
			continue;
		if (o->r_state == RCPT_EXPANDED && i == parent) {
			o->r_state = RCPT_OPEN;
			o->r_noalias = true;
			o->r_selfref = true;
			rcpt_local_user(rl, i);
		} else if (o->r_state == RCPT_EXPANDED && o->r_home != NULL &&
		    o->r_mailer == mailer_find("local") &&
		    rcpt_is_ancestor(rl, i, parent)) {
			/* a forward file leads back to a user further up:
			 * sendmail delivers to that user (recorded: rich ->
			 * haley -> katie -> rich gives rich and katie) */
			o->r_state = RCPT_OPEN;
		} else if (o->r_state == RCPT_EXPANDED &&
		    rcpt_is_ancestor(rl, i, parent)) {
			while (rl->rl_v[i].r_parent >= 0)
				i = rl->rl_v[i].r_parent;
			rl->rl_v[i].r_loop = true;
		} else if (o->r_state != RCPT_EXPANDED) {
			/* with -v (msg.h verbose), as sendmail */
			const char *oldto = msg_set_to(rl->rl_v[n].r_addr);

			msg_info("duplicate suppressed");
			(void)msg_set_to(oldto);
		}
		return true;
	}
	return false;
}

/* Is anything of RL left to deliver or report?  (sendmail looks at the
 * whole envelope: "loop1, root" says nothing of the loop, "root, loop1"
 * does, as the list is taken last first.) */
static bool
rcpt_has_live(const struct rcpt_list *rl)
{
	size_t i;

	for (i = 0; i < rl->rl_n; i++)
		if (rl->rl_v[i].r_state != RCPT_EXPANDED &&
		    rl->rl_v[i].r_state != RCPT_DUP)
			return true;
	return false;
}

/*
 * Add each address of the comma list LIST as a child of PARENT, the last
 * first: sendmail's sendtolist parses a list and then hands its addresses
 * to recipient() in reverse, so the queue (and EXPN, and the delivery
 * order) has "a: x, y" as y, x (recorded with 8.17's EXPN).
 */
static void
rcpt_add_list(struct rcpt_list *rl, const char *list, int parent)
{
	char *copy = sm_strdup_x(list), *p = copy, **v = NULL;
	size_t n = 0;

	while (*p != '\0') {
		char *start, *end;
		int depth = 0, quote = 0;

		while (*p != '\0' && (isspace((unsigned char)*p) || *p == ','))
			p++;
		if (*p == '\0')
			break;
		for (start = p; *p != '\0'; p++) {
			if (*p == '\\' && p[1] != '\0')
				p++;
			else if (*p == '"')
				quote = !quote;
			else if (!quote && *p == '<')
				depth++;
			else if (!quote && *p == '>' && depth > 0)
				depth--;
			else if (!quote && depth == 0 && *p == ',')
				break;
		}
		end = p;
		if (*p != '\0')
			p++;
		*end = '\0';
		while (end > start && isspace((unsigned char)end[-1]))
			*--end = '\0';
		if (*start == '\0')
			continue;
		v = sm_reallocarray_x(v, n + 1, sizeof(*v));
		v[n++] = start;
	}
	while (n > 0)
		(void)rcpt_child(rl, v[--n], parent);
	free(v);
	free(copy);
}

/* The alias value of USER (malloc'd), NULL for none; *tempp on a
 * temporary failure of the map. */
static char *
rcpt_alias_lookup(const char *user, bool *tempp)
{
	MAP *map = map_find("aliases");
	char *key, *v, *p;
	int st = EX_OK;

	*tempp = false;
	if (map == NULL)
		return NULL;
	key = sm_strdup_x(user);
	for (p = key; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	v = map_lookup(map, key, NULL, 0, &st);
	free(key);
	if (st == EX_TEMPFAIL) {
		free(v);
		*tempp = true;
		return NULL;
	}
	return v;
}

/* The owner of a list: the value of its owner- alias when that is one
 * address (sendmail's "clone: owner=" shows it so), else the alias. */
static char *
rcpt_owner(struct rcpt_list *rl, const char *name, const char *value)
{
	const char *b = value, *e;

	while (isspace((unsigned char)*b))
		b++;
	e = b + strlen(b);
	while (e > b && isspace((unsigned char)e[-1]))
		e--;
	if (e == b || memchr(b, ',', (size_t)(e - b)) != NULL)
		return sm_rpool_strdup_x(rl->rl_pool, name);
	return sm_rpool_strndup_x(rl->rl_pool, b, (size_t)(e - b));
}

/* The local mailer aliases entry N: expand it.  Returns true if it did. */
static bool
rcpt_try_alias(struct rcpt_list *rl, int n)
{
	struct rcpt *r = &rl->rl_v[n];
	char *v, *owner, *ov;
	bool temp;
	size_t olen;

	v = rcpt_alias_lookup(r->r_user, &temp);
	if (temp) {
		rcpt_set(rl, r, RCPT_TEMP, EX_TEMPFAIL, "4.3.0",
		    "alias database unavailable");
		return true;
	}
	if (v == NULL)
		return false;
	r->r_state = RCPT_EXPANDED;
	olen = strlen(r->r_user) + 7;
	owner = sm_malloc_x(olen);
	(void)snprintf(owner, olen, "owner-%s", r->r_user);
	ov = rcpt_alias_lookup(owner, &temp);
	if (ov != NULL)
		r->r_owner = rcpt_owner(rl, owner, ov);
	free(ov);
	free(owner);
	if (readcf_config()->cf_conf.co_loglevel > 10)
		sm_log(LOG_INFO, rl->rl_qid, "alias %s => %s", r->r_addr, v);
	{	/* with -v (msg.h verbose), as sendmail */
		const char *oldto = msg_set_to(r->r_addr);

		msg_info("aliased to %s", msg_shorten(v, MSG_MAXSHORTSTR));
		(void)msg_set_to(oldto);
	}
	rcpt_add_list(rl, v, n);
	free(v);
	return true;
}

/* Read file PATH (up to RCPT_FILE_MAX) into a malloc'd string. */
static char *
rcpt_read_file(const char *path, int *errp)
{
	FILE *fp = fopen(path, "r");
	char *buf;
	size_t n;

	if (fp == NULL) {
		*errp = errno;
		return NULL;
	}
	buf = sm_malloc_x(RCPT_FILE_MAX + 1);
	n = fread(buf, 1, RCPT_FILE_MAX, fp);
	buf[n] = '\0';
	(void)fclose(fp);
	*errp = 0;
	return buf;
}

/*
 * The lines of include or forward file PATH (text TEXT) as children of
 * N: comments ('#') and empty lines skipped.  Messages meanwhile carry
 * "PATH: line K: ", and with -v a forward file says "forwarding to
 * LINE", as sendmail's (recorded: "/home/rich/.forward: line 1:
 * forwarding to haley").
 */
static void
rcpt_add_lines(struct rcpt_list *rl, char *text, int n, const char *path,
    bool fwd)
{
	char *line = text, *nl;
	int oline, k = 0;
	const char *ofile = msg_place(&oline);

	for (; line != NULL && *line != '\0'; line = nl) {
		nl = strchr(line, '\n');
		if (nl != NULL)
			*nl++ = '\0';
		msg_set_place(path, ++k);
		while (isspace((unsigned char)*line))
			line++;
		if (*line == '#' || *line == '\0')
			continue;
		if (fwd) {
			const char *oldto = msg_set_to(NULL);

			msg_info("forwarding to %s", line);
			(void)msg_set_to(oldto);
		}
		rcpt_add_list(rl, line, n);
	}
	msg_set_place(ofile, oline);
}

/* The owner of include file PATH controls what it names (programs and
 * files run as that user), as in sendmail; root's files give no owner. */
static void
rcpt_file_owner(struct rcpt *r, const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0 || st.st_uid == 0)
		return;
	r->r_ctl = true;
	r->r_uid = st.st_uid;
	r->r_gid = st.st_gid;
}

/* :include:FILE -- entry N's user is the path. */
static void
rcpt_include(struct rcpt_list *rl, int n)
{
	struct rcpt *r = &rl->rl_v[n];
	char *text, diag[512];
	int err;

	text = rcpt_read_file(r->r_user, &err);
	if (text == NULL) {
		bool temp = err == EAGAIN || err == EINTR || err == ENOMEM ||
		    err == EMFILE || err == ENFILE || err == EIO;

		(void)snprintf(diag, sizeof(diag), "Cannot open %s: %s",
		    r->r_user, strerror(err));
		rcpt_set(rl, r, temp ? RCPT_TEMP : RCPT_FAIL,
		    temp ? EX_TEMPFAIL : EX_CANTCREAT, temp ? "4.2.4" : "5.2.4",
		    diag);
		return;
	}
	rcpt_file_owner(r, r->r_user);
	r->r_state = RCPT_EXPANDED;
	rcpt_add_lines(rl, text, n, r->r_user, false);
	free(text);
}

/* The ForwardPath entry SPEC for entry R, macros expanded. */
static void
rcpt_fwd_path(const struct rcpt *r, const char *spec, char *buf, size_t size)
{
	int zid = macro_id("z", NULL), uid = macro_id("u", NULL);
	char *oz = macro_get(zid) != NULL ? sm_strdup_x(macro_get(zid)) : NULL;
	char *ou = macro_get(uid) != NULL ? sm_strdup_x(macro_get(uid)) : NULL;

	macro_set(zid, r->r_home);
	macro_set(uid, r->r_user);
	(void)macro_expand(spec, buf, size);
	macro_set(zid, oz);
	macro_set(uid, ou);
	free(oz);
	free(ou);
}

/*
 * May forward file PATH of user R be used?  Only a plain file owned by
 * the user or root and writable by nobody else (sendmail's default
 * DontBlameSendmail=safe); anything else is passed over with a log line.
 */
static bool
rcpt_fwd_safe(const struct rcpt_list *rl, const struct rcpt *r,
    const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return false;
	if (!S_ISREG(st.st_mode) || (st.st_uid != r->r_uid &&
	    st.st_uid != 0) || (st.st_mode & 022) != 0) {
		sm_log(LOG_NOTICE, rl->rl_qid, "forward %s: unsafe: %s", path,
		    !S_ISREG(st.st_mode) ? "not a regular file" :
		    (st.st_mode & 022) != 0 ? "group or world writable" :
		    "owned by another user");
		return false;
	}
	return true;
}

/* The forward file of local user N (ForwardPath, first one found). */
static void
rcpt_forward(struct rcpt_list *rl, int n)
{
	const char *fp = readcf_config()->cf_conf.co_forwardpath;
	char *spec, *part, *save, path[4096], *text;
	int err;

	if (fp == NULL || *fp == '\0' || rl->rl_v[n].r_home == NULL)
		return;
	spec = sm_strdup_x(fp);
	for (part = spec; part != NULL; part = save) {
		save = strchr(part, ':');
		if (save != NULL)
			*save++ = '\0';
		rcpt_fwd_path(&rl->rl_v[n], part, path, sizeof(path));
		if (path[0] == '\0' || !rcpt_fwd_safe(rl, &rl->rl_v[n], path))
			continue;
		text = rcpt_read_file(path, &err);
		if (text == NULL)
			continue;
		rl->rl_v[n].r_state = RCPT_EXPANDED;
		rcpt_add_lines(rl, text, n, path, true);
		free(text);
		/* an empty forward file, or one naming only addresses
		 * already there, leaves the user as it was (recorded:
		 * rich -> haley -> rich delivers to both) */
		if (rl->rl_n == (size_t)n + 1 && !rl->rl_v[n].r_loop)
			rl->rl_v[n].r_state = RCPT_OPEN;
		break;
	}
	free(spec);
}

/* A local user: does it exist (F=w), and its forward file. */
static void
rcpt_local_user(struct rcpt_list *rl, int n)
{
	struct rcpt *r = &rl->rl_v[n];
	struct passwd *pw;

	if (!mailer_flag(r->r_mailer, 'w'))
		return;
	if ((pw = getpwnam(r->r_user)) == NULL) {
		/* sendmail's finduser tries the name in lower case too,
		 * and then the user is the login name */
		char *low = sm_rpool_strdup_x(rl->rl_pool, r->r_user), *p;
		bool upper = false;

		for (p = low; *p != '\0'; p++)
			if (isupper((unsigned char)*p)) {
				*p = (char)tolower((unsigned char)*p);
				upper = true;
			}
		if (upper && (pw = getpwnam(low)) != NULL)
			r->r_user = low;
	}
	if (pw == NULL) {
		rcpt_set(rl, r, RCPT_FAIL, EX_NOUSER, "5.1.1",
		    "User unknown");
		return;
	}
	r->r_home = sm_rpool_strdup_x(rl->rl_pool, pw->pw_dir);
	r->r_uid = pw->pw_uid;
	r->r_gid = pw->pw_gid;
	r->r_ctl = true;
	if (!r->r_noalias && !rl->rl_vrfy)
		rcpt_forward(rl, n);
}

/* The reason entry R may not be given directly, or NULL. */
static const char *
rcpt_direct(const struct rcpt *r)
{
	if (r->r_mailer == mailer_find("prog"))
		return "Cannot mail directly to programs";
	if (r->r_mailer == mailer_find("*file*"))
		return "Cannot mail directly to files";
	if (r->r_mailer == mailer_find("*include*"))
		return "Cannot mail directly to :include:s";
	return NULL;
}

/* Expand entry N as its mailer says. */
static void
rcpt_resolve(struct rcpt_list *rl, int n, bool ctl)
{
	struct rcpt *r = &rl->rl_v[n];
	const char *why = ctl ? NULL : rcpt_direct(r);

	if (why != NULL) {
		rcpt_set(rl, r, RCPT_FAIL, EX_UNAVAILABLE, "5.7.1", why);
		return;
	}
	if (r->r_mailer == mailer_find("*include*")) {
		rcpt_include(rl, n);
		return;
	}
	if (r->r_mailer != mailer_find("local"))
		return;
	if (!r->r_noalias && mailer_flag(r->r_mailer, 'A') &&
	    rcpt_try_alias(rl, n))
		return;
	rcpt_local_user(rl, n);
}

/*
 * Entry N lies deeper than MaxAliasRecursion: it is not added, its
 * parent takes the blame, as sendmail's recipient() does (recorded: a
 * chain deep1 .. deep12 fails as "deep11, expanded from: deep10" with
 * "11 aliases deep; 10 max").  An alias parent fails with that text; a
 * user whose forward file (or an include file) went too deep just stays
 * expanded, the error said once, and when nothing else is left the top
 * address gets the plain loop message (r_loop on the parent, which
 * also keeps rcpt_forward from delivering to the user himself).
 */
static void
rcpt_too_deep(struct rcpt_list *rl, int n)
{
	struct rcpt *p = &rl->rl_v[rl->rl_v[n].r_parent];
	char diag[128];
	int top;

	(void)snprintf(diag, sizeof(diag),
	    "aliasing/forwarding loop broken (%d aliases deep; %d max)",
	    rl->rl_v[n].r_depth, rl->rl_maxdepth);
	if (p->r_home == NULL && p->r_mailer == mailer_find("local")) {
		rcpt_set(rl, p, RCPT_FAIL, EX_UNAVAILABLE, "5.4.6", diag);
		return;
	}
	{
		const char *oldto = msg_set_to(NULL);

		msg_usrerr("554 5.4.6 %s", diag);
		(void)msg_set_to(oldto);
	}
	p->r_loop = true;
	for (top = rl->rl_v[n].r_parent; rl->rl_v[top].r_parent >= 0;)
		top = rl->rl_v[top].r_parent;
	rl->rl_v[top].r_loop = true;
}

/* Add ADDR below PARENT (-1: none). */
static int
rcpt_add_at(struct rcpt_list *rl, const char *addr, int qr, bool ctl,
    int parent)
{
	struct rcpt *r = rcpt_push(rl);
	int n = (int)rl->rl_n - 1;
	const char *a = addr;

	r->r_addr = sm_rpool_strdup_x(rl->rl_pool, addr);
	r->r_qr = qr;
	r->r_parent = parent;
	if (parent >= 0) {
		const struct rcpt *p = &rl->rl_v[parent];

		r->r_depth = p->r_depth + 1;
		r->r_qr = p->r_qr;
		r->r_owner = p->r_owner;
		r->r_ctl = p->r_ctl;
		r->r_uid = p->r_uid;
		r->r_gid = p->r_gid;
	}
	if (*a == '\\') {
		r->r_noalias = true;
		a++;
	}
	if (rcpt_parse(rl, r, a) < 0)
		return n;
	if (r->r_depth > rl->rl_maxdepth) {
		rcpt_too_deep(rl, n);
		rl->rl_n--;
		return -1;
	}
	if (rcpt_dup(rl, n)) {
		rl->rl_n--;
		return -1;
	}
	rcpt_resolve(rl, n, ctl || parent >= 0);
	return n;
}

int
rcpt_add(struct rcpt_list *rl, const char *addr, int qr, bool ctl)
{
	int n = rcpt_add_at(rl, addr, qr, ctl, -1);

	/* an alias loop that left nothing: sendmail's message */
	if (n >= 0 && rl->rl_v[n].r_loop && !rcpt_has_live(rl))
		rcpt_set(rl, &rl->rl_v[n], RCPT_FAIL, EX_UNAVAILABLE, "5.4.6",
		    "aliasing/forwarding loop broken");
	return n;
}

int
rcpt_child(struct rcpt_list *rl, const char *addr, int parent)
{
	return rcpt_add_at(rl, addr, rl->rl_v[parent].r_qr, true, parent);
}

/* The full name of local user USER from the password file ("" for
 * none): the GECOS field to its first comma, '&' the login capitalised. */
static void
rcpt_fullname(const char *user, char *buf, size_t size)
{
	struct passwd *pw = getpwnam(user);
	const char *g;
	size_t n = 0;

	buf[0] = '\0';
	if (pw == NULL || pw->pw_gecos == NULL)
		return;
	for (g = pw->pw_gecos; *g != '\0' && *g != ',' && n + 1 < size; g++) {
		if (*g != '&') {
			buf[n++] = *g;
			continue;
		}
		for (const char *u = user; *u != '\0' && n + 1 < size; u++)
			buf[n++] = u == user ? (char)toupper((unsigned char)*u) :
			    *u;
	}
	buf[n] = '\0';
}

/*
 * One EXPN/VRFY line for R, as sendmail's printvrfyaddr words it: the
 * full name of a local user found in the password file first; then
 * "<user@$j>" when the mailer's address type is RFC822 and the user has
 * no '@', else "<user>" (programs and files: T=X-Unix).  A user given
 * as "\user" keeps its backslash there.
 */
static void
rcpt_expn_line(const struct rcpt *r, SM_STR *out)
{
	const char *j = macro_get('j'), *at = "";
	const char *type = r->r_mailer != NULL ? r->r_mailer->m_addrtype :
	    NULL;
	const char *bs = r->r_noalias && r->r_addr[0] == '\\' ? "\\" : "";
	char fn[256];

	fn[0] = '\0';
	if (r->r_mailer == mailer_find("local") && r->r_home != NULL)
		rcpt_fullname(r->r_user, fn, sizeof(fn));
	if ((type == NULL || strcasecmp(type, "rfc822") == 0) &&
	    strchr(r->r_user, '@') == NULL)
		at = j != NULL ? j : "localhost";
	(void)sm_str_addf(out, "%s%s<%s%s%s%s>\n", fn, fn[0] ? " " : "", bs,
	    r->r_user, *at ? "@" : "", at);
}

int
rcpt_reply_code(const struct rcpt *r)
{
	if (r->r_code != 0)
		return r->r_code;
	if (r->r_state == RCPT_TEMP || (r->r_status != NULL &&
	    r->r_status[0] == '4'))
		return 451;
	if (r->r_exit == EX_DATAERR)
		return 553;
	if (r->r_status != NULL && strcmp(r->r_status, "5.4.6") == 0)
		return 554;
	return 550;
}

/*
 * The first failure of RL (in the order they happened) as a whole reply
 * line into OUT; returns how many there are.  sendmail's EXPN answers
 * with the first error only (recorded: "self2: self2, nosuchuser" gives
 * just "550 5.1.1 nosuchuser... User unknown").
 */
static int
rcpt_failures(const struct rcpt_list *rl, SM_STR *out)
{
	const struct rcpt *r = NULL;
	int nfail = 0;

	for (size_t i = 0; i < rl->rl_n; i++) {
		/* deferred (the alias database unavailable): shown as an
		 * address to queue, as sendmail lists a QS_QUEUEUP one */
		if (rl->rl_v[i].r_state != RCPT_FAIL)
			continue;
		if (r == NULL || rl->rl_v[i].r_seq < r->r_seq)
			r = &rl->rl_v[i];
		nfail++;
	}
	if (r == NULL)
		return 0;
	if (r->r_exit == EX_DATAERR)	/* the parser's own words */
		(void)sm_str_addf(out, "553 %s %s\n", r->r_status,
		    r->r_diag != NULL ? r->r_diag : "Invalid address");
	else
		(void)sm_str_addf(out, "%d %s %s... %s\n", rcpt_reply_code(r),
		    r->r_status != NULL ? r->r_status : "5.0.0", r->r_addr,
		    r->r_diag != NULL ? r->r_diag : "failed");
	return nfail;
}

/* Host order, no host first (sendmail's final sort), stable. */
static void
rcpt_expn_sort(const struct rcpt_list *rl, int *v, size_t k)
{
	size_t i, j;

	for (i = 1; i < k; i++) {
		int t = v[i];
		const char *th = rl->rl_v[t].r_host;

		for (j = i; j > 0; j--) {
			const char *ph = rl->rl_v[v[j - 1]].r_host;

			if (ph == NULL || (th != NULL &&
			    strcasecmp(ph, th) <= 0))
				break;
			v[j] = v[j - 1];
		}
		v[j] = t;
	}
}

int
rcpt_expand(const char *addr, SM_STR *out)
{
	struct rcpt_list rl;
	size_t i, k = 0;
	int *v;

	rcpt_list_init(&rl);
	rl.rl_expn = true;
	(void)rcpt_add(&rl, addr, -1, false);
	if (rcpt_failures(&rl, out) > 0 || rl.rl_n == 0) {
		rcpt_list_free(&rl);
		return -1;
	}
	/* the list is in sendmail's queue order already */
	v = sm_calloc_x(rl.rl_n, sizeof(*v));
	for (i = 0; i < rl.rl_n; i++)
		if (rl.rl_v[i].r_state != RCPT_EXPANDED &&
		    rl.rl_v[i].r_state != RCPT_DUP)
			v[k++] = (int)i;
	rcpt_expn_sort(&rl, v, k);
	for (i = 0; i < k; i++)
		rcpt_expn_line(&rl.rl_v[v[i]], out);
	free(v);
	rcpt_list_free(&rl);
	return (int)k;
}

int
rcpt_verify(const char *addr, SM_STR *out)
{
	struct rcpt_list rl;
	struct rcpt *r;
	const char *j = macro_get('j');
	bool temp;
	char *v;
	int rc;

	rcpt_list_init(&rl);
	rl.rl_vrfy = true;
	r = rcpt_push(&rl);
	r->r_addr = sm_rpool_strdup_x(rl.rl_pool, addr);
	if (*addr == '\\')
		r->r_noalias = true;
	if (rcpt_parse(&rl, r, addr + r->r_noalias) == 0) {
		const char *why = rcpt_direct(r);

		if (why != NULL)
			rcpt_set(&rl, r, RCPT_FAIL, EX_UNAVAILABLE, "5.7.1",
			    why);
	}
	if (rcpt_failures(&rl, out) > 0) {
		rcpt_list_free(&rl);
		return -1;
	}
	/* VRFY answers for an alias without expanding it */
	rc = mailer_flag(r->r_mailer, 'q') ? 250 : 252;
	if (r->r_mailer == mailer_find("local") && !r->r_noalias &&
	    mailer_flag(r->r_mailer, 'A') &&
	    ((v = rcpt_alias_lookup(r->r_user, &temp)) != NULL || temp)) {
		(void)sm_str_addf(out, "<%s@%s>\n", r->r_user,
		    j != NULL ? j : "localhost");
		free(v);
	} else {
		if (r->r_mailer == mailer_find("local"))
			rcpt_local_user(&rl, 0);
		if (rcpt_failures(&rl, out) > 0)
			rc = -1;
		else
			rcpt_expn_line(r, out);
	}
	rcpt_list_free(&rl);
	return rc;
}

int
rcpt_local_exists(const char *user)
{
	return rcpt_local_lookup(user) >= 0 ? 0 : -1;
}

int
rcpt_local_lookup(const char *user)
{
	const MAILER *local = mailer_find("local");
	bool temp, found;
	char *v, *low, *p;

	if (user == NULL || *user == '\0')
		return -1;
	/* only F=A looks at the aliases, only F=w at the password file */
	if (local == NULL || mailer_flag(local, 'A')) {
		v = rcpt_alias_lookup(user, &temp);
		if (v != NULL || temp) {
			free(v);
			return temp ? 1 : 0;
		}
	}
	if (local != NULL && !mailer_flag(local, 'w'))
		return 0;
	if (getpwnam(user) != NULL)
		return 0;
	/* finduser's second try: the name in lower case */
	low = sm_strdup_x(user);
	for (p = low; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	found = getpwnam(low) != NULL;
	free(low);
	return found ? 0 : -1;
}
