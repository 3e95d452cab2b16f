divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`bcc' [, map [, address [, replacement [, canonical map]]]])
dnl -- copies of mail for some recipients go to a further address
dnl (O AddBcc).  Ruleset bcc decides per recipient: its domain (and the
dnl domains above it) is looked up in the bcctable map [hash
dnl /etc/mail/bcctable], or with map `access' in bcc: entries of the
dnl access map.  A match adds the copy, to the replacement when given
dnl (otherwise to the recipient itself); with a canonical map the address
dnl is looked up there first.  address sets $A, the mailer:host the copies
dnl travel through (Parse0 turns the b address type into that triple).
dnl
_T_MODULE
ifelse(lower(defn(`_ARG_')), `access', `define(`_T_BCC_ACCESS_', `1')_T_NEEDACCESS(`bcc')')
define(`_ADD_BCC_', `1')
_T_PUSH(11)dnl
O AddBcc=true
ifdef(`_T_BCC_ACCESS_', `', `Kbcctable ifelse(defn(`_ARG_'), `', `DATABASE_MAP_TYPE MAIL_SETTINGS_DIR`'bcctable', `defn(`_ARG_')')
')dnl
ifelse(defn(`_ARG2_'), `', `', `DA`'defn(`_ARG2_')
')dnl
ifelse(defn(`_ARG4_'), `', `', `define(`_T_BCC_CANON_', `1')KcanonicalRcpt defn(`_ARG4_')
')dnl
_T_POP
_T_PUSH(15)
Sbcc
R< $+ >	$1
R$+ @ $+	$: $1 @ $2 $| ifdef(`_T_BCC_ACCESS_', `$>AccList <! bcc> $| <D:$2> <>', `$>BccDomain $2')
R$* $| <?>	$@	no copy for this one
R$* $| $*	$: ifelse(defn(`_ARG3_'), `', `$1', `defn(`_ARG3_')')
ifdef(`_T_BCC_CANON_', `dnl
R$+ @ $+	$: $1 @ $2 $| <$(canonicalRcpt $1 @ $2 $: $)>
R$* $| <>	$@
R$* $| <$* <TMPF>>	$#error $@ 4.3.0 $: _TMPFMSG_(`BCC')
R$* $| <$+>	$@ $2
')dnl
ifdef(`_T_BCC_ACCESS_', `', `

# BccDomain: "<value>" of the bcctable for a domain or a .parent, or <?>
SBccDomain
R$+	$: $1 < $(bcctable $1 $: ? $) >
R$- . $+ <?>	$: $2 < $(bcctable .$2 $: ? $) >
R$- . $+ <?>	$@ $>BccDomain $2
R$* <$*>	$@ <$2>
')dnl
_T_POP
