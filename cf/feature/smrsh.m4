divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`smrsh' [, path]) -- run |program recipients through smrsh
dnl (default confEBINDIR/smrsh, args "smrsh -c $u").
dnl
_T_MODULE
ifdef(`_MAILER_local_', `_T_WARN(`FEATURE(`smrsh') must come before MAILER(`local')')')
define(`LOCAL_SHELL_PATH', ifelse(defn(`_ARG_'), `', ifdef(`confEBINDIR', `confEBINDIR', `/usr/libexec')`/smrsh', `defn(`_ARG_')'))
_T_DEFAULT(`LOCAL_SHELL_ARGS', `smrsh -c $u')
