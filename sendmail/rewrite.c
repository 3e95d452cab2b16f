/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rewrite.c -- rulesets and the rewriting engine (see rewrite.h).
 *
 * Public: rewrite_rsnum rewrite_rsname rewrite_rshas_rules
 * rewrite_add_rule rewrite rewrite_set_trace rewrite_set_debug
 * rewrite_dump rewrite_reset.
 * Runs in every sendmail process that routes addresses; no privileges.
 */
#include "sendmail/rewrite.h"

#include "libsm/debug.h"
#include "libsm/err.h"
#include "sendmail/class.h"
#include "sendmail/macro.h"
#include "sendmail/map.h"
#include "sendmail/msg.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

struct rule {
	struct rule	*r_next;
	const struct token **r_lhs;
	const struct token **r_rhs;
	int		r_nlhs, r_nrhs;
	int		r_line;
	int		r_nbind;	/* wildcards that bind $N */
	unsigned char	*r_widx;	/* LHS position -> its $N index */
	uint64_t	r_need;		/* literals the input must hold */
};

/* One bit per literal token (by its folded twin) for a quick "cannot
 * match" test before matching. */
#define RW_BIT(t)	(UINT64_C(1) << ((t)->t_fold->t_hash % 64))

struct ruleset {
	char		*rs_name;
	struct rule	*rs_rules;
	struct rule	**rs_tail;
	char		*rs_in, *rs_out;	/* -bt trace labels */
};

static struct ruleset rw_sets[REWRITE_MAXRWSETS];
static int	rw_nextnamed = REWRITE_MAXRWSETS;

/* the BlankSub option as each map was declared (rewrite_map_blanksub) */
static struct {
	const MAP	*map;
	int		c;
} *rw_mapsub;
static size_t	rw_nmapsub, rw_capmapsub;
static int	rw_trace;

#define RW_TTD(level)	sm_tTd(21, (level))

void
rewrite_set_trace(int on)
{
	rw_trace = on;
}

/* ---- ruleset names ------------------------------------------------------- */

/*
 * Names to numbers: an open hash of ruleset numbers by name, rebuilt
 * whenever a name changes (rare: only while the cf is read).
 */
#define RW_NAMEHASH	512
static short	rw_byname[RW_NAMEHASH];	/* ruleset + 1, 0 for empty */

static unsigned
rw_namehash(const char *name)
{
	unsigned h = 5381;

	for (; *name != '\0'; name++)
		h = h * 33 + (unsigned char)*name;
	return h % RW_NAMEHASH;
}

static void
rw_hash_add(int rs)
{
	unsigned h;

	for (h = rw_namehash(rw_sets[rs].rs_name); rw_byname[h] != 0;
	    h = (h + 1) % RW_NAMEHASH)
		;
	rw_byname[h] = (short)(rs + 1);
}

static void
rw_rehash(void)
{
	int rs;

	memset(rw_byname, 0, sizeof(rw_byname));
	for (rs = 0; rs < REWRITE_MAXRWSETS; rs++)
		if (rw_sets[rs].rs_name != NULL)
			rw_hash_add(rs);
}

/* The ruleset called NAME (case-sensitive), or -1. */
static int
rw_find_name(const char *name)
{
	unsigned h;

	for (h = rw_namehash(name); rw_byname[h] != 0;
	    h = (h + 1) % RW_NAMEHASH)
		if (strcmp(rw_sets[rw_byname[h] - 1].rs_name, name) == 0)
			return rw_byname[h] - 1;
	return -1;
}

/* A number at P: checked against the 100 numbered slots. */
static int
rw_number(const char *p, const char **endp)
{
	char *end;
	long v = strtol(p, &end, 10);

	if (endp != NULL)
		*endp = end;
	if (v >= REWRITE_MAXRWSETS / 2 || v < 0) {
		msg_syserr("bad ruleset %ld (%d max)", v,
		    REWRITE_MAXRWSETS / 2);
		return -1;
	}
	return (int)v;
}

/* "NAME=N": the number after '=' at P; FULL names it in messages. */
static int
rw_explicit(const char *full, const char *p, const char **endp)
{
	char *end;
	long v;

	while (isspace((unsigned char)*++p))
		;
	if (!isdigit((unsigned char)*p)) {
		msg_syserr("bad ruleset definition \"%s\" (number required "
		    "after `=')", full);
		return -1;
	}
	v = strtol(p, &end, 10);
	if (endp != NULL)
		*endp = end;
	if (v >= REWRITE_MAXRWSETS / 2 || v < 0) {
		msg_syserr("bad ruleset number %ld in \"%s\" (%d max)", v,
		    full, REWRITE_MAXRWSETS / 2);
		return -1;
	}
	return (int)v;
}

