divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl OSTYPE(`ultrix4') -- helpers in /usr/lib.
dnl
_T_MODULE
define(`confEBINDIR', `/usr/lib')
