// Every screen the demo contractors are seen working on, by scene id.
import { figma } from './apps-design.ts';
import { terminal, type TreeEntry, vscode } from './apps-code.ts';
import { slack, word } from './apps-office.ts';
import {
  apiRefPage,
  boardPage,
  browser,
  docsPage,
  fontPage,
  galleryPage,
  githubPr,
  landingPage,
  mailPage,
  type Page,
  qaPage,
  sheetPage,
  wikiPage,
} from './apps-web.ts';
import type { Os } from './desktop.ts';
import type { SceneDef } from './scene.ts';
import { GLOBEX_DOCS_FILES, ROBOT_ARM_FILES } from './sources.ts';
import type { AppDef } from './types.ts';

export const PEOPLE = {
  dev: 'Daniel Kowalski',
  designer: 'Leo Martins',
  writer: 'Priya Nair',
} as const;

// ---------------------------------------------------------------------------------------------
// The developer (Ubuntu): robot-arm, a TypeScript motion planner

const ROBOT_TREE: TreeEntry[] = [
  { name: '.github', depth: 0, folder: true },
  { name: 'node_modules', depth: 0, folder: true },
  { name: 'src', depth: 0, folder: true, open: true },
  ...['collision.ts', 'controller.ts', 'geometry.ts', 'kinematics.ts', 'planner.ts', 'telemetry.ts', 'trajectory.ts'].map((name) => ({ name, depth: 1 })),
  { name: 'test', depth: 0, folder: true, open: true },
  { name: 'collision.test.ts', depth: 1 },
  { name: 'planner.test.ts', depth: 1 },
  { name: '.eslintrc.json', depth: 0 },
  { name: 'package.json', depth: 0 },
  { name: 'README.md', depth: 0 },
  { name: 'tsconfig.json', depth: 0 },
];

const VITEST_PASS = [
  'dev@acme-ws:~/robot-arm$ npx vitest run',
  '',
  ' RUN  v1.6.0 /home/dan/robot-arm',
  '',
  ' ✓ test/geometry.test.ts (18 tests) 21ms',
  ' ✓ test/kinematics.test.ts (11 tests) 148ms',
  ' ✓ test/collision.test.ts (14 tests) 236ms',
  ' ✓ test/planner.test.ts (7 tests) 1204ms',
  '   ✓ PathPlanner > plans a straight move in free space 88ms',
  '   ✓ PathPlanner > goes around a box in the way 412ms',
  '   ✓ PathPlanner > never leaves the joint limits 97ms',
  '   ✓ PathPlanner > rejects an unreachable goal 12ms',
  '   ✓ PathPlanner > times out cleanly in a closed cage 318ms',
  '   ✓ PathPlanner > keeps the tool above the table 201ms',
  '   ✓ shortcutting > makes paths no longer 76ms',
  ' ✓ test/trajectory.test.ts (9 tests) 33ms',
  '',
  ' Test Files  5 passed (5)',
  '      Tests  59 passed (59)',
  '   Start at  10:42:17',
  '   Duration  2.91s (transform 312ms, setup 0ms, collect 804ms, tests 1.64s)',
  '',
  'dev@acme-ws:~/robot-arm$ npm run lint',
  '',
  '> robot-arm@0.9.0 lint',
  '> eslint src test --max-warnings 0',
  '',
  'dev@acme-ws:~/robot-arm$ git add -p src/collision.ts',
  'diff --git a/src/collision.ts b/src/collision.ts',
  '@@ -61,7 +61,9 @@ export class CollisionWorld {',
  '       for (const key of this.cellsOf(capsule.bounds())) {',
  '         for (const o of this.grid.get(key) ?? []) {',
  '-          if (!o.box.overlaps(capsule.bounds())) continue;',
  '+          if (seen.has(o)) continue;',
  '+          seen.add(o);',
  '+          if (!o.box.overlaps(capsule.bounds())) continue;',
  '(1/1) Stage this hunk [y,n,q,a,d,e,?]? y',
  '',
  'dev@acme-ws:~/robot-arm$ git commit -m "collision: skip obstacles already seen in other cells"',
  '[feat/collision-checks 4e1c2a9] collision: skip obstacles already seen in other cells',
  ' 1 file changed, 3 insertions(+), 1 deletion(-)',
  'dev@acme-ws:~/robot-arm$ ',
];

const VITEST_FAIL = [
  'dev@acme-ws:~/robot-arm$ npx vitest run test/planner.test.ts --repeat 20',
  '',
  ' RUN  v1.6.0 /home/dan/robot-arm',
  '',
  ' ❯ test/planner.test.ts (140 tests | 2 failed) 9.84s',
  '   ✓ PathPlanner > plans a straight move in free space',
  '   ✓ PathPlanner > goes around a box in the way',
  '   × PathPlanner > times out cleanly in a closed cage (repeat 7)',
  '   × PathPlanner > times out cleanly in a closed cage (repeat 16)',
  '',
  '───────────────── Failed Tests 2 ─────────────────',
  '',
  ' FAIL  test/planner.test.ts > PathPlanner > times out cleanly in a closed cage',
  'AssertionError: expected 812 to be less than 600',
  ' ❯ test/planner.test.ts:44:36',
  '     42|     const started = Date.now();',
  '     43|     await expect(planner.plan({ start: HOME, goal: Pose.at(0.5, 0, 0.2), timeoutMs: 300 })).rejects.toThrow(/no path/);',
  '     44|     expect(Date.now() - started).toBeLessThan(600);',
  '       |                                    ^',
  '     45|   });',
  '     46| ',
  '',
  ' FAIL  test/planner.test.ts > PathPlanner > times out cleanly in a closed cage',
  'AssertionError: expected 1034 to be less than 600',
  ' ❯ test/planner.test.ts:44:36',
  '',
  '──────────────────────────────────────────────────',
  '',
  ' Test Files  1 failed (1)',
  '      Tests  2 failed | 138 passed (140)',
  '   Duration  10.37s',
  '',
  'dev@acme-ws:~/robot-arm$ # sampleFree() can spin forever inside the cage: the deadline is only checked per iteration',
  'dev@acme-ws:~/robot-arm$ rg -n "Date.now\\(\\) > deadline" src/',
  'src/planner.ts:45:      if (Date.now() > deadline) break;',
  'dev@acme-ws:~/robot-arm$ ',
];

const GIT_LOG = [
  'dev@acme-ws:~/robot-arm$ git fetch origin && git log --oneline --graph -25',
  '* 4e1c2a9 (HEAD -> feat/collision-checks) collision: skip obstacles already seen in other cells',
  '* 9b07d51 collision: uniform grid broad phase',
  '* 61f3e0c collision: capsule-vs-box depth for links',
  '*   2d8a4f7 (origin/main, main) Merge pull request #139 from acme-robotics/fix/ik-wrap',
  '|\\',
  '| * c4a91e2 kinematics: wrap continuous joints before clamping',
  '| * 77b0d13 test: IK near the joint limits',
  '|/',
  '* e3f5a62 planner: shortcut with 40 attempts by default',
  '* 0ad2c19 telemetry: drop frames for slow websocket clients',
  '* 5be71a4 controller: e-stop brakes before emitting state',
  '* 8f2c6d0 ci: run tests on Node 20 and 22',
  '* a19e7b3 trajectory: time-parameterize with velocity limits',
  '* 3c0d9f8 docs: planner README and diagrams',
  '* 1e7a5c6 geometry: Aabb.overlaps and capsule bounds',
  '* f04b2d9 initial planner: RRT-Connect in joint space',
  '',
  'dev@acme-ws:~/robot-arm$ git status',
  'On branch feat/collision-checks',
  "Your branch is ahead of 'origin/feat/collision-checks' by 1 commit.",
  '  (use "git push" to publish your local commits)',
  '',
  'Changes not staged for commit:',
  '  (use "git add <file>..." to update what will be committed)',
  '        modified:   src/planner.ts',
  '        modified:   test/planner.test.ts',
  '',
  'dev@acme-ws:~/robot-arm$ git diff --stat',
  ' src/planner.ts          | 14 +++++++++-----',
  ' test/planner.test.ts    |  6 ++++--',
  ' 2 files changed, 15 insertions(+), 5 deletions(-)',
  'dev@acme-ws:~/robot-arm$ git push -u origin feat/collision-checks',
  'Enumerating objects: 9, done.',
  'Writing objects: 100% (5/5), 1.12 KiB | 1.12 MiB/s, done.',
  'To github.com:acme-robotics/robot-arm.git',
  '   9b07d51..4e1c2a9  feat/collision-checks -> feat/collision-checks',
  'dev@acme-ws:~/robot-arm$ ',
];

