import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  isCompositeType,
  isListType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { LIMITS, LIST_MAX } from '../limits.ts';

/**
 * The cost of an operation with its real arguments, computed after the variables are coerced: GraphQL Armor's
 * cost rule runs during validation, where `trials(first: $n)` has no value, so a variable slipped past a limit
 * that the same literal met. Run by both transports (pipeline/operation.ts) before any resolver.
 *
 * The model counts what the response can hold: a field costs 1, plus its selection times the list's size.
 * Sizes come from the arguments: `trials(first)` sizes its connection's `edges` and `nodes`; `metrics` is
 * one series per key (ASSUMED_METRIC_KEYS when `keys` is null) of `maxPoints` points, a point weighing
 * 1/POINTS_PER_UNIT (points are the bulk of a response but cheap to produce: one row, a few bytes each; so
 * is a `bestSoFar(maxPoints)` point); `trialColumns(from, to)` is one entry per trial number and column, a tenth
 * of a unit each; a plain list with `first` (`recentStudies`) is `first` long;
 * `nodes(ids)` is one per id; so is every plain list with `first` (a team's projects and runners, a project's
 * studies, a study's children and best trials), whose default the schema gives. Lists without a size argument
 * (a viewer's teams, a team's members) count ASSUMED_LIST_SIZE. A study's analyses (`parameterImportance`, `refinementPreview`) add STUDY_ANALYSIS_COST each,
 * its scans (`objectiveValues`, `bestSoFar`) STUDY_SCAN_COST; an Optuna import (`studyImportOptuna`) IMPORT_COST.
 * Fragments are costed once per name and size, so a fragment bomb costs its true (astronomical) amount in linear time.
 */
export const ASSUMED_LIST_SIZE = 10;
export const ASSUMED_METRIC_KEYS = 20;
export const POINTS_PER_UNIT = 100;
/** Trials of one `Study.trialColumns` column per unit of cost (a column entry is a scalar of one row). */
export const COLUMNS_PER_UNIT = 10;
/**
 * A field that loads a study's whole history into the API and computes over it (PED-ANOVA importance, the
 * refinement's proposal): its response is a few numbers, but its work grows with the study. Measured on a loaded
 * machine: about 0.8 s each on a study of 20,000 trials, so 30 aliases of `compareStudies` (10 ids) asking for it
 * were minutes of one process's time. At 500, one operation runs at most 20 of them, and the compare page's 10
 * studies with their importance still fit the default limit.
 */
export const STUDY_ANALYSIS_COST = 500;
/**
 * A field answered by one statement over all of a study's complete trials (a window over them, whatever
 * `maxPoints` keeps): cheap beside an analysis, but not the one unit of a stored scalar.
 */
export const STUDY_SCAN_COST = 50;
/**
 * A mutation that reads an uploaded storage and writes a whole study (`studyImportOptuna`: up to 1 MiB of SQLite
 * parsed by a child process, then every trial inserted). Aliases of it with one file variable ran the import once
 * per alias, one after another; at 4,000 an operation holds two of them at most.
 */
export const IMPORT_COST = 4_000;
/** The work a field does beyond its response, by `Type.field`. */
const FIELD_WORK = new Map<string, number>([
  ['Study.parameterImportance', STUDY_ANALYSIS_COST],
  ['Study.refinementPreview', STUDY_ANALYSIS_COST],
  ['Study.objectiveValues', STUDY_SCAN_COST],
  ['Study.bestSoFar', STUDY_SCAN_COST],
  // The Pareto front is computed over every complete trial of the study.
  ['Study.bestTrials', STUDY_SCAN_COST],
  ['Mutation.studyImportOptuna', IMPORT_COST],
]);
/** Curve points of one `Study.exportJsonl` page at most (resolvers/export.ts EXPORT_LIMITS.points). */
const EXPORT_POINTS = 100_000;
/**
 * Export points per unit of cost: a page's points are priced at 4,000, four times a `metrics` point, so two full
 * pages fit the default limit of 10,000 and three do not. Each exported point is a row read, a JSON array written
 * and sent; at 100 a unit (the `metrics` price) eight aliased pages fitted, and on a 120-trial study they held
 * the API for 5 s (7 MB answered).
 */
