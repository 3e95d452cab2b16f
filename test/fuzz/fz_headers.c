/* SPDX-License-Identifier: BSD-3-Clause */
/* fz_headers.c -- any bytes as a message header (lines "Name:value", white
 * space continues a field) through hdr_submit with the usual H templates:
 * the qf reads back with the same H lines, hdr_put and hdr_recipients never
 * fail, and no 0xff reaches a mailer that the message did not hold. */
#include "sendmail/headers.h"
#include "sendmail/macro.h"
#include "sendmail/readcf.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
static int count(void *c, const char *a) { return (void)a, ++*(int *)c, 0; }
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const cf[] = { "H?P?Return-Path: <$g>", "HReceived: by $j id $i$?u for $u$.; $b",
	    "H?D?Date: $a", "H?F?From: $?x$x <$g>$|$g$.", "H?${client_addr}?X-C: $j", "H?M?Message-Id: <$i@$j>" };
	static struct collect_hdr h[64];
	char *buf = strndup((const char *)data, size), *p = buf, *nl, line[128];
	struct queue_file *qf = queue_file_new(), *back = NULL;
	SM_STR *out = sm_str_new(0), *put = sm_str_new(0);
	size_t n = 0, i;
	int got = 0, added, fl = size ? data[0] : 0;
	readcf_init(), macro_init(), macro_set('j', "mta.example.org"), macro_set('g', "a@b");
	for (i = 0; i < sizeof(cf) / sizeof(cf[0]); i++)
		snprintf(line, sizeof(line), "%s", cf[i]), readcf_line(line, 1);
	for (; p != NULL && *p != '\0' && n < 64; p = nl) {
		for (nl = p; (nl = strchr(nl, '\n')) != NULL && (nl[1] == ' ' || nl[1] == '\t'); nl++)
			;
		nl != NULL ? (void)(*nl++ = '\0') : (void)0;
		h[n].h_field = p, h[n].h_value = strchr(p, ':'), h[n].h_link = NULL;
		if (h[n].h_value == NULL || h[n].h_value == p || strcspn(p, " \t\r\n\177") < (size_t)(h[n].h_value - p))
			continue;
		for (i = 0; p + i < h[n].h_value; i++)
			if ((unsigned char)p[i] > 0x7e || (unsigned char)p[i] < 0x21) goto skip;
		*h[n].h_value++ = '\0', n > 0 ? (void)(h[n - 1].h_link = &h[n]) : (void)0, n++;
skip:		;
	}
	if (hdr_submit(qf, n ? h : NULL, fl & 1, NULL) < 0 || queue_format(qf, out) < 0 ||
	    queue_parse(sm_str_data(out), sm_str_len(out), "qf", &back, NULL) < 0 || back->qf_nhdrs != qf->qf_nhdrs)
		abort();
	for (i = 0; i < qf->qf_nhdrs; i++)
		strcmp(back->qf_hdrs[i].qh_name, qf->qf_hdrs[i].qh_name) != 0 ? abort() : (void)0;
	added = hdr_recipients(n ? h : NULL, count, &got);
	if (added != got || hdr_put(put, back, NULL, fl & 2, NULL) < 0 ||
	    (memchr(data, 0xff, size) == NULL && memchr(sm_str_data(put), 0xff, sm_str_len(put)) != NULL))
		abort();
	queue_file_free(qf), queue_file_free(back), sm_str_free(out), sm_str_free(put), free(buf);
	return readcf_reset(), 0;
}