const SIM_LOGS = [
  'dev@acme-ws:~/robot-arm$ npm run sim -- --scene cell-2 --estop-at 4.2',
  '',
  '> robot-arm@0.9.0 sim',
  '> tsx scripts/sim.ts --scene cell-2 --estop-at 4.2',
  '',
  '{"level":"info","msg":"sim.start","scene":"cell-2","obstacles":14,"rateHz":500}',
  '{"level":"info","msg":"telemetry.listen","port":8765}',
  '{"level":"info","msg":"telemetry.connect","ip":"127.0.0.1"}',
  '{"level":"info","msg":"plan.ok","iterations":318,"waypoints":9,"ms":41}',
  '{"level":"info","msg":"state","prev":"planning","next":"moving"}',
  '{"level":"info","msg":"plan.ok","iterations":1204,"waypoints":14,"ms":133}',
  '{"level":"warn","msg":"estop","reason":"sim: light curtain interrupted at t=4.20s"}',
  '{"level":"info","msg":"state","prev":"moving","next":"stopped"}',
  '{"level":"info","msg":"brake.engaged","latencyMs":3.8}',
  '{"level":"info","msg":"telemetry.stats","clients":1,"dropped":0}',
  '',
  'Stopping distance by joint (rad):',
  '  j1 0.012   j2 0.031   j3 0.027   j4 0.004   j5 0.006   j6 0.002',
  'Max stopping time: 118 ms (limit 150 ms)  ✓ within limit',
  '',
  'dev@acme-ws:~/robot-arm$ npm run sim -- --scene cell-2 --estop-at 4.2 --net-delay 80',
  '{"level":"info","msg":"sim.start","scene":"cell-2","obstacles":14,"rateHz":500}',
  '{"level":"info","msg":"plan.ok","iterations":296,"waypoints":8,"ms":38}',
  '{"level":"warn","msg":"estop","reason":"sim: light curtain interrupted at t=4.20s"}',
  '{"level":"info","msg":"brake.engaged","latencyMs":3.9}',
  '{"level":"warn","msg":"telemetry.error","err":"socket hang up"}',
  'Max stopping time: 121 ms (limit 150 ms)  ✓ within limit',
  'dev@acme-ws:~/robot-arm$ ',
];

function devCode(file: string, panel?: readonly string[]): AppDef {
  const base = file.split('/').pop()!;
  const cls: Record<string, string[]> = {
    'planner.ts': ['PathPlanner', 'plan'],
    'collision.ts': ['CollisionWorld', 'check'],
    'kinematics.ts': ['solveIk'],
    'controller.ts': ['ArmController', 'emergencyStop'],
    'telemetry.ts': ['TelemetryServer', 'publish'],
    'planner.test.ts': ['describe(\'PathPlanner\') callback'],
  };
  return {
    title: `${base} — robot-arm — Visual Studio Code`,
    appName: 'Visual Studio Code',
    build: vscode({
      project: 'robot-arm',
      file,
      source: ROBOT_ARM_FILES[file]!,
      tree: ROBOT_TREE,
      openTabs: ['src/planner.ts', 'src/collision.ts', 'src/kinematics.ts', 'test/planner.test.ts'].includes(file)
        ? ['src/planner.ts', 'src/collision.ts', 'src/kinematics.ts', 'test/planner.test.ts']
        : [file, 'src/planner.ts', 'src/kinematics.ts'],
      breadcrumbs: [...file.split('/'), ...(cls[base] ?? [])],
      language: 'TypeScript',
      branch: file.includes('controller') || file.includes('telemetry') ? 'feat/estop' : 'feat/collision-checks',
      panel,
      problems: file.includes('test') ? [0, 0] : [0, 2],
    }),
  };
}

const devTerm = (title: string, lines: readonly string[]): AppDef => ({
  title: `dev@acme-ws: ~/robot-arm`,
  appName: 'Terminal',
  build: terminal({ title: `dev@acme-ws: ~/robot-arm — ${title}`, lines }),
});

const DEV_TABS = [
  ['robot-arm · acme-robotics', ['#24292f', 'G']],
  ['Sprint 14 - Robot Arm - Jira', ['#0052cc', 'J']],
] as const;

const devWeb = (page: Page): AppDef => ({
  title: `${page.tabTitle} - Google Chrome`,
  appName: 'Google Chrome',
  build: browser({ page, tabs: DEV_TABS, active: 1, bookmarks: ['Acme Jira', 'GitHub', 'CI', 'Grafana', 'MoveIt docs', 'MDN'], profile: [PEOPLE.dev, '#1a73e8'] }),
});

const SPLINE_DIFF = [
  '@@ -1,12 +1,15 @@',
  " import { JointState } from './kinematics';",
  "+import { CubicSpline } from './spline';",
  ' ',
  ' export interface Trajectory {',
  '   duration: number;',
  '   sample(t: number): JointState;',
  ' }',
  ' ',
  '-/** Linear interpolation between waypoints at constant speed. */',
  '+/** Cubic splines through the waypoints, with zero velocity at both ends. */',
  ' export function timeParameterize(',
  '   waypoints: JointState[],',
  '   limits: { maxVel: number; maxAcc: number },',
  ' ): Trajectory {',
  '@@ -18,24 +21,38 @@ export function timeParameterize(',
  '   const times = [0];',
  '   for (let i = 1; i < waypoints.length; i++) {',
  '     const d = maxJointDelta(waypoints[i - 1], waypoints[i]);',
  '-    times.push(times[i - 1] + d / limits.maxVel);',
  '+    const tVel = d / limits.maxVel;',
  '+    const tAcc = Math.sqrt((4 * d) / limits.maxAcc);',
  '+    times.push(times[i - 1] + Math.max(tVel, tAcc));',
  '   }',
  '-  return {',
  '-    duration: times[times.length - 1],',
  '-    sample: (t) => lerpAt(waypoints, times, t),',
  '-  };',
  '+  const splines = waypoints[0].map((_, j) =>',
  '+    CubicSpline.clamped(times, waypoints.map((q) => q[j]), 0, 0),',
  '+  );',
  '+  const duration = times[times.length - 1];',
  '+  return {',
  '+    duration,',
  '+    sample: (t) => splines.map((s) => s.at(Math.min(Math.max(t, 0), duration))),',
  '+  };',
  ' }',
  ' ',
  ' function maxJointDelta(a: JointState, b: JointState): number {',
  '   let m = 0;',
  '   for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));',
  '   return m;',
  ' }',
];

const SPLINE_TEST_DIFF = [
  '@@ -0,0 +1,22 @@',
  "+import { describe, it, expect } from 'vitest';",
  "+import { CubicSpline } from '../src/spline';",
  '+',
  "+describe('CubicSpline', () => {",
  "+  it('passes through every knot', () => {",
  '+    const s = CubicSpline.clamped([0, 1, 2, 3], [0, 1, 0, -1], 0, 0);',
  '+    expect(s.at(0)).toBeCloseTo(0);',
  '+    expect(s.at(1)).toBeCloseTo(1);',
  '+    expect(s.at(2)).toBeCloseTo(0);',
  '+    expect(s.at(3)).toBeCloseTo(-1);',
  '+  });',
  '+',
  "+  it('starts and ends at rest', () => {",
  '+    const s = CubicSpline.clamped([0, 2], [0, 1], 0, 0);',
  '+    expect(s.velocity(0)).toBeCloseTo(0);',
  '+    expect(s.velocity(2)).toBeCloseTo(0);',
  '+  });',
  '+});',
];

