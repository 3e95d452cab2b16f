# SPDX-License-Identifier: BSD-3-Clause
#
# test/lib.sh -- what every shell test (test/protocol, test/conformance)
# sources:  . "$TERN_LIB"
#
#   t_ok NAME / t_fail NAME WHY / t_skip NAME WHY   print one case line
#   t_check NAME CMD...      a case that passes when CMD exits 0
#   t_same NAME FILE1 FILE2  a case that passes when the files are equal
#                            (a diff is printed as # comments otherwise)
#   t_need CMD...            skip the whole test file when a command is missing
#   t_reference              set SMREF to the root of the unpacked sendmail
#                            8.17 (call it directly, not in $(...)), or skip
#                            the whole test file when it cannot be had
#   t_port                   a free TCP port on 127.0.0.1 in 20000-29999
# test/run gives each test file a fresh $TMPDIR and the variables TERN_TOP,
# TERN_BIN (programs under test), TERN_OBJ, TERN_SHARED.

t_ok() { echo "ok - $1"; }
t_fail() { echo "not ok - $1 ($2)"; }
t_skip() { echo "skip - $1 ($2)"; }

t_check() {
	_n=$1
	shift
	if "$@" >"$TMPDIR/.t_check.out" 2>&1; then
		t_ok "$_n"
	else
		t_fail "$_n" "exit status $?: $*"
		sed 's/^/#   /' "$TMPDIR/.t_check.out" | head -n 20
	fi
}

t_same() {
	if cmp -s "$2" "$3"; then
		t_ok "$1"
	else
		t_fail "$1" "$2 and $3 differ"
		diff -u "$2" "$3" 2>&1 | head -n 40 | sed 's/^/#   /'
	fi
}

t_need() {
	for _c in "$@"; do
		if ! command -v "$_c" >/dev/null 2>&1; then
			t_skip "$(basename "$0" .sh)" "$_c is not installed"
			exit 0
		fi
	done
}

t_reference() {
	if [ -z "${TERN_SHARED:-}" ] ||
	    [ ! -f "$TERN_SHARED/reference/get-sendmail.sh" ]; then
		t_skip "$(basename "$0" .sh)" "no ../shared/reference beside the checkout"
		exit 0
	fi
	if ! SMREF=$(sh "$TERN_SHARED/reference/get-sendmail.sh" 2>/dev/null) ||
	    [ ! -x "$SMREF/usr/libexec/sendmail/sendmail" ]; then
		t_skip "$(basename "$0" .sh)" "the reference sendmail 8.17 could not be unpacked"
		exit 0
	fi
	SMREF_BIN=$SMREF/usr/libexec/sendmail
}

t_port() {
	python3 - <<'EOF'
import random, socket
for _ in range(200):
    p = random.randint(20000, 29999)
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", p))
    except OSError:
        continue
    finally:
        s.close()
    print(p)
    break
EOF
}
