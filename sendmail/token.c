/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * token.c -- interned tokens, sendmail's address tokenizer (prescan), the
 * token printer (xputs) and joiner (cataddr).
 *
 * Public: token_intern token_intern_str token_set_operators
 * token_set_spacesub token_spacesub token_scan token_is_atom_byte
 * token_xputs token_printav token_cat.
 * Runs in every sendmail process; tokens live as long as the process.
 *
 * The tokenizer is a state machine over character classes: an atom runs
 * on, an operator stands alone, a quoted string runs to its closing
 * quote, white space separates, and a "one" byte takes the byte after it
 * along (the internal codes $=X, $~X, $N, $&x are two bytes).
 */
#include "sendmail/token.h"

#include "libsm/debug.h"
#include "libsm/err.h"
#include "sendmail/macro.h"
#include "sendmail/msg.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* ---- interning ------------------------------------------------------- */

static struct token **token_tab;
static size_t	token_tabsize;
static size_t	token_count;

/* FNV-1a over LEN bytes. */
static uint32_t
token_hash(const char *s, size_t len)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

/* Double the hash table. */
static void
token_grow(void)
{
	size_t nsize = token_tabsize == 0 ? 1024 : token_tabsize * 2, i;
	struct token **ntab = sm_calloc_x(nsize, sizeof(*ntab));

	for (i = 0; i < token_tabsize; i++) {
		struct token *t = token_tab[i], *next;

		for (; t != NULL; t = next) {
			next = t->t_next;
			t->t_next = ntab[t->t_hash & (nsize - 1)];
			ntab[t->t_hash & (nsize - 1)] = t;
		}
	}
	free(token_tab);
	token_tab = ntab;
	token_tabsize = nsize;
}

/* Does S (LEN bytes) hold an ASCII capital letter? */
static int
token_has_upper(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] >= 'A' && s[i] <= 'Z')
			return 1;
	return 0;
}

/* The lower-case twin of new token T. */
static const struct token *
token_make_fold(const struct token *t)
{
	char sbuf[256], *low;
	const struct token *f;
	size_t i;

	if (!token_has_upper(t->t_s, t->t_len))
		return t;
	low = t->t_len < sizeof(sbuf) ? sbuf : sm_malloc_x(t->t_len + 1);
	for (i = 0; i < t->t_len; i++) {
		char c = t->t_s[i];

		low[i] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
	}
	f = token_intern(low, t->t_len);
	if (low != sbuf)
		free(low);
	return f;
}

const struct token *
token_intern(const char *s, size_t len)
{
	uint32_t h = token_hash(s, len);
	struct token *t;

	if (token_tabsize != 0)
		for (t = token_tab[h & (token_tabsize - 1)]; t != NULL;
		    t = t->t_next)
			if (t->t_hash == h && t->t_len == len &&
			    memcmp(t->t_s, s, len) == 0)
				return t;
	if (token_count >= token_tabsize / 2)
		token_grow();
	t = sm_malloc_x(sizeof(*t) + len + 1);
	memcpy(t->t_s, s, len);
	t->t_s[len] = '\0';
	t->t_hash = h;
	t->t_len = (uint32_t)len;
	t->t_word = NULL;
	t->t_wordgen = 0;
	t->t_pr = NULL;
	t->t_next = token_tab[h & (token_tabsize - 1)];
	token_tab[h & (token_tabsize - 1)] = t;
	token_count++;
	t->t_fold = t;
	t->t_fold = token_make_fold(t);
	return t;
}

const struct token *
token_intern_str(const char *s)
{
	return token_intern(s, strlen(s));
}

/* ---- character tables -------------------------------------------------- */

/* states (and character classes) of the tokenizer */
enum { OPR, ATM, QST, SPC, ONE, NSTATES };
#define ST_TYPE		0x0f
#define ST_M		0x10	/* meta: do not keep the character */
#define ST_B		0x20	/* break: the token ends */