const DEV_APPS: Record<string, AppDef> = {
  'code-planner': devCode('src/planner.ts'),
  'code-planner-term': devCode('src/planner.ts', VITEST_PASS.slice(3, 12)),
  'code-collision': devCode('src/collision.ts'),
  'code-kinematics': devCode('src/kinematics.ts', ['dev@acme-ws:~/robot-arm$ npx vitest kinematics', '', ' ✓ test/kinematics.test.ts (11 tests) 148ms', '', ' Test Files  1 passed (1)', '      Tests  11 passed (11)', '', ' PASS  Waiting for file changes...']),
  'code-controller': devCode('src/controller.ts'),
  'code-telemetry': devCode('src/telemetry.ts', SIM_LOGS.slice(5, 14)),
  'code-test': devCode('test/planner.test.ts', VITEST_FAIL.slice(12, 21)),
  'term-tests': devTerm('npx vitest run', VITEST_PASS),
  'term-flaky': devTerm('vitest --repeat', VITEST_FAIL),
  'term-git': devTerm('git', GIT_LOG),
  'term-sim': devTerm('npm run sim', SIM_LOGS),
  'web-pr-files': devWeb(
    githubPr({
      repo: 'acme-robotics/robot-arm',
      number: 142,
      title: 'Trajectory smoothing with cubic splines',
      author: 'tomas-ruiz',
      branch: 'feat/spline-smoothing',
      commits: 6,
      tab: 'files',
      files: [
        { path: 'src/trajectory.ts', hunks: SPLINE_DIFF },
        { path: 'test/spline.test.ts', hunks: SPLINE_TEST_DIFF },
      ],
    }),
  ),
  'web-pr-conversation': devWeb(
    githubPr({
      repo: 'acme-robotics/robot-arm',
      number: 142,
      title: 'Trajectory smoothing with cubic splines',
      author: 'tomas-ruiz',
      branch: 'feat/spline-smoothing',
      commits: 6,
      tab: 'conversation',
      files: [
        { path: 'src/trajectory.ts', hunks: SPLINE_DIFF },
        { path: 'test/spline.test.ts', hunks: SPLINE_TEST_DIFF },
      ],
      comments: [
        ['tomas-ruiz', '3 days ago', 'Replaces the linear interpolation in timeParameterize with clamped cubic splines per joint, so the arm starts and stops at rest. The jerk at waypoints drops a lot on the cell-2 scene (plots in the Grafana link below). Segment times now respect maxAcc as well as maxVel.'],
        ['dkowalski', '2 days ago', 'Nice! Two things: (1) splines can overshoot between waypoints, so a smoothed path may clip an obstacle the planner avoided. Could we re-run edgeIsFree on the sampled trajectory, say every 10 ms? (2) sample(t) should clamp t, otherwise the last setpoint extrapolates.'],
        ['tomas-ruiz', '2 days ago', 'Good catch on the overshoot. Added a check that samples the trajectory at 100 Hz and falls back to the linear path if anything collides. Clamping is in 3f1d0aa.'],
        ['dkowalski', 'now', 'Looks good. Ran the sim on all four cells, max deviation from the planned path is 3.1 mm. Approving once CI is green.'],
      ],
    }),
  ),
  'web-broadphase': devWeb(
    docsPage({
      url: 'moveit.picknik.ai/main/doc/concepts/planning_scene_monitor.html',
      tabTitle: 'Collision checking — MoveIt Documentation',
      favicon: ['#2f6fde', 'M'],
      brand: 'MoveIt',
      accent: '#2f6fde',
      nav: [
        ['Getting started', ['Installation', 'Your first project', 'Visualizing in RViz']],
        ['Concepts', ['Motion planning', 'Planning scene', 'Collision checking', 'Kinematics', 'Time parameterization']],
        ['How-to guides', ['Pick and place', 'Persist a scene', 'Benchmarking']],
      ],
      active: 'Collision checking',
      crumbs: ['Concepts', 'Collision checking'],
      blocks: [
        { h1: 'Collision checking' },
        { p: 'Collision checking answers one question many thousands of times per plan: does the robot, in this joint configuration, touch anything in the world or itself? Because it dominates planning time, it is split in two phases.' },
        { h2: 'Broad phase' },
        { p: 'The broad phase cheaply discards pairs of objects that cannot touch. Each link and obstacle is wrapped in an axis-aligned bounding box (AABB); only pairs whose boxes overlap go on to the narrow phase. A uniform grid or a dynamic AABB tree keeps the number of box tests close to linear in the number of objects.' },
        { code: 'for (const cell of grid.cellsOf(link.bounds())) {\n  for (const obstacle of cell) {\n    if (!obstacle.box.overlaps(link.bounds())) continue;\n    candidates.add(obstacle);\n  }\n}', lang: 'ts' },
        { note: 'An object that spans several grid cells is returned once per cell. Deduplicate candidates before the narrow phase, or you will test the same pair many times.' },
        { h2: 'Narrow phase' },
        { p: 'The narrow phase computes the exact answer, usually with GJK for convex shapes and EPA when a penetration depth is needed. Links are commonly approximated by capsules, which makes the distance test between two links a segment–segment distance minus the radii.' },
        { h3: 'Padding and scaling' },
        { p: 'Add a small padding (a few millimetres) around the links to absorb calibration and tracking error. Padding is cheaper and more predictable than scaling the meshes up.' },
        { h2: 'Self-collision' },
        { p: 'Adjacent links always touch at their joint, so they are excluded. The Allowed Collision Matrix lists the other pairs that can never collide given the joint limits; skipping them saves a surprising amount of time.' },
        { list: ['Generate the matrix once with the setup assistant, sampling 10,000 random states.', 'Re-generate it whenever joint limits change.', 'Never disable a pair just because it is slow to check.'] },
        { h2: 'Continuous checks' },
        { p: 'Checking discrete states along an edge can miss thin obstacles. Either choose the step from the largest link speed and the smallest obstacle, or use continuous collision detection on swept volumes.' },
      ],
    }),
  ),
  'web-wiki-ik': devWeb(
    wikiPage({
      title: 'Inverse kinematics',
      figure: 'arm',
      lead: 'In computer animation and robotics, inverse kinematics is the mathematical process of calculating the variable joint parameters needed to place the end of a kinematic chain, such as a robot manipulator or animation character\'s skeleton, in a given position and orientation relative to the start of the chain. Given joint parameters, the position and orientation of the chain\'s end can typically be calculated directly using multiple applications of trigonometric formulas, a process known as forward kinematics. However, the reverse operation is, in general, much more challenging.',
      sections: [
        { h2: 'Kinematic analysis' },
        { p: 'Kinematic analysis is one of the first steps in the design of most industrial robots. It allows the designer to obtain information on the position of each component within the mechanical system, which is necessary for subsequent dynamic analysis along with control paths.' },
        { h2: 'Approximating solutions to IK systems' },
        { p: 'There are many methods of modelling and solving inverse kinematics problems. The most flexible of these methods typically rely on iterative optimization to seek out an approximate solution, due to the difficulty of inverting the forward kinematics equation and the possibility of an empty solution space.' },
        { h3: 'The Jacobian inverse technique' },
        { p: 'The Jacobian inverse technique is a simple yet effective way of implementing inverse kinematics. The change in joint angles is computed from the pseudo-inverse of the Jacobian times the error in the end-effector pose, and the step is repeated until the error is small.' },
        { h3: 'Damped least squares' },
        { p: 'Near singular configurations the pseudo-inverse produces very large joint steps. The damped least squares method, also known as the Levenberg–Marquardt method, adds a damping term λ²I that trades a little accuracy for stability close to singularities.' },
        { code: 'Δθ = Jᵀ (J Jᵀ + λ² I)⁻¹ e', lang: 'text' },
        { h3: 'Heuristic methods' },
        { p: 'Cyclic coordinate descent and FABRIK solve the problem by adjusting one joint at a time. They are fast and easy to implement, and popular in animation, but handle joint limits and orientation targets less naturally.' },
        { h2: 'See also' },
        { list: ['Forward kinematics', 'Denavit–Hartenberg parameters', 'Motion planning', 'Robot kinematics'] },
      ],
    }),
  ),
  'web-so-dls': devWeb(
    qaPage({
      url: 'stackoverflow.com/questions/75612043/damped-least-squares-ik-oscillates-near-joint-limits',
      title: 'Damped least squares IK oscillates near joint limits',
      votes: 14,
      asked: '1 year, 2 months ago',
      tags: ['robotics', 'inverse-kinematics', 'typescript', 'linear-algebra'],
      question: [
        { p: 'I am solving IK for a 6-DOF arm with damped least squares. It converges fine in the middle of the workspace, but when the goal needs joint 2 close to its limit the solution oscillates between two configurations and never gets below my tolerance.' },
        { code: 'const dq = Jt.mul(J.mul(Jt).add(I.scale(lambda * lambda)).inverse()).apply(err);\nq = q.map((v, k) => clamp(v + dq[k], LIMITS[k]));', lang: 'ts' },
        { p: 'I clamp after each step. With lambda = 0.05 it oscillates, with lambda = 0.5 it converges very slowly. What is the right way to handle limits here?' },
      ],
      answers: [
        {
          votes: 21,
          accepted: true,
          author: 'jointspace',
          blocks: [
            { p: 'Clamping after the step fights the solver: the step is computed as if the joint could move, then you undo part of it, and the next iteration tries again. Two standard fixes:' },
            { list: ['Remove the clamped joint from the Jacobian (zero its column) for the next iterations, so the other joints take up the error.', 'Or add the limits as a weighted task: increase a per-joint damping as the joint approaches its limit.'] },
            { p: 'Also scale the step so that no joint moves more than a few degrees per iteration. That alone removes most of the oscillation.' },
          ],
        },
        { votes: 4, author: 'mkaiser', blocks: [{ p: 'If your joints are continuous (±2π), wrap the angle into range before you decide it is outside the limits. Half of our "limit" problems were just angles that had gone around once.' }] },
      ],
    }),
  ),
  'web-mdn-ws': devWeb(
    docsPage({
      url: 'developer.mozilla.org/en-US/docs/Web/API/WebSocket/bufferedAmount',
      tabTitle: 'WebSocket: bufferedAmount property - Web APIs | MDN',
      favicon: ['#000000', 'M'],
      brand: 'mdn web docs',
      accent: '#0069c2',
      nav: [
        ['WebSocket', ['Constructor', 'binaryType', 'bufferedAmount', 'extensions', 'protocol', 'readyState', 'url']],
        ['Instance methods', ['close()', 'send()']],
        ['Events', ['close', 'error', 'message', 'open']],
      ],
      active: 'bufferedAmount',
      crumbs: ['References', 'Web APIs', 'WebSocket', 'bufferedAmount'],
      blocks: [
        { h1: 'WebSocket: bufferedAmount property' },
        { p: 'The WebSocket.bufferedAmount read-only property returns the number of bytes of data that have been queued using calls to send() but not yet transmitted to the network. This value resets to zero once all queued data has been sent.' },
        { p: 'This value does not reset to zero when the connection is closed; if you keep calling send(), this will continue to climb.' },
        { h2: 'Value' },
        { p: 'An unsigned long.' },
        { h2: 'Examples' },
        { code: 'const ws = new WebSocket("wss://robot.local:8765");\n\nfunction publish(frame) {\n  // Skip frames while the socket is congested\n  if (ws.bufferedAmount > 256 * 1024) return;\n  ws.send(JSON.stringify(frame));\n}', lang: 'ts' },
        { note: 'On the server, the ws package exposes the same property per client. Checking it before send() is the simplest form of backpressure for telemetry that can be dropped.' },
        { h2: 'Specifications' },
        { table: [['Specification', 'Status'], ['WebSockets Standard # dom-websocket-bufferedamount', 'Living Standard']] },
        { h2: 'Browser compatibility' },
        { p: 'Supported in all current browsers.' },
      ],
    }),
  ),
  'web-jira': devWeb(
    boardPage({
      url: 'acme-robotics.atlassian.net/jira/software/projects/ARM/boards/3',
      project: 'Robot Arm',
      sprint: 'ARM Sprint 14',
      columns: [
        ['To do', [
          { key: 'ARM-231', title: 'Planner: continuous collision check on edges', tag: 'planner', who: 'Dev', points: 5 },
          { key: 'ARM-236', title: 'Expose stopping distance in telemetry', tag: 'telemetry', who: 'Dev', points: 2 },
          { key: 'ARM-240', title: 'Docs: planner tuning parameters', tag: 'docs', who: 'Dev', points: 1 },
          { key: 'ARM-241', title: 'Dashboard: show e-stop reason', tag: 'design', who: 'Designer', points: 3 },
          { key: 'ARM-243', title: 'Gripper BOM: second supplier for servos', tag: 'hardware', who: 'Dev', points: 2 },
          { key: 'ARM-244', title: 'Planner: benchmark on the four customer cells', tag: 'planner', who: 'Dev', points: 3 },
          { key: 'ARM-246', title: 'Telemetry: record sessions for replay', tag: 'telemetry', who: 'Tomás Ruiz', points: 5 },
          { key: 'ARM-247', title: 'Safety: log e-stop latency per joint', tag: 'controller', who: 'Dev', points: 2 },
        ]],
        ['In progress', [
          { key: 'ARM-228', title: 'Broad phase: uniform grid for obstacles', tag: 'planner', who: 'Dev', points: 5 },
          { key: 'ARM-233', title: 'E-stop: brake before emitting state', tag: 'controller', who: 'Dev', points: 3 },
          { key: 'ARM-238', title: 'Onboarding screens v2', tag: 'design', who: 'Designer', points: 5 },
          { key: 'ARM-239', title: 'Homepage hero: high-fidelity option B', tag: 'design', who: 'Designer', points: 3 },
          { key: 'ARM-242', title: 'Flaky: "times out cleanly in a closed cage"', tag: 'bug', who: 'Dev', points: 1 },
        ]],
        ['In review', [
          { key: 'ARM-219', title: 'Trajectory smoothing with cubic splines', tag: 'trajectory', who: 'Tomás Ruiz', points: 8 },
          { key: 'ARM-230', title: 'IK: wrap continuous joints before clamping', tag: 'bug', who: 'Dev', points: 2 },
        ]],
        ['Done', [
          { key: 'ARM-214', title: 'Telemetry: drop frames for slow clients', tag: 'telemetry', who: 'Dev', points: 3 },
          { key: 'ARM-217', title: 'CI on Node 20 and 22', tag: 'infra', who: 'Tomás Ruiz', points: 1 },
          { key: 'ARM-222', title: 'Homepage hero layout', tag: 'design', who: 'Designer', points: 3 },
          { key: 'ARM-209', title: 'Kinematics: DH table for the R6', tag: 'planner', who: 'Dev', points: 3 },
          { key: 'ARM-211', title: 'Brand: logo round 1', tag: 'design', who: 'Designer', points: 5 },
          { key: 'ARM-212', title: 'Collision: capsule vs box depth', tag: 'planner', who: 'Dev', points: 3 },
        ]],
      ],
    }),
  ),
  'web-bom': devWeb(
    sheetPage({
      title: 'Gripper BOM v3 — cost estimate',
      columns: [['Part', 230], ['Supplier', 150], ['Qty', 70], ['Unit (EUR)', 110], ['Total (EUR)', 110], ['Lead time', 100], ['Notes', 360]],
      rows: [
        ['Servo, Dynamixel XM430-W350', 'Robotis', 2, 289.9, 579.8, '2 wk', 'Finger drive; current control mode'],
        ['Finger, aluminium 6061 CNC', 'Protolabs', 2, 74.5, 149, '10 d', 'Anodised black'],
        ['Fingertip pad, silicone 40A', 'Smooth-On', 4, 6.2, 24.8, '1 wk', 'Replaceable'],
        ['Linear guide MGN9, 100 mm', 'Hiwin', 2, 21.4, 42.8, '3 wk', ''],
        ['Force sensor, FSR 402', 'Interlink', 2, 8.95, 17.9, 'stock', 'Grip force feedback'],
        ['Housing, PA12 SLS print', 'Materialise', 1, 96, 96, '8 d', 'v3 with cable channel'],
        ['Tool flange ISO 9409-1-50-4-M6', 'Acme (in house)', 1, 38, 38, 'stock', ''],
        ['Cable, 8-core shielded, 2 m', 'Igus', 1, 31.6, 31.6, 'stock', 'Chainflex'],
        ['Connector M8 8-pin', 'Binder', 2, 12.3, 24.6, '1 wk', ''],
        ['Screws, bearings, misc.', 'Misumi', 1, 45, 45, '1 wk', 'See sheet "Hardware"'],
        ['Controller board, STM32G4', 'JLCPCB', 1, 64, 64, '2 wk', 'Assembly incl.'],
        ['Assembly & test (h)', 'Acme (in house)', 3, 55, 165, '', 'Per unit at 50 pcs'],
        ['', '', '', '', '', '', ''],
        ['Total per gripper', '', '', '', 1278.5, '', 'Target: 1,200 EUR at 50 pcs'],
        ['Total at 50 pcs (−8% volume)', '', '', '', 58811, '', ''],
      ],
      chart: { title: 'Cost per gripper by group (EUR)', bars: [['Drive', 579.8], ['Fingers', 173.8], ['Guides', 42.8], ['Sensing', 17.9], ['Housing', 134], ['Cabling', 80.8], ['Electronics', 64], ['Labour', 165]] },
    }),
  ),
  'chat-arm': {
    title: 'robot-arm (Channel) - Acme Robotics - Slack',
    appName: 'Slack',
    build: slack({
      workspace: 'Acme Robotics',
      channel: 'robot-arm',
      channels: ['general', 'design', 'robot-arm', 'ci-alerts', 'random'],
      dms: ['Alice Client', 'Tomás Ruiz', PEOPLE.designer],
      members: 9,
      topic: 'Motion planning, controller and telemetry. Sprint 14 ends Friday.',
      messages: [
        'Yesterday',
        { who: 'Alice Client', time: '4:12 PM', text: 'Thanks for the demo today! The planner is already much faster around the fixture. Can we get the e-stop reason shown in the dashboard before the trade fair?' },
        { who: PEOPLE.dev, time: '4:20 PM', text: 'Yes — the controller emits it already, I will add it to the telemetry frame. ARM-236 covers the stopping distance too.' },
        { who: 'Tomás Ruiz', time: '5:03 PM', text: 'PR #142 is up: spline smoothing. Would love a review from @Daniel before Thursday.', reactions: '✔ 2' },
        'Today',
        { who: PEOPLE.dev, time: '9:14 AM', text: 'Standup: yesterday broad phase grid + dedup of obstacles across cells. Today: flaky cage test (deadline only checked per iteration, sampleFree can spin) and PR #142 review. No blockers.' },
        { who: 'CI', time: '9:31 AM', text: 'robot-arm · feat/collision-checks · ✓ build passed in 3m 12s (Node 20, Node 22)' },
        { who: 'Alice Client', time: '10:02 AM', text: 'Quick question: what is the max stopping time with the new brake order? Safety assessor asked.' },
        { who: PEOPLE.dev, time: '10:09 AM', text: 'From the sim on cell-2: 118 ms worst case, limit is 150 ms. Output:', code: 'Stopping distance by joint (rad):\n  j1 0.012   j2 0.031   j3 0.027\nMax stopping time: 118 ms (limit 150 ms)' },
        { who: 'Alice Client', time: '10:11 AM', text: 'Perfect, thank you!', reactions: '♥ 1' },
      ],
      draft: 'Pushed the grid broad phase, ~2.4× fewer narrow-phase checks on cell-2',
    }),
  },
};

