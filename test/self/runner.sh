# SPDX-License-Identifier: BSD-3-Clause
#
# runner.sh -- the test runner counts honestly and ./Build test fails when a
# case fails.  Runs ./Build test (without compiling) over small fake test
# trees and checks its exit status and closing line.
. "$TERN_LIB"

fake=$TMPDIR/fake
mk() {	# mk FILE BODY: a fake test script
	mkdir -p "$(dirname "$fake/$1")"
	printf '%s\n' "$2" >"$fake/$1"
}

# run_build TREE: ./Build test over TREE; sets $rc and $last
run_build() {
	out=$TMPDIR/build.out
	TERN_ONLY= TERN_NO_BUILD=1 TERN_TESTS=$1 TERN_OBJ=$TMPDIR/noobj \
	    sh "$TERN_TOP/Build" test >"$out" 2>&1
	rc=$?
	last=$(tail -n 1 "$out")
}

expect() {	# expect NAME RC LAST
	if [ "$rc" = "$2" ] && [ "$last" = "$3" ]; then
		t_ok "$1"
	else
		t_fail "$1" "exit $rc, last line '$last'; wanted exit $2, '$3'"
		sed 's/^/#   /' "$out"
	fi
}

mk protocol/pass.sh 'echo "ok - fine"'
run_build "$fake"
expect "runner: a passing tree exits 0" 0 "1 passed, 0 failed"

mk protocol/skip.sh 'echo "skip - later (peer missing)"'
run_build "$fake"
expect "runner: skipped cases are counted apart" 0 "1 passed, 0 failed, 1 skipped"

mk protocol/fail.sh 'echo "ok - first"; echo "not ok - second (x:1: 1 == 2)"'
run_build "$fake"
expect "runner: a failing case makes ./Build test exit non-zero" 1 \
    "2 passed, 1 failed, 1 skipped"

rm -f "$fake/protocol/fail.sh" "$fake/protocol/skip.sh"
mk conformance/crash.sh 'echo "ok - before the crash"; kill -SEGV $$'
run_build "$fake"
expect "runner: a test that dies counts as a failure" 1 "2 passed, 1 failed"

rm -f "$fake/conformance/crash.sh"
mk conformance/silent.sh 'exit 0'
run_build "$fake"
expect "runner: a test that runs no case counts as a failure" 1 \
    "1 passed, 1 failed"

rm -rf "$fake"
mkdir -p "$fake/protocol"
run_build "$fake"
expect "runner: a tree with no test at all fails" 1 "0 passed, 0 failed"
