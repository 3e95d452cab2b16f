/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * t_rpool.c -- libsm/rpool.c: alignment, objects that never overlap,
 * the copy helpers, cleanups in reverse order, the _x rule and NULL-pool
 * assertion, and (in sanitizer builds) no leaks and caught overruns.
 */
#include "libsm/err.h"
#include "libsm/rpool.h"
#include "t.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define T_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define T_ASAN 1
#endif
#endif
#ifdef T_ASAN
#include <sanitizer/lsan_interface.h>
#endif

static int
aligned(const void *p)
{
	return (uintptr_t)p % alignof(max_align_t) == 0;
}

/* Sizes around the alignment, the big-request cut and the block size. */
static const size_t sizes[] = {
	0, 1, 2, 7, 8, 15, 16, 17, 31, 33, 100, 1000, 1007, 1008, 1009, 1024,
	4000, 4096, 5000, 100000,
};
#define NSIZES	(sizeof(sizes) / sizeof(sizes[0]))

static void
test_align_table(void)
{
	SM_RPOOL *pool = sm_rpool_new_x();
	unsigned char *p[3][NSIZES];
	size_t i, r, j;
	int ok;

	for (i = 0; i < NSIZES; i++) {
		t_begin("rpool: %zu bytes: aligned, writable, kept", sizes[i]);
		for (r = 0; r < 3; r++) {
			p[r][i] = sm_rpool_malloc_x(pool, sizes[i]);
			t_assert(aligned(p[r][i]));
			memset(p[r][i], (int)(i * 3 + r), sizes[i]);
		}
		t_end();
	}
	t_begin("rpool: objects of every size are distinct and intact");
	for (ok = 1, i = 0; i < NSIZES; i++)
		for (r = 0; r < 3; r++)
			for (j = 0; j < sizes[i]; j++)
				ok &= p[r][i][j] == (unsigned char)(i * 3 + r);
	t_assert(ok);
	t_assert(p[0][0] != p[1][0] && p[1][0] != p[2][0]);
	t_end();
	sm_rpool_free(pool);
}

/* Many small objects over many blocks: none overlaps another. */
static void
test_many(void)
{
	enum { N = 20000 };
	SM_RPOOL *pool = sm_rpool_new_x();
	unsigned char **p = malloc(N * sizeof(*p));
	size_t i, j, len;
	int ok = 1;

	t_require(p != NULL);
	for (i = 0; i < N; i++) {
		len = (i * 7919) % 300;
		p[i] = sm_rpool_malloc_x(pool, len);
		ok &= aligned(p[i]);
		memset(p[i], (int)(i & 0xff), len);
	}
	t_assert(ok);
	for (i = 0; i < N; i++)
		for (len = (i * 7919) % 300, j = 0; j < len; j++)
			ok &= p[i][j] == (unsigned char)(i & 0xff);
	t_assert(ok);
	free(p);
	sm_rpool_free(pool);
}

