/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * deliver_local.c -- the local mailers (see deliver.h): Tern's built-in
 * mbox delivery (mbox.c), appending to /files, and running a program --
 * the prog mailer for |program, or a local mailer that is one (procmail,
 * a foreign mail.local) -- with the message on its standard input.
 *
 * Public: deliver_mbox, deliver_file, deliver_prog, deliver_exit_text,
 * deliver_exit_reply, deliver_exit_dsnstatus, deliver_safefile,
 * deliver_set_macros.
 * Runs in the delivery process.  As root, mailboxes are created for their
 * user and checked to be theirs, programs and files run as the
 * controlling user (the owner of the .forward or :include: file, else
 * DefaultUser); as anyone else, as that user with no owner checks.
 */
#include "sendmail/deliver.h"

#include "libsm/date.h"
#include "libsm/err.h"
#include "libsm/spawn.h"
#include "sendmail/macro.h"
#include "sendmail/mbox.h"
#include "sendmail/msg.h"
#include "sendmail/parseaddr.h"
#include "sendmail/readcf.h"

#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <grp.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#define DELIVER_LOCK_MS		(5 * 60 * 1000)	/* wait for a mailbox lock */
#define DELIVER_STALE_SECS	300		/* break older dot-locks */
#define DELIVER_PROG_MS		(60 * 60 * 1000)	/* a program's time */
#define DELIVER_ARGV_MAX	64

/* sendmail's texts for the sysexits codes 64..78 (its SysExMsg): the
 * DSN status and the stat= text. */
static const struct {
	const char	*status, *text;
} deliver_sysex[] = {
	{ "5.0.0", "Command line usage error" },	/* 64 USAGE */
	{ "5.6.0", "Data format error" },		/* 65 DATAERR */
	{ "5.3.0", "Cannot open input" },		/* 66 NOINPUT */
	{ "5.1.1", "User unknown" },			/* 67 NOUSER */
	{ "5.1.2", "Host unknown" },			/* 68 NOHOST */
	{ "5.0.0", "Service unavailable" },		/* 69 UNAVAILABLE */
	{ "5.3.0", "Internal error" },			/* 70 SOFTWARE */
	{ "4.0.0", "Operating system error" },		/* 71 OSERR */
	{ "5.3.5", "System file missing" },		/* 72 OSFILE */
	{ "5.0.0", "Can't create output" },		/* 73 CANTCREAT */
	{ "4.0.0", "I/O error" },			/* 74 IOERR */
	{ "4.0.0", "Deferred" },			/* 75 TEMPFAIL */
	{ "5.5.0", "Remote protocol error" },		/* 76 PROTOCOL */
	{ "5.0.0", "Insufficient permission" },		/* 77 NOPERM */
	{ "5.3.5", "Local configuration error" },	/* 78 CONFIG */
};

bool
deliver_exit_text(int ex, char *buf, size_t size, const char **statusp)
{
	if (ex == EX_OK) {
		(void)snprintf(buf, size, "Sent");
		*statusp = "2.0.0";
		return false;
	}
	if (ex >= EX__BASE && ex <= EX__MAX) {
		(void)snprintf(buf, size, "%s",
		    deliver_sysex[ex - EX__BASE].text);
		*statusp = deliver_sysex[ex - EX__BASE].status;
		return *statusp[0] == '4';
	}
	(void)snprintf(buf, size, "unknown mailer error %d", ex);
	*statusp = "5.3.0";
	return false;
}

/*
 * Per sysexits code 64..78: the reply code of sendmail's transcript line
 * and the DSN's Status: for a permanent failure.  Recorded from sendmail
 * 8.17 (a "|exit N" alias each): 64 500/5.5.4, 65 501/5.5.2, 66
 * 550/5.3.0, 67 550/5.1.1, 69 554/5.5.0, 70 554/5.5.0, 72 554/5.5.0, 73
 * 550/5.3.0, 76 554/5.5.0, 77 550/5.3.0, 78 554/5.5.0; any other code
 * 554/5.0.0.  68 (NOHOST) and the temporary ones (71, 74, 75) were not
 * recorded as failures: 5.1.2 and the 4.x of the stat= table.
 */
