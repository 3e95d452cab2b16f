/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * srvrsmtp_int.h -- what the parts of the SMTP server share: the session
 * state and the reply writer.  Not for other modules.
 */
#ifndef TERN_SRVRSMTP_INT_H
#define TERN_SRVRSMTP_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "libsm/buf.h"
#include "libsm/rpool.h"
#include "libsm/str.h"
#include "sendmail/collect.h"
#include "sendmail/queue.h"
#include "sendmail/readcf.h"
#include "sendmail/srvrsmtp.h"

#include "sendmail/deliver.h"
#include "sendmail/headers.h"
#include "sendmail/rcpt.h"

/* sendmail's limits */
#define SMTP_MAXBADCOMMANDS	25	/* then 421 */
/* the longest command line: sendmail reads into 2048 bytes, the CR LF
 * included, and answers 421 to a longer one */
#define SMTP_MAXCMD		2046
#define SMTP_MAXREPLY		4096
#define SMTP_MAXPARAMS		32

/* MAIL BODY= values */
enum smtp_body { SMTP_BODY_NONE, SMTP_BODY_7BIT, SMTP_BODY_8BITMIME };

struct smtp_sess {
	SM_BUF		*ss_io;		/* the connection */
	const struct smtp_peer *ss_peer;
	struct conf	*ss_cf;
	char		 ss_relay[512];	/* the client as logs and collect
					   show it: "localhost", "h [a]" */
	char		 ss_hello[300];	/* what HELO answers "Hello ..." */
	const char	*ss_host;	/* $j */
	bool		 ss_gothello;
	bool		 ss_verbose;
	bool		 ss_quit;	/* end the session after this reply */
	bool		 ss_issued;	/* MAIL, VRFY, EXPN or ETRN was seen */
	int		 ss_nbad;	/* unrecognized commands */
	int		 ss_nnoop;	/* NOOP and VERB (smtp_attack) */
	int		 ss_nhelo;	/* HELO and EHLO */
	int		 ss_nvrfy;	/* VRFY and EXPN */
	int		 ss_netrn;	/* ETRN */
	int		 ss_status;	/* smtp_serve's exit status */
	char		*ss_refused;	/* check_relay's reply, or NULL */
	struct queue_dir ss_qd;
	bool		 ss_qdopen;
	/* the transaction (MAIL .. DATA) */
	SM_RPOOL	*ss_pool;	/* freed at its end */
	struct queue_file *ss_qf;	/* sender, recipients, parameters */
	bool		 ss_havemail;
	char		*ss_sender;	/* the address as given, in <> */
	long long	 ss_size;	/* SIZE= */
	enum smtp_body	 ss_body;
	bool		 ss_discard;	/* a check said $#discard */
	int		 ss_nrcpts;	/* RCPTs accepted */
	int		 ss_ntried;	/* RCPTs whose address parsed (the
					   nrcpts= of an abandoned one) */
	char		**ss_keys;	/* per R line: mailer, host, user */
	size_t		 ss_nkeys;
	SM_STR		*ss_reply;	/* scratch for replies */
	bool		 ss_logerrs;	/* log 4xx/5xx replies (during RCPT,
					   as sendmail's LogUsrErrs) */
	char		 ss_logid[QUEUE_ID_SIZE];	/* the session's id in
					   log lines outside a message, taken
					   when first needed; "" until then */
	/* a committed message whose background delivery waits for the
	 * client's next command (srvrsmtp_data.c: smtp_hold) */
	struct queue_msg ss_held;
	struct queue_file *ss_heldqf;	/* NULL: nothing held */
	int		 ss_infd, ss_outfd;
};

/* smtp_logid -- the id the session's own log lines carry (a queue id, as
 *	sendmail's envelope of the session has one). */
const char *smtp_logid(struct smtp_sess *s);

/*
 * smtp_reply -- send one reply line (CODE and text, CR LF added).
 * smtp_reply_cont -- the same as a continuation line ("250-...").
 */
void	smtp_reply(struct smtp_sess *s, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	smtp_reply_str(struct smtp_sess *s, const char *line);

/* srvrsmtp_mail.c */
void	smtp_do_mail(struct smtp_sess *s, char *arg);
void	smtp_do_rcpt(struct smtp_sess *s, char *arg);
void	smtp_do_vrfy(struct smtp_sess *s, char *arg, bool expn);
void	smtp_txn_reset(struct smtp_sess *s);

/* srvrsmtp_data.c */
void	smtp_do_data(struct smtp_sess *s);
void	smtp_held_before(struct smtp_sess *s, const char *cmd, size_t len);
void	smtp_held_wait(struct smtp_sess *s);
void	smtp_held_end(struct smtp_sess *s);

#endif
