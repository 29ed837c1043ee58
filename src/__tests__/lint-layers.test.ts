// The layers of the tree are lint rules (eslint.config.js). Each rule is shown catching an
// import that crosses its layer, and letting the legal imports of the same file through, by
// linting a snippet as if it sat at that place in the tree. Imported paths are real files:
// the rule classifies what an import resolves to.
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: `${root}eslint.config.js` });
});

/** The layer errors of a snippet linted as the file at `path` (from the repository root). */
async function layerErrors(path: string, imports: string[]): Promise<string[]> {
  const code = imports.map((from, i) => `import * as m${i} from '${from}';\nexport const v${i} = m${i};\n`).join('');
  const [result] = await eslint.lintText(code, { filePath: `${root}${path}` });
  const errors = result!.messages.filter((m) => m.ruleId === 'boundaries/dependencies');
  // Anything else (a parse error, an unknown rule) would make the check above meaningless.
  expect(result!.messages.filter((m) => m.ruleId !== 'boundaries/dependencies')).toEqual([]);
  return errors.map((m) => m.message);
}

describe('lint enforces the layers', () => {
  it('server/domain imports only contract/ and itself', async () => {
    expect(await layerErrors('server/domain/rule.ts', ['../db/schema.ts'])).toEqual([expect.stringContaining('imports only contract/')]);
    expect(await layerErrors('server/domain/rule.ts', ['../../src/utils/money.ts'])).toHaveLength(1);
    expect(await layerErrors('server/domain/rule.ts', ['../../contract/week.ts', './week.ts', '@date-fns/tz'])).toEqual([]);
  });

  it('src/ never imports server/', async () => {
    expect(await layerErrors('src/features/diary/components/view.tsx', ['../../../../server/domain/week.ts'])).toEqual([
      expect.stringContaining('never imports the server'),
    ]);
    expect(await layerErrors('src/utils/format.ts', ['../../server/clock.ts'])).toHaveLength(1);
    expect(await layerErrors('src/app/routes/page.tsx', ['../../../server/data/slots.ts'])).toHaveLength(1);
    expect(await layerErrors('src/utils/format.ts', ['../../contract/week.ts', '#contract/week.ts'])).toEqual([]);
  });

  it('the package imports (#server/…, #src/…) are judged by where they lead', async () => {
    expect(await layerErrors('src/utils/format.ts', ['#server/clock.ts'])).toHaveLength(1);
    expect(await layerErrors('src/features/diary/components/view.tsx', ['#src/features/disputes/api/get-disputes.ts'])).toHaveLength(1);
    expect(await layerErrors('server/domain/rule.ts', ['#server/db/schema.ts'])).toHaveLength(1);
    expect(await layerErrors('server/domain/rule.ts', ['#contract/week.ts'])).toEqual([]);
  });

  it('a feature never imports another feature', async () => {
    expect(await layerErrors('src/features/diary/components/view.tsx', ['../../disputes/api/get-disputes.ts'])).toEqual([
      expect.stringContaining('diary → disputes'),
    ]);
    expect(await layerErrors('src/features/disputes/components/view.tsx', ['../../diary/api/get-week.ts'])).toEqual([expect.stringContaining('disputes → diary')]);
    expect(await layerErrors('src/features/diary/components/view.tsx', ['../api/get-week.ts', '../../../utils/money.ts', '../../../components/ui/error-state.tsx'])).toEqual([]);
    // The app assembles the features: it may import any of them.
    expect(await layerErrors('src/app/routes/page.tsx', ['../../features/diary/api/get-week.ts', '../../features/disputes/api/get-disputes.ts'])).toEqual([]);
  });

  it('src/lib (and the rest of the shared code) never imports a feature', async () => {
    expect(await layerErrors('src/lib/helper.ts', ['../features/diary/api/get-week.ts'])).toEqual([expect.stringContaining('never imports a feature')]);
    expect(await layerErrors('src/components/ui/widget.tsx', ['../../features/diary/api/get-week.ts'])).toHaveLength(1);
    expect(await layerErrors('src/lib/helper.ts', ['../utils/money.ts', './api-client.ts'])).toEqual([]);
  });

  it('the tracker never imports the server', async () => {
    expect(await layerErrors('tracker/src/probe.ts', ['../../server/clock.ts'])).toEqual([expect.stringContaining('never imports the server')]);
    expect(await layerErrors('tracker/src/probe.ts', ['../../contract/week.ts'])).toHaveLength(1);
    expect(await layerErrors('tracker/src/probe.ts', ['./api.ts', 'node:fs'])).toEqual([]);
    // Its tests do start a real server to upload to.
    expect(await layerErrors('tracker/src/__tests__/probe.test.ts', ['../../../server/clock.ts'])).toEqual([]);
  });
});