static const struct {
	const char	*reply, *dsn;
} deliver_sysex_dsn[] = {
	{ "500", "5.5.4" }, { "501", "5.5.2" }, { "550", "5.3.0" },
	{ "550", "5.1.1" }, { "550", "5.1.2" }, { "554", "5.5.0" },
	{ "554", "5.5.0" }, { "451", "4.0.0" }, { "554", "5.5.0" },
	{ "550", "5.3.0" }, { "451", "4.0.0" }, { "450", "4.0.0" },
	{ "554", "5.5.0" }, { "550", "5.3.0" }, { "554", "5.5.0" },
};

const char *
deliver_exit_reply(int ex)
{
	if (ex == EX_OK)
		return "250";
	if (ex >= EX__BASE && ex <= EX__MAX)
		return deliver_sysex_dsn[ex - EX__BASE].reply;
	return "554";
}

const char *
deliver_exit_dsnstatus(int ex)
{
	if (ex == EX_OK)
		return "2.0.0";
	if (ex >= EX__BASE && ex <= EX__MAX)
		return deliver_sysex_dsn[ex - EX__BASE].dsn;
	return "5.0.0";
}

/* Set macro NAME to VALUE (NULL unsets). */
static void
deliver_macro(const char *name, const char *value)
{
	macro_set(macro_id(name, NULL), value);
}

/* $g: the envelope sender as mailer M gets it (rulesets 1 and S=, as
 * sendmail's remotename), "MAILER-DAEMON" for the null sender. */
static const char *
deliver_sender_for(const char *sender, const MAILER *m)
{
	const char *s = sender[0] != '\0' ? sender : "MAILER-DAEMON";
	FILE *old = msg_out(), *null;
	const char *g;
	int rcode = 0;

	if (m == NULL)
		return s;
	/* the parser's complaints have no reader here */
	null = fopen("/dev/null", "w");
	if (null != NULL)
		msg_set_out(null);
	g = parseaddr_remotename(s, m, PA_SENDERADDR, &rcode);
	if (null != NULL) {
		msg_set_out(old == stdout ? NULL : old);
		(void)fclose(null);
	}
	return g != NULL && *g != '\0' ? g : s;
}

void
deliver_set_macros(const struct deliver_msg *dm, const struct rcpt *r)
{
	char date[64];

	deliver_macro("u", r->r_user);
	deliver_macro("h", r->r_host);
	deliver_macro("z", r->r_home);
	deliver_macro("g", deliver_sender_for(dm->dm_sender, r->r_mailer));
	deliver_macro("f", dm->dm_sender[0] != '\0' ? dm->dm_sender :
	    "MAILER-DAEMON");
	deliver_macro("i", dm->dm_qid);
	if (sm_date_ctime(dm->dm_now, date, sizeof(date)) >= 0)
		deliver_macro("d", date);
	if (sm_arpadate(dm->dm_now, date, sizeof(date)) >= 0)
		deliver_macro("b", date);
}

/* The message as struct mbox_msg (headers for mailer M in HDR). */
static int
deliver_mbox_msg(const struct deliver_msg *dm, const MAILER *m, SM_STR *hdr,
    struct mbox_msg *mm)
{
	size_t i, j;

	memset(mm, 0, sizeof(*mm));
	if (deliver_headers(dm, m, hdr) < 0)
		return -1;
	/* a file holds lines ending in LF: [LOCAL] has no $u in A=, so its
	 * E= defaults to CR LF (LMTP's), which mail.local turns into LF */
	for (i = j = 0; i < hdr->s_len; i++)
		if (hdr->s_data[i] != '\r' || i + 1 >= hdr->s_len ||
		    hdr->s_data[i + 1] != '\n')
			hdr->s_data[j++] = hdr->s_data[i];
	sm_str_truncate(hdr, j);
	if (lseek(dm->dm_dfd, 0, SEEK_SET) < 0)
		return -1;
	/* the "From " line's sender is $g, the envelope sender as M's
	 * rulesets 1 and S= give it (masqueraded: rich@localhost becomes
	 * rich@mta.example.org), as sendmail passes it to mail.local -f and
	 * expands it in UnixFromLine */
	mm->mm_sender = deliver_sender_for(dm->dm_sender, m);
	mm->mm_time = dm->dm_now;
	mm->mm_hdr = hdr->s_data;
	mm->mm_hdrlen = hdr->s_len;
	mm->mm_bodyfd = dm->dm_dfd;
	return 0;
}

