// Preloaded with `node --require`: every way Node can reach the network fails loudly, and any attempt, even
// one the program catches and ignores, turns the exit code into 99 with the attempt named on stderr.
'use strict';
const attempts = [];
function refuse(what) {
  return function () {
    attempts.push(what);
    throw new Error(`network use refused in this test: ${what}`);
  };
}
const patch = (mod, names, label) => {
  for (const n of names) if (typeof mod[n] === 'function') mod[n] = refuse(`${label}.${n}`);
};

const net = require('node:net');
patch(net, ['connect', 'createConnection', 'createServer'], 'net');
net.Socket.prototype.connect = refuse('net.Socket.connect');
patch(require('node:tls'), ['connect', 'createServer'], 'tls');
for (const name of ['http', 'https']) patch(require(`node:${name}`), ['request', 'get', 'createServer'], name);
patch(require('node:http2'), ['connect', 'createServer', 'createSecureServer'], 'http2');
patch(require('node:dgram'), ['createSocket'], 'dgram');
const dns = require('node:dns');
patch(
  dns,
  [
    'lookup',
    'lookupService',
    'resolve',
    'resolve4',
    'resolve6',
    'resolveAny',
    'resolveCname',
    'resolveMx',
    'resolveTxt',
    'reverse',
  ],
  'dns',
);
patch(
  dns.promises,
  ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse'],
  'dns.promises',
);
globalThis.fetch = (...args) => {
  try {
    refuse('fetch')();
  } catch (e) {
    return Promise.reject(e);
  }
};
globalThis.WebSocket = refuse('WebSocket');

process.on('exit', (code) => {
  if (attempts.length) {
    process.stderr.write(`NETWORK ATTEMPTS: ${attempts.join(', ')}\n`);
    process.exitCode = 99;
  } else process.exitCode = code;
});
