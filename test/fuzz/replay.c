/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * replay.c -- run a libFuzzer target over stored inputs without libFuzzer,
 * so ./Build test replays every corpus with any compiler.
 *
 * usage: replay_TARGET FILE-OR-DIR ...
 * Each input is read whole and handed to LLVMFuzzerTestOneInput; a crash is
 * caught by the sanitizers of the test build.  Prints one TAP-like line.
 */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int	LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

#define REPLAY_MAX	(16 * 1024 * 1024)

static int
replay_file(const char *path)
{
	FILE *fp;
	uint8_t *data;
	size_t n;

	fp = fopen(path, "rb");
	if (fp == NULL) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	data = malloc(REPLAY_MAX);
	if (data == NULL) {
		(void)fclose(fp);
		return -1;
	}
	n = fread(data, 1, REPLAY_MAX, fp);
	(void)fclose(fp);
	/* A copy of exactly n bytes, so ASan sees reads past the end. */
	{
		uint8_t *exact = malloc(n ? n : 1);

		if (exact == NULL) {
			free(data);
			return -1;
		}
		memcpy(exact, data, n);
		free(data);
		(void)LLVMFuzzerTestOneInput(exact, n);
		free(exact);
	}
	return 0;
}

static int
replay_path(const char *path, int *count)
{
	struct stat st;
	struct dirent **ents;
	char sub[4096];
	int n, i, rc = 0;

	if (stat(path, &st) < 0) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		(*count)++;
		return replay_file(path);
	}
	n = scandir(path, &ents, NULL, alphasort);
	if (n < 0)
		return -1;
	for (i = 0; i < n; i++) {
		if (ents[i]->d_name[0] != '.' && rc == 0) {
			if ((size_t)snprintf(sub, sizeof(sub), "%s/%s", path,
			    ents[i]->d_name) >= sizeof(sub))
				rc = -1;
			else
				rc = replay_path(sub, count);
		}
		free(ents[i]);
	}
	free(ents);
	return rc;
}

int
main(int argc, char **argv)
{
	const char *name = strrchr(argv[0], '/');
	int i, count = 0, rc = 0;

	name = name ? name + 1 : argv[0];
	if (strncmp(name, "replay_", 7) == 0)
		name += 7;
	if (LLVMFuzzerInitialize != NULL)
		(void)LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc && rc == 0; i++)
		rc = replay_path(argv[i], &count);
	if (rc == 0 && count > 0)
		printf("ok - fuzz replay %s (%d inputs)\n", name, count);
	else
		printf("not ok - fuzz replay %s (%s)\n", name,
		    rc ? "unreadable input" : "empty corpus");
	return rc != 0 || count == 0;
}
