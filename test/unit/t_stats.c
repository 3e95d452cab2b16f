/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * t_stats.c -- sendmail/stats.c: the statistics file.
 *
 * Expected values are facts measured on the real sendmail 8.17 (the file
 * of one delivered 27-byte message to mailer 3: magic 0x1B1DE, version 4,
 * size 1448, nf[3] at offset 72, bf[3] at 272, kbytes rounded up), the
 * real mailstats' output for such files (captured from it: the table
 * rows and widths below), and its checks (magic, then version, then size).
 * test/conformance/mailstats.sh compares with the real programs live.
 */
#include "sendmail/stats.h"
#include "t.h"

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define T_EQ(a, b)	t_assert_cmp(a, ==, b)

static const char *
tfile(const char *name)
{
	static char p[8][512];
	static int n;
	char *s = p[n++ % 8];

	(void)snprintf(s, sizeof(p[0]), "%s/%s", t_tmpdir(), name);
	return s;
}

static void
write_file(const char *path, const void *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	t_assert(fd >= 0);
	if (fd < 0)
		return;
	t_assert(write(fd, data, len) == (ssize_t)len);
	(void)close(fd);
}

static size_t
read_file(const char *path, void *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return 0;
	n = read(fd, buf, size);
	(void)close(fd);
	return n < 0 ? 0 : (size_t)n;
}

/* The x86_64 layout the real sendmail writes. */
static void
test_layout(void)
{
	T_EQ(sizeof(struct stats), 1448);
	T_EQ(offsetof(struct stats, stat_version), 4);
	T_EQ(offsetof(struct stats, stat_itime), 8);
	T_EQ(offsetof(struct stats, stat_size), 16);
	T_EQ(offsetof(struct stats, stat_cf), 24);
	T_EQ(offsetof(struct stats, stat_ct), 32);
	T_EQ(offsetof(struct stats, stat_cr), 40);
	T_EQ(offsetof(struct stats, stat_nf), 48);
	T_EQ(offsetof(struct stats, stat_bf), 248);
	T_EQ(offsetof(struct stats, stat_nt), 448);
	T_EQ(offsetof(struct stats, stat_bt), 648);
	T_EQ(offsetof(struct stats, stat_nr), 848);
	T_EQ(offsetof(struct stats, stat_nd), 1048);
	T_EQ(offsetof(struct stats, stat_nq), 1248);
}

/* The bytes of a real file: one 27-byte message to and from mailer 3. */
static void
test_real_bytes(void)
{
	unsigned char b[1448];
	struct stats st;
	long one = 1;
	time_t t = 0x6b0247c8;
	short sz = 1448;
	int magic = 0x1b1de, version = 4;

	memset(b, 0, sizeof(b));
	memcpy(b, &magic, 4);
	memcpy(b + 4, &version, 4);
	memcpy(b + 8, &t, 8);
	memcpy(b + 16, &sz, 2);
	memcpy(b + 72, &one, 8);	/* nf[3] */
	memcpy(b + 272, &one, 8);	/* bf[3] */
	memcpy(b + 472, &one, 8);	/* nt[3] */
	memcpy(b + 672, &one, 8);	/* bt[3] */
	T_EQ(stats_decode(b, sizeof(b), &st, NULL), STATS_OK);
	T_EQ(st.stat_nf[3], 1);
	T_EQ(st.stat_bf[3], 1);
	T_EQ(st.stat_nt[3], 1);
	T_EQ(st.stat_bt[3], 1);
	T_EQ(st.stat_itime, 0x6b0247c8);
	/* and ours, built by marking, is the same bytes */
	stats_init(&st, t);
	T_EQ(stats_mark(&st, STATS_FROM, 3, 27), 0);
	T_EQ(stats_mark(&st, STATS_TO, 3, 27), 0);
	t_assert_memeq(&st, sizeof(st), b, sizeof(b));
}

static void
test_kbytes(void)
{
	static const struct { long long in; long out; } rows[] = {
		{ 0, 0 }, { -5, 0 }, { 1, 1 }, { 999, 1 }, { 1000, 1 },
		{ 1001, 2 }, { 123456789, 123457 },
		{ (long long)9223372036854775807LL, 9223372036854775807L / 1000 },
	};
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		t_begin("stats: kbytes of %lld", rows[i].in);
		T_EQ(stats_kbytes(rows[i].in), rows[i].out);
		t_end();
	}
}

