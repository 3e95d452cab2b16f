divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`no_default_msa') -- no implicit DaemonPortOptions for the
dnl submission port 587.
dnl
_T_MODULE
define(`_NO_MSA_', `1')
