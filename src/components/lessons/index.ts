// The components a lesson's MDX imports (see content/lessons/AUTHORING.md).
export { default as Term } from './Term.astro';
export { default as KnowledgeCheck } from './KnowledgeCheck.astro';
export { default as LaunchWays } from './LaunchWays.astro';
export { default as LaunchWay } from './LaunchWay.astro';
export { default as CakeRecipeDiagram } from './CakeRecipeDiagram.astro';
export { default as ClassObjectDiagram } from './ClassObjectDiagram.astro';
export { default as LaunchDiagram } from './LaunchDiagram.astro';
export { default as AmiChainDiagram } from './AmiChainDiagram.astro';
export { default as ManualVsAmiDiagram } from './ManualVsAmiDiagram.astro';
export { default as AmiSourcesDiagram } from './AmiSourcesDiagram.astro';
export { default as RegionIdsDiagram } from './RegionIdsDiagram.astro';
