# smtp_chat.py -- speak SMTP to a program on a pipe: one client line per
# input line ("\n" inside a line is a CR LF, a line "<DATA>" sends the rest
# up to a line "<END>" raw, with CR LF line ends), waiting for each reply;
# prints the dialogue as "C: ..." and "S: ..." lines.  With --tcp SRC PORT
# it talks to a daemon on 127.0.0.1 PORT from address SRC instead.
import io, subprocess, sys
sys.stdin = io.TextIOWrapper(sys.stdin.buffer, encoding='latin-1')
sys.stdout = io.TextIOWrapper(sys.stdout.buffer, encoding='latin-1')
class Tcp:
    """--tcp SRC PORT: a connection from SRC to 127.0.0.1 PORT instead."""
    def __init__(self, src, port):
        import socket
        self.s = socket.create_connection(('127.0.0.1', port),
                                          source_address=(src, 0))
        self.stdout = self.s.makefile('rb')
        self.stdin = self
        self.returncode = 0
    def write(self, b):
        self.s.sendall(b)
    def flush(self):
        pass
    def close(self):
        self.s.shutdown(1)
    def wait(self):
        pass
if sys.argv[1] == '--tcp':
    p = Tcp(sys.argv[2], int(sys.argv[3]))
else:
    p = subprocess.Popen(sys.argv[1:], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
out = sys.stdout
def reply():
    while True:
        l = p.stdout.readline().decode('latin-1')
        if not l:
            out.write('S: <EOF>\n')
            return False
        out.write('S: ' + l.rstrip('\r\n') + '\n')
        if l[3:4] != '-':
            return True
def send(b):
    try:
        p.stdin.write(b)
        p.stdin.flush()
    except BrokenPipeError:
        pass
alive = reply()
lines = sys.stdin.read().split('\n')
i = 0
while i < len(lines) and alive:
    line = lines[i]
    i += 1
    if line == '':
        continue
    if line == '<DATA>':
        body = []
        while i < len(lines) and lines[i] != '<END>':
            body.append(lines[i])
            i += 1
        i += 1
        out.write('C: <%d lines>\n' % len(body))
        send(('\r\n'.join(body) + '\r\n').encode('latin-1'))
        alive = reply()
        continue
    if line.startswith('<RAW>'):
        raw = line[5:].encode('latin-1').decode('unicode_escape').encode('latin-1')
        out.write('C: ' + repr(raw) + '\n')
        send(raw)
        alive = reply()
        continue
    out.write('C: ' + line + '\n')
    send(line.replace('\\n', '\r\n').encode('latin-1') + b'\r\n')
    alive = reply()
try:
    p.stdin.close()
except BrokenPipeError:
    pass
p.wait()
out.write('exit %d\n' % p.returncode)
