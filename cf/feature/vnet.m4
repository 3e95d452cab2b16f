divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`vnet') -- IBM's internal VNET/RSCS addresses (deprecated, kept
dnl for old configurations).  Hosts of class A (vnet.ibm.com vnet rscs
dnl ipnet) make host.A a .vnet name; user%node.rscs becomes
dnl user@node.rscs (ibmus, ibmca, ibmuk: us/ca/uk.ibm.com).  Mail for
dnl .vnet goes through the relay named by $A, for *.ibm.com to that host;
dnl names of this host stay here.
dnl
_T_MODULE
_T_PUSH(12)CAvnet.ibm.com vnet rscs ipnet
_T_POP
_T_PUSH(14)dnl
R$* % ibmus.rscs < @ $+ > $*	$: $1 < @ us.ibm.com > $3
R$* % ibmca.rscs < @ $+ > $*	$: $1 < @ ca.ibm.com > $3
R$* % ibmuk.rscs < @ $+ > $*	$: $1 < @ uk.ibm.com > $3
R$* % $-.rscs < @ $+ > $*	$: $1 < @ $2.rscs > $4
R$* < @ $-.$=A > $*	$: $1 < @ $2.vnet . >
_T_POP
define(`_LOCAL_RULES_', `1')
_T_PUSH(16)dnl
R$* < @ $=w . > $*	$@ $1 < @ $2 . > $3	this host
R$* < @ $=w > $*	$@ $1 < @ $2 . > $3
R$* < @ $- . vnet . > $*	$#relay $@ $A $: $1 < @$2.VNET. > $3
R$* < @ $+.ibm.com > $*	$#relay $@ $2.ibm.com $: $1 < @$2.ibm.com > $3
R$* < @ $+.ibm.com. > $*	$#relay $@ $2.ibm.com $: $1 < @$2.ibm.com > $3
_T_POP