export const EXPORT_POINTS_PER_UNIT = 25;

/** A list size handed from a field to its selection: a connection's page, a series' points. */
interface Sizes {
  page?: number;
  points?: number;
}

export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  inputs: Record<string, unknown> | null | undefined,
): number {
  const operation = getOperationAST(document, operationName);
  if (!operation) return 0;
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], inputs ?? {}, { maxErrors: 1 });
  // Variables that do not coerce fail the operation before execution; nothing of it runs.
  if (coerced.errors) return 0;
  const variables = coerced.coerced;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const memo = new Map<string, number>();
  // A spread of a fragment being costed (a cycle; validation refuses it) counts nothing more.
  const visiting = new Set<string>();

  function selectionCost(type: GraphQLCompositeType, selectionSet: SelectionSetNode, sizes: Sizes): number {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        total += fieldCost(type, selection, sizes);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        if (condition && isCompositeType(condition)) total += selectionCost(condition, selection.selectionSet, sizes);
      } else {
        const name = selection.name.value;
        const key = `${name}|${sizes.page ?? ''}|${sizes.points ?? ''}`;
        const known = memo.get(key);
        if (known !== undefined) {
          total += known;
          continue;
        }
        const fragment = fragments.get(name);
        const condition = fragment && schema.getType(fragment.typeCondition.name.value);
        if (!fragment || !condition || !isCompositeType(condition) || visiting.has(name)) continue;
        visiting.add(name);
        const cost = selectionCost(condition, fragment.selectionSet, sizes);
        visiting.delete(name);
        memo.set(key, cost);
        total += cost;
      }
    }
    return total;
  }

  function argumentsOf(field: GraphQLField<unknown, unknown>, node: FieldNode): Record<string, unknown> {
    try {
      return getArgumentValues(field, node, variables);
    } catch {
      // An argument that does not coerce fails the field before its resolver; cost it with defaults.
      return {};
    }
  }

  function fieldCost(parent: GraphQLCompositeType, node: FieldNode, sizes: Sizes): number {
    const name = node.name.value;
    // The type's name, known without a resolver: free. GraphQL clients (the dashboard's urql) add it to every
    // selection, so counting it made the same page cost more from the browser than from the server.
    if (name === '__typename') return 0;
    const work = FIELD_WORK.get(`${parent.name}.${name}`) ?? 0;
    return work + responseCost(parent, node, sizes);
  }

  function responseCost(parent: GraphQLCompositeType, node: FieldNode, sizes: Sizes): number {
    // A union has no fields of its own (only `__typename`).
    const field: GraphQLField<unknown, unknown> | undefined = 'getFields' in parent ? parent.getFields()[node.name.value] : undefined;
    if (field && node.name.value === 'trialColumns') {
      // A range of trial numbers as columns: each trial a few scalars, priced like a tenth of a trial node.
      const args = argumentsOf(field, node);
      const width = typeof args.from === 'number' && typeof args.to === 'number' ? Math.max(args.to - args.from, 0) : 0;
      // Every column at least (a fragment spread is one selection), more with aliases.
      const columns = Math.max(node.selectionSet?.selections.length ?? 0, 8);
      return 1 + (width / COLUMNS_PER_UNIT) * columns;
    }
    if (field && node.name.value === 'objectiveValues') {
      // A list of numbers, as many as `maxPoints` (default 1,000): priced like points of a series.
      const args = argumentsOf(field, node);
      return 1 + (typeof args.maxPoints === 'number' ? Math.max(args.maxPoints, 0) : 1_000) / POINTS_PER_UNIT;
    }
    if (!field || !node.selectionSet) return 1;
    const type = getNamedType(field.type);
    if (!isCompositeType(type)) return 1;
    const args = argumentsOf(field, node);
    const name = node.name.value;
    const childSizes: Sizes = {};
    let size = isListType(getNullableType(field.type)) ? ASSUMED_LIST_SIZE : 1;
    // A connection's `first` (a study's `trials`, `searchStudies`, `searchTrials`) sizes its edges and nodes.
    const connection = name === 'trials' || type.name.endsWith('Connection');
    if (connection && typeof args.first === 'number') {
      childSizes.page = Math.max(args.first, 0);
    } else if (connection && args.first === null) {
      // `first: null` outright: the resolvers then take the argument's schema default (`trials`: 50).
      const fallback = field.args.find((a) => a.name === 'first')?.defaultValue;
      if (typeof fallback === 'number') childSizes.page = fallback;
    } else if ((name === 'edges' || name === 'nodes') && sizes.page !== undefined && parent.name.endsWith('Connection')) {
      size = sizes.page;
    } else if (Array.isArray(args.ids)) {
      // `nodes(ids)`, `compareTrials(ids)`, `compareStudies(ids)`: one per id.
      size = args.ids.length;
    } else if (name === 'metrics') {
      size = Array.isArray(args.keys) ? args.keys.length : ASSUMED_METRIC_KEYS;
      childSizes.points = typeof args.maxPoints === 'number' ? Math.max(args.maxPoints, 0) : 0;
    } else if (name === 'points' && sizes.points !== undefined) {
      size = sizes.points / POINTS_PER_UNIT;
    } else if (name === 'exportJsonl') {
      // One page, whatever its selection (`lines`, `endCursor`, `hasNextPage`), holding `first` lines and at most
      // EXPORT_LIMITS.points points: the page's work is added once, not multiplied by the fields selected.
      const work = (typeof args.first === 'number' ? Math.max(args.first, 0) : 100) + EXPORT_POINTS / EXPORT_POINTS_PER_UNIT;
      return 1 + work + selectionCost(type, node.selectionSet, childSizes);
    } else if (name === 'bestSoFar') {
      size = (typeof args.maxPoints === 'number' ? Math.max(args.maxPoints, 0) : 0) / POINTS_PER_UNIT;
    } else if (size === ASSUMED_LIST_SIZE && typeof args.first === 'number') {
      // A plain list with a size (`viewer.recentStudies(first:)`) is as long as it says.
      size = Math.max(args.first, 0);
    } else if (size === ASSUMED_LIST_SIZE && args.first === null && field.args.some((a) => a.name === 'first')) {
      // `first: null` given outright (no schema default applies): the resolvers then take the most a list may hold.
      size = LIST_MAX.default;
    }
    return 1 + size * selectionCost(type, node.selectionSet, childSizes);
  }

  return selectionCost(root, operation.selectionSet, {});
}

