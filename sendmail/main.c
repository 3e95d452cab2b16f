/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * main.c -- sendmail's command line: parse the arguments as sendmail
 * 8.17 does (the same options, messages and exit statuses), run the
 * start-up, dispatch to the mode: -bm/-t submission, -bs, -bd/-bD, -q,
 * -bp (mailq), -bP, -bi (newaliases), -bv, -bt, -bh/-bH.  argv[0]
 * mailq, newaliases, hoststat, purgestat and smtpd select their mode.
 *
 * Everything else lives in modules that unit tests link.
 * Runs as whoever started it: a user agent, root for the daemon.
 */
#include "libsm/debug.h"
#include "libsm/log.h"
#include "libsm/str.h"
#include "sendmail/bt.h"
#include "sendmail/daemon.h"
#include "sendmail/hoststat.h"
#include "sendmail/macro.h"
#include "sendmail/map.h"
#include "sendmail/msg.h"
#include "sendmail/newaliases.h"
#include "sendmail/queue.h"
#include "sendmail/readcf.h"
#include "sendmail/rewrite.h"
#include "sendmail/srvrsmtp.h"
#include "sendmail/start.h"
#include "sendmail/submit.h"
#include "sendmail/token.h"
#include "sendmail/verify.h"

#include <sys/stat.h>

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#define MAIN_DEFAULT_CF	"/etc/mail/sendmail.cf"
/* sendmail 8.17's option letters; ':' after one that takes a value */
#define MAIN_OPTIONS \
	"A:B:b:C:cD:d:e:F:f:Gh:IiL:M:mN:nO:o:p:Q:q:R:r:sTtUV:vX:"
/* the -b letters sendmail knows */
#define MAIN_MODES	"aCdDhHimpPstvz"

struct main_args {
	const char	*prog;		/* argv[0] for getopt's messages */
	int		mode;		/* the letter after -b */
	const char	*cf;		/* -C */
	char		**opts;		/* -O and -o, in order */
	int		nopts;
	const char	**macros;	/* -M values, in order */
	int		nmacros;
	char		**rest;		/* addresses */
	int		nrest;
	struct submit_args sub;		/* -f -F -t -i -N -R -V -B -v */
	bool		queue;		/* some -q was given */
	bool		qforeground;	/* -qf (Tern runs a single pass in the
					   foreground anyway; an interval
					   runner detaches even so, as
					   sendmail's) */
	bool		qpersist;	/* -qp: one runner that sleeps */
	time_t		qintvl;		/* -q30m */
	const char	*qgroup;	/* -qGname */
	const char	*quarantine;	/* -Q reason; "" unquarantine */
	int		finalmode;	/* the -b letter the line ends with */
	int		qletter;	/* -qQ: 'h', -qL: 'Q' */
	struct queue_select qsel;	/* -qI/-qR/-qS[!] */
	const char	*ltag;		/* -L */
	const char	*xfile;		/* -X */
	int		status;		/* EX_USAGE after a usage error */
	bool		qconflict;	/* -q/-Q with a mode they do not fit */
	bool		fatal;		/* one that ends the run at once */
};

