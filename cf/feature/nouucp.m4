divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`nouucp', `reject' | `nospecial') -- no UUCP: ! is an ordinary
dnl character (`nospecial') or refused when relaying (`reject'); no uucp user
dnl in class t, no .UUCP handling.
dnl
_T_MODULE
ifelse(defn(`_ARG_'), `', `_T_FAIL(`FEATURE(`nouucp') needs `reject' or `nospecial'')',
	substr(defn(`_ARG_'), 0, 1), `r', `define(`_NO_UUCP_', `r')',
	substr(defn(`_ARG_'), 0, 1), `n', `define(`_NO_UUCP_', `n')',
	`_T_FAIL(`FEATURE(`nouucp'): unknown argument `'defn(`_ARG_')`' (reject or nospecial)')')