/* Give number RS the name NAME (the old name of RS is forgotten). */
static void
rw_set_name(int rs, const char *name)
{
	int old = rw_find_name(name);

	if (old >= 0 && old != rs) {
		free(rw_sets[old].rs_name);
		rw_sets[old].rs_name = NULL;
	}
	free(rw_sets[rs].rs_name);
	rw_sets[rs].rs_name = sm_strdup_x(name);
	free(rw_sets[rs].rs_in);
	free(rw_sets[rs].rs_out);
	rw_sets[rs].rs_in = rw_sets[rs].rs_out = NULL;
	if (old >= 0 && old != rs)
		rw_rehash();
	else if (old < 0)
		rw_hash_add(rs);
}

/* A named ruleset NAME (FULL: the text from it on; P after it): find
 * or enter it. */
static int
rw_named(const char *name, const char *full, const char *p,
    const char **endp, int enter)
{
	int rs = rw_find_name(name), want = -1;

	if (rs < 0 && !enter)
		return -1;
	if (enter && *p == '=')
		want = rw_explicit(full, p, endp);
	else {
		if (endp != NULL)
			*endp = p;
		if (rs >= 0)
			want = rs;
		else if ((want = --rw_nextnamed) < REWRITE_MAXRWSETS / 2) {
			msg_syserr("%s: too many named rulesets (%d max)", name,
			    REWRITE_MAXRWSETS / 2);
			want = -1;
		}
	}
	if (rs >= 0 && want >= 0 && want != rs) {
		msg_syserr("%s: ruleset changed value (old %d, new %d)", name,
		    rs, want);
		want = rs;
	}
	if (enter && want >= 0)
		rw_set_name(want, name);
	return want;
}

int
rewrite_rsnum(const char *p, const char **endp, int enter)
{
	char name[128];
	const char *q;
	size_t n;

	while (isspace((unsigned char)*p))
		p++;
	if ((unsigned char)*p >= 0x80) {
		msg_syserr("invalid ruleset name: \"%.20s\"", p);
		return -1;
	}
	if (isdigit((unsigned char)*p))
		return rw_number(p, endp);
	for (q = p; *q != '\0' && (isalnum((unsigned char)*q) || *q == '_');
	    q++)
		;
	if (q == p || !isalpha((unsigned char)*p)) {
		msg_syserr("invalid ruleset name: \"%.20s\"", p);
		return -1;
	}
	n = (size_t)(q - p) < sizeof(name) ? (size_t)(q - p) :
	    sizeof(name) - 1;
	memcpy(name, p, n);
	name[n] = '\0';
	while (isspace((unsigned char)*q))
		q++;
	return rw_named(name, p, q, endp, enter);
}

const char *
rewrite_rsname(int rs)
{
	if (rs < 0 || rs >= REWRITE_MAXRWSETS)
		return NULL;
	return rw_sets[rs].rs_name;
}

int
rewrite_rshas_rules(int rs)
{
	return rs >= 0 && rs < REWRITE_MAXRWSETS &&
	    rw_sets[rs].rs_rules != NULL;
}

static int	rw_is_wild(int c);

/* Per rule, once: which $N each wildcard binds, and the literal tokens
 * an input needs for the LHS to have a chance. */
static void
rw_prepare(struct rule *r)
{
	int i, w = 0;

	r->r_widx = sm_malloc_x((size_t)r->r_nlhs + 1);
	r->r_need = 0;
	for (i = 0; i < r->r_nlhs; i++) {
		int c = TOKEN_C0(r->r_lhs[i]);

		r->r_widx[i] = (unsigned char)w;
		if (rw_is_wild(c) && w < REWRITE_MAXMATCH)
			w++;
		else if (!TOKEN_ISMETA(c))
			r->r_need |= RW_BIT(r->r_lhs[i]);
	}
	r->r_nbind = w;
}

void
rewrite_add_rule(int rs, const struct token *const *lhs, int nlhs,
    const struct token *const *rhs, int nrhs, int line)
{
	struct ruleset *set = &rw_sets[rs];
	struct rule *r = sm_calloc_x(1, sizeof(*r));

	r->r_lhs = sm_reallocarray_x(NULL, (size_t)nlhs + 1, sizeof(*r->r_lhs));
	r->r_rhs = sm_reallocarray_x(NULL, (size_t)nrhs + 1, sizeof(*r->r_rhs));
	memcpy(r->r_lhs, lhs, (size_t)nlhs * sizeof(*lhs));
	memcpy(r->r_rhs, rhs, (size_t)nrhs * sizeof(*rhs));
	r->r_lhs[nlhs] = NULL;
	r->r_rhs[nrhs] = NULL;
	r->r_nlhs = nlhs;
	r->r_nrhs = nrhs;
	r->r_line = line;
	rw_prepare(r);
	if (set->rs_tail == NULL)
		set->rs_tail = &set->rs_rules;
	*set->rs_tail = r;
	set->rs_tail = &r->r_next;
}

