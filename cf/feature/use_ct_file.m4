divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`use_ct_file') -- read trusted users (class t) from confCT_FILE,
dnl default /etc/mail/trusted-users.
dnl
_T_MODULE
define(`_USE_CT_FILE_', `1')
