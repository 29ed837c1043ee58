import { describe, expect, it } from 'vitest';
import { gridMetrics } from '../grid-metrics.ts';

describe('grid metrics', () => {
  it('uses six columns on wide screens and 3 × 2 cards on phones', () => {
    const wide = gridMetrics(1232);
    expect(wide).toMatchObject({ compact: false, columns: 6 });
    const phone = gridMetrics(351);
    expect(phone).toMatchObject({ compact: true, columns: 3 });
    expect(phone.hourHeight).toBe(phone.labelHeight + 2 * phone.cardHeight + phone.gap + phone.rowGap);
  });

  it('keeps cards 16:9 plus a fixed text area, so row heights are known before render', () => {
    const m = gridMetrics(1232);
    const cell = (1232 - m.labelWidth - 6 * m.gap) / 6;
    expect(m.cardHeight).toBe(Math.ceil((cell * 9) / 16 + m.bodyHeight + 2));
    expect(m.hourHeight).toBe(m.cardHeight + m.rowGap);
  });
});
