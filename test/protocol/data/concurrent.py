# SPDX-License-Identifier: BSD-3-Clause
#
# concurrent.py PORT N RCPT -- N clients connect at once; when every one has
# its greeting (all N connections open together) each sends one message
# to RCPT: "Subject: concurrent K", body "token K of N".  Prints one line
# per client that failed, then "greeted G/N, accepted A/N, slowest
# greeting S s"; exits 1 unless all were greeted and accepted.
import socket
import sys
import threading
import time

port, n, rcpt = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
barrier = threading.Barrier(n, timeout=120)
greeted, accepted, slow, errs = [0], [0], [0.0], []
lock = threading.Lock()


def reply(f):
    while True:
        ln = f.readline()
        if not ln:
            raise OSError('connection closed')
        if ln[3:4] != b'-':
            return ln


def client(k):
    t0 = time.time()
    try:
        s = socket.create_connection(('127.0.0.1', port), timeout=60)
        f = s.makefile('rb')
        g = reply(f)
        if not g.startswith(b'220'):
            raise OSError('greeting %r' % g)
        with lock:
            greeted[0] += 1
            slow[0] = max(slow[0], time.time() - t0)
    except (OSError, threading.BrokenBarrierError) as e:
        with lock:
            errs.append('client %d: no greeting: %s' % (k, e))
        try:
            barrier.abort()
        except Exception:
            pass
        return
    try:
        barrier.wait()
        for c, want in ((b'EHLO client%d.example.net' % k, b'250'),
                        (b'MAIL FROM:<alice@mta.example.org>', b'250'),
                        (b'RCPT TO:<%s>' % rcpt.encode(), b'250'),
                        (b'DATA', b'354')):
            s.sendall(c + b'\r\n')
            r = reply(f)
            if not r.startswith(want):
                raise OSError('%s: %r' % (c.decode(), r))
        s.sendall(b'Subject: concurrent %d\r\n\r\ntoken %d of %d\r\n.\r\n'
                  % (k, k, n))
        r = reply(f)
        if not r.startswith(b'250'):
            raise OSError('end of data: %r' % r)
        with lock:
            accepted[0] += 1
        s.sendall(b'QUIT\r\n')
        reply(f)
        s.close()
    except (OSError, threading.BrokenBarrierError) as e:
        with lock:
            errs.append('client %d: %s' % (k, e or 'barrier broken'))


ts = [threading.Thread(target=client, args=(k,)) for k in range(1, n + 1)]
for t in ts:
    t.start()
for t in ts:
    t.join()
for e in sorted(errs)[:20]:
    print(e)
print('greeted %d/%d, accepted %d/%d, slowest greeting %.2f s'
      % (greeted[0], n, accepted[0], n, slow[0]))
sys.exit(0 if greeted[0] == n and accepted[0] == n else 1)