// ---------------------------------------------------------------------------------------------
// The designer (macOS): Acme's website, app and brand

const DESIGN_LAYERS = {
  landing: [['Desktop — Home v3', 0, 'frame'], ['Nav', 1, 'group'], ['Hero', 1, 'frame'], ['Headline', 2, 'text'], ['CTA / Primary', 2, 'component'], ['Robot illustration', 2, 'group'], ['Logos', 1, 'group'], ['Features', 1, 'frame'], ['CTA band', 1, 'frame'], ['Footer', 1, 'frame'], ['Mobile — Home v3', 0, 'frame'], ['Buttons', 0, 'frame']],
  onboarding: [['Onboarding / 1 — Connect your arm', 0, 'frame'], ['Onboarding / 2 — Teach by demonstration', 0, 'frame'], ['Illustration', 1, 'group'], ['Title', 1, 'text'], ['Body', 1, 'text'], ['Pager', 1, 'component'], ['Button / Next', 1, 'component'], ['Onboarding / 3 — Set safety zones', 0, 'frame'], ['Onboarding / 4 — Watch every move', 0, 'frame'], ['Sticky: notes from Alice', 0, 'rect']],
  dashboard: [['Dashboard — Fleet overview', 0, 'frame'], ['Sidebar', 1, 'frame'], ['KPI cards', 1, 'frame'], ['Card / Cycles run', 2, 'component'], ['Chart / Cycles per hour', 1, 'frame'], ['Chart / Alerts by cell', 1, 'frame'], ['Table / Cells', 1, 'frame'], ['Dashboard — Empty state', 0, 'frame']],
  logos: [['Logo explorations — round 2', 0, 'frame'], ['V1 — navy on white', 1, 'group'], ['V2 — white on navy', 1, 'group'], ['V3 — warm', 1, 'group'], ['V4 — serif', 1, 'group'], ['V5 — orange', 1, 'group'], ['V6 — night', 1, 'group'], ['Favicon / app icon', 0, 'frame']],
  icons: [['Icons — 24 px line, 1.5 stroke', 0, 'frame'], ['icon/home', 1, 'component'], ['icon/search', 1, 'component'], ['icon/files', 1, 'component'], ['icon/gear', 1, 'component'], ['icon/user', 1, 'component'], ['icon/bell', 1, 'component'], ['icon/lock', 1, 'component'], ['Grid', 0, 'frame'], ['Sizes', 0, 'frame']],
  system: [['Foundations — Colour', 0, 'frame'], ['Navy', 1, 'group'], ['Orange', 1, 'group'], ['Slate', 1, 'group'], ['Foundations — Type', 0, 'frame'], ['Components — Inputs', 0, 'frame'], ['Input / Focused', 1, 'component'], ['Components — Cards', 0, 'frame']],
} as const;

