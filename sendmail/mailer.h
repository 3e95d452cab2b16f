/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * mailer.h -- mailers (M lines): parsing a definition into a MAILER, the
 * built-in prog, *file*, *include* and *error* mailers, lookup by name,
 * and -bt's =M listing.
 *
 * Mailers are numbered in the order they are first defined (the built-in
 * ones first: prog 0, *file* 1, *include* 2); a second definition of a
 * name replaces the first and keeps its number, as in sendmail.
 *
 * Process-wide state: the mailer table.
 */
#ifndef TERN_MAILER_H
#define TERN_MAILER_H

#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#define MAILER_MAX		25	/* sendmail's MAXMAILERS */
#define MAILER_DEFAULT_RCPT	100	/* sendmail's DEFAULT_MAX_RCPT */

/* A mailer: sendmail's struct mailer. */
typedef struct mailer {
	char	*m_name;		/* symbolic name */
	char	*m_mailer;		/* P= */
	char	*m_mtatype;		/* T= parts */
	char	*m_addrtype;
	char	*m_diagtype;
	uint32_t m_flags[8];		/* F= bytes, one bit each */
	int	m_mno;			/* number */
	char	**m_argv;		/* A= */
	int	m_se_rwset, m_sh_rwset;	/* S= envelope / header */
	int	m_re_rwset, m_rh_rwset;	/* R= envelope / header */
	char	*m_eol;			/* E= */
	long	m_maxsize;		/* M= */
	int	m_linelimit;		/* L= */
	int	m_nice;			/* N= */
	char	*m_execdir;		/* D= */
	char	*m_rootdir;		/* /= */
	uid_t	m_uid;			/* U= (-1: not set) */
	gid_t	m_gid;
	char	*m_defcharset;		/* C= */
	long	m_wait;			/* W= seconds */
	int	m_maxdeliveries;	/* m= */
	int	m_maxrcpt;		/* r= */
	char	*m_qgrp;		/* Q= */
} MAILER;

/* Is flag byte C set in M? */
int	mailer_flag(const MAILER *m, int c);

/*
 * mailer_define -- an M line without the `M' (translated: macros are
 *	internal codes).  Errors go through msg_syserr ("M%s: A= argument
 *	required", "mailer %s: `=' expected", ...) and leave no mailer.
 * Returns the mailer, or NULL.
 */
MAILER	*mailer_define(const char *line);

/* mailer_builtin -- define prog, *file*, *include* and *error*. */
void	mailer_builtin(void);

/* mailer_find -- the mailer called NAME, or NULL. */
MAILER	*mailer_find(const char *name);

/* mailer_bynum -- mailer number I, or NULL. */
MAILER	*mailer_bynum(int i);

/* mailer_error -- the *error* mailer. */
MAILER	*mailer_error(void);

/* mailer_print -- -bt's =M line for M. */
void	mailer_print(FILE *fp, const MAILER *m);

/* mailer_reset -- forget every mailer (tests). */
void	mailer_reset(void);

#endif
