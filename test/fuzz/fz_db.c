/* SPDX-License-Identifier: BSD-3-Clause */
/* fz_db.c -- any file opened as a hash or btree map: errors, never crashes. */
#include "libsm/db.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
probe(const char *path, enum sm_db_type type)
{
	static const char *const keys[] = { "", "a", "postmaster", "@" };
	const void *k, *v;
	size_t kl, vl, i;
	SM_DB *db = sm_db_open(path, type, SM_DB_READ, NULL, NULL);
	int r, n = 0;

	if (db == NULL)
		return;
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		(void)sm_db_get(db, keys[i], strlen(keys[i]), &v, &vl, NULL);
	for (r = sm_db_first(db, &k, &kl, &v, &vl, NULL); r == 1 && n < 10000;
	    r = sm_db_next(db, &k, &kl, &v, &vl, NULL), n++)
		if (n == 0)	/* a key the file does hold */
			(void)sm_db_get(db, k, kl, &v, &vl, NULL);
	sm_db_abort(db);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *dir = getenv("TMPDIR");
	char path[512];
	int fd;

	(void)snprintf(path, sizeof(path), "%s/fz_db.XXXXXX", dir ? dir : "/tmp");
	if ((fd = mkstemp(path)) < 0)
		return 0;
	if (write(fd, data, size) == (ssize_t)size)
		probe(path, SM_DB_HASH), probe(path, SM_DB_BTREE);
	(void)close(fd);
	(void)unlink(path);
	return 0;
}
