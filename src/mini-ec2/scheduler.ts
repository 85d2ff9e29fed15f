/**
 * The queue of timed state changes (instance pending -> running, image pending -> available...), a
 * binary min-heap ordered by time, then by the order in which the changes were scheduled. Entries are
 * never removed early: a record that changed its plan carries a new order number, and a popped entry
 * whose order no longer matches its record is simply skipped. That keeps scheduling O(log n) and lets
 * transitions apply lazily, only when someone looks at the clock.
 */
export interface ScheduledChange {
  at: number;
  order: number;
  kind: 'instance' | 'image';
  region: string;
  id: string;
}

const before = (a: ScheduledChange, b: ScheduledChange) => a.at < b.at || (a.at === b.at && a.order < b.order);

export class ChangeQueue {
  private heap: ScheduledChange[] = [];

  get size(): number {
    return this.heap.length;
  }

  push(entry: ScheduledChange): void {
    const h = this.heap;
    h.push(entry);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(h[i], h[parent])) break;
      const t = h[i];
      h[i] = h[parent];
      h[parent] = t;
      i = parent;
    }
  }

  peek(): ScheduledChange | undefined {
    return this.heap[0];
  }

  pop(): ScheduledChange | undefined {
    const h = this.heap;
    if (h.length === 0) return undefined;
    const top = h[0];
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l], h[m])) m = l;
        if (r < h.length && before(h[r], h[m])) m = r;
        if (m === i) break;
        const t = h[i];
        h[i] = h[m];
        h[m] = t;
        i = m;
      }
    }
    return top;
  }
}