void
rewrite_reset(void)
{
	int rs;
	struct rule *r, *next;

	for (rs = 0; rs < REWRITE_MAXRWSETS; rs++) {
		for (r = rw_sets[rs].rs_rules; r != NULL; r = next) {
			next = r->r_next;
			free(r->r_lhs);
			free(r->r_rhs);
			free(r->r_widx);
			free(r);
		}
		free(rw_sets[rs].rs_name);
		free(rw_sets[rs].rs_in);
		free(rw_sets[rs].rs_out);
		memset(&rw_sets[rs], 0, sizeof(rw_sets[rs]));
	}
	rw_nextnamed = REWRITE_MAXRWSETS;
	rw_rehash();
	free(rw_mapsub);
	rw_mapsub = NULL;
	rw_nmapsub = rw_capmapsub = 0;
}

void
rewrite_map_blanksub(const struct map *map, int c)
{
	size_t i;

	for (i = 0; i < rw_nmapsub; i++)
		if (rw_mapsub[i].map == map)
			break;
	if (i == rw_nmapsub) {
		if (rw_nmapsub == rw_capmapsub) {
			rw_capmapsub = rw_capmapsub ? 2 * rw_capmapsub : 16;
			rw_mapsub = sm_realloc_x(rw_mapsub,
			    rw_capmapsub * sizeof(*rw_mapsub));
		}
		rw_nmapsub++;
	}
	rw_mapsub[i].map = map;
	rw_mapsub[i].c = c;
}

/* The byte joining the key tokens of a lookup in MAP. */
static int
rw_map_spacesub(const MAP *map)
{
	size_t i;
	int c = map_spacesub(map);

	if (c != 0)
		return c;
	for (i = 0; i < rw_nmapsub; i++)
		if (rw_mapsub[i].map == map)
			return rw_mapsub[i].c;
	return ' ';
}

/* Print the tokens of a NULL-terminated array, each followed by ' '. */
static void
rw_dump_side(FILE *fp, const struct token *const *av)
{
	for (; *av != NULL; av++) {
		token_xputs(fp, (*av)->t_s);
		(void)putc(' ', fp);
	}
}

void
rewrite_dump(FILE *fp, int rs)
{
	const struct rule *r;

	if (rs < 0 || rs >= REWRITE_MAXRWSETS)
		return;
	for (r = rw_sets[rs].rs_rules; r != NULL; r = r->r_next) {
		(void)putc('R', fp);
		rw_dump_side(fp, r->r_lhs);
		(void)fputs("\t\t", fp);
		rw_dump_side(fp, r->r_rhs);
		(void)putc('\n', fp);
	}
}

/* ---- matching ------------------------------------------------------------ */

struct rw_bind {
	int	first, last;	/* tokens first..last (last = first - 1: none) */
};

struct rw_match {
	const struct token *const *lhs;
	int		nlhs;
	const struct token *const *av;
	int		nav;
	struct rw_bind	bind[REWRITE_MAXMATCH + 1];
	int		nbind;
	uint32_t	gen;			/* failure memo generation */
	const unsigned char *widx;	/* LHS pos -> wildcard no. */
};

/* Failures already seen: memo[wildcard][input position] == gen. */
static uint32_t rw_memo[REWRITE_MAXMATCH + 1][TOKEN_MAXATOM + 1];
static uint32_t rw_memogen;

static int	rw_match_at(struct rw_match *m, int ri, int ai);

static int
rw_failed(const struct rw_match *m, int w, int ai)
{
	return rw_memo[w][ai] == m->gen;
}

static int
rw_fail(const struct rw_match *m, int w, int ai)
{
	rw_memo[w][ai] = m->gen;
	return 0;
}

/* The first byte of LHS token RI (its metasymbol code, if any). */
static int
rw_code(const struct rw_match *m, int ri)
{
	return TOKEN_C0(m->lhs[ri]);
}

/*
 * $=X at RI: the shortest run of tokens from AI on whose concatenation is
 * a member, then longer ones; a run longer than the class's longest word
 * cannot be one, so the search stops there.
 */