static void
test_mark(void)
{
	struct stats st, before;

	stats_init(&st, 100);
	T_EQ(stats_mark(&st, STATS_REJECT, 4, 0), 0);
	T_EQ(stats_mark(&st, STATS_DISCARD, 4, 0), 0);
	T_EQ(stats_mark(&st, STATS_QUARANTINE, 24, 0), 0);
	T_EQ(stats_mark(&st, STATS_CONNECT_FROM, -1, 0), 0);
	T_EQ(stats_mark(&st, STATS_CONNECT_TO, 99, 0), 0);
	T_EQ(st.stat_nr[4], 1);
	T_EQ(st.stat_nd[4], 1);
	T_EQ(st.stat_cr, 2);	/* a reject counts a connection too */
	T_EQ(st.stat_nq[24], 1);
	T_EQ(st.stat_cf, 1);
	T_EQ(st.stat_ct, 1);
	before = st;
	errno = 0;
	T_EQ(stats_mark(&st, STATS_TO, 25, 10), -1);
	T_EQ(errno, EINVAL);
	T_EQ(stats_mark(&st, STATS_FROM, -1, 10), -1);
	T_EQ(stats_mark(&st, (enum stats_kind)77, 1, 10), -1);
	t_assert_memeq(&st, sizeof(st), &before, sizeof(before));
}

static void
test_decode(void)
{
	struct stats good, out;
	unsigned char b[1449];
	int version = 0;

	stats_init(&good, 1);
	memcpy(b, &good, sizeof(good));
	b[1448] = 'x';
	T_EQ(stats_decode(b, 0, &out, NULL), STATS_EMPTY);
	T_EQ(stats_decode(b, 2, &out, NULL), STATS_BADMAGIC);
	T_EQ(stats_decode(b, 6, &out, NULL), STATS_BADSIZE);
	T_EQ(stats_decode(b, 1000, &out, NULL), STATS_BADSIZE);
	T_EQ(stats_decode(b, 1449, &out, NULL), STATS_BADSIZE);
	T_EQ(stats_decode(b, 1448, &out, NULL), STATS_OK);
	b[0] ^= 1;
	T_EQ(stats_decode(b, 1448, &out, NULL), STATS_BADMAGIC);
	b[0] ^= 1;
	b[4] = 3;
	T_EQ(stats_decode(b, 1448, &out, &version), STATS_BADVERSION);
	T_EQ(version, 3);
	b[4] = 4;
	b[16] = 0;	/* the size field */
	T_EQ(stats_decode(b, 1448, &out, NULL), STATS_BADSIZE);
}

static void
test_read_longer(void)
{
	const char *f = tfile("longer");
	unsigned char b[1500];
	struct stats st, out;
	int fd;

	stats_init(&st, 5);
	st.stat_nt[2] = 9;
	memset(b, 'z', sizeof(b));
	memcpy(b, &st, sizeof(st));
	write_file(f, b, sizeof(b));
	fd = open(f, O_RDONLY);
	t_require(fd >= 0);
	T_EQ(stats_read(fd, &out, NULL), STATS_OK);
	T_EQ(out.stat_nt[2], 9);
	(void)close(fd);
}

static void
test_post(void)
{
	const char *f = tfile("post");
	struct stats d, got;
	unsigned char tail[1452];
	const char *why = NULL;

	/* a missing file: nothing created */
	stats_init(&d, 10);
	d.stat_nt[1] = 1;
	T_EQ(stats_post(f, &d, 10, &why), -1);
	T_EQ(errno, ENOENT);
	t_assert(access(f, F_OK) != 0);
	/* an empty file gets the delta, started now */
	write_file(f, "", 0);
	T_EQ(stats_post(f, &d, 20, &why), 0);
	T_EQ(read_file(f, &got, sizeof(got)), sizeof(got));
	T_EQ(got.stat_itime, 20);
	T_EQ(got.stat_nt[1], 1);
	/* a good file is added to, its start kept */
	T_EQ(stats_post(f, &d, 30, &why), 0);
	T_EQ(stats_update(f, STATS_TO, 1, 2500, &why), 0);
	T_EQ(read_file(f, &got, sizeof(got)), sizeof(got));
	T_EQ(got.stat_itime, 20);
	T_EQ(got.stat_nt[1], 3);
	T_EQ(got.stat_bt[1], 3);
	/* junk is replaced */
	write_file(f, "junk junk junk", 14);
	T_EQ(stats_post(f, &d, 40, &why), 0);
	T_EQ(read_file(f, &got, sizeof(got)), sizeof(got));
	T_EQ(got.stat_magic, STATS_MAGIC);
	T_EQ(got.stat_itime, 40);
	T_EQ(got.stat_nt[1], 1);
	/* bytes after the record stay */
	memcpy(tail, &got, sizeof(got));
	memcpy(tail + sizeof(got), "TAIL", 4);
	write_file(f, tail, sizeof(tail));
	T_EQ(stats_post(f, &d, 50, &why), 0);
	T_EQ(read_file(f, tail, sizeof(tail)), sizeof(tail));
	t_assert_memeq(tail + 1448, 4, "TAIL", 4);
	/* an empty delta writes nothing, even to a missing file */
	stats_init(&d, 1);
	T_EQ(stats_post(tfile("nothing"), &d, 1, &why), 0);
}

