divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`use_client_ptr') -- check_relay sees {client_ptr} instead of
dnl {client_name}.
dnl
_T_MODULE
define(`_USE_CLIENT_PTR_', `1')