static int
rw_match_class(struct rw_match *m, int ri, int ai)
{
	int w = m->widx[ri], cl = (unsigned char)m->lhs[ri]->t_s[1], k;
	size_t len = 0, longest = class_longest(cl);
	char buf[TOKEN_MAXNAME + 1];

	for (k = ai + 1; k <= m->nav; k++) {
		len = token_cat_next(buf, len, sizeof(buf), k - 1 > ai ?
		    m->av[k - 2] : NULL, m->av[k - 1]);
		if (len > longest)
			break;
		if (k - ai == 1 ? !class_has_tokens(cl, m->av + ai, 1) :
		    !class_has(cl, buf))
			continue;
		m->bind[w].first = ai;
		m->bind[w].last = k - 1;
		if (rw_match_at(m, ri + 1, k))
			return 1;
	}
	return 0;
}

/* A wildcard at RI that can bind several lengths: try them in order. */
static int
rw_match_wild(struct rw_match *m, int ri, int ai)
{
	int code = rw_code(m, ri), w = m->widx[ri], k;

	if (rw_failed(m, w, ai))
		return 0;
	if (code == TOKEN_MATCHCLASS)
		return rw_match_class(m, ri, ai) || rw_fail(m, w, ai);
	for (k = code == TOKEN_MATCHZANY ? ai : ai + 1; k <= m->nav; k++) {
		/* a literal next: only where it stands can the rest match */
		if (ri + 1 < m->nlhs && !TOKEN_ISMETA(TOKEN_C0(m->lhs[ri + 1]))
		    && (k == m->nav || m->av[k]->t_fold !=
		    m->lhs[ri + 1]->t_fold))
			continue;
		m->bind[w].first = ai;
		m->bind[w].last = k - 1;
		if (rw_match_at(m, ri + 1, k))
			return 1;
	}
	return rw_fail(m, w, ai);
}

/* $&x on the LHS: the macro's value must spell the next tokens. */
static int
rw_match_macro(const struct rw_match *m, int ri, int *aip)
{
	int id = (unsigned char)m->lhs[ri]->t_s[1], ai = *aip;
	const char *v = macro_get(id);

	if (RW_TTD(2))
		(void)printf("rewrite: LHS $&{%s} => \"%s\"\n",
		    macro_name(id), v == NULL ? "(NULL)" : v);
	if (v == NULL)
		return 1;
	while (*v != '\0') {
		const struct token *t;

		if (ai >= m->nav)
			return 0;
		t = m->av[ai];
		if (strncasecmp(v, t->t_s, t->t_len) != 0)
			return 0;
		v += t->t_len;
		ai++;
	}
	*aip = ai;
	return 1;
}

/* Match LHS[RI..] against AV[AI..]; fills m->bind.  1 on a match. */
static int
rw_match_at(struct rw_match *m, int ri, int ai)
{
	for (; ri < m->nlhs; ri++) {
		const struct token *rp = m->lhs[ri];
		int code = TOKEN_C0(rp);

		if (ai >= m->nav && code != TOKEN_MATCHZANY &&
		    code != TOKEN_CANONHOST)
			return 0;
		switch (code) {
		case TOKEN_MATCHZANY:
		case TOKEN_MATCHANY:
		case TOKEN_MATCHCLASS:
			return rw_match_wild(m, ri, ai);
		case TOKEN_MATCHNCLASS:
			if (class_has_tokens((unsigned char)rp->t_s[1],
			    m->av + ai, 1))
				return 0;
			/* FALLTHROUGH */
		case TOKEN_MATCHONE:
			m->bind[m->widx[ri]].first = ai;
			m->bind[m->widx[ri]].last = ai;
			ai++;
			break;
		case TOKEN_CANONHOST:		/* $@ on a LHS: zero tokens */
			break;
		case TOKEN_MACRODEXPAND:
			if (!rw_match_macro(m, ri, &ai))
				return 0;
			break;
		default:
			if (m->av[ai]->t_fold != rp->t_fold)
				return 0;
			ai++;
			break;
		}
	}
	return ai == m->nav;
}

/* Is C a wildcard that binds $N? */
static int
rw_is_wild(int c)
{
	return c == TOKEN_MATCHZANY || c == TOKEN_MATCHANY ||
	    c == TOKEN_MATCHONE || c == TOKEN_MATCHCLASS ||
	    c == TOKEN_MATCHNCLASS;
}

/* Try rule R against AV (N tokens); 1 on a match with m->bind set. */
static int
rw_match(struct rw_match *m, const struct rule *r,
    const struct token *const *av, int n)
{
	m->lhs = r->r_lhs;
	m->nlhs = r->r_nlhs;
	m->av = av;
	m->nav = n;
	m->widx = r->r_widx;
	m->nbind = r->r_nbind;
	if (++rw_memogen == 0) {
		memset(rw_memo, 0, sizeof(rw_memo));
		rw_memogen = 1;
	}
	m->gen = rw_memogen;
	return rw_match_at(m, 0, 0);
}

