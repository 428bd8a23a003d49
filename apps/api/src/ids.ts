/** Opaque global ids (`Node.id`): base64url of `Type:rawId`, so clients never build or parse them. */
export type NodeType = 'User' | 'Team' | 'Project' | 'ApiToken' | 'Invitation' | 'Study' | 'Trial' | 'Runner' | 'Artifact' | 'ModelEvaluation';

const nodeTypes = new Set<string>(['User', 'Team', 'Project', 'ApiToken', 'Invitation', 'Study', 'Trial', 'Runner', 'Artifact', 'ModelEvaluation']);
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function toGlobalId(type: NodeType, id: string | number): string {
  return Buffer.from(`${type}:${id}`).toString('base64url');
}

/** Decodes a global id; undefined when it is malformed. Raw ids are validated so SQL never sees junk. */
export function fromGlobalId(globalId: string): { type: NodeType; id: string } | undefined {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const type = decoded.slice(0, colon);
  const id = decoded.slice(colon + 1);
  if (!nodeTypes.has(type)) return undefined;
  const valid = type === 'Trial' ? /^\d{1,15}$/.test(id) : uuidPattern.test(id);
  return valid ? { type: type as NodeType, id } : undefined;
}

/** The raw id of a global id of the expected type, or undefined. */
export function rawId(globalId: string, type: NodeType): string | undefined {
  const decoded = fromGlobalId(globalId);
  return decoded?.type === type ? decoded.id : undefined;
}

export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}