static const unsigned char token_states[NSTATES][NSTATES] = {
	/* old\new	OPR		ATM		QST		SPC			ONE */
	/* OPR */ { OPR | ST_B, ATM | ST_B, QST | ST_B, SPC | ST_M | ST_B, ONE | ST_B },
	/* ATM */ { OPR | ST_B, ATM,	QST | ST_B, SPC | ST_M | ST_B, ONE | ST_B },
	/* QST */ { QST,	QST,	OPR,	QST,		QST },
	/* SPC */ { OPR,	ATM,	QST,	SPC | ST_M,	ONE },
	/* ONE */ { OPR,	OPR,	OPR,	OPR,		OPR },
};

static unsigned char token_class[3][256];
static int	token_tables_ready;
static char	*token_ops;
static int	token_blanksub = ' ';

#define TOKEN_DELIMCHARS	"()<>,;\r\n"

void
token_set_operators(const char *ops)
{
	if (token_tables_ready)
		return;		/* sendmail freezes them at the first scan */
	free(token_ops);
	token_ops = ops != NULL ? sm_strdup_x(ops) : NULL;
}

void
token_set_spacesub(int c)
{
	token_blanksub = c;
}

int
token_spacesub(void)
{
	return token_blanksub;
}

/* The classes before operator characters are added. */
static void
token_base_tables(void)
{
	int t, c;

	for (t = 0; t < 3; t++) {
		for (c = 0; c < 256; c++)
			token_class[t][c] = ATM;
		for (c = '\t'; c <= '\r'; c++)
			token_class[t][c] = SPC;
		token_class[t][' '] = SPC;
		token_class[t]['"'] = QST;
	}
	token_class[TOKEN_TAB_EXT]['('] = SPC;
	token_class[TOKEN_TAB_EXT][')'] = SPC;
	token_class[TOKEN_TAB_INT]['('] = SPC;
	token_class[TOKEN_TAB_INT][')'] = SPC;
	for (t = TOKEN_TAB_NOC; t <= TOKEN_TAB_INT; t++) {
		for (c = 0x80; c < 0xa0; c++)
			token_class[t][c] = OPR;
		token_class[t][TOKEN_MACRODEXPAND] = ONE;
		token_class[t][TOKEN_MATCHCLASS] = ONE;
		token_class[t][TOKEN_MATCHNCLASS] = ONE;
		token_class[t][TOKEN_MATCHREPL] = ONE;
		token_class[t][TOKEN_METAQUOTE] = ONE;
	}
}

/* Build the tables once; the operator set is frozen from then on. */
static void
token_init_tables(void)
{
	const char *ops = token_ops != NULL ? token_ops : ".:@[]";
	const char *sets[2] = { ops, TOKEN_DELIMCHARS };
	int t, i;

	token_base_tables();
	for (i = 0; i < 2; i++) {
		const unsigned char *p = (const unsigned char *)sets[i];

		for (; *p != '\0'; p++)
			for (t = 0; t < 3; t++)
				if (token_class[t][*p] == ATM)
					token_class[t][*p] = OPR;
	}
	token_tables_ready = 1;
}

int
token_is_atom_byte(enum token_tab tab, int c)
{
	if (!token_tables_ready)
		token_init_tables();
	return token_class[tab][c & 0xff] == ATM;
}

/* ---- the tokenizer ----------------------------------------------------- */

#define NOCHAR	(-1)

static int	token_trace_chars;	/* -d22.101: every byte and state */

struct scan {
	const unsigned char *p;		/* next input byte */
	const unsigned char *tab;	/* character classes */
	char	buf[TOKEN_PSBUFSIZE];
	size_t	q;			/* bytes used in buf */
	int	c;			/* lookahead character */
	int	state, bslash, cmnt, angle, route;
	int	delim, ignore;
};

/* Keep byte C; 0 when the buffer is full. */
static int
scan_keep(struct scan *s, int c)
{
	if (s->q >= sizeof(s->buf) - 5)
		return 0;
	if (c == TOKEN_METAQUOTE)
		c &= 0x7f;	/* sendmail never keeps a raw 0xff */
	s->buf[s->q++] = (char)c;
	return 1;
}

