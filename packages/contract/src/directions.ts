/** Which way an objective is better, as studies store it. */
export const directions = ['minimize', 'maximize'] as const;
export type Direction = (typeof directions)[number];

/** The GraphQL enum's spelling of a direction. */
export type WireDirection = 'MINIMIZE' | 'MAXIMIZE';

export function fromWireDirection(direction: WireDirection): Direction {
  return direction === 'MAXIMIZE' ? 'maximize' : 'minimize';
}

export function toWireDirection(direction: Direction): WireDirection {
  return direction === 'maximize' ? 'MAXIMIZE' : 'MINIMIZE';
}
