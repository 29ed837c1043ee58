// Source files the demo developer and writer have open. Hand-written so they read like
// real work: a TypeScript motion planner for a robot arm, and Markdown API docs.

export const ROBOT_ARM_FILES: Record<string, string> = {
  'src/planner.ts': `import { Vec3, Pose, lerpPose } from './geometry';
import { CollisionWorld, Hit } from './collision';
import { solveIk, JointState, JOINT_LIMITS } from './kinematics';
import { logger } from './telemetry';

export interface PlanRequest {
  start: JointState;
  goal: Pose;
  /** Max Cartesian step between waypoints, in metres. */
  maxStep?: number;
  timeoutMs?: number;
}

export interface Plan {
  waypoints: JointState[];
  length: number;
  collisionsChecked: number;
}

const DEFAULT_STEP = 0.01;
const MAX_ITERATIONS = 5000;

export class PathPlanner {
  private readonly world: CollisionWorld;
  private iterations = 0;

  constructor(world: CollisionWorld) {
    this.world = world;
  }

  /**
   * Plans a collision-free path with RRT-Connect, then shortcuts it.
   * Throws PlanningError when no path is found before the timeout.
   */
  async plan(req: PlanRequest): Promise<Plan> {
    const step = req.maxStep ?? DEFAULT_STEP;
    const deadline = Date.now() + (req.timeoutMs ?? 2000);
    const goalState = solveIk(req.goal, req.start);
    if (!goalState) {
      throw new PlanningError('goal pose is unreachable');
    }

    const treeA = new Tree(req.start);
    const treeB = new Tree(goalState);
    for (this.iterations = 0; this.iterations < MAX_ITERATIONS; this.iterations++) {
      if (Date.now() > deadline) break;
      const sample = this.sampleFree();
      const reached = treeA.extend(sample, step, (a, b) => this.edgeIsFree(a, b));
      if (reached && treeB.connect(reached, step, (a, b) => this.edgeIsFree(a, b))) {
        const path = joinTrees(treeA, treeB, reached);
        const short = this.shortcut(path, 40);
        logger.info('plan.ok', { iterations: this.iterations, waypoints: short.length });
        return { waypoints: short, length: pathLength(short), collisionsChecked: this.world.checks };
      }
      [treeA.root, treeB.root] = [treeB.root, treeA.root];
    }
    throw new PlanningError(\`no path after \${this.iterations} iterations\`);
  }

  private edgeIsFree(a: JointState, b: JointState): boolean {
    const steps = Math.ceil(jointDistance(a, b) / 0.02);
    for (let i = 0; i <= steps; i++) {
      const q = interpolate(a, b, i / steps);
      const hit: Hit | null = this.world.check(q);
      if (hit) return false;
    }
    return true;
  }

  private sampleFree(): JointState {
    for (;;) {
      const q = JOINT_LIMITS.map(([lo, hi]) => lo + Math.random() * (hi - lo));
      if (!this.world.check(q)) return q;
    }
  }

  private shortcut(path: JointState[], attempts: number): JointState[] {
    let out = path.slice();
    for (let k = 0; k < attempts && out.length > 2; k++) {
      const i = Math.floor(Math.random() * (out.length - 2));
      const j = i + 2 + Math.floor(Math.random() * (out.length - i - 2));
      if (this.edgeIsFree(out[i], out[j])) {
        out = [...out.slice(0, i + 1), ...out.slice(j)];
      }
    }
    return out;
  }
}

export class PlanningError extends Error {
  readonly code = 'PLANNING_FAILED';
}

function pathLength(path: JointState[]): number {
  let total = 0;
  for (let i = 1; i < path.length; i++) total += jointDistance(path[i - 1], path[i]);
  return total;
}
`,
  'src/collision.ts': `import { Vec3, Aabb, Mesh } from './geometry';
import { forwardKinematics, JointState, LINKS } from './kinematics';

export interface Hit {
  link: string;
  obstacle: string;
  depth: number;
}

interface Obstacle {
  name: string;
  box: Aabb;
  mesh?: Mesh;
}

/** Broad phase: axis-aligned boxes in a uniform grid. Narrow phase: GJK on capsules. */
export class CollisionWorld {
  checks = 0;
  private readonly obstacles: Obstacle[] = [];
  private readonly grid = new Map<string, Obstacle[]>();
  private readonly cell = 0.25;

  add(name: string, box: Aabb, mesh?: Mesh): void {
    const o = { name, box, mesh };
    this.obstacles.push(o);
    for (const key of this.cellsOf(box)) {
      const list = this.grid.get(key) ?? [];
      list.push(o);
      this.grid.set(key, list);
    }
  }

  check(q: JointState): Hit | null {
    this.checks++;
    const frames = forwardKinematics(q);
    for (const link of LINKS) {
      const capsule = link.capsule(frames);
      const seen = new Set<Obstacle>();
      for (const key of this.cellsOf(capsule.bounds())) {
        for (const o of this.grid.get(key) ?? []) {
          if (seen.has(o)) continue;
          seen.add(o);
          if (!o.box.overlaps(capsule.bounds())) continue;
          const depth = o.mesh ? gjkDepth(capsule, o.mesh) : capsule.depthInBox(o.box);
          if (depth > SAFETY_MARGIN) {
            return { link: link.name, obstacle: o.name, depth };
          }
        }
      }
    }
    // Self-collision: non-adjacent links only
    for (const [a, b] of SELF_PAIRS) {
      const d = LINKS[a].capsule(frames).distanceTo(LINKS[b].capsule(frames));
      if (d < SAFETY_MARGIN) return { link: LINKS[a].name, obstacle: LINKS[b].name, depth: -d };
    }
    return null;
  }

  private *cellsOf(box: Aabb): Iterable<string> {
    const lo = box.min.scale(1 / this.cell).floor();
    const hi = box.max.scale(1 / this.cell).floor();
    for (let x = lo.x; x <= hi.x; x++)
      for (let y = lo.y; y <= hi.y; y++)
        for (let z = lo.z; z <= hi.z; z++) yield \`\${x},\${y},\${z}\`;
  }
}

/** Keep 5 mm between the arm and anything else. */
export const SAFETY_MARGIN = 0.005;

const SELF_PAIRS: [number, number][] = [
  [0, 2], [0, 3], [0, 4], [1, 3], [1, 4], [2, 4],
];

function gjkDepth(capsule: Capsule, mesh: Mesh): number {
  const simplex: Vec3[] = [];
  let dir = mesh.center.sub(capsule.center);
  for (let i = 0; i < 32; i++) {
    const p = support(capsule, mesh, dir);
    if (p.dot(dir) < 0) return 0; // separated
    simplex.push(p);
    if (containsOrigin(simplex, (d) => (dir = d))) return epaDepth(simplex, capsule, mesh);
  }
  return 0;
}
`,
  'src/kinematics.ts': `import { Mat4, Vec3, Pose, Quat } from './geometry';

/** Six revolute joints, radians. */
export type JointState = number[];

/** Denavit–Hartenberg parameters of the Acme R6 arm (metres, radians). */
export const DH = [
  { a: 0.0, alpha: Math.PI / 2, d: 0.1625 },
  { a: -0.425, alpha: 0, d: 0 },
  { a: -0.3922, alpha: 0, d: 0 },
  { a: 0, alpha: Math.PI / 2, d: 0.1333 },
  { a: 0, alpha: -Math.PI / 2, d: 0.0997 },
  { a: 0, alpha: 0, d: 0.0996 },
] as const;

export const JOINT_LIMITS: [number, number][] = [
  [-2 * Math.PI, 2 * Math.PI],
  [-Math.PI, 0.1],
  [-2.8, 2.8],
  [-2 * Math.PI, 2 * Math.PI],
  [-2 * Math.PI, 2 * Math.PI],
  [-2 * Math.PI, 2 * Math.PI],
];

export function forwardKinematics(q: JointState): Mat4[] {
  const frames: Mat4[] = [Mat4.identity()];
  let t = Mat4.identity();
  DH.forEach(({ a, alpha, d }, i) => {
    t = t.mul(Mat4.dh(a, alpha, d, q[i]));
    frames.push(t);
  });
  return frames;
}

/**
 * Damped least squares IK. Starts from \`seed\` so consecutive
 * waypoints stay on the same branch of the solution.
 */
export function solveIk(target: Pose, seed: JointState, iterations = 200): JointState | null {
  let q = seed.slice();
  const lambda = 0.05;
  for (let i = 0; i < iterations; i++) {
    const tip = forwardKinematics(q)[6];
    const err = poseError(tip, target);
    if (err.norm() < 1e-4) return clampToLimits(q);
    const J = jacobian(q);
    const Jt = J.transpose();
    const damped = J.mul(Jt).add(Mat4.identity().scale(lambda * lambda));
    const dq = Jt.mul(damped.inverse()).apply(err);
    q = q.map((v, k) => v + dq[k]);
  }
  return null;
}

function clampToLimits(q: JointState): JointState | null {
  for (let i = 0; i < q.length; i++) {
    const [lo, hi] = JOINT_LIMITS[i];
    // Wrap continuous joints back into range before giving up
    let v = q[i];
    while (v > hi) v -= 2 * Math.PI;
    while (v < lo) v += 2 * Math.PI;
    if (v < lo || v > hi) return null;
    q[i] = v;
  }
  return q;
}

export function jacobian(q: JointState): Mat6 {
  const frames = forwardKinematics(q);
  const tip = frames[6].position();
  const cols = frames.slice(0, 6).map((f) => {
    const z = f.axisZ();
    const p = f.position();
    return [...z.cross(tip.sub(p)).toArray(), ...z.toArray()];
  });
  return Mat6.fromColumns(cols);
}

export const LINKS = DH.map((_, i) => ({
  name: \`link\${i + 1}\`,
  capsule: (frames: Mat4[]) => Capsule.between(frames[i].position(), frames[i + 1].position(), 0.06),
}));
`,
  'src/controller.ts': `import { EventEmitter } from 'node:events';
import { PathPlanner, Plan } from './planner';
import { JointState } from './kinematics';
import { Trajectory, timeParameterize } from './trajectory';
import { logger, metrics } from './telemetry';

type ControllerState = 'idle' | 'planning' | 'moving' | 'stopped' | 'fault';

export interface ArmDriver {
  readJoints(): Promise<JointState>;
  streamSetpoint(q: JointState, t: number): Promise<void>;
  brake(): Promise<void>;
}

export class ArmController extends EventEmitter {
  private state: ControllerState = 'idle';
  private current?: Trajectory;
  private tick?: NodeJS.Timeout;

  constructor(
    private readonly driver: ArmDriver,
    private readonly planner: PathPlanner,
    private readonly rateHz = 500,
  ) {
    super();
  }

  async moveTo(goal: Pose): Promise<void> {
    if (this.state === 'stopped' || this.state === 'fault') {
      throw new Error(\`cannot move while \${this.state}\`);
    }
    this.setState('planning');
    const start = await this.driver.readJoints();
    const plan: Plan = await this.planner.plan({ start, goal });
    this.current = timeParameterize(plan.waypoints, { maxVel: 1.2, maxAcc: 3.0 });
    metrics.histogram('plan.length', plan.length);
    await this.execute(this.current);
  }

  /** E-stop: brake first, then tell everyone. Never awaits the network. */
  async emergencyStop(reason: string): Promise<void> {
    clearInterval(this.tick);
    await this.driver.brake();
    this.setState('stopped');
    logger.warn('estop', { reason });
  }

  private execute(traj: Trajectory): Promise<void> {
    this.setState('moving');
    const t0 = performance.now();
    return new Promise((resolve, reject) => {
      this.tick = setInterval(async () => {
        const t = (performance.now() - t0) / 1000;
        if (t >= traj.duration) {
          clearInterval(this.tick);
          this.setState('idle');
          return resolve();
        }
        try {
          await this.driver.streamSetpoint(traj.sample(t), t);
        } catch (err) {
          clearInterval(this.tick);
          this.setState('fault');
          reject(err);
        }
      }, 1000 / this.rateHz);
    });
  }

  private setState(next: ControllerState): void {
    const prev = this.state;
    this.state = next;
    this.emit('state', { prev, next, at: Date.now() });
  }
}
`,
  'src/telemetry.ts': `import { WebSocketServer, WebSocket } from 'ws';
import { JointState } from './kinematics';

export interface TelemetryFrame {
  t: number;
  joints: JointState;
  torques: number[];
  state: string;
}

const MAX_BUFFERED = 256 * 1024;

/** Streams joint telemetry to the dashboard at 50 Hz, dropping frames for slow clients. */
export class TelemetryServer {
  private readonly wss: WebSocketServer;
  private readonly clients = new Set<WebSocket>();
  private dropped = 0;

  constructor(port: number) {
    this.wss = new WebSocketServer({ port, perMessageDeflate: false });
    this.wss.on('connection', (ws, req) => {
      this.clients.add(ws);
      logger.info('telemetry.connect', { ip: req.socket.remoteAddress });
      ws.on('close', () => this.clients.delete(ws));
      ws.on('error', (err) => logger.warn('telemetry.error', { err: err.message }));
    });
  }

  publish(frame: TelemetryFrame): void {
    const payload = JSON.stringify(frame);
    for (const ws of this.clients) {
      if (ws.readyState !== WebSocket.OPEN) continue;
      if (ws.bufferedAmount > MAX_BUFFERED) {
        this.dropped++;
        continue; // slow client: skip this frame rather than queue
      }
      ws.send(payload);
    }
  }

  stats() {
    return { clients: this.clients.size, dropped: this.dropped };
  }

  close(): Promise<void> {
    for (const ws of this.clients) ws.terminate();
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }
}

export const logger = {
  info: (msg: string, fields: object = {}) => write('info', msg, fields),
  warn: (msg: string, fields: object = {}) => write('warn', msg, fields),
  error: (msg: string, fields: object = {}) => write('error', msg, fields),
};

function write(level: string, msg: string, fields: object) {
  process.stdout.write(JSON.stringify({ level, msg, time: new Date().toISOString(), ...fields }) + '\\n');
}

export const metrics = {
  histogram(name: string, value: number) {
    const h = histograms.get(name) ?? [];
    h.push(value);
    if (h.length > 1000) h.shift();
    histograms.set(name, h);
  },
};

const histograms = new Map<string, number[]>();
`,
  'test/planner.test.ts': `import { describe, it, expect, beforeEach } from 'vitest';
import { PathPlanner, PlanningError } from '../src/planner';
import { CollisionWorld } from '../src/collision';
import { forwardKinematics, HOME } from '../src/kinematics';
import { Aabb, Vec3, Pose } from '../src/geometry';

describe('PathPlanner', () => {
  let world: CollisionWorld;
  let planner: PathPlanner;

  beforeEach(() => {
    world = new CollisionWorld();
    world.add('table', Aabb.of(new Vec3(-1, -1, -0.05), new Vec3(1, 1, 0)));
    planner = new PathPlanner(world);
  });

  it('plans a straight move in free space', async () => {
    const goal = Pose.at(0.4, 0.2, 0.3);
    const plan = await planner.plan({ start: HOME, goal });
    expect(plan.waypoints.length).toBeGreaterThanOrEqual(2);
    expect(plan.waypoints[0]).toEqual(HOME);
  });

  it('goes around a box in the way', async () => {
    world.add('box', Aabb.of(new Vec3(0.2, -0.1, 0), new Vec3(0.3, 0.1, 0.4)));
    const plan = await planner.plan({ start: HOME, goal: Pose.at(0.45, 0, 0.2) });
    for (const q of plan.waypoints) {
      expect(world.check(q)).toBeNull();
    }
  });

  it('never leaves the joint limits', async () => {
    const plan = await planner.plan({ start: HOME, goal: Pose.at(-0.3, 0.35, 0.25) });
    for (const q of plan.waypoints) {
      q.forEach((v, i) => expect(Math.abs(v)).toBeLessThanOrEqual(2 * Math.PI));
    }
  });

  it('rejects an unreachable goal', async () => {
    await expect(planner.plan({ start: HOME, goal: Pose.at(2, 0, 0) })).rejects.toBeInstanceOf(PlanningError);
  });

  it('times out cleanly in a closed cage', async () => {
    world.add('cage', Aabb.of(new Vec3(-0.6, -0.6, 0), new Vec3(0.6, 0.6, 0.9)));
    const started = Date.now();
    await expect(planner.plan({ start: HOME, goal: Pose.at(0.5, 0, 0.2), timeoutMs: 300 })).rejects.toThrow(/no path/);
    expect(Date.now() - started).toBeLessThan(600);
  });

  it('keeps the tool above the table', async () => {
    const plan = await planner.plan({ start: HOME, goal: Pose.at(0.35, -0.25, 0.05) });
    for (const q of plan.waypoints) {
      const tip = forwardKinematics(q)[6].position();
      expect(tip.z).toBeGreaterThan(0.005);
    }
  });
});

describe('shortcutting', () => {
  it('makes paths no longer', async () => {
    const world = new CollisionWorld();
    const planner = new PathPlanner(world);
    const plan = await planner.plan({ start: HOME, goal: Pose.at(0.3, 0.3, 0.3) });
    expect(plan.length).toBeLessThan(4 * Math.PI);
  });
});
`,
};

