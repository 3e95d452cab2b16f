divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`masquerade_envelope') -- masquerade envelope sender addresses,
dnl not only headers.
dnl
_T_MODULE
define(`_MASQUERADE_ENVELOPE_', `1')
