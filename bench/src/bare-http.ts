import { createServer } from 'node:http';

/** The floor: a bare node:http server answering a small JSON body, in its own process like the gateway. */
const port = Number(process.env['PORT'] ?? 3999);
createServer((req, res) => {
  if (req.url === '/health/ready') {
    res.writeHead(200).end('ok');
    return;
  }
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"data":{"__typename":"Query"}}');
  });
}).listen(port, '127.0.0.1');