function designFile(design: keyof typeof DESIGN_LAYERS, file: string, page: string, pages: string[], selected: { name: string; w: number; h: number; x: number; y: number; fill: string }): AppDef {
  return {
    title: `${file} – Figma`,
    appName: 'Figma',
    menus: ['File', 'Edit', 'View', 'Object', 'Text', 'Arrange', 'Plugins', 'Window', 'Help'],
    build: figma({ file, project: 'Acme Robotics', page, pages, layers: DESIGN_LAYERS[design], design, zoom: '50%', selected }),
  };
}

const DESIGNER_TABS = [
  ['Acme Robotics – Figma', ['#a259ff', 'F']],
  ['Inbox (3) - leo@martins.studio', ['#ea4335', 'M']],
] as const;

const designerWeb = (page: Page): AppDef => ({
  title: `${page.tabTitle} — Google Chrome`,
  appName: 'Google Chrome',
  menus: ['File', 'Edit', 'View', 'History', 'Bookmarks', 'Profiles', 'Tab', 'Window', 'Help'],
  build: browser({ page, tabs: DESIGNER_TABS, active: 2, bookmarks: ['Acme brief', 'Figma', 'Dribbble', 'Mobbin', 'Fonts', 'Coolors'], profile: [PEOPLE.designer, '#e8710a'] }),
});

