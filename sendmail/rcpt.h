/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rcpt.h -- the recipient list of one delivery: each address resolved
 * through rulesets 3 and 0 to a mailer triple, then expanded as sendmail
 * 8.17 expands it: aliases (the "aliases" map built from AliasFile), with
 * owner-LIST taking the errors of LIST; :include: files; the users'
 * ~/.forward (ForwardPath); duplicates dropped; a self reference ("bob:
 * bob, joe", "\bob") delivered without aliasing; loops broken at
 * MaxAliasRecursion ("554 5.4.6 aliasing/forwarding loop broken").
 *
 * Public functions: rcpt_list_init, rcpt_list_free, rcpt_add,
 * rcpt_child, rcpt_expand, rcpt_verify, rcpt_local_exists,
 * rcpt_local_lookup, rcpt_reply_code, rcpt_builtin_local,
 * rcpt_mailbox_dir, rcpt_same.
 *
 * Runs in the delivery process (and the SMTP server for RCPT, VRFY and
 * EXPN), as root or the invoking user; reads the alias maps, include and
 * forward files and the password database.
 */
#ifndef TERN_RCPT_H
#define TERN_RCPT_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "libsm/rpool.h"
#include "libsm/str.h"
#include "sendmail/mailer.h"

/* r_state */
enum rcpt_state {
	RCPT_OPEN,		/* to deliver */
	RCPT_EXPANDED,		/* replaced by its alias/include/forward */
	RCPT_DUP,		/* the same as one before: nothing to do */
	RCPT_SENT,		/* delivered */
	RCPT_TEMP,		/* try again later */
	RCPT_FAIL		/* permanent failure: a DSN */
};

/* One recipient (an R line, or an address one expanded into). */
struct rcpt {
	char		*r_addr;	/* as given: to= in the log */
	char		*r_user;	/* the mailer's $u */
	char		*r_host;	/* $h, NULL for none */
	MAILER		*r_mailer;
	enum rcpt_state	 r_state;
	int		 r_qr;		/* index of the R line it comes from */
	int		 r_parent;	/* the rcpt it was expanded from; -1 */
	int		 r_depth;	/* aliases deep */
	bool		 r_noalias;	/* \user, or a self reference */
	bool		 r_loop;	/* an alias loop was met below */
	bool		 r_ctl;		/* has a controlling user (uid/gid) */
	uid_t		 r_uid;		/* run a program or write a file as */
	gid_t		 r_gid;
	char		*r_home;	/* $z of a local user; NULL */
	char		*r_ctladdr;	/* controlling address of a queued
					   expansion (its C line); NULL */
	char		*r_owner;	/* the list's owner (owner-LIST's
					   value when one address): errors go
					   there and it is the envelope sender
					   of the delivery; NULL: the sender */
	char		*r_status;	/* DSN status "5.1.1"; NULL */
	char		*r_diag;	/* "User unknown"; NULL */
	int		 r_code;	/* the reply code an error mailer's
					   text gave ("553 Invalid route
					   address"); 0: rcpt_reply_code's */
	int		 r_exit;	/* EX_ of the outcome */
	unsigned	 r_seq;		/* when its outcome was set (rl_seq) */
	bool		 r_selfref;	/* an alias naming itself ("bob: bob,
					   joe"): delivered as the user */
};

/* A list of recipients; strings live in rl_pool. */
struct rcpt_list {
	struct rcpt	*rl_v;
	size_t		 rl_n;
	size_t		 rl_size;
	SM_RPOOL	*rl_pool;
	int		 rl_maxdepth;	/* MaxAliasRecursion */
	const char	*rl_qid;	/* for log lines; NULL */
	bool		 rl_expn;	/* built for EXPN */
	bool		 rl_vrfy;	/* built for VRFY: no forward files */
	unsigned	 rl_seq;	/* outcomes set so far */
};

/* rcpt_list_init -- an empty list (MaxAliasRecursion from the options). */
void	rcpt_list_init(struct rcpt_list *rl);

/* rcpt_list_free -- release RL and everything in it. */
void	rcpt_list_free(struct rcpt_list *rl);

/*
 * rcpt_add -- resolve ADDR and add it with what it expands into.
 * Parameters: QR the R line index to remember (-1: none); CTL true when
 *	the address comes from a file or alias (programs and files are
 *	allowed then; directly given they are "550 5.7.1 Cannot mail
 *	directly to programs").
 * Returns: the index of ADDR's own entry, or -1 when it was a duplicate.
 *	Failures are recorded in the entries (r_state, r_status, r_diag),
 *	never returned.
 */
int	rcpt_add(struct rcpt_list *rl, const char *addr, int qr, bool ctl);

/*
 * rcpt_child -- as rcpt_add for an address PARENT expands into (alias,
 *	include, forward): depth, owner and controlling user come from
 *	PARENT.
 */
int	rcpt_child(struct rcpt_list *rl, const char *addr, int parent);

/*
 * rcpt_expand -- EXPN: the addresses ADDR expands into, one line each in
 *	OUT, in the order sendmail 8.17 lists them (each list last member
 *	first, then sorted by host, local ones first; duplicates once):
 *	"Full Name <user@$j>" for local users ("<user@$j>" without a
 *	GECOS name), "<|program>", "</file>", "<user@host>".  The server
 *	prefixes "250-2.1.5 " / "250 2.1.5 ".
 * Returns the number of lines; or -1 when any address failed, with OUT
 *	holding only the failures as whole replies ("550 5.1.1 x... User
 *	unknown"), which is what sendmail answers then.
 */
int	rcpt_expand(const char *addr, SM_STR *out);

/*
 * rcpt_verify -- VRFY: what sendmail 8.17 answers for ADDR, into OUT as
 *	one line: "Full Name <user@$j>" for a login user, "<alias@$j>" for
 *	an alias (not expanded), "<user@host>" for others; or whole failure
 *	replies ("550 5.1.1 x... User unknown", "553 5.1.3 ..." for an
 *	address that does not parse, "550 5.7.1 x... Cannot mail directly
 *	to programs").
 * Returns the reply code the server puts before "2.1.5 " and the line:
 *	250, or 252 when the address's mailer lacks F=q (sendmail's
 *	M_VRFY250); or -1 for a failure.
 */
int	rcpt_verify(const char *addr, SM_STR *out);

/*
 * rcpt_local_exists -- does local user USER (what ruleset 0 gave the
 *	local mailer) exist: an alias, or a login user?  0 yes, -1 no.
 */
int	rcpt_local_exists(const char *user);

/*
 * rcpt_local_lookup -- as rcpt_local_exists, telling a deferral apart:
 *	0 exists, 1 the alias database is unavailable (sendmail accepts
 *	then: "Recipient ok (will queue)"), -1 no such user.
 */
int	rcpt_local_lookup(const char *user);

/*
 * rcpt_builtin_local -- is M Tern's built-in mbox delivery (P=[LOCAL],
 *	or a program whose last path part is mail.local)?
 */
bool	rcpt_builtin_local(const MAILER *m);

/* rcpt_mailbox_dir -- MailboxDirectory (default /var/mail). */
const char *rcpt_mailbox_dir(void);

/*
 * rcpt_reply_code -- the SMTP reply code of failed entry R, as sendmail
 *	words its failures: the error mailer's own code, 451 for a
 *	temporary failure, 553 for an address that does not parse, 554 for
 *	a loop (5.4.6), else 550 (User unknown, Cannot mail directly ...).
 */
int	rcpt_reply_code(const struct rcpt *r);

/* rcpt_same -- do A and B go to the same mailer, host and user? */
bool	rcpt_same(const struct rcpt *a, const struct rcpt *b);

#endif