/* The literal tokens present in AV (N tokens), one bit each. */
static uint64_t
rw_have(const struct token *const *av, int n)
{
	uint64_t have = 0;
	int i;

	for (i = 0; i < n; i++)
		have |= RW_BIT(av[i]);
	return have;
}

/* ---- the right-hand side ---------------------------------------------- */

/* One level of rewriting: the new workspace being built. */
/*
 * sendmail copies a subroutine's result back unchecked, so a frame's
 * result may run past what it may build, by its callers' offsets level
 * after level (its callers then fail: "expansion too long"); RW_SLACK is
 * that room here.  Past it, the frame fails at once.
 */
#define RW_SLACK	TOKEN_MAXATOM

struct rw_frame {
	const struct token *npv[TOKEN_MAXATOM + 1 + RW_SLACK];
	int		n;
	int		cap;		/* room in npv: TOKEN_MAXATOM */
	int		lim;		/* room in the array given */
	const char	*name;
	int		aborted;	/* a RHS failed: no "returns" line */
};

static struct rw_frame *rw_frames[REWRITE_MAXRECURSION + 3];

/*
 * Work done under one outside call.  A rule that calls its own ruleset
 * without $: or $@ makes sendmail retry 100 times at each of 50 levels,
 * which never ends; past this many rule tries we give up instead.
 */
#define RW_MAXWORK	200000UL
static unsigned long rw_work;
static struct rw_match rw_m;		/* used between match and substitute */
static const struct token *rw_scratch[TOKEN_MAXATOM + 1];

/* Append T; 0 when the workspace is full. */
static int
rw_push(struct rw_frame *f, const struct token *t)
{
	if (f->n >= f->cap)
		return 0;
	f->npv[f->n++] = t;
	return 1;
}

static int
rw_toolong(void)
{
	msg_syserr("554 5.3.0 rewrite: expansion too long");
	return EX_DATAERR;
}

/* $&x on the RHS: the macro's value, tokenized, goes in. */
static int
rw_subst_macro(struct rw_frame *f, const struct token *t)
{
	int id = (unsigned char)t->t_s[1], n, i;
	const char *v = macro_get(id);

	if (RW_TTD(2))
		(void)printf("rewrite: RHS $&{%s} => \"%s\"\n",
		    macro_name(id), v == NULL ? "(NULL)" : v);
	if (v == NULL || *v == '\0')
		return EX_OK;
	n = token_scan(v, '\0', TOKEN_TAB_EXT, 0, rw_scratch,
	    TOKEN_MAXATOM + 1, NULL);
	if (n <= 0)
		return EX_DATAERR;
	for (i = 0; i < n; i++)
		if (!rw_push(f, rw_scratch[i]))
			return rw_toolong();
	return EX_OK;
}

/* -d21.15: what $C stands for (sendmail shows the token addresses). */
static void
rw_trace_bind(int c, const struct rw_bind *b, const struct token *const *pv)
{
	FILE *fp = msg_out();
	int k;

	(void)fprintf(fp, "$%c:", c);
	for (k = b->first; k <= b->last; k++)
		(void)fprintf(fp, " %p=\"%s\"", (const void *)pv[k]->t_s,
		    pv[k]->t_s);
	(void)putc('\n', fp);
}

/* Build F from RHS (N tokens) and the bindings of M over PV. */
static int
rw_subst(struct rw_frame *f, const struct rw_match *m,
    const struct token *const *rhs, int n, const struct token *const *pv)
{
	int i, k, st;

	for (i = 0; i < n; i++) {
		const struct token *t = rhs[i];
		int c = TOKEN_C0(t), d;

		if (c == TOKEN_MACRODEXPAND) {
			if ((st = rw_subst_macro(f, t)) != EX_OK)
				return st;
			continue;
		}
		if (c != TOKEN_MATCHREPL) {
			if (!rw_push(f, t))
				return rw_toolong();
			continue;
		}
		d = (unsigned char)t->t_s[1] - '1';
		if (d < 0 || d >= m->nbind) {
			msg_syserr("554 5.3.5 rewrite: ruleset %s: replacement "
			    "$%c out of bounds", f->name, t->t_s[1]);
			return EX_CONFIG;
		}
		if (RW_TTD(15))
			rw_trace_bind(t->t_s[1], &m->bind[d], pv);
		for (k = m->bind[d].first; k <= m->bind[d].last; k++)
			if (!rw_push(f, pv[k]))
				return rw_toolong();
	}
	return EX_OK;
}

/* The parts of one $( ... $) or $[ ... $] in a workspace. */
struct rw_lookup {
	int	begin, end;		/* the $( and $) (end = n when missing) */
	int	key, nkey;		/* key tokens */
	int	def, ndef;		/* $: default tokens (def < 0: none) */
	int	arg[REWRITE_MAXMAPARGS], narg[REWRITE_MAXMAPARGS];
	int	nargs;
	const char *mapname;
};