export const GLOBEX_DOCS_FILES: Record<string, string> = {
  'docs/webhooks.md': `---
title: Webhooks
sidebar_position: 6
---

# Webhooks

Globex sends an HTTPS \`POST\` to your endpoint whenever something happens
in your account: a shipment is created, a parcel is scanned, a delivery fails.
Webhooks let you react in real time instead of polling the API.

## Registering an endpoint

Create an endpoint in the dashboard under **Settings → Webhooks**, or with the API:

\`\`\`bash
curl https://api.globex.com/v2/webhook_endpoints \\
  -u gx_live_4eC39HqLyjWDarjtT1zdp7dc: \\
  -d url="https://example.com/hooks/globex" \\
  -d "events[]=shipment.created" \\
  -d "events[]=shipment.delivered"
\`\`\`

The response contains a \`secret\` that starts with \`whsec_\`. Store it: you
need it to verify signatures, and it is shown only once.

## Event types

| Event                  | When it is sent                                  |
| ---------------------- | ------------------------------------------------ |
| \`shipment.created\`     | A shipment was created through the API or UI.    |
| \`shipment.in_transit\`  | The carrier scanned the parcel at a hub.         |
| \`shipment.delivered\`   | The parcel was delivered and signed for.         |
| \`shipment.exception\`   | Delivery failed; see \`exception.reason\`.         |
| \`invoice.finalized\`    | Your monthly invoice is ready.                   |

## Verifying signatures

Every request carries a \`Globex-Signature\` header:

\`\`\`
Globex-Signature: t=1717171717,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd
\`\`\`

Compute an HMAC-SHA256 of \`{t}.{raw body}\` with your endpoint secret and
compare it with \`v1\` in constant time. Reject requests whose timestamp is
more than five minutes old, to prevent replays.

\`\`\`js
import crypto from 'node:crypto';

export function verify(rawBody, header, secret) {
  const { t, v1 } = Object.fromEntries(header.split(',').map((p) => p.split('=')));
  const expected = crypto.createHmac('sha256', secret).update(\`\${t}.\${rawBody}\`).digest('hex');
  const fresh = Math.abs(Date.now() / 1000 - Number(t)) < 300;
  return fresh && crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(v1));
}
\`\`\`

> **Note:** use the raw request body. Frameworks that parse JSON first will
> change whitespace and the signature will not match.

## Retries

If your endpoint does not answer \`2xx\` within 10 seconds, Globex retries
with exponential backoff for up to three days: after 1 minute, 5 minutes,
30 minutes, 2 hours, and then every 6 hours. Events may arrive more than
once and out of order; use \`event.id\` to deduplicate.

## Testing locally

Use the CLI to forward events to your machine:

\`\`\`bash
globex listen --forward-to localhost:3000/hooks/globex
globex trigger shipment.delivered
\`\`\`
`,
  'docs/changelog.md': `---
title: Changelog
---

# API changelog

All notable changes to the Globex API. Versions follow the date they
were released; pin a version with the \`Globex-Version\` header.

## 2.4.0

### Added

- \`POST /v2/shipments/{id}/reroute\` to redirect a parcel that is in transit.
- Webhook event \`shipment.exception\` now includes \`exception.reason\` and
  \`exception.next_attempt_at\`.
- Idempotency keys are kept for 48 hours (was 24).
- New \`label_format\` values: \`zpl_203dpi\` and \`pdf_a6\`.

### Changed

- \`GET /v2/shipments\` returns at most 100 items per page; use \`starting_after\`
  for the next page. The old \`page\` parameter still works until 2.6.
- Rate limits are per API key instead of per account: 100 requests per second
  in live mode, 25 in test mode.

### Fixed

- Addresses with a PO box no longer fail validation in the UK and Ireland.
- \`created\` timestamps are always UTC (some were local time in 2.3.x).

## 2.3.2

### Fixed

- Webhook retries no longer stop after the first 5xx from your endpoint.
- The \`customs\` object is returned for EU-internal shipments as \`null\`
  instead of being omitted.

## 2.3.0

### Added

- Multi-parcel shipments: \`parcels[]\` on \`POST /v2/shipments\`.
- \`GET /v2/rates\` compares carriers for a route before you book.
- Test clock: \`Globex-Test-Clock\` header to simulate delivery times.

### Deprecated

- \`v1\` endpoints are read-only from 1 March and removed on 1 September.
  See the [migration guide](./migrating-to-v2.md).

## 2.2.1

### Fixed

- \`weight\` accepts grams as integers, as documented.
- Search by reference is case-insensitive.
`,
};