/* End of input: repair what is unbalanced; 1 to stop the token. */
static int
scan_at_end(struct scan *s)
{
	if (s->ignore)
		return 1;
	if (s->state == QST) {
		msg_usrerr("553 Unbalanced '\"'");
		s->c = '"';
	} else if (s->cmnt > 0) {
		msg_usrerr("553 Unbalanced '('");
		s->c = ')';
	} else if (s->angle > 0) {
		s->c = '>';
		msg_usrerr("553 Unbalanced '<'");
	} else
		return 1;
	s->p--;
	return 0;
}

/* Comments, angle brackets and spaces: may turn s->c into NOCHAR. */
static void
scan_special(struct scan *s)
{
	int c = s->c;

	if (c == '\\')
		s->bslash = 1;
	else if (s->state == QST)
		;
	else if (c == '(' && s->tab['('] == SPC) {
		s->cmnt++;
		s->c = NOCHAR;
	} else if (c == ')' && s->tab['('] == SPC) {
		if (s->cmnt > 0)
			s->cmnt--;
		else if (!s->ignore) {
			msg_usrerr("553 Unbalanced ')'");
			s->c = NOCHAR;
		}
	} else if (s->cmnt > 0)
		s->c = NOCHAR;
	else if (c == '<') {
		const unsigned char *la = s->p;

		s->angle++;
		while (isspace(*la))
			la++;
		if (*la == '@')
			s->route = 1;
	} else if (c == '>') {
		if (s->angle > 0)
			s->angle--;
		else if (!s->ignore) {
			msg_usrerr("553 Unbalanced '>'");
			s->c = NOCHAR;
		}
		s->route = 0;
	} else if (s->delim == ' ' && isspace(c))
		s->c = ' ';
}

/*
 * Read bytes until the current token ends.  Returns 1 when a token (maybe
 * empty) ended, 0 when the buffer overflowed.
 */
static int
scan_token(struct scan *s)
{
	for (;;) {
		int ns;

		if (s->c != NOCHAR && !s->bslash && !scan_keep(s, s->c))
			return 0;
		s->c = *s->p++;
		if (s->c == '\0') {
			if (scan_at_end(s))
				return 1;
		} else if (s->c == s->delim && s->cmnt <= 0 &&
		    s->state != QST) {
			if (s->angle <= 0)
				return 1;
			if (s->delim == ',' && !s->route && !s->ignore) {
				msg_usrerr("553 Unbalanced '<'");
				s->c = '>';
				s->p--;
			}
		}
		if (token_trace_chars)
			(void)fprintf(msg_out(), "c=%c, s=%d; ", s->c,
			    s->state);
		if (s->bslash) {
			s->bslash = 0;
			if (s->cmnt > 0) {
				s->c = NOCHAR;
				continue;
			}
			if (s->c != '!' || s->state == QST) {
				if (!scan_keep(s, '\\'))
					return 0;
				continue;
			}
		}
		scan_special(s);
		if (s->c == NOCHAR)
			continue;
		if (s->c == s->delim && s->angle <= 0 && s->state != QST)
			return 1;
		ns = token_states[s->state][s->tab[s->c & 0xff]];
		if (token_trace_chars)
			(void)fprintf(msg_out(), "ns=%02o\n", ns);
		s->state = ns & ST_TYPE;
		if (ns & ST_M)
			s->c = NOCHAR;
		if (ns & ST_B)
			return 1;
	}
}

