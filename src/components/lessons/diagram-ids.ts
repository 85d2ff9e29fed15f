// Element ids inside inline SVGs must be unique on the page (a duplicate id breaks aria-labelledby and
// markers), so each picture gets its own suffix.
let counter = 0;

export function diagramUid(name: string): string {
  counter += 1;
  return `${name}-${counter.toString(36)}`;
}

export function arrow(uid: string): string {
  return `url(#${uid}-arrow)`;
}
