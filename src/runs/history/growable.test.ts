import { describe, expect, test } from 'vitest';
import { growableFloat32, growableFloat64 } from './growable';

describe('GrowableArray', () => {
  test('keeps every pushed value through many doublings', () => {
    const a = growableFloat64(1);
    for (let i = 0; i < 5000; i++) a.push(i * 1.5);
    expect(a.length).toBe(5000);
    expect(Array.from(a.view())).toEqual(Array.from({ length: 5000 }, (_, i) => i * 1.5));
  });

  test('a view does not copy and stays valid after growth; a copy is exactly sized', () => {
    const a = growableFloat32(4);
    for (let i = 0; i < 4; i++) a.push(i);
    const early = a.view();
    for (let i = 4; i < 100; i++) a.push(i);
    expect(Array.from(early)).toEqual([0, 1, 2, 3]);
    const firstTen = a.copy(10);
    expect(firstTen).toBeInstanceOf(Float32Array);
    expect(firstTen.buffer.byteLength).toBe(40);
    expect(Array.from(firstTen)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(a.copy(1000)).toHaveLength(100);
    expect(a.view(3)).toHaveLength(3);
  });
});
