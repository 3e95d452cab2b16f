divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl access.m4 -- helpers that look keys up in the access map (FEATURE
dnl access_db).  Each takes <key> <default> <mark tag> <passthru>, where the
dnl mark is "+ Tag" (look up Tag:key, then key) or "! Tag" (Tag:key only),
dnl and returns <result or default> <passthru>.
dnl	D  a domain: host.dom, then dom, ... (and .dom with lookupdotdomain);
dnl	   [a.b.c.d] network prefixes
dnl	A  an address: a.b.c.d, a.b.c, ...; IPv6 likewise at the colons
dnl	F  a full address, with user+*@dom and user@dom for user+detail@dom
dnl	E  exactly the key
dnl	U  a user "name@" with the same +detail variants as F
dnl SearchList <mark tag> $| <X:key> <X:key> ... <> tries each in turn (X
dnl one of the letters above) and returns <result> or <?>.
dnl
divert(0)dnl

#
# access map helpers
#
SD
R<$*> <$+> <$- $-> <$*>	$: < $(access $4`'_TAG_DELIM_`'$1 $: ? $) > <$1> <$2> <$3 $4> <$5>
R<?> <$+> <$+> <+ $-> <$*>	$: < $(access $1 $: ? $) > <$1> <$2> <+ $3> <$4>
ifdef(`_LOOKUPDOTDOMAIN_', `dnl
R<?> <$+.$+> <$+> <$- $-> <$*>	$: < $(access $5`'_TAG_DELIM_`'.$2 $: ? $) > <$1.$2> <$3> <$4 $5> <$6>
R<?> <$+.$+> <$+> <+ $-> <$*>	$: < $(access .$2 $: ? $) > <$1.$2> <$3> <+ $4> <$5>
')dnl
ifdef(`_ACCESS_SKIP_', `R<SKIP> <$+> <$+> <$- $-> <$*>	$@ <$2> <$5>
')dnl
R<?> <[$+.$-]> <$+> <$- $-> <$*>	$@ $>D <[$1]> <$3> <$4 $5> <$6>
ifdef(`NO_NETINET6', `', `dnl
R<?> <[$+::$-]> <$+> <$- $-> <$*>	$: $>D <[$1]> <$3> <$4 $5> <$6>
R<?> <[$+:$-]> <$+> <$- $-> <$*>	$: $>D <[$1]> <$3> <$4 $5> <$6>
')dnl
R<?> <$+.$+> <$+> <$- $-> <$*>	$@ $>D <$2> <$3> <$4 $5> <$6>
ifdef(`_FFR_LOOKUPTAG_', `R<?> <$+> <$+> <! $-> <$*>	$: < $(access $3`'_TAG_DELIM_ $: ? $) > <$1> <$2> <! $3> <$4>
')dnl
R<?> <$+> <$+> <$- $-> <$*>	$@ <$2> <$5>
R<$* _ATMPF_> <$+> <$+> <$- $-> <$*>	$@ <_ATMPF_> <$6>
R<$*> <$+> <$+> <$- $-> <$*>	$@ <$1> <$6>

SA
R<$+> <$+> <$- $-> <$*>	$: < $(access $4`'_TAG_DELIM_`'$1 $: ? $) > <$1> <$2> <$3 $4> <$5>
R<?> <$+> <$+> <+ $-> <$*>	$: < $(access $1 $: ? $) > <$1> <$2> <+ $3> <$4>
ifdef(`_ACCESS_SKIP_', `R<SKIP> <$+> <$+> <$- $-> <$*>	$@ <$2> <$5>
')dnl
ifdef(`NO_NETINET6', `', `dnl
R<?> <$+::$-> <$+> <$- $-> <$*>	$@ $>A <$1> <$3> <$4 $5> <$6>
R<?> <$+:$-> <$+> <$- $-> <$*>	$@ $>A <$1> <$3> <$4 $5> <$6>
')dnl
R<?> <$+.$-> <$+> <$- $-> <$*>	$@ $>A <$1> <$3> <$4 $5> <$6>
R<?> <$+> <$+> <$- $-> <$*>	$@ <$2> <$5>
R<$* _ATMPF_> <$+> <$+> <$- $-> <$*>	$@ <_ATMPF_> <$6>
R<$*> <$+> <$+> <$- $-> <$*>	$@ <$1> <$6>

SF
R<$+> <$*> <$- $-> <$*>	$: <$(access $4`'_TAG_DELIM_`'$1 $: ? $)> <$1> <$2> <$3 $4> <$5>
R<?> <$+> <$*> <+ $-> <$*>	$: <$(access $1 $: ? $)> <$1> <$2> <+ $3> <$4>
R<?> <$+ + $* @ $+> <$*> <$- $-> <$*>	$: <$(access $6`'_TAG_DELIM_`'$1+*@$3 $: ? $)> <$1+$2@$3> <$4> <$5 $6> <$7>
R<?> <$+ + $* @ $+> <$*> <+ $-> <$*>	$: <$(access $1+*@$3 $: ? $)> <$1+$2@$3> <$4> <+ $5> <$6>
R<?> <$+ + $* @ $+> <$*> <$- $-> <$*>	$: <$(access $6`'_TAG_DELIM_`'$1@$3 $: ? $)> <$1+$2@$3> <$4> <$5 $6> <$7>
R<?> <$+ + $* @ $+> <$*> <+ $-> <$*>	$: <$(access $1@$3 $: ? $)> <$1+$2@$3> <$4> <+ $5> <$6>
R<?> <$+> <$*> <$- $-> <$*>	$@ <$2> <$5>
R<$+ _ATMPF_> <$*> <$- $-> <$*>	$@ <_ATMPF_> <$5>
R<$+> <$*> <$- $-> <$*>	$@ <$1> <$5>

SE
R<$*> <$*> <$- $-> <$*>	$: <$(access $4`'_TAG_DELIM_`'$1 $: ? $)> <$1> <$2> <$3 $4> <$5>
R<?> <$+> <$*> <+ $-> <$*>	$: <$(access $1 $: ? $)> <$1> <$2> <+ $3> <$4>
R<?> <$+> <$*> <$- $-> <$*>	$@ <$2> <$5>
R<$+ _ATMPF_> <$*> <$- $-> <$*>	$@ <_ATMPF_> <$5>
R<$+> <$*> <$- $-> <$*>	$@ <$1> <$5>

SU
R<$+> <$*> <$- $-> <$*>	$: <$(access $4`'_TAG_DELIM_`'$1 $: ? $)> <$1> <$2> <$3 $4> <$5>
R<?> <$+> <$*> <+ $-> <$*>	$: <$(access $1 $: ? $)> <$1> <$2> <+ $3> <$4>
R<?> <$+ + $* @> <$*> <$- $-> <$*>	$: <$(access $5`'_TAG_DELIM_`'$1+*@ $: ? $)> <$1+$2@> <$3> <$4 $5> <$6>
R<?> <$+ + $* @> <$*> <+ $-> <$*>	$: <$(access $1+*@ $: ? $)> <$1+$2@> <$3> <+ $4> <$5>
R<?> <$+ + $* @> <$*> <$- $-> <$*>	$: <$(access $5`'_TAG_DELIM_`'$1@ $: ? $)> <$1+$2@> <$3> <$4 $5> <$6>
R<?> <$+ + $* @> <$*> <+ $-> <$*>	$: <$(access $1@ $: ? $)> <$1+$2@> <$3> <+ $4> <$5>
R<?> <$+> <$*> <$- $-> <$*>	$@ <$2> <$5>
R<$+ _ATMPF_> <$*> <$- $-> <$*>	$@ <_ATMPF_> <$5>
R<$+> <$*> <$- $-> <$*>	$@ <$1> <$5>

C{Src}E F D U ifdef(`_FFR_SRCHLIST_A', `A')
SSearchList
R<$+> $| <$={Src}:$*> <$*>	$: <$1> $| <$4> $| $>$2 <$3> <?> <$1> <>
R<$+> $| <> $| <?> <>	$@ <?>
R<$+> $| <$+> $| <?> <>	$@ $>SearchList <$1> $| <$2>
R<$+> $| <$*> $| <$+> <>	$@ <$3>
R<$+> $| <$+>	$@ <$2>
