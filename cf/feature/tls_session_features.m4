divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`tls_session_features') -- per-session TLS settings from
dnl TLS_Srv_Features: and TLS_Clt_Features: entries of the access map
dnl (rulesets tls_srv_features and tls_clt_features).
dnl
_T_MODULE
define(`_TLS_SESSION_FEATURES_', `1')
