divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`virtuser_entire_domain') -- virtusertable @domain entries also
dnl apply to subdomains of class {VirtHost}.
dnl
_T_MODULE
define(`_VIRTUSER_ENTIRE_DOMAIN_', `1')
