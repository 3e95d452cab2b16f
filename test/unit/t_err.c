/* SPDX-License-Identifier: BSD-3-Clause */
/* t_err.c -- libsm/err.c: allocation helpers that cannot fail, assertions. */
#include "libsm/err.h"
#include "t.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void
test_dup(void)
{
	char *s = sm_strndup_x("abcdef", 3);
	char *m = sm_memdup_x("a\0b", 3);

	t_assert_streq(s, "abc");
	t_assert_memeq(m, 3, "a\0b", 3);
	free(s);
	free(m);
	s = sm_strdup_x("");
	t_assert_streq(s, "");
	free(s);
}

/* Run fn in a child; return its wait status. */
static int
in_child(void (*fn)(void))
{
	int st = 0;
	pid_t pid = fork();

	if (pid == 0) {
		fn();
		_exit(0);
	}
	(void)waitpid(pid, &st, 0);
	return st;
}

static void
fail_assert(void)
{
	int one = 1;

	(void)close(2);		/* keep the expected report off the test log */
	SM_ASSERT(one == 2);
}

static void
fail_fatal(void)
{
	(void)close(2);
	sm_fatal(EX_CONFIG, "bad config");
}

static void
huge_array(void)
{
	(void)close(2);
	(void)sm_reallocarray_x(NULL, SIZE_MAX / 2, 4);
}

static void
test_exits(void)
{
	int st;

	st = in_child(fail_assert);
	t_assert(WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT);
	st = in_child(fail_fatal);
	t_assert(WIFEXITED(st) && WEXITSTATUS(st) == EX_CONFIG);
	st = in_child(huge_array);
	t_assert(WIFEXITED(st) && WEXITSTATUS(st) == EX_OSERR);
}

int
main(void)
{
	t_run("err: strdup, strndup, memdup", test_dup);
	t_run("err: assert aborts, fatal exits with its code, overflow is fatal",
	    test_exits);
	return t_done();
}
