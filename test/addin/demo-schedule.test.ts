// The demo's re-lint timing: a pause in typing, or at most the maximum wait while typing goes on.
import assert from 'node:assert/strict';
import { PauseOrMaxWait, type Clock } from '../../addin/src/demo/schedule';

/** A clock that moves only when told, with its timers. */
class ManualClock implements Clock {
  time = 0;
  private timers = new Map<number, { at: number; run: () => void }>();
  private next = 1;
  now(): number {
    return this.time;
  }
  set(run: () => void, ms: number): number {
    const id = this.next++;
    this.timers.set(id, { at: this.time + ms, run });
    return id;
  }
  clear(id: unknown): void {
    this.timers.delete(id as number);
  }
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].run();
    }
    this.time = end;
  }
}

describe('demo re-lint schedule', () => {
  it('runs once after a pause in typing', () => {
    const clock = new ManualClock();
    const runs: number[] = [];
    const schedule = new PauseOrMaxWait(() => runs.push(clock.now()), 120, 200, clock);
    schedule.poke();
    clock.advance(50);
    schedule.poke();
    clock.advance(1000);
    assert.deepEqual(runs, [170]);
    assert.equal(schedule.pending, false);
  });

  it('keeps running at least every maximum wait while keys come faster than the pause (12 keys a second)', () => {
    const clock = new ManualClock();
    const runs: number[] = [];
    const schedule = new PauseOrMaxWait(() => runs.push(clock.now()), 120, 200, clock);
    let lastKey = 0;
    for (let key = 0; key < 36; key++) {
      // three seconds of typing, one key every 83 ms
      lastKey = clock.now();
      schedule.poke();
      clock.advance(83);
    }
    const typingEnd = clock.now();
    clock.advance(1000);
    const during = runs.filter((t) => t < typingEnd);
    assert.ok(during.length >= 12, `only ${during.length} runs in 3 s of typing`);
    const gaps = [0, ...runs].slice(1).map((t, i) => t - [0, ...runs][i]);
    assert.ok(
      gaps.every((g) => g <= 200 + 83),
      `gaps ${gaps}`,
    );
    assert.ok(runs[runs.length - 1] > lastKey, 'the last key is always followed by a run');
  });

  it('flush runs a waiting run now; cancel drops it', () => {
    const clock = new ManualClock();
    let runs = 0;
    const schedule = new PauseOrMaxWait(() => runs++, 120, 200, clock);
    schedule.flush();
    assert.equal(runs, 0, 'nothing waiting, nothing run');
    schedule.poke();
    schedule.flush();
    assert.equal(runs, 1);
    schedule.poke();
    schedule.cancel();
    clock.advance(1000);
    assert.equal(runs, 1);
  });
});