/* Split the lookup starting at B in F into its parts. */
static void
rw_lookup_parts(const struct rw_frame *f, int b, struct rw_lookup *lk)
{
	int endcode, i, cur = -1, *curn = NULL;

	lk->begin = b;
	if (TOKEN_C0(f->npv[b]) == TOKEN_HOSTBEGIN) {
		endcode = TOKEN_HOSTEND;
		lk->mapname = "host";
		i = b + 1;
	} else {
		endcode = TOKEN_LOOKUPEND;
		lk->mapname = b + 1 < f->n ? f->npv[b + 1]->t_s : "";
		i = b + 2;
	}
	lk->key = i;
	lk->nkey = 0;
	lk->def = -1;
	lk->ndef = 0;
	lk->nargs = 0;
	curn = &lk->nkey;
	for (; i < f->n && TOKEN_C0(f->npv[i]) != endcode; i++) {
		int c = TOKEN_C0(f->npv[i]);

		if (c == TOKEN_CANONHOST) {
			curn = NULL;	/* arguments past the last are dropped */
			if (lk->nargs < REWRITE_MAXMAPARGS) {
				cur = lk->nargs++;
				lk->arg[cur] = i + 1;
				lk->narg[cur] = 0;
				curn = &lk->narg[cur];
			}
		} else if (c == TOKEN_CANONUSER) {
			lk->def = i + 1;
			lk->ndef = 0;
			curn = &lk->ndef;
		} else if (curn != NULL)
			(*curn)++;
	}
	lk->end = i;
}

/* Look the key of LK up; returns the replacement tokens in rw_scratch. */
static int
rw_lookup_do(struct rw_frame *f, const struct rw_lookup *lk, int *rstat)
{
	char key[1024], argbuf[REWRITE_MAXMAPARGS][256], dbuf[1024];
	const char *args[REWRITE_MAXMAPARGS];
	MAP *map = map_find(lk->mapname);
	char *val = NULL;
	const char *repl;
	int i, st = EX_OK, n;

	if (map == NULL)
		msg_syserr("554 5.3.0 rewrite: map %s not found", lk->mapname);
	(void)token_cat(f->npv + lk->key, lk->nkey, key, sizeof(key),
	    map != NULL ? rw_map_spacesub(map) : '\0', 1);
	for (i = 0; i < lk->nargs && i < REWRITE_MAXMAPARGS - 2; i++) {
		(void)token_cat(f->npv + lk->arg[i], lk->narg[i], argbuf[i],
		    sizeof(argbuf[i]), '\0', 0);
		args[i] = argbuf[i];
	}
	if (map != NULL)
		val = map_lookup(map, key, args, i, &st);
	if (st == EX_TEMPFAIL)
		*rstat = EX_TEMPFAIL;
	repl = val;
	if (repl == NULL && lk->def >= 0) {
		(void)token_cat(f->npv + lk->def, lk->ndef, dbuf, sizeof(dbuf),
		    '\0', 0);
		repl = dbuf;
	}
	if (repl == NULL) {
		memcpy(rw_scratch, f->npv + lk->key,
		    (size_t)lk->nkey * sizeof(*rw_scratch));
		n = lk->nkey;
	} else if (*repl == '\0')
		n = 0;
	else {
		n = token_scan(repl, '\0', val != NULL ? TOKEN_TAB_EXT :
		    TOKEN_TAB_INT, 0, rw_scratch, TOKEN_MAXATOM + 1, NULL);
		if (n <= 0)
			n = -1;		/* prescan said why */
	}
	free(val);
	return n;
}

/* Replace F's tokens FROM..TO (inclusive) by the N tokens of rw_scratch. */
static int
rw_splice(struct rw_frame *f, int from, int to, int n)
{
	int tail = f->n - (to + 1);

	if (to >= f->n)
		tail = 0;
	if (from + n + tail > f->cap)
		return 0;
	memmove(f->npv + from + n, f->npv + f->n - tail,
	    (size_t)tail * sizeof(*f->npv));
	memcpy(f->npv + from, rw_scratch, (size_t)n * sizeof(*f->npv));
	f->n = from + n + tail;
	return 1;
}

/* Do every $( $) and $[ $] lookup of F, left to right. */
static int
rw_maps(struct rw_frame *f, int *rstat)
{
	int i;

	for (i = 0; i < f->n; i++) {
		struct rw_lookup lk;
		int c = TOKEN_C0(f->npv[i]), n;

		if (c != TOKEN_HOSTBEGIN && c != TOKEN_LOOKUPBEGIN)
			continue;
		rw_lookup_parts(f, i, &lk);
		n = rw_lookup_do(f, &lk, rstat);
		if (n < 0)
			return EX_DATAERR;
		if (!rw_splice(f, i, lk.end, n))
			return rw_toolong();
		i += n - 1;
	}
	return EX_OK;
}

