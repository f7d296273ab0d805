// Produces seed-fixtures.json: ciphertexts written exactly the way the seed's token-encryption.ts wrote them
// (Node crypto, aes-256-gcm, raw 32-byte key from 64 hex, no AAD, 128-bit tag, output
// hex(iv):hex(tag):hex(ciphertext) in lower case). Run from this folder: node make-seed-fixtures.js
// The key below is a test-only fixture key.
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const keyHex = 'f3b1c9e0a8d7265f4e3d2c1b0a99887766554433221100ffeeddccbbaa998877';
const key = Buffer.from(keyHex, 'hex');

function sealSeedFormat(plaintext, ivLength) {
  const iv = crypto.randomBytes(ivLength);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  let encrypted = cipher.update(plaintext, 'utf8', 'hex');
  encrypted += cipher.final('hex');
  const tag = cipher.getAuthTag().toString('hex');
  return `${iv.toString('hex')}:${tag}:${encrypted}`;
}

function openSeedFormat(stored) {
  const [iv, tag, ct] = stored.split(':');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'hex'));
  decipher.setAuthTag(Buffer.from(tag, 'hex'));
  return decipher.update(ct, 'hex', 'utf8') + decipher.final('utf8');
}

const cases = [
  { name: 'github-style token', plaintext: 'gho_16C7e42F292c6912E7710c838347Ae178B4a', ivLength: 16 },
  { name: 'empty', plaintext: '', ivLength: 16 },
  { name: 'unicode', plaintext: 'tökén-🔑-日本語-Ω', ivLength: 16 },
  { name: 'long', plaintext: 'r8_'.padEnd(5000, 'abcdefghijklmnopqrstuvwxyz0123456789'), ivLength: 16 },
  { name: 'json refresh token', plaintext: '{"refresh":"rt_abc","exp":1767225600}', ivLength: 16 },
  { name: '12-byte IV', plaintext: 'vercel_token_12_byte_iv', ivLength: 12 },
  { name: '8-byte IV', plaintext: 'railway_token_8_byte_iv', ivLength: 8 },
  { name: '64-byte IV', plaintext: 'render_token_64_byte_iv', ivLength: 64 },
];

const fixtures = cases.map(({ name, plaintext, ivLength }) => {
  const ciphertext = sealSeedFormat(plaintext, ivLength);
  if (openSeedFormat(ciphertext) !== plaintext) throw new Error(`round trip failed for ${name}`);
  return { name, ivLength, plaintext, ciphertext };
});

const out = {
  generator: 'src/test/resources/crypto/make-seed-fixtures.js',
  node: process.version,
  keyHex,
  fixtures,
};
fs.writeFileSync(path.join(__dirname, 'seed-fixtures.json'), JSON.stringify(out, null, 2) + '\n');
console.log(`wrote ${fixtures.length} fixtures with node ${process.version}`);
