/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * conf_int.h -- what conf.c (table, dispatch, printing) and conf_set.c
 * (the setters of options that need more than a generic type) share.
 * Not for use outside those two files.
 */
#ifndef TERN_CONF_INT_H
#define TERN_CONF_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "sendmail/conf.h"

#define CONF_NOFF	((size_t)-1)
#define CONF_F(f)	offsetof(struct conf, f)
#define CONF_MAXLINE	2048	/* sendmail's MAXLINE */
#define CONF_MAXHDRSLEN	(32 * 1024)

/* State of the conf_option call in progress. */
struct conf_call {
	struct conf	*cc_cf;
	bool		cc_safe;	/* a cf line, or root's command line */
	bool		cc_sticky;	/* from the command line */
	int		cc_nerr;	/* ERROR and FATAL messages so far */
};
/* conf runs in one thread at start and is not reentrant */
extern struct conf_call *conf_cur;

/* conf_say -- report one message of KIND for the call in progress */
void	conf_say(enum conf_msg kind, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* sendmail's atobool: true when empty or starting with t T y Y */
bool	conf_atobool(const char *s);
/* atoi as glibc computes it, without undefined overflow */
int	conf_atoi(const char *s);
/* conf_convtime, its notes reported */
time_t	conf_time(const char *val, char unit);
/* replace *SP by a copy of VAL (NULL: unset) */
void	conf_strset(char **sp, const char *val);
void	conf_list_add(struct conf_list *cl, const char *val);
/* the field of CE in CF */
void	*conf_field(struct conf *cf, const struct conf_entry *ce);

/* conf_set_print -- print the value of CE (a FLAGS or SPECIAL option) as
 * conf_print does: "Name=value" lines */
void	conf_set_print(FILE *fp, const struct conf *cf,
	    const struct conf_entry *ce);
/* conf_print_time -- T as sendmail would accept it back ("1d2h", "now") */
void	conf_print_time(FILE *fp, time_t t);

conf_setter conf_set_aliasfile, conf_set_eightbit, conf_set_minfree,
    conf_set_checkpoint, conf_set_loglevel, conf_set_dmode, conf_set_emode,
    conf_set_gid, conf_set_helpfile, conf_set_statfile, conf_set_queuedir,
    conf_set_resolver, conf_set_privacy, conf_set_dbs, conf_set_connsize,
    conf_set_macro, conf_set_supersafe, conf_set_timeout,
    conf_set_queuetimeout, conf_set_milter, conf_set_defuser,
    conf_set_sortorder, conf_set_charset, conf_set_norcpt,
    conf_set_safefileenv, conf_set_mustquote, conf_set_munch,
    conf_set_opchars, conf_set_ugw, conf_set_runasuser, conf_set_dpi,
    conf_set_conntoonly, conf_set_trusteduser, conf_set_maxmime,
    conf_set_maxhdrs, conf_set_authopts, conf_set_tlssrvopts,
    conf_set_ssloptions, conf_set_eai;

#endif
