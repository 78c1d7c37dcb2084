// Build-time stand-in for @noble/ciphers/aes in the CLI bundle: the same AES modes, whose tables are computed at the first encryption instead of when pdfkit loads.
'use strict';

/*
 * @noble/ciphers builds its AES lookup tables (about 400 KB of typed arrays) when its module loads: 11 ms of every
 * cold `briefing export`, which never encrypts. pdfkit calls only cbc and ecb (checked when bundling); the real
 * module, required by its file name so the build's redirect does not catch it, loads at the first call.
 */
let aes;
const real = () => (aes ??= require('@noble/ciphers/aes.js'));

exports.cbc = (...args) => real().cbc(...args);
exports.ecb = (...args) => real().ecb(...args);