/*
 * The name token at F's position I of a $> call, without its quotes.
 * sendmail strips them in place, in the rule the token came from too, so
 * a later =S shows the name bare: RULE's RHS gets the bare token.
 */
static const char *
rw_subr_name(struct rw_frame *f, int i, struct rule *rule)
{
	const struct token *t = f->npv[i], *bare;
	char buf[256];
	const char *s = t->t_s;
	size_t o = 0;
	int k;

	if (strchr(s, '"') == NULL && strchr(s, '\\') == NULL)
		return s;
	for (; *s != '\0' && o + 1 < sizeof(buf); s++) {
		if (*s == '"')
			continue;
		if (*s == '\\' && s[1] != '\0')
			s++;
		buf[o++] = *s;
	}
	bare = token_intern(buf, o);
	f->npv[i] = bare;
	for (k = 0; rule != NULL && k < rule->r_nrhs; k++)
		if (rule->r_rhs[k] == t)
			rule->r_rhs[k] = bare;
	return bare->t_s;
}

/* Drop the two tokens at I of F. */
static void
rw_drop2(struct rw_frame *f, int i)
{
	memmove(f->npv + i, f->npv + i + 2,
	    (size_t)(f->n - i - 2) * sizeof(*f->npv));
	f->n -= 2;
}

/* $> calls in F: collect them, then run them from the last one. */
static int
rw_callsubr(struct rw_frame *f, int reclevel, struct rule *rule)
{
	int num[REWRITE_MAXSUBR], idx[REWRITE_MAXSUBR];
	int nsubr = 0, j, rstat = EX_OK;
	const char *name;

	for (j = 0; j < f->n; j++) {
		int subr;

		if (TOKEN_C0(f->npv[j]) != TOKEN_CALLSUBR || j + 1 >= f->n)
			continue;
		name = rw_subr_name(f, j + 1, rule);
		subr = rewrite_rsnum(name, NULL, 0);
		if (subr < 0) {
			msg_syserr("554 5.3.5 Unknown ruleset %s", name);
			return EX_CONFIG;
		}
		if (!rewrite_rshas_rules(subr)) {
			if (RW_TTD(3))
				(void)fprintf(msg_out(), "-----skip subr %s (%d)\n",
				    name, subr);
			rw_drop2(f, j);		/* sendmail then skips a token */
			continue;
		}
		if (++nsubr >= REWRITE_MAXSUBR) {
			msg_syserr("554 5.3.0 Too many subroutine calls (%d max)",
			    REWRITE_MAXSUBR);
			return EX_CONFIG;
		}
		num[nsubr] = subr;
		idx[nsubr] = j;
	}
	for (; nsubr > 0; nsubr--) {
		int at = idx[nsubr], tn, st;

		rw_drop2(f, at);
		tn = f->n - at;
		st = rewrite(f->npv + at, &tn, TOKEN_MAXATOM - at, num[nsubr],
		    reclevel);
		f->n = at + tn;
		if (st != EX_OK && st != EX_TEMPFAIL)
			return st;
		if (rstat == EX_OK || st == EX_TEMPFAIL)
			rstat = st;
	}
	return rstat;
}

/* ---- the rule loop ---------------------------------------------------- */

static void
rw_print(const char *label, const struct token *const *av, int n)
{
	FILE *fp = msg_out();

	(void)fputs(label, fp);
	token_printav(fp, av, n);
}

/* Apply RHS (of rule R, already matched) to PV; F is the frame. */
static int
rw_apply(struct rw_frame *f, struct rule *r, const struct token *const *rhs,
    int nrhs, const struct token **pv, int *pn, int reclevel, int *rstat)
{
	int st;

	f->n = 0;
	if ((st = rw_subst(f, &rw_m, rhs, nrhs, pv)) != EX_OK ||
	    (st = rw_maps(f, rstat)) != EX_OK) {
		f->aborted = 1;
		return st;
	}
	st = rw_callsubr(f, reclevel, r);
	if (*rstat == EX_OK || st == EX_TEMPFAIL)
		*rstat = st;
	if (f->n > f->lim) {		/* subroutines made it far too long */
		f->aborted = 1;
		return rw_toolong();
	}
	memcpy(pv, f->npv, (size_t)f->n * sizeof(*pv));
	*pn = f->n;
	pv[f->n] = NULL;
	if (RW_TTD(4))
		rw_print("rewritten as:", pv, *pn);
	return EX_OK;
}

