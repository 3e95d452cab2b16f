divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`require_rdns') -- refuse clients whose address has no valid
dnl reverse DNS name (except class R networks).
dnl
_T_MODULE
define(`_REQUIRE_RDNS_', `')
