divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl access.m4 -- looking keys up in the access map (FEATURE(`access_db')).
dnl
dnl Every helper takes a mark and a key in brackets and answers with one
dnl bracketed word: the value found, <?> for nothing, or <<TMPF>> when the
dnl map failed for now.  The mark is "+ Tag" (try Tag:key, then the bare
dnl key) or "! Tag" (Tag:key only).  A caller keeps its own workspace by
dnl writing it before the call:  $: mine $| $>AccHost <+ To> <host>.
dnl
dnl	AccTry   one key, with and without the tag
dnl	AccHost  a host name and the domains above it (a.b.c, b.c, c; with
dnl		 lookupdotdomain also .b.c, .c), or an address literal and
dnl		 its networks ([1.2.3.4], [1.2.3], ...)
dnl	AccIP    a client address and its networks (1.2.3.4, 1.2.3, ...;
dnl		 IPv6 one group shorter at a time)
dnl	AccMail  user+detail@domain or user+detail@: as given, with +*,
dnl		 without the detail
dnl	AccKey   one typed key <D:host> ... (see AccList)
dnl	AccList  a list of typed keys <D:host> <A:addr> <F:user@dom>
dnl		 <U:user@> <E:exact>, ended by <>, tried in order
dnl
divert(0)dnl

#
# access map lookups
#
SAccTry
R<$- $-> $*	$: <$1 $2> <$(access $2`'_TAG_DELIM_`'$3 $: ? $)> $3
R<+ $-> <?> $+	$: <+ $1> <$(access $2 $: ? $)> $2
R<$- $-> <$* _ATMPF_> $*	$@ <_ATMPF_>
R<$- $-> <$*> $*	$@ <$3>

SAccHost
R<$- $-> <$*>	$: <$1 $2> <$3> $>AccTry <$1 $2> $3
ifdef(`_LOOKUPDOTDOMAIN_', `R<$- $-> <$+ . $+> <?>	$: <$1 $2> <$3.$4> $>AccTry <$1 $2> .$4
')dnl
ifdef(`_ACCESS_SKIP_', `R<$- $-> <$*> <SKIP>	$@ <?>	SKIP: as if not there
')dnl
R<$- $-> <[ $+ . $- ]> <?>	$@ $>AccHost <$1 $2> <[$3]>
ifdef(`NO_NETINET6', `', `R<$- $-> <[ $+ :: $- ]> <?>	$@ $>AccHost <$1 $2> <[$3]>
R<$- $-> <[ $+ : $- ]> <?>	$@ $>AccHost <$1 $2> <[$3]>
')dnl
R<$- $-> <$+ . $+> <?>	$@ $>AccHost <$1 $2> <$4>	the parent domain
R<$- $-> <$*> <$*>	$@ <$4>

SAccIP
R<$- $-> <>	$@ <?>
R<$- $-> <$+>	$: <$1 $2> <$3> $>AccTry <$1 $2> $3
ifdef(`_ACCESS_SKIP_', `R<$- $-> <$+> <SKIP>	$@ <?>
')dnl
ifdef(`NO_NETINET6', `', `R<$- $-> <$+ :: $-> <?>	$@ $>AccIP <$1 $2> <$3>
R<$- $-> <$+ : $-> <?>	$@ $>AccIP <$1 $2> <$3>
')dnl
R<$- $-> <$+ . $-> <?>	$@ $>AccIP <$1 $2> <$3>	the network
R<$- $-> <$*> <$*>	$@ <$4>

SAccMail
R<$- $-> <$+>	$: <$1 $2> <$3> $>AccTry <$1 $2> $3
R<$- $-> <$+ + $* @ $*> <?>	$: <$1 $2> <$3+$4@$5> $>AccTry <$1 $2> $3+*@$5
R<$- $-> <$+ + $* @ $*> <?>	$: <$1 $2> <$3+$4@$5> $>AccTry <$1 $2> $3@$5
R<$- $-> <$*> <$*>	$@ <$4>

SAccList
R<$- $-> $| <$- : $*> $*	$: <$1 $2> $| $5 $| $>AccKey <$1 $2> <$3:$4>
R<$- $-> $| $* $| <?>	$@ $>AccList <$1 $2> $| $3	not found: the next key
R<$- $-> $| $* $| <$*>	$@ <$4>
R$*	$@ <?>	end of the list

SAccKey
R<$- $-> <D:$*>	$@ $>AccHost <$1 $2> <$3>
R<$- $-> <A:$*>	$@ $>AccIP <$1 $2> <$3>
R<$- $-> <F:$*>	$@ $>AccMail <$1 $2> <$3>
R<$- $-> <U:$*>	$@ $>AccMail <$1 $2> <$3>
R<$- $-> <E:$*>	$@ $>AccTry <$1 $2> $3
R$*	$@ <?>	a kind of key we do not know
