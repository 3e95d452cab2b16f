/* SPDX-License-Identifier: BSD-3-Clause */
/* fz_smtpcmd.c -- a whole SMTP session (smtp_serve, -bs, default config, no
 * queue directory) on the input; every reply byte must be printable ASCII,
 * a tab or the CR LF ending a line: no client byte comes back raw.  Also
 * smtp_cmd_find / smtp_params / smtp_printable on the input as one line. */
#include "sendmail/srvrsmtp_int.h"
#include "libsm/log.h"
#include "sendmail/msg.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
__attribute__((weak)) int hdr_submit(struct queue_file *q, const struct collect_hdr *h, unsigned f, SM_STR *w) { return (void)q, (void)h, (void)f, (void)w, 0; }
__attribute__((weak)) int deliver_committed(struct queue_msg *m, struct queue_file *q, int mode) { return (void)m, (void)q, (void)mode, 0; }
__attribute__((weak)) int deliver_queue_entry(struct queue_msg *m, struct queue_file *q, void *c) { return (void)m, (void)q, (void)c, 0; }
__attribute__((weak)) int rcpt_local_exists(const char *u) { return u[0] == 'r' ? 0 : -1; }
int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int
LLVMFuzzerTestOneInput(const uint8_t *d, size_t size)
{
	static int init;
	int in = memfd_create("in", 0), out = memfd_create("out", 0);
	char line[4096], *o, pr[4096];
	struct smtp_param v[8];
	off_t n;

	if (!init++) {
		readcf_init();
		(void)sm_log_open(SM_LOG_FILE, "fz", "/dev/null");
		msg_set_out(fopen("/dev/null", "w"));
	}
	if (in < 0 || out < 0 || write(in, d, size) != (ssize_t)size)
		abort();
	(void)lseek(in, 0, SEEK_SET);
	(void)smtp_serve(in, out, NULL);
	n = lseek(out, 0, SEEK_END);
	o = n > 0 ? mmap(NULL, (size_t)n, PROT_READ, MAP_SHARED, out, 0) : NULL;
	for (off_t i = 0; o != NULL && i < n; i++)
		if ((o[i] < 0x20 && o[i] != '\t' && !(o[i] == '\r' && i + 1 < n && o[i + 1] == '\n') &&
		    !(o[i] == '\n' && i > 0 && o[i - 1] == '\r')) || (unsigned char)o[i] >= 0x7f)
			abort();
	(void)(o != NULL && munmap(o, (size_t)n));
	(void)smtp_cmd_find((const char *)d, size, NULL);
	(void)smtp_printable(pr, sizeof(pr), (const char *)d, size);
	(void)snprintf(line, sizeof(line), "%.*s", (int)(size < 4000 ? size : 4000), (const char *)d);
	(void)smtp_params(line, v, 8);
	return close(in), close(out), 0;
}