int
token_scan(const char *addr, int delim, enum token_tab tab, int ignore,
    const struct token **av, int avmax, const char **endp)
{
	struct scan *s = sm_malloc_x(sizeof(*s));
	const char *oldto = msg_set_to(addr);
	int n = 0, ok = 1;

	if (!token_tables_ready)
		token_init_tables();
	token_trace_chars = sm_tTd(22, 101);
	if (sm_tTd(22, 11)) {
		(void)fputs("prescan: ", msg_out());
		token_xputs(msg_out(), addr);
		(void)putc('\n', msg_out());
	}
	s->p = (const unsigned char *)addr;
	s->tab = token_class[tab];
	s->q = 0;
	s->c = NOCHAR;
	s->state = ATM;
	s->bslash = s->cmnt = s->angle = s->route = 0;
	s->delim = delim;
	s->ignore = ignore;
	do {
		size_t tok = s->q;

		if (!scan_token(s)) {
			msg_usrerr("553 5.1.1 Address too long");
			ok = -2;
			break;
		}
		if (tok == s->q)
			continue;
		if (!scan_keep(s, '\0')) {
			msg_usrerr("553 5.1.1 Address too long");
			ok = -2;
			break;
		}
		if (sm_tTd(22, 36)) {
			(void)fputs("tok=", msg_out());
			token_xputs(msg_out(), s->buf + tok);
			(void)putc('\n', msg_out());
		}
		if (s->q - tok - 1 > TOKEN_MAXNAME) {
			msg_usrerr("553 5.1.0 prescan: token too long");
			ok = 0;
			break;
		}
		if (n >= avmax - 1 || n >= TOKEN_MAXATOM) {
			msg_usrerr("553 5.1.0 prescan: too many tokens");
			ok = 0;
			break;
		}
		av[n++] = token_intern(s->buf + tok, s->q - tok - 1);
	} while (s->c != '\0' && (s->c != s->delim || s->angle > 0));
	if (endp != NULL) {
		const char *e = (const char *)s->p;

		if (e > addr)
			e--;
		*endp = e;
	}
	av[ok == 1 ? n : 0] = NULL;
	if (ok == 1 && sm_tTd(22, 12)) {
		(void)fputs("prescan==>", msg_out());
		token_printav(msg_out(), av, n);
	} else if (ok != 1 && sm_tTd(22, 12))
		(void)fputs("prescan: ==> NULL\n", msg_out());
	if (ok == 1 && n == 0 && sm_tTd(22, 1))
		(void)fputs("prescan: null leading token\n", msg_out());
	(void)msg_set_to(oldto);
	free(s);
	return ok == 1 ? n : ok == 0 ? -1 : -2;
}

/* ---- printing and joining --------------------------------------------- */

/* metasymbol codes and the character after $ that names them */
static const struct {
	unsigned char code;
	char name;
} token_metas[] = {
	{ TOKEN_MATCHZANY, '*' }, { TOKEN_MATCHANY, '+' },
	{ TOKEN_MATCHONE, '-' }, { TOKEN_MATCHCLASS, '=' },
	{ TOKEN_MATCHNCLASS, '~' }, { TOKEN_CANONNET, '#' },
	{ TOKEN_CANONHOST, '@' }, { TOKEN_CANONUSER, ':' },
	{ TOKEN_CALLSUBR, '>' }, { TOKEN_CONDIF, '?' },
	{ TOKEN_CONDELSE, '|' }, { TOKEN_CONDFI, '.' },
	{ TOKEN_HOSTBEGIN, '[' }, { TOKEN_HOSTEND, ']' },
	{ TOKEN_LOOKUPBEGIN, '(' }, { TOKEN_LOOKUPEND, ')' },
	{ TOKEN_MACRODEXPAND, '&' }, { 0, 0 }
};

/* Print a byte below 0x80: printable as is, \n \r \t escaped, others
 * left out. */
static void
token_putc7(FILE *fp, int c)
{
	if (c >= 0x20 && c < 0x7f)
		(void)putc(c, fp);
	else if (c == '\n')
		(void)fputs("\\n", fp);
	else if (c == '\r')
		(void)fputs("\\r", fp);
	else if (c == '\t')
		(void)fputs("\\t", fp);
}

/* Print a macro or class name id: {long} or the character. */
static const unsigned char *
token_put_name(FILE *fp, const unsigned char *s)
{
	if (*s & 0x80)
		(void)fprintf(fp, "{%s}", macro_name(*s));
	else
		(void)putc(*s, fp);
	return s + 1;
}

/* Print a macro reference ($x, $&x) whose code is C; returns the rest. */
static const unsigned char *
token_put_macro(FILE *fp, int c, const unsigned char *s)
{
	(void)putc('$', fp);
	if (c == TOKEN_MACRODEXPAND)
		(void)putc('&', fp);
	if (*s == '\0')
		return s;
	if (strchr("=~&?", *s) != NULL)
		(void)putc(*s++, fp);
	if (*s == '\0')
		return s;
	return token_put_name(fp, s);
}