/* A usage problem sendmail reports and goes on (ExitStat = EX_USAGE). */
static void main_usrerr(struct main_args *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void
main_usrerr(struct main_args *a, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	(void)vprintf(fmt, ap);
	va_end(ap);
	(void)putchar('\n');
	a->status = EX_USAGE;
}

/* getopt's own complaints, on standard error, end the run. */
static void
main_badopt(struct main_args *a, const char *what, int c)
{
	(void)fflush(stdout);
	(void)fprintf(stderr, "%s: %s -- %c\n", a->prog, what, c);
	exit(EX_USAGE);
}

/* Keep an -O (long) or -o (letter) option as readcf_option text. */
static void
main_keep_opt(struct main_args *a, int letter, const char *v)
{
	size_t len = strlen(v) + 3;
	char *t = malloc(len);

	if (t == NULL)
		exit(EX_OSERR);
	(void)snprintf(t, len, "%s%s", letter == 'O' ? " " : "", v);
	a->opts = realloc(a->opts, (size_t)(a->nopts + 1) * sizeof(*a->opts));
	if (a->opts == NULL)
		exit(EX_OSERR);
	a->opts[a->nopts++] = t;
}

/* -N: never, or a list of success, failure, delay. */
static bool
main_notify_ok(const char *v)
{
	char buf[256], *p, *next;
	bool never = false, other = false;

	if (strlen(v) >= sizeof(buf))
		return false;
	(void)snprintf(buf, sizeof(buf), "%s", v);
	for (p = buf; p != NULL; p = next) {
		next = strchr(p, ',');
		if (next != NULL)
			*next++ = '\0';
		if (strcasecmp(p, "never") == 0)
			never = true;
		else if (strcasecmp(p, "success") == 0 ||
		    strcasecmp(p, "failure") == 0 ||
		    strcasecmp(p, "delay") == 0)
			other = true;
		else
			return false;
	}
	return !(never && other);
}

/* -V ENVID: xtext (RFC 3461): '!' to '~' but '=', and '+' only before
 * two hex digits (sendmail takes lower case ones too). */
static bool
main_envid_ok(const char *v)
{
	static const char hex[] = "0123456789ABCDEFabcdef";

	if (*v == '\0')
		return false;
	for (; *v != '\0'; v++) {
		if (*v <= ' ' || *v >= 0x7f || *v == '=')
			return false;
		if (*v == '+') {
			if (v[1] == '\0' || strchr(hex, v[1]) == NULL ||
			    v[2] == '\0' || strchr(hex, v[2]) == NULL)
				return false;
			v += 2;
		}
	}
	return true;
}

/* -q: an interval, f (foreground), or a selection [!]I R S Q L. */
/* sendmail says "550 " before a usage error of the SMTP modes. */
static const char *
main_smtp_code(int mode)
{
	return strchr("sda", mode) != NULL ? "550 " : "";
}

/* -q and -Q may not go with the -b mode the command line ends with
 * (sendmail knows it when it meets either: its own first pass). */
static void
main_q_conflict(struct main_args *a, int letter)
{
	if (strchr(letter == 'q' ? "dDpPm" : "m", a->finalmode) != NULL)
		return;
	/* in the SMTP modes a reply: CR LF */
	(void)printf("%sCan not use -%c with -b%c%s\n",
	    main_smtp_code(a->finalmode), letter, a->finalmode,
	    *main_smtp_code(a->finalmode) != '\0' ? "\r" : "");
	a->status = EX_USAGE;
	a->qconflict = true;
}

/* -Q reason (or -Q alone, ""): change the quarantine of queued items. */
static void
main_quarantine_opt(struct main_args *a, const char *v)
{
	if (a->finalmode != 'm') {
		main_q_conflict(a, 'Q');
		return;
	}
	if (a->qletter == QUEUE_LOST) {
		(void)puts("Can not use -Q with -qL");
		a->status = EX_USAGE;
		a->qconflict = true;
		return;
	}
	a->quarantine = v;
}

/* -q[p]time: the interval (negative is "Invalid -q value"). */
static void
main_queue_intvl(struct main_args *a, const char *s)
{
	char note[256];

	note[0] = '\0';
	a->qintvl = conf_convtime(s, 'm', note, sizeof(note));
	if (note[0] != '\0') {
		(void)fputs(note, stdout);
		if (note[strlen(note) - 1] != '\n')
			(void)putchar('\n');
	} else if (a->qintvl < 0)
		(void)puts("Invalid -q value");
	else
		return;
	a->status = EX_USAGE;
	a->fatal = true;
}

/* -q: an interval, f (foreground), p (persistent), G (group) or a
 * selection [!]I R S Q L. */
static void
main_queue_opt(struct main_args *a, const char *v)
{
	const char *s = v[0] == '!' ? v + 1 : v;

	a->queue = true;
	main_q_conflict(a, 'q');
	switch (*s) {
	case 'I': case 'R': case 'S':
		(void)queue_select_add(&a->qsel, v);
		return;
	case 'Q':
		a->qletter = QUEUE_HF;
		if (s[1] != '\0')
			(void)queue_select_add(&a->qsel, v);
		return;
	case 'L':
		a->qletter = QUEUE_LOST;
		if (a->quarantine != NULL) {
			(void)puts("Can not use -Q with -qL");
			a->status = EX_USAGE;
			a->qconflict = true;
		}
		return;
	case 'f':
		a->qforeground = true;
		return;
	case 'G':
		if (s != v) {
			(void)puts("Can not use -q!G");
			a->status = EX_USAGE;
			a->fatal = true;
		}
		a->qgroup = s + 1;
		return;
	case 'p':
		a->qpersist = true;
		s++;
		break;
	default:
		break;
	}
	if (*s != '\0')
		main_queue_intvl(a, s);
}

/* -f/-r, -N, -R, -V, -B: the envelope options sendmail checks. */
static void
main_env_check(struct main_args *a, int c, const char *v)
{
	switch (c) {
	case 'f':
	case 'r':
		if (a->sub.sa_from != NULL)
			main_usrerr(a, "More than one \"from\" person");
		else
			a->sub.sa_from = v;
		break;
	case 'N':
		if (main_notify_ok(v))
			a->sub.sa_notify = v;
		else
			main_usrerr(a, "Invalid -N argument");
		break;
	case 'R':
		if (a->sub.sa_ret != NULL)
			main_usrerr(a, "Duplicate -R flag");
		else if (strcasecmp(v, "hdrs") != 0 &&
		    strcasecmp(v, "full") != 0)
			main_usrerr(a, "Invalid -R value");
		else
			a->sub.sa_ret = v;
		break;
	case 'V':
		if (main_envid_ok(v))
			a->sub.sa_envid = v;
		else
			main_usrerr(a, "Invalid syntax in -V flag");
		break;
	case 'B':
		if (strcasecmp(v, "7bit") == 0 ||
		    strcasecmp(v, "8bitmime") == 0)
			a->sub.sa_body = v;
		else
			main_usrerr(a, "Illegal body type %s", v);
		break;
	default:
		break;
	}
}

/* A bad -f -N -R -V ends the run after the options; -B does not. */
static void
main_env_opt(struct main_args *a, int c, const char *v)
{
	int before = a->status;

	main_env_check(a, c, v);
	if (a->status != before && c != 'B')
		a->fatal = true;	/* -f -N -R -V: the run ends */
}

/* -b: the mode letter. */
static void
main_mode_opt(struct main_args *a, const char *v)
{
	if (v[0] == 'z' && v[1] == '\0') {
		main_usrerr(a, "Frozen configurations unsupported");
		exit(EX_USAGE);
	}
	if (v[0] == '\0' || v[1] != '\0' || strchr(MAIN_MODES, v[0]) == NULL) {
		main_usrerr(a, "Invalid operation mode %s", v);
		exit(EX_USAGE);
	}
	a->mode = v[0];
}

/* One option C with its argument V (NULL when it takes none). */
static void
main_opt(struct main_args *a, int c, const char *v)
{
	char *end;

	switch (c) {
	case 'b':
		main_mode_opt(a, v);
		break;
	case 'C':
		a->cf = v;
		break;
	case 'd':
		(void)sm_debug_set(v, NULL);
		token_debug_words(v);
		break;
	case 'O':
	case 'o':
		if (c == 'o' && (v[0] == 'i' || v[0] == 'I') && v[1] == '\0')
			a->sub.sa_ignoredots = true;
		main_keep_opt(a, c, v);
		break;
	case 'F':
		a->sub.sa_fullname = v;
		break;
	case 'h':
		(void)strtol(v, &end, 10);
		if (*v == '\0' || *end != '\0') {
			main_usrerr(a, "Bad hop count (%s)", v);
			a->fatal = true;
		}
		break;
	case 'i':
		a->sub.sa_ignoredots = true;
		main_keep_opt(a, 'o', "i");
		break;
	case 't':
		a->sub.sa_tflag = true;
		break;
	case 'v':
		a->sub.sa_verbose = true;
		main_keep_opt(a, 'o', "v");
		break;
	case 'q':
		main_queue_opt(a, v);
		break;
	case 'Q':
		main_quarantine_opt(a, v);
		break;
	case 's':	/* -s: SaveFromLine, as -of */
		main_keep_opt(a, 'o', "f");
		break;
	case 'm':
		main_keep_opt(a, 'o', "m");
		break;
	case 'L':
		a->ltag = v;
		break;
	case 'X':
		a->xfile = v;
		break;
	case 'M':
		a->macros = realloc(a->macros,
		    (size_t)(a->nmacros + 1) * sizeof(*a->macros));
		if (a->macros == NULL)
			exit(EX_OSERR);
		a->macros[a->nmacros++] = v;
		break;
	case 'I':
	case 'U':
		a->status = EX_USAGE;	/* gone from 8.17, silently */
		break;
	default:
		main_env_opt(a, c, v);	/* others: accepted, no effect */
		break;
	}
}

/* The command line, as sendmail's getopt reads it (options end at the
 * first argument that is not one, or at "--"). */
static void
main_parse(int argc, char **argv, struct main_args *a)
{
	int i;

	for (i = 1; i < argc; i++) {
		char *p = argv[i];

		if (p[0] != '-' || p[1] == '\0')
			break;
		if (strcmp(p, "--") == 0) {
			i++;
			break;
		}
		for (p++; *p != '\0'; p++) {
			int c = (unsigned char)*p;
			const char *o = strchr(MAIN_OPTIONS, c);

			if (c == ':' || o == NULL)
				main_badopt(a, "illegal option", c);
			if (o[1] != ':') {
				main_opt(a, c, NULL);
				continue;
			}
			if (c == 'q' || c == 'Q' ||
			    (c == 'd' && p[1] == '\0')) {
				/* -q's and -Q's values are optional; -d
				 * alone is -d0-99.1, as in sendmail */
				main_opt(a, c, c == 'd' ? "0-99.1" : p + 1);
				break;
			}
			if (p[1] != '\0')
				main_opt(a, c, p + 1);
			else if (i + 1 < argc)
				main_opt(a, c, argv[++i]);
			else
				main_badopt(a, "option requires an argument",
				    c);
			break;
		}
	}
	a->rest = argv + i;
	a->nrest = argc - i;
	if (a->qconflict && a->mode != 't')
		a->fatal = true;
	if (a->fatal) {
		(void)fflush(stdout);
		exit(EX_USAGE);
	}
}

/*
 * sendmail's first look at the command line, walked as main_parse walks
 * it: the -b mode it ends with (the -q and -Q checks need it), and a
 * "-Q." the user wrote (sendmail keeps that spelling for "-Q" alone and
 * refuses it at once, before any other complaint).
 */
static void
main_prescan(int argc, char **argv, struct main_args *a)
{
	int i;

	a->finalmode = a->mode;
	for (i = 1; i < argc; i++) {
		const char *p = argv[i], *o;

		if (p[0] != '-' || p[1] == '\0' || strcmp(p, "--") == 0)
			return;
		for (p++; *p != '\0'; p++) {
			if (*p == ':' || (o = strchr(MAIN_OPTIONS, *p)) == NULL ||
			    o[1] != ':')
				continue;
			if (*p == 'Q' && p[1] == '.') {
				(void)puts("Can not use -Q.");
				(void)fflush(stdout);
				exit(EX_USAGE);
			}
			if (*p == 'b' && p[1] != '\0' && p[2] == '\0' &&
			    strchr(MAIN_MODES, p[1]) != NULL)
				a->finalmode = (unsigned char)p[1];
			else if (*p == 'b' && p[1] == '\0' && i + 1 < argc &&
			    strlen(argv[i + 1]) == 1 &&
			    strchr(MAIN_MODES, argv[i + 1][0]) != NULL)
				a->finalmode = (unsigned char)argv[i + 1][0];
			if (p[1] == '\0' && strchr("qQd", *p) == NULL)
				i++;	/* the value is the next argument */
			break;
		}
	}
}

/* The mode an invocation name selects (mailq, newaliases ...). */
static int
main_mode_of(const char *argv0)
{
	const char *b = strrchr(argv0, '/');

	b = b != NULL ? b + 1 : argv0;
	if (strcmp(b, "mailq") == 0)
		return 'p';
	if (strcmp(b, "newaliases") == 0)
		return 'i';
	if (strcmp(b, "hoststat") == 0)
		return 'h';
	if (strcmp(b, "purgestat") == 0)
		return 'H';
	if (strcmp(b, "smtpd") == 0)
		return 'd';
	return 'm';
}

/* The queue options of the command line and the cf. */
static void
main_scan_opts(const struct main_args *a, struct queue_scan_opts *o)
{
	const struct conf *co = &readcf_config()->cf_conf;

	memset(o, 0, sizeof(*o));
	o->qo_letter = a->qletter;
	o->qo_select = &a->qsel;
	o->qo_sort = co->co_queuesortorder;
	o->qo_minqueueage = co->co_minqueueage;
	o->qo_maxrun = co->co_maxqueuerunsize;
	o->qo_la = -1;
	o->qo_queuela = co->co_queuela;
	o->qo_queuefactor = co->co_queuefactor;
}

/* -bp, mailq: the queue as sendmail lists it. */
static int
main_mailq(const struct main_args *a)
{
	struct queue_scan_opts o;
	struct queue_dir qd;
	SM_STR *why;
	int n, st;

	if ((st = daemon_queue_open(&qd)) != EX_OK)
		return st;
	main_scan_opts(a, &o);
	o.qo_all = true;
	why = sm_str_new(0);
	n = queue_print(stdout, &qd, &o, a->sub.sa_verbose, why);
	if (n < 0)
		(void)printf("%s\n", sm_str_data(why));
	else if (a->qgroup == NULL)	/* -qG: that group only, no total */
		queue_print_total(stdout, n);
	sm_str_free(why);
	queue_dir_close(&qd);
	return n >= 0 ? EX_OK : EX_OSERR;
}

/* -bP: the number of entries per queue (sendmail keeps these counts in
 * shared memory, so only with SharedMemoryKey set; Tern counts).  The
 * texts are sendmail 8.17's: "PATH is empty" (no total), or "PATH:
 * entries=N" and the total. */
static int
main_counts(const struct main_args *a)
{
	struct queue_scan_opts o;
	struct queue_list l;
	struct queue_dir qd;
	SM_STR *why;
	int st;

	if (readcf_config()->cf_conf.co_sharedmemorykey == 0) {
		(void)puts("Data unavailable: shared memory not updated");
		return EX_OK;
	}
	if ((st = daemon_queue_open(&qd)) != EX_OK)
		return st;
	main_scan_opts(a, &o);
	o.qo_all = true;
	o.qo_select = NULL;
	why = sm_str_new(0);
	if (queue_scan(&qd, &o, &l, why) < 0) {
		(void)printf("%s\n", sm_str_data(why));
		st = EX_OSERR;
	} else {
		if (l.ql_n == 0)
			(void)printf("%s is empty\n", qd.qd_path);
		else
			(void)printf("%s: entries=%zu\n\t\tTotal requests: "
			    "%zu\n", qd.qd_path, l.ql_n, l.ql_n);
		queue_list_free(&l);
	}
	sm_str_free(why);
	queue_dir_close(&qd);
	return st;
}

/* -Q[reason]: quarantine, requarantine or release the selected items
 * (sendmail does one pass and ends, even with an interval). */
static int
main_quarantine(const struct main_args *a)
{
	struct queue_scan_opts o;
	struct queue_dir qd;
	SM_STR *why;
	int n, st;

	if ((st = daemon_queue_open(&qd)) != EX_OK)
		return st;
	main_scan_opts(a, &o);
	why = sm_str_new(0);
	n = queue_quarantine(stdout, &qd, &o, a->quarantine,
	    a->sub.sa_verbose, why);
	if (n < 0)
		(void)printf("%s\n", sm_str_data(why));
	sm_str_free(why);
	queue_dir_close(&qd);
	return n >= 0 ? EX_OK : EX_OSERR;
}

static volatile sig_atomic_t main_stop;

static void
main_on_term(int sig)
{
	(void)sig;
	main_stop = 1;
}

/* PidFile of the persistent runner: its pid, then the command line. */
/*
 * -qp[time]: sendmail's persistent queue runner: one process (in the
 * background) that runs the queue, sleeps the interval (1 s when none
 * was given) and runs it again, until SIGTERM.
 */
static int
main_persistent(const struct main_args *a, const struct queue_scan_opts *o,
    char **argv)
{
	struct sigaction sa;
	char ivl[64];
	time_t t = a->qintvl > 0 ? a->qintvl : 1;
	pid_t pid;

	(void)fflush(stdout);
	if ((pid = fork()) < 0)
		return EX_OSERR;
	if (pid > 0)
		return EX_OK;
	(void)setsid();
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = main_on_term;
	(void)sigaction(SIGTERM, &sa, NULL);
	(void)queue_interval(t, true, ivl, sizeof(ivl));
	sm_log(LOG_INFO, NULL, "starting daemon (%s): persistent-queueing@%s",
	    START_VERSION, ivl);
	daemon_pidfile(argv);
	while (!main_stop) {
		(void)daemon_queue_run(o);
		if (!main_stop)
			(void)sleep((unsigned)t);
	}
	_exit(EX_OK);
}

/* -q without -bd: one run, or (-q30m) a background runner. */
static int
main_queue(struct main_args *a, char **argv)
{
	struct queue_scan_opts o;
	struct daemon_opts d;

	main_scan_opts(a, &o);
	if (a->qpersist)
		return main_persistent(a, &o, argv);
	if (a->qintvl <= 0)
		return daemon_queue_run(&o);
	memset(&d, 0, sizeof(d));
	d.do_detach = true;	/* -qf too: sendmail's runner always detaches */
	d.do_qintvl = a->qintvl;
	d.do_qopts = &o;
	d.do_argv = argv;
	return daemon_run(&d);
}

/* -bd, -bD: the SMTP daemon, with a queue runner when -qN was given. */
static int
main_daemon(struct main_args *a, char **argv)
{
	struct queue_scan_opts o;
	struct daemon_opts d;

	main_scan_opts(a, &o);
	memset(&d, 0, sizeof(d));
	d.do_listen = true;
	d.do_detach = a->mode == 'd';
	d.do_qintvl = a->qintvl;
	d.do_qopts = &o;
	d.do_argv = argv;
	d.do_xscript = a->xfile;
	return daemon_run(&d);
}

/* -bs: one SMTP session on standard input and output; its client is
 * the peer of standard input when that is a socket (inetd). */
static int
main_smtp(const struct main_args *a)
{
	struct smtp_peer peer;
	char addr[1025], name[1025];
	int in = 0, out = 1;
	bool inetd = daemon_fd_peer(0, &peer, addr, sizeof(addr), name,
	    sizeof(name)) == 0;

	if (a->xfile != NULL && daemon_xscript(a->xfile, &in, &out) < 0) {
		(void)printf("cannot open %s: %s\n", a->xfile,
		    strerror(errno));
		return EX_CANTCREAT;
	}
	(void)fflush(stdout);
	return smtp_serve(in, out, inetd ? &peer : NULL);
}

/* -bm (the default) and -t: a message on standard input. */
static int
main_submit(struct main_args *a)
{
	if (a->nrest == 0 && !a->sub.sa_tflag) {
		(void)puts("Recipient names must be specified");
		return EX_USAGE;
	}
	a->sub.sa_rcpts = a->rest;
	a->sub.sa_nrcpts = a->nrest;
	a->sub.sa_mode = 0;
	(void)fflush(stdout);
	return submit_stdin(0, &a->sub);
}

static int main_hoststat(const struct main_args *a);

static int
main_dispatch(struct main_args *a, char **argv)
{
	switch (a->mode) {
	case 't':
		rewrite_set_trace(1);
		if (a->status != 0)	/* -q/-Q with -bt: it runs, then 64 */
			msg_setstat(a->status);
		bt_banner();
		return bt_run(stdin);
	case 'v':
		if (a->nrest == 0) {
			(void)puts("Recipient names must be specified");
			return EX_USAGE;
		}
		errno = 0;	/* a syserr's status as sendmail's (70) */
		return verify_run(a->rest, a->nrest);
	case 'p':
		return main_mailq(a);
	case 'P':
		return main_counts(a);
	case 'i':
		return newaliases_run(stdout);
	case 's':
	case 'a':
		return main_smtp(a);
	case 'd':
	case 'D':
		return main_daemon(a, argv);
	case 'h':
	case 'H':
		return main_hoststat(a);
	case 'C':
		return EX_OK;	/* -bC: the cf was read */
	default:
		if (a->quarantine != NULL)
			return main_quarantine(a);
		return a->queue ? main_queue(a, argv) : main_submit(a);
	}
}

/* -Mxvalue, -M{name}value: macros defined before the cf is read. */
static void
main_macros(const struct main_args *a)
{
	const char *end;
	int i, id;

	for (i = 0; i < a->nmacros; i++) {
		id = macro_id(a->macros[i], &end);
		if (id == 0) {		/* macro_id said why */
			(void)fflush(stdout);
			exit(EX_SOFTWARE);
		}
		macro_set(id, end);
	}
}

/* The usable HostStatusDirectory ("" when none), for -bh and -bH. */
static char main_hsdir[2048];

/* sendmail's check of HostStatusDirectory after the cf (a relative one
 * lives in the queue directory). */
static void
main_check_hoststat(void)
{
	const struct conf *co = &readcf_config()->cf_conf;
	const char *hs = co->co_hoststatusdirectory;
	char path[2048];
	struct stat st;

	if (hs == NULL || *hs == '\0')
		return;
	if (hs[0] != '/' && co->co_queuedirectory != NULL)
		(void)snprintf(path, sizeof(path), "%s/%s",
		    co->co_queuedirectory, hs);
	else
		(void)snprintf(path, sizeof(path), "%s", hs);
	if (stat(path, &st) < 0)
		(void)printf("Warning: Cannot use HostStatusDirectory = %s: "
		    "%s\n", hs, strerror(errno));
	else if (!S_ISDIR(st.st_mode))
		(void)printf("Warning: Cannot use HostStatusDirectory = %s: "
		    "%s\n", hs, strerror(ENOTDIR));
	else
		(void)snprintf(main_hsdir, sizeof(main_hsdir), "%s", path);
}

/* The lines of the cf: sendmail's messages about a status file carry
 * the line number its cf reading ended with. */
static int
main_cf_lines(const char *cf)
{
	FILE *fp = fopen(cf, "r");
	int c, n = 0;

	if (fp == NULL)
		return 0;
	while ((c = getc(fp)) != EOF)
		n += c == '\n';
	(void)fclose(fp);
	return n;
}

/* -bh (hoststat) and -bH (purgestat): nothing without a directory. */
static int
main_hoststat(const struct main_args *a)
{
	const struct conf *co = &readcf_config()->cf_conf;
	int line = 0;

	if (main_hsdir[0] == '\0')
		return EX_OK;
	if (a->mode == 'H') {
		(void)hoststat_purge(main_hsdir, co->co_timeout_hoststatus,
		    time(NULL));
		return EX_OK;
	}
	line = main_cf_lines(a->cf != NULL ? a->cf : MAIN_DEFAULT_CF);
	(void)hoststat_print(stdout, main_hsdir, a->sub.sa_verbose,
	    time(NULL), line);
	return EX_OK;
}

/* -qGname: Tern has one queue group, sendmail's default "mqueue";
 * another name ends the run (status 0, as sendmail). */
static void
main_check_qgroup(const struct main_args *a)
{
	if (a->qgroup == NULL || strcmp(a->qgroup, "mqueue") == 0)
		return;
	(void)printf("Queue group %s unknown\n", a->qgroup);
	(void)fflush(stdout);
	exit(a->status);
}

/* -X for modes without a session: output lines go to the file too. */
static void
main_xscript_out(const struct main_args *a)
{
	int in = -1, out = 1;

	if (a->xfile == NULL || strchr("sadD", a->mode) != NULL)
		return;
	(void)fflush(stdout);
	if (daemon_xscript(a->xfile, &in, &out) < 0) {
		(void)printf("cannot open %s: %s\n", a->xfile,
		    strerror(errno));
		(void)fflush(stdout);
		exit(EX_CANTCREAT);
	}
	if (out != 1 && dup2(out, 1) >= 0)
		(void)close(out);
}

/* Before the cf: a bad -O/-o ends the run (sendmail: "readcf: unknown
 * option name X", 70), and so does a cf that cannot be opened. */
static void
main_check_cf(const struct main_args *a)
{
	const char *cf = a->cf != NULL ? a->cf : MAIN_DEFAULT_CF;

	if (msg_errors() > 0) {
		(void)fflush(stdout);
		exit(msg_exitstat() != 0 ? msg_exitstat() : EX_USAGE);
	}
	if (access(cf, R_OK) < 0) {
		(void)printf("%s: line 0: cannot open: %s\n", cf,
		    strerror(errno));
		(void)fflush(stdout);
		exit(EX_OSFILE);
	}
}

int
main(int argc, char **argv)
{
	static char obuf[BUFSIZ * 4];
	struct main_args a;
	int i, st;

	memset(&a, 0, sizeof(a));
	a.prog = argv[0] != NULL ? argv[0] : "sendmail";
	a.mode = main_mode_of(a.prog);
	(void)setvbuf(stdout, obuf, _IOFBF, sizeof(obuf));
	main_prescan(argc, argv, &a);
	main_parse(argc, argv, &a);
	msg_set_out(stdout);
	if (a.ltag != NULL)
		(void)sm_log_open(SM_LOG_SYSLOG, a.ltag, NULL);
	start_init();
	for (i = 0; i < a.nopts; i++)
		readcf_option(a.opts[i], 1);
	main_macros(&a);
	if (a.mode != 't')
		main_check_cf(&a);
	if (start_config(a.cf != NULL ? a.cf : MAIN_DEFAULT_CF,
	    a.mode == 't') < 0 && a.mode != 't')
		exit(msg_exitstat() != 0 ? msg_exitstat() : EX_OSFILE);
	start_mode(a.mode);
	if (a.mode != 't')
		main_check_hoststat();
	main_check_qgroup(&a);
	main_xscript_out(&a);
	st = main_dispatch(&a, argv);
	if (st == EX_OK && a.status != 0)
		st = a.status;
	(void)fflush(stdout);
	map_close_all();
	queue_select_free(&a.qsel);
	for (i = 0; i < a.nopts; i++)
		free(a.opts[i]);
	free(a.opts);
	free(a.macros);
	return st;
}
