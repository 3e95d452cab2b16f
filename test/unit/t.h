/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * t.h -- the unit-test vocabulary shared by every test/unit/t_*.c.
 *
 * A test program is a list of named cases.  Each case prints one line:
 *	ok - NAME
 *	not ok - NAME (file:line: expr [detail])
 *	skip - NAME (reason)
 * and test/run counts those lines.  Assertions record the first failure of a
 * case and let it go on (t_require stops the case: use it before a pointer is
 * dereferenced).  Table-driven tests open one case per row with t_begin().
 *
 *	static void
 *	test_append(void)
 *	{
 *		t_assert_streq(sm_str_data(s), "ab");
 *	}
 *	int main(void) { t_run("str: append", test_append); return t_done(); }
 */
#ifndef TERN_T_H
#define TERN_T_H

#include <stdarg.h>
#include <stddef.h>

/* Run fn as the case NAME; prints its line.  Returns 1 if it passed. */
int	t_run(const char *name, void (*fn)(void));
/* Open a case by hand (table rows); t_end() prints its line. */
void	t_begin(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int	t_end(void);
/* Mark the open case skipped (e.g. a peer program is missing). */
void	t_skip(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print the totals for this program; returns the exit status (1 on any failure). */
int	t_done(void);

/* A fresh empty directory under $TMPDIR for this program (removed by test/run). */
const char *t_tmpdir(void);

int	t_check(int ok, const char *file, int line, const char *expr);
int	t_check_streq(const char *a, const char *b, const char *file, int line,
	    const char *expr);
int	t_check_memeq(const void *a, size_t alen, const void *b, size_t blen,
	    const char *file, int line, const char *expr);
/* OP is one of == != < <= > >=; A and B are evaluated once and compared
 * by value (a negative signed value is less than any unsigned one). */
int	t_check_cmp(unsigned long long a, int asigned, const char *op,
	    unsigned long long b, int bsigned, const char *file, int line,
	    const char *expr);
#define T_SIGNED_(x) _Generic((x), unsigned char: 0, unsigned short: 0, \
	unsigned int: 0, unsigned long: 0, unsigned long long: 0, _Bool: 0, \
	default: 1)

#define t_assert(e)	t_check(!!(e), __FILE__, __LINE__, #e)
#define t_assert_streq(a, b) \
	t_check_streq((a), (b), __FILE__, __LINE__, #a " == " #b)
#define t_assert_memeq(a, alen, b, blen) \
	t_check_memeq((a), (alen), (b), (blen), __FILE__, __LINE__, \
	    #a " == " #b)
#define t_assert_cmp(a, op, b) \
	t_check_cmp((unsigned long long)(a), T_SIGNED_(a), #op, \
	    (unsigned long long)(b), T_SIGNED_(b), \
	    __FILE__, __LINE__, #a " " #op " " #b)
/* Stop the current case (return from the case function) when e is false. */
#define t_require(e)	do { if (!t_assert(e)) return; } while (0)

#endif