void
token_xputs(FILE *fp, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	int c, i;

	while ((c = *s++) != '\0') {
		if (c < 0x80) {
			token_putc7(fp, c);
			continue;
		}
		if (c == TOKEN_MATCHREPL) {
			(void)putc('$', fp);
			if (*s != '\0')
				token_putc7(fp, *s++ & 0x7f);
			continue;
		}
		if (c == TOKEN_MACROEXPAND || c == TOKEN_MACRODEXPAND) {
			s = token_put_macro(fp, c, s);
			continue;
		}
		for (i = 0; token_metas[i].code != 0; i++)
			if (token_metas[i].code == c)
				break;
		if (token_metas[i].code != 0) {
			(void)fprintf(fp, "$%c", token_metas[i].name);
			if ((c == TOKEN_MATCHCLASS || c == TOKEN_MATCHNCLASS) &&
			    *s != '\0')
				s = token_put_name(fp, s);
			continue;
		}
		(void)fputs("M-", fp);
		token_putc7(fp, c & 0x7f);
	}
}

/* The printed form of T, made once (tokens never change). */
static const char *
token_printed(const struct token *t)
{
	struct token *w = (struct token *)(uintptr_t)t;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;

	if (w->t_pr != NULL)
		return w->t_pr;
	fp = open_memstream(&buf, &len);
	if (fp == NULL)
		return "";
	(void)putc(' ', fp);
	token_xputs(fp, t->t_s);
	(void)fclose(fp);
	w->t_pr = buf;
	return buf;
}

void
token_printav(FILE *fp, const struct token *const *av, int n)
{
	char buf[4096];
	size_t len = 0;
	int i;

	for (i = 0; i < n; i++) {
		const char *s = token_printed(av[i]);
		size_t l = strlen(s);

		if (len + l + 1 >= sizeof(buf)) {
			(void)fwrite(buf, 1, len, fp);
			len = 0;
		}
		if (l + 1 >= sizeof(buf))
			(void)fputs(s, fp);
		else {
			memcpy(buf + len, s, l);
			len += l;
		}
	}
	buf[len++] = '\n';
	(void)fwrite(buf, 1, len, fp);
}

size_t
token_cat_next(char *buf, size_t len, size_t size, const struct token *prev,
    const struct token *t)
{
	size_t tl = t->t_len;

	if (!token_tables_ready)
		token_init_tables();
	if (prev != NULL &&
	    token_class[TOKEN_TAB_INT][TOKEN_C0(prev)] == ATM &&
	    token_class[TOKEN_TAB_INT][TOKEN_C0(t)] == ATM) {
		if (len + 1 >= size)
			return size;
		buf[len++] = (char)token_blanksub;
	}
	if (len + tl >= size)
		return size;
	memcpy(buf + len, t->t_s, tl + 1);
	return len + tl;
}

size_t
token_cat(const struct token *const *av, int n, char *buf, size_t size,
    int spacesub, int external)
{
	char *p = buf;
	long sz;
	int i, oatom = 0;

	if (size == 0)
		return 0;
	if (!token_tables_ready)
		token_init_tables();
	if (spacesub == '\0')
		spacesub = token_blanksub;
	sz = (long)size - 2;
	for (i = 0; i < n && sz > 0; i++) {
		const char *q = av[i]->t_s;
		int natom = token_class[TOKEN_TAB_INT][(unsigned char)*q] == ATM;

		if (oatom && natom) {
			*p++ = (char)spacesub;
			if (--sz <= 0)
				break;
		}
		while (*q != '\0') {
			if (--sz <= 0)
				break;
			*p++ = *q++;
			if ((unsigned char)p[-1] == TOKEN_METAQUOTE && external &&
			    *q != '\0')
				p[-1] = *q++;
		}
		if (sz <= 0)
			break;
		oatom = natom;	/* sendmail: "a\\@ b" joins as "a\\@.b" */
	}
	*p = '\0';
	return (size_t)(p - buf);
}
