divert(-1)
dnl SPDX-License-Identifier: BSD-3-Clause
dnl
dnl options.m4 -- which define of a .mc sets which sendmail option.
dnl
dnl _T_OPT(Option, macro): when the .mc (or tern.m4's defaults, or a
dnl FEATURE) defines the macro, the cf gets "O Option=value"; a macro
dnl defined as empty gives a bare "O Option".  Undefined macros give
dnl nothing and sendmail uses its built-in default.  The table is sorted
dnl by option name; the few options that need special handling
dnl (DontBlameSendmail, LDAPDefaultSpec, HelpFile, QueueDirectory,
dnl TimeZoneSpec, Daemon/ClientPortOptions, Milter.*) are written by
dnl proto.m4 itself.
dnl
define(`_T_OPT', `ifdef(`$2', `O $1`'ifelse(defn(`$2'), `', `', `=$2')
')')
divert(0)dnl
_T_OPT(`AliasFile', `ALIAS_FILE')dnl
_T_OPT(`AliasWait', `confALIAS_WAIT')dnl
_T_OPT(`AllowBogusHELO', `confALLOW_BOGUS_HELO')dnl
_T_OPT(`AuthMaxBits', `confAUTH_MAX_BITS')dnl
_T_OPT(`AuthMechanisms', `confAUTH_MECHANISMS')dnl
_T_OPT(`AuthOptions', `confAUTH_OPTIONS')dnl
_T_OPT(`AuthRealm', `confAUTH_REALM')dnl
_T_OPT(`BadRcptThrottle', `confBAD_RCPT_THROTTLE')dnl
_T_OPT(`BlankSub', `confBLANK_SUB')dnl
_T_OPT(`CACertFile', `confCACERT')dnl
_T_OPT(`CACertPath', `confCACERT_PATH')dnl
_T_OPT(`CertFingerprintAlgorithm', `confCERT_FINGERPRINT_ALGORITHM')dnl
_T_OPT(`CheckAliases', `confCHECK_ALIASES')dnl
_T_OPT(`CheckpointInterval', `confCHECKPOINT_INTERVAL')dnl
_T_OPT(`CipherList', `confCIPHER_LIST')dnl
_T_OPT(`ClassFactor', `confWORK_CLASS_FACTOR')dnl
_T_OPT(`ClientCertFile', `confCLIENT_CERT')dnl
_T_OPT(`ClientKeyFile', `confCLIENT_KEY')dnl
_T_OPT(`ClientSSLOptions', `confCLIENT_SSL_OPTIONS')dnl
_T_OPT(`ColonOkInAddr', `confCOLON_OK_IN_ADDR')dnl
_T_OPT(`ConnectionCacheSize', `confMCI_CACHE_SIZE')dnl
_T_OPT(`ConnectionCacheTimeout', `confMCI_CACHE_TIMEOUT')dnl
_T_OPT(`ConnectionRateThrottle', `confCONNECTION_RATE_THROTTLE')dnl
_T_OPT(`ConnectionRateWindowSize', `confCONNECTION_RATE_WINDOW_SIZE')dnl
_T_OPT(`ConnectOnlyTo', `confCONNECT_ONLY_TO')dnl
_T_OPT(`ControlSocketName', `confCONTROL_SOCKET_NAME')dnl
_T_OPT(`CRLFile', `confCRL')dnl
_T_OPT(`CRLPath', `confCRL_PATH')dnl
_T_OPT(`DANE', `confDANE')dnl
_T_OPT(`DataFileBufferSize', `confDF_BUFFER_SIZE')dnl
_T_OPT(`DeadLetterDrop', `confDEAD_LETTER_DROP')dnl
_T_OPT(`DefaultAuthInfo', `confDEF_AUTH_INFO')dnl
_T_OPT(`DefaultCharSet', `confDEF_CHAR_SET')dnl
_T_OPT(`DefaultUser', `confDEF_USER_ID')dnl
_T_OPT(`DelayLA', `confDELAY_LA')dnl
_T_OPT(`DeliverByMin', `confDELIVER_BY_MIN')dnl
_T_OPT(`DeliveryMode', `confDELIVERY_MODE')dnl
_T_OPT(`DHParameters', `confDH_PARAMETERS')dnl
_T_OPT(`DialDelay', `confDIAL_DELAY')dnl
_T_OPT(`DirectSubmissionModifiers', `confDIRECT_SUBMISSION_MODIFIERS')dnl
_T_OPT(`DontExpandCnames', `confDONT_EXPAND_CNAMES')dnl
_T_OPT(`DontInitGroups', `confDONT_INIT_GROUPS')dnl
_T_OPT(`DontProbeInterfaces', `confDONT_PROBE_INTERFACES')dnl
_T_OPT(`DontPruneRoutes', `confDONT_PRUNE_ROUTES')dnl
_T_OPT(`DoubleBounceAddress', `confDOUBLE_BOUNCE_ADDRESS')dnl
_T_OPT(`EightBitMode', `confEIGHT_BIT_HANDLING')dnl
_T_OPT(`ErrorHeader', `confERROR_MESSAGE')dnl
_T_OPT(`ErrorMode', `confERROR_MODE')dnl
_T_OPT(`FallbackMXhost', `confFALLBACK_MX')dnl
_T_OPT(`FallbackSmartHost', `confFALLBACK_SMARTHOST')dnl
_T_OPT(`FastSplit', `confFAST_SPLIT')dnl
_T_OPT(`ForkEachJob', `confSEPARATE_PROC')dnl
_T_OPT(`ForwardPath', `confFORWARD_PATH')dnl
_T_OPT(`HeloName', `confHELO_NAME')dnl
_T_OPT(`HoldExpensive', `confCON_EXPENSIVE')dnl
_T_OPT(`HostsFile', `confHOSTS_FILE')dnl
_T_OPT(`HostStatusDirectory', `confHOST_STATUS_DIRECTORY')dnl
_T_OPT(`IgnoreDots', `confIGNORE_DOTS')dnl
_T_OPT(`InputMailFilters', `confINPUT_MAIL_FILTERS')dnl
_T_OPT(`LogLevel', `confLOG_LEVEL')dnl
_T_OPT(`MailboxDatabase', `confMAILBOX_DATABASE')dnl
dnl Tern's own option: where the built-in [LOCAL] mailer keeps mailboxes
_T_OPT(`MailboxDirectory', `confMAILBOX_DIRECTORY')dnl
_T_OPT(`MatchGECOS', `confMATCH_GECOS')dnl
_T_OPT(`MaxAliasRecursion', `confMAX_ALIAS_RECURSION')dnl
_T_OPT(`MaxDaemonChildren', `confMAX_DAEMON_CHILDREN')dnl
_T_OPT(`MaxHeadersLength', `confMAX_HEADERS_LENGTH')dnl
_T_OPT(`MaxHopCount', `confMAX_HOP')dnl
_T_OPT(`MaxMessageSize', `confMAX_MESSAGE_SIZE')dnl
_T_OPT(`MaxMimeHeaderLength', `confMAX_MIME_HEADER_LENGTH')dnl
_T_OPT(`MaxNOOPCommands', `confMAX_NOOP_COMMANDS')dnl
_T_OPT(`MaxQueueAge', `confMAX_QUEUE_AGE')dnl
_T_OPT(`MaxQueueChildren', `confMAX_QUEUE_CHILDREN')dnl
_T_OPT(`MaxQueueRunSize', `confMAX_QUEUE_RUN_SIZE')dnl
_T_OPT(`MaxRecipientsPerMessage', `confMAX_RCPTS_PER_MESSAGE')dnl
_T_OPT(`MaxRunnersPerQueue', `confMAX_RUNNERS_PER_QUEUE')dnl
_T_OPT(`MeToo', `confME_TOO')dnl
_T_OPT(`MinFreeBlocks', `confMIN_FREE_BLOCKS')dnl
_T_OPT(`MinQueueAge', `confMIN_QUEUE_AGE')dnl
_T_OPT(`MustQuoteChars', `confMUST_QUOTE_CHARS')dnl
_T_OPT(`NiceQueueRun', `confNICE_QUEUE_RUN')dnl
_T_OPT(`NoRecipientAction', `confNO_RCPT_ACTION')dnl
_T_OPT(`OldStyleHeaders', `confOLD_STYLE_HEADERS')dnl
_T_OPT(`OperatorChars', `confOPERATORS')dnl
_T_OPT(`PidFile', `confPID_FILE')dnl
_T_OPT(`PostmasterCopy', `confCOPY_ERRORS_TO')dnl
_T_OPT(`PrivacyOptions', `confPRIVACY_FLAGS')dnl
_T_OPT(`ProcessTitlePrefix', `confPROCESS_TITLE_PREFIX')dnl
_T_OPT(`QueueFactor', `confQUEUE_FACTOR')dnl
_T_OPT(`QueueFileMode', `confQUEUE_FILE_MODE')dnl
_T_OPT(`QueueLA', `confQUEUE_LA')dnl
_T_OPT(`QueueSortOrder', `confQUEUE_SORT_ORDER')dnl
_T_OPT(`RandFile', `confRAND_FILE')dnl
_T_OPT(`RecipientFactor', `confWORK_RECIPIENT_FACTOR')dnl
_T_OPT(`RefuseLA', `confREFUSE_LA')dnl
_T_OPT(`RejectLogInterval', `confREJECT_LOG_INTERVAL')dnl
_T_OPT(`RejectNUL', `confREJECT_NUL')dnl
_T_OPT(`RequiresDirfsync', `confREQUIRES_DIR_FSYNC')dnl
_T_OPT(`ResolverOptions', `confBIND_OPTS')dnl
_T_OPT(`RetryFactor', `confWORK_TIME_FACTOR')dnl
_T_OPT(`RrtImpliesDsn', `confRRT_IMPLIES_DSN')dnl
_T_OPT(`RunAsUser', `confRUN_AS_USER')dnl
_T_OPT(`SafeFileEnvironment', `confSAFE_FILE_ENV')dnl
_T_OPT(`SaveFromLine', `confSAVE_FROM_LINES')dnl
_T_OPT(`SendMimeErrors', `confMIME_FORMAT_ERRORS')dnl
_T_OPT(`ServerCertFile', `confSERVER_CERT')dnl
_T_OPT(`ServerKeyFile', `confSERVER_KEY')dnl
_T_OPT(`ServerSSLOptions', `confSERVER_SSL_OPTIONS')dnl
_T_OPT(`ServiceSwitchFile', `confSERVICE_SWITCH_FILE')dnl
_T_OPT(`SevenBitInput', `confSEVEN_BIT_INPUT')dnl
_T_OPT(`SharedMemoryKey', `confSHARED_MEMORY_KEY')dnl
_T_OPT(`SharedMemoryKeyFile', `confSHARED_MEMORY_KEY_FILE')dnl
_T_OPT(`SingleLineFromHeader', `confSINGLE_LINE_FROM_HEADER')dnl
_T_OPT(`SingleThreadDelivery', `confSINGLE_THREAD_DELIVERY')dnl
_T_OPT(`SmtpGreetingMessage', `confSMTP_LOGIN_MSG')dnl
_T_OPT(`SoftBounce', `confSOFT_BOUNCE')dnl
_T_OPT(`SSLEngine', `confSSL_ENGINE')dnl
_T_OPT(`SSLEnginePath', `confSSL_ENGINE_PATH')dnl
_T_OPT(`StatusFile', `STATUS_FILE')dnl
_T_OPT(`SuperSafe', `confSAFE_QUEUE')dnl
_T_OPT(`TempFileMode', `confTEMP_FILE_MODE')dnl
_T_OPT(`Timeout.aconnect', `confTO_ACONNECT')dnl
_T_OPT(`Timeout.auth', `confTO_AUTH')dnl
_T_OPT(`Timeout.command', `confTO_COMMAND')dnl
_T_OPT(`Timeout.connect', `confTO_CONNECT')dnl
_T_OPT(`Timeout.control', `confTO_CONTROL')dnl
_T_OPT(`Timeout.datablock', `confTO_DATABLOCK')dnl
_T_OPT(`Timeout.datafinal', `confTO_DATAFINAL')dnl
_T_OPT(`Timeout.datainit', `confTO_DATAINIT')dnl
_T_OPT(`Timeout.fileopen', `confTO_FILEOPEN')dnl
_T_OPT(`Timeout.helo', `confTO_HELO')dnl
_T_OPT(`Timeout.hoststatus', `confTO_HOSTSTATUS')dnl
_T_OPT(`Timeout.iconnect', `confTO_ICONNECT')dnl
_T_OPT(`Timeout.ident', `confTO_IDENT')dnl
_T_OPT(`Timeout.initial', `confTO_INITIAL')dnl
_T_OPT(`Timeout.lhlo', `confTO_LHLO')dnl
_T_OPT(`Timeout.mail', `confTO_MAIL')dnl
_T_OPT(`Timeout.misc', `confTO_MISC')dnl
_T_OPT(`Timeout.queuereturn', `confTO_QUEUERETURN')dnl
_T_OPT(`Timeout.queuereturn.dsn', `confTO_QUEUERETURN_DSN')dnl
_T_OPT(`Timeout.queuereturn.non-urgent', `confTO_QUEUERETURN_NONURGENT')dnl
_T_OPT(`Timeout.queuereturn.normal', `confTO_QUEUERETURN_NORMAL')dnl
_T_OPT(`Timeout.queuereturn.urgent', `confTO_QUEUERETURN_URGENT')dnl
_T_OPT(`Timeout.queuewarn', `confTO_QUEUEWARN')dnl
_T_OPT(`Timeout.queuewarn.dsn', `confTO_QUEUEWARN_DSN')dnl
_T_OPT(`Timeout.queuewarn.non-urgent', `confTO_QUEUEWARN_NONURGENT')dnl
_T_OPT(`Timeout.queuewarn.normal', `confTO_QUEUEWARN_NORMAL')dnl
_T_OPT(`Timeout.queuewarn.urgent', `confTO_QUEUEWARN_URGENT')dnl
_T_OPT(`Timeout.quit', `confTO_QUIT')dnl
_T_OPT(`Timeout.rcpt', `confTO_RCPT')dnl
_T_OPT(`Timeout.resolver.retrans', `confTO_RESOLVER_RETRANS')dnl
_T_OPT(`Timeout.resolver.retrans.first', `confTO_RESOLVER_RETRANS_FIRST')dnl
_T_OPT(`Timeout.resolver.retrans.normal', `confTO_RESOLVER_RETRANS_NORMAL')dnl
_T_OPT(`Timeout.resolver.retry', `confTO_RESOLVER_RETRY')dnl
_T_OPT(`Timeout.resolver.retry.first', `confTO_RESOLVER_RETRY_FIRST')dnl
_T_OPT(`Timeout.resolver.retry.normal', `confTO_RESOLVER_RETRY_NORMAL')dnl
_T_OPT(`Timeout.rset', `confTO_RSET')dnl
_T_OPT(`Timeout.starttls', `confTO_STARTTLS')dnl
_T_OPT(`TLSFallbacktoClear', `confTLS_FALLBACK_TO_CLEAR')dnl
_T_OPT(`TLSSrvOptions', `confTLS_SRV_OPTIONS')dnl
_T_OPT(`TrustedUser', `confTRUSTED_USER')dnl
_T_OPT(`TryNullMXList', `confTRY_NULL_MX_LIST')dnl
_T_OPT(`UnixFromLine', `confFROM_LINE')dnl
_T_OPT(`UnsafeGroupWrites', `confUNSAFE_GROUP_WRITES')dnl
_T_OPT(`UseCompressedIPv6Addresses', `confUSE_COMPRESSED_IPV6_ADDRESSES')dnl
_T_OPT(`UseErrorsTo', `confUSE_ERRORS_TO')dnl
_T_OPT(`UseMSP', `confUSE_MSP')dnl
_T_OPT(`UserDatabaseSpec', `confUSERDB_SPEC')dnl
_T_OPT(`XscriptFileBufferSize', `confXF_BUFFER_SIZE')dnl
