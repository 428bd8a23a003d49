// The study page's GraphQL operations (typed by codegen into src/gql).
import { graphql } from '@/gql';

export const StudyTrialFields = graphql(`
  fragment StudyTrialFields on Trial {
    id
    number
    state
    params
    values
    durationSeconds
    attempt
  }
`);

export const StudySummaryFields = graphql(`
  fragment StudySummaryFields on Study {
    id
    status
    failureReason
    progress
    counts {
      pending
      running
      complete
      pruned
      fail
      cancelled
      total
    }
    bestTrial {
      id
      number
      values
    }
  }
`);

export const StudyPageQuery = graphql(`
  query StudyPage($id: ID!) {
    study(id: $id) {
      ...StudySummaryFields
      eventSeq
      name
      description
      objectives {
        name
        direction
      }
      space
      sampler
      budget {
        maxTrials
        maxParallel
      }
      refinement
      createdAt
      project {
        id
        name
        team {
          id
          viewerRole
        }
      }
      parent {
        id
        name
      }
      children {
        id
        name
        status
      }
    }
  }
`);

export const StudyCurvesQuery = graphql(`
  query StudyCurves($id: ID!, $key: String!, $first: Int!) {
    study(id: $id) {
      id
      trials(first: $first, orderBy: { field: NUMBER, direction: DESC }) {
        nodes {
          id
          number
          state
          metrics(keys: [$key], maxPoints: 100) {
            key
            points {
              step
              value
            }
          }
        }
      }
    }
  }
`);

export const StudyImportanceQuery = graphql(`
  query StudyImportance($id: ID!, $objectiveIndex: Int!) {
    study(id: $id) {
      id
      parameterImportance(objectiveIndex: $objectiveIndex) {
        name
        importance
      }
    }
  }
`);

export const RefinementPreviewQuery = graphql(`
  query RefinementPreview($id: ID!, $ranges: JSON, $topFraction: Float) {
    study(id: $id) {
      id
      refinementPreview(ranges: $ranges, topFraction: $topFraction) {
        ranges
        space
        insideCount
        completeCount
        bestValue
        bestTrial {
          id
          number
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  }
`);

/** What Pause, Resume and Stop answer: the study as it is now, or why it was refused. */
export const StudyStatusPayloadFields = graphql(`
  fragment StudyStatusPayloadFields on StudyPayload {
    study {
      ...StudySummaryFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
`);

export const StudyPauseMutation = graphql(`
  mutation StudyPause($id: ID!) {
    studyPause(input: { id: $id }) {
      ...StudyStatusPayloadFields
    }
  }
`);

export const StudyResumeMutation = graphql(`
  mutation StudyResume($id: ID!) {
    studyResume(input: { id: $id }) {
      ...StudyStatusPayloadFields
    }
  }
`);

export const StudyStopMutation = graphql(`
  mutation StudyStop($id: ID!) {
    studyStop(input: { id: $id }) {
      ...StudyStatusPayloadFields
    }
  }
`);

export const TrialEnqueueMutation = graphql(`
  mutation TrialEnqueue($studyId: ID!, $params: JSON!) {
    trialEnqueue(input: { studyId: $studyId, params: $params }) {
      trial {
        ...StudyTrialFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const StudyRefineMutation = graphql(`
  mutation StudyRefine($input: StudyRefineInput!) {
    studyRefine(input: $input) {
      study {
        id
        name
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
