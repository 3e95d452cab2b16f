divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`prefixmod', prefix, flags) -- a recipient written prefix user
dnl is delivered to user with {rcpt_flags} set to flags.
dnl
_T_MODULE
ifelse(defn(`_ARG_'), `', `_T_FAIL(`FEATURE(`prefixmod') needs a prefix and flags')')
ifelse(defn(`_ARG2_'), `', `_T_FAIL(`FEATURE(`prefixmod') needs a prefix and flags')')
define(`_PREFIX_MOD_', defn(`_ARG_'))
define(`_PREFIX_FLAGS_', defn(`_ARG2_'))
define(`_NEED_MACRO_MAP_', `1')
