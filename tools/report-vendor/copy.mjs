// Copy the JavaScript the HTML report inlines from node_modules into graph/render/templates/vendor/.
// Run after `npm ci --prefix tools/report-vendor`: `node tools/report-vendor/copy.mjs`.
// The copied files are committed, so building or viewing a report never needs npm.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "..", "graph", "render", "templates", "vendor");
const pkgDir = join(here, "node_modules", "vis-network");
const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));

mkdirSync(out, { recursive: true });
// The source map is not shipped, so drop the comment pointing at it.
const js = readFileSync(join(pkgDir, "standalone", "umd", "vis-network.min.js"), "utf8")
  .replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, "\n");
if (/<\/script/i.test(js)) throw new Error("vis-network.min.js contains </script; cannot inline it");
writeFileSync(join(out, "vis-network.min.js"), js);
for (const licence of ["LICENSE-APACHE-2.0", "LICENSE-MIT"]) {
  copyFileSync(join(pkgDir, licence), join(out, `vis-network.${licence}`));
}
const manifest = {
  "vis-network": {
    version: pkg.version,
    license: pkg.license,
    file: "vis-network.min.js",
    from: "npm vis-network standalone/umd/vis-network.min.js",
    licenses: ["vis-network.LICENSE-APACHE-2.0", "vis-network.LICENSE-MIT"],
  },
};
writeFileSync(join(out, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
