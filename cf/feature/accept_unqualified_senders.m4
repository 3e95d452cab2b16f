divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`accept_unqualified_senders') -- MAIL FROM without a domain is
dnl accepted from any client (by default only from this host, or on a
dnl daemon with the u modifier).
dnl
_T_MODULE
define(`_ACCEPT_UNQUALIFIED_SENDERS_', `1')
