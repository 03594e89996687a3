// A recording SMS operator for the browser tests: the server's `webhook` SMS adapter posts
// here (POST /hook); the tests read what it received (GET /received, JSON list of {to, text,
// encoding, authorization}). Started by demo-server.sh; prints its port on standard output.
'use strict';
const http = require('node:http');

const received = [];
const server = http.createServer((req, res) => {
  if (req.method === 'POST' && req.url.startsWith('/hook')) {
    let body = '';
    req.on('data', (c) => { body += c; if (body.length > 65536) req.destroy(); });
    req.on('end', () => {
      try {
        const j = JSON.parse(body);
        received.push({ to: j.to, text: j.text, encoding: j.encoding, authorization: req.headers.authorization || '' });
      } catch (_) { /* recorded as nothing */ }
      res.writeHead(201, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ reference: `sink-${received.length}`, segments: 1 }));
    });
    return;
  }
  if (req.method === 'GET' && req.url === '/received') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(received));
    return;
  }
  res.writeHead(404);
  res.end();
});
server.listen(0, '127.0.0.1', () => { console.log(server.address().port); });
