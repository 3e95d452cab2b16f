divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl DOMAIN(`generic') -- a bland site: .forward+detail files, 32k of headers,
dnl FEATURE(`redirect'), FEATURE(`use_cw_file'), root never masqueraded.
dnl
_T_MODULE
define(`confFORWARD_PATH', `$z/.forward.$w+$h:$z/.forward+$h:$z/.forward.$w:$z/.forward')
define(`confMAX_HEADERS_LENGTH', `32768')
FEATURE(`redirect')
FEATURE(`use_cw_file')
EXPOSED_USER(`root')