static void
test_copies(void)
{
	SM_RPOOL *pool = sm_rpool_new_x();
	unsigned char *z;
	char big[5000];
	char *s;
	size_t i;
	int ok = 1;

	t_assert_streq(sm_rpool_strdup_x(pool, "user@example.com"),
	    "user@example.com");
	t_assert_streq(sm_rpool_strdup_x(pool, ""), "");
	t_assert_streq(sm_rpool_strndup_x(pool, "abcdef", 3), "abc");
	t_assert_memeq(sm_rpool_strndup_x(pool, "a\0b", 3), 4, "a\0b", 4);
	t_assert_memeq(sm_rpool_memdup_x(pool, "x\0y", 3), 3, "x\0y", 3);
	t_assert(sm_rpool_memdup_x(pool, NULL, 0) != NULL);
	t_assert_streq(sm_rpool_printf_x(pool, "%s-%05d", "q", 42),
	    "q-00042");
	t_assert_streq(sm_rpool_printf_x(pool, "%s", ""), "");
	memset(big, 'b', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	s = sm_rpool_printf_x(pool, "<%s>", big);
	t_assert_cmp(strlen(s), ==, sizeof(big) + 1);
	t_assert(aligned(s));
	z = sm_rpool_zalloc_x(pool, 777);
	for (i = 0; i < 777; i++)
		ok &= z[i] == 0;
	t_assert(ok);
	sm_rpool_free(pool);
}

static char order[8];
static size_t norder;

static void
note(void *arg)
{
	order[norder++] = *(const char *)arg;
}

static void
test_cleanup_order(void)
{
	SM_RPOOL *pool = sm_rpool_new_x();
	SM_RPOOL_CLEANUP *c2;

	norder = 0;
	(void)sm_rpool_attach_x(pool, note, "1");
	c2 = sm_rpool_attach_x(pool, note, "2");
	(void)sm_rpool_attach_x(pool, note, "3");
	(void)sm_rpool_attach_x(pool, note, "4");
	sm_rpool_detach(c2);
	t_assert_cmp(norder, ==, 0);
	sm_rpool_free(pool);
	t_assert_memeq(order, norder, "431", 3);
	sm_rpool_free(NULL);
}

static void
close_fd(void *arg)
{
	(void)close(*(int *)arg);
}

/* The use the callbacks exist for: a descriptor owned by the envelope. */
static void
test_cleanup_fd(void)
{
	SM_RPOOL *pool = sm_rpool_new_x();
	int *fds = sm_rpool_malloc_x(pool, 2 * sizeof(int));

	t_require(pipe(fds) == 0);
	(void)sm_rpool_attach_x(pool, close_fd, &fds[0]);
	(void)sm_rpool_attach_x(pool, close_fd, &fds[1]);
	t_assert(fcntl(fds[0], F_GETFD) >= 0);
	{
		int a = fds[0], b = fds[1];

		sm_rpool_free(pool);
		errno = 0;
		t_assert(fcntl(a, F_GETFD) == -1 && errno == EBADF);
		t_assert(fcntl(b, F_GETFD) == -1 && errno == EBADF);
	}
}

/* Run fn in a child with stderr closed; return its wait status. */
static int
in_child(void (*fn)(void))
{
	int st = 0;
	pid_t pid = fork();

	if (pid == 0) {
		(void)close(2);
		fn();
		_exit(0);
	}
	(void)waitpid(pid, &st, 0);
	return st;
}

static void
null_pool(void)
{
	(void)sm_rpool_malloc_x(NULL, 1);
}

static void
null_pool_strdup(void)
{
	(void)sm_rpool_strdup_x(NULL, "x");
}

/* Pools of the dying children, kept reachable for LeakSanitizer. */
static SM_RPOOL *cb_pool;

static void
huge(void)
{
	cb_pool = sm_rpool_new_x();
	(void)sm_rpool_malloc_x(cb_pool, SIZE_MAX - 8);
}

static void
alloc_in_cleanup(void *arg)
{
	(void)arg;
	(void)sm_rpool_malloc_x(cb_pool, 1);
}

static void
free_with_bad_cleanup(void)
{
	cb_pool = sm_rpool_new_x();
	(void)sm_rpool_attach_x(cb_pool, alloc_in_cleanup, NULL);
	sm_rpool_free(cb_pool);
}

static const struct die_row {
	const char *name;
	void (*fn)(void);
	int sig;		/* expected signal, or 0 */
	int status;		/* else expected exit status */
} die_rows[] = {
	{ "NULL pool aborts (no malloc fallback)", null_pool, SIGABRT, 0 },
	{ "NULL pool strdup aborts", null_pool_strdup, SIGABRT, 0 },
	{ "overflowing size is fatal EX_OSERR", huge, 0, EX_OSERR },
	{ "allocating in a cleanup aborts", free_with_bad_cleanup, SIGABRT,
	    0 },
};

static void
test_die_table(void)
{
	const struct die_row *r;
	size_t i;
	int st;

	for (i = 0; i < sizeof(die_rows) / sizeof(die_rows[0]); i++) {
		r = &die_rows[i];
		t_begin("rpool: %s", r->name);
		st = in_child(r->fn);
		if (r->sig != 0)
			t_assert(WIFSIGNALED(st) && WTERMSIG(st) == r->sig);
		else
			t_assert(WIFEXITED(st) && WEXITSTATUS(st) == r->status);
		t_end();
	}
}

#ifdef T_ASAN
static void
overrun(void)
{
	SM_RPOOL *pool = sm_rpool_new_x();
	volatile char *p = sm_rpool_malloc_x(pool, 5);

	(void)sm_rpool_malloc_x(pool, 5);
	p[5] = 'x';		/* one past the end: inside the block */
	sm_rpool_free(pool);
}
#endif

/* AddressSanitizer sees overruns inside a shared block. */
static void
test_asan_overrun(void)
{
#ifdef T_ASAN
	SM_RPOOL *pool = sm_rpool_new_x();
	volatile char *p = sm_rpool_malloc_x(pool, 5);
	int st;

	p[4] = 'x';		/* the last byte is ours */
	sm_rpool_free(pool);
	st = in_child(overrun);
	t_assert(!(WIFEXITED(st) && WEXITSTATUS(st) == 0));
#else
	t_skip("not an AddressSanitizer build");
#endif
}

/* After every pool is freed, LeakSanitizer finds nothing. */
static void
test_no_leaks(void)
{
#ifdef T_ASAN
	SM_RPOOL *pool = sm_rpool_new_x();
	int i, leaks;

	for (i = 0; i < 1000; i++)
		(void)sm_rpool_malloc_x(pool, (size_t)i * 13);
	(void)sm_rpool_attach_x(pool, note, "x");
	sm_rpool_free(pool);
	leaks = __lsan_do_recoverable_leak_check();
	t_assert_cmp(leaks, ==, 0);
#else
	t_skip("not an AddressSanitizer build");
#endif
}

int
main(void)
{
	test_align_table();
	t_run("rpool: 20,000 small objects, none overlapping", test_many);
	t_run("rpool: strdup, strndup, memdup, printf, zalloc", test_copies);
	t_run("rpool: cleanups run newest first, detached ones not",
	    test_cleanup_order);
	t_run("rpool: a cleanup closes descriptors", test_cleanup_fd);
	test_die_table();
	t_run("rpool: overrun inside a block is caught (ASan)",
	    test_asan_overrun);
	t_run("rpool: no leaks after free (LSan)", test_no_leaks);
	return t_done();
}