const DESIGNER_APPS: Record<string, AppDef> = {
  'figma-landing': designFile('landing', 'Website — Homepage v3', 'Homepage', ['Homepage', 'Pricing', 'Components', 'Archive'], { name: 'Headline', w: 430, h: 112, x: 168, y: 276, fill: '#ffffff' }),
  'figma-onboarding': designFile('onboarding', 'App — Onboarding v2', 'Onboarding', ['Onboarding', 'Settings', 'Components'], { name: 'Title', w: 300, h: 34, x: 577, y: 594, fill: '#0f172a' }),
  'figma-dashboard': designFile('dashboard', 'Acme Cloud — Dashboard', 'Fleet overview', ['Fleet overview', 'Cell detail', 'Alerts', 'Components'], { name: 'Card / Cycles run', w: 232, h: 112, x: 352, y: 190, fill: '#ffffff' }),
  'figma-logos': designFile('logos', 'Brand — Logo round 2', 'Explorations', ['Explorations', 'Final', 'Guidelines'], { name: 'V2 — white on navy', w: 360, h: 260, x: 510, y: 130, fill: '#0b1b3f' }),
  'figma-icons': designFile('icons', 'Design system — Icons', 'Icons', ['Foundations', 'Icons', 'Components'], { name: 'icon/bell', w: 96, h: 96, x: 750, y: 150, fill: '#e5f4ff' }),
  'figma-system': designFile('system', 'Design system — Foundations', 'Foundations', ['Foundations', 'Icons', 'Components'], { name: 'Input / Focused', w: 360, h: 44, x: 1310, y: 272, fill: '#ffffff' }),
  'web-shots-landing': designerWeb(galleryPage({ query: 'robotics landing page', seed: 'landing' })),
  'web-shots-dashboard': designerWeb(galleryPage({ query: 'iot dashboard', seed: 'dashboard' })),
  'web-competitor': designerWeb(
    landingPage({
      brand: 'Nimbus Automation',
      url: 'www.nimbus-automation.com',
      headline: 'Cobots for every line, set up in an afternoon',
      sub: 'Nimbus arms ship pre-calibrated with a no-code app. Drag blocks, press play, and watch cycle times drop.',
      accent: '#10b981',
      dark: '#052e2b',
      features: [
        ['No-code programs', 'Build programs from blocks in the browser. Every step is previewed in 3D before it runs.'],
        ['Certified safety', 'Force and speed limits meet ISO/TS 15066 out of the box, with zones you draw on the floor plan.'],
        ['Fleet analytics', 'Uptime, cycle times and alerts for every cell, exported to your MES every hour.'],
      ],
    }),
  ),
  'web-fonts': designerWeb(fontPage({ family: 'Inter', display: 'Liberation Sans' })),
  'web-mail': designerWeb(
    mailPage({
      account: 'leo@martins.studio',
      mails: [
        { from: 'Alice Client', subject: 'Homepage v3 — feedback', snippet: 'Hi Leo, we looked at the three hero options with the team. Option B with the arm illustration…', when: '10:42 AM', unread: true, starred: true },
        { from: 'Figma', subject: 'Alice Client commented on Website — Homepage v3', snippet: '"Can the CTA say Book a demo instead of Get started?"', when: '10:15 AM', unread: true },
        { from: 'Alice Client', subject: 'Re: Logo round 2', snippet: 'V2 and V5 are the favourites. Marketing would like to see V2 in orange as well…', when: 'Yesterday', unread: true },
        { from: 'workdiary', subject: 'Your weekly summary for Acme Robotics', snippet: 'You logged 36:10 hrs last week. Weekly limit: 30 hrs.', when: 'Mon' },
        { from: 'Tomás Ruiz', subject: 'Dashboard: real numbers for the mockup', snippet: 'Attached a CSV with last week\'s cycles per cell, in case you want real data in the charts.', when: 'Mon' },
        { from: 'Dribbble', subject: 'New shots from designers you follow', snippet: 'Halo Lab, Ramotion and 12 others posted new shots this week.', when: 'Sun' },
        { from: 'Alice Client', subject: 'Onboarding copy from marketing', snippet: 'Here is the copy for the four screens. Step 2 is still too long, sorry!', when: 'Fri' },
        { from: 'Adobe', subject: 'Your invoice is available', snippet: 'Creative Cloud Photography plan (20 GB). Amount: $9.99.', when: 'Fri' },
        { from: 'Google Fonts', subject: 'Inter 4.1 is now available', snippet: 'Better hinting at small sizes, new stylistic sets, and tabular numbers by default.', when: 'Thu' },
        { from: 'Alice Client', subject: 'Brand workshop — agenda', snippet: 'Thursday 10:00 at our office. We will go through values, voice and the logo shortlist.', when: 'Wed' },
        { from: 'Calendly', subject: 'New event: Homepage review with Alice', snippet: 'Tuesday 2:00 PM – 2:45 PM (Eastern Time)', when: 'Wed' },
        { from: 'Behance', subject: 'Your project was featured', snippet: 'Congratulations! "Harbor — banking app" was featured in UI/UX.', when: 'Tue' },
      ],
    }),
  ),
  'chat-design': {
    title: 'design (Channel) - Acme Robotics - Slack',
    appName: 'Slack',
    menus: ['File', 'Edit', 'View', 'Go', 'Window', 'Help'],
    build: slack({
      workspace: 'Acme Robotics',
      channel: 'design',
      channels: ['general', 'design', 'marketing', 'robot-arm', 'random'],
      dms: ['Alice Client', PEOPLE.dev, 'Tomás Ruiz'],
      members: 6,
      topic: 'Website, app and brand. Figma: Acme Robotics team.',
      messages: [
        'Yesterday',
        { who: PEOPLE.designer, time: '3:48 PM', text: 'Onboarding v2 is ready for a look: four screens, new illustrations, shorter copy on step 2.', image: 'onboarding-v2' },
        { who: 'Alice Client', time: '4:30 PM', text: 'Love it. Could we mention the e-stop somewhere? Safety is the first question every customer asks.', reactions: '★ 3' },
        { who: PEOPLE.designer, time: '4:41 PM', text: 'Good idea. I will add a line to step 3 (safety zones) and a small e-stop icon.' },
        'Today',
        { who: 'Alice Client', time: '9:05 AM', text: 'Morning! For the homepage: marketing prefers option B (arm illustration). Can you push it to high fidelity this week?' },
        { who: PEOPLE.designer, time: '9:20 AM', text: 'On it. I will also do the mobile version and the button states. Review on Thursday?' },
        { who: PEOPLE.dev, time: '10:02 AM', text: 'FYI for the dashboard mockup, the telemetry will have stopping time and e-stop reason from next sprint.' },
        { who: PEOPLE.designer, time: '10:05 AM', text: 'Perfect, I will leave room for it in the cell detail panel.', image: 'dashboard-cell-detail' },
      ],
    }),
  },
};

// ---------------------------------------------------------------------------------------------
// The writer (Windows): Globex API documentation

const DOCS_TREE: TreeEntry[] = [
  { name: '.docusaurus', depth: 0, folder: true },
  { name: 'node_modules', depth: 0, folder: true },
  { name: 'docs', depth: 0, folder: true, open: true },
  ...['authentication.md', 'changelog.md', 'errors.md', 'idempotency.md', 'pagination.md', 'quickstart.md', 'webhooks.md'].map((name) => ({ name, depth: 1 })),
  { name: 'static', depth: 0, folder: true },
  { name: 'docusaurus.config.js', depth: 0 },
  { name: 'package.json', depth: 0 },
  { name: 'sidebars.js', depth: 0 },
];

function writerMd(file: string): AppDef {
  const base = file.split('/').pop()!;
  return {
    title: `${base} - globex-docs - Visual Studio Code`,
    appName: 'Visual Studio Code',
    build: vscode({
      project: 'globex-docs',
      file,
      source: GLOBEX_DOCS_FILES[file]!,
      tree: DOCS_TREE,
      openTabs: ['docs/webhooks.md', 'docs/changelog.md', 'docs/quickstart.md'],
      breadcrumbs: ['docs', base],
      language: 'Markdown',
      branch: 'docs/v2.4',
      panel: ['PS C:\\Users\\priya\\globex-docs> npm start', '', '> globex-docs@2.4.0 start', '> docusaurus start', '', '[SUCCESS] Docusaurus website is running at: http://localhost:3000/', '[INFO] Reloading… docs/webhooks.md changed'],
    }),
  };
}

