import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';
import { fileURLToPath } from 'node:url';

// The layers of the tree (STYLE.md): imports run app → features → shared, the pure domain
// knows only the contract, the dashboard never reaches into the server, and the tracker ships
// on its own. Paths are matched from the repository root; the first matching type wins.
const LAYERS = [
  { type: 'contract', pattern: 'contract/**' },
  { type: 'domain', pattern: 'server/domain/**' },
  { type: 'server', pattern: 'server/**' },
  { type: 'feature', pattern: 'src/features/*/**', capture: ['feature'] },
  { type: 'app', pattern: 'src/app/**' },
  { type: 'shared', pattern: 'src/{lib,components,utils,config}/**' },
  // The rest of src/: its entry point (main.tsx) and tests.
  { type: 'dashboard', pattern: 'src/**' },
  // The tracker's own tests start a real server to upload to; the tracker itself ships alone.
  { type: 'tracker-test', pattern: 'tracker/src/__tests__/**' },
  { type: 'tracker', pattern: 'tracker/**' },
  { type: 'verify', pattern: 'verify/**' },
].map((layer) => ({ ...layer, partialMatch: false }));

/** Code of the `from` layers may not import the `to` layers (micromatch patterns on layer types). */
const forbid = (from, to, message) => ({ from: { element: { type: from } }, disallow: { to: { element: { type: to } } }, message });

const layerRules = {
  default: 'allow',
  policies: [
    forbid('domain', '!{contract,domain}', 'server/domain holds pure rules: it imports only contract/ (and itself).'),
    forbid('{app,feature,shared,dashboard}', '{server,domain}', 'The dashboard (src/) never imports the server; what both need belongs in contract/.'),
    {
      from: { element: { type: 'feature' } },
      disallow: { to: { element: { type: 'feature', captured: { feature: '!{{ from.captured.feature }}' } } } },
      message: 'A feature never imports another feature ({{ from.captured.feature }} → {{ to.captured.feature }}); share through src/components, src/lib or src/utils.',
    },
    forbid('shared', '{feature,app}', 'Shared code (src/lib, src/components, src/utils, src/config) never imports a feature or the app.'),
    forbid('tracker', '!tracker', 'The tracker ships on its own: it never imports the server, the contract or the dashboard.'),
    forbid('verify', '!verify', 'The verifier checks the server from outside: it imports nothing of the repository but itself (docs/evidence.md).'),
  ],
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'data', 'server/db/migrations', 'test-results', 'playwright-report', 'bench-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // CommonJS is kept only where a tool loads the file with require().
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': LAYERS,
      'boundaries/legacy-templates': false,
      'import/resolver': { [fileURLToPath(new URL('./scripts/eslint-resolver.cjs', import.meta.url))]: {} },
    },
    rules: { 'boundaries/dependencies': ['error', layerRules] },
  },
);
