/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * mapcf.c -- makemap's scan of sendmail.cf: TrustedUser and the K line
 * of a map (mapcf.h says which quirks of the real makemap are kept).
 *
 * Public: mapcf_read, mapcf_kclass.
 *
 * Runs inside makemap.
 */
#include "makemap/mapcf.h"

#include <ctype.h>
#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>

#include "libsm/strl.h"

#define CF_LINE		2048	/* sendmail's MAXLINE */

#define ASPACE(c)	(isascii((unsigned char)(c)) && isspace((unsigned char)(c)))
#define AALNUM(c)	(isascii((unsigned char)(c)) && isalnum((unsigned char)(c)))

/* An "O TrustedUser=..." line (B after the O): set the uid. */
static void
trusted_user(const char *b, struct mapcf *mc, FILE *err)
{
	struct passwd *pw;

	if (strncasecmp(b, " TrustedUser", 12) != 0 || AALNUM(b[12]))
		return;
	if ((b = strchr(b, '=')) == NULL)
		return;
	b++;
	while (ASPACE(*b))
		b++;
	if (isascii((unsigned char)*b) && isdigit((unsigned char)*b)) {
		mc->mc_trusted = (uid_t)atoi(b);
		return;
	}
	mc->mc_trusted = 0;
	if ((pw = getpwnam(b)) == NULL)
		fprintf(err, "TrustedUser: unknown user %s\n", b);
	else
		mc->mc_trusted = pw->pw_uid;
}

/* Does the last word of LINE name MAPFILE?  (The real makemap's test.) */
static bool
names_map(char *line, const char *mapfile, bool fullpath)
{
	char *p, *b;

	for (p = line + strlen(line); p > line + 1 && ASPACE(p[-1]); p--)
		p[-1] = '\0';
	if ((p = strrchr(line, ' ')) == NULL)
		return false;
	if ((b = strstr(p, mapfile)) == NULL || b <= line)
		return false;
	if (!fullpath && (p = strrchr(b, '.')) != NULL)
		*p = '\0';
	if (strcmp(mapfile, b) != 0)
		return false;
	b--;
	if (!isascii((unsigned char)*b))
		return false;
	if (fullpath)
		return isspace((unsigned char)*b) != 0;
	return *b == '/' || isspace((unsigned char)*b);
}

int
mapcf_kclass(char *line, const char *mapfile, bool fullpath, char *class,
    size_t size)
{
	char *b, *c;

	if (mapfile == NULL || *mapfile == '\0' ||
	    !names_map(line, mapfile, fullpath))
		return 0;
	for (b = line + 1; ASPACE(*b); b++)
		continue;
	if (!AALNUM(*b))
		return -1;
	for (b++; AALNUM(*b) || *b == '_' || *b == '.'; b++)
		continue;
	while (ASPACE(*b))
		b++;
	if (!AALNUM(*b))
		return -1;
	for (c = b + 1; AALNUM(*c); c++)
		continue;
	*c = '\0';
	(void)sm_strlcpy(class, b, size);
	return 1;
}

int
mapcf_read(const char *cfile, const char *mapname, bool fullpath,
    struct mapcf *mc, FILE *err)
{
	char line[CF_LINE], *mapfile = NULL, *p;
	FILE *fp;
	int r;

	memset(mc, 0, sizeof(*mc));
	if ((fp = fopen(cfile, "r")) == NULL) {
		fprintf(err, "makemap: %s: %s\n", cfile, strerror(errno));
		return EX_NOINPUT;
	}
	if (mapname != NULL) {
		p = strrchr(mapname, '/');
		mapfile = strdup(fullpath || p == NULL ? mapname : p + 1);
		if (mapfile != NULL && !fullpath &&
		    (p = strrchr(mapfile, '.')) != NULL)
			*p = '\0';
	}
	while (fgets(line, sizeof(line), fp) != NULL) {
		if ((p = strchr(line, '\n')) != NULL)
			*p = '\0';
		if (line[0] == 'O')
			trusted_user(line + 1, mc, err);
		else if (line[0] == 'K' && !mc->mc_found) {
			r = mapcf_kclass(line, mapfile, fullpath,
			    mc->mc_class, sizeof(mc->mc_class));
			mc->mc_found = r > 0;
			if (r < 0)	/* the real scan gives up here */
				break;
		}
	}
	free(mapfile);
	(void)fclose(fp);
	return 0;
}