/* The loop over the rules of RS; returns the status. */
static int
rw_run(struct rw_frame *f, int rs, const struct token **pv, int *pn,
    int reclevel)
{
	struct rule *r = rw_sets[rs].rs_rules, *cur;
	int rstat = EX_OK, ruleno = 1, loops = 0, st;
	uint64_t have = rw_have(pv, *pn);

	while (r != NULL) {
		const struct token *const *rhs = r->r_rhs;
		int nrhs = r->r_nrhs;

		cur = r;
		if (*pn > 0 && TOKEN_C0(pv[0]) == TOKEN_CANONNET)
			break;
		if (RW_TTD(15)) {
			char label[48];

			(void)snprintf(label, sizeof(label),
			    "-----trying rule (line %d):", r->r_line);
			rw_print(label, r->r_lhs, r->r_nlhs);
		} else if (RW_TTD(12))
			rw_print("-----trying rule:", r->r_lhs, r->r_nlhs);
		if (++rw_work > RW_MAXWORK) {
			msg_syserr("554 5.3.5 rewrite: ruleset %s: too much work "
			    "(%lu rule tries)", f->name, RW_MAXWORK);
			f->aborted = 1;
			return EX_CONFIG;
		}
		if (++loops > REWRITE_MAXLOOP) {
			msg_syserr("554 5.3.5 Infinite loop in ruleset %s, "
			    "rule %d", f->name, ruleno);
			if (RW_TTD(1))
				rw_print("workspace:", pv, *pn);
			break;
		}
		if ((r->r_need & ~have) != 0 || !rw_match(&rw_m, r, pv, *pn)) {
			if (RW_TTD(10))
				(void)printf("----- rule fails\n");
			r = r->r_next;
			ruleno++;
			loops = 0;
			continue;
		}
		if (RW_TTD(12))
			rw_print("-----rule matches:", rhs, nrhs);
		if (nrhs > 0 && TOKEN_C0(rhs[0]) == TOKEN_CANONUSER) {
			rhs++, nrhs--;
			r = r->r_next;
			ruleno++;
			loops = 0;
		} else if (nrhs > 0 && TOKEN_C0(rhs[0]) == TOKEN_CANONHOST) {
			rhs++, nrhs--;
			r = NULL;
		}
		st = rw_apply(f, cur, rhs, nrhs, pv, pn, reclevel, &rstat);
		if (st != EX_OK)
			return st;
		have = rw_have(pv, *pn);
	}
	return rstat;
}

/* The -bt trace labels of SET ("%-16.16s   input:"), made once. */
static void
rw_labels(struct ruleset *set, const char *name)
{
	char buf[64];

	if (set->rs_in != NULL)
		return;
	(void)snprintf(buf, sizeof(buf), "%-16.16s   input:", name);
	set->rs_in = sm_strdup_x(buf);
	(void)snprintf(buf, sizeof(buf), "%-16.16s returns:", name);
	set->rs_out = sm_strdup_x(buf);
}

int
rewrite(const struct token **pv, int *pn, int cap, int rs, int reclevel)
{
	char numname[16];
	struct rw_frame *f;
	const char *name;
	FILE *fp = msg_out();
	int st;

	if (rs < 0 || rs >= REWRITE_MAXRWSETS) {
		msg_syserr("554 5.3.5 rewrite: illegal ruleset number %d", rs);
		return EX_CONFIG;
	}
	name = rw_sets[rs].rs_name;
	if (name == NULL) {
		(void)snprintf(numname, sizeof(numname), "%d", rs);
		name = numname;
	}
	if (rw_trace) {
		rw_labels(&rw_sets[rs], name);
		(void)fputs(rw_sets[rs].rs_in, fp);
		token_printav(fp, pv, *pn);
	}
	if (reclevel == 0)
		rw_work = 0;
	if (reclevel++ > REWRITE_MAXRECURSION) {
		msg_syserr("rewrite: excessive recursion (max %d), ruleset %s",
		    REWRITE_MAXRECURSION, name);
		return EX_CONFIG;
	}
	if (rw_frames[reclevel] == NULL)
		rw_frames[reclevel] = sm_malloc_x(sizeof(struct rw_frame));
	f = rw_frames[reclevel];
	f->cap = cap < TOKEN_MAXATOM ? cap : TOKEN_MAXATOM;
	f->lim = reclevel > 1 ? f->cap + RW_SLACK : f->cap;
	f->name = name;
	f->aborted = 0;
	st = rw_run(f, rs, pv, pn, reclevel);
	if (rw_trace && !f->aborted) {
		(void)fputs(rw_sets[rs].rs_out, fp);
		token_printav(fp, pv, *pn);
	}
	return st;
}
