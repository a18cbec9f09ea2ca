// Draws every BPMN model of processes/ as an SVG picture under docs/models/, with bpmn-js in the
// system's headless Chromium, so the pictures in the README are always the models themselves.
import { chromium } from 'playwright-core';
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, basename } from 'node:path';

const require = createRequire(import.meta.url);
const root = process.argv[2] || '.';
const viewer = readFileSync(require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js'), 'utf8');
const out = join(root, 'docs', 'models');
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
         '--disable-sync', '--no-first-run']
});
try {
  const page = await browser.newPage();
  await page.setContent('<!DOCTYPE html><html><body><div id="canvas" style="width:2000px;height:1200px"></div></body></html>');
  await page.addScriptTag({ content: viewer });
  for (const file of readdirSync(join(root, 'processes')).filter(f => f.endsWith('.bpmn')).sort()) {
    const xml = readFileSync(join(root, 'processes', file), 'utf8');
    const svg = await page.evaluate(async (xml) => {
      const container = document.getElementById('canvas');
      container.innerHTML = '';
      const viewer = new BpmnJS({ container });
      const { warnings } = await viewer.importXML(xml);
      if (warnings.length) {
        throw new Error(warnings.map(w => w.message).join('; '));
      }
      const { svg } = await viewer.saveSVG();
      viewer.destroy();
      return svg;
    }, xml);
    // bpmn-js names arrow markers at random; numbered in order, a redrawn model gives the same file.
    const markers = new Map();
    const stable = svg.replace(/marker-[a-z0-9]+/g, id => {
      if (!markers.has(id)) {
        markers.set(id, 'marker-' + (markers.size + 1));
      }
      return markers.get(id);
    });
    const target = join(out, basename(file, '.bpmn') + '.svg');
    writeFileSync(target, stable + '\n');
    console.log('drew', target);
  }
} finally {
  await browser.close();
}
