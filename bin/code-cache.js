'use strict';
// Loads a bundle with V8's code cache, so a start after the first skips most of parsing and compiling it (about a
// fifth of carelint-ls's cold start): Node 22's module.enableCompileCache where there is one, else the same thing by
// hand with vm.Script's cachedData. The cache holds compiled code only, never text; it lives in the user's own cache
// folder, and is read only from a folder that nobody else can write. Set CARELINT_CODE_CACHE=off to load without it.
const { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { homedir } = require('node:os');
const { basename, dirname, join } = require('node:path');
const { isAscii } = require('node:buffer');
const vm = require('node:vm');
const zlib = require('node:zlib');

/**
 * Names the exact source and runtime: V8 checks a cache against the source's length only. CRC-32 (zlib's, where this
 * Node has it) of the file's bytes, with their length beside it: hashing the 2.4 MB bundle with SHA-256 cost more than
 * reading its cache (about 5% of carelint-ls's start-up), and zlib hashing a string first copies it into a buffer; the
 * key only has to tell builds of one bundle apart, in a folder that nobody else can write, so a checksum is enough.
 */
function sourceKey(bytes) {
  const runtime = `${process.version} ${process.arch}\n`;
  if (typeof zlib.crc32 === 'function')
    return `${zlib.crc32(bytes, zlib.crc32(runtime)).toString(16).padStart(8, '0')}${bytes.length.toString(16)}`;
  return require('node:crypto').createHash('sha256').update(runtime).update(bytes).digest('hex').slice(0, 32);
}

/**
 * The bundle's text from its bytes. esbuild writes bundles in ASCII (it escapes the rest), and ASCII read as Latin-1
 * is the same text without UTF-8 decoding: reading the bundle was most of the loading that the cache does not save.
 */
function textOf(bytes) {
  return typeof isAscii === 'function' && isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

function cacheFolder() {
  if (process.env.CARELINT_CODE_CACHE_DIR) return process.env.CARELINT_CODE_CACHE_DIR;
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'carelint', 'code-cache');
}

/** Only a folder of this user's that no one else may write into can hold code this process runs. */
function isPrivate(folder) {
  if (process.platform === 'win32' || typeof process.getuid !== 'function') return true;
  const s = statSync(folder);
  return s.isDirectory() && s.uid === process.getuid() && (s.mode & 0o022) === 0;
}

function requireWithCodeCache(file) {
  if (process.env.CARELINT_CODE_CACHE === 'off') return require(file);
  const folder = cacheFolder();
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    if (!isPrivate(folder)) return require(file);
  } catch {
    return require(file); // no cache folder (a read-only home): load as usual
  }
  if (typeof Module.enableCompileCache === 'function') {
    Module.enableCompileCache(folder);
    return require(file);
  }
  const bytes = readFileSync(file);
  const source = textOf(bytes);
  const cacheFile = join(folder, `${basename(file)}-${sourceKey(bytes)}.bin`);
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData,
  });
  if (!cachedData || script.cachedDataRejected) saveLater(script, cacheFile);
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(dirname(file));
  script.runInThisContext()(mod.exports, Module.createRequire(file), mod, file, dirname(file));
  mod.loaded = true;
  return mod.exports;
}

/** Saved once the first work is done (functions compiled then are in it too), or at exit if that comes first. */
function saveLater(script, cacheFile) {
  let saved = false;
  const save = () => {
    if (saved) return;
    saved = true;
    try {
      const partial = `${cacheFile}.${process.pid}`;
      writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
      renameSync(partial, cacheFile);
      // Caches of earlier builds of the same bundle are never read again.
      const prefix = `${basename(cacheFile).split('-').slice(0, -1).join('-')}-`;
      for (const name of readdirSync(dirname(cacheFile)))
        if (name.startsWith(prefix) && name.endsWith('.bin') && name !== basename(cacheFile))
          rmSync(join(dirname(cacheFile), name), { force: true });
    } catch {
      // only a speed-up: a start without it works the same
    }
  };
  setTimeout(save, 2000).unref();
  process.once('exit', save);
}

module.exports = { requireWithCodeCache, sourceKey };
