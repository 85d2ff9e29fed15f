// The classes this browser has joined, kept in localStorage (per origin: each class server is its own
// origin). The student token is shown once by the server, so losing it means asking the teacher; it is
// kept until the student leaves the class. Newest first: a hand-in goes to the newest class with the exercise.
export interface Membership {
  code: string;
  className: string;
  student: string;
  token: string;
  exercises: string[];
  /** Each exercise's title as the class server named it (in the class's language). */
  titles: Record<string, string>;
  joinedAt: string;
}

const KEY = 'ec2lab:classes';

export type Store = Pick<Storage, 'getItem' | 'setItem'>;

function isMembership(value: unknown): value is Membership {
  const m = value as Partial<Membership> | null;
  return (
    typeof m === 'object' && m !== null &&
    typeof m.code === 'string' && typeof m.className === 'string' && typeof m.student === 'string' &&
    typeof m.token === 'string' && Array.isArray(m.exercises) && m.exercises.every((id) => typeof id === 'string') &&
    typeof m.titles === 'object' && m.titles !== null
  );
}

/** The saved memberships; a damaged entry is skipped rather than breaking the page. */
export function memberships(storage: Store): Membership[] {
  try {
    const saved: unknown = JSON.parse(storage.getItem(KEY) ?? '[]');
    return Array.isArray(saved) ? saved.filter(isMembership) : [];
  } catch {
    return [];
  }
}

/** Saves a membership (replacing an older one of the same class) and says whether storage took it. */
export function remember(storage: Store, membership: Membership): boolean {
  const others = memberships(storage).filter((m) => m.code !== membership.code);
  try {
    storage.setItem(KEY, JSON.stringify([membership, ...others]));
    return true;
  } catch {
    return false;
  }
}

export function forget(storage: Store, code: string): void {
  try {
    storage.setItem(KEY, JSON.stringify(memberships(storage).filter((m) => m.code !== code)));
  } catch {
    // Storage refused: nothing more the page can do, and nothing is lost by trying.
  }
}

/** The class an exercise is handed in to: the newest joined class that includes it. */
export function membershipFor(storage: Store, exercise: string): Membership | undefined {
  return memberships(storage).find((m) => m.exercises.includes(exercise));
}
