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
// A reader that stops early (`secc fingerprint | head -1`) closes the pipe: that is not an error
// of secc's, so stop quietly rather than print Node's EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
process.exitCode = await cli.main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
