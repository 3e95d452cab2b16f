divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`access_db' [, map [, option ...]]) -- the access map: Connect:,
dnl From:, To:, Spam: ... keys with OK, RELAY, REJECT, DISCARD, ERROR:... values
dnl used by check_relay, check_mail and check_rcpt.  map defaults to
dnl "hash -T<TMPF> /etc/mail/access"; `LDAP' uses the sendmailMTAMap schema.
dnl Options (2nd to 4th argument): `skip' (SKIP ends a lookup),
dnl `lookupdotdomain' (also try .domain keys), `relaytofulladdress' (To:
dnl keys may be full addresses).
dnl
_T_MODULE
define(`_ACCESS_TABLE_', `')
define(`_TAG_DELIM_', `:')
define(`_ATMPF_', `<TMPF>')
define(`_T_ACCOPT', `ifelse(lower(`$1'), `', `',
	lower(`$1'), `skip', `define(`_ACCESS_SKIP_', `1')',
	lower(`$1'), `lookupdotdomain', `define(`_LOOKUPDOTDOMAIN_', `1')',
	lower(`$1'), `relaytofulladdress', `define(`_RELAY_FULL_ADDR_', `1')',
	`_T_FAIL(`FEATURE(`access_db'): unknown option `$1'')')')
_T_ACCOPT(defn(`_ARG2_'))_T_ACCOPT(defn(`_ARG3_'))_T_ACCOPT(defn(`_ARG4_'))
ifdef(`_GREET_PAUSE_', `_T_WARN(`FEATURE(`greet_pause') before FEATURE(`access_db'): greet_pause does not use the access map')')
dnl a map given without the temporary-failure marker gets it added
define(`_T_ACCMAP', ifelse(defn(`_ARG_'), `', `', defn(`_ARG_'), `LDAP', `',
	index(defn(`_ARG_'), `sequence '), `0', `',
	index(defn(`_ARG_'), `<TMPF>'), `-1',
	`_T_WARN(`FEATURE(`access_db'): -T<TMPF> added to the map arguments')'dnl
`substr(defn(`_ARG_'), 0, index(defn(`_ARG_'), ` ')) -T<TMPF>substr(defn(`_ARG_'), index(defn(`_ARG_'), ` '))'))
_T_PUSH(11)Kaccess ifelse(defn(`_ARG_'), `', `DATABASE_MAP_TYPE -T<TMPF> MAIL_SETTINGS_DIR`'access',
	defn(`_ARG_'), `LDAP', `ldap -T<TMPF> -1 -v sendmailMTAMapValue,sendmailMTAMapSearch:FILTER:sendmailMTAMapObject,sendmailMTAMapURL:URL:sendmailMTAMapObject -k (&(objectClass=sendmailMTAMapObject)(|(sendmailMTACluster=${sendmailMTACluster})(sendmailMTAHost=$j))(sendmailMTAMapName=access)(sendmailMTAKey=%0))',
	defn(`_T_ACCMAP'), `', `defn(`_ARG_')', `defn(`_T_ACCMAP')')
_T_POP
