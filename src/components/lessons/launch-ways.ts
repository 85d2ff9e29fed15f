/** The four ways the course shows for launching an instance, in tab order. */
export const launchWays = ['console', 'cli', 'sdk', 'template'] as const;
export type LaunchWay = (typeof launchWays)[number];
