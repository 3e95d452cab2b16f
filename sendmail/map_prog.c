/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * map_prog.c -- the `program' map class: run a program with the key as
 * its last argument; the first line of its output is the value.
 *
 *	Kname program /path/to/prog [initial arguments]
 *
 * The child (libsm/spawn.h) gets /dev/null as stdin and stderr, "/" as
 * its directory and AGENT=sendmail as its environment unless the hook
 * mh_spawn_setup says otherwise (DefaultUser, the E lines); a program
 * that cannot be run gives EX_CONFIG.  As in
 * sendmail, the answer is what one read(2) returns (at most 2047 bytes)
 * up to the first newline, the rest is drained, and a non-zero exit
 * status is the lookup's status with no value.  Keys are passed as given
 * (no case folding).
 *
 * Public: map_program_class (map_int.h).  Runs in the sendmail process
 * and forks the program as a child (privileges dropped by the hook).
 */
#include "sendmail/map_int.h"

#include "libsm/err.h"
#include "libsm/spawn.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAP_PROG_MAXARGV	32

/* argv: the program, the K line's extra words, the key.  BUF holds the
 * split words (a copy of the extra arguments). */
static void
map_prog_argv(const MAP *map, const char *key, char *buf, char **argv)
{
	int n = 0;
	char *p = buf;

	argv[n++] = map->map_file;
	while (*(p = map_skipspace(p)) != '\0' && n < MAP_PROG_MAXARGV - 2) {
		argv[n++] = p;
		while (*p != '\0' && !map_isspace((unsigned char)*p))
			p++;
		if (*p != '\0')
			*p++ = '\0';
	}
	argv[n++] = (char *)key;
	argv[n] = NULL;
}

/* Read the answer: one read(2), then drain to EOF.  Returns the bytes
 * of the first read (0 when none). */
static ssize_t
map_prog_read(int fd, char *buf, size_t size)
{
	char junk[512];
	ssize_t n, r;

	do
		n = read(fd, buf, size - 1);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		n = 0;
	buf[n] = '\0';
	do
		r = read(fd, junk, sizeof(junk));
	while (r > 0 || (r < 0 && errno == EINTR));
	return n;
}

/* Start the program; 0, or -1 with *statp. */
static int
map_prog_start(MAP *map, struct sm_spawn *sp, char **argv, int *statp)
{
	static char *const env[] = { "AGENT=sendmail", NULL };
	const char *why;

	sm_spawn_init(sp, argv[0], argv, env);
	sp->sp_cwd = "/";
	sp->sp_io[0] = SM_SPAWN_NULL;
	sp->sp_io[1] = SM_SPAWN_PIPE;
	sp->sp_io[2] = SM_SPAWN_NULL;
	map_spawn_setup(sp);
	if (sm_spawn_start(sp, &why) == 0)
		return 0;
	/* as sendmail's child exits after a failed exec */
	*statp = sp->sp_exit == EX_OSERR || sp->sp_exit == EX_TEMPFAIL ?
	    sp->sp_exit : EX_CONFIG;
	(void)map;
	return -1;
}

static char *
map_prog_lookup(MAP *map, const char *key, const char *const *av,
    int *statp)
{
	char *argv[MAP_PROG_MAXARGV], *words, buf[MAP_MAXLINE], *nl;
	struct sm_spawn sp;
	ssize_t n;

	*statp = EX_OK;
	words = sm_strdup_x(map->map_rebuild != NULL ? map->map_rebuild : "");
	map_prog_argv(map, key, words, argv);
	if (map_prog_start(map, &sp, argv, statp) != 0) {
		free(words);
		return NULL;
	}
	free(words);
	n = map_prog_read(sp.sp_pipe[1], buf, sizeof(buf));
	*statp = sm_spawn_wait(&sp, -1);
	if (*statp == EX_TEMPFAIL && WIFSIGNALED(sp.sp_status)) {
		map_syserr(0, "prog_map_lookup(%s): child died on signal %d",
		    map->map_mname, sp.sp_status);
		*statp = EX_UNAVAILABLE;
	}
	if (*statp != EX_OK || n <= 0)
		return NULL;
	if ((nl = strchr(buf, '\n')) != NULL)
		*nl = '\0';
	if ((map->map_mflags & MAP_F_MATCHONLY) != 0)
		return map_rewrite(map, key, strlen(key), NULL);
	return map_rewrite(map, buf, strlen(buf), av);
}

const struct map_class map_program_class = {
	"program", MAP_CF_ALIASOK, map_parseargs, NULL, map_prog_lookup, NULL, NULL
};
