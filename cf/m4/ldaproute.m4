divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl ldaproute.m4 -- ruleset LDAPExpand of FEATURE(ldap_routing), included
dnl by rules.m4.  Parse1 hands it "address $| key $| detail" for a
dnl recipient in {LDAPRoute} or {LDAPRouteEquiv}: the parsed address, the
dnl user@domain to look up, the +detail already taken off the key (empty
dnl at first).  It answers with a triple or with an address for Parse1 to
dnl go on with.
dnl
dnl Switches set by feature/ldap_routing.m4:
dnl   _LDAP_ROUTING_          _MUST_EXIST_ (bounce) or _PASS_THROUGH_
dnl   _LDAP_SENDER_MUST_EXIST_  bounce unknown senders too
dnl   _LDAP_ROUTE_DETAIL_     _STRIP_ or _PRESERVE_ (undefined: +detail is
dnl                           just part of the user name)
dnl   _LDAP_ROUTE_NODOMAIN_   no @domain lookup
dnl   _LDAP_ROUTE_MAPTEMP_    _TEMPFAIL_ or _QUEUE_
dnl
dnl _T_LDAPTO(host, address) -- the RHS that sends address to a mail host
define(`_T_LDAPTO', `ifdef(`_MAILER_TABLE_', `$`'@ $`'>LDAPMailertable $1 $`'| $2', `$`'#_RELAY_ $`'@ $1 $`': $2')')
divert(0)dnl

#
# LDAPExpand: after the lookups the workspace is five fields,
#	mailHost $| mailRoutingAddress $| address $| key $| detail
# either attribute possibly empty.  Then, in this order:
#  - a temporary failure (a value ending in <TMPF>): the address as it
#    came, to be queued, or ifelse(_LDAP_ROUTE_MAPTEMP_, `_TEMPFAIL_', `(tempfail) a 4.3.0 error for an envelope recipient in SMTP', `(queue) also in SMTP');
#  - a routing address: parsed again here when the mail host is ours or
#    not given, else sent to the mail host ifelse(_LDAP_ROUTE_DETAIL_, `_PRESERVE_', `(the +detail goes back into it)', `as it is');
#  - only a mail host: the address stays here, or goes there as it is;
#  - neither: ifdef(`_LDAP_ROUTE_DETAIL_', `user+detail is tried as user, then ')ifdef(`_LDAP_ROUTE_NODOMAIN_', `no @domain', `@domain');
#    when that finds nothing either, ifelse(_LDAP_ROUTING_, `_MUST_EXIST_', `the recipient is unknown', `the address goes on as it is').
#
SLDAPExpand
R$+ $| $+ $| $*	$: $(ldapmh $2 $: $) $| $(ldapmra $2 $: $) $| $1 $| $2 $| $3
R$* < TMPF > $| $* $| $+ $| $+ $| $*	$: $3 $| TMPF $&{opMode} $| $&{addr_type}
R$* $| $* < TMPF > $| $+ $| $+ $| $*	$: $3 $| TMPF $&{opMode} $| $&{addr_type}
ifelse(_LDAP_ROUTE_MAPTEMP_, `_TEMPFAIL_', `dnl
R$+ $| TMPF $={SMTPOpModes} $| e r	$#error $@ 4.3.0 $: _TMPFMSG_(`OPM')
')dnl
R$+ $| TMPF $*	$@ $1
ifelse(_LDAP_ROUTE_DETAIL_, `_PRESERVE_', `dnl
# keep the detail: user@domain becomes user+detail@domain
R$* $| $+ @ $+ $| $+ $| $+ $| $*	$: $1 $| $2 $6 @ $3 $| $4 $| $5 $| $6
')dnl
R$=w $| $+ $| $+ $| $+ $| $*	$@ $>Parse0 $>canonify $2
R$| $+ $| $+ $| $+ $| $*	$@ $>Parse0 $>canonify $1
R$+ $| $+ $| $+ $| $+ $| $*	_T_LDAPTO(`$1', `$>canonify $2')
R$=w $| $| $+ $| $+ $| $*	$@ $2
R$+ $| $| $+ $| $+ $| $*	_T_LDAPTO(`$1', `$2')
ifdef(`_LDAP_ROUTE_DETAIL_', `dnl
R$| $| $+ $| $+ + $* @ $+ $|	$@ $>LDAPExpand $1 $| $2 @ $4 $| + $3
')dnl
ifdef(`_LDAP_ROUTE_NODOMAIN_', `dnl
R$| $| $+ $| $+ @ $+ $| $*	$: $| $| $1 $| @ $3 $| $4
', `dnl
R$| $| $+ $| $+ @ $+ $| $*	$@ $>LDAPExpand $1 $| @ $3 $| $4
')dnl
ifelse(_LDAP_ROUTING_, `_MUST_EXIST_', `dnl
R$| $| $+ $| @ $+ $| $*	$: $1 $| $| $&{addr_type}	unknown: who asks?
', `dnl
R$| $| $+ $| @ $+ $| $*	$@ $1	unknown: on as it is
')dnl
# a key without a domain part (LDAPRouteEquiv and no $M): nothing applies,
# and sendmail hands back its own working form of this state
R$| $| $+ $| $+ $| $*	$@ < > < > < $1 > < $2 > < $3 >
ifelse(_LDAP_ROUTING_, `_MUST_EXIST_', `dnl
R$+ $| $| e r	$#error $@ nouser $: "550 User unknown"
ifdef(`_LDAP_SENDER_MUST_EXIST_', `R$+ $| $| e s	$#error $@ nouser $: "550 User unknown"
')dnl
R$+ $| $| $*	$@ $1	not an envelope recipient
')dnl
