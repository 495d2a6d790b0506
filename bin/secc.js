#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm ci` (the prepare script) or `npm run build`.
let cli;
try {
  cli = await import('../dist/src/cli.js');
} catch (error) {
  process.stderr.write(
    `secc: the compiled CLI is missing (${error.code ?? error.message}); run \`npm ci\` or \`npx tsc -p tsconfig.build.json\` first.\n`,
  );
  process.exit(2);
}
process.exitCode = await cli.main(process.argv.slice(2), { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr });
