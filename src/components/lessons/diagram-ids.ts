// Element ids made by lesson components (SVG titles and markers, term tooltips) must be unique on the page (a
// duplicate id breaks aria-labelledby and markers), so each gets its own counter suffix.
let counter = 0;

export function diagramUid(name: string): string {
  counter += 1;
  return `${name}-${counter.toString(36)}`;
}

export function arrow(uid: string): string {
  return `url(#${uid}-arrow)`;
}
