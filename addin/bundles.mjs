// The add-in page: one browser bundle, plus the page, its stylesheets (web-ui/'s shared ones too) and assets copied
// next to it in dist/addin/.
// Imported by esbuild.config.mjs, which builds every host's bundles.
import { copyFileSync, cpSync, existsSync, mkdirSync } from 'node:fs';

const OUT = 'dist/addin';

/** esbuild plugin: copy the static files once the bundle is written, so dist/addin is always one consistent set. */
const copyStatic = {
  name: 'carelint-addin-static',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length > 0) return;
      mkdirSync(OUT, { recursive: true });
      for (const file of ['taskpane.html', 'taskpane.css', 'manifest.xml', 'loader.js', 'support.html']) {
        if (existsSync(`addin/${file}`)) copyFileSync(`addin/${file}`, `${OUT}/${file}`);
      }
      // what every CareLint page shares (palette, buttons, counts, the finding card), from below the hosts
      for (const file of ['base.css', 'card.css']) copyFileSync(`web-ui/${file}`, `${OUT}/${file}`);
      if (existsSync('addin/assets')) cpSync('addin/assets', `${OUT}/assets`, { recursive: true });
    });
  },
};

export function bundles(common) {
  return [
    {
      ...common,
      entryPoints: ['addin/src/main.ts'],
      outfile: `${OUT}/taskpane.js`,
      platform: 'browser',
      format: 'iife',
      mainFields: ['browser', 'module', 'main'],
      plugins: [copyStatic],
    },
  ];
}
