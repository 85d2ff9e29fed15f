// The small pieces of state the class pages keep: class codes as typed, the classes this browser joined
// (localStorage), the teacher's token from the dashboard link, and how long the page waits for a grade.
import { describe, expect, it } from 'vitest';
import { codeFromPath, isClassCode, normalizeCode } from '../../src/classroom/class-code.ts';
import { pollDelays, waitForGrade } from '../../src/classroom/grade-wait.ts';
import type { HandIn } from '../../src/classroom/class-api.ts';
import { forget, type Membership, memberships, membershipFor, remember } from '../../src/classroom/student-store.ts';
import { teacherToken, tokenFromFragment } from '../../src/classroom/teacher-token.ts';

function memoryStorage(): Storage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get length() { return data.size; },
    clear: () => data.clear(),
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const member = (code: string, exercises: string[]): Membership => ({
  code, className: `Class ${code}`, student: 'Ana', token: `token-${code}`, exercises, titles: {}, joinedAt: '2026-05-01T10:00:00Z',
});

describe('class codes', () => {
  it('accept what people type and read the code from a dashboard address', () => {
    expect(normalizeCode(' ab3-k7q ')).toBe('AB3K7Q');
    expect(normalizeCode('ab3 k7q')).toBe('AB3K7Q');
    expect(isClassCode('AB3K7Q')).toBe(true);
    expect(isClassCode('AB3K7')).toBe(false);
    expect(isClassCode('AB3K70')).toBe(false); // 0 and 1 are never drawn
    expect(codeFromPath('/es/class/AB3K7Q/')).toBe('AB3K7Q');
    expect(codeFromPath('/course/pt-br/class/ab3k7q')).toBe('AB3K7Q');
    expect(codeFromPath('/en/class/')).toBeUndefined();
  });
});

describe('joined classes in localStorage', () => {
  it('keeps the newest first, hands an exercise in to the newest class that has it, and forgets on leaving', () => {
    const storage = memoryStorage();
    expect(remember(storage, member('AAAAAA', ['launch']))).toBe(true);
    expect(remember(storage, member('BBBBBB', ['launch', 'create-image']))).toBe(true);
    expect(membershipFor(storage, 'launch')?.code).toBe('BBBBBB');
    expect(membershipFor(storage, 'find-ami')).toBeUndefined();
    remember(storage, { ...member('AAAAAA', ['launch']), student: 'Ana B.' }); // joining again replaces
    expect(memberships(storage).map((m) => `${m.code} ${m.student}`)).toEqual(['AAAAAA Ana B.', 'BBBBBB Ana']);
    forget(storage, 'AAAAAA');
    expect(memberships(storage).map((m) => m.code)).toEqual(['BBBBBB']);
  });

  it('skips damaged entries and says when storage refuses', () => {
    const storage = memoryStorage();
    storage.setItem('ec2lab:classes', JSON.stringify([{ code: 'X' }, member('CCCCCC', ['launch'])]));
    expect(memberships(storage).map((m) => m.code)).toEqual(['CCCCCC']);
    storage.setItem('ec2lab:classes', '{not json');
    expect(memberships(storage)).toEqual([]);
    const full = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(remember(full, member('DDDDDD', []))).toBe(false);
  });
});

describe('the teacher token', () => {
  it('comes from #teacher=..., is kept for the tab, and is found again without the fragment', () => {
    expect(tokenFromFragment('#teacher=t%2Bk')).toBe('t+k');
    expect(tokenFromFragment('#other=1')).toBeUndefined();
    const session = memoryStorage();
    expect(teacherToken('AB3K7Q', '#teacher=secret', session)).toBe('secret');
    expect(teacherToken('AB3K7Q', '', session)).toBe('secret');
    expect(teacherToken('ZZZZZZ', '', session)).toBeUndefined();
  });
});

describe('waiting for a grade', () => {
  it('asks less and less often, up to every 5 s, for about ten minutes', () => {
    const delays = pollDelays();
    expect(delays.slice(0, 3)).toEqual([500, 750, 1125]);
    expect(Math.max(...delays)).toBe(5000);
    const total = delays.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(600_000);
    expect(total).toBeLessThan(610_000);
  });

  it('stops at graded or failed, and gives up after the last delay', async () => {
    const answers: HandIn['status'][] = ['queued', 'grading', 'graded'];
    const slept: number[] = [];
    const ask = () => Promise.resolve({ id: 'h', student: 'Ana', exercise: 'launch', handedInAt: '', status: answers.shift() ?? 'grading' } satisfies HandIn);
    const sleep = (ms: number) => (slept.push(ms), Promise.resolve());
    await expect(waitForGrade(ask, sleep, [1, 2, 3, 4])).resolves.toMatchObject({ status: 'graded' });
    expect(slept).toEqual([1, 2, 3]);
    await expect(waitForGrade(() => Promise.resolve({ id: 'h', student: 'Ana', exercise: 'launch', handedInAt: '', status: 'queued' }), sleep, [1, 1])).resolves.toBeUndefined();
  });
});
