/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * class.c -- word classes laid out like sendmail's symbol table.
 *
 * Public: class_add class_add_words class_has class_has_tokens
 * class_longest class_print class_file class_scanf class_safe_open
 * class_reset.
 * Runs in every sendmail process; class_file reads files with the
 * process's privileges.
 */
#include "sendmail/class.h"

#include "libsm/err.h"
#include "sendmail/msg.h"

#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define CLASS_NBUCKETS	2003		/* sendmail's STABSIZE */
#define CLASS_STTYPE	1		/* sendmail's ST_CLASS */

struct class_word {
	struct class_word *cw_next;
	uint32_t	cw_bits[8];	/* one bit per class id */
	char		cw_name[];
};

static struct class_word *class_tab[CLASS_NBUCKETS];
static unsigned	class_gen = 1;		/* bumped when a word is added */
static size_t	class_maxlen[256];	/* longest word of each class */

static int
class_lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}

/* sendmail's symbol-table hash for a class word. */
static unsigned
class_hash(const char *s)
{
	unsigned h = CLASS_STTYPE;

	for (; *s != '\0'; s++)
		h = ((h << 1) ^ (unsigned)class_lower((unsigned char)*s)) %
		    CLASS_NBUCKETS;
	return h;
}

/* ASCII case-insensitive equality. */
static int
class_eq(const char *a, const char *b)
{
	for (; *a != '\0'; a++, b++)
		if (class_lower((unsigned char)*a) !=
		    class_lower((unsigned char)*b))
			return 0;
	return *b == '\0';
}

/* The entry for WORD; created (at the bucket's end) when CREATE. */
static struct class_word *
class_find(const char *word, int create)
{
	struct class_word **pp = &class_tab[class_hash(word)], *w;
	size_t len;

	for (; (w = *pp) != NULL; pp = &w->cw_next)
		if (class_eq(w->cw_name, word))
			return w;
	if (!create)
		return NULL;
	len = strlen(word);
	w = sm_calloc_x(1, sizeof(*w) + len + 1);
	memcpy(w->cw_name, word, len + 1);
	*pp = w;
	class_gen++;
	return w;
}

static int
class_bit(const struct class_word *w, int cl)
{
	return w != NULL && (w->cw_bits[(cl & 0xff) >> 5] >> (cl & 31) & 1);
}

void
class_add(int cl, const char *word)
{
	struct class_word *w = class_find(word, 1);
	size_t len = strlen(word);

	w->cw_bits[(cl & 0xff) >> 5] |= UINT32_C(1) << (cl & 31);
	if (len > class_maxlen[cl & 0xff])
		class_maxlen[cl & 0xff] = len;
}

size_t
class_longest(int cl)
{
	return class_maxlen[cl & 0xff];
}

void
class_add_words(int cl, const char *text)
{
	const char *p = text;
	char *word;

	while (*p != '\0') {
		const char *w;

		while (*p != '\0' && isspace((unsigned char)*p))
			p++;
		w = p;
		while (*p != '\0' && !isspace((unsigned char)*p))
			p++;
		if (p == w)
			continue;
		word = sm_strndup_x(w, (size_t)(p - w));
		class_add(cl, word);
		free(word);
	}
}

int
class_has(int cl, const char *word)
{
	return class_bit(class_find(word, 0), cl);
}

int
class_has_tokens(int cl, const struct token *const *av, int n)
{
	char buf[TOKEN_MAXNAME + 1];

	if (n == 1) {
		struct token *t = (struct token *)(uintptr_t)av[0];

		if (t->t_wordgen != class_gen) {
			t->t_word = class_find(t->t_s, 0);
			t->t_wordgen = class_gen;
		}
		return class_bit(t->t_word, cl);
	}
	(void)token_cat(av, n, buf, sizeof(buf), '\0', 1);
	return class_has(cl, buf);
}

void
class_print(FILE *fp, int cl)
{
	int b;
	const struct class_word *w;

	for (b = 0; b < CLASS_NBUCKETS; b++)
		for (w = class_tab[b]; w != NULL; w = w->cw_next)
			if (class_bit(w, cl))
				(void)fprintf(fp, "%s\n", w->cw_name);
}

void
class_reset(void)
{
	int b;
	struct class_word *w, *next;

	for (b = 0; b < CLASS_NBUCKETS; b++) {
		for (w = class_tab[b]; w != NULL; w = next) {
			next = w->cw_next;
			free(w);
		}
		class_tab[b] = NULL;
	}
	memset(class_maxlen, 0, sizeof(class_maxlen));
	class_gen++;
}

/* ---- F lines -------------------------------------------------------------- */

