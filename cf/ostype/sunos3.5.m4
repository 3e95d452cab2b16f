divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl OSTYPE(`sunos3.5') -- helpers in /usr/lib.
dnl
_T_MODULE
define(`confEBINDIR', `/usr/lib')