/* Append to PATH with OPTS; the EX_ code. */
static int
deliver_append(const struct deliver_msg *dm, const MAILER *m,
    const char *path, const struct mbox_opts *opts, SM_STR *why)
{
	SM_STR *hdr = sm_str_new(SM_STR_NOMAX);
	struct mbox_msg mm;
	const char *reason = NULL;
	int ex;

	if (deliver_mbox_msg(dm, m, hdr, &mm) < 0) {
		(void)sm_str_sets(why, "cannot read the message");
		sm_str_free(hdr);
		return EX_IOERR;
	}
	ex = mbox_append(path, &mm, opts, &reason);
	if (ex != EX_OK)
		(void)sm_str_addf(why, "%s: %s", path,
		    reason != NULL ? reason : strerror(errno));
	sm_str_free(hdr);
	return ex;
}

/*
 * The lock file in the queue directory on which our deliveries to one
 * mailbox wait in line (mbox.c, MBOX_F_QUEUE).  Its name starts with a
 * dot: no queue tool, ours or sendmail's, takes it for a queue file.
 * Without it (a directory we cannot write) delivery just polls the
 * mailbox's locks.
 */
#define DELIVER_LINE_FILE	".mboxline"

static int
deliver_line_open(const struct deliver_msg *dm)
{
	if (dm->dm_qdirfd < 0)
		return -1;
	return openat(dm->dm_qdirfd, DELIVER_LINE_FILE, O_RDWR | O_CREAT |
	    O_NOFOLLOW | O_CLOEXEC, 0600);
}

int
deliver_mbox(const struct deliver_msg *dm, const struct rcpt *r, SM_STR *why)
{
	struct mbox_opts o;
	const char *reason = NULL;
	char *path = mbox_path(rcpt_mailbox_dir(), r->r_user, &reason);
	int ex;

	if (path == NULL) {
		(void)sm_str_sets(why, reason);
		return EX_CANTCREAT;
	}
	memset(&o, 0, sizeof(o));
	o.mo_uid = (uid_t)-1;
	o.mo_gid = (gid_t)-1;
	if (geteuid() == 0 && r->r_ctl) {
		o.mo_uid = r->r_uid;
		o.mo_gid = r->r_gid;
	}
	/* A local mailer whose P= ends in mail.local stands for that
	 * program: write what it writes (a Content-Length: header, body
	 * lines starting "From " not escaped, see mbox.c), so a host that
	 * swaps sendmail for Tern keeps its mailboxes byte for byte.
	 * P=[LOCAL] keeps the classic mboxo escaping. */
	if (strcmp(r->r_mailer->m_mailer, "[LOCAL]") != 0)
		o.mo_flags |= MBOX_F_CLEN;
	o.mo_mode = 0600;
	o.mo_lock_ms = DELIVER_LOCK_MS;
	o.mo_stale_secs = DELIVER_STALE_SECS;
	o.mo_queuefd = deliver_line_open(dm);
	if (o.mo_queuefd >= 0)
		o.mo_flags |= MBOX_F_QUEUE;
	ex = deliver_append(dm, r->r_mailer, path, &o, why);
	if (o.mo_queuefd >= 0)
		(void)close(o.mo_queuefd);
	free(path);
	return ex;
}

const char *
deliver_safefile(const char *path, char *buf, size_t size,
    const char **chrootp)
{
	const char *sfe = readcf_config()->cf_conf.co_safefileenvironment;
	size_t n;

	*chrootp = NULL;
	if (sfe == NULL || *sfe == '\0') {
		(void)snprintf(buf, size, "%s", path);
		return buf;
	}
	/* a path naming the directory itself loses it (recorded: DIR/x
	 * and /x reach the same file) */
	n = strlen(sfe);
	if (strncmp(path, sfe, n) == 0 && (path[n] == '/' || path[n] == '\0'))
		path += n;
	if (*path == '\0')
		path = "/";
	if (geteuid() == 0) {
		*chrootp = sfe;
		(void)snprintf(buf, size, "%s", path);
	} else	/* no chroot without root: the same file by its full name */
		(void)snprintf(buf, size, "%s%s", sfe, path);
	return buf;
}

/*
 * Under SafeFileEnvironment only a regular file is written (recorded:
 * a symbolic link, a FIFO and a directory give "Can't create output",
 * EX_CANTCREAT); one that does not exist yet is created.  HOSTPATH is
 * the file's name from outside any chroot.
 */
