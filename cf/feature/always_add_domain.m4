divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`always_add_domain' [, domain]) -- local mail also gets a domain
dnl in its header addresses: $j (or the masquerade name), or the given
dnl domain.
dnl
_T_MODULE
_T_BEFORELOCAL(`always_add_domain')
define(`_ALWAYS_ADD_DOMAIN_', defn(`_ARG_'))