const QUICKSTART: Parameters<typeof word>[0]['blocks'] = [
  { h1: 'Globex API — Quickstart' },
  { p: 'This guide takes you from a new account to your first delivered test shipment in about ten minutes. You will create an API key, book a shipment, print its label and follow it with a webhook.' },
  { h2: '1. Get your API keys' },
  { p: 'Sign in to the Globex dashboard and open Developers → API keys. Every account has two keys: a test key that starts with gx_test_ and a live key that starts with gx_live_. Requests made with the test key never reach a carrier, and nothing is billed.' },
  { note: 'Keep your live key secret. Do not put it in client-side code, in a public repository, or in a support ticket. If a key leaks, roll it from the dashboard: the old key stops working immediately.' },
  { h2: '2. Make your first request' },
  { p: 'Check that your key works by asking for your account. The API uses HTTP Basic authentication with the key as the user name and an empty password.' },
  { code: 'curl https://api.globex.com/v2/account \\\n  -u gx_test_51HqLyjWDarjtT1zdp7dc:', lang: 'bash' },
  { p: 'A successful response is a JSON object with your account id, name and default currency. If you get 401 Unauthorized, check that you copied the whole key, including the prefix.' },
  { h2: '3. Book a test shipment' },
  { p: 'A shipment needs a sender, a recipient and at least one parcel. Weights are in grams and dimensions in millimetres. Add an Idempotency-Key header so that a retried request never books the same shipment twice.' },
  { code: 'curl https://api.globex.com/v2/shipments \\\n  -u gx_test_51HqLyjWDarjtT1zdp7dc: \\\n  -H "Idempotency-Key: 7c1f9f3e-order-1042" \\\n  -d from[postcode]=10115 -d from[country]=DE \\\n  -d to[postcode]=75002 -d to[country]=FR \\\n  -d "parcels[0][weight]=1200"', lang: 'bash' },
  { p: 'The response contains the shipment id (shp_…), the chosen service, the price and a label_url. In test mode the label carries a TEST watermark.' },
  { h2: '4. Follow the parcel' },
  { p: 'Rather than polling the shipment, register a webhook endpoint and subscribe to shipment.in_transit and shipment.delivered. In test mode you can move a shipment along with the test clock, so you do not have to wait for a real delivery.' },
  { list: ['Register the endpoint in Settings → Webhooks.', 'Verify the Globex-Signature header on every request.', 'Answer 2xx within 10 seconds; do the work in the background.'] },
  { h2: 'Next steps' },
  { p: 'Read about authentication and key rotation, error handling and retries, and pagination of list endpoints. When you are ready, switch to your live key: nothing else in your code has to change.' },
];

const AUTH_DOC: Parameters<typeof word>[0]['blocks'] = [
  { h1: 'Authentication' },
  { p: 'The Globex API authenticates requests with secret API keys or, for apps that act on behalf of other Globex accounts, with OAuth 2.0 access tokens. All requests must be made over HTTPS; calls over plain HTTP are refused.' },
  { h2: 'API keys' },
  { p: 'API keys carry many privileges, so keep them secure. Test keys have the prefix gx_test_ and live keys the prefix gx_live_. Restricted keys (gx_rk_) can be limited to some resources, such as read-only access to shipments for a reporting tool.' },
  { table: [['Key type', 'Prefix', 'Use it for'], ['Test', 'gx_test_', 'Development and CI'], ['Live', 'gx_live_', 'Production traffic'], ['Restricted', 'gx_rk_', 'Tools that need less access']] },
  { h2: 'Rotating keys' },
  { p: 'Roll a key from the dashboard when someone leaves your team or when a key may have leaked. You can keep the old key working for up to 72 hours while you deploy the new one; every request with the old key then returns 401 with the code api_key_expired.' },
  { h2: 'OAuth 2.0 for platforms' },
  { p: 'Platforms that create shipments for their own customers use the authorization code flow. Redirect the merchant to connect.globex.com/oauth/authorize with your client_id and the scopes you need; Globex redirects back with a code that you exchange for an access token and a refresh token.' },
  { code: 'POST /oauth/token\ngrant_type=authorization_code\n&code=ac_9f3K2…\n&client_id=ca_Fh27…\n&client_secret=sk_…', lang: 'text' },
  { p: 'Access tokens expire after one hour. Refresh tokens do not expire but are revoked when the merchant disconnects your app. Store them encrypted.' },
  { note: 'Reviewer note (Tomasz, Globex): please add a sentence on PKCE for mobile apps, and link to the scopes table.' },
  { h2: 'Errors' },
  { p: 'Authentication failures return 401 with a machine-readable code: missing_api_key, invalid_api_key, api_key_expired or insufficient_scope. The message is meant for developers, not for end users.' },
];

const SHIPMENT_CODE = `curl https://api.globex.com/v2/shipments \\
  -u gx_test_51HqLyjWDarjtT1zdp7dc: \\
  -d from[postcode]=10115 \\
  -d to[postcode]=75002 \\
  -d "parcels[0][weight]=1200"

{
  "id": "shp_1OaZ8k2eZvKYlo2C",
  "object": "shipment",
  "status": "label_created",
  "service": "globex_express",
  "price": { "amount": 1490, "currency": "eur" },
  "label_url": "https://files.globex.com/l/shp_1OaZ8k.pdf",
  "created": 1717171717
}`;

const writerWeb = (page: Page): AppDef => ({
  title: `${page.tabTitle} - Google Chrome`,
  appName: 'Google Chrome',
  build: browser({ page, tabs: [['Globex Docs — Preview', ['#6d28d9', 'G']], ['Inbox - priya.nair.writes', ['#ea4335', 'M']]], active: 0, bookmarks: ['Globex API', 'Docs preview', 'Style guide', 'Grammarly', 'workdiary'], profile: [PEOPLE.writer, '#188038'] }),
});

