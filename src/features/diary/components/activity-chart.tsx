// Keyboard and mouse input per minute of a slot. Loaded lazily: recharts is large and only
// the lightbox needs it. The numbers are also in a table for screen readers.
import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

interface ActivityChartProps {
  keyboard: number[];
  mouse: number[];
  /** "09:10" … "09:19": the start of each minute in the chosen zone. */
  labels: string[];
}

const KEYBOARD = '#4f46e5';
const MOUSE = '#0ea5e9';

function ActivityChart({ keyboard, mouse, labels }: ActivityChartProps) {
  const data = labels.map((minute, i) => ({ minute, keyboard: keyboard[i] ?? 0, mouse: mouse[i] ?? 0 }));
  return (
    <div className="activity-chart">
      <div aria-hidden="true" className="activity-chart__plot">
        <ResponsiveContainer width="100%" height={168} initialDimension={{ width: 320, height: 168 }}>
          <BarChart data={data} margin={{ top: 6, right: 4, bottom: 0, left: -14 }} barGap={1} barCategoryGap="22%">
            <CartesianGrid vertical={false} stroke="#eaecf0" />
            <XAxis
              dataKey="minute"
              tickLine={false}
              axisLine={{ stroke: '#d0d5dd' }}
              tick={{ fontSize: 11, fill: '#667085' }}
              tickFormatter={(v: string) => `:${v.slice(3)}`}
              interval={0}
            />
            <YAxis allowDecimals={false} tickLine={false} axisLine={false} tick={{ fontSize: 11, fill: '#667085' }} width={44} />
            <Tooltip
              cursor={{ fill: 'rgba(16, 24, 40, 0.05)' }}
              contentStyle={{ borderRadius: 8, border: '1px solid #eaecf0', fontSize: 12, boxShadow: '0 4px 12px rgba(16,24,40,.08)' }}
              labelFormatter={(label) => `Minute ${String(label)}`}
            />
            <Legend iconType="square" iconSize={9} wrapperStyle={{ fontSize: 12, paddingTop: 4 }} />
            <Bar dataKey="keyboard" name="Keyboard" fill={KEYBOARD} radius={[2, 2, 0, 0]} isAnimationActive={false} />
            <Bar dataKey="mouse" name="Mouse" fill={MOUSE} radius={[2, 2, 0, 0]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="sr-only">
        <caption>Keyboard and mouse input per minute</caption>
        <thead>
          <tr>
            <th scope="col">Minute</th>
            <th scope="col">Keyboard</th>
            <th scope="col">Mouse</th>
          </tr>
        </thead>
        <tbody>
          {data.map((d) => (
            <tr key={d.minute}>
              <th scope="row">{d.minute}</th>
              <td>{d.keyboard}</td>
              <td>{d.mouse}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const sameNumbers = (a: readonly (number | string)[], b: readonly (number | string)[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Re-rendered only when the numbers change: recharts is the costliest part of a render, and a
 * decision on the slot (a dispute, a refetch of the same slot) must show at once.
 */
export default memo(
  ActivityChart,
  (prev, next) => sameNumbers(prev.keyboard, next.keyboard) && sameNumbers(prev.mouse, next.mouse) && sameNumbers(prev.labels, next.labels),
);