static int
deliver_safefile_check(const char *hostpath, SM_STR *why)
{
	struct stat st;

	if (lstat(hostpath, &st) < 0)
		return errno == ENOENT ? EX_OK : EX_CANTCREAT;
	if (S_ISLNK(st.st_mode))
		(void)sm_str_addf(why, "cannot open %s: Symbolic links not "
		    "allowed", hostpath);
	else if (!S_ISREG(st.st_mode))
		(void)sm_str_addf(why, "cannot open %s: not a regular file",
		    hostpath);
	else
		return EX_OK;
	return EX_CANTCREAT;
}

/*
 * As root, a file is written by a child running as the controlling user
 * (DefaultUser for an alias), as sendmail's mailfile does: an alias may
 * not make root write where its user could not.  Under SafeFileEnvironment
 * the child first changes its root to ROOT.  Returns the child's exit
 * code; WHY gets what the child could say (only its code crosses).
 */
static int
deliver_file_as(const struct deliver_msg *dm, const struct rcpt *r,
    const char *path, const char *root, const struct mbox_opts *o,
    SM_STR *why)
{
	const struct conf *co = &readcf_config()->cf_conf;
	uid_t uid = r->r_ctl ? r->r_uid : co->co_defaultuser_uid;
	gid_t gid = r->r_ctl ? r->r_gid : co->co_defaultuser_gid;
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		if (root != NULL && (chroot(root) < 0 || chdir("/") < 0))
			_exit(EX_CANTCREAT);
		if (setgroups(0, NULL) < 0 || setgid(gid) < 0 ||
		    setuid(uid) < 0)
			_exit(EX_TEMPFAIL);
		_exit(deliver_append(dm, r->r_mailer, path, o, why));
	}
	if (pid < 0 || waitpid(pid, &status, 0) < 0) {
		(void)sm_str_sets(why, "cannot fork");
		return EX_OSERR;
	}
	return sm_spawn_exitcode(status);
}

int
deliver_file(const struct deliver_msg *dm, const struct rcpt *r, SM_STR *why)
{
	const char *sfe = readcf_config()->cf_conf.co_safefileenvironment;
	const char *root, *path;
	char buf[4096], host[4200];
	struct mbox_opts o;
	int ex;

	if (strcmp(r->r_user, "/dev/null") == 0)
		return EX_OK;
	path = deliver_safefile(r->r_user, buf, sizeof(buf), &root);
	if (sfe != NULL) {
		(void)snprintf(host, sizeof(host), "%s%s", root != NULL ?
		    root : "", path);
		if ((ex = deliver_safefile_check(host, why)) != EX_OK)
			return ex;
	}
	memset(&o, 0, sizeof(o));
	o.mo_flags = MBOX_F_NODOTLOCK;
	o.mo_uid = (uid_t)-1;
	o.mo_gid = (gid_t)-1;
	o.mo_mode = 0600;
	o.mo_lock_ms = DELIVER_LOCK_MS;
	if (geteuid() == 0)
		return deliver_file_as(dm, r, path, root, &o, why);
	return deliver_append(dm, r->r_mailer, path, &o, why);
}

/* Expand the mailer's A= into ARGV (strings malloc'd). */
static int
deliver_argv(const MAILER *m, char **argv, size_t max)
{
	size_t n = 0;
	char buf[MACRO_BUFSIZE];

	size_t i;

	if (m->m_argv == NULL || m->m_argv[0] == NULL)
		return -1;
	for (i = 0; m->m_argv[i] != NULL && n + 3 < max; i++) {
		(void)macro_expand(m->m_argv[i], buf, sizeof(buf));
		argv[n++] = sm_strdup_x(buf);
		/* F=f / F=r: "-f sender" after the program name */
		if (i == 0 && (mailer_flag(m, 'f') || mailer_flag(m, 'r'))) {
			argv[n++] = sm_strdup_x(mailer_flag(m, 'f') ? "-f" :
			    "-r");
			(void)macro_expand("\201g", buf, sizeof(buf));
			argv[n++] = sm_strdup_x(buf);
		}
	}
	argv[n] = NULL;
	return 0;
}

/* The bytes a program reads: From line (unless F=n), headers, blank
 * line, body. */
