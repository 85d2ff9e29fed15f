// The components a lesson's MDX imports (see content/lessons/AUTHORING.md).
export { default as Term } from './Term.astro';
export { default as KnowledgeCheck } from './KnowledgeCheck.astro';
export { default as LaunchWays } from './LaunchWays.astro';
export { default as LaunchWay } from './LaunchWay.astro';
