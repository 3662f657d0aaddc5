import { SharedAnswers } from './shared-answers';

/** A computation the test finishes by hand, counting how often it was started. */
function gate<T>() {
  let starts = 0;
  const pending: Array<{ resolve: (value: T) => void; reject: (error: Error) => void }> = [];
  return {
    compute: () =>
      new Promise<T>((resolve, reject) => {
        starts += 1;
        pending.push({ resolve, reject });
      }),
    get starts() {
      return starts;
    },
    resolveAll: (value: T) => pending.splice(0).forEach((computation) => computation.resolve(value)),
    rejectAll: (error: Error) => pending.splice(0).forEach((computation) => computation.reject(error)),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SharedAnswers', () => {
  it('gives callers of an identical question the one computation already under way', async () => {
    const shared = new SharedAnswers<{ offered: number }>({ ttlMs: 60_000, maxEntries: 10 });
    const computation = gate<{ offered: number }>();
    const answers = Promise.all(Array.from({ length: 20 }, () => shared.get({ tenant: 'a', from: 1, to: 2 }, computation.compute)));
    await sleep(0);
    computation.resolveAll({ offered: 7 });

    expect(await answers).toEqual(Array.from({ length: 20 }, () => ({ offered: 7 })));
    expect(computation.starts).toBe(1);
  });

  it('computes separately for questions that differ in anything', async () => {
    const shared = new SharedAnswers<{ question: string }>({ ttlMs: 60_000, maxEntries: 10 });
    const questions = [{ tenant: 'a' }, { tenant: 'b' }, { tenant: 'a', queue: ['billing'] }, { tenant: 'a', queue: ['orders'] }];
    let starts = 0;
    const answers = await Promise.all(
      questions.map((question) =>
        shared.get(question, async () => {
          starts += 1;
          return { question: JSON.stringify(question) };
        }),
      ),
    );

    expect(answers.map((answer) => answer.question)).toEqual(questions.map((question) => JSON.stringify(question)));
    expect(starts).toBe(4);
  });

  it('reuses an answer within its lifetime and computes afresh after it', async () => {
    const shared = new SharedAnswers<{ version: number }>({ ttlMs: 200, maxEntries: 10 });
    let version = 0;
    const compute = async () => ({ version: ++version });

    expect(await shared.get('q', compute)).toEqual({ version: 1 });
    expect(await shared.get('q', compute)).toEqual({ version: 1 });
    await sleep(400);
    expect(await shared.get('q', compute)).toEqual({ version: 2 });
  });

  it('keeps no failure: the callers sharing it all see the error, and the next caller computes again', async () => {
    const shared = new SharedAnswers<{ ok: boolean }>({ ttlMs: 60_000, maxEntries: 10 });
    const failing = gate<{ ok: boolean }>();
    const first = shared.get('q', failing.compute);
    const second = shared.get('q', failing.compute);
    await sleep(0);
    failing.rejectAll(new Error('Code: 159. Timeout exceeded'));

    await expect(first).rejects.toThrow('Timeout exceeded');
    await expect(second).rejects.toThrow('Timeout exceeded');
    expect(failing.starts).toBe(1);
    expect(await shared.get('q', async () => ({ ok: true }))).toEqual({ ok: true });
  });

  it('with a lifetime of 0 shares nothing: every caller computes', async () => {
    const shared = new SharedAnswers<{ version: number }>({ ttlMs: 0, maxEntries: 10 });
    let version = 0;
    const compute = async () => ({ version: ++version });

    const answers = await Promise.all([shared.get('q', compute), shared.get('q', compute)]);

    expect(answers).toEqual([{ version: 1 }, { version: 2 }]);
  });

  it('after clear, computes afresh, while callers of a computation under way still get its answer', async () => {
    const shared = new SharedAnswers<{ version: number }>({ ttlMs: 60_000, maxEntries: 10 });
    const before = gate<{ version: number }>();
    const waiting = shared.get('q', before.compute);
    await sleep(0);
    shared.clear();
    before.resolveAll({ version: 1 });

    expect(await waiting).toEqual({ version: 1 });
    expect(await shared.get('q', async () => ({ version: 2 }))).toEqual({ version: 2 });
  });

  it('bounds what it keeps by size: an answer larger than the whole is passed on but not kept, and old ones make room', async () => {
    const shared = new SharedAnswers<number[]>({ ttlMs: 60_000, maxEntries: 100, sizeOf: (rows) => rows.length, maxSize: 10 });
    let starts = 0;
    const rows = (count: number) => async () => {
      starts += 1;
      return Array.from({ length: count }, (_, index) => index);
    };

    expect(await shared.get('huge', rows(11))).toHaveLength(11);
    expect(await shared.get('huge', rows(11))).toHaveLength(11);
    expect(starts).toBe(2);

    await shared.get('first', rows(6));
    await shared.get('second', rows(6));
    starts = 0;
    await shared.get('second', rows(6));
    expect(starts).toBe(0);
    await shared.get('first', rows(6));
    expect(starts).toBe(1);
  });
});
