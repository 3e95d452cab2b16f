/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * t_queue_fixtures.h -- control files written by the real sendmail
 * 8.17.1.9 (recorded with -bs), shared by t_queue.c and t_queue_qf.c.
 */
#ifndef T_QUEUE_FIXTURES_H
#define T_QUEUE_FIXTURES_H

/* ESMTP with DSN parameters and Precedence: bulk (sendmail -bs). */
static const char qf_esmtp[] =
    "V8\nT1795311983\nK0\nN0\nP168044\nB7BIT\n"
    "Malias database unavailable\nFdns\n$_root@localhost\n$rESMTP\n"
    "$sclient.example.net\n${daemon_flags}c u\nS<root>\nZenv+2Bid\n"
    "Malias database unavailable\nQrfc822;orig+40x@example.org\n"
    "rRFC822; root@mta.example.org\nRPNSD:<root>\n"
    "Malias database unavailable\nrRFC822; postmaster@mta.example.org\n"
    "RPN:<postmaster>\n"
    "H?P?Return-Path: <\201g>\n"
    "H??Received: from client.example.net (root@localhost)\n"
    "\tby mta.example.org (8.17.1.9/8.17.1.9) with ESMTP id "
    "6AM1kNnT002542;\n\tSun, 22 Nov 2026 01:46:23 GMT\n"
    "H?D?Date: Sun, 22 Nov 2026 01:46:23 GMT\n"
    "H?F?From: root <root>\nH?x?Full-Name: root\n"
    "H?M?Message-Id: <202611220146.6AM1kNnT002542@mta.example.org>\n"
    "H??Subject: t1\nH??Precedence: bulk\n.\n";

/* The null sender (sendmail -bs). */
static const char qf_null[] =
    "V8\nT1795311983\nK0\nN0\nP30019\nMalias database unavailable\nFs\n"
    "$_root@localhost\n$rESMTP\n$sclient.example.net\n"
    "${daemon_flags}c u\nS<>\nMalias database unavailable\n"
    "rRFC822; root@mta.example.org\nRPFD:<root>\n"
    "H?P?Return-Path: <\201g>\n"
    "H??Received: from client.example.net (root@localhost)\n"
    "\tby mta.example.org (8.17.1.9/8.17.1.9) with ESMTP id "
    "6AM1kNnU002542\n\tfor <root>; Sun, 22 Nov 2026 01:46:23 GMT\n"
    "H?D?Date: Sun, 22 Nov 2026 01:46:23 GMT\n"
    "H?M?Message-Id: <202611220146.6AM1kNnU002542@mta.example.org>\n"
    "H??Subject: bounce\n.\n";

#endif
