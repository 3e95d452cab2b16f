divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`nopercenthack', `reject' | `nospecial') -- % is no routing
dnl character: with `reject' user%host addresses are refused when relaying,
dnl with `nospecial' they are ordinary local parts.
dnl
_T_MODULE
ifelse(defn(`_ARG_'), `', `_T_FAIL(`FEATURE(`nopercenthack') needs `reject' or `nospecial'')',
	substr(defn(`_ARG_'), 0, 1), `r', `define(`_NO_PERCENTHACK_', `r')',
	substr(defn(`_ARG_'), 0, 1), `n', `define(`_NO_PERCENTHACK_', `n')',
	`_T_FAIL(`FEATURE(`nopercenthack'): unknown argument `'defn(`_ARG_')`' (reject or nospecial)')')
