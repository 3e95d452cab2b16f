# SPDX-License-Identifier: BSD-3-Clause
#
# test/lib_ns.sh -- what the tests that run sendmail in a private
# namespace (unshare -u -m -n: their own host name, mounts and network;
# needs root) set up the same way.  Source it after test/lib.sh:
#
#	. "$TERN_LIB"
#	. "$TERN_TOP/test/lib_ns.sh"
#	ns_need NAME m4 python3         # first: skips the file unless root
#
# Functions:
#   ns_need NAME [PROGRAM...]   skip the file (exit 0) unless we are root
#                    and unshare is here, then t_need the programs
#   ns_tool NAME PATH           skip the file unless the test tool PATH
#                    is built
#   ns_refcf NAME CF            CF made by the reference's own cf macros
#                    (t_reference first) from a Linux mc with the queue
#                    load limit out of the way and the local and smtp
#                    mailers; the mc's own lines (defines) come on stdin;
#                    fails the file (exit 0) when m4 does
#   ns_bs_client FILE           write FILE, a python3 SMTP client for
#                    "sendmail -bs": "python3 FILE sendmail ARGS... -bs"
#                    sends EHLO, then each non-empty stdin line as one
#                    command, waiting for its reply ("\n" in a line is a
#                    CRLF, so DATA and its text are two lines), then QUIT;
#                    prints the last line of each reply after EHLO's
# Used by test/conformance/queue_real.sh, test/protocol/deliver.sh and
# (ns_need) test/protocol/lib_host.sh.  test/run does not run lib_*.sh.

ns_need() {
	_ns_name=$1
	shift
	if [ "$(id -u)" != 0 ] || ! command -v unshare >/dev/null 2>&1; then
		t_skip "$_ns_name" "needs root and unshare for a private namespace"
		exit 0
	fi
	t_need "$@"
}

ns_tool() {
	if [ ! -x "$2" ]; then
		t_skip "$1" "test/tools/${2##*/} is not built"
		exit 0
	fi
}

ns_refcf() {
	{
		printf '%s\n' 'divert(0)dnl' "include(\`../m4/cf.m4')dnl" \
		    'OSTYPE(linux)dnl' "define(\`confQUEUE_LA', \`1000')dnl"
		cat
		printf '%s\n' 'MAILER(local)dnl' 'MAILER(smtp)dnl'
	} >"$2.mc"
	if ! (cd "$SMREF/usr/share/sendmail/cf/cf" && m4 "$2.mc") >"$2" \
	    2>"$2.m4err"; then
		t_fail "$1: m4" "$(head -n 1 "$2.m4err")"
		exit 0
	fi
}

ns_bs_client() {
	cat >"$1" <<'EOF'
import subprocess, sys
p = subprocess.Popen(sys.argv[1:], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE)
def reply():
    while True:
        l = p.stdout.readline().decode('latin-1')
        if not l or l[3:4] != '-':
            return l.rstrip()
def cmd(s):
    p.stdin.write(s.encode('latin-1') + b'\r\n')
    p.stdin.flush()
    return reply()
reply()
cmd('EHLO client.example.net')
for line in sys.stdin.read().split('\n'):
    if line:
        print(cmd(line.replace('\\n', '\r\n')))
cmd('QUIT')
p.wait()
EOF
}
