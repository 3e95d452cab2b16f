divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl FEATURE(`mtamark' [, message [, temporary [, record]]]) -- MTA marks
dnl (draft-stumpf-dns-mtamark): the client's reverse zone says whether the
dnl address is allowed to send mail.  The TXT record record.d.c.b.a.in-addr.arpa
dnl [record _perm._smtp._srv] is looked up: "1" lets the client on, "0"
dnl refuses it with message ["550 Rejected: <address> not listed as MTA"];
dnl a lookup failure is ignored, or answered with temporary (`t': "451
dnl Temporary lookup failure of record.<address>").  MTAMARK_TO is the DNS
dnl timeout [5].
dnl
_T_MODULE
ifdef(`_T_MTAMARK_K_', `', `define(`_T_MTAMARK_K_', `1')_T_PUSH(11)Kmtamark dns -R TXT -a. -T<TMP> -r`'ifdef(`MTAMARK_TO', `MTAMARK_TO', `5')
_T_POP`'')
define(`_T_MM_REC', ifelse(defn(`_ARG3_'), `', `_perm._smtp._srv', `defn(`_ARG3_')'))
_T_PUSH(18)dnl
R$*	$: $&{client_addr}
R$-.$-.$-.$-	$: <?> $(mtamark _T_MM_REC.$4.$3.$2.$1.in-addr.arpa. $: OK $)
R<?>1.	$: OKSOFAR
R<?>0.	$#error $@ 5.7.1 $: ifelse(defn(`_ARG_'), `', `"550 Rejected: " $&{client_addr} " not listed as MTA"', `defn(`_ARG_')')
ifelse(defn(`_ARG2_'), `', `R<?>$+<TMP>	$: TMPOK
', `R<?>$+<TMP>	$#error $@ 4.4.3 $: ifelse(defn(`_ARG2_'), `t', `"451 Temporary lookup failure of " _T_MM_REC.$&{client_addr}', `defn(`_ARG2_')')
')dnl
_T_POP
