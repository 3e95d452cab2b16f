divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`use_cw_file') -- read the names of this host (class w) from
dnl confCW_FILE, default /etc/mail/local-host-names.
dnl
_T_MODULE
define(`USE_CW_FILE', `1')
