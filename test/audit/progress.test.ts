/** The progress line: share done, MB read, rate and ETA, fitted to the terminal's width. */
import assert from 'node:assert/strict';
import { progressLine } from '../../cli/src/audit/progress';

const MB = 1024 * 1024;

describe('audit: progress line', () => {
  it('shows share, size, rate and time left', () => {
    const line = progressLine(50 * MB, 200 * MB, 5, 100);
    assert.match(line, /^\[#+\.+\]\s+25% 50\/200 MB\s+10\.0 MB\/s\s+ETA 0:15$/);
    const bar = /^\[(#*)(\.*)\]/.exec(line)!;
    assert.equal(bar[1].length / (bar[1].length + bar[2].length), 0.25, 'a quarter of the bar filled');
  });

  it('writes hours for long runs and dashes before the rate is known', () => {
    assert.match(progressLine(MB, 20000 * MB, 1, 80), /ETA 5:33:19$/);
    assert.match(progressLine(0, 10 * MB, 0, 80), /ETA --:--$/);
  });

  it('never outgrows a narrow terminal by more than the text', () => {
    assert.ok(progressLine(MB, 2 * MB, 1, 40).length <= 60);
  });
});