/**
 * Refuses an operation costing more than `maxCost`, before any of it runs. A subscription's selection runs again
 * for every event, which neither the caller's fair share nor anything else charges (events come at the pace of
 * the study's runners, which another caller may be), so it is held to LIMITS.maxSubscriptionCost.
 */
export function assertAffordable(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  maxCost: number,
): void {
  const cost = operationCost(schema, document, operationName, variables);
  if (getOperationAST(document, operationName)?.operation === 'subscription') {
    const limit = Math.min(maxCost, LIMITS.maxSubscriptionCost);
    if (cost > limit) throw tooExpensive(`Each event of this subscription costs ${formatCost(cost)}, over the limit of ${limit} for subscriptions`);
  }
  if (cost > maxCost) throw tooExpensive(`This operation costs ${formatCost(cost)}, over the limit of ${maxCost}`);
}

/** The error of an operation over a limit of work or size; `message` names the limit. */
export function tooExpensive(message: string): GraphQLError {
  return new GraphQLError(`${message}: ask for fewer or smaller pages (first, maxPoints, keys) or fewer aliases.`, {
    extensions: { code: 'QUERY_TOO_EXPENSIVE', http: { status: 400 } },
  });
}

function formatCost(cost: number): string {
  return Number.isFinite(cost) && cost < 1e15 ? String(Math.ceil(cost)) : cost.toExponential(2);
}
