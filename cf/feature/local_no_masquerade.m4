divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`local_no_masquerade') -- no masquerading for local delivery.
dnl
_T_MODULE
_T_BEFORELOCAL(`local_no_masquerade')
define(`_LOCAL_NO_MASQUERADE_', `1')
