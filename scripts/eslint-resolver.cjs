// Resolves imports for the layer rules (eslint-plugin-boundaries) the way Node and tsx do at
// run time, so the package's `imports` (#server/…, #src/…, #contract/…) are classified by where
// they lead. The usual resolver of eslint-plugin-import ignores `imports`, which would let a
// #server/ import slip past the rules as an outside package.
const { createRequire } = require('node:module');

exports.interfaceVersion = 2;

exports.resolve = (source, file) => {
  try {
    return { found: true, path: createRequire(file).resolve(source) };
  } catch {
    return { found: false };
  }
};
