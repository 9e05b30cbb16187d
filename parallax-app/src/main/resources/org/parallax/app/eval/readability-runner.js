// Runs @mozilla/readability (with jsdom) over the pages in the JSON file named by argv[2]:
// [{id, url, html}]. One untimed warm-up pass, then a timed pass; prints
// {"bodies": {id: text}, "seconds": s, "failures": n} on stdout.
// Part of Parallax (GPL-3.0-or-later); used only by `parallax eval extraction --with-node`.
'use strict';
const fs = require('fs');
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');

const pages = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const quiet = new VirtualConsole(); // pages' console noise and CSS errors are not ours to print

function pass() {
  const bodies = {};
  let nanos = 0n;
  let failures = 0;
  for (const page of pages) {
    const start = process.hrtime.bigint();
    let text = '';
    try {
      const dom = new JSDOM(page.html, { url: page.url || undefined, virtualConsole: quiet });
      const article = new Readability(dom.window.document).parse();
      text = (article && article.textContent) || '';
      dom.window.close();
    } catch (e) {
      failures++;
    }
    nanos += process.hrtime.bigint() - start;
    bodies[page.id] = text;
  }
  return { bodies, seconds: Number(nanos) / 1e9, failures };
}

pass();
process.stdout.write(JSON.stringify(pass()));
