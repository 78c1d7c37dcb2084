// Build-time stand-in for the entities package in the CLI bundle: markdown-it's one function, with the HTML entity table decoded at its first use instead of when markdown-it loads.
'use strict';

/*
 * entities decodes its packed table of HTML entity names when its module loads: about 8 ms of every cold
 * `briefing export`, whose briefs seldom hold an entity. markdown-it imports only decodeHTMLStrict (checked when
 * bundling); the real decoder, by its subpath so the build's redirect does not catch it, loads at the first call.
 */
let decode;

exports.decodeHTMLStrict = (text) => (decode ??= require('entities/decode')).decodeHTMLStrict(text);
