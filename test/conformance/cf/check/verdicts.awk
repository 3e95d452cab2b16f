# verdicts.awk -- reduce a run.sh record (### CASE lines, -bt output,
# [exit N]) to one verdict per case: the outermost ruleset's result when it
# is a triple ($# ...), "(no triple)" otherwise (the command goes on), or
# "(no result)"; then the exit status.  Used by cf_check.sh.
# srv_features and clt_features answer with letters (one per SMTP feature
# to switch); a triple there without any letter changes nothing and is
# counted as no triple (sendmail's own rules give "$# > < ?" when neither
# the client name nor its address is known).
function flush() {
	if (k == "") return
	v = last
	if (v == "") v = "(no result)"
	else {
		name = v; sub(/ +returns:.*/, "", name)
		val = v; sub(/^[^ ]+ +returns:/, "", val); sub(/^ /, "", val)
		if (val ~ /^\$#/ && name ~ /^(srv|clt)_features$/ && val !~ /[A-Za-z]/)
			val = ""
		if (val ~ /^\$#/) v = name " returns: " val
		else v = name " returns: (no triple)"
	}
	print k "\t" v "\t" ex
}
/^### CASE [0-9]+ \| / { flush(); k = $3; last = ""; ex = ""; next }
{ line = $0; while (line ~ /^> ?/) sub(/^> ?/, "", line) }
line ~ /^[^ ]+ +returns:/ { last = line; next }
line ~ /^\[exit [0-9]+\]$/ { ex = line; next }
END { flush() }