static int
deliver_prog_input(const struct deliver_msg *dm, const MAILER *m,
    SM_STR *in)
{
	char buf[65536];
	ssize_t n;

	if (!mailer_flag(m, 'n')) {
		const char *l = readcf_config()->cf_conf.co_unixfromline;
		char line[MACRO_BUFSIZE];

		(void)macro_expand(l != NULL ? l : "From \201g  \201d", line,
		    sizeof(line));
		(void)sm_str_addf(in, "%s\n", line);
	}
	if (deliver_headers(dm, m, in) < 0)
		return -1;
	(void)sm_str_adds(in, "\n");
	if (lseek(dm->dm_dfd, 0, SEEK_SET) < 0)
		return -1;
	while ((n = read(dm->dm_dfd, buf, sizeof(buf))) > 0)
		if (sm_str_add(in, buf, (size_t)n) < 0)
			return -1;
	return n < 0 ? -1 : 0;
}

/* Who the program runs as (when we are root): F=S keeps root (procmail
 * and mail.local deliver for any user), else U=, else the controlling
 * user, else DefaultUser -- sendmail's order. */
static void
deliver_prog_ids(struct sm_spawn *sp, const struct rcpt *r)
{
	const struct conf *co = &readcf_config()->cf_conf;
	const MAILER *m = r->r_mailer;

	if (geteuid() != 0 || mailer_flag(m, 'S'))
		return;
	if (m->m_uid != (uid_t)-1 && m->m_uid != 0) {
		sp->sp_uid = m->m_uid;
		sp->sp_gid = m->m_gid != (gid_t)-1 ? m->m_gid :
		    co->co_defaultuser_gid;
	} else if (r->r_ctl) {
		sp->sp_uid = r->r_uid;
		sp->sp_gid = r->r_gid;
	} else {
		sp->sp_uid = co->co_defaultuser_uid;
		sp->sp_gid = co->co_defaultuser_gid;
	}
}

/* Run SP with IN; its exit code, output into WHY. */
static int
deliver_run(struct sm_spawn *sp, const SM_STR *in, SM_STR *why)
{
	struct sm_spawn_buf out;
	const char *err = NULL;
	int ex;

	memset(&out, 0, sizeof(out));
	out.b_max = 65536;	/* the transcript keeps it */
	if (sm_spawn_start(sp, &err) < 0) {
		(void)sm_str_addf(why, "%s: %s", err != NULL ? err :
		    "cannot run", strerror(errno));
		return sp->sp_exit;
	}
	(void)sm_spawn_pump(sp, in->s_data, in->s_len, &out, &out,
	    DELIVER_PROG_MS, &err);
	/* its output is at end of file: it is exiting, or holds its
	 * descriptors for itself; wait as long as for the whole exchange */
	ex = sm_spawn_wait(sp, DELIVER_PROG_MS);
	if (out.b_data != NULL && out.b_len > 0) {
		sm_str_truncate(why, 0);
		(void)sm_str_add(why, out.b_data, out.b_len);
		sm_str_rtrim(why);
	}
	free(out.b_data);
	return ex;
}

int
deliver_prog(const struct deliver_msg *dm, const struct rcpt *r, SM_STR *why)
{
	const MAILER *m = r->r_mailer;
	char *argv[DELIVER_ARGV_MAX];
	struct rcpt rr = *r;
	struct sm_spawn sp;
	SM_STR *in;
	int ex;
	size_t i;

	if (rr.r_user[0] == '|')
		rr.r_user++;
	deliver_set_macros(dm, &rr);
	if (deliver_argv(m, argv, DELIVER_ARGV_MAX) < 0) {
		(void)sm_str_sets(why, "mailer has no A=");
		return EX_CONFIG;
	}
	in = sm_str_new(SM_STR_NOMAX);
	if (deliver_prog_input(dm, m, in) < 0) {
		ex = EX_IOERR;
		(void)sm_str_sets(why, "cannot read the message");
	} else {
		sm_spawn_init(&sp, m->m_mailer, argv, (char **)readcf_env());
		sp.sp_io[0] = SM_SPAWN_PIPE;
		sp.sp_io[1] = SM_SPAWN_PIPE;
		sp.sp_io[2] = SM_SPAWN_PIPE;
		sp.sp_cwd = r->r_home != NULL &&
		    access(r->r_home, X_OK) == 0 ? r->r_home : "/";
		sp.sp_flags = mailer_flag(m, 'l') ? SM_SPAWN_LOCAL : 0;
		deliver_prog_ids(&sp, r);
		ex = deliver_run(&sp, in, why);
	}
	sm_str_free(in);
	for (i = 0; argv[i] != NULL; i++)
		free(argv[i]);
	return ex;
}
