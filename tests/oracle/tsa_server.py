"""A local RFC 3161 time-stamping authority for the tests: an HTTP server whose every POST
(application/timestamp-query) is answered by `openssl ts -reply` with the test TSA
certificate that scripts/start-tsa generated (signed by a test CA). One request at a time,
so openssl's serial file is never written by two at once.

Usage: tsa_server.py PORT DIR   (DIR holds tsa.cnf, tsa.crt, tsa.key, ca.crt, serial)
"""

import http.server
import os
import subprocess
import sys
import tempfile

MAX_QUERY = 64 * 1024


def main() -> None:
    port, directory = int(sys.argv[1]), sys.argv[2]
    config = os.path.join(directory, "tsa.cnf")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # health check
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            if length <= 0 or length > MAX_QUERY:
                self.send_error(400)
                return
            query = self.rfile.read(length)
            with tempfile.TemporaryDirectory() as tmp:
                q, r = os.path.join(tmp, "q.tsq"), os.path.join(tmp, "r.tsr")
                with open(q, "wb") as f:
                    f.write(query)
                done = subprocess.run(
                    ["openssl", "ts", "-reply", "-config", config, "-queryfile", q, "-out", r],
                    capture_output=True,
                    check=False,
                )
                if done.returncode != 0:
                    sys.stderr.write(done.stderr.decode(errors="replace"))
                    self.send_error(500)
                    return
                with open(r, "rb") as f:
                    reply = f.read()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

        def log_message(self, *args) -> None:
            pass

    http.server.HTTPServer(("127.0.0.1", port), Handler).serve_forever()


if __name__ == "__main__":
    main()