/* Does C belong to the scanf set SET ("abc", "^abc", ranges a-z)? */
static int
class_inset(const char *set, size_t len, int c)
{
	int neg = 0, in = 0;
	size_t i = 0;

	if (len > 0 && set[0] == '^') {
		neg = 1;
		i = 1;
	}
	for (; i < len; i++) {
		if (i + 2 < len && set[i + 1] == '-' &&
		    c >= (unsigned char)set[i] && c <= (unsigned char)set[i + 2])
			in = 1;
		if ((unsigned char)set[i] == c)
			in = 1;
	}
	return in != neg;
}

/*
 * Read one conversion at *FP ("%s", "%[...]", "%*s" ...) from *LP into
 * OUT (OUTSIZE bytes) unless suppressed.  Returns 1 when something was
 * stored, 0 when it was suppressed, -1 when nothing matched.
 */
static int
class_conv(const char **fp, const char **lp, char *out, size_t outsize)
{
	const char *f = *fp + 1, *l = *lp, *set = NULL;
	size_t setlen = 0, o = 0;
	int skip = 0;

	if (*f == '*') {
		skip = 1;
		f++;
	}
	while (isdigit((unsigned char)*f))
		f++;
	if (*f == '[') {
		set = ++f;
		if (*f == '^')
			f++;
		if (*f == ']')
			f++;
		while (*f != '\0' && *f != ']')
			f++;
		setlen = (size_t)(f - set);
	} else if (*f != 's')
		return -1;
	else
		while (isspace((unsigned char)*l))
			l++;
	while (*l != '\0' && (set != NULL ?
	    class_inset(set, setlen, (unsigned char)*l) :
	    !isspace((unsigned char)*l))) {
		if (!skip && o + 1 < outsize)
			out[o++] = *l;
		l++;
	}
	if (l == *lp || (set == NULL && o == 0 && !skip))
		return -1;
	if (!skip)
		out[o] = '\0';
	*fp = *f != '\0' ? f + 1 : f;
	*lp = l;
	return !skip;
}

int
class_scanf(const char *line, const char *fmt, char *out, size_t outsize)
{
	const char *f = fmt, *l = line;
	int got = 0;

	while (*f != '\0') {
		int r;

		if (isspace((unsigned char)*f)) {
			while (isspace((unsigned char)*l))
				l++;
			f++;
			continue;
		}
		if (*f != '%' || f[1] == '%') {
			if (*f == '%')
				f++;
			if (*l != *f)
				break;
			l++, f++;
			continue;
		}
		r = class_conv(&f, &l, out, outsize);
		if (r < 0)
			break;
		if (r == 1 && got++ > 0)
			break;
	}
	return got >= 1;
}

FILE *
class_safe_open(const char *file, const char **why)
{
	char dir[1024];
	struct stat st;
	char *slash;
	FILE *fp;

	if (strlen(file) >= sizeof(dir)) {
		*why = strerror(ENAMETOOLONG);
		return NULL;
	}
	memcpy(dir, file, strlen(file) + 1);
	while ((slash = strrchr(dir, '/')) != NULL) {
		*slash = '\0';
		if (stat(dir[0] != '\0' ? dir : "/", &st) < 0)
			break;
		if (st.st_mode & S_IWOTH) {
			*why = "World writable directory";
			return NULL;
		}
		if (st.st_mode & S_IWGRP) {
			*why = "Group writable directory";
			return NULL;
		}
	}
	fp = fopen(file, "r");
	if (fp == NULL) {
		*why = strerror(errno);
		return NULL;
	}
	if (fstat(fileno(fp), &st) == 0 && !S_ISREG(st.st_mode)) {
		(void)fclose(fp);
		*why = "Not a regular file";
		return NULL;
	}
	return fp;
}

int
class_file(int cl, const char *file, const char *fmt, int optional)
{
	char line[2048], word[2048];
	const char *why;
	FILE *fp;

	if (*file == '\0') {
		msg_syserr("fileclass: missing file name");
		return -1;
	}
	if (fmt == NULL || *fmt == '\0')
		fmt = "%s";
	fp = class_safe_open(file, &why);
	if (fp == NULL) {
		if (!optional) {
			errno = EPERM;	/* makes syserr's status EX_OSERR */
			msg_syserr("fileclass: cannot open '%s': %s", file,
			    why);
		}
		return optional ? 0 : -1;
	}
	while (fgets(line, sizeof(line), fp) != NULL) {
		if (line[0] == '#')
			continue;
		if (class_scanf(line, fmt, word, sizeof(word)))
			class_add_words(cl, word);
	}
	(void)fclose(fp);
	return 0;
}
