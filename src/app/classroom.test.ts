import { describe, expect, it } from 'vitest';
import { classroomParams, hiddenControls, withHiddenControls } from './classroom';

describe('classroom links', () => {
  it('reads the hidden controls', () => {
    const params = new URLSearchParams(
      'lab=gates&epochs_hide=true&code_hide=1&lr_hide=false&m1.lr=0.1',
    );
    expect([...hiddenControls(params)].sort()).toEqual(['code', 'epochs']);
  });

  it('ignores a bare suffix and values that are not true', () => {
    expect([...hiddenControls(new URLSearchParams('_hide=true&seed_hide=no'))]).toEqual([]);
  });

  it('writes exactly the chosen controls, keeping the rest of the state', () => {
    const params = new URLSearchParams('lab=gates&m1.lr=0.1&old_hide=true');
    const out = withHiddenControls(params, ['seed', 'code', 'seed']);
    expect(out.toString()).toBe('lab=gates&m1.lr=0.1&code_hide=true&seed_hide=true');
    expect([...hiddenControls(out)].sort()).toEqual(['code', 'seed']);
  });

  it('keeps the hidden controls and the language when the lab changes', () => {
    const params = new URLSearchParams('lab=gates&m1.lr=0.1&tabs_hide=true&lang=ko');
    expect(classroomParams(params)).toEqual([
      ['tabs_hide', 'true'],
      ['lang', 'ko'],
    ]);
  });
});
