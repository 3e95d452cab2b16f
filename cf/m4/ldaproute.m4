divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl ldaproute.m4 -- ruleset LDAPExpand of FEATURE(ldap_routing): look the
dnl recipient up for mailRoutingAddress (map ldapmra) and mailHost (map
dnl ldapmh) and route by what was found.
dnl	input:  <parsed address> <user@domain used as key> <+detail>
dnl	output: a triple, or the parsed address
dnl
divert(0)dnl

SLDAPExpand
R<$+><$+><$*>	$: <$(ldapmra $2 $: $)> <$(ldapmh $2 $: $)> <$1> <$2> <$3>
R<$* <TMPF>> <$*> <$+> <$+> <$*>	$: $&{opMode} $| TMPF <$&{addr_type}> $| $3
R<$*> <$* <TMPF>> <$+> <$+> <$*>	$: $&{opMode} $| TMPF <$&{addr_type}> $| $3
ifelse(_LDAP_ROUTE_MAPTEMP_, `_TEMPFAIL_', `R$={SMTPOpModes} $| TMPF <e r> $| $+	$#error $@ 4.3.0 $: _TMPFMSG_(`OPM')
')dnl
R$* $| TMPF <$*> $| $+	$@ $3
ifelse(_LDAP_ROUTE_DETAIL_, `_PRESERVE_', `dnl
R<$+@$+> <$=w> <$+> <$+> <$*>	$@ $>Parse0 $>canonify $1 $6 @ $2
R<$+@$+> <> <$+> <$+> <$*>	$@ $>Parse0 $>canonify $1 $5 @ $2
')dnl
R<$+> <$=w> <$+> <$+> <$*>	$@ $>Parse0 $>canonify $1
R<$+> <> <$+> <$+> <$*>	$@ $>Parse0 $>canonify $1
ifelse(_LDAP_ROUTE_DETAIL_, `_PRESERVE_', `ifdef(`_MAILER_TABLE_',
`R<$+@$+> <$+> <$+> <$+> <$*>	$>LDAPMailertable <$3> $>canonify $1 $6 @ $2
', `R<$+@$+> <$+> <$+> <$+> <$*>	$#_RELAY_ $@ $3 $: $>canonify $1 $6 @ $2
')')dnl
ifdef(`_MAILER_TABLE_', `R<$+> <$+> <$+> <$+> <$*>	$>LDAPMailertable <$2> $>canonify $1
', `R<$+> <$+> <$+> <$+> <$*>	$#_RELAY_ $@ $2 $: $>canonify $1
')dnl
R<> <$=w> <$+> <$+> <$*>	$@ $2
ifdef(`_MAILER_TABLE_', `R<> <$+> <$+> <$+> <$*>	$>LDAPMailertable <$1> $2
', `R<> <$+> <$+> <$+> <$*>	$#_RELAY_ $@ $1 $: $2
')dnl
ifdef(`_LDAP_ROUTE_DETAIL_', `R<> <> <$+> <$+ + $* @ $+> <>	$@ $>LDAPExpand <$1> <$2 @ $4> <+$3>
')dnl
ifdef(`_LDAP_ROUTE_NODOMAIN_', `R<> <> <$+> <$+ @ $+> <$*>	$: <> <> <$1> <@ $3> <$4>
', `dnl
ifelse(_LDAP_ROUTE_DETAIL_, `_PRESERVE_', `R<> <> <$+> <$+ + $* @ $+> <>	$@ $>LDAPExpand <$1> <@ $4> <+$3>
')dnl
R<> <> <$+> <$+ @ $+> <$*>	$@ $>LDAPExpand <$1> <@ $3> <$4>
')dnl
ifelse(_LDAP_ROUTING_, `_MUST_EXIST_', `dnl
R<> <> <$+> <@ $+> <$*>	$: <?> < $&{addr_type} > < $1 >
R<?> <e r> <$+>	$#error $@ nouser $: "550 User unknown"
ifdef(`_LDAP_SENDER_MUST_EXIST_', `R<?> <e s> <$+>	$#error $@ nouser $: "550 User unknown"
')dnl
R<?> <$*> <$+>	$@ $2
', `R<> <> <$+> <@ $+> <$*>	$@ $1
')dnl
