// `npm start` runs this first, in its own process, before tsx or anything modern loads: on a Node older than
// the root package.json's `engines.node` it prints one line and exits 1. Written for any Node (no optional
// chaining, no ES modules) so an old one reaches the message instead of a syntax error.
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: an old Node must parse it */
'use strict';
var fs = require('fs');
var path = require('path');

/** Whether `version` ("20.19.2") satisfies a range of `^X.Y.Z` and `>=X.Y.Z` terms joined by `||`. */
function satisfies(version, range) {
  var v = parse(version);
  return range.split('||').some(function (term) {
    var t = term.trim();
    var caret = t.charAt(0) === '^';
    var min = parse(t.replace(/^(\^|>=)/, ''));
    if (!v || !min) return false;
    if (caret && v[0] !== min[0]) return false;
    return compare(v, min) >= 0;
  });
}

function parse(text) {
  var match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(String(text).trim());
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

function compare(a, b) {
  for (var i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

function requiredRange() {
  var root = path.resolve(__dirname, '..', '..', '..', 'package.json');
  return JSON.parse(fs.readFileSync(root, 'utf8')).engines.node;
}

/** The one line to print when `version` is outside `range`; null when it is inside. */
function refusal(version, range) {
  if (satisfies(version, range)) return null;
  return (
    'tuneboard start: this is Node.js v' +
    version +
    '; Tuneboard needs Node.js ' +
    range.replace(/\s*\|\|\s*/g, ' or ') +
    ' (https://nodejs.org).'
  );
}

module.exports = { satisfies: satisfies, requiredRange: requiredRange, refusal: refusal };

if (require.main === module) {
  var line = refusal(process.versions.node, requiredRange());
  if (line) {
    process.stderr.write(line + '\n');
    process.exit(1);
  }
}
