import { graphql } from '@/gql';

export const EvaluationFields = graphql(`
  fragment EvaluationFields on Trial {
    id
    number
    state
    values
    study {
      id
      objective
    }
    artifacts(first: 100) {
      id
      name
      kind
      state
    }
    evaluation {
      id
      state
      error
      finishedAt
      metrics {
        key
        value
      }
    }
  }
`);

export const StudyBestModelsQuery = graphql(`
  query StudyBestModels($id: ID!, $first: Int!, $orderBy: TrialOrder!) {
    study(id: $id) {
      id
      objective
      keepModels
      trials(first: $first, filter: { states: [COMPLETE] }, orderBy: $orderBy) {
        nodes {
          ...EvaluationFields
        }
      }
    }
  }
`);

export const TrialEvaluationQuery = graphql(`
  query TrialEvaluation($id: ID!) {
    trial(id: $id) {
      ...EvaluationFields
    }
  }
`);

export const TrialEvaluateMutation = graphql(`
  mutation TrialEvaluate($input: TrialEvaluateInput!) {
    trialEvaluate(input: $input) {
      evaluation {
        id
        state
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ModelDownloadQuery = graphql(`
  query ModelDownload($id: ID!) {
    trial(id: $id) {
      id
      artifacts(first: 100) {
        id
        name
        downloadUrl
      }
    }
  }
`);

export const EvaluationEventsSubscription = graphql(`
  subscription EvaluationEvents($studyId: ID!) {
    studyEvents(studyId: $studyId) {
      kind
      seq
      trial {
        id
      }
    }
  }
`);
