/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * readcf.h -- read sendmail.cf: every line type of sendmail 8.17 (V D C F
 * T O H M S R K P E Q X), continuation lines, comments, $ translation,
 * named rulesets, rules compiled once, mailer definitions.
 *
 * Errors are printed as sendmail prints them ("FILE: line N: message")
 * and reading goes on; the exit status follows (msg.h).
 *
 * The result is process-wide state: macros (macro.c), classes (class.c),
 * rulesets (rewrite.c), mailers (mailer.c), maps (map.c) and the config
 * below.
 */
#ifndef TERN_READCF_H
#define TERN_READCF_H

#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include "sendmail/conf.h"

#define READCF_MAXPRIORITIES	25
#define READCF_MAXLINE		2048

/* What the cf sets that is not kept elsewhere. */
struct config {
	int	cf_level;		/* V line */
	char	*cf_vendor;
	int	cf_npri;
	struct {
		char	*name;
		int	val;
	} cf_pri[READCF_MAXPRIORITIES];
	struct conf cf_conf;		/* the options (conf.h) */
};

/* The config read so far. */
struct config *readcf_config(void);

/*
 * readcf_init -- start a config: the built-in mailers (mailer.h) and
 *	default options.  Call before readcf.
 */
void	readcf_init(void);

/*
 * readcf -- read the cf FILE.  Messages go through msg.h with the place
 *	"FILE: line N: " (FILE as given).  -bt prints the multiple
 *	definition warnings when BTMODE.
 * Returns 0, or -1 when FILE cannot be opened (after a message).
 */
int	readcf(const char *file, int btmode);

/*
 * readcf_line -- interpret one (folded) cf line LINE (modified), as read
 *	from line LINENO.  For tests and fuzzing.
 */
void	readcf_line(char *line, int lineno);

/*
 * readcf_env -- the environment of the programs mailers run: AGENT=sendmail
 *	plus what the cf's E lines give ("ENAME=value", or "ENAME" copied
 *	from our own environment).  Returns a NULL-terminated list that
 *	stays valid until the next readcf_init or E line.
 */
char *const *readcf_env(void);

/*
 * readcf_translate -- sendmail's translate_dollars on LINE in place: $x
 *	and ${name} become a macro code plus id, $$ a dollar, # a comment
 *	(unless \# or $#), trailing white space goes.
 */
void	readcf_translate(char *line);

/*
 * readcf_option -- an O line, -O or -o: TEXT is what follows the `O'
 *	(" Name=value" or "Xvalue").  FROMCMD marks command-line options
 *	(they win over later cf lines).  Messages as sendmail prints them;
 *	a fatal one ends the process with its status.
 */
void	readcf_option(const char *text, int fromcmd);

/*
 * readcf_set_fatal -- call FN (it must not return: tests longjmp) instead
 *	of exiting after an option error sendmail finds fatal.  NULL: exit.
 */
void	readcf_set_fatal(void (*fn)(int status));

/* readcf_reset -- forget the options and what the cf set (tests). */
void	readcf_reset(void);

/* readcf_finish -- checks after the cf ("No local mailer defined"). */
void	readcf_finish(void);

#endif