static void
test_post_refuses(void)
{
	const char *f = tfile("target"), *l = tfile("link");
	struct stats d;
	const char *why = NULL;

	stats_init(&d, 1);
	d.stat_cf = 1;
	write_file(f, "", 0);
	(void)unlink(l);
	t_require(symlink(f, l) == 0);
	T_EQ(stats_post(l, &d, 1, &why), -1);
	t_assert(why != NULL && strstr(why, "symbolic link") != NULL);
	T_EQ(stats_post(t_tmpdir(), &d, 1, &why), -1);
	T_EQ(stats_update(f, STATS_TO, 30, 1, &why), -1);
}

static void
test_reset(void)
{
	const char *f = tfile("reset");
	struct stats st, old;
	const char *why = NULL;
	struct stat sb;

	stats_init(&st, 7);
	st.stat_nf[0] = 3;
	write_file(f, &st, sizeof(st));
	T_EQ(stats_reset(f, &old, NULL, &why), STATS_OK);
	T_EQ(old.stat_nf[0], 3);
	t_require(stat(f, &sb) == 0);
	T_EQ(sb.st_size, 0);
	T_EQ(stats_reset(f, &old, NULL, &why), STATS_EMPTY);
	write_file(f, "bad", 3);
	T_EQ(stats_reset(f, &old, NULL, &why), STATS_BADMAGIC);
	t_require(stat(f, &sb) == 0);
	T_EQ(sb.st_size, 3);	/* a foreign file is left alone */
	T_EQ(stats_reset(tfile("none"), &old, NULL, &why), -1);
}

/* The rows the real mailstats prints (captured from it). */
static void
test_print(void)
{
	const char *names[STATS_MAXMAILERS] = { "prog", "*file*", "*include*",
		"smtp", "esmtp", "local" };
	char *buf = NULL;
	size_t len = 0;
	struct stats st;
	FILE *fp;

	stats_init(&st, 1700000000);
	st.stat_nf[5] = 1, st.stat_bf[5] = 1, st.stat_nt[5] = 1;
	st.stat_bt[5] = 1;
	st.stat_cr = 2;
	fp = open_memstream(&buf, &len);
	t_require(fp != NULL);
	stats_print(fp, &st, names, STATS_PR_NAMES | STATS_PR_PROG, 1700000001);
	(void)fclose(fp);
	t_assert_streq(buf, "1700000000 1700000001\n"
	    " 5        1          1        1          1        0       0       0  local\n"
	    " T        1          1        1          1        0       0       0\n"
	    " C        0        0      2\n");
	free(buf);
	fp = open_memstream(&buf, &len);
	t_require(fp != NULL);
	stats_print(fp, &st, names, 0, 0);
	(void)fclose(fp);
	t_assert(strstr(buf, " M   msgsfr  bytes_from   msgsto    bytes_to  "
	    "msgsrej msgsdis msgsqur\n") != NULL);
	t_assert(strstr(buf, " 5        1          1K        1          1K"
	    "        0       0       0\n") != NULL);
	t_assert(strstr(buf, "=====================================================================\n") != NULL);
	t_assert(strstr(buf, " C        0                    0                    2\n") != NULL);
	free(buf);
}

static void
test_json(void)
{
	const char *names[STATS_MAXMAILERS] = { "p\"q\\r\n" };
	char *buf = NULL;
	size_t len = 0;
	struct stats st;
	FILE *fp;

	stats_init(&st, 3);
	st.stat_nq[0] = 2;
	fp = open_memstream(&buf, &len);
	t_require(fp != NULL);
	stats_print_json(fp, &st, names, 4);
	(void)fclose(fp);
	t_assert(strstr(buf, "\"name\": \"p\\\"q\\\\r\\u000a\"") != NULL);
	t_assert(strstr(buf, "\"start\": 3, \"now\": 4") != NULL);
	t_assert(strstr(buf, "\"msgs_quarantined\": 2}") != NULL);
	free(buf);
}

int
main(void)
{
	t_run("stats: the x86_64 layout of sendmail 8.17", test_layout);
	t_run("stats: a real sendmail file, byte for byte", test_real_bytes);
	test_kbytes();
	t_run("stats: every kind of count, bad mailers refused", test_mark);
	t_run("stats: decode judges magic, version, size", test_decode);
	t_run("stats: bytes after the record are ignored", test_read_longer);
	t_run("stats: post creates nothing, adds, replaces junk", test_post);
	t_run("stats: post refuses links and non-files", test_post_refuses);
	t_run("stats: reset reads and truncates under the lock", test_reset);
	t_run("stats: the real mailstats' table", test_print);
	t_run("stats: JSON escapes names", test_json);
	return t_done();
}
