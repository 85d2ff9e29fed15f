// Plain `tsc` (npm run typecheck) does not know .astro files; Astro's own checker does. This lets index.ts
// re-export the lesson components for MDX without a type error.
declare module '*.astro' {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}