const WRITER_APPS: Record<string, AppDef> = {
  'word-quickstart': { title: 'Quickstart guide - Word', appName: 'Word', build: word({ doc: 'Quickstart guide', blocks: QUICKSTART, words: 1284 }) },
  'word-auth': { title: 'Authentication chapter v2 - Word', appName: 'Word', build: word({ doc: 'Authentication chapter v2', blocks: AUTH_DOC, words: 2047 }) },
  'md-webhooks': writerMd('docs/webhooks.md'),
  'md-changelog': writerMd('docs/changelog.md'),
  'web-apiref': writerWeb(
    apiRefPage({
      brand: 'Globex',
      accent: '#6d28d9',
      url: 'docs.globex.com/api/shipments/create',
      title: 'Create a shipment',
      nav: ['#Core resources', 'Account', 'Shipments', 'Parcels', 'Rates', 'Labels', 'Tracking events', '#Webhooks', 'Webhook endpoints', 'Events', '#Guides', 'Authentication', 'Errors', 'Idempotency', 'Pagination', 'Versioning'],
      active: 'Shipments',
      sections: [
        {
          title: 'Create a shipment',
          codeTitle: 'POST /v2/shipments',
          code: SHIPMENT_CODE,
          blocks: [
            { p: 'Creates a shipment and buys its label from the cheapest carrier that meets the requested service level. The shipment is returned with status label_created.' },
            { h3: 'Parameters' },
            { table: [['Name', 'Type', 'Description'], ['`from`', 'address', 'Sender. Required.'], ['`to`', 'address', 'Recipient. Required.'], ['`parcels`', 'array', 'One or more parcels.'], ['`service`', 'string', 'express, standard, economy'], ['`reference`', 'string', 'Your order number.']] },
            { h3: 'Returns' },
            { p: 'The shipment object if the call succeeded. Returns an error if an address cannot be validated or no carrier serves the route.' },
          ],
        },
        {
          title: 'Retrieve a shipment',
          codeTitle: 'GET /v2/shipments/:id',
          code: 'curl https://api.globex.com/v2/shipments/shp_1OaZ8k2eZvKYlo2C \\\n  -u gx_test_51HqLyjWDarjtT1zdp7dc:\n\n{\n  "id": "shp_1OaZ8k2eZvKYlo2C",\n  "status": "in_transit",\n  "events": [ … ]\n}',
          blocks: [
            { p: 'Retrieves the details of a shipment, including its tracking events in chronological order.' },
            { h3: 'Parameters' },
            { p: 'No parameters.' },
            { h3: 'Returns' },
            { p: 'The shipment object, or 404 if no shipment with this id exists in your account.' },
          ],
        },
        {
          title: 'Reroute a shipment',
          codeTitle: 'POST /v2/shipments/:id/reroute',
          code: 'curl https://api.globex.com/v2/shipments/shp_1OaZ8k2eZvKYlo2C/reroute \\\n  -u gx_test_51HqLyjWDarjtT1zdp7dc: \\\n  -d to[postcode]=75011',
          blocks: [{ p: 'New in 2.4. Redirects a parcel that is in transit to a new address in the same country. Fees apply and are returned in the price object.' }],
        },
      ],
    }),
  ),
  'web-oauth': writerWeb(
    wikiPage({
      title: 'OAuth',
      figure: 'key',
      lead: 'OAuth ("Open Authorization") is an open standard for access delegation, commonly used as a way for internet users to grant websites or applications access to their information on other websites but without giving them the passwords. This mechanism is used by companies such as Amazon, Google, Meta Platforms, Microsoft, and Twitter to permit users to share information about their accounts with third-party applications or websites.',
      sections: [
        { h2: 'History' },
        { p: 'OAuth began in November 2006 when Blaine Cook was developing the Twitter OpenID implementation. The OAuth 1.0 protocol was published as RFC 5849 in April 2010, and OAuth 2.0, which is not backwards compatible, was published as RFC 6749 in October 2012.' },
        { h2: 'OAuth 2.0' },
        { p: 'OAuth 2.0 provides specific authorization flows for web applications, desktop applications, mobile phones, and smart devices. The authorization code grant, used with PKCE, is recommended for almost all clients.' },
        { h3: 'PKCE' },
        { p: 'Proof Key for Code Exchange (RFC 7636) protects public clients, such as mobile apps, against authorization code interception. The client sends a hash of a random secret with the authorization request and the secret itself when it exchanges the code.' },
        { h2: 'Security issues' },
        { p: 'Access tokens are bearer tokens: anyone who holds one can use it. They should be short-lived, sent only over TLS, and never logged. Refresh tokens must be stored securely by the client.' },
      ],
    }),
  ),
  'web-mail': writerWeb(
    mailPage({
      account: 'priya.nair.writes@gmail.com',
      mails: [
        { from: 'Tomasz (Globex)', subject: 'Review: Authentication chapter', snippet: 'Hi Priya, left comments in the doc. Mostly small; please add PKCE and link the scopes table.', when: '11:20 AM', unread: true, starred: true },
        { from: 'Greg Client', subject: 'Changelog 2.4 — release date', snippet: 'We ship 2.4 on the 14th. Can the changelog be ready for review by Wednesday?', when: '9:02 AM', unread: true },
        { from: 'GitHub', subject: '[globex/globex-docs] PR #88: Webhooks reference', snippet: 'greg-globex requested changes: "Retries table should list the exact schedule."', when: 'Yesterday', unread: true },
        { from: 'workdiary', subject: 'Weekly summary: Globex Inc.', snippet: 'You logged 22:40 hrs last week on "API documentation".', when: 'Mon' },
        { from: 'Grammarly', subject: 'Your weekly writing update', snippet: 'You were more productive than 94% of Grammarly users. 18,204 words checked.', when: 'Mon' },
        { from: 'Tomasz (Globex)', subject: 'Sandbox keys for the docs', snippet: 'Here is a test key you can paste into the examples. It only works in test mode.', when: 'Fri' },
        { from: 'Write the Docs', subject: 'Newsletter: docs-as-code in 2024', snippet: 'This month: versioning strategies, screenshots that do not go stale, and a job board.', when: 'Thu' },
        { from: 'Greg Client', subject: 'Welcome aboard!', snippet: 'Great to have you on the docs. Access to the repo and the staging API is on its way.', when: 'Tue' },
      ],
    }),
  ),
  'term-curl': {
    title: 'Windows PowerShell',
    appName: 'Terminal',
    build: terminal({
      title: 'Windows PowerShell',
      shell: 'Windows PowerShell',
      lines: [
        'Windows PowerShell',
        'Copyright (C) Microsoft Corporation. All rights reserved.',
        '',
        'PS C:\\Users\\priya\\globex-docs> curl.exe -s https://api.globex.com/v2/account -u gx_test_51HqLyjWDarjtT1zdp7dc:',
        '{"id":"acct_1NqLy","object":"account","name":"Docs sandbox","currency":"eur","livemode":false}',
        'PS C:\\Users\\priya\\globex-docs> curl.exe -s -i https://api.globex.com/v2/account -u gx_test_wrong:',
        'HTTP/1.1 401 Unauthorized',
        'Content-Type: application/json',
        'Globex-Request-Id: req_8d2Kq0aZ',
        '',
        '{"error":{"type":"authentication_error","code":"invalid_api_key","message":"Invalid API key provided: gx_test_****ong"}}',
        'PS C:\\Users\\priya\\globex-docs> curl.exe -s https://api.globex.com/v2/shipments -u gx_test_51HqLyjWDarjtT1zdp7dc: `',
        '>>   -H "Idempotency-Key: docs-quickstart-1" -d from[postcode]=10115 -d to[postcode]=75002 -d "parcels[0][weight]=1200"',
        '{',
        '  "id": "shp_1OaZ8k2eZvKYlo2C",',
        '  "object": "shipment",',
        '  "status": "label_created",',
        '  "service": "globex_express",',
        '  "price": { "amount": 1490, "currency": "eur" },',
        '  "label_url": "https://files.globex.com/l/shp_1OaZ8k.pdf"',
        '}',
        'PS C:\\Users\\priya\\globex-docs> npm run build',
        '',
        '> globex-docs@2.4.0 build',
        '> docusaurus build',
        '',
        '[INFO] [en] Creating an optimized production build...',
        '✔ Client: Compiled successfully in 21.44s',
        '✔ Server: Compiled successfully in 14.02s',
        '[WARNING] Docs markdown link couldn\'t be resolved: (./migrating-to-v2.md) in "docs/changelog.md"',
        '[SUCCESS] Generated static files in "build".',
        'PS C:\\Users\\priya\\globex-docs> ',
      ],
    }),
  },
};

// ---------------------------------------------------------------------------------------------

export const LOCK = 'lock';

const TABLE: Record<string, { os: Os; user: string; apps: Record<string, AppDef> }> = {
  dev: { os: 'linux', user: PEOPLE.dev, apps: DEV_APPS },
  designer: { os: 'mac', user: PEOPLE.designer, apps: DESIGNER_APPS },
  writer: { os: 'windows', user: PEOPLE.writer, apps: WRITER_APPS },
};

/** Scene id: `<contract key>/<app key>`, or `<contract key>/lock`. */
export function sceneDef(id: string): SceneDef {
  const [who, app] = id.split('/') as [string, string];
  const t = TABLE[who];
  if (!t) throw new Error(`unknown scene ${id}`);
  if (app === LOCK) return { id, os: t.os, user: t.user };
  const def = t.apps[app];
  if (!def) throw new Error(`unknown scene ${id}`);
  return { id, os: t.os, app: def, user: t.user };
}

export function sceneIds(who: string): string[] {
  const t = TABLE[who];
  return t ? [...Object.keys(t.apps).map((a) => `${who}/${a}`), `${who}/${LOCK}`] : [];
}
